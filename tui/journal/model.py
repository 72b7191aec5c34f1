"""What the journal holds: entries (with an optional card), search hits, tags and times.

Times are aware datetimes in UTC. In the database they are whole
microseconds since the epoch (compact, and ordered like time); in exports
they are ``2026-11-22T09:15:03.123456Z``.
"""

from __future__ import annotations

import re
from collections import namedtuple
from datetime import UTC, date, datetime, timedelta

from tui.dates import to_iso_utc, to_local
from tui.vocabulary import ENTRY_KINDS, PURPOSES, clean_tags, normalise_tag

KINDS = ENTRY_KINDS
__all__ = ["KINDS", "PURPOSES", "CardRef", "Draft", "Entry", "SearchHit", "clean_tags",
           "normalise_tag"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# ``#tag`` in text: starts with a letter, not part of a word, URL or HTML entity.
_TEXT_TAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w-]*)")


class CardRef(namedtuple("CardRef", "deck card text", defaults=("",))):
    """The card an entry is about (``deck``, ``card`` id), with a copy of its ``text``
    as it was when written."""

    __slots__ = ()

    @classmethod
    def of(cls, card) -> CardRef:
        """The reference to a deck card (``tui.decks.model.Card``), with its text as it is now."""
        return cls(card.deck, card.id, card.text)

    @property
    def ref(self) -> str:
        return f"{self.deck}/{self.card}"

    def to_json(self) -> dict:
        return {"deck": self.deck, "id": self.card, "text": self.text}


class Entry(namedtuple("Entry", "uid kind created updated title body tags card outcome "
                                 "outcome_at deleted starred link look_back",
                       defaults=("", None, False, False, "", None))):
    """One entry of the journal.

    ``uid``; ``kind`` (journal, note, decision, review); ``created`` and
    ``updated`` (aware, UTC); ``title``, ``body``, ``tags`` (a tuple); ``card``
    (a :class:`CardRef` or ``None``); a decision's ``outcome`` and
    ``outcome_at``; ``deleted`` (in the trash); ``starred``; ``link`` (a
    review's period, ``"week:2026-11-16"``, or ``"entry:<uid>"`` it answers);
    ``look_back`` (a decision: the day to ask how it turned out).
    """

    __slots__ = ()

    @property
    def short_uid(self) -> str:
        return self.uid[:8]

    @property
    def headline(self) -> str:
        """The title, or the first non-empty line of the body."""
        if self.title:
            return self.title
        for line in self.body.splitlines():
            if line.strip():
                return line.strip()
        return ""

    def to_json(self) -> dict:
        """The shape of a JSON export's entries and of every ``--json`` entry list."""
        data: dict = {
            "uid": self.uid,
            "kind": self.kind,
            "created": to_iso_utc(self.created),
            "updated": to_iso_utc(self.updated),
            "title": self.title,
            "body": self.body,
            "tags": list(self.tags),
            "card": self.card.to_json() if self.card else None,
        }
        if self.kind == "decision":
            data["outcome"] = self.outcome
            data["outcome_at"] = to_iso_utc(self.outcome_at) if self.outcome_at else None
            data["look_back"] = self.look_back.isoformat() if self.look_back else None
        data["starred"] = self.starred
        if self.link:
            data["link"] = self.link
        return data


class Draft(namedtuple("Draft", "id context fields created saved")):
    """Text being written, kept so a crash or a closed terminal loses nothing.

    ``context`` says which form it belongs to (see ``tui.core.drafts``);
    ``fields`` holds every field of that form (``title``, ``body``, ``tags``,
    ``answers``, ...), so it comes back complete. Drafts are never overwritten
    by another editor: each writing session keeps its own (``id``).
    """

    __slots__ = ()

    @property
    def preview(self) -> str:
        """The first words a person would recognise it by."""
        parts = [self.fields.get("title") or "", self.fields.get("body") or ""]
        parts += [answer for answer in self.fields.get("answers") or [] if answer]
        return " ".join(" ".join(str(part).split()) for part in parts if part).strip()


SearchHit = namedtuple("SearchHit", "entry snippet rank")
SearchHit.__doc__ = "One search result. ``snippet`` marks matched words with \\x02 ... \\x03."


# -- tags ---------------------------------------------------------------------


def text_tags(*texts: str) -> list[str]:
    """The ``#tags`` written in ``texts``, normalised, in order, without repeats."""
    found: dict[str, None] = {}
    for text in texts:
        if "#" not in text:
            continue
        for match in _TEXT_TAG.finditer(text):
            tag = normalise_tag(match.group(1).rstrip("-"))
            if tag:
                found[tag] = None
    return list(found)


def all_tags(explicit, title: str, body: str) -> tuple[str, ...]:
    """Explicit tags and the ``#tags`` in the text, sorted: how an entry shows its tags."""
    return tuple(sorted(set(explicit) | set(text_tags(title, body))))


# -- times --------------------------------------------------------------------


def to_micros(moment: datetime) -> int:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_micros(value: int) -> datetime:
    return _EPOCH + timedelta(microseconds=value)


def local_day(moment: datetime) -> int:
    """The local calendar day of ``moment`` as ``date.toordinal()``: what the calendar counts."""
    return to_local(moment).date().toordinal()


def day_of(ordinal: int) -> date:
    return date.fromordinal(ordinal)
