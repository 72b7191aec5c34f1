"""Past reflections come back (issue 13): the spaced ladder, one entry a day, and the answers."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tui.journal.model import CardRef
from tui.journal.resurface import STEPS, LadderState, passed
from tui.journal.store import open_store

CET = timezone(timedelta(hours=1))
CARD = CardRef("volgende-stap", "vraag-terug", "Wat vraag je terug?")


def written(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=CET)


def d(text: str) -> date:
    return date.fromisoformat(text)


def picks(store, first: date, days: int) -> dict[date, str | None]:
    """What comes back on each day from ``first`` on (uid or None), asking once a day."""
    out = {}
    for offset in range(days):
        day = first + timedelta(days=offset)
        found = store.resurfaced(day)
        out[day] = found.entry.uid if found else None
    return out


def test_the_ladder():
    assert STEPS == (7, 30, 90, 365)
    assert [passed(age) for age in (0, 6, 7, 29, 30, 89, 90, 364, 365, 9999)] == [
        0, 0, 1, 1, 2, 2, 3, 3, 4, 4]


def test_the_ladder_picks_the_expected_entry_on_pinned_days(store):
    a = store.add_entry("journal", "A", created=written(d("2026-01-01")))
    b = store.add_entry("note", "B", card=CARD, created=written(d("2026-01-05")))
    store.add_entry("review", "R", link="week:2025-12-29", created=written(d("2026-01-01")))
    trashed = store.add_entry("journal", "T", created=written(d("2026-01-01")))
    store.delete_entry(trashed.uid)
    seen = picks(store, d("2026-01-07"), 400)
    shown = {day: uid for day, uid in seen.items() if uid}
    name = {a.uid: "A", b.uid: "B"}
    assert [(day.isoformat(), name[uid]) for day, uid in shown.items()] == [
        ("2026-01-08", "A"),    # a week after it was written
        ("2026-01-12", "B"),
        ("2026-01-31", "A"),    # a month
        ("2026-02-04", "B"),
        ("2026-04-01", "A"),    # three months
        ("2026-04-05", "B"),
        ("2027-01-01", "A"),    # a year
        ("2027-01-05", "B"),
    ]
    assert store.ladder_state(a.uid) == LadderState(4, d("2027-01-01"), "", False)


def test_the_entry_that_reached_its_step_last_comes_first_then_the_oldest(store):
    old = store.add_entry("journal", "oud", created=written(d("2025-01-01")))
    week = store.add_entry("journal", "week", created=written(d("2026-01-01")))
    same = store.add_entry("journal", "ook een week", created=written(d("2026-01-01"), 12))
    assert store.resurfaced(d("2026-01-08")).entry.uid == week.uid       # a week, on the day
    assert store.resurfaced(d("2026-01-09")).entry.uid == same.uid       # then the other
    found = store.resurfaced(d("2026-01-10"))
    assert found.entry.uid == old.uid and found.age == 374
    assert found.state == LadderState(4, d("2026-01-10"), "", False)     # every step it reached
    assert store.resurfaced(d("2026-01-11")) is None


def test_never_the_same_entry_two_days_running(store):
    entry = store.add_entry("journal", "X", created=written(d("2026-01-01")))
    store.put_ladder(entry.uid, LadderState(1, d("2026-01-30"), "", False))  # came back at 29 days
    assert store.resurfaced(d("2026-01-31")) is None      # 30 days: due, but it came yesterday
    assert store.resurfaced(d("2026-02-01")).entry.uid == entry.uid


def test_a_busy_journal_never_repeats_on_consecutive_days(tmp_path, clock):
    rng = random.Random(13)
    start = d("2024-01-01")
    with open_store(tmp_path / "busy.sqlite3", now=clock) as store:
        for number in range(300):
            day = start + timedelta(days=rng.randrange(730))
            kind = rng.choice(["journal", "note", "decision", "review"])
            store.add_entry(kind, f"stuk {number}", created=written(day, rng.randrange(7, 22)),
                            card=CARD if kind == "note" else None)
        seen = picks(store, start, 900)
        kinds = {entry.uid: entry.kind for entry in store.entries()}
        days = {entry.uid: entry.created.astimezone().date() for entry in store.entries()}
    previous = None
    for day, uid in seen.items():
        if uid is not None:
            assert uid != previous, day
            assert kinds[uid] != "review"
            assert (day - days[uid]).days >= STEPS[0]
        previous = uid
    assert sum(1 for uid in seen.values() if uid) > 300


def test_the_choice_is_kept_all_day_and_the_same_in_a_copy(store, tmp_path, clock):
    from tui.journal import export
    from tui.journal.importer import import_file

    first = store.add_entry("journal", "eerste", created=written(d("2026-01-01")))
    text = export.to_json(store.entries())
    today = d("2026-01-08")
    assert store.resurfaced(today).entry.uid == first.uid
    store.add_entry("journal", "later gevonden", created=written(d("2026-01-01"), 8))
    assert store.resurfaced(today).entry.uid == first.uid   # not changed by what came in since
    copy = tmp_path / "export.json"
    copy.write_text(text, encoding="utf-8")
    with open_store(tmp_path / "copy.sqlite3", now=clock) as other:
        import_file(other, copy)
        assert other.resurfaced(today).entry.uid == first.uid  # deterministic for a pinned day


def test_nothing_today_is_kept_too_and_a_trashed_choice_shows_nothing(store):
    assert store.resurfaced(d("2026-01-08")) is None
    entry = store.add_entry("journal", "nieuw", created=written(d("2026-01-01")))
    assert store.resurfaced(d("2026-01-08")) is None        # the day was decided: nothing
    assert store.resurfaced(d("2026-01-09")).entry.uid == entry.uid
    store.delete_entry(entry.uid)
    assert store.resurfaced(d("2026-01-09")) is None


def test_a_read_only_journal_still_shows_one(db_path, clock):
    with open_store(db_path, now=clock) as store:
        entry = store.add_entry("journal", "alleen lezen", created=written(d("2026-01-01")))
    with open_store(db_path, now=clock, read_only=True) as store:
        assert store.resurfaced(d("2026-01-08")).entry.uid == entry.uid
        assert store.ladder_states() == {}


# -- answers, through the core ------------------------------------------------------


@pytest.fixture
def core(clock):
    from tui.core.kaart import Kaart

    kaart = Kaart(language="en", clock=clock)
    yield kaart
    kaart.close()


def at(clock, text: str) -> None:
    clock.now = datetime.fromisoformat(text).replace(hour=9, tzinfo=UTC)


def test_answers_keep_an_entry_on_the_ladder_or_take_it_off(core, clock):
    store = core.store
    kept = store.add_entry("journal", "klopt nog", created=written(d("2026-01-01")))
    off = store.add_entry("journal", "niet meer", created=written(d("2026-01-02")))
    at(clock, "2026-01-08")
    assert core.resurfaced().entry.uid == kept.uid
    assert core.answer_resurfaced("still") is None
    assert store.ladder_state(kept.uid) == LadderState(1, d("2026-01-08"), "still", False)
    at(clock, "2026-01-09")
    assert core.resurfaced().entry.uid == off.uid
    core.answer_resurfaced("never")
    assert store.ladder_state(off.uid).retired
    at(clock, "2026-01-31")
    assert core.resurfaced().entry.uid == kept.uid          # a month: back again
    for day in range(1, 400):
        found = store.resurfaced(d("2026-02-01") + timedelta(days=day))
        assert found is None or found.entry.uid != off.uid  # never again


def test_once_answered_it_waits_no_more_today_and_never_means_never(core, clock):
    store = core.store
    for answer in ("still", "changed", "never"):
        entry = store.add_entry("journal", answer, created=written(d("2026-03-01")))
        at(clock, {"still": "2026-03-08", "changed": "2026-03-10", "never": "2026-03-12"}[answer])
        assert core.resurfaced(waiting=True).entry.uid == entry.uid
        core.answer_resurfaced(answer)
        assert core.resurfaced(waiting=True) is None            # not again today, whichever
        assert core.resurfaced().entry.uid == entry.uid         # what `kaart resurface` shows
    at(clock, "2026-03-13")
    gone = core.resurfaced(waiting=True)
    assert gone is None or gone.entry.body != "never"


def test_changed_gives_what_a_linked_note_needs(core, clock):
    from tui.errors import NotFound, UsageError

    card = core.card("volgende-stap/vraag-terug")
    earlier = core.save_entry("note", "Ik vraag nooit terug", card=card)
    with pytest.raises(NotFound):
        core.answer_resurfaced("still")                      # nothing came back today
    with pytest.raises(UsageError):
        core.answer_resurfaced("misschien")
    clock.advance(days=7)
    assert core.resurfaced().entry.uid == earlier.uid
    changed = core.answer_resurfaced("changed")
    assert changed.kind == "note" and changed.card == card
    assert changed.link == f"entry:{earlier.uid}" and changed.earlier.uid == earlier.uid
    note = core.save_entry(changed.kind, "Nu wel", card=changed.card, link=changed.link)
    assert note.link == f"entry:{earlier.uid}" and note.card.ref == "volgende-stap/vraag-terug"
    assert core.store.ladder_state(earlier.uid).answer == "changed"
    loose = core.save_entry("journal", "Los")
    with pytest.raises(NotFound):
        core.answer_resurfaced("still", loose.uid)           # it never came back


# -- the command --------------------------------------------------------------------


def test_kaart_resurface(kaart, store):
    assert kaart("resurface").out == "Nothing comes back from your past today.\n"
    empty = json.loads(kaart("resurface", "--json").out)
    assert empty == {"date": "2026-11-22", "entry": None, "age_days": None, "ladder": None}
    assert kaart("resurface", "--answer", "still").code == 1
    entry = store.add_entry("note", "een\ntwee\ndrie\nvier\nvijf\nzes", title="Titel",
                            card=CARD, created=written(d("2026-11-14")))
    assert kaart("resurface").out.startswith("Nothing")    # today was decided: nothing
    later = datetime(2026, 11, 23, 9, tzinfo=CET)
    text = kaart("resurface", clock=lambda: later).out
    assert text.startswith("From your past  14 Nov 2026, 9 days ago · note (")
    assert "  Titel\n  een\n  twee\n  drie\n  vier\n  …\n" in text and "vijf" not in text
    assert "[volgende-stap/vraag-terug]" in text and "--answer never" in text
    data = json.loads(kaart("resurface", "--json", clock=lambda: later).out)
    assert data["entry"]["uid"] == entry.uid and data["age_days"] == 9
    assert data["ladder"] == {"step": 1, "shown": "2026-11-23", "answer": "", "retired": False}
    dutch = kaart("--lang", "nl", "resurface", clock=lambda: later).out
    assert dutch.startswith("Uit je verleden  14 nov. 2026, 9 dagen geleden · notitie (")


@pytest.fixture
def stdin(monkeypatch):
    import io
    import sys

    stream = io.StringIO("")
    stream.isatty = lambda: False
    monkeypatch.setattr(sys, "stdin", stream)


def test_kaart_resurface_answers(kaart, store, stdin):
    entry = store.add_entry("note", "Vroeger", card=CARD, created=written(d("2026-11-14")))
    later = datetime(2026, 11, 23, 9, tzinfo=CET)
    assert kaart("resurface", "--answer", "changed", clock=lambda: later).code == 2  # no text
    assert kaart("resurface", "--answer", "still", "tekst", clock=lambda: later).code == 2
    assert kaart("resurface", "los", clock=lambda: later).code == 2
    changed = kaart("resurface", "--answer", "changed", "Nu", "anders", "--json",
                    clock=lambda: later)
    assert changed.code == 0, changed.err
    data = json.loads(changed.out)
    assert data["answer"] == "changed" and data["entry"]["uid"] == entry.uid
    assert data["note"]["link"] == f"entry:{entry.uid}" and data["note"]["body"] == "Nu anders"
    assert data["note"]["card"]["id"] == "vraag-terug"
    said = kaart("resurface", "--answer", "never", clock=lambda: later)
    assert said.out == f"{entry.uid[:8]} will not come back again.\n"
    assert store.ladder_state(entry.uid).retired


def test_the_ladder_state_is_in_the_export(kaart, store):
    entry = store.add_entry("journal", "x", created=written(d("2026-11-01")))
    store.put_ladder(entry.uid, LadderState(2, d("2026-11-20"), "still", False))
    data = json.loads(kaart("export", "--format", "json").out)
    assert data["version"] == 3
    assert data["entries"][0]["resurface"] == {"step": 2, "shown": "2026-11-20",
                                               "answer": "still", "retired": False}
    listed = json.loads(kaart("journal", "--json").out)
    assert "resurface" not in listed[0]                       # listings keep the entry shape


def test_a_journal_that_cannot_be_written_still_shows_one(core, clock, monkeypatch):
    from tui.errors import StoreError
    from tui.journal.store import JournalStore

    entry = core.save_entry("journal", "toch getoond")
    clock.advance(days=7)

    def full(self, *args, **kwargs):
        raise StoreError("the disk is full", "full")

    monkeypatch.setattr(JournalStore, "_choose_and_keep", full)
    assert core.resurfaced().entry.uid == entry.uid
    assert core.take_notices() == ["the disk is full"]
    assert core.store.ladder_states() == {}


def test_kaart_resurface_json_is_the_export_entry_shape(kaart, store):
    """The entry in ``resurface --json`` is the export's entry, field for field (issue 13 rule)."""
    entry = store.add_entry("note", "Toen\nen nu", title="Titel", tags=["team"], card=CARD,
                            created=written(d("2026-11-14")))
    later = datetime(2026, 11, 23, 9, tzinfo=CET)
    shown = json.loads(kaart("resurface", "--json", clock=lambda: later).out)["entry"]
    exported = json.loads(kaart("export", "--format", "json", clock=lambda: later).out)
    [same] = [item for item in exported["entries"] if item["uid"] == entry.uid]
    same.pop("resurface", None)  # the ladder's state is the export's alone
    assert shown == same
    assert shown["card"]["id"] == "vraag-terug" and shown["tags"] == ["team"]
