"""Full-text search over titles and bodies (FTS5, ranked with bm25), with filters.

What a user types is turned into a safe FTS5 query: words (all must occur),
``"a phrase"``, ``prefix*``, ``OR`` between two terms and ``-word`` to leave
a word out. Everything else (a lone ``"``, ``AND(``, ``-``, ``:``) is quoted
or dropped, so no input can make the query fail.

Ranking: for a page (``limit``), the :data:`RANK_WINDOW` most recently
written matches are ranked with bm25 (best first) and older matches follow,
newest first, so the first page costs the same for a rare word and for one
in every other entry; with fewer matches, or asked for every match
(``limit=None``), the order is exact bm25. Snippets are computed by FTS5 only for the rows returned.
"""

from __future__ import annotations

import re
from datetime import date

from tui.journal.model import SearchHit, normalise_tag
from tui.journal.rows import CARD_JOIN, COLUMNS, N_COLUMNS, entry_from_row
from tui.textclean import strip_controls

MARK_START, MARK_END = "\x02", "\x03"
SNIPPET_WORDS = 16
RANK_WINDOW = 1000  # the newest matches that are ranked; older ones follow, newest first
_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_HAS_TOKEN = re.compile(r"[^\W_]")


class Filters:
    """The filters of a search, as SQL conditions on ``entries AS e`` and ``cards AS c``."""

    __slots__ = ("kind", "deck", "card", "tag", "date_from", "date_to")

    def __init__(self, kind: str | None = None, deck: str | None = None, card: str | None = None,
                 tag: str | None = None, date_from: date | None = None,
                 date_to: date | None = None) -> None:
        self.kind, self.deck, self.card, self.tag = kind, deck, card, tag
        self.date_from, self.date_to = date_from, date_to

    def sql(self) -> tuple[list[str], list]:
        where, values = ["e.deleted IS NULL"], []
        if self.kind:
            where.append("e.kind = ?")
            values.append(self.kind)
        if self.deck:
            where.append("c.deck = ?")
            values.append(self.deck)
        if self.card:
            where.append("c.card = ?")
            values.append(self.card)
        if self.tag:
            where.append("EXISTS (SELECT 1 FROM entry_tags AS t WHERE t.tag = ? AND t.entry = e.id)")
            values.append(normalise_tag(self.tag))
        if self.date_from:
            where.append("e.day >= ?")
            values.append(self.date_from.toordinal())
        if self.date_to:
            where.append("e.day <= ?")
            values.append(self.date_to.toordinal())
        return where, values


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_query(text: str) -> str:
    """The FTS5 form of what the user typed; ``""`` when nothing searchable is left."""
    text = strip_controls(text)
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for match in _TERM.finditer(text):
        minus, phrase, word = match.groups()
        if phrase is not None:
            term, exclude = phrase, bool(minus)
            prefix = False
        else:
            if word == "OR":
                pending_or = bool(positive)
                continue
            exclude = word.startswith("-") and len(word) > 1
            term = word[1:] if exclude else word
            prefix = term.endswith("*")
            term = term.rstrip("*")
        if not _HAS_TOKEN.search(term):
            continue
        quoted = _quote(term) + ("*" if prefix else "")
        if exclude:
            negative.append(quoted)
        elif pending_or and positive:
            positive[-1] = f"({positive[-1]} OR {quoted})"
        else:
            positive.append(quoted)
        pending_or = False
    if not positive:
        return ""
    query = " AND ".join(positive)
    for term in negative:
        query = f"({query}) NOT {term}"
    return query


def search(conn, query: str, filters: Filters, *, limit: int | None = 50,
           offset: int = 0) -> list[SearchHit]:
    limit_sql = " LIMIT ? OFFSET ?"
    paging = [-1 if limit is None else max(0, limit), max(0, offset)]
    where, values = filters.sql()
    if not query.strip():
        sql = (f"SELECT {COLUMNS} FROM entries AS e {CARD_JOIN} WHERE {' AND '.join(where)} "
               f"ORDER BY e.created DESC, e.id DESC" + limit_sql)
        rows = conn.execute(sql, [*values, *paging]).fetchall()
        return [SearchHit(entry_from_row(row), _plain_snippet(row[6] or row[5]), 0.0)
                for row in rows]
    match = fts_query(query)
    if not match:
        return []
    snippet = (f"snippet(entries_fts, -1, '{MARK_START}', '{MARK_END}', '…', {SNIPPET_WORDS})")
    base = (f"FROM entries_fts JOIN entries AS e ON e.id = entries_fts.rowid {CARD_JOIN} "
            f"WHERE entries_fts MATCH ? AND {' AND '.join(where)}")
    select = f"SELECT {COLUMNS}, entries_fts.rank, {snippet} {base}"
    # Ranking costs a few microseconds a match, so a common word in a big journal would make
    # the first page slow. The newest RANK_WINDOW matches are ranked (best first); older
    # ones follow, newest first. With fewer matches than that, the order is exact bm25.
    edge = None if limit is None else conn.execute(  # every match: rank them all, exactly
        f"SELECT entries_fts.rowid {base} ORDER BY entries_fts.rowid DESC LIMIT 1 OFFSET ?",
        [match, *values, RANK_WINDOW - 1]).fetchone()
    if edge is None:
        rows = conn.execute(select + " ORDER BY entries_fts.rank, e.created DESC"
                             + limit_sql,
                            [match, *values, *paging]).fetchall()
        return [_hit(row) for row in rows]
    want = None if limit is None else max(0, limit)
    start = max(0, offset)
    rows = []
    if start < RANK_WINDOW:
        take = RANK_WINDOW - start if want is None else min(want, RANK_WINDOW - start)
        rows += conn.execute(select + " AND entries_fts.rowid >= ? "
                             "ORDER BY entries_fts.rank, e.created DESC"
                             + limit_sql, [match, *values, edge[0], take, start]).fetchall()
    left = None if want is None else want - len(rows)
    if left is None or left > 0:
        rows += conn.execute(select + " AND entries_fts.rowid < ? ORDER BY entries_fts.rowid DESC"
                             + limit_sql, [match, *values, edge[0],
                                           -1 if left is None else left,
                                           max(0, start - RANK_WINDOW)]).fetchall()
    return [_hit(row) for row in rows]


def _hit(row) -> SearchHit:
    return SearchHit(entry_from_row(row[:N_COLUMNS]), row[N_COLUMNS + 1], float(row[N_COLUMNS]))


def _plain_snippet(text: str) -> str:
    words = text.split()
    short = " ".join(words[:SNIPPET_WORDS])
    return short + ("…" if len(words) > SNIPPET_WORDS else "")


def strip_marks(snippet: str) -> str:
    return snippet.replace(MARK_START, "").replace(MARK_END, "")


def count(conn, query: str, filters: Filters) -> int:
    """How many entries a search finds (for the list's length; no ranking, no snippets)."""
    where, values = filters.sql()
    if not query.strip():
        return conn.execute(f"SELECT count(*) FROM entries AS e {CARD_JOIN} "
                            f"WHERE {' AND '.join(where)}", values).fetchone()[0]
    match = fts_query(query)
    if not match:
        return 0
    return conn.execute(f"SELECT count(*) FROM entries_fts JOIN entries AS e "
                        f"ON e.id = entries_fts.rowid {CARD_JOIN} WHERE entries_fts MATCH ? "
                        f"AND {' AND '.join(where)}", [match, *values]).fetchone()[0]
