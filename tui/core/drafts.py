"""Which form a draft belongs to: one type for every face, with one spelling.

A context is a short string stored with the draft (``note:deck/card``,
``worksheet:deck/card``, ``journal``, ``entry:<uid>``, ``decision``,
``outcome:<uid>``, ``review:week:2026-11-16``). Drafts written before Kaart 0.2 used ``journal:new`` and
``decision:new``; :meth:`DraftContext.parse` reads those too.
"""

from __future__ import annotations

from collections import namedtuple

KINDS = ("note", "worksheet", "journal", "entry", "decision", "outcome", "review")
_LEGACY = {"journal:new": "journal", "decision:new": "decision"}


class DraftContext(namedtuple("DraftContext", "kind target", defaults=("",))):
    """``kind`` (one of :data:`KINDS`) and ``target``: "deck/card" for notes and
    worksheets, an entry uid for edits and outcomes, a period's link for a review,
    "" otherwise."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.kind}:{self.target}" if self.target else self.kind

    @classmethod
    def parse(cls, text: str) -> DraftContext:
        text = _LEGACY.get(text, text)
        kind, _, target = text.partition(":")
        return cls(kind if kind in KINDS else "journal", target if kind in KINDS else "")

    @classmethod
    def note(cls, card) -> DraftContext:
        """A note on ``card`` (a worksheet card gets its own form)."""
        kind = "worksheet" if getattr(card, "kind", "") == "worksheet" else "note"
        return cls(kind, f"{card.deck}/{card.id}")

    @classmethod
    def journal(cls) -> DraftContext:
        return cls("journal")

    @classmethod
    def edit(cls, uid: str) -> DraftContext:
        return cls("entry", uid)

    @classmethod
    def decision(cls) -> DraftContext:
        return cls("decision")

    @classmethod
    def outcome(cls, uid: str) -> DraftContext:
        return cls("outcome", uid)

    @classmethod
    def review(cls, period) -> DraftContext:
        """The review of ``period`` (a :class:`tui.journal.review.Period`, or its link)."""
        return cls("review", getattr(period, "link", period))

    @property
    def card_key(self) -> tuple[str, str] | None:
        """``(deck, card)`` for a note or worksheet draft."""
        if self.kind in ("note", "worksheet") and "/" in self.target:
            deck, _, card = self.target.partition("/")
            return deck, card
        return None
