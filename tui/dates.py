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
_NL_MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                   "september", "oktober", "november", "december")
_EN_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December")
_NL_WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_EN_WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_DUTCH_MONTH = re.compile(r"(\d{1,2})[-/.](\d{4})")


def format_date(day: date | datetime, lang: str, *, short: bool = False) -> str:
    if isinstance(day, datetime):
        day = to_local(day).date()
    if short:
        return f"{day.day:02d}-{day.month:02d}-{day.year}" if lang == "nl" else day.isoformat()
    months = _NL_MONTHS if lang == "nl" else _EN_MONTHS
    return f"{day.day} {months[day.month - 1]} {day.year}"


def month_name(month: int, lang: str) -> str:
    """``november`` / ``November`` (1 is January)."""
    return (_NL_MONTH_NAMES if lang == "nl" else _EN_MONTH_NAMES)[month - 1]


def weekday_names(lang: str) -> tuple[str, ...]:
    """Two letters per weekday, Monday first: ``ma di ...`` / ``Mo Tu ...``."""
    return _NL_WEEKDAYS if lang == "nl" else _EN_WEEKDAYS


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


def month_heading(month: str, lang: str) -> str:
    """``"2026-11"`` -> ``"november 2026"`` / ``"November 2026"`` (a heading in a list)."""
    year, number = (int(part) for part in month.split("-"))
    return f"{month_name(number, lang)} {year}"


# How users shorten a month's name, Dutch and English, besides any three or more letters
# its full name starts with ("maa", "sept", "nov"): "mrt" is the Dutch one that is not.
_MONTH_ABBREVIATIONS = {"mrt": 3, "mei": 5, "okt": 10, "may": 5, "oct": 10}


def month_number(word: str) -> int | None:
    """The month a word names (``mrt``, ``maart``, ``Mar.``, ``sept``...), else ``None``."""
    word = word.strip().lower().rstrip(".")
    if word in _MONTH_ABBREVIATIONS:
        return _MONTH_ABBREVIATIONS[word]
    if len(word) < 3 or not word.isalpha():
        return None
    for names in (_NL_MONTH_NAMES, _EN_MONTH_NAMES):
        for number, name in enumerate(names, 1):
            if name.lower().startswith(word):
                return number
    return None


def parse_month_or_date(text: str, today: date | None = None) -> date:
    """A day (``2026-11-22``, ``22-11-2026``, ``22 nov 2026``), a month (``2026-11``,
    ``11-2026``, ``november 2026``, ``nov 2026``, ``mrt. 2025``) or a month's name alone
    (``mei``: the last May up to ``today``): its last day, for jumping to where that day or
    month ends in a newest-first list. ``ValueError`` otherwise."""
    value = " ".join(text.strip().lower().split())
    try:
        return parse_date(value)
    except ValueError:
        pass
    year = month = None
    day = 0
    if match := _ISO_MONTH.fullmatch(value):
        year, month = int(match.group(1)), int(match.group(2))
    elif match := _DUTCH_MONTH.fullmatch(value):
        month, year = int(match.group(1)), int(match.group(2))
    else:
        words = value.replace(".", " ").split()
        if len(words) == 3 and words[0].isdigit() and words[2].isdigit():
            day, words = int(words[0]), words[1:]
        if len(words) == 2 and words[1].isdigit():
            month, year = month_number(words[0]), int(words[1])
        elif len(words) == 1 and (month := month_number(words[0])) is not None:
            today = today or date.today()
            year = today.year if month <= today.month else today.year - 1
    if year is None or month is None or not 1 <= month <= 12 or not 1 <= year <= 9999:
        raise ValueError(text)
    if day:
        return date(year, month, day)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


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
