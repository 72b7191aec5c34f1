"""Dates as users read and type them.

Shown: Dutch ``22 nov. 2026`` (long) or ``22-11-2026`` (short); English
``22 Nov 2026`` or ``2026-11-22``. Typed: ``2026-11-22`` always, and
``22-11-2026`` (also with ``/`` or ``.``) as Dutch users write it.
Stored times are UTC; they are shown in local time.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_NL_MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.",
              "nov.", "dec.")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def format_date(day: date | datetime, lang: str, *, short: bool = False) -> str:
    if isinstance(day, datetime):
        day = to_local(day).date()
    if short:
        return f"{day.day:02d}-{day.month:02d}-{day.year}" if lang == "nl" else day.isoformat()
    months = _NL_MONTHS if lang == "nl" else _EN_MONTHS
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_datetime(moment: datetime, lang: str, *, short: bool = False) -> str:
    local = to_local(moment)
    return f"{format_date(local.date(), lang, short=short)} {local:%H:%M}"


def parse_date(text: str) -> date:
    """``2026-11-22`` or ``22-11-2026``; raises ``ValueError`` otherwise."""
    value = text.strip()
    if match := _ISO.fullmatch(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DUTCH.fullmatch(value):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ValueError(value)
    return date(year, month, day)


def to_local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_iso_utc(moment: datetime) -> str:
    """``2026-11-22T09:15:03.123456Z``: how times are stored and exported.

    Written field by field: ``strftime("%Y")`` gives ``999`` for the year 999,
    which ``fromisoformat`` then refuses, and an export must always import again.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    m = moment.astimezone(UTC)
    return (f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:"
            f"{m.second:02d}.{m.microsecond:06d}Z")


def from_iso(text: str) -> datetime:
    """A stored or exported time; ``ValueError`` for text that is not one, or a time
    that cannot be shown in every time zone (within a day of year 1 or year 9999)."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return checked(moment)


def checked(moment: datetime) -> datetime:
    """``moment``, when it converts to UTC and to local time; else ``ValueError``."""
    try:
        utc = moment.astimezone(UTC)
        moment.astimezone()
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"time out of range: {moment!r}") from None
    if not 2 <= utc.year <= 9998:
        raise ValueError(f"time out of range: {moment!r}")
    return moment
