"""Keys typed quickly, or a screen's key pressed on that screen, never break the app."""

from __future__ import annotations

import pytest

from tests.app.conftest import SIZE, add_entries, settle


@pytest.mark.parametrize("keys", ["jj", "ll", "kk", "mt", "kt", "jt", "dj", "jdkl/m", "j", "hh"])
async def test_screen_keys_in_any_order_and_speed_end_on_the_last_screen(make_app, keys):
    app = make_app()
    errors = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, 3)
        notify = app.notify

        def watch(message, *args, **kwargs):
            if kwargs.get("severity") == "error":
                errors.append(message)
            return notify(message, *args, **kwargs)

        app.notify = watch
        await pilot.press("j")
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        assert app.is_running and not errors, errors
        names = [type(screen).__name__ for screen in app.screen_stack]
        assert names[0] == "HomeScreen" and len(names) <= 3, names  # trash opens on the journal
        assert len({screen.id for screen in app.screen_stack}) == len(names)


async def test_ctrl_c_says_how_to_quit_in_the_users_language(make_app):
    app = make_app(language="nl")
    seen = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notify = app.notify
        app.notify = lambda message, *a, **k: (seen.append((message, k)), notify(message, *a, **k))
        await pilot.press("ctrl+c")
        await settle(pilot)
        assert app.is_running
        assert [(message, k.get("title"), k.get("markup")) for message, k in seen] == [
            ("Druk op q om Kaart af te sluiten.", "Afsluiten?", False)]


async def test_w_writes_a_journal_entry_on_home_and_in_the_journal_alike(make_app):
    """One key, one meaning: w is a journal entry everywhere, n a note on a card."""
    from tui.screens.editor import EditorScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for start in ("h", "j"):
            await pilot.press(start)
            await settle(pilot)
            await pilot.press("w")
            await settle(pilot)
            assert isinstance(app.screen, EditorScreen) and app.screen.kind == "journal"
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert type(app.screen).__name__ == "JournalScreen"


async def test_the_space_key_is_named_in_dutch(make_app):
    app = make_app(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        from tests.app.conftest import screen_text

        footer = screen_text(app).splitlines()[-1]
        assert footer.startswith("spatie Omdraaien") and "space" not in footer
