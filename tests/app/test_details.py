"""Behaviours a read of the tests found unchecked: each driven as a user meets it."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from tests.app.conftest import (
    NOW,
    SIZE,
    add_entries,
    in_store,
    keys,
    screen_text,
    settle,
    type_text,
)


def _a_note_on_every_card(app) -> dict[tuple[str, str], str]:
    """One note, written yesterday, on each card of the test decks: (deck, card) → its uid."""
    from tui.journal.store import CardRef

    cards = app.core.library.cards()
    written = NOW.astimezone(UTC) - timedelta(days=1)

    def job(store):
        return {(card.deck, card.id): store.add_entry(
                    "note", f"About {card.id}\nand a second line", created=written,
                    card=CardRef(card.deck, card.id, card.text)).uid
                for card in cards}

    return in_store(app, job)


# -- search: End reaches the last match, not the last loaded one -----------------------------


async def test_end_in_the_search_results_goes_to_the_last_match_and_opens_it(make_app):
    from tui.screens.entry import EntryScreen
    from tui.screens.journal import PAGE
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, PAGE * 2 + 5, body="walked with Ans {n}")
        add_entries(app, 3, body="something else {n}", start=NOW.astimezone(UTC))
        await keys(pilot, "slash")
        await type_text(pilot, "walked")
        await settle(pilot, limit=3)
        results = app.screen.query_one("#results", EntryList)
        assert results.total == PAGE * 2 + 5 and len(results.rows) < results.total
        await pilot.press("enter")  # from the words to the results
        await settle(pilot)
        assert results.has_focus
        await keys(pilot, "end")
        oldest = in_store(app, lambda store: [entry for entry in store.entries()
                                              if entry.body.startswith("walked")][0])
        assert results.cursor == results.total - 1 and results.current_key == oldest.uid
        assert f"walked with Ans {PAGE * 2 + 4}" in screen_text(app)  # the row is in sight
        await keys(pilot, "enter")
        assert isinstance(app.screen, EntryScreen) and app.screen.uid == oldest.uid


# -- the card you wrote on before: when, the first line, one key away from all ----------------


async def test_a_drawn_card_you_wrote_on_says_when_and_how_it_began_and_c_shows_all(make_app):
    from tui.screens.card import CardScreen
    from tui.widgets.notes_panel import NoteItem

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notes = _a_note_on_every_card(app)
        await keys(pilot, "d", "r")
        card = app.screen.card
        line = str(app.screen.query_one("#drawn-history").render())
        assert line.startswith("You wrote on this card once, on 21 Nov 2026:")
        assert f"About {card.id}" in line and "second line" not in line  # the first line only
        assert "(c: all notes on this card)" in line
        await keys(pilot, "c")
        assert isinstance(app.screen, CardScreen) and app.screen.card.id == card.id
        assert [item.uid for item in app.screen.query(NoteItem)] == [notes[card.deck, card.id]]


async def test_the_card_of_the_day_you_wrote_on_says_so_in_dutch_with_a_count(make_app):
    from tui.journal.store import CardRef

    app = make_app(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _a_note_on_every_card(app)
        today = app.screen.query_one("#today-card").card
        assert today is not None
        in_store(app, lambda store: store.add_entry(
            "note", "Weer deze kaart", card=CardRef(today.deck, today.id, today.text),
            created=NOW.astimezone(UTC) - timedelta(hours=1)))
        app.screen.reload()
        await settle(pilot)
        line = str(app.screen.query_one("#today-history").render())
        assert line.startswith("Je schreef 2 keer bij deze kaart, laatst op 22 nov. 2026:")
        assert "Weer deze kaart" in line and "(c: alle notities bij deze kaart)" in line


async def test_a_card_never_written_on_gets_no_line(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys(pilot, "d", "r")
        assert str(app.screen.query_one("#drawn-history").render()).strip() == ""
        assert "You wrote on this card" not in screen_text(app)


# -- the review: what was written opens its entry ---------------------------------------------


async def test_an_entry_in_the_review_opens_it_and_escape_comes_back(make_app):
    from tui.screens.entry import EntryScreen
    from tui.screens.review import ReviewScreen
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, 3, body="this week {n}")
        await keys(pilot, "l")
        written = app.screen.query_one("#review-entries", EntryList)
        assert written.total == 3
        written.focus()
        await keys(pilot, "down")
        uid = written.current_key
        await keys(pilot, "enter")
        assert isinstance(app.screen, EntryScreen) and app.screen.uid == uid
        await keys(pilot, "escape")
        assert isinstance(app.screen, ReviewScreen)


# -- an outcome: the decision beside the answer, where there is room -------------------------


async def test_the_outcome_shows_the_decision_card_and_reflection_beside_the_answer(make_app):
    from tui.journal.store import CardRef

    for size, beside in (((120, 30), True), ((80, 24), False)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            card = app.core.library.cards()[0]
            decision = in_store(app, lambda store, card=card: store.add_entry(
                "decision", "I asked Ans what she wants", title="Move her to day care?",
                card=CardRef(card.deck, card.id, card.text),
                created=NOW.astimezone(UTC) - timedelta(days=15)))
            app.open_outcome(decision.uid)
            await settle(pilot)
            shown = app.screen.query_one("#outcome-decision")
            answer = app.screen.query_one("#outcome-answer")
            text = str(shown.render())
            assert "Move her to day care?" in text and card.text.split()[0] in text
            assert "I asked Ans what she wants" in text
            if beside:
                assert shown.region.right <= answer.region.x  # side by side, on the same rows
                assert shown.region.y < answer.region.bottom and answer.region.y < shown.region.bottom
            else:
                assert shown.region.bottom <= answer.region.y  # stacked, the answer below
            assert app.screen.query_one("#outcome-text").has_focus


# -- focus can be seen on every control a user tabs to ---------------------------------------


def _look(app, region) -> list:
    """What the screen shows inside ``region``: text and style, segment by segment."""
    strips = list(app.screen._compositor.render_strips())[region.y:region.bottom]
    return [[(segment.text, segment.style) for segment in strip.crop(region.x, region.right)]
            for strip in strips]


async def _focus_shows(app, pilot, screen_key: str, limit: int = 14) -> list[str]:
    """Each control a user can tab to on a screen; those that look the same focused and not."""
    await keys(pilot, screen_key)
    chain = app.screen.focus_chain[:limit]
    assert len(chain) > 1, screen_key  # there is something to tab to
    unseen = []
    for widget in chain:
        widget.focus()
        await pilot.pause()
        region = widget.region
        focused = _look(app, region)
        widget.blur()
        await pilot.pause()
        if region.area and _look(app, region) == focused:
            unseen.append(widget.id or type(widget).__name__)
    return unseen


@pytest.mark.parametrize(("theme", "screens"), [
    ("textual-dark", ("d", "slash", "j", "l", "b")),
    ("textual-light", ("slash", "b")),   # every kind of control, in the other themes
    ("ansi-dark", ("slash", "b")),
])
async def test_every_control_shows_its_focus(make_app, theme, screens):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await settle(pilot)
        add_entries(app, 4)
        for key in screens:
            unseen = await _focus_shows(app, pilot, key)
            assert unseen == [], (key, unseen)
            await keys(pilot, "escape")
            if app.screen.is_modal:  # a form asks before it closes
                await keys(pilot, "escape")
            await keys(pilot, "h")


async def test_an_empty_focused_list_still_shows_its_focus(make_app):
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys(pilot, "slash")
        await type_text(pilot, "nothing like this")
        await settle(pilot, limit=3)
        results = app.screen.query_one("#results", EntryList)
        assert results.total == 0
        text = screen_text(app)
        assert text.count("Nothing found.") == 1 and "0 found" not in text  # said once
        results.focus()
        await settle(pilot)
        focused = _look(app, results.region)
        results.blur()
        await settle(pilot)
        assert _look(app, results.region) != focused


# -- a long earlier entry, quoted above the note on how it changed, in a small terminal ------


async def test_a_long_quote_scrolls_and_leaves_room_to_write_at_60_by_20(make_app):
    from tui.journal.store import CardRef
    from tui.screens.editor import EditorScreen

    app = make_app()
    long_text = "\n".join(f"Line {n} of what I wrote then" for n in range(1, 13))
    in_store(app, lambda store: store.add_entry(
        "note", long_text, card=CardRef("proef", "luisteren", "Who?"),
        created=NOW.astimezone(UTC) - timedelta(days=8)))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        app.screen.query_one("#past-changed").press()
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        quote, body = app.screen.query_one("#earlier"), app.screen.query_one("#body")
        assert body.has_focus and body.region.height >= 4   # room to write
        assert quote.max_scroll_y > 0 and "Line 1 of" in screen_text(app)
        assert "Line 12 of" not in screen_text(app)
        await pilot.press("shift+tab", "shift+tab")           # back past the title, to the quote
        await settle(pilot)
        assert quote.has_focus
        await keys(pilot, "end")
        assert quote.scroll_y == quote.max_scroll_y and "Line 12 of" in screen_text(app)


# -- before a decision: Enter goes on to the next step, it never saves half a form -------------


async def test_enter_after_naming_a_decision_draws_and_moves_to_the_reflection(make_app):
    from tui.screens.decision import DecisionScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys(pilot, "b")
        await type_text(pilot, "Ask Ans first")
        await keys(pilot, "enter")
        screen = app.screen
        assert isinstance(screen, DecisionScreen) and screen.card is not None  # drawn
        assert screen.query_one("#reflection").has_focus
        await pilot.press("enter", "enter")  # new lines in the reflection, nothing saved
        await settle(pilot)
        assert app.screen is screen
        assert in_store(app, lambda store: store.entries()) == []
        await type_text(pilot, "She knows best")
        await keys(pilot, "ctrl+s")
        [decision] = in_store(app, lambda store: store.entries())
        assert decision.kind == "decision" and decision.title == "Ask Ans first"
        assert decision.body == "She knows best"


async def test_a_drawn_card_no_longer_in_the_decks_is_named_in_words_in_the_review(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        in_store(app, lambda store: store.record_draw("oude-stapel", "weg-kaart", "random"))
        await keys(pilot, "l")
        text = screen_text(app)
        assert "a card no longer in your decks" in text
        assert "oude-stapel" not in text and "weg-kaart" not in text


# -- nothing lost: text and ctrl+s (or escape) in one burst, as a slow link delivers them ------


def _burst(app, text: str, then: str) -> None:
    """Every key of ``text``, then ``then``, handed to the app at once (no waiting between)."""
    from textual import events

    keys = [(char, char) if char.isalnum() else ("space", " ") for char in text]
    for key, char in [*keys, (then, None)]:
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


async def test_text_typed_just_before_ctrl_s_is_saved(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys(pilot, "w")
        await type_text(pilot, "First")
        _burst(app, " and the rest", "ctrl+s")
        await settle(pilot)
        [entry] = in_store(app, lambda store: store.entries())
        assert entry.body == "First and the rest"
        assert in_store(app, lambda store: store.drafts()) == []


async def test_a_decision_typed_in_one_burst_is_saved_whole(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys(pilot, "b")
        await type_text(pilot, "Ask Ans")
        await pilot.press("enter")  # draws, and moves on to the reflection
        await settle(pilot)
        _burst(app, "She knows best", "ctrl+s")
        await settle(pilot)
        [decision] = in_store(app, lambda store: store.entries())
        assert (decision.title, decision.body) == ("Ask Ans", "She knows best")


async def test_text_typed_just_before_escape_is_not_closed_away(make_app):
    from tui.screens.dialogs.close import CloseDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys(pilot, "w")
        _burst(app, "Only just typed", "escape")
        await settle(pilot)
        assert isinstance(app.screen, CloseDialog)  # it asks: the text is there
        await pilot.press("escape")  # back to writing
        await settle(pilot)
        assert app.screen.query_one("#body").text == "Only just typed"


async def test_enter_and_escape_in_one_burst_on_the_drafts_dialog_do_not_stop_the_app(make_app,
                                                                                       home):
    from tui.journal.store import open_store
    from tui.screens.dialogs.drafts import DraftsDialog
    from tui.screens.home import HomeScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    with open_store(home / "data" / "journal.sqlite3") as store:
        store.save_draft("journal", {"body": "kept from last time"})
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DraftsDialog)
        _burst(app, "", "enter")
        _burst(app, "", "escape")
        _burst(app, "", "escape")
        await settle(pilot)
        # the draft opened (Enter); the escapes closed the editor, asking about its text
        stack = [type(screen).__name__ for screen in app.screen_stack]
        assert stack[0] == HomeScreen.__name__ and DraftsDialog.__name__ not in stack
        assert len(in_store(app, lambda store: store.drafts())) == 1  # still kept


async def test_keys_that_open_screens_wait_while_a_dialog_asks(make_app):
    from tui.screens.dialogs.confirm import ConfirmDialog
    from tui.screens.editor import EditorScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys(pilot, "w")
        await type_text(pilot, "Not saved yet")
        app.screen.query_one("#save").focus()  # off the text: letters are keys again
        await keys(pilot, "j")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("d", "k", "slash", "l", "i")  # (j and y would answer yes: ja)
        await settle(pilot)
        assert sum(isinstance(screen, ConfirmDialog) for screen in app.screen_stack) == 1
        await pilot.press("escape")  # keep writing
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.query_one("#body").text == "Not saved yet"


async def test_a_field_with_text_is_not_selected_on_focus_so_a_key_never_replaces_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys(pilot, "b")
        await type_text(pilot, "Ask Ans first")
        await keys(pilot, "tab")
        await pilot.press("shift+tab")  # back into the decision
        await settle(pilot)
        await type_text(pilot, "x")
        assert app.screen.query_one("#decision-text").value == "Ask Ans firstx"


async def test_the_trash_footer_says_what_enter_does(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, 1, body="gone for now")
        await keys(pilot, "j", "delete", "t")
        footer = screen_text(app).splitlines()[-1]
        assert "⏎ Restore" in footer and "Open" not in footer
        await keys(pilot, "enter")
        assert in_store(app, lambda store: [entry.body for entry in store.entries()]) == [
            "gone for now"]


async def test_a_decision_kept_as_a_draft_is_offered_back_on_b(make_app):
    from tui.screens.decision import DecisionScreen
    from tui.screens.dialogs.drafts import DraftsDialog
    from tui.screens.home import HomeScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys(pilot, "b")
        await type_text(pilot, "Scale down the support")
        await keys(pilot, "escape")
        app.screen.query_one("#keep").press()  # keep it as a draft
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await keys(pilot, "b")
        assert isinstance(app.screen, DraftsDialog)  # offered back, not an empty form
        app.screen.query_one("#restore").press()
        await settle(pilot)
        assert isinstance(app.screen, DecisionScreen)
        assert app.screen.query_one("#decision-text").value == "Scale down the support"
        await keys(pilot, "escape")
        app.screen.query_one("#keep").press()
        await settle(pilot)
        await keys(pilot, "b")
        app.screen.query_one("#new").press()  # or a new decision, the draft kept
        await settle(pilot)
        assert isinstance(app.screen, DecisionScreen)
        assert app.screen.query_one("#decision-text").value == ""
        assert len(in_store(app, lambda store: store.drafts())) == 1


async def test_a_decision_past_its_day_to_look_back_says_since_not_on(make_app):
    from datetime import date

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        decision = in_store(app, lambda store: store.add_entry(
            "decision", "why", title="Ask again", look_back=date(2026, 11, 12),
            created=NOW.astimezone(UTC) - timedelta(days=20)))
        later = in_store(app, lambda store: store.add_entry(
            "decision", "why", title="Later on", look_back=date(2026, 12, 6),
            created=NOW.astimezone(UTC) - timedelta(days=1)))
        app.open_entry(decision.uid)
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert "Kaart has been asking how it turned out since 12 Nov 2026" in text
        await keys(pilot, "escape")
        app.open_entry(later.uid)
        await settle(pilot)
        assert "Kaart asks how it turned out on 6 Dec 2026" in " ".join(screen_text(app).split())


async def test_the_draw_screen_counts_the_note_just_written(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys(pilot, "d", "r")
        if app.screen.card.kind == "worksheet":
            await keys(pilot, "r")
        await keys(pilot, "n")
        await type_text(pilot, "Just now")
        await keys(pilot, "ctrl+s")
        line = str(app.screen.query_one("#drawn-history").render())
        assert line.startswith("You wrote on this card once, on 22 Nov 2026:") and "Just now" in line


async def test_the_review_does_not_step_into_a_week_to_come(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys(pilot, "l")
        shown = app.screen.period
        assert shown.end >= NOW.date() and app.screen.query_one("#later").disabled
        await keys(pilot, "alt+right")
        assert app.screen.period == shown
        await keys(pilot, "alt+left")
        assert app.screen.period.end < shown.start
        assert not app.screen.query_one("#later").disabled


async def test_enter_on_an_empty_jump_field_says_nothing(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, 3)
        await keys(pilot, "j")
        await pilot.press("g")
        await keys(pilot, "enter")
        assert not [note for note in app._notifications if note.severity == "warning"]


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_at_60_columns_every_button_is_whole_on_the_screen(make_app, language):
    from textual.widgets import Button

    app = make_app(language=language)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        decision = in_store(app, lambda store: store.add_entry(
            "decision", "because", title="Scale down", created=NOW.astimezone(UTC)))

        def check(where: str) -> None:
            buttons = [b for b in app.screen.query(Button) if b.display and b.visible]
            assert buttons, where
            for button in buttons:
                region = button.region
                label = str(button.label)
                assert region.right <= 60 and region.width >= len(label), (where, label)

        await keys(pilot, "d", "r")
        check("draw")
        await keys(pilot, "c")
        check("card")
        app.open_entry(decision.uid)
        await settle(pilot)
        check("entry")


async def test_a_form_that_is_not_filled_in_yet_says_so_without_calling_it_an_error(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys(pilot, "w", "ctrl+s")  # nothing written yet
        [note] = app._notifications
        assert note.severity == "warning" and not note.title
        assert "went wrong" not in note.message
