"""What a new user's first hour in a real terminal found: each fix, driven as they met it."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

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


# -- list rows -------------------------------------------------------------------------------

LONG = ("Ik twijfel of ik het gesprek met de moeder goed heb gevoerd want ze zei weinig en "
        "keek steeds naar de deur, terwijl ik dacht dat we een afspraak hadden die voor ons "
        "allebei werkte")


def _list_lines(app, widget) -> list[str]:
    """The lines of ``widget`` as they are on the screen, without its scrollbar."""
    region = widget.content_region
    lines = screen_text(app).split("\n")[region.y:region.y + region.height]
    width = widget.scrollable_content_region.width
    return [line[region.x:region.x + width] for line in lines]


async def test_rows_end_in_an_ellipsis_before_the_scrollbar(make_app):
    from tui.widgets.entry_list import EntryList

    app = make_app(language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        start = NOW.astimezone(UTC) - timedelta(hours=1)
        in_store(app, lambda store: [store.add_entry(
            "journal", "Scheelt een hoop als ik eerst luister, dan pas vraag wat ze nodig "
            "heeft, en dat kost tijd die ik niet heb deze week.", title="Gesprek",
            tags=("eigenregie", "jeugd", "wijkteam", "school", "gezin"),
            created=start - timedelta(hours=n)) for n in range(40)])
        await pilot.press("j")
        await settle(pilot)
        timeline = app.screen.query_one(EntryList)
        assert timeline.show_vertical_scrollbar
        lines = [line for line in _list_lines(app, timeline) if line.strip()]
        rows = [line for line in lines if "Gesprek" in line or "Scheelt" in line]
        assert rows
        for line in rows:
            assert line.rstrip().endswith("…"), line


async def test_untitled_entries_get_a_short_title_and_no_blank_line(make_app):
    from tui.widgets.entry_list import EntryList
    from tui.widgets.entry_row import TITLE_MAX, render_entry_row, row_of

    app = make_app(language="nl")
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        in_store(app, lambda store: (store.add_entry("journal", LONG),
                                     store.add_entry("journal", "Kort."),
                                     store.add_entry("journal", "Eerste zin. En dan de rest."),
                                     store.add_entry("journal", "Regel een\nregel twee")))
        await pilot.press("j")
        await settle(pilot)
        timeline = app.screen.query_one(EntryList)
        assert not timeline.show_horizontal_scrollbar
        assert timeline.virtual_size.width <= timeline.scrollable_content_region.width
        rows = {row.preview or row.title: row for row in timeline.rows}
        for row in timeline.rows:
            first, second = render_entry_row(row)
            assert second.plain.strip(), row  # never a blank second line
            assert len(row.title) <= TITLE_MAX
        entries = in_store(app, lambda store: store.recent(10))
        by_body = {entry.body: row_of(entry) for entry in entries}
        assert by_body[LONG].title.endswith("…") and len(by_body[LONG].title) <= TITLE_MAX
        assert LONG.startswith(by_body[LONG].title[:-1].rstrip())
        assert by_body["Eerste zin. En dan de rest."][3:5] == ("Eerste zin.", "En dan de rest.")
        assert by_body["Regel een\nregel twee"][3:5] == ("Regel een", "regel twee")
        assert by_body["Kort."][3:5] == ("", "Kort.")
        assert rows  # shown
        text = screen_text(app)
        assert LONG not in text.replace("\n", " ")  # never the whole body as one bold line


async def test_the_kind_column_is_as_wide_as_the_widest_kind(make_app):
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        in_store(app, lambda store: (store.add_entry("note", "b", title="Where to start"),
                                     store.add_entry("decision", "b", title="Melding"),
                                     store.add_entry("journal", "b", title="Diary"),
                                     store.add_entry("review", "b", title="Looking back")))
        await pilot.press("j")
        await settle(pilot)
        lines = _list_lines(app, app.screen.query_one(EntryList))
        columns = {line.index(title) for line in lines
                   for title in ("Where to start", "Melding", "Diary", "Looking back")
                   if title in line}
        assert len(columns) == 1, lines


async def test_a_card_that_is_still_there_reads_in_the_current_language(make_app):
    from tui.journal.model import CardRef
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dutch = CardRef("proef", "luisteren", "Naar wie heb je vandaag echt geluisterd?")
        gone = CardRef("proef", "weg", "Een kaart die er niet meer is?")
        in_store(app, lambda store: (store.add_entry("note", "old note", card=dutch),
                                     store.add_entry("note", "older note", card=gone)))
        await pilot.press("j")
        await settle(pilot)
        titles = [row.title for row in app.screen.query_one(EntryList).rows]
        assert titles == ["Een kaart die er niet meer is?",
                          "Who did you really listen to today?"]
        await pilot.press("down", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Who did you really listen to today?" in text
        assert "Naar wie heb je" not in text


# -- the footer at 80 columns ----------------------------------------------------------------


def _screens(app, uid: str, decision: str):
    """Every screen of the app, made the way the app makes it."""
    from tui.screens.card import CardScreen
    from tui.screens.decision import DecisionScreen
    from tui.screens.decks import DecksScreen
    from tui.screens.draw import DrawScreen
    from tui.screens.editor import EditorScreen
    from tui.screens.entry import EntryScreen
    from tui.screens.help import HelpScreen
    from tui.screens.journal import JournalScreen
    from tui.screens.outcome import OutcomeScreen
    from tui.screens.own_card_form import OwnCardFormScreen
    from tui.screens.own_cards import OwnCardsScreen
    from tui.screens.review import ReviewScreen
    from tui.screens.search import SearchScreen
    from tui.screens.settings import SettingsScreen
    from tui.screens.trash import TrashScreen
    from tui.screens.worksheet import WorksheetScreen

    deck = app.core.library.get("proef")
    cards = list(deck.cards)
    worksheet = next(card for card in cards if card.kind == "worksheet")
    period = app.runner.wait(lambda core: core.period())
    return [("decks", DecksScreen), ("card", lambda: CardScreen(cards, 0, heading=deck.title)),
            ("draw", DrawScreen), ("decision", DecisionScreen), ("journal", JournalScreen),
            ("entry", lambda: EntryScreen(uid)), ("trash", TrashScreen),
            ("search", SearchScreen), ("review", lambda: ReviewScreen(period)),
            ("own", OwnCardsScreen), ("own-form", OwnCardFormScreen),
            ("settings", SettingsScreen), ("help", lambda: HelpScreen(app.help_sections())),
            ("writing", EditorScreen.new_journal),
            ("note", lambda: EditorScreen.for_card(cards[0])),
            ("outcome", lambda: OutcomeScreen(decision)),
            ("worksheet", lambda: WorksheetScreen(worksheet))]


def _footer_problem(app) -> str:
    """What is wrong with the footer's line on the screen, or "" when it ends cleanly:
    every key it shows is there whole, before the palette key, and nothing follows that."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    footer = app.screen.query_one(Footer)
    line = screen_text(app).split("\n")[footer.region.y]
    keys = list(footer.query(FooterKey))
    palette = [key for key in keys if key.has_class("-command-palette")]
    left, bar, right = line.rpartition("▏")
    if not palette or not bar:
        return f"no palette key: {line!r}"
    expected = f"{palette[0].key_display} {palette[0].description}"
    if right.strip() != expected:
        return f"after the palette key: {line!r}"
    for key in keys:
        if key in palette:
            continue
        shown = f"{key.key_display} {key.description}" if key.description else key.key_display
        if shown not in left:
            return f"{shown!r} is cut: {line!r}"
    helps = [active.binding for active in app.screen.active_bindings.values()
             if active.binding.action == "help"]
    if helps and not helps[0].show:  # where "?" is a key (not typed in a field), it is shown
        return f"help is not on it: {line!r}"
    return ""


async def _every_footer(app, pilot) -> list[str]:
    problems = []
    uid = in_store(app, lambda store: store.add_entry("note", "a note", title="t")).uid
    decision = in_store(app, lambda store: store.add_entry("decision", "why", title="Which")).uid
    screens = [("home", None)] + _screens(app, uid, decision)
    for undo in (False, True):
        if undo:  # after a delete the undo key comes too
            gone = in_store(app, lambda store: store.add_entry("journal", "to delete")).uid
            app.runner.wait(lambda core, gone=gone: core.delete(gone))
            app.refresh_bindings()
        for name, make in screens:
            while len(app.screen_stack) > 1:
                await app.pop_screen()
            await settle(pilot)
            if make is not None:
                app.push_screen(make())
            await settle(pilot)
            problem = _footer_problem(app)
            if problem:
                problems.append(f"{name} (undo: {undo}): {problem}")
    return problems


async def test_every_footer_ends_cleanly_at_80_columns_in_dutch(make_app):
    app = make_app(language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        problems = await _every_footer(app, pilot)
        assert problems == [], "\n".join(problems)


async def test_every_footer_ends_cleanly_at_80_columns_in_english(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        problems = await _every_footer(app, pilot)
        assert problems == [], "\n".join(problems)


async def test_the_footer_fits_again_after_a_resize(make_app):
    app = make_app(language="nl")
    async with app.run_test(size=(200, 30)) as pilot:
        await settle(pilot)
        add_entries(app, 3)
        await pilot.press("j")
        await settle(pilot)
        wide = screen_text(app).split("\n")[-1]
        assert "q Afsluiten" in wide
        await pilot.resize_terminal(60, 20)
        await settle(pilot)
        assert _footer_problem(app) == ""
        await pilot.resize_terminal(200, 30)
        await settle(pilot)
        assert "q Afsluiten" in screen_text(app).split("\n")[-1]


async def test_keys_left_out_of_the_footer_still_work_and_are_in_the_palette(make_app):
    from tui.screens.trash import TrashScreen

    app = make_app(language="nl")
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        add_entries(app, 3)
        await pilot.press("j")
        await settle(pilot)
        assert "Prullenbak" not in screen_text(app).split("\n")[-1]
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Prullenbak", "Afsluiten", "Naar een datum", "Ster"} <= titles
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TrashScreen)


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_the_close_dialog_and_the_editor_hint_fit_at_80_columns(make_app, language):
    from tui.i18n import t
    from tui.screens.dialogs.close import CloseDialog

    app = make_app(language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert t("app.editor.hint") in screen_text(app)
        await type_text(pilot, "iets")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CloseDialog)
        text = screen_text(app)
        for key in ("save", "keep", "discard", "back"):
            assert t(f"app.close.{key}") in text, key


# -- English and technical text in the Dutch app ---------------------------------------------


def test_every_key_textual_shows_itself_is_translated():
    """Textual's widgets that show a key in the footer: each description is in the catalog
    (a new Textual release that adds one fails here)."""
    import importlib
    import pkgutil

    import textual.widgets
    from textual.binding import Binding
    from textual.dom import DOMNode

    from tui.widgets.plain import TEXTUAL_KEYS

    for module in pkgutil.iter_modules(textual.widgets.__path__):
        importlib.import_module(f"textual.widgets.{module.name}")
    importlib.import_module("textual.command")
    shown = set()
    todo, seen = [DOMNode], set()
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub in seen or not sub.__module__.startswith("textual."):
                continue
            seen.add(sub)
            todo.append(sub)
            for binding in sub.__dict__.get("BINDINGS", []):
                binding = Binding(*binding) if isinstance(binding, tuple) else binding
                if binding.show and binding.description:
                    shown.add(binding.description)
    assert shown <= set(TEXTUAL_KEYS), shown - set(TEXTUAL_KEYS)


async def test_an_open_dropdown_says_close_in_dutch(make_app):
    from textual.widgets import Select

    app = make_app(language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        app.screen.query_one("#kind", Select).focus()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        footer = screen_text(app).split("\n")[-1]
        assert "esc Lijst sluiten" in footer and "Dismiss" not in footer


async def test_theme_names_in_dutch_say_dark_or_light_once(make_app):
    from textual.widgets import Select

    from tui.screens.settings import SettingsScreen

    app = make_app(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        labels = {value: str(label)
                  for label, value in app.screen.query_one("#theme", Select)._options}
        assert labels["textual-dark"] == "Donker" and labels["textual-light"] == "Licht"
        assert labels["solarized-dark"] == "Solarized (donker)"
        assert labels["ansi-light"] == "De kleuren van je terminal (licht)"
        for label in labels.values():
            assert "dark" not in label.lower() and "light" not in label.lower(), label
            assert label.count("donker") + label.count("licht") <= 1, label


async def test_the_decks_say_their_languages_in_words(make_app):
    app = make_app(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        text = screen_text(app)
        assert "Nederlands, Engels" in text and "en/nl" not in text


async def test_a_draft_shows_its_card_by_its_words_and_deck(make_app):
    from tui.core.drafts import DraftContext
    from tui.screens.dialogs.drafts import DraftsDialog

    app = make_app(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = app.core.library.card("proef", "luisteren")
        app.runner.wait(lambda core: core.save_draft(DraftContext.note(card),
                                                     {"body": "half a thought"}))
        app.push_screen(DraftsDialog(app.runner.wait(lambda core: core.drafts())))
        await settle(pilot)
        text = screen_text(app)
        assert "proef/luisteren" not in text
        assert card.text in text and "(Proefstapel)" in text
        assert "22-11-2026" in text and "22 nov." not in text  # a list: the short date


async def _palette_finds(app, pilot, query: str) -> list[str]:
    from textual.command import CommandList

    await pilot.press("ctrl+p")
    await settle(pilot)
    await type_text(pilot, query)
    await pilot.pause(0.8)
    found = app.screen.query_one(CommandList)
    prompts = [str(found.get_option_at_index(n).prompt)
               for n in range(found.option_count)]
    await pilot.press("escape")
    await settle(pilot)
    return prompts


async def test_the_palette_finds_actions_by_their_description_and_synonyms_in_dutch(make_app):
    app = make_app(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for query, command in (("Engels", "English"), ("backup", "Reservekopie"),
                               ("back-up", "Reservekopie"), ("thema", "Instellingen"),
                               ("taal", "English"), ("settings", "Instellingen")):
            prompts = await _palette_finds(app, pilot, query)
            assert any(command in prompt for prompt in prompts), (query, prompts)
            assert not any("Niets gevonden" in prompt for prompt in prompts), query


async def test_the_palette_finds_dutch_by_its_english_name(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for query, command in (("Dutch", "Nederlands"), ("theme", "Settings"),
                               ("language", "Nederlands"), ("instellingen", "Settings")):
            prompts = await _palette_finds(app, pilot, query)
            assert any(command in prompt for prompt in prompts), (query, prompts)


async def test_the_card_of_the_day_says_what_c_opens(make_app):
    from tui.journal.model import CardRef

    app = make_app(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = app.screen.data.card
        in_store(app, lambda store: store.add_entry("note", "Eerder", card=CardRef.of(card)))
        app.screen.reload()
        await settle(pilot)
        assert "c: alle notities bij deze kaart" in " ".join(screen_text(app).split())


async def test_lists_use_the_short_date_and_prose_the_long_one(make_app):
    from tui.dates import format_date

    app = make_app(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        entry = in_store(app, lambda store: store.add_entry("journal", "eerst", created=NOW))
        in_store(app, lambda store: store.update_entry(entry.uid, body="daarna"))
        app.open_entry(entry.uid)
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        text = screen_text(app)
        head, _, versions = text.partition("versie")
        assert format_date(NOW, "nl") in head  # the entry's own heading: prose
        assert format_date(NOW, "nl", short=True) in versions  # its list of versions
