"""Reading entries: counts, the newest, pages, per card, search, on this day."""

from __future__ import annotations

from datetime import date

from tui.journal.base import StoreBase
from tui.journal.model import Entry, SearchHit
from tui.journal.rows import SELECT, entry_from_row, keyset, uid_range
from tui.journal.search import Filters
from tui.journal.search import search as _search

_LIVE = "e.deleted IS NULL"


def _listing(kind: str | None, starred: bool) -> tuple[list[str], list]:
    """The conditions (and their values) of the journal listing: live entries, maybe one
    kind, maybe starred only."""
    where, values = [_LIVE], []
    if kind:
        where.append("e.kind = ?")
        values.append(kind)
    if starred:
        where.append("e.starred = 1")
    return where, values


class ReadingMixin(StoreBase):
    def count(self, kind: str | None = None, *, starred: bool = False) -> int:
        where, values = _listing(kind, starred)
        with self._read() as conn:
            return conn.execute(f"SELECT count(*) FROM entries AS e WHERE {' AND '.join(where)}",
                                values).fetchone()[0]

    def recent(self, limit: int = 50, *, kind: str | None = None,
               before: tuple[str, str] | None = None, starred: bool = False,
               offset: int = 0) -> list[Entry]:
        """Newest first. ``before=(created_iso, uid)`` of the last row shown gives the next page."""
        where, values = _listing(kind, starred)
        with self._read() as conn:
            if before is not None:
                where.append("(e.created, e.id) < (?, ?)")
                values.extend(keyset(conn, before))
            rows = conn.execute(f"{SELECT} WHERE {' AND '.join(where)} "
                                "ORDER BY e.created DESC, e.id DESC LIMIT ? OFFSET ?",
                                (*values, limit, offset)).fetchall()
        return [entry_from_row(row) for row in rows]

    def month_counts(self, *, kind: str | None = None,
                     starred: bool = False) -> list[tuple[str, int]]:
        """``("2026-11", entries)`` for every month with entries, newest first (list headings)."""
        where, values = _listing(kind, starred)
        with self._read() as conn:
            rows = conn.execute(
                "SELECT strftime('%Y-%m', e.created / 1000000, 'unixepoch', 'localtime') AS m, "
                f"count(*) FROM entries AS e WHERE {' AND '.join(where)} GROUP BY m "
                "ORDER BY m DESC", values).fetchall()
        return [(month, count) for month, count in rows]

    def newer_than(self, day: date, *, kind: str | None = None, starred: bool = False) -> int:
        """How many entries are newer than ``day`` (local): where that day starts in the list."""
        where, values = _listing(kind, starred)
        where.append("e.day > ?")
        values.append(day.toordinal())
        with self._read() as conn:
            return conn.execute(f"SELECT count(*) FROM entries AS e WHERE {' AND '.join(where)}",
                                values).fetchone()[0]

    def entries(self, date_from: date | None = None, date_to: date | None = None) -> list[Entry]:
        """Every entry outside the trash, oldest first (for export)."""
        where, values = Filters(date_from=date_from, date_to=date_to).sql()
        with self._read() as conn:
            rows = conn.execute(f"{SELECT} WHERE {' AND '.join(where)} "
                                "ORDER BY e.created, e.uid", values).fetchall()
        return [entry_from_row(row) for row in rows]

    def find(self, prefix: str, *, in_trash: bool | None = False) -> list[Entry]:
        """Entries whose uid starts with ``prefix`` (at most two: enough to see it is ambiguous)."""
        bounds = uid_range(prefix)
        if bounds is None:
            return []
        where = "e.uid BETWEEN ? AND ?"
        if in_trash is not None:
            where += " AND e.deleted IS " + ("NOT NULL" if in_trash else "NULL")
        with self._read() as conn:
            rows = conn.execute(f"{SELECT} WHERE {where} LIMIT 2", bounds).fetchall()
        return [entry_from_row(row) for row in rows]

    def card_history(self, deck: str, card: str) -> list[Entry]:
        """Everything written on one card, oldest first."""
        with self._read() as conn:
            rows = conn.execute(f"{SELECT} WHERE e.card_id = (SELECT id FROM cards WHERE deck = ? "
                                f"AND card = ?) AND {_LIVE} ORDER BY e.created, e.id",
                                (deck, card)).fetchall()
        return [entry_from_row(row) for row in rows]

    def search(self, query: str, *, kind: str | None = None, deck: str | None = None,
               card: str | None = None, tag: str | None = None, date_from: date | None = None,
               date_to: date | None = None, limit: int | None = 50,
               offset: int = 0) -> list[SearchHit]:
        """Ranked full-text search (see :mod:`tui.journal.search`); never fails on odd input."""
        filters = Filters(kind, deck, card, tag, date_from, date_to)
        with self._read() as conn:
            return _search(conn, query or "", filters, limit=limit, offset=offset)

    def search_count(self, query: str, *, kind: str | None = None, deck: str | None = None,
                     card: str | None = None, tag: str | None = None,
                     date_from: date | None = None, date_to: date | None = None) -> int:
        from tui.journal.search import count

        with self._read() as conn:
            return count(conn, query or "", Filters(kind, deck, card, tag, date_from, date_to))

    def on_this_day(self, today: date, *, kind: str | None = None, deck: str | None = None,
                    card: str | None = None, tag: str | None = None,
                    starred: bool = False) -> list[Entry]:
        """Entries written on today's date in earlier years, newest year first.

        The same filters as a search apply (kind, deck, card, tag, starred). On
        29 February the years without one show 28 February.
        """
        where, values = Filters(kind, deck, card, tag).sql()
        if starred:
            where.append("e.starred = 1")
        with self._read() as conn:
            first = conn.execute(f"SELECT min(e.day) FROM entries AS e WHERE {_LIVE}").fetchone()[0]
            if first is None:
                return []
            days = _same_date_before(today, date.fromordinal(first))
            if not days:
                return []
            marks = ", ".join("?" * len(days))
            rows = conn.execute(f"{SELECT} WHERE {' AND '.join(where)} AND e.day IN ({marks}) "
                                "ORDER BY e.created DESC, e.id DESC", (*values, *days)).fetchall()
        return [entry_from_row(row) for row in rows]

    def pending_decisions(self) -> list[Entry]:
        """Decisions still waiting for their outcome, oldest first."""
        with self._read() as conn:
            rows = conn.execute(f"{SELECT} WHERE {_LIVE} AND e.kind = 'decision' "
                                "AND e.outcome = '' ORDER BY e.created, e.uid").fetchall()
        return [entry_from_row(row) for row in rows]

    def due_decisions(self, today: date) -> list[Entry]:
        """Decisions whose day to look back has come (``look_back <= today``) and that have
        no outcome yet, oldest first. A day long past is still due: late is fine."""
        with self._read() as conn:
            rows = conn.execute(f"{SELECT} WHERE {_LIVE} AND e.kind = 'decision' "
                                "AND e.outcome = '' AND e.look_back IS NOT NULL "
                                "AND e.look_back <= ? ORDER BY e.created, e.uid",
                                (today.toordinal(),)).fetchall()
        return [entry_from_row(row) for row in rows]

    def last_on_card(self, deck: str, card: str) -> tuple[int, Entry] | None:
        """How many entries were written on one card, and the newest; ``None`` for none."""
        with self._read() as conn:
            found = conn.execute("SELECT id FROM cards WHERE deck = ? AND card = ?",
                                 (deck, card)).fetchone()
            if found is None:
                return None
            count = conn.execute(f"SELECT count(*) FROM entries AS e WHERE e.card_id = ? "
                                 f"AND {_LIVE}", (found[0],)).fetchone()[0]
            if not count:
                return None
            row = conn.execute(f"{SELECT} WHERE e.card_id = ? AND {_LIVE} "
                               "ORDER BY e.created DESC, e.id DESC LIMIT 1", (found[0],)).fetchone()
        return count, entry_from_row(row)


def _same_date_before(today: date, first: date) -> list[int]:
    """``today``'s month and day in every earlier year back to ``first``."""
    days = []
    for year in range(today.year - 1, first.year - 1, -1):
        try:
            day = date(year, today.month, today.day)
        except ValueError:  # 29 February in a year without one
            day = date(year, today.month, today.day - 1)
        days.append(day.toordinal())
    return days
