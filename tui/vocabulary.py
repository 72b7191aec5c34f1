"""Kaart's words, defined once: the kinds of cards and entries, why a card was drawn, tags.

Kinds are ``StrEnum``s, so they compare equal to the strings stored in deck
files, the journal and exports (``CardKind.THINK == "think"``). Every tag,
wherever it is typed (a deck file, ``--tag``, the app's tag field, a jrnl
import, ``#word`` in a text), passes :func:`normalise_tag`.
"""

from __future__ import annotations

import re
from enum import StrEnum

from tui.textclean import strip_controls


class CardKind(StrEnum):
    THINK = "think"
    DO = "do"
    WORKSHEET = "worksheet"


class EntryKind(StrEnum):
    JOURNAL = "journal"
    NOTE = "note"
    DECISION = "decision"
    REVIEW = "review"  # a look back on a week or a month (its period is the entry's link)


class Purpose(StrEnum):
    """Why a card was drawn."""

    DAILY = "daily"
    DECISION = "decision"
    RANDOM = "random"


class PeriodKind(StrEnum):
    """What a review looks back on: an ISO week (Monday to Sunday) or a calendar month."""

    WEEK = "week"
    MONTH = "month"


class Answer(StrEnum):
    """What the user says when an earlier entry comes back ("from your past")."""

    STILL = "still"  # still true: it comes back at its next step
    CHANGED = "changed"  # it changed: a new note linked to it is written
    NEVER = "never"  # not again: it leaves the ladder


# the values as plain strings: for argparse choices, YAML and JSON, which must not see the enums
CARD_KINDS: tuple[str, ...] = tuple(kind.value for kind in CardKind)
ENTRY_KINDS: tuple[str, ...] = tuple(kind.value for kind in EntryKind)
PURPOSES: tuple[str, ...] = tuple(purpose.value for purpose in Purpose)
PERIOD_KINDS: tuple[str, ...] = tuple(kind.value for kind in PeriodKind)
ANSWERS: tuple[str, ...] = tuple(answer.value for answer in Answer)

_TAG_SPLIT = re.compile(r"[,;\s]+")


def normalise_tag(value: str) -> str:
    """``#Eigen Regie``, ``@eigen-regie`` and ``eigen regie`` are one tag: ``eigen-regie``."""
    return "-".join(strip_controls(str(value)).split()).lower().lstrip("#@-").rstrip("-")


def clean_tags(values) -> list[str]:
    """Each value normalised, empty ones dropped, first occurrence kept, order kept."""
    found: dict[str, None] = {}
    for value in values:
        tag = normalise_tag(value)
        if tag:
            found[tag] = None
    return list(found)


def parse_tags(text: str) -> list[str]:
    """What a user types in a tag field: ``"#team, buurt  wmo"`` -> ``["team", "buurt", "wmo"]``."""
    return clean_tags(_TAG_SPLIT.split(strip_controls(text or "")))
