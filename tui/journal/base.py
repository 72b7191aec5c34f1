"""The plumbing every part of the store shares: the connection, its lock, transactions.

Each write is one ``BEGIN IMMEDIATE ... COMMIT``; SQLite and disk errors
become one :class:`StoreError` line, and damage seen during use leaves a
marker so the next open runs ``quick_check``.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from tui.errors import StoreError
from tui.i18n import t
from tui.journal.connection import begin_immediate, is_damage, is_user_trouble, store_error
from tui.journal.model import CardRef, to_micros
from tui.textclean import strip_controls

DEFAULT_BACKUPS_KEEP = 14


class Damaged(Exception):
    """The database is damaged (``reason`` says how); the opener sets it aside."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def suspect_marker(path: Path) -> Path:
    """A file whose presence asks the next open to run ``quick_check`` (SQLite saw damage)."""
    return path.with_name(path.name + ".check")


def clean_card(card: CardRef | None) -> CardRef | None:
    if card is None:
        return None
    return CardRef(str(card.deck), str(card.card), strip_controls(card.text or ""))


class StoreBase:
    """The connection and how every method uses it. Safe to share between threads (one lock)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, now: Callable[[], datetime],
                 read_only: bool = False, notice: str = "",
                 read_only_error: StoreError | None = None, locks=None) -> None:
        self._conn = conn
        self.path = path
        self._now = now
        self.read_only = read_only
        self.notice = notice
        self._read_only_error = read_only_error
        self._lock = threading.RLock()
        self._locks = locks  # tui.journal.locks.JournalLocks, or None (read-only)
        self._identity = _identity(path)
        self.backups_keep = DEFAULT_BACKUPS_KEEP
        self._empty_at_open = False  # set by the daily maintenance: back up after the first save

    # -- plumbing -------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self.detach()
            if self._locks is not None:
                self._locks.close()
                self._locks = None

    def detach(self) -> None:
        """Close the connection but keep the locks (the opener is about to try again)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _check_same_file(self) -> None:
        """Refuse to write when the journal file was swapped under us (a restore without locks)."""
        if self._identity is not None and _identity(self.path) != self._identity:
            raise StoreError(t("journal.error.replaced", path=self.path), "replaced")

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _trouble(self, error: BaseException) -> StoreError:
        if is_damage(error):
            with contextlib.suppress(OSError):
                suspect_marker(self.path).touch()
        return store_error(error, self.path)

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise self._read_only_error or StoreError(
                t("journal.error.read_only", path=self.path), "read_only")
        with self._lock:
            conn = self._conn
            if conn is None:
                raise StoreError(t("journal.error.closed", path=self.path), "closed")
            self._check_same_file()
            try:
                begin_immediate(conn, self._locks)
            except sqlite3.Error as error:
                raise self._trouble(error) from None
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as error:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                if isinstance(error, (sqlite3.Error, OSError)) and is_user_trouble(error):
                    raise self._trouble(error) from None
                raise

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except (sqlite3.Error, OSError) as error:
                if is_user_trouble(error):
                    raise self._trouble(error) from None
                raise

    def _times(self) -> tuple[datetime, int]:
        moment = self._now()
        if moment.tzinfo is None:
            moment = moment.astimezone()
        return moment, to_micros(moment)


def _identity(path: Path) -> tuple[int, int] | None:
    import os

    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino
