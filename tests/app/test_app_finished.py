"""Issue 10, the app finished: each fix driven with the keyboard, asserting what was kept or shown."""

from __future__ import annotations

from datetime import UTC, timedelta

from tests.app.conftest import NOW, SIZE, add_entries, in_store, screen_text, settle, type_text

# -- writing is never lost -------------------------------------------------------------------


async def test_a_kept_draft_is_offered_back_when_the_card_is_opened_again(make_app):
    from tui.screens.dialogs.close import CloseDialog
    from tui.screens.dialogs.drafts import DraftsDialog
    from tui.screens.editor import EditorScreen
    from tui.widgets.note_editor import NoteEditor

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        await type_text(pilot, "first thoughts")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CloseDialog)
        await pilot.press("k")  # keep as draft
        await settle(pilot)
        await pilot.press("n")  # the same card again
        await settle(pilot)
        assert isinstance(app.screen, DraftsDialog)  # offered back, not overwritten
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen.query_one("#body", NoteEditor)
        assert editor.text == "first thoughts"
        assert editor.cursor_location == editor.document.end
        await type_text(pilot, " and more")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert in_store(app, lambda store: store.drafts()) == []
        notes = in_store(app, lambda store: store.recent(5))
        assert notes[0].body == "first thoughts and more"


async def test_starting_anew_keeps_the_other_draft(make_app):
    from tui.screens.dialogs.drafts import DraftsDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await type_text(pilot, "one")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, DraftsDialog)
        app.screen.query_one("#new").press()
        await settle(pilot)
        await type_text(pilot, "two")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        bodies = sorted(d.fields["body"] for d in in_store(app, lambda store: store.drafts()))
        assert bodies == ["one", "two"]


async def test_discard_in_the_close_dialog_throws_the_text_away(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await type_text(pilot, "not needed")
        await pilot.pause(1.8)  # the draft has been kept in the meantime
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        app.screen.query_one("#discard").press()
        await settle(pilot)
        assert app.screen.id == "home"
        assert in_store(app, lambda store: store.drafts()) == []


async def test_a_draft_comes_back_complete_in_its_own_form(make_app, home):
    from tui.screens.dialogs.drafts import DraftsDialog
    from tui.screens.editor import EditorScreen
    from tui.screens.worksheet import WorksheetScreen
    from tui.widgets.note_editor import NoteEditor
    from tui.widgets.plain_input import PlainInput

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        app.screen.query_one("#title", PlainInput).value = "A title"
        app.screen.query_one("#tags", PlainInput).value = "team wmo"
        app.screen.query_one("#body", NoteEditor).insert("the body")
        card = app.core.library.card("proef", "terugblik")
        app.screen.keep_draft()
        await settle(pilot)
        app.pop_screen()
        app.write_note(card)
        await settle(pilot)
        answers = list(app.screen.query(".answer"))
        answers[1].insert("second answer")
        app.screen.keep_draft()
        await settle(pilot)
    again = make_app()  # as after a crash: the next start offers them back
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, DraftsDialog)
        drafts = list(again.screen.drafts.values())
        journal = next(d for d in drafts if d.context == "journal")
        sheet = next(d for d in drafts if d.context.startswith("worksheet:"))
        again.screen.dismiss(journal)
        await settle(pilot)
        assert isinstance(again.screen, EditorScreen)
        assert again.screen.query_one("#title", PlainInput).value == "A title"
        assert again.screen.query_one("#tags", PlainInput).value == "team wmo"
        assert again.screen.query_one("#body", NoteEditor).text == "the body"
        again.pop_screen()
        again.open_draft(sheet)
        await settle(pilot)
        assert isinstance(again.screen, WorksheetScreen)
        answers = list(again.screen.query(".answer"))
        assert [a.text for a in answers] == ["", "second answer"]
        assert again.focused is answers[1]
        assert answers[1].cursor_location == answers[1].document.end


async def test_keys_typed_right_after_tab_land_in_the_next_field(make_app):
    from textual import events

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.write_note(app.core.library.card("proef", "terugblik"))
        await settle(pilot)
        for char in "a\tb":  # one burst, as a fast typist's keys arrive
            app.post_message(events.Key("tab" if char == "\t" else char, char))
        await settle(pilot)
        assert app.screen.answers == ["a", "b"]


# -- controls that work ------------------------------------------------------------------------


async def test_a_card_opened_from_home_flips_through_its_own_deck(make_app):
    from tui.screens.card import CardScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = app.screen.data.card
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CardScreen) and app.screen.card == first
        assert len(app.screen.cards) == len(app.core.library.get(first.deck).cards) > 1
        await pilot.press("right")
        await settle(pilot)
        assert app.screen.card != first and app.screen.card.deck == first.deck


async def test_the_back_replaces_the_front_and_the_card_keeps_its_size(make_app):
    from tui.widgets.card_view import CardView

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.screen.query_one("#today-card", CardView)
        for _ in range(40):  # a busy machine: wait until the card of the day is shown
            if view.card is not None and view.outer_size.height > 0:
                break
            await settle(pilot)
        await settle(pilot)
        card = view.card
        height = view.outer_size.height
        assert card.text.split()[0] in screen_text(app)
        await pilot.press("space")
        await settle(pilot)
        assert view.side_up == "back" and view.has_class("-back")
        assert view.outer_size.height == height  # nothing on the screen moves
        shown = str(view.render())
        assert card.text not in shown
        from tui.i18n import t

        other_side = card.back or (card.prompts[0] if card.prompts else t("app.card.no_back"))
        assert other_side.split()[0] in shown
        assert "back" in str(view.border_title)


async def test_the_calendar_shows_todays_first_note(make_app):
    from tui.widgets.calendar import ReflectionCalendar

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = str(app.screen.query_one(ReflectionCalendar).render())
        assert "◇" in before and "◆" not in before
        in_store(app, lambda store: store.add_entry("journal", "today's note"))
        app.screen.reload()
        await settle(pilot)
        after = str(app.screen.query_one(ReflectionCalendar).render())
        assert "◆" in after and "◇" not in after


async def test_the_calendar_labels_each_month_over_its_first_week(make_app):
    from tui.widgets.calendar import ReflectionCalendar

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        calendar = app.screen.query_one(ReflectionCalendar)
        labels = str(calendar.render()).split("\n")[0]
        start = calendar.start_for(NOW.date(), calendar.weeks_for(calendar.size.width))
        for week in range(calendar.weeks_for(calendar.size.width)):
            monday = start + timedelta(weeks=week)
            column = 3 + week * 2
            above = labels[column:column + 3].strip()
            if monday.day <= 7:
                assert above, monday  # the week of a month's first Monday carries its name
            elif column < len(labels):
                assert labels[column] == " " or labels[column - 1] != " ", monday


async def test_the_footer_fits_and_shows_help_at_80_columns(make_app):
    from textual.widgets import Footer

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        text = screen_text(app).split("\n")[-1]
        assert "? Help" in text and "q Quit" in text and "Actions" in text
        assert footer.size.width == 80


async def test_journal_entries_are_one_key_away(make_app):
    from tui.screens.editor import EditorScreen
    from tui.screens.own_cards import OwnCardsScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "w Entry" in screen_text(app) and "Journal entry" in screen_text(app)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen) and app.screen.kind == "journal"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, OwnCardsScreen)


async def test_the_palette_speaks_dutch(make_app):
    from tui.screens.dialogs.palette import KaartPalette

    app = make_app(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, KaartPalette)
        assert "Zoek een actie" in screen_text(app)
        await type_text(pilot, "qqqzzz")
        await pilot.pause(0.8)
        assert "Niets gevonden" in screen_text(app)
        titles = {c.title for c in app.get_system_commands(app.default_screen)}
        assert {"Trekken", "Prullenbak", "Reservekopie", "English", "Hulp"} <= titles


# -- the journal and search ----------------------------------------------------------------------


async def test_month_headings_and_jumping_to_a_month(make_app):
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        start = NOW.astimezone(UTC) - timedelta(days=1)
        in_store(app, lambda store: [store.add_entry("journal", f"day {n}",
                                                     created=start - timedelta(days=n))
                                     for n in range(80)])
        await pilot.press("j")
        await settle(pilot)
        text = screen_text(app)
        assert "November 2026" in text
        assert ":" in text.split("November 2026")[1].split("\n")[1]  # the time of day
        timeline = app.screen.query_one(EntryList)
        await pilot.press("g")
        await type_text(pilot, "sep 2026")
        await pilot.press("enter")
        await settle(pilot)
        entry = in_store(app, lambda store: store.get_entry(timeline.current_key))
        local = entry.created.astimezone()
        assert (local.year, local.month) == (2026, 9) and local.day == 30


async def test_star_an_entry_and_show_only_starred(make_app):
    from textual.widgets import Select

    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, 3)
        await pilot.press("j")
        await settle(pilot)
        timeline = app.screen.query_one(EntryList)
        starred = timeline.current_key
        await pilot.press("s")
        await settle(pilot)
        assert in_store(app, lambda store: store.get_entry(starred)).starred
        assert "★" in screen_text(app)
        app.screen.query_one("#kind", Select).value = "starred"
        await settle(pilot)
        assert timeline.total == 1 and timeline.current_key == starred


async def test_deleting_from_an_entry_keeps_the_place_in_the_journal(make_app):
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        add_entries(app, 30)
        await pilot.press("j")
        await settle(pilot)
        timeline = app.screen.query_one(EntryList)
        for _ in range(10):
            await pilot.press("down")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("delete")
        await settle(pilot)
        assert timeline.total == 29 and timeline.cursor == 10


async def test_on_this_day_keeps_the_filters_and_groups_by_year(make_app):
    from textual.widgets import Select

    from tui.screens.search import SearchScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for year in (2024, 2025):
            when = NOW.replace(year=year).astimezone(UTC)
            in_store(app, lambda store, when=when: (
                store.add_entry("journal", f"journal {when.year}", created=when),
                store.add_entry("decision", f"decision {when.year}", title="t", created=when)))
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        app.screen.query_one("#kind", Select).value = "decision"
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        text = screen_text(app)
        assert "decision 2025" in text and "journal 2025" not in text
        assert "2025" in text and "2024" in text


async def test_restore_an_earlier_version(make_app):
    from tui.screens.dialogs.choice import ChoiceDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        entry = in_store(app, lambda store: store.add_entry("journal", "the first words"))
        in_store(app, lambda store: store.update_entry(entry.uid, body="second thoughts"))
        app.open_entry(entry.uid)
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert in_store(app, lambda store: store.get_entry(entry.uid)).body == "the first words"
        bodies = [v.body for v in in_store(app, lambda store: store.history(entry.uid))]
        assert "second thoughts" in bodies


# -- what you see ----------------------------------------------------------------------------


async def test_the_card_you_wrote_on_before_says_so(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = app.screen.data.card
        from tui.journal.model import CardRef

        in_store(app, lambda store: store.add_entry("note", "What I saw last time",
                                                    card=CardRef.of(card)))
        app.screen.reload()
        await settle(pilot)
        text = screen_text(app)
        assert "You wrote on this card once" in text and "What I saw last time" in text


async def test_no_technical_ids_where_people_read(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = app.core.library.card("proef", "luisteren")
        from tui.journal.model import CardRef

        entry = in_store(app, lambda store: store.add_entry("note", "x", card=CardRef.of(card)))
        app.open_entry(entry.uid)
        await settle(pilot)
        text = screen_text(app)
        assert "proef/luisteren" not in text and app.core.library.get("proef").title in text


async def test_themes_say_whether_they_are_light_or_dark(make_app):
    from textual.widgets import Select

    from tui.screens.settings import SettingsScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        labels = [str(label) for label, _value in app.screen.query_one("#theme", Select)._options]
        assert any("(light)" in label for label in labels)
        assert any("(dark)" in label for label in labels)
        assert not any(label.startswith("textual-") for label in labels)


async def test_a_deck_added_while_the_app_runs_appears(make_app, home):
    import shutil

    from tests.app.conftest import DECKS

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app._check_decks()
        await settle(pilot)
        target = home / "data" / "decks" / "en"
        target.mkdir(parents=True, exist_ok=True)
        text = (DECKS / "en" / "besluit.yaml").read_text().replace("id: besluit", "id: extra")
        (target / "extra.yaml").write_text(text)
        shutil.copystat(DECKS / "en" / "besluit.yaml", target / "extra.yaml")
        app._check_decks()
        await settle(pilot)
        assert app.core.library.get("extra") is not None
        assert any("read again" in n.message for n in app._notifications)


async def test_one_column_when_small_and_the_room_used_when_large(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-tiny")
        top = app.screen.query_one("#home-top")
        card, actions = app.screen.query_one("#today-box"), app.screen.query_one("#actions")
        assert actions.region.y > card.region.y and top.styles.layout.name == "vertical"
        assert card.region.width >= 50
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        left, right = app.screen.query_one("#home-left"), app.screen.query_one("#home-right")
        assert right.region.x > left.region.x + 100 and right.region.y == left.region.y


async def test_changing_the_source_after_a_draw_draws_again(make_app):
    from tui.widgets.draw_source import DrawSource

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        first = app.screen.card
        app.screen.query_one(DrawSource).value = "deck:proef"
        await settle(pilot)
        draws = [d for d in in_store(app, lambda store: store.draws()) if d["purpose"] == "decision"]
        assert len(draws) == 2 and app.screen.card.deck == "proef" and first is not None


async def test_the_outcome_screen_shows_the_reflection_and_does_not_edit_the_decision(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        entry = in_store(app, lambda store: store.add_entry("decision", "what the card showed me",
                                                            title="Go ahead"))
        app.open_outcome(entry.uid)
        await settle(pilot)
        assert "what the card showed me" in screen_text(app)
        await type_text(pilot, "it worked")
        await pilot.press("ctrl+s")
        await settle(pilot)
        done = in_store(app, lambda store: store.get_entry(entry.uid))
        assert done.outcome == "it worked" and done.updated == entry.updated

