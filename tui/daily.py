"""The card of the day: which cards feed it, and which card it is today.

Plain Python, shared by ``kaart today`` and the app's home screen.
"""

from __future__ import annotations

from datetime import date

from tui.decks.library import DeckLibrary
from tui.decks.model import Card
from tui.drawing import card_of_the_day


def daily_pool(library: DeckLibrary, default_deck: str = "") -> list[Card]:
    """The default deck's cards when it exists, else every think and do card."""
    cards = library.cards(deck=default_deck) if default_deck and library.get(default_deck) else []
    if not cards:
        cards = [card for card in library.cards() if card.kind in ("think", "do")]
    return cards


def todays_card(library: DeckLibrary, default_deck: str, day: date, user_seed: str) -> Card | None:
    """The card of ``day`` for this user, or ``None`` when there are no cards at all."""
    cards = daily_pool(library, default_deck)
    return card_of_the_day(cards, day, user_seed) if cards else None
