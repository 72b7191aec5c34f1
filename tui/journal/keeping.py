"""Draws and their bags, drafts, the numbers behind the calendar, backups and the daily check."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tui.errors import StoreError
from tui.journal import stats as _stats
from tui.journal.base import Damaged, StoreBase, suspect_marker
from tui.journal.connection import quick_check
from tui.journal.model import PURPOSES, Draft, from_micros, local_day
from tui.journal.rows import card_id
from tui.textclean import strip_controls

# (bag, last drawn ref) -> (the card drawn, the bag it leaves); see tui.drawing.draw
Chooser = Callable[[list[str], str | None], tuple[object, list[str]]]


class KeepingMixin(StoreBase):
    # -- draws ----------------------------------------------------------------
    def draw_and_record(self, bag_key: str, choose: Chooser, purpose: str):
        """Read the bag, draw with ``choose(bag, last)``, keep the draw and the new bag: one transaction.

        Two Kaarts drawing from the same pool at once therefore never draw from
        the same bag state. Returns the card ``choose`` gave.
        """
        if purpose not in PURPOSES:
            raise ValueError(f"unknown purpose {purpose!r}")
        moment, stamp = self._times()
        with self._write() as conn:
            bag, last = _bag(conn, bag_key)
            card, remaining = choose(bag, last)
            conn.execute("INSERT OR IGNORE INTO draws (at, day, card_id, purpose) "
                         "VALUES (?, ?, ?, ?)",
                         (stamp, local_day(moment), card_id(conn, card.deck, card.id), purpose))
            conn.execute(
                "INSERT INTO bags (key, remaining, last, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET remaining = excluded.remaining, "
                "last = excluded.last, updated = excluded.updated",
                (bag_key, _json().dumps(list(remaining)), f"{card.deck}/{card.id}", stamp))
        return card

    def record_draw(self, deck: str, card: str, purpose: str) -> None:
        """Keep a draw made without a bag (a daily draw is kept once per local day)."""
        if purpose not in PURPOSES:
            raise ValueError(f"unknown purpose {purpose!r}")
        moment, stamp = self._times()
        with self._write() as conn:
            conn.execute("INSERT OR IGNORE INTO draws (at, day, card_id, purpose) "
                         "VALUES (?, ?, ?, ?)",
                         (stamp, local_day(moment), card_id(conn, deck, card), purpose))

    def daily_card(self, day: date) -> tuple[str, str] | None:
        """``(deck, card)`` of the card of the day kept for ``day`` (the first), or ``None``."""
        with self._read() as conn:
            return conn.execute(
                "SELECT c.deck, c.card FROM draws AS d JOIN cards AS c ON c.id = d.card_id "
                "WHERE d.day = ? AND d.purpose = 'daily' ORDER BY d.id LIMIT 1",
                (day.toordinal(),)).fetchone()

    def load_bag(self, bag_key: str) -> tuple[list[str], str | None]:
        """``(remaining refs, last drawn ref)``; ``([], None)`` for a bag never used."""
        with self._read() as conn:
            return _bag(conn, bag_key)

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
    def save_draft(self, context: str, fields: dict, draft_id: int | None = None) -> int | None:
        """Keep the fields of a form being written; returns the draft's id.

        ``draft_id`` is the id this writing session got the first time; other
        sessions on the same context have their own, so nothing is overwritten.
        Fields with no text at all remove the draft (and return ``None``).
        """
        clean = _clean_fields(fields)
        if not _has_text(clean):
            if draft_id is not None:
                self.discard_draft(draft_id)
            return None
        _, stamp = self._times()
        payload = _json().dumps(clean, ensure_ascii=False)
        with self._write() as conn:
            if draft_id is not None:
                updated = conn.execute("UPDATE drafts SET fields = ?, saved = ? WHERE id = ?",
                                       (payload, stamp, draft_id)).rowcount
                if updated:
                    return draft_id
            return conn.execute("INSERT INTO drafts (context, fields, created, saved) "
                                "VALUES (?, ?, ?, ?) RETURNING id",
                                (context, payload, stamp, stamp)).fetchone()[0]

    def get_draft(self, draft_id: int) -> Draft | None:
        with self._read() as conn:
            row = conn.execute("SELECT id, context, fields, created, saved FROM drafts "
                               "WHERE id = ?", (draft_id,)).fetchone()
        return _draft(row) if row else None

    def drafts(self, context: str | None = None) -> list[Draft]:
        """Every draft (or those of one context), newest first."""
        where, values = ("WHERE context = ?", (context,)) if context else ("", ())
        with self._read() as conn:
            rows = conn.execute("SELECT id, context, fields, created, saved FROM drafts "
                                f"{where} ORDER BY saved DESC, id DESC", values).fetchall()
        return [_draft(row) for row in rows]

    def discard_draft(self, draft_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

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

    def month_view(self, year: int, month: int) -> dict:
        with self._read() as conn:
            return _stats.month_view(conn, year, month)

    # -- backup ---------------------------------------------------------------
    def backup(self, dest: Path | None = None, *, prefix: str = "kaart",
               overwrite: bool = False) -> Path:
        """A consistent copy of the journal (SQLite backup API), 0600. Returns its path.

        Without ``dest`` it goes to the backups folder under a fresh name. The
        copy is made in a hidden temporary file and only then given its name,
        so a failed or killed backup never leaves a partial file that looks
        like a backup (or replaces ``dest``).
        """
        from tui.journal import backup as backups

        try:
            if dest is None:
                folder = backups.backups_dir(self.path)
                name = backups.backup_name(prefix, self._times()[0])
            else:
                folder, name = Path(dest).parent, Path(dest).name
            with self._lock:
                return backups.copy_database(self._conn, folder, name, overwrite=overwrite)
        except (OSError, sqlite3.Error) as error:
            raise self._trouble(error) from None

    def read_meta(self, key: str) -> str | None:
        """A small value Kaart keeps in the journal (``meta``), or ``None``."""
        with self._read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def write_meta(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def maintain_if_due(self) -> bool:
        """The daily check and backup, once a day, as soon as the journal holds anything.

        Cheap when not due (one read). Raises ``Damaged`` when ``quick_check``
        fails; other trouble (another Kaart writing, a full disk) only becomes
        :attr:`notice`: the journal still opens, and the next open tries again.
        Returns whether it ran.
        """
        try:
            return self._maintain()
        except StoreError as error:
            if error.reason != "locked":
                self.notice = " ".join(part for part in (self.notice, error.message) if part)
            return False

    def after_first_save(self) -> None:
        """A journal that was empty when opened gets its first backup right after its first save."""
        if self._empty_at_open:
            self._empty_at_open = False
            try:
                self.maintain_if_due()
            except Damaged:
                with contextlib.suppress(OSError):
                    suspect_marker(self.path).touch()  # the next open checks and sets it aside

    def _maintain(self) -> bool:
        today = str(local_day(self._times()[0]))
        if self.read_only or self._meta("maintained") == today:
            return False
        if self._conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is None:
            self._empty_at_open = True  # nothing to keep yet: the first save makes the backup
            return False
        from tui.journal import backup as backups

        if not quick_check(self._conn):
            raise Damaged("quick_check")
        with self._write() as conn:
            if self._meta("maintained") == today:
                return False  # another Kaart did it a moment ago
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('maintained', ?)",
                         (today,))
        folder = backups.backups_dir(self.path)
        self.backup(prefix="auto")
        backups.prune(folder, "auto", self.backups_keep)
        backups.remove_stale_partials(folder)
        return True


def _bag(conn, bag_key: str) -> tuple[list[str], str | None]:
    row = conn.execute("SELECT remaining, last FROM bags WHERE key = ?", (bag_key,)).fetchone()
    if row is None:
        return [], None
    try:
        remaining = _json().loads(row[0])
    except (ValueError, RecursionError):
        remaining = []
    if not isinstance(remaining, list):
        remaining = []
    return [str(ref) for ref in remaining], row[1]


def _clean_fields(fields: dict) -> dict:
    clean: dict = {}
    for key, value in fields.items():
        if isinstance(value, str):
            clean[str(key)] = strip_controls(value)
        elif isinstance(value, (list, tuple)):
            clean[str(key)] = [strip_controls(str(item)) for item in value]
        elif isinstance(value, (int, float, bool)) or value is None:
            clean[str(key)] = value
    return clean


def _has_text(fields: dict) -> bool:
    for key in ("title", "body", "answers", "outcome"):
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return True
        if isinstance(value, list) and any(str(item).strip() for item in value):
            return True
    return False


def _draft(row) -> Draft:
    draft_id, context, payload, created, saved = row
    try:
        fields = _json().loads(payload)
    except (ValueError, RecursionError):
        fields = {"body": payload}
    if not isinstance(fields, dict):
        fields = {"body": str(fields)}
    return Draft(draft_id, context, fields, from_micros(created), from_micros(saved))


def _json():
    import json  # only bags and drafts use it; kept off the import path of every command

    return json
