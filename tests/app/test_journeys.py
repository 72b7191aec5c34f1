"""Each journey of issue 5, driven with the keyboard (and the mouse), asserting what was stored."""

from __future__ import annotations

from datetime import timedelta

from tests.app.conftest import NOW, SIZE, add_entries, in_store, screen_text, settle, type_text


async def test_draw_flip_write_note_see_it_on_the_card_and_in_the_journal(make_app):
    from tui.screens.card import CardScreen
    from tui.screens.draw import DrawScreen
    from tui.screens.editor import EditorScreen
    from tui.screens.journal import JournalScreen
    from tui.widgets.card_view import CardView
    from tui.widgets.entry_list import EntryList
    from tui.widgets.notes_panel import NoteItem

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        draw = app.screen
        assert isinstance(draw, DrawScreen)
        card = draw.card
        assert card is not None
        view = draw.query_one(CardView)
        assert view.card == card and view.side_up == "front"
        draws = in_store(app, lambda store: store.draws())
        assert [(d["deck"], d["card"]) for d in draws if d["purpose"] == "random"] == [
            (card.deck, card.id)]  # one key, one draw recorded
        await pilot.press("space")
        await settle(pilot)
        assert view.flipped and view.side_up == "back"
        if card.back:
            assert card.back in screen_text(app)
        if card.kind == "worksheet":  # the guided form is tested on its own
            await pilot.press("r")
            await settle(pilot)
            card = draw.card
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        await type_text(pilot, "I listened to Ans")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DrawScreen)

        notes = in_store(app, lambda store: store.card_history(card.deck, card.id))
        assert [note.body for note in notes] == ["I listened to Ans"]
        assert notes[0].kind == "note" and notes[0].card.text == card.text
        draws = in_store(app, lambda store: store.draws())
        assert any(d["card"] == card.id and d["purpose"] == "random" for d in draws)

        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CardScreen)
        items = list(app.screen.query(NoteItem))
        assert [item.uid for item in items] == [notes[0].uid]

        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
        timeline = app.screen.query_one(EntryList)
        assert timeline.current_key == notes[0].uid
        assert "I listened to Ans" in screen_text(app) or card.text[:20] in screen_text(app)


async def test_worksheet_answers_are_saved_as_one_note(make_app):
    from tui.screens.worksheet import WorksheetScreen
    from tui.widgets.note_editor import NoteEditor

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = app.core.library.card("proef", "terugblik")
        app.write_note(card)
        await settle(pilot)
        assert isinstance(app.screen, WorksheetScreen)
        editors = list(app.screen.query(NoteEditor))
        editors[0].insert("The home visit")
        editors[1].insert("Call earlier")
        await pilot.press("ctrl+s")
        await settle(pilot)
        notes = in_store(app, lambda store: store.card_history("proef", "terugblik"))
        assert len(notes) == 1
        assert notes[0].body == ("1. What went well?\nThe home visit\n\n"
                                 "2. What will you do differently?\nCall earlier")


async def test_a_decision_says_when_kaart_will_ask_how_it_turned_out(make_app):
    from textual.widgets import Select

    from tui.screens.decision import DecisionScreen
    from tui.screens.entry import EntryScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await type_text(pilot, "Close the file")
        await pilot.press("enter")
        await settle(pilot)
        choice = app.screen.query_one("#look-back", Select)
        labels = [str(prompt) for prompt, _value in choice._options]
        assert choice.value == "14" and "in 2 weeks (6 Dec 2026)" in labels
        assert labels[-1] == "do not ask"
        choice.value = "28"
        await settle(pilot)
        assert app.screen.draft_fields()["look_back"] == "28"
        seen = []
        notify = app.notify
        app.notify = lambda message, *a, **k: (seen.append(message), notify(message, *a, **k))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Saved. Kaart asks how it turned out on 20 Dec 2026." in seen
        [decision] = in_store(app, lambda store: store.pending_decisions())
        assert decision.look_back == NOW.date() + timedelta(days=28)
        app.open_entry(decision.uid)
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        assert "Kaart asks how it turned out on 20 Dec 2026" in screen_text(app)

        await pilot.press("h", "b")
        await settle(pilot)
        assert isinstance(app.screen, DecisionScreen)
        await type_text(pilot, "Wait a month")
        await pilot.press("enter")
        await settle(pilot)
        app.screen.query_one("#look-back", Select).value = "none"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Saved. Kaart will not ask how it turned out." in seen
        entries = in_store(app, lambda store: store.recent(5, kind="decision"))
        assert [entry.look_back for entry in entries][0] is None


async def test_decision_and_later_its_outcome(make_app):
    from tui.screens.decision import DecisionScreen
    from tui.screens.home import HomeScreen
    from tui.screens.outcome import OutcomeScreen
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, DecisionScreen)
        await type_text(pilot, "Move Ans to day care")
        await pilot.press("enter")
        await settle(pilot)
        card = app.screen.card
        assert card is not None and "voor-besluit" in card.moments  # drawn for the moment
        await type_text(pilot, "It is her choice")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)

        decisions = in_store(app, lambda store: store.pending_decisions())
        assert len(decisions) == 1
        decision = decisions[0]
        assert decision.title == "Move Ans to day care"
        assert decision.body == "It is her choice"
        assert decision.card.deck == card.deck and decision.card.card == card.id
        draws = in_store(app, lambda store: store.draws())
        assert any(d["purpose"] == "decision" and d["card"] == card.id for d in draws)

        pending = app.screen.query_one("#pending", EntryList)
        assert decision.look_back == NOW.date() + timedelta(days=14)
        assert pending.current_key is None  # not due yet: home asks on the day to look back
        in_store(app, lambda store: store.set_look_back(decision.uid, NOW.date()))
        app.screen.reload()
        await settle(pilot)
        assert pending.current_key == decision.uid
        pending.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OutcomeScreen)
        await type_text(pilot, "She chose it herself")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        entry = in_store(app, lambda store: store.get_entry(decision.uid))
        assert entry.outcome == "She chose it herself" and entry.outcome_at is not None
        assert in_store(app, lambda store: store.pending_decisions()) == []


async def test_search_as_you_type_finds_a_note_and_highlights_it(make_app):
    from tui.screens.search import SearchScreen
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, 30, body="ordinary day {n}")
        target = in_store(app, lambda store: store.add_entry(
            "note", "The neighbour knew more than the file", card=None))
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "neighb")
        await settle(pilot)
        results = app.screen.query_one("#results", EntryList)
        assert [row.key for row in results.rows] == [target.uid]
        assert "\x02" in results.rows[0].match  # the match is marked, and drawn highlighted
        first, second = results.render_row(results.rows[0])
        assert any(span.style for span in second.spans)
        assert "neighbour" in screen_text(app)


async def test_own_card_created_and_then_drawn(make_app, home):
    from tui.screens.draw import DrawScreen
    from tui.screens.own_card_form import OwnCardFormScreen
    from tui.screens.own_cards import OwnCardsScreen
    from tui.widgets.draw_source import DrawSource

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, OwnCardsScreen)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, OwnCardFormScreen)
        await type_text(pilot, "What did the resident teach you")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, OwnCardsScreen)
        deck_file = home / "data" / "decks" / "en" / "mijn-kaarten.yaml"
        assert deck_file.is_file()
        card = app.core.library.card("mijn-kaarten", "what-did-the-resident-teach-you")
        assert card is not None and card.text == "What did the resident teach you"
        await pilot.press("e")  # the new card is highlighted: e edits it at once
        await settle(pilot)
        assert isinstance(app.screen, OwnCardFormScreen) and app.screen.card == card
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DrawScreen)
        source = app.screen.query_one(DrawSource)
        source.value = "deck:mijn-kaarten"
        await settle(pilot)
        assert app.screen.card is None  # a choice alone draws nothing
        await pilot.press("r")
        await settle(pilot)
        assert app.screen.card == card
        draws = in_store(app, lambda store: store.draws())
        assert any(d["deck"] == "mijn-kaarten" for d in draws)


async def test_language_switch_takes_effect_at_once(make_app, home):
    import json

    from textual.widgets import Select

    from tui.screens.settings import SettingsScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert "Language" in screen_text(app)
        app.screen.query_one("#language", Select).value = "nl"
        await settle(pilot)
        assert app.core.language == "nl"
        text = screen_text(app)
        assert "Taal" in text and "Instellingen" in text
        assert app.screen.sub_title == "Instellingen"
        descriptions = {b.description for _k, b in app._bindings}
        assert "Trekken" in descriptions and "Draw" not in descriptions
        assert json.loads((home / "config" / "settings.json").read_text())["language"] == "nl"
        await pilot.press("h")
        await settle(pilot)
        text = screen_text(app)
        assert "Kaart van de dag" in text
        assert "Proefstapel" in text or "Denkkaart" in text or "Doekaart" in text


async def test_delete_to_trash_undo_and_restore(make_app):
    from tui.screens.journal import JournalScreen
    from tui.screens.trash import TrashScreen
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, 3)
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
        timeline = app.screen.query_one(EntryList)
        first = timeline.current_key
        await pilot.press("delete")
        await settle(pilot)
        assert in_store(app, lambda store: store.get_entry(first)).deleted
        assert first not in [row.key for row in timeline.rows]
        await pilot.press("u")
        await settle(pilot)
        assert not in_store(app, lambda store: store.get_entry(first)).deleted
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TrashScreen)
        await pilot.press("r")
        await settle(pilot)
        assert in_store(app, lambda store: store.trash()) == []


async def test_edit_keeps_the_earlier_version(make_app):
    from tui.screens.editor import EditorScreen
    from tui.screens.entry import EntryScreen
    from tui.widgets.note_editor import NoteEditor

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        entry = in_store(app, lambda store: store.add_entry("journal", "first words"))
        app.push_screen(EntryScreen(entry.uid))
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        editor = app.screen.query_one(NoteEditor)
        assert editor.cursor_location == editor.document.end  # go on where the text ends
        editor.move_cursor((0, 0))
        editor.insert("better ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        assert in_store(app, lambda s: s.get_entry(entry.uid)).body == "better first words"
        history = in_store(app, lambda store: store.history(entry.uid))
        assert [old.body for old in history] == ["first words"]


async def test_a_failed_save_keeps_the_text_and_says_why(make_app):
    from tui.errors import StoreError
    from tui.screens.editor import EditorScreen
    from tui.widgets.note_editor import NoteEditor

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        store = in_store(app, lambda store: store)

        def full(*args, **kwargs):
            raise StoreError("the disk is full")

        store.add_entry = full
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        await type_text(pilot, "keep me")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.query_one(NoteEditor).text == "keep me"
        assert any("the disk is full" in n.message for n in app._notifications)


async def test_bsn_warning_before_saving(make_app):
    from tui.screens.dialogs.confirm import ConfirmDialog as ConfirmScreen
    from tui.screens.editor import EditorScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await type_text(pilot, "client 111222333")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "111222333" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert in_store(app, lambda store: store.count()) == 0


async def test_quitting_with_unsaved_text_asks(make_app):
    from tui.screens.dialogs.confirm import ConfirmDialog as ConfirmScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await type_text(pilot, "half a thought")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("y")
        await pilot.pause(0.2)
    assert app.return_code == 0
    # the app is closed; reopen the journal to see the draft was kept
    from tui.journal.store import open_store

    store = open_store()
    try:
        assert [draft.fields["body"] for draft in store.drafts()] == ["half a thought"]
    finally:
        store.close()


async def test_journal_loads_lazily_page_by_page(make_app):
    from tui.screens.journal import PAGE
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, PAGE * 2 + 10)
        await pilot.press("j")
        await settle(pilot)
        timeline = app.screen.query_one(EntryList)
        assert timeline.total == PAGE * 2 + 10 and len(timeline.rows) == PAGE  # it knows its length
        await pilot.press("end")  # the oldest entry, at once
        await settle(pilot)
        oldest = in_store(app, lambda store: store.entries()[0])
        assert timeline.cursor == timeline.total - 1 and timeline.current_key == oldest.uid
        assert timeline.virtual_size.height >= (PAGE * 2 + 10) * 2  # the scrollbar is the whole list
        await pilot.press("home")
        await settle(pilot)
        assert timeline.cursor == 0
        keys = [row.key for row in timeline.rows]
        assert len(set(keys)) == len(keys)
        created = [row.created for row in timeline.rows]
        assert created == sorted(created, reverse=True)


async def test_decks_screen_lists_filters_and_flips_through_a_deck(make_app):
    from textual.widgets import OptionList, Select

    from tui.screens.card import CardScreen
    from tui.screens.decks import DecksScreen
    from tui.widgets.card_view import CardView

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, DecksScreen)
        decks = app.screen.query_one("#deck-list", OptionList)
        assert [decks.get_option_at_index(i).id for i in range(decks.option_count)] == [
            "*", "besluit", "proef"]
        app.screen.query_one("#kind", Select).value = "do"
        await settle(pilot)
        assert [decks.get_option_at_index(i).id for i in range(decks.option_count)] == [
            "*", "proef"]
        app.screen.query_one("#kind", Select).clear()
        await settle(pilot)
        decks.focus()
        decks.highlighted = 2
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CardScreen)
        assert [card.id for card in screen.cards] == ["luisteren", "bellen", "vragen", "terugblik"]
        await pilot.press("right")
        assert screen.card.id == "bellen"
        await pilot.press("left", "left")
        assert screen.card.id == "terugblik"
        await pilot.press("f")
        await settle(pilot)
        assert screen.query_one(CardView).side_up == "back"
        await pilot.press("s")
        await settle(pilot)
        assert sorted(card.id for card in screen.cards) == ["bellen", "luisteren", "terugblik",
                                                          "vragen"]
        assert screen.index == 0 and screen.query_one(CardView).side_up == "front"


async def test_every_screen_opens_and_help_lists_the_keys(make_app):
    from tui.screens.decision import DecisionScreen
    from tui.screens.decks import DecksScreen
    from tui.screens.draw import DrawScreen
    from tui.screens.help import HelpScreen
    from tui.screens.home import HomeScreen
    from tui.screens.journal import JournalScreen
    from tui.screens.own_cards import OwnCardsScreen
    from tui.screens.search import SearchScreen
    from tui.screens.settings import SettingsScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key, screen in (("d", DrawScreen), ("b", DecisionScreen), ("k", DecksScreen),
                            ("j", JournalScreen), ("slash", SearchScreen), ("m", OwnCardsScreen),
                            ("comma", SettingsScreen)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, screen)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, HomeScreen)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(widget.render()) for widget in app.screen.query(".help-keys"))
        for word in ("Draw", "Decision", "Decks", "Journal", "Search", "Flip", "Shuffle", "Save",
                     "Quit", "Help"):
            assert word in text


async def test_the_command_palette_offers_every_action(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for title in ("Draw", "Decision", "Decks", "Journal", "Search", "Help", "Quit", "Flip",
                      "Note", "Entry", "Own cards", "Settings", "Trash",
                      "Backup", "Export", "Nederlands", "Decisions waiting"):
            assert title in titles
        commands = list(app.get_system_commands(app.screen))
        assert len([c for c in commands if c.title == "Quit"]) == 1
        assert all(c.help and "key:" not in c.help for c in commands)


async def test_a_broken_deck_is_listed_with_its_problem_and_the_rest_works(make_app, home):
    from tui.screens.decks import DecksScreen

    broken = home / "data" / "decks" / "en" / "kapot.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text("format: 1\nid: kapot\ncards: [\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("kapot" not in n.message and "problems" in n.message
                   for n in app._notifications)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, DecksScreen)
        problems = str(app.screen.query_one("#deck-problems").render())
        assert "A deck with problems" in problems and "kapot.yaml:4" in problems
        assert "YAML syntax error" in problems
        assert "Test deck" in screen_text(app)


async def test_settings_theme_backup_and_export(make_app, home, tmp_path):
    import json

    from textual.widgets import Button, Select

    from tui.widgets.plain_input import PlainInput

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        in_store(app, lambda store: store.add_entry("journal", "to export"))
        await pilot.press("comma")
        await settle(pilot)
        app.screen.query_one("#theme", Select).value = "textual-light"
        await settle(pilot)
        assert app.theme == "textual-light"
        assert json.loads((home / "config" / "settings.json").read_text())["theme"] == (
            "textual-light")

        app.screen.query_one("#backup", Button).press()
        await settle(pilot)
        backups = list((home / "data" / "backups").glob("*"))
        assert backups and all(path.stat().st_mode & 0o077 == 0 for path in backups)

        target = tmp_path / "out.json"
        app.screen.query_one("#export-path", PlainInput).value = str(target)
        app.screen.query_one("#export-json", Button).press()
        await settle(pilot)
        document = json.loads(target.read_text())
        assert [entry["body"] for entry in document["entries"]] == ["to export"]
        assert target.stat().st_mode & 0o077 == 0


async def test_choosing_where_to_draw_from_draws_nothing_until_asked(make_app):
    """Every draw is kept (and shows in the review): changing the choices is not a draw, and
    after a choice space draws, then flips, as the footer says."""
    from textual.widgets import Select

    from tui.screens.draw import DrawScreen
    from tui.widgets.card_view import CardView

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)

        def random_draws() -> int:
            return len([d for d in in_store(app, lambda store: store.draws())
                        if d["purpose"] == "random"])

        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DrawScreen) and random_draws() == 1
        kinds = app.screen.query_one("#kind", Select)
        for kind in ("do", "think", "do"):
            kinds.value = kind
            await settle(pilot)
        assert random_draws() == 1 and app.screen.card is None
        assert "Press r (or space) to draw a card from this choice." in screen_text(app)
        await pilot.press("space")
        await settle(pilot)
        assert random_draws() == 2 and app.screen.card.kind == "do"
        view = app.screen.query_one("#drawn", CardView)
        assert not view.flipped
        await pilot.press("space")
        await settle(pilot)
        assert view.flipped
