"""Draws and their bags, drafts, and the counts behind the calendar and ``kaart stats``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tui.journal.model import CardRef


def test_record_draw_keeps_the_bag(store):
    assert store.load_bag("deck=x") == ([], None)
    store.record_draw("x", "a", "random", bag_key="deck=x", bag=["x/b", "x/c"])
    assert store.load_bag("deck=x") == (["x/b", "x/c"], "x/a")
    store.record_draw("x", "b", "decision", bag_key="deck=x", bag=["x/c"])
    assert store.load_bag("deck=x") == (["x/c"], "x/b")
    store.record_draw("x", "c", "random", bag_key="deck=x", bag=[])
    assert store.load_bag("deck=x") == ([], "x/c")
    assert store.load_bag("deck=y") == ([], None)
    assert store.most_drawn() == [("x", "a", 1), ("x", "b", 1), ("x", "c", 1)]


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


def test_drafts(store, clock):
    assert store.get_draft("journal:new") is None
    store.save_draft("journal:new", "half af")
    clock.advance(seconds=3)
    store.save_draft("note:volgende-stap/vraag-terug", "iets")
    store.save_draft("journal:new", "half af, nu meer")
    assert store.get_draft("journal:new") == "half af, nu meer"
    listed = store.drafts()
    assert [c for c, _, _ in listed] == ["journal:new", "note:volgende-stap/vraag-terug"]
    assert all(saved.tzinfo is not None for _, _, saved in listed)
    store.save_draft("journal:new", "   ")
    assert store.get_draft("journal:new") is None
    store.discard_draft("note:volgende-stap/vraag-terug")
    assert store.drafts() == []


def test_drafts_survive_reopening(db_path, clock):
    from tui.journal.store import open_store

    with open_store(db_path, now=clock) as first:
        first.save_draft("decision:new", "nog niet klaar")
    with open_store(db_path, now=clock) as second:
        assert second.get_draft("decision:new") == "nog niet klaar"


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
    assert data["by_kind"] == {"journal": 2, "note": 1, "decision": 1}
    assert data["days_reflected"] == 3 and data["streak"] == 3
    assert data["first_day"] == "2026-11-20" and data["last_day"] == "2026-11-22"
    assert data["entries_per_month"] == [{"month": "2026-11", "entries": 4}]
    assert data["most_drawn"] == [{"deck": "d", "card": "a", "count": 1}]
    assert data["most_written"] == [{"deck": "d", "card": "a", "count": 1}]
    assert data["pending_decisions"] == 1 and data["draws"] == 1
