"""What a new user's first hour in a real terminal found: each fix, driven as they met it."""

from __future__ import annotations

from datetime import UTC, timedelta

from tests.app.conftest import NOW, SIZE, add_entries, in_store, screen_text, settle, type_text

# -- the journal: jumping to a month, undo ---------------------------------------------------


def _months_of_entries(app, days: int = 700) -> None:
    start = NOW.astimezone(UTC) - timedelta(days=1)
    in_store(app, lambda store: [store.add_entry("journal", f"day {n}",
                                                 created=start - timedelta(days=n))
                                 for n in range(0, days, 3)])


async def _jump(pilot, text: str) -> None:
    await pilot.press("g")
    await type_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


async def test_jumping_to_a_dutch_abbreviated_month_puts_its_heading_at_the_top(make_app):
    from tui.widgets.entry_list import EntryList

    app = make_app(language="nl")
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        _months_of_entries(app)
        await pilot.press("j")
        await settle(pilot)
        timeline = app.screen.query_one(EntryList)
        for text, heading, month in (("mrt 2025", "maart 2025", 3), ("Okt. 2025", "oktober 2025", 10),
                                     ("mar 2025", "maart 2025", 3)):
            await _jump(pilot, text)
            assert heading in timeline.render_line(1).text, text  # the list's top line
            entry = in_store(app, lambda store: store.get_entry(timeline.current_key))
            local = entry.created.astimezone()
            assert (local.year, local.month) == (2025, month), text
        # from the bottom of the list too
        await pilot.press("end")
        await settle(pilot)
        await _jump(pilot, "maart 2025")
        assert "maart 2025" in timeline.render_line(1).text


async def test_jumping_to_a_month_in_english_at_100_columns(make_app):
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _months_of_entries(app)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        await _jump(pilot, "mar 2025")
        assert "March 2025" in app.screen.query_one(EntryList).render_line(1).text


async def test_a_mistyped_date_gets_a_mild_word_not_an_error(make_app):
    app = make_app(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, 3)
        await pilot.press("j")
        await settle(pilot)
        await _jump(pilot, "mrz 2025")
        notes = [n for n in app._notifications if "mrz 2025" in n.message]
        assert notes and notes[-1].title == "Onbekende datum"
        assert notes[-1].severity == "warning"
        assert all(n.title != "Er ging iets mis" for n in app._notifications)


async def test_after_undo_the_cursor_is_on_the_restored_entry(make_app):
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, 6)
        await pilot.press("j")
        await settle(pilot)
        timeline = app.screen.query_one(EntryList)
        for _ in range(3):
            await pilot.press("down")
        await settle(pilot)
        deleted = timeline.current_key
        await pilot.press("delete")
        await settle(pilot)
        assert timeline.current_key != deleted
        await pilot.press("u")
        await settle(pilot)
        assert timeline.current_key == deleted and timeline.cursor == 3
        await pilot.press("delete")  # the same entry again, not the newest
        await settle(pilot)
        assert in_store(app, lambda store: store.get_entry(deleted)).deleted
        assert in_store(app, lambda store: store.count()) == 5


async def test_the_screen_can_be_told_which_entry_came_back(make_app):
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, 300)
        await pilot.press("j")
        await settle(pilot)
        uid = in_store(app, lambda store: store.recent(1, offset=250)[0].uid)
        app.screen.restored(uid)
        await settle(pilot)
        assert app.screen.query_one(EntryList).current_key == uid
