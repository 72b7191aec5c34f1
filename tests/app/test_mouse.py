"""Every action works with the mouse too: the screens' buttons, clicked."""

from __future__ import annotations

from tests.app.conftest import SIZE, in_store, settle, type_text


async def test_draw_screen_buttons(make_app):
    from tui.screens.card import CardScreen
    from tui.screens.draw import DrawScreen
    from tui.screens.editor import EditorScreen
    from tui.widgets.card_view import CardView

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        draw = app.screen
        assert isinstance(draw, DrawScreen)
        await pilot.click("#flip")
        await settle(pilot)
        assert draw.query_one(CardView).flipped
        await pilot.click("#again")
        await settle(pilot)
        random_draws = [d for d in in_store(app, lambda store: store.draws())
                        if d["purpose"] == "random"]
        assert len(random_draws) == 2
        await pilot.click("#write")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is draw
        await pilot.click("#open")
        await settle(pilot)
        assert isinstance(app.screen, CardScreen)


async def test_decision_and_entry_buttons(make_app):
    from tui.screens.decision import DecisionScreen
    from tui.screens.entry import EntryScreen
    from tui.screens.outcome import OutcomeScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, DecisionScreen)
        await type_text(pilot, "Wel of niet verwijzen")
        await pilot.click("#draw")
        await settle(pilot)
        assert app.screen.card is not None
        assert any(d["purpose"] == "decision" for d in in_store(app, lambda s: s.draws()))
        await pilot.press("escape")
        await settle(pilot)

        from tui.journal.store import CardRef

        uid = in_store(app, lambda store: store.add_entry(
            "decision", "why", title="Refer or not", card=CardRef("proef", "luisteren", "x"))).uid
        app.push_screen(EntryScreen(uid))
        await settle(pilot)
        entry_screen = app.screen
        await pilot.click("#outcome")
        await settle(pilot)
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is entry_screen
        await pilot.click("#delete")
        await settle(pilot)
        assert in_store(app, lambda store: store.get_entry(uid)).deleted
