"""The card and deck model (deck format v1, see README "Deck format").

The records are named tuples, not dataclasses: every plain command builds
them, and ``dataclasses`` (with ``inspect``) costs more to import than the
rest of ``kaart today`` spends on them.
"""

from __future__ import annotations

import re
from collections import namedtuple

from tui.vocabulary import CARD_KINDS, normalise_tag

FORMAT_VERSION = 1
KINDS = CARD_KINDS
__all__ = ["FORMAT_VERSION", "KINDS", "Card", "Deck", "Problem", "normalise_tag", "valid_id"]
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID_MAX = 64


def valid_id(value: str) -> bool:
    return len(value) <= ID_MAX and ID_PATTERN.fullmatch(value) is not None


class Card(namedtuple("Card", "deck id kind text back prompts tags moments language",
                       defaults=("", (), (), (), "nl"))):
    """One card. Its identity is ``(deck, id)``, the same in every language.

    ``deck, id, kind, text``; ``back``; ``prompts``, ``tags`` and ``moments``
    (tuples of text); ``language``.
    """

    __slots__ = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.deck, self.id)

    @property
    def ref(self) -> str:
        """``deck/card``, as typed on the command line (``--card``)."""
        return f"{self.deck}/{self.id}"

    def to_dict(self) -> dict:
        """The card as stored in a deck file (only the keys that have a value)."""
        data: dict = {"id": self.id, "kind": self.kind, "text": self.text}
        if self.back:
            data["back"] = self.back
        if self.prompts:
            data["prompts"] = list(self.prompts)
        if self.tags:
            data["tags"] = list(self.tags)
        if self.moments:
            data["moments"] = list(self.moments)
        return data

    def to_json(self) -> dict:
        """The shape of ``kaart draw --json``."""
        return {
            "deck": self.deck,
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "back": self.back,
            "prompts": list(self.prompts),
            "tags": list(self.tags),
            "moments": list(self.moments),
        }


class Deck(namedtuple("Deck", "id language title description video cards path source",
                       defaults=("", "", (), None, "bundled"))):
    """A deck: ``id, language, title``, ``description``, ``video``, ``cards`` (a tuple),
    the file it came from (``path``) and ``source`` (``"bundled"`` or ``"own"``)."""

    __slots__ = ()

    def card(self, card_id: str) -> Card | None:
        for card in self.cards:
            if card.id == card_id:
                return card
        return None

    def to_dict(self) -> dict:
        data: dict = {
            "format": FORMAT_VERSION,
            "id": self.id,
            "language": self.language,
            "title": self.title,
            "description": self.description,
        }
        if self.video:
            data["video"] = self.video
        data["cards"] = [card.to_dict() for card in self.cards]
        return data


class Problem(namedtuple("Problem", "path message line column", defaults=(None, None))):
    """Something wrong in a deck file: where (``path``, 1-based ``line`` and ``column``
    where known), what, and how to fix it (``message``)."""

    __slots__ = ()

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"
