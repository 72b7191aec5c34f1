"""The card and deck model (deck format v1, see README "Deck format")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tui.vocabulary import CARD_KINDS, normalise_tag

FORMAT_VERSION = 1
KINDS = CARD_KINDS
__all__ = ["FORMAT_VERSION", "KINDS", "Card", "Deck", "Problem", "normalise_tag", "valid_id"]
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID_MAX = 64


def valid_id(value: str) -> bool:
    return len(value) <= ID_MAX and ID_PATTERN.fullmatch(value) is not None


@dataclass(frozen=True, slots=True)
class Card:
    """One card. Its identity is ``(deck, id)``, the same in every language."""

    deck: str
    id: str
    kind: str
    text: str
    back: str = ""
    prompts: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    moments: tuple[str, ...] = ()
    language: str = "nl"

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


@dataclass(frozen=True, slots=True)
class Deck:
    id: str
    language: str
    title: str
    description: str = ""
    video: str = ""
    cards: tuple[Card, ...] = ()
    path: Path | None = field(default=None, compare=False)
    source: str = field(default="bundled", compare=False)  # "bundled" | "own"

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


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a deck file: where, what, and how to fix it."""

    path: str
    message: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"
