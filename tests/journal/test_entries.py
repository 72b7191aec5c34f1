"""Entries: add, read, edit with history, outcomes, trash, listing and per-card history."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from tui.dates import to_iso_utc
from tui.journal.model import CardRef, text_tags
from tui.journal.store import open_store

CARD = CardRef("volgende-stap", "vraag-terug", "Wat vraag je terug?")


def test_add_and_get_an_entry(store, clock):
    entry = store.add_entry("note", "Ze wil zelf koken.\n\n", title="Bij  mevrouw\nJansen",
                            card=CARD, tags=["#Wmo", "@buurt", "wmo"])
    assert uuid.UUID(entry.uid).version == 4
    assert entry.kind == "note"
    assert entry.title == "Bij mevrouw Jansen"
    assert entry.body == "Ze wil zelf koken."
    assert entry.tags == ("buurt", "wmo")
    assert entry.card == CARD
    assert entry.created.tzinfo is not None and entry.created.utcoffset() == timedelta(0)
    assert entry.created == entry.updated
    assert store.get_entry(entry.uid) == entry
    assert store.get_entry(str(uuid.uuid4())) is None
    assert store.get_entry("not-a-uid") is None


def test_text_tags_are_found_and_stored_without_sigil(store):
    entry = store.add_entry("journal", "Vandaag #Luisteren geoefend, zie https://x.nl/#anchor "
                            "en &#123; en #1 en ## kop en #twee-woorden.")
    assert entry.tags == ("luisteren", "twee-woorden")
    assert text_tags("# Kop\n#tag") == ["tag"]
    assert [e.uid for e in (h.entry for h in store.search("", tag="#luisteren"))] == [entry.uid]
    assert [h.entry.uid for h in store.search("", tag="@LUISTEREN")] == [entry.uid]


def test_control_characters_are_removed(store):
    entry = store.add_entry("journal", "a\x1b[31mb\x07c\r\nd", title="t\x00i")
    assert entry.body == "a[31mbc\nd"
    assert entry.title == "ti"


def test_bad_kind_and_empty_text_are_refused(store):
    with pytest.raises(ValueError):
        store.add_entry("diary", "x")
    with pytest.raises(ValueError):
        store.add_entry("journal", "  \n ")


def test_created_can_be_given_and_local_day_is_used(store):
    late = datetime(2026, 11, 21, 23, 30, tzinfo=UTC)  # 00:30 on the 22nd in Amsterdam
    entry = store.add_entry("journal", "laat", created=late)
    assert entry.created == late
    assert store.day_counts(date(2026, 11, 21), date(2026, 11, 22)) == {date(2026, 11, 22): 1}


def test_update_keeps_the_previous_version(store, clock):
    entry = store.add_entry("journal", "eerste versie #een", tags=["vast"])
    clock.advance(minutes=5)
    second = store.update_entry(entry.uid, body="tweede versie #twee")
    assert second.body == "tweede versie #twee"
    assert second.tags == ("twee", "vast")
    assert second.updated > entry.updated and second.created == entry.created
    clock.advance(minutes=5)
    third = store.update_entry(entry.uid, title="Titel", tags=["ander"])
    assert third.tags == ("ander", "twee")
    history = store.history(entry.uid)
    assert [h.body for h in history] == ["tweede versie #twee", "eerste versie #een"]
    assert history[0].title == "" and history[1].tags == ("een", "vast")
    assert [h.updated for h in history] == [second.updated, entry.updated]
    assert [h.uid for h in store.search("", tag="een")] == []
    assert [h.entry.uid for h in store.search("", tag="ander")] == [entry.uid]
    assert store.search("eerste") == []


def test_update_without_change_keeps_no_version(store):
    entry = store.add_entry("journal", "zelfde")
    assert store.update_entry(entry.uid, body="zelfde") == entry
    assert store.history(entry.uid) == []


def test_update_unknown_entry(store):
    with pytest.raises(KeyError):
        store.update_entry(str(uuid.uuid4()), body="x")


def test_decision_outcome_and_pending(store, clock):
    first = store.add_entry("decision", "wat de kaart liet zien", title="Wel of niet doorverwijzen")
    clock.advance(days=1)
    second = store.add_entry("decision", "tweede", title="Tweede besluit")
    note = store.add_entry("journal", "geen besluit")
    assert [e.uid for e in store.pending_decisions()] == [first.uid, second.uid]
    clock.advance(days=7)
    done = store.set_outcome(first.uid, "Goed uitgepakt: zij belde zelf.")
    assert done.outcome == "Goed uitgepakt: zij belde zelf."
    assert done.outcome_at is not None and done.outcome_at > first.created
    assert done.to_json()["outcome_at"] == to_iso_utc(done.outcome_at)
    assert [e.uid for e in store.pending_decisions()] == [second.uid]
    assert done.updated == first.updated  # an outcome is not an edit of the decision
    assert store.history(first.uid) == []
    clock.advance(days=1)
    changed = store.set_outcome(first.uid, "Later bleek: niet helemaal.")
    assert store.history(first.uid)[0].outcome == "Goed uitgepakt: zij belde zelf."
    assert changed.outcome_at > done.outcome_at
    with pytest.raises(ValueError):
        store.set_outcome(note.uid, "x")


def test_to_json_shape(store):
    entry = store.add_entry("note", "tekst", card=CARD, tags=["a"])
    data = entry.to_json()
    assert list(data) == ["uid", "kind", "created", "updated", "title", "body", "tags", "card",
                          "starred"]
    assert data["card"] == {"deck": "volgende-stap", "id": "vraag-terug",
                            "text": "Wat vraag je terug?"}
    assert data["created"].endswith("Z")
    decision = store.add_entry("decision", "x", title="y").to_json()
    assert decision["card"] is None and decision["outcome"] == "" and decision["outcome_at"] is None
    assert decision["look_back"] is None and decision["starred"] is False


def test_trash_restore_and_empty(store, db_path):
    keep = store.add_entry("journal", "blijft staan")
    secret = "geheimwoordxyz " * 40
    gone = store.add_entry("journal", secret, title="weg")
    store.update_entry(gone.uid, body=secret + " extra")
    draft = store.save_draft(f"entry:{gone.uid}", {"body": "concept geheimwoordxyz"})
    store.delete_entry(gone.uid)
    assert store.count() == 1
    assert [e.uid for e in store.trash()] == [gone.uid] and store.trash()[0].deleted
    assert store.search("geheimwoordxyz") == []
    assert [e.uid for e in store.recent()] == [keep.uid]
    store.restore_entry(gone.uid)
    assert [h.entry.uid for h in store.search("geheimwoordxyz")] == [gone.uid]
    store.delete_entry(gone.uid)
    assert store.empty_trash() == 1
    assert store.empty_trash() == 0
    assert store.get_entry(gone.uid) is None and store.trash() == []
    assert store.get_draft(draft) is None
    assert store.get_entry(keep.uid) is not None
    store.close()
    raw = b"".join(path.read_bytes() for path in db_path.parent.glob("journal.sqlite3*"))
    assert b"geheimwoordxyz" not in raw


def test_delete_unknown(store):
    with pytest.raises(KeyError):
        store.delete_entry(str(uuid.uuid4()))


def test_count_recent_and_keyset_paging(store, clock):
    made = []
    for number in range(25):
        clock.advance(minutes=1)
        made.append(store.add_entry("note" if number % 2 else "journal", f"stuk {number}"))
    assert store.count() == 25 and store.count("note") == 12
    newest = list(reversed(made))
    first = store.recent(10)
    assert [e.uid for e in first] == [e.uid for e in newest[:10]]
    last = first[-1]
    second = store.recent(10, before=(to_iso_utc(last.created), last.uid))
    assert [e.uid for e in second] == [e.uid for e in newest[10:20]]
    third = store.recent(10, before=(second[-1].created, second[-1].uid))
    assert [e.uid for e in third] == [e.uid for e in newest[20:]]
    assert all(e.kind == "note" for e in store.recent(50, kind="note"))


def test_keyset_paging_with_equal_times(store, clock):
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    made = {store.add_entry("journal", f"x{n}", created=moment).uid for n in range(7)}
    seen, before = [], None
    while page := store.recent(3, before=before):
        seen += [e.uid for e in page]
        before = (to_iso_utc(page[-1].created), page[-1].uid)
    assert sorted(seen) == sorted(made) and len(seen) == 7


def test_card_history_oldest_first(store, clock):
    other = CardRef("volgende-stap", "eigen-stuur", "Wie stuurt?")
    first = store.add_entry("note", "een", card=CARD)
    clock.advance(days=3)
    store.add_entry("note", "ander", card=other)
    second = store.add_entry("decision", "twee", title="b", card=CARD)
    third = store.add_entry("note", "drie", card=CARD)
    store.delete_entry(third.uid)
    assert [e.uid for e in store.card_history("volgende-stap", "vraag-terug")] == [
        first.uid, second.uid]


def test_card_text_is_a_copy(store):
    entry = store.add_entry("note", "x", card=CARD)
    assert store.get_entry(entry.uid).card.text == "Wat vraag je terug?"


def test_on_this_day_is_the_same_date_in_earlier_years(store):
    def at(y, m, d):
        return datetime(y, m, d, 10, tzinfo=UTC)

    hits = [store.add_entry("journal", f"{y}", created=at(y, 11, 22)) for y in (2025, 2023)]
    store.add_entry("journal", "same day, other month", created=at(2026, 10, 22))
    store.add_entry("journal", "other day", created=at(2025, 11, 21))
    store.add_entry("journal", "today itself", created=at(2026, 11, 22))
    found = store.on_this_day(date(2026, 11, 22))
    assert [e.uid for e in found] == [e.uid for e in hits]  # newest year first
    assert store.on_this_day(date(2026, 3, 31)) == []


def test_on_this_day_keeps_the_filters(store):
    note = store.add_entry("note", "op de kaart", card=CARD, tags=["wmo"],
                           created=datetime(2025, 11, 22, 10, tzinfo=UTC))
    store.add_entry("journal", "los #wmo", created=datetime(2024, 11, 22, 10, tzinfo=UTC))
    assert [e.uid for e in store.on_this_day(date(2026, 11, 22), kind="note")] == [note.uid]
    assert [e.uid for e in store.on_this_day(date(2026, 11, 22), deck="volgende-stap")] == \
        [note.uid]
    assert len(store.on_this_day(date(2026, 11, 22), tag="#wmo")) == 2
    assert store.on_this_day(date(2026, 11, 22), starred=True) == []


def test_on_this_day_29_february(store):
    leap = store.add_entry("journal", "schrikkeldag",
                           created=datetime(2024, 2, 29, 10, tzinfo=UTC))
    plain = store.add_entry("journal", "28 feb", created=datetime(2025, 2, 28, 10, tzinfo=UTC))
    # 2027 and 2026 have no 29 February (28 February stands in): 2025's 28th, then 2024's 29th
    assert [e.uid for e in store.on_this_day(date(2028, 2, 29))] == [plain.uid, leap.uid]
    assert [e.uid for e in store.on_this_day(date(2026, 2, 28))] == [plain.uid]


def test_find_by_prefix(store):
    entry = store.add_entry("journal", "x")
    assert [e.uid for e in store.find(entry.uid[:8])] == [entry.uid]
    assert [e.uid for e in store.find(entry.uid.upper())] == [entry.uid]
    assert store.find("zz") == [] and store.find("") == []
    store.delete_entry(entry.uid)
    assert store.find(entry.uid[:6]) == []
    assert [e.uid for e in store.find(entry.uid[:6], in_trash=True)] == [entry.uid]


def test_read_only_store_refuses_writes(db_path, clock):
    from tui.errors import StoreError

    with open_store(db_path, now=clock) as writer:
        entry = writer.add_entry("journal", "x")
    with open_store(db_path, now=clock, read_only=True) as reader:
        assert reader.read_only
        assert reader.get_entry(entry.uid).body == "x"
        with pytest.raises(StoreError) as error:
            reader.add_entry("journal", "y")
        assert error.value.reason == "read_only"


def test_read_only_without_a_database_is_empty(tmp_path):
    with open_store(tmp_path / "none.sqlite3", read_only=True) as reader:
        assert reader.recent() == [] and reader.count() == 0
    assert not (tmp_path / "none.sqlite3").exists()
