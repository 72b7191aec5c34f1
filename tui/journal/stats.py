"""Counts for the reflection calendar, streaks and ``kaart stats``.

Days are local calendar days (the ``day`` column, set when an entry is
written). Entries in the trash do not count.
"""

from __future__ import annotations

from datetime import date

LIVE = "deleted IS NULL"


def day_counts(conn, start: date, end: date) -> dict[date, int]:
    rows = conn.execute(
        f"SELECT day, count(*) FROM entries WHERE {LIVE} AND day BETWEEN ? AND ? GROUP BY day",
        (start.toordinal(), end.toordinal()))
    return {date.fromordinal(day): count for day, count in rows}


def _days(conn, *, until: date | None = None, newest_first: bool = False):
    where, values = LIVE, ()
    if until is not None:
        where += " AND day <= ?"
        values = (until.toordinal(),)
    order = "DESC" if newest_first else ""
    for (day,) in conn.execute(f"SELECT DISTINCT day FROM entries WHERE {where} "
                               f"ORDER BY day {order}", values):
        yield day


def streak(conn, today: date) -> int:
    """Days in a row with an entry, ending today, or yesterday when today is still empty."""
    expected = None
    count = 0
    for day in _days(conn, until=today, newest_first=True):
        if expected is None:
            if day < today.toordinal() - 1:
                return 0
            expected = day
        if day != expected:
            break
        count += 1
        expected = day - 1
    return count


def longest_streak(conn) -> int:
    best = run = 0
    previous = None
    for day in _days(conn):
        run = run + 1 if previous is not None and day - previous == 1 else 1
        best = max(best, run)
        previous = day
    return best


def most_drawn(conn, limit: int = 10) -> list[tuple[str, str, int]]:
    rows = conn.execute("SELECT c.deck, c.card, count(*) AS n FROM draws AS d "
                        "JOIN cards AS c ON c.id = d.card_id GROUP BY d.card_id "
                        "ORDER BY n DESC, c.deck, c.card LIMIT ?", (limit,))
    return [(deck, card, n) for deck, card, n in rows]


def most_written(conn, limit: int = 10) -> list[tuple[str, str, int]]:
    rows = conn.execute(f"SELECT c.deck, c.card, count(*) AS n FROM entries AS e "
                        f"JOIN cards AS c ON c.id = e.card_id WHERE e.{LIVE} "
                        "GROUP BY e.card_id ORDER BY n DESC, c.deck, c.card LIMIT ?", (limit,))
    return [(deck, card, n) for deck, card, n in rows]


def entries_per_month(conn) -> list[tuple[str, int]]:
    months: dict[str, int] = {}
    for day, count in conn.execute(f"SELECT day, count(*) FROM entries WHERE {LIVE} "
                                   "GROUP BY day ORDER BY day"):
        month = date.fromordinal(day).isoformat()[:7]
        months[month] = months.get(month, 0) + count
    return list(months.items())


def notes_per_deck(conn) -> list[tuple[str, int]]:
    """How many entries were written on the cards of each deck, most first."""
    rows = conn.execute(f"SELECT c.deck, count(*) AS n FROM entries AS e JOIN cards AS c "
                        f"ON c.id = e.card_id WHERE e.{LIVE} GROUP BY c.deck "
                        "ORDER BY n DESC, c.deck")
    return [(deck, n) for deck, n in rows]


def decisions(conn, today: date) -> dict:
    """Decisions with and without an outcome, and those whose day to look back has come."""
    total, with_outcome, due = conn.execute(
        "SELECT count(*), coalesce(sum(outcome != ''), 0), coalesce(sum(outcome = '' "
        f"AND look_back IS NOT NULL AND look_back <= ?), 0) FROM entries WHERE {LIVE} "
        "AND kind = 'decision'", (today.toordinal(),)).fetchone()
    return {"total": total, "with_outcome": with_outcome, "without_outcome": total - with_outcome,
            "due": due}


def month_view(conn, year: int, month: int) -> dict:
    """One month, day by day: how many entries each day has (``kaart stats --month``)."""
    from datetime import timedelta

    first = date(year, month, 1)
    last = date(year, 12, 31) if month == 12 else date(year, month + 1, 1) - timedelta(days=1)
    counts = day_counts(conn, first, last)
    days = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
    return {
        "month": f"{year:04d}-{month:02d}",
        "days": [{"date": day.isoformat(), "entries": counts.get(day, 0)} for day in days],
        "days_reflected": len(counts),
        "entries": sum(counts.values()),
    }


def summary(conn, today: date) -> dict:
    """Everything ``kaart stats --json`` prints."""
    from tui.vocabulary import ENTRY_KINDS

    by_kind = dict.fromkeys(ENTRY_KINDS, 0)
    for kind, n in conn.execute(f"SELECT kind, count(*) FROM entries WHERE {LIVE} GROUP BY kind"):
        by_kind[kind] = n
    days, first, last = conn.execute(
        f"SELECT count(DISTINCT day), min(day), max(day) FROM entries WHERE {LIVE}").fetchone()
    draws_by_purpose = dict.fromkeys(("daily", "decision", "random"), 0)
    for purpose, n in conn.execute("SELECT purpose, count(*) FROM draws GROUP BY purpose"):
        draws_by_purpose[purpose] = n
    pending = conn.execute(f"SELECT count(*) FROM entries WHERE {LIVE} AND kind = 'decision' "
                           "AND outcome = ''").fetchone()[0]
    first = date.fromordinal(first).isoformat() if first else None
    last = date.fromordinal(last).isoformat() if last else None
    return {
        "entries": sum(by_kind.values()),
        "by_kind": by_kind,
        "days_reflected": days,
        "first_day": first,
        "last_day": last,
        "streak": streak(conn, today),
        "longest_streak": longest_streak(conn),
        "entries_per_month": [{"month": m, "entries": n} for m, n in entries_per_month(conn)],
        "draws": sum(draws_by_purpose.values()),
        "draws_by_purpose": draws_by_purpose,
        "most_drawn": [{"deck": d, "card": c, "count": n} for d, c, n in most_drawn(conn)],
        "most_written": [{"deck": d, "card": c, "count": n} for d, c, n in most_written(conn)],
        "pending_decisions": pending,
        "notes_per_deck": [{"deck": d, "count": n} for d, n in notes_per_deck(conn)],
        "decisions": decisions(conn, today),
    }
