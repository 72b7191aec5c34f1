"""Draws and their bags, drafts, the numbers behind the calendar, backups and the daily check."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from tui.journal import stats as _stats
from tui.journal.base import Damaged, StoreBase
from tui.journal.connection import quick_check
from tui.journal.model import PURPOSES, from_micros, local_day
from tui.journal.rows import card_id
from tui.textclean import strip_controls


class KeepingMixin(StoreBase):
    # -- draws ----------------------------------------------------------------
    def record_draw(self, deck: str, card: str, purpose: str, *, bag_key: str | None = None,
                    bag: list[str] | None = None) -> None:
        """Keep a draw, and the bag it leaves behind, in one transaction.

        A daily draw of the same card on the same local day is kept once.
        """
        if purpose not in PURPOSES:
            raise ValueError(f"unknown purpose {purpose!r}")
        moment, stamp = self._times()
        with self._write() as conn:
            conn.execute("INSERT OR IGNORE INTO draws (at, day, card_id, purpose) "
                         "VALUES (?, ?, ?, ?)", (stamp, local_day(moment), card_id(conn, deck, card),
                                                 purpose))
            if bag_key is not None:
                conn.execute(
                    "INSERT INTO bags (key, remaining, last, updated) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET remaining = excluded.remaining, "
                    "last = excluded.last, updated = excluded.updated",
                    (bag_key, _json().dumps(list(bag or [])), f"{deck}/{card}", stamp))

    def load_bag(self, bag_key: str) -> tuple[list[str], str | None]:
        """``(remaining refs, last drawn ref)``; ``([], None)`` for a bag never used."""
        with self._read() as conn:
            row = conn.execute("SELECT remaining, last FROM bags WHERE key = ?",
                               (bag_key,)).fetchone()
        if row is None:
            return [], None
        try:
            remaining = _json().loads(row[0])
        except ValueError:
            remaining = []
        if not isinstance(remaining, list):
            remaining = []
        return [str(ref) for ref in remaining], row[1]

    def draws(self, date_from: date | None = None, date_to: date | None = None) -> list[dict]:
        where, values = ["1"], []
        if date_from:
            where.append("d.day >= ?")
            values.append(date_from.toordinal())
        if date_to:
            where.append("d.day <= ?")
            values.append(date_to.toordinal())
        with self._read() as conn:
            rows = conn.execute("SELECT d.at, c.deck, c.card, d.purpose FROM draws AS d "
                                "JOIN cards AS c ON c.id = d.card_id WHERE "
                                f"{' AND '.join(where)} ORDER BY d.at, c.deck, c.card, d.purpose",
                                values).fetchall()
        return [{"at": from_micros(at), "deck": deck, "card": card, "purpose": purpose}
                for at, deck, card, purpose in rows]

    # -- drafts ---------------------------------------------------------------
    def save_draft(self, context: str, text: str) -> None:
        """Keep unsaved text for ``context``; empty text removes the draft."""
        text = strip_controls(text or "")
        if not text.strip():
            self.discard_draft(context)
            return
        _, stamp = self._times()
        with self._write() as conn:
            conn.execute("INSERT INTO drafts (context, text, saved) VALUES (?, ?, ?) "
                         "ON CONFLICT (context) DO UPDATE SET text = excluded.text, "
                         "saved = excluded.saved", (context, text, stamp))

    def get_draft(self, context: str) -> str | None:
        with self._read() as conn:
            row = conn.execute("SELECT text FROM drafts WHERE context = ?", (context,)).fetchone()
        return row[0] if row else None

    def drafts(self) -> list[tuple[str, str, datetime]]:
        """``(context, text, saved)``, newest first."""
        with self._read() as conn:
            rows = conn.execute("SELECT context, text, saved FROM drafts "
                                "ORDER BY saved DESC, context").fetchall()
        return [(context, text, from_micros(saved)) for context, text, saved in rows]

    def discard_draft(self, context: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM drafts WHERE context = ?", (context,))

    # -- stats ----------------------------------------------------------------
    def day_counts(self, start: date, end: date) -> dict[date, int]:
        with self._read() as conn:
            return _stats.day_counts(conn, start, end)

    def streak(self, today: date) -> int:
        with self._read() as conn:
            return _stats.streak(conn, today)

    def most_drawn(self, limit: int = 10) -> list[tuple[str, str, int]]:
        with self._read() as conn:
            return _stats.most_drawn(conn, limit)

    def most_written(self, limit: int = 10) -> list[tuple[str, str, int]]:
        with self._read() as conn:
            return _stats.most_written(conn, limit)

    def entries_per_month(self) -> list[tuple[str, int]]:
        with self._read() as conn:
            return _stats.entries_per_month(conn)

    def stats(self, today: date) -> dict:
        with self._read() as conn:
            return _stats.summary(conn, today)

    # -- backup ---------------------------------------------------------------
    def backup(self, dest: Path | None = None, *, prefix: str = "kaart") -> Path:
        """A consistent copy of the journal (SQLite backup API), 0600. Returns its path."""
        from tui.journal import backup as backups

        try:
            if dest is None:
                dest = backups.new_backup_path(backups.backups_dir(self.path), prefix,
                                               self._times()[0])
            with self._lock:
                return backups.copy_database(self._conn, Path(dest))
        except (OSError, sqlite3.Error) as error:
            raise self._trouble(error) from None

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _maintenance_due(self) -> bool:
        return self._meta("maintained") != str(local_day(self._times()[0]))

    def _maintain(self, keep: int | None) -> None:
        """The daily check and backup. Raises ``Damaged`` when ``quick_check`` fails."""
        today = str(local_day(self._times()[0]))
        with self._write() as conn:
            if self._meta("maintained") == today:
                return  # another Kaart did it a moment ago
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('maintained', ?)",
                         (today,))
        from tui.journal import backup as backups

        if not quick_check(self._conn):
            raise Damaged("quick_check")
        folder = backups.backups_dir(self.path)
        self.backup(prefix="auto")
        backups.prune(folder, "auto", keep if keep is not None else _backups_keep())


def _json():
    import json  # only bags use it; kept off the import path of every command

    return json


def _backups_keep() -> int:
    from tui.settings import load_settings

    try:
        return max(1, int(load_settings().backups_keep))
    except (OSError, ValueError, TypeError):
        return 14
