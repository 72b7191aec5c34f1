"""Decks: the card model, the safe YAML loader, the deck library, CSV import and printing.

Plain Python; nothing here imports Textual.
"""

from tui.decks.model import KINDS, Card, Deck, Problem

__all__ = ["KINDS", "Card", "Deck", "Problem"]
