"""Reviews ("Terugblik"): the period a review looks back on, and what the journal holds for it.

A period is an ISO week (Monday to Sunday) or a calendar month, in local
calendar days (the ``day`` column of entries and draws). A review is an entry
of its own kind (``review``) whose ``link`` names its period:
``week:2026-11-16`` (the Monday) or ``month:2026-11``. A second review of the
same period is the first one, opened again (see :meth:`ReviewMixin.review_entry`).
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date, timedelta

from tui.journal import stats as _stats
from tui.journal.base import StoreBase
from tui.journal.model import Entry, from_micros
from tui.journal.rows import SELECT, entry_from_row
from tui.vocabulary import EntryKind, PeriodKind

_LIVE = "e.deleted IS NULL"


class Period(namedtuple("Period", "kind start end")):
    """``kind`` (week or month), its first and last local day (``start``, ``end``)."""

    __slots__ = ()

    @property
    def link(self) -> str:
        """What a review of this period keeps in its ``link``."""
        if self.kind == PeriodKind.WEEK:
            return f"week:{self.start.isoformat()}"
        return f"month:{self.start.year:04d}-{self.start.month:02d}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> Period:
        return period_of(self.kind, self.start - timedelta(days=1))

    def label(self, lang: str | None = None) -> str:
        """``Week 47 · 16 Nov 2026 – 22 Nov 2026`` or ``November 2026``, as Kaart shows dates."""
        from tui.dates import format_date, month_name
        from tui.i18n import get_language, t

        lang = lang or get_language()
        if self.kind == PeriodKind.WEEK:
            return t("review.period.week", lang=lang, number=self.start.isocalendar().week,
                     start=format_date(self.start, lang), end=format_date(self.end, lang))
        return t("review.period.month", lang=lang, month=month_name(self.start.month, lang),
                 year=self.start.year)

    def to_json(self) -> dict:
        return {"kind": str(self.kind), "start": self.start.isoformat(),
                "end": self.end.isoformat(), "link": self.link}


def period_of(kind: str, day: date) -> Period:
    """The week (Monday to Sunday) or the month that holds ``day``."""
    if kind == PeriodKind.WEEK:
        start = day - timedelta(days=day.weekday())  # 1 January of the year 1 was a Monday
        try:
            end = start + timedelta(days=6)
        except OverflowError:
            end = date.max
        return Period(PeriodKind.WEEK, start, end)
    if kind != PeriodKind.MONTH:
        raise ValueError(f"unknown period kind {kind!r}")
    start = day.replace(day=1)
    if day.month == 12:
        end = day.replace(day=31)
    else:
        end = start.replace(month=day.month + 1) - timedelta(days=1)
    return Period(PeriodKind.MONTH, start, end)


def period_from_link(link: str) -> Period | None:
    """The period a review's ``link`` names (``None`` for any other link)."""
    kind, _, value = (link or "").partition(":")
    try:
        if kind == PeriodKind.WEEK:
            day = date.fromisoformat(value)
            return period_of(kind, day) if day.weekday() == 0 else None
        if kind == PeriodKind.MONTH and len(value) == 7:
            return period_of(kind, date.fromisoformat(value + "-01"))
    except ValueError:
        return None
    return None


class Draw(namedtuple("Draw", "at deck card purpose")):
    """A card drawn: when (aware, UTC), which (``deck``, ``card``), and why (``purpose``)."""

    __slots__ = ()

    @property
    def ref(self) -> str:
        return f"{self.deck}/{self.card}"

    def to_json(self) -> dict:
        from tui.dates import to_iso_utc

        return {"at": to_iso_utc(self.at), "deck": self.deck, "card": self.card,
                "purpose": self.purpose}


# What the journal holds for one period. ``draws`` (oldest first); ``entries``: everything
# written in it but its decisions and its own review (oldest first); ``decisions`` made in it;
# ``waiting``: every decision made before its end that has no outcome (oldest first); ``days``
# with an entry; ``streak`` at its end (or today, for a period still going on); ``top_card``:
# ``(deck, card, count)`` written about most in it, or ``None``; ``entry``: its review, or ``None``.
PeriodData = namedtuple("PeriodData",
                        "period draws entries decisions waiting days streak top_card entry")


# "e.link != ''" lets SQLite use the partial index entries_by_link: without it this scanned
# every entry (47 ms and 16 MiB of page cache at 100,000 entries, at every start of the app)
REVIEW_ENTRY = (f"{SELECT} WHERE {_LIVE} AND e.kind = ? AND e.link != '' AND e.link = ? "
                "ORDER BY e.created DESC, e.id DESC LIMIT 1")


def review_entry(conn, period: Period) -> Entry | None:
    row = conn.execute(REVIEW_ENTRY, (EntryKind.REVIEW, period.link)).fetchone()
    return entry_from_row(row) if row else None


def gather(conn, period: Period, today: date) -> PeriodData:
    first, last = period.start.toordinal(), period.end.toordinal()
    draws = [Draw(from_micros(at), deck, card, purpose) for at, deck, card, purpose in conn.execute(
        "SELECT d.at, c.deck, c.card, d.purpose FROM draws AS d JOIN cards AS c "
        "ON c.id = d.card_id WHERE d.day BETWEEN ? AND ? ORDER BY d.at, c.deck, c.card, d.purpose",
        (first, last))]
    written = [entry_from_row(row) for row in conn.execute(
        f"{SELECT} WHERE {_LIVE} AND e.day BETWEEN ? AND ? ORDER BY e.created, e.uid",
        (first, last))]
    link = period.link
    entries = [entry for entry in written if entry.kind != EntryKind.DECISION
               and not (entry.kind == EntryKind.REVIEW and entry.link == link)]
    decisions = [entry for entry in written if entry.kind == EntryKind.DECISION]
    waiting = [entry_from_row(row) for row in conn.execute(
        f"{SELECT} WHERE {_LIVE} AND e.kind = 'decision' AND e.outcome = '' AND e.day <= ? "
        "ORDER BY e.created, e.uid", (last,))]
    days = [date.fromordinal(day) for (day,) in conn.execute(
        "SELECT DISTINCT day FROM entries WHERE deleted IS NULL AND day BETWEEN ? AND ? "
        "ORDER BY day", (first, last))]
    top = conn.execute(
        f"SELECT c.deck, c.card, count(*) AS n FROM entries AS e JOIN cards AS c "
        f"ON c.id = e.card_id WHERE {_LIVE} AND e.kind != 'review' AND e.day BETWEEN ? AND ? "
        "GROUP BY e.card_id ORDER BY n DESC, c.deck, c.card LIMIT 1", (first, last)).fetchone()
    streak = _stats.streak(conn, min(period.end, today))
    return PeriodData(period, draws, entries, decisions, waiting, days, streak,
                      tuple(top) if top else None, review_entry(conn, period))


class ReviewMixin(StoreBase):
    def period_data(self, period: Period, today: date) -> PeriodData:
        """Everything a review of ``period`` shows (see :data:`PeriodData`)."""
        with self._read() as conn:
            return gather(conn, period, today)

    def review_entry(self, period: Period) -> Entry | None:
        """The review written for ``period`` (the newest, should there be two), or ``None``."""
        with self._read() as conn:
            return review_entry(conn, period)
