"""Export (JSON, Markdown) and import (Kaart JSON, jrnl JSON): round trips and idempotence."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from tui.journal import export
from tui.journal.importer import ImportProblem, import_file, parse
from tui.journal.model import CardRef
from tui.journal.resurface import STEPS, LadderState
from tui.journal.store import open_store
from tui.textclean import one_line, strip_controls

JRNL = DATA / "jrnl" / "jrnl-v4.6-export.json"


def dump(store) -> str:
    return export.to_json(store.entries(), store.draws(), ladder=store.ladder_states())


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def sample(store, clock):
    card = CardRef("volgende-stap", "vraag-terug", "Wat vraag je terug?\nTweede regel")
    store.add_entry("journal", "Eerste dag #begin", title="Begin",
                    created=datetime(2026, 11, 1, 8, tzinfo=UTC))
    store.add_entry("note", "Notitie bij de kaart", card=card, tags=["wmo"],
                    created=datetime(2026, 11, 2, 8, tzinfo=UTC))
    decision = store.add_entry("decision", "wat ik zag", title="Wel doen",
                               created=datetime(2026, 11, 3, 8, tzinfo=UTC))
    store.set_outcome(decision.uid, "Het hielp.")
    store.record_draw("volgende-stap", "vraag-terug", "decision")
    return store


def test_json_export_is_versioned_and_complete(sample):
    data = json.loads(dump(sample))
    assert data["format"] == "kaart-journal" and data["version"] == 3
    assert [e["kind"] for e in data["entries"]] == ["journal", "note", "decision"]
    assert data["entries"][1]["card"]["text"] == "Wat vraag je terug?\nTweede regel"
    assert data["entries"][2]["outcome"] == "Het hielp."
    assert data["draws"][0]["purpose"] == "decision" and data["draws"][0]["at"].endswith("Z")
    assert data["entries"] == [e.to_json() for e in sample.entries()]


def test_round_trip_and_idempotent_import(sample, tmp_path, clock):
    first = dump(sample)
    path = write(tmp_path, "export.json", first)
    with open_store(tmp_path / "other.sqlite3", now=clock) as other:
        result = import_file(other, path)
        assert (result.source, result.added, result.skipped) == ("kaart", 3, 0)
        assert dump(other) == first
        again = import_file(other, path)
        assert (again.added, again.skipped) == (0, 3)
        assert dump(other) == first
        assert other.history(other.entries()[0].uid) == []
    assert import_file(sample, path).added == 0


@pytest.fixture
def looking_back(sample, clock):
    """The sample with what issue 13 adds: a review, links, a day to look back, the ladder."""
    from datetime import date

    from tui.journal.resurface import LadderState

    review = sample.add_entry("review", "1. Wat viel op?\nVeel", title="Terugblik: week 45",
                              link="week:2026-11-02", created=datetime(2026, 11, 9, 8, tzinfo=UTC))
    first = sample.entries()[0]
    sample.add_entry("note", "Het is anders nu", link=f"entry:{first.uid}", starred=True,
                     created=datetime(2026, 11, 10, 8, tzinfo=UTC))
    sample.add_entry("decision", "waarom", title="Later kijken", look_back=date(2026, 12, 1),
                     created=datetime(2026, 11, 11, 8, tzinfo=UTC))
    sample.put_ladder(first.uid, LadderState(2, date(2026, 11, 20), "changed", False))
    sample.put_ladder(sample.entries()[1].uid, LadderState(4, date(2026, 11, 21), "never", True))
    sample.put_ladder(review.uid, LadderState())  # a review never comes back; its row still travels
    return sample


def test_reviews_links_look_back_and_the_ladder_round_trip(looking_back, tmp_path, clock):
    first = dump(looking_back)
    data = json.loads(first)
    kinds = [e["kind"] for e in data["entries"]]
    assert kinds == ["journal", "note", "decision", "review", "note", "decision"]
    assert data["entries"][3]["link"] == "week:2026-11-02"
    assert data["entries"][4]["link"] == f"entry:{data['entries'][0]['uid']}"
    assert data["entries"][4]["starred"] is True
    assert data["entries"][5]["look_back"] == "2026-12-01"
    assert data["entries"][0]["resurface"] == {"step": 2, "shown": "2026-11-20",
                                               "answer": "changed", "retired": False}
    assert data["entries"][1]["resurface"]["retired"] is True
    assert "resurface" not in data["entries"][2]
    path = write(tmp_path, "export.json", first)
    with open_store(tmp_path / "other.sqlite3", now=clock) as other:
        assert import_file(other, path).added == 6
        assert dump(other) == first
        assert import_file(other, path).added == 0
        assert dump(other) == first
        assert other.ladder_states() == looking_back.ladder_states()


def test_an_import_keeps_the_ladder_of_entries_already_there(looking_back, tmp_path):
    from datetime import date

    from tui.journal.resurface import LadderState

    data = json.loads(dump(looking_back))
    data["entries"][0]["resurface"] = {"step": 0, "shown": None, "answer": "", "retired": False}
    import_file(looking_back, write(tmp_path, "x.json", json.dumps(data)))
    uid = data["entries"][0]["uid"]
    assert looking_back.ladder_states()[uid] == LadderState(2, date(2026, 11, 20), "changed", False)


def test_exports_of_earlier_versions_still_import(store, tmp_path):
    entry = {"uid": "00112233-4455-6677-8899-aabbccddeeff", "kind": "note", "body": "oud",
             "created": "2026-11-01T08:00:00.000000Z", "updated": "2026-11-01T08:00:00.000000Z",
             "title": "", "tags": [], "card": None}
    for version in (1, 2):
        doc = {"format": "kaart-journal", "version": version, "entries": [entry], "draws": []}
        result = import_file(store, write(tmp_path, f"v{version}.json", json.dumps(doc)))
        assert result.added == (1 if version == 1 else 0) and result.skipped == version - 1
    assert store.get_entry(entry["uid"]).body == "oud" and store.ladder_states() == {}


@pytest.mark.parametrize("ladder", [
    "nee", {"step": 9}, {"step": -1}, {"step": True}, {"step": 1, "shown": "gisteren"},
    {"answer": "misschien"}, {"retired": "ja"}, {"shown": "0001-01-01"},
])
def test_a_bad_ladder_state_is_refused_whole(store, tmp_path, ladder):
    doc = {"format": "kaart-journal", "version": 3, "entries": [
        {"uid": "00112233-4455-6677-8899-aabbccddeeff", "kind": "journal", "body": "x",
         "created": "2026-11-01T08:00:00.000000Z", "resurface": ladder}]}
    with pytest.raises(ImportProblem) as problem:
        import_file(store, write(tmp_path, "bad.json", json.dumps(doc)))
    assert "'resurface'" in problem.value.message
    assert store.count() == 0


def test_date_range_export(sample):
    from datetime import date

    entries = sample.entries(date(2026, 11, 2), date(2026, 11, 2))
    assert [e.kind for e in entries] == ["note"]


def test_markdown_export_for_people(sample):
    text = export.to_markdown(sample.entries(), lang="nl")
    assert text.startswith("# Kaart-dagboek")
    assert "## 01-11-2026 09:00 · dagboek · Begin" in text
    assert "Kaart: `volgende-stap/vraag-terug`\n> Wat vraag je terug?\n> Tweede regel" in text
    assert "Labels: #wmo" in text and "**Afloop**" in text and "Het hielp." in text
    english = export.to_markdown(sample.entries(), lang="en")
    assert "## 2026-11-01 09:00 · journal · Begin" in english
    assert "(no entries)" in export.to_markdown([], lang="en")


def test_bsn_masking_in_exports(store):
    entry = store.add_entry("journal", "Mevrouw met BSN 1234.56.782 belde; 123456789 is geen BSN.")
    assert export.has_bsn(entry)
    masked = export.to_json([entry], mask=True)
    assert "1234.56.782" not in masked and "****.**.***" in masked and "123456789" in masked
    assert "1234.56.782" not in export.to_markdown([entry], lang="en", mask=True)


# -- the property: export -> import -> export is identical ---------------------

TRICKY = st.sampled_from(["[", "]", "#", "#tag", "---", "# Kop", "2026-11-22 09:15:",
                          "[2026-11-22 09:15] Titel", "@persoon", "🌱", "👩🏽‍⚕️", "שלום",
                          "مرحبا", "\u200f", "*", "`code`", "> quote", "\t", "\n", "ideeën",
                          '"', "\\", "{}", "{name}", "%s"])
TEXT = st.lists(st.one_of(TRICKY, st.text(max_size=12)), max_size=12).map("".join)
MOMENTS = st.datetimes(min_value=datetime(1971, 1, 2), max_value=datetime(2100, 1, 1),
                       timezones=st.just(UTC))
DAYS = st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31))
LADDER = st.builds(LadderState, st.integers(0, len(STEPS)), st.one_of(st.none(), DAYS),
                   st.sampled_from(["", "still", "changed", "never"]), st.booleans())
ENTRY = st.fixed_dictionaries({
    "kind": st.sampled_from(["journal", "note", "decision", "review"]),
    "title": TEXT, "body": TEXT,
    "tags": st.lists(TEXT, max_size=3),
    "created": MOMENTS,
    "card": st.one_of(st.none(), st.builds(CardRef, st.just("deck"), st.text("abc-", min_size=1,
                                                                           max_size=5), TEXT)),
    "outcome": TEXT,
    "link": st.one_of(st.just(""), st.sampled_from(["week:2026-11-16", "month:2026-11"]), TEXT),
    "look_back": st.one_of(st.none(), DAYS),
    "starred": st.booleans(),
    "ladder": st.one_of(st.none(), LADDER),
})


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(ENTRY, max_size=6))
def test_round_trip_property(tmp_path_factory, clock, entries):
    folder = tmp_path_factory.mktemp("rt")
    with open_store(folder / "a.sqlite3", now=clock) as first:
        for data in entries:
            if not strip_controls(data["body"]).strip() and not one_line(data["title"]):
                with pytest.raises(ValueError):  # nothing but whitespace: refused, like the app does
                    first.add_entry(data["kind"], data["body"], title=data["title"])
                continue
            entry = first.add_entry(data["kind"], data["body"], title=data["title"],
                                    card=data["card"], tags=data["tags"], created=data["created"],
                                    link=data["link"], look_back=data["look_back"],
                                    starred=data["starred"])
            if data["kind"] == "decision" and data["outcome"].strip():
                first.set_outcome(entry.uid, data["outcome"])
            if data["ladder"] is not None:
                first.put_ladder(entry.uid, data["ladder"])
        text = dump(first)
        count = first.count()
    path = write(folder, "export.json", text)
    with open_store(folder / "b.sqlite3", now=clock) as second:
        assert import_file(second, path).added == count
        assert dump(second) == text
        assert import_file(second, path).added == 0
        assert dump(second) == text


# -- jrnl ---------------------------------------------------------------------


def test_import_a_file_made_by_real_jrnl(store, tmp_path):
    raw = json.loads(JRNL.read_text(encoding="utf-8"))
    result = import_file(store, JRNL)
    assert (result.source, result.added, result.skipped) == ("jrnl", len(raw["entries"]), 0)
    assert result.with_bsn == 1
    entries = store.entries()
    assert [e.title for e in entries] == [e["title"] for e in raw["entries"]]
    first = entries[0]
    assert first.kind == "journal"
    assert set(first.tags) >= {"wmo", "luisteren"}
    assert first.created == datetime(2026, 11, 18, 7, 45, tzinfo=UTC)  # 08:45 in Amsterdam
    assert "🌱" in entries[2].body and "שלום" in entries[2].body
    assert entries[5].starred and "starred" not in entries[5].tags
    for tag in ("luisteren", "@luisteren", "#luisteren"):
        assert [h.entry.uid for h in store.search("", tag=tag)] == [first.uid]
    assert [h.entry.title for h in store.search("buurman")] == ["Overleg met het wijkteam*."]
    again = import_file(store, JRNL)
    assert (again.added, again.skipped) == (0, len(raw["entries"]))


def test_jrnl_entries_in_the_same_minute_both_count(store, tmp_path):
    doc = {"tags": {}, "entries": [
        {"title": "a", "body": "", "date": "2026-01-01", "time": "09:00", "tags": [],
         "starred": False},
        {"title": "b", "body": "", "date": "2026-01-01", "time": "09:00", "tags": [],
         "starred": False},
        {"title": "a", "body": "", "date": "2026-01-01", "time": "09:00", "tags": [],
         "starred": False},
    ]}
    result = import_file(store, write(tmp_path, "j.json", json.dumps(doc)))
    assert (result.added, result.skipped) == (2, 1)


@pytest.mark.parametrize("content,words", [
    ("not json", "not a JSON"),
    ('{"a": 1}', "neither"),
    ("[1, 2]", "neither"),
    ('{"format": "kaart-journal", "version": 9, "entries": []}', "newer"),
    ('{"format": "kaart-journal", "version": 1, "entries": [{"uid": "x"}]}', "'uid'"),
    ('{"format": "kaart-journal", "version": 1, "entries": [{"uid": '
     '"00112233-4455-6677-8899-aabbccddeeff", "kind": "note", "created": "gisteren", '
     '"body": "x"}]}', "'created'"),
    ('{"format": "kaart-journal", "version": 1, "entries": [], "draws": [{"deck": 1}]}', "draw 1"),
    ('{"entries": [{"title": "t", "date": "22-11-2026"}]}', "'date'"),
    ('{"entries": [{"title": "t"}]}', "'date'"),
])
def test_bad_import_files_are_refused_whole(store, tmp_path, content, words):
    with pytest.raises(ImportProblem) as problem:
        import_file(store, write(tmp_path, "bad.json", content))
    assert words in problem.value.message
    assert store.count() == 0


def test_a_partly_bad_file_imports_nothing(store, sample, tmp_path):
    data = json.loads(dump(sample))
    data["entries"].append({"uid": "nope"})
    with open_store(tmp_path / "x.sqlite3") as other:
        with pytest.raises(ImportProblem):
            import_file(other, write(tmp_path, "x.json", json.dumps(data)))
        assert other.count() == 0


def test_a_journal_json_listing_can_be_imported(sample):
    listing = [e.to_json() for e in sample.entries()]
    source, entries, draws = parse(listing, Path("x"))
    assert source == "kaart" and len(entries) == 3 and draws == []


def test_missing_file(store, tmp_path):
    with pytest.raises(ImportProblem) as problem:
        import_file(store, tmp_path / "nope.json")
    assert "cannot read" in problem.value.message
