"""Draws and their bags, drafts, and the counts behind the calendar and ``kaart stats``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tui.journal.model import CardRef


def test_draw_and_record_keeps_the_bag_in_one_transaction(store):
    from types import SimpleNamespace

    def choose_first(seen: list):
        def choose(bag, last):
            seen.append((list(bag), last))
            remaining = bag or ["x/a", "x/b", "x/c"]
            pick, rest = remaining[0], remaining[1:]
            deck, _, card = pick.partition("/")
            return SimpleNamespace(deck=deck, id=card), rest
        return choose

    assert store.load_bag("deck=x") == ([], None)
    seen: list = []
    for purpose in ("random", "decision", "random"):
        store.draw_and_record("deck=x", choose_first(seen), purpose)
    assert seen == [([], None), (["x/b", "x/c"], "x/a"), (["x/c"], "x/b")]
    assert store.load_bag("deck=x") == ([], "x/c")
    assert store.load_bag("deck=y") == ([], None)
    assert store.most_drawn() == [("x", "a", 1), ("x", "b", 1), ("x", "c", 1)]


def test_a_failed_choice_records_nothing(store):
    def broken(bag, last):
        raise RuntimeError("no")

    with pytest.raises(RuntimeError):
        store.draw_and_record("deck=x", broken, "random")
    assert store.draws() == [] and store.load_bag("deck=x") == ([], None)


def test_the_daily_card_kept_for_a_day(store):
    assert store.daily_card(date(2026, 11, 22)) is None
    store.record_draw("x", "a", "random")
    assert store.daily_card(date(2026, 11, 22)) is None
    store.record_draw("x", "a", "daily")
    store.record_draw("x", "b", "daily")
    assert tuple(store.daily_card(date(2026, 11, 22))) == ("x", "a")
    assert store.daily_card(date(2026, 11, 23)) is None


def test_a_daily_draw_is_recorded_once_a_day(store, clock):
    store.record_draw("x", "a", "daily")
    store.record_draw("x", "a", "daily")
    store.record_draw("x", "a", "random")
    assert store.stats(date(2026, 11, 22))["draws_by_purpose"] == {
        "daily": 1, "decision": 0, "random": 1}
    clock.advance(days=1)
    store.record_draw("x", "a", "daily")
    assert store.most_drawn() == [("x", "a", 3)]


def test_unknown_purpose(store):
    with pytest.raises(ValueError):
        store.record_draw("x", "a", "fun")


def test_drafts_keep_every_field_and_are_never_overwritten(store, clock):
    assert store.drafts() == []
    first = store.save_draft("journal", {"title": "Titel", "body": "half af", "tags": ["a"]})
    clock.advance(seconds=3)
    note = store.save_draft("note:volgende-stap/vraag-terug", {"body": "iets"})
    again = store.save_draft("journal", {"body": "een tweede tekst, zelfde context"})
    assert len({first, note, again}) == 3
    assert store.save_draft("journal", {"title": "Titel", "body": "half af, nu meer",
                                        "tags": ["a"]}, first) == first
    kept = store.get_draft(first)
    assert kept.fields == {"title": "Titel", "body": "half af, nu meer", "tags": ["a"]}
    assert kept.created < kept.saved and kept.saved.tzinfo is not None
    assert [d.id for d in store.drafts("journal")] == [first, again]
    assert [d.context for d in store.drafts()] == ["journal", "journal",
                                                   "note:volgende-stap/vraag-terug"]
    assert store.save_draft("journal", {"title": " ", "body": "  "}, first) is None
    assert store.get_draft(first) is None
    store.discard_draft(note)
    assert [d.id for d in store.drafts()] == [again]


def test_worksheet_answers_are_a_draft_of_their_own(store):
    draft = store.save_draft("worksheet:d/w", {"answers": ["", "tweede", ""], "tags": []})
    assert store.get_draft(draft).fields["answers"] == ["", "tweede", ""]
    assert store.save_draft("worksheet:d/w", {"answers": ["", " "]}, draft) is None


def test_drafts_survive_reopening(db_path, clock):
    from tui.journal.store import open_store

    with open_store(db_path, now=clock) as first:
        draft = first.save_draft("decision", {"title": "Besluit", "body": "nog niet klaar",
                                              "card": "d/c"})
    with open_store(db_path, now=clock) as second:
        assert second.get_draft(draft).fields["body"] == "nog niet klaar"


def test_a_save_discards_its_draft_in_the_same_transaction(store):
    draft = store.save_draft("journal", {"body": "bijna klaar"})
    entry = store.add_entry("journal", "bijna klaar", discard_draft=draft)
    assert store.get_draft(draft) is None and store.get_entry(entry.uid) is not None


def _on(store, day: date, count: int = 1, card: CardRef | None = None):
    for number in range(count):
        moment = datetime(day.year, day.month, day.day, 10, number, tzinfo=UTC)
        store.add_entry("note" if card else "journal", f"stuk {day} {number}", card=card,
                        created=moment)


def test_day_counts_and_month_counts(store):
    _on(store, date(2026, 11, 1), 2)
    _on(store, date(2026, 11, 3))
    _on(store, date(2026, 10, 31))
    assert store.day_counts(date(2026, 11, 1), date(2026, 11, 30)) == {
        date(2026, 11, 1): 2, date(2026, 11, 3): 1}
    assert store.entries_per_month() == [("2026-10", 1), ("2026-11", 3)]


def test_streak(store):
    today = date(2026, 11, 22)
    assert store.streak(today) == 0
    for back in (1, 2, 3, 5):
        _on(store, today - timedelta(days=back))
    assert store.streak(today) == 3  # up to yesterday
    _on(store, today)
    assert store.streak(today) == 4
    assert store.streak(today + timedelta(days=2)) == 0
    assert store.stats(today)["longest_streak"] == 4


def test_most_written(store):
    a = CardRef("d", "a", "A")
    b = CardRef("d", "b", "B")
    _on(store, date(2026, 11, 1), 3, card=a)
    _on(store, date(2026, 11, 2), 1, card=b)
    _on(store, date(2026, 11, 2), 1)
    assert store.most_written() == [("d", "a", 3), ("d", "b", 1)]
    assert store.most_written(1) == [("d", "a", 3)]


def test_stats_summary(store):
    _on(store, date(2026, 11, 20), 2)
    _on(store, date(2026, 11, 21), 1, card=CardRef("d", "a", "A"))
    store.add_entry("decision", "x", title="besluit", created=datetime(2026, 11, 22, tzinfo=UTC))
    store.record_draw("d", "a", "decision")
    data = store.stats(date(2026, 11, 22))
    assert data["entries"] == 4
    assert data["by_kind"] == {"journal": 2, "note": 1, "decision": 1, "review": 0}
    assert data["days_reflected"] == 3 and data["streak"] == 3
    assert data["first_day"] == "2026-11-20" and data["last_day"] == "2026-11-22"
    assert data["entries_per_month"] == [{"month": "2026-11", "entries": 4}]
    assert data["most_drawn"] == [{"deck": "d", "card": "a", "count": 1}]
    assert data["most_written"] == [{"deck": "d", "card": "a", "count": 1}]
    assert data["pending_decisions"] == 1 and data["draws"] == 1
