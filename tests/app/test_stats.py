"""The statistics screen (i): what kaart stats prints, cards by their words, a month by day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.app.conftest import NOW, SIZE, in_store, screen_text, settle


async def test_the_statistics_name_cards_by_their_words_and_show_a_month(make_app):
    from tui.journal.store import CardRef
    from tui.screens.stats import StatsScreen

    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await settle(pilot)
        card = app.core.library.cards()[0]
        deck = app.core.library.get(card.deck)
        base = NOW.astimezone(UTC)

        def fill(store):
            for n in range(3):
                store.add_entry("note", f"note {n}", card=CardRef(card.deck, card.id, card.text),
                                created=base - timedelta(days=n))
            store.add_entry("decision", "why", title="A decision",
                            created=datetime(2026, 10, 5, 9, tzinfo=UTC))

        in_store(app, fill)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        text = screen_text(app)
        assert "Entries: 4 (journal 0, notes 3, decisions 1)" in text
        assert "Decisions: 1 (0 with an outcome, 1 without)" in text
        assert f"3×  {card.text} ({deck.title})" in text  # by its words, never deck/card
        assert f"{card.deck}/{card.id}" not in text
        assert "November 2026" in text and "3 days reflected, 3 entries" in text
        assert "Nov 2026  ████████████████████████████ 3" in text
        await pilot.press("alt+left")
        await settle(pilot)
        text = screen_text(app)
        assert "October 2026" in text and "1 day reflected, 1 entry" in text
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.id == "home"


async def test_the_statistics_of_an_empty_journal_in_dutch(make_app):
    app = make_app(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        text = screen_text(app)
        assert "Stukjes: 0 (dagboek 0, notities 0, besluiten 0)" in text
        assert "November 2026" in text and "0 dagen gereflecteerd, 0 stukjes" in text
        assert "Vaakst getrokken kaarten:" in text  # the card of the day is a draw
        assert "Stukjes per maand" not in text


def test_lists_of_a_journal_without_anything_say_so():
    from tui.i18n import set_language
    from tui.screens.stats import lists

    set_language("en")
    empty = {"entries_per_month": [], "most_drawn": [], "most_written": [], "notes_per_deck": []}
    assert str(lists(empty, None, "en")).startswith("Nothing written yet")
