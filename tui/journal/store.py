"""The journal store: one SQLite file with entries, draws, bags and drafts.

``open_store()`` never fails on a damaged file: it renames it aside, starts
a fresh journal and says so in ``store.notice``. A journal from a newer Kaart,
or in a folder that cannot be written, opens read-only (``store.read_only``).
Every write is one ``BEGIN IMMEDIATE ... COMMIT`` transaction; trouble with
the disk raises :class:`~tui.errors.StoreError`, one clear line, and
leaves the database as it was.

Once a day (checked cheaply on open, and after the first save of a new
journal) the store runs ``PRAGMA quick_check`` and makes an automatic backup,
keeping the newest ``backups_keep``. The store reads no settings: whoever
opens it passes what it needs.

While a store is open it holds the journal's "open" lock
(:mod:`tui.journal.locks`): a restore, or setting a damaged file aside,
waits for no one and refuses while another Kaart has the journal open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from tui import paths
from tui.errors import KaartError, StoreError
from tui.i18n import t
from tui.journal.base import DEFAULT_BACKUPS_KEEP, Damaged, StoreBase, suspect_marker
from tui.journal.connection import (
    DEFAULT_BUSY_TIMEOUT,
    begin_immediate,
    connect,
    connect_read_only,
    create_private,
    header_problem,
    is_damage,
    quick_check,
    refuse_links,
    set_aside_database,
    store_error,
    tighten_mode,
)
from tui.journal.entries import EntriesMixin
from tui.journal.keeping import KeepingMixin
from tui.journal.locks import JournalLocks
from tui.journal.model import CardRef, Entry, SearchHit
from tui.journal.reading import ReadingMixin
from tui.journal.resurface import ResurfaceMixin
from tui.journal.review import ReviewMixin
from tui.journal.schema import SCHEMA_VERSION, migrate

__all__ = ["CardRef", "Entry", "JournalStore", "SearchHit", "StoreError", "open_store",
           "restore_backup"]


class JournalStore(EntriesMixin, ReadingMixin, KeepingMixin, ReviewMixin, ResurfaceMixin,
                   StoreBase):
    """All reads and writes of the journal (see the mixins for each part)."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


def restore_backup(file: Path, target: Path | None = None) -> Path:
    """Replace the journal with a checked backup; see :func:`tui.journal.backup.restore_backup`."""
    from tui.journal.backup import restore_backup as restore

    return restore(file, target)


# -- opening ------------------------------------------------------------------


def open_store(path: Path | None = None, *, now: Callable[[], datetime] | None = None,
               read_only: bool = False, busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
               maintenance: bool = True, backups_keep: int = DEFAULT_BACKUPS_KEEP) -> JournalStore:
    """Open (or create) the journal; see the module docstring for what happens to trouble."""
    path = Path(path) if path else paths.database_path()
    clock = now or _utc_now
    notices: list[str] = []
    if read_only:
        refuse_links(path)
        return _open_read_only(path, clock, busy_timeout, notices, None)
    try:
        paths.ensure_private_dir(path.parent)
    except KaartError as error:
        raise StoreError(error.message, "invalid") from None
    refuse_links(path)
    locks = JournalLocks(path)
    locks.hold_open(busy_timeout)
    try:
        store = _open_with_recovery(path, clock, busy_timeout, notices, locks, maintenance,
                                    backups_keep)
    except BaseException:
        locks.close()
        raise
    return store


def _open_with_recovery(path: Path, clock, busy_timeout: float, notices: list[str],
                        locks: JournalLocks, maintenance: bool, backups_keep: int) -> JournalStore:
    for _attempt in range(3):
        store = None
        try:
            store = _open_read_write(path, clock, busy_timeout, notices, locks)
            if store.read_only or not maintenance:
                return store
            if suspect_marker(path).exists() and not quick_check(store._conn):
                raise Damaged("quick_check")
            suspect_marker(path).unlink(missing_ok=True)
            store.backups_keep = backups_keep
            store.maintain_if_due()
            return store
        except Damaged as damage:
            if store is not None:
                store.detach()
            _set_aside(path, damage.reason, notices, locks)
        except StoreError as error:
            if error.reason == "read_only" and path.exists():
                locks.close()
                notices.append(t("journal.notice.read_only_folder", path=path))
                return _open_read_only(path, clock, busy_timeout, notices, error)
            raise
    raise StoreError(t("journal.error.io", path=path, error="cannot start a fresh journal"))


def _open_read_write(path: Path, clock, timeout: float, notices: list[str],
                     locks: JournalLocks) -> JournalStore:
    try:
        created = create_private(path)
    except OSError as error:
        raise store_error(error, path) from None
    tighten_mode(path)
    problem = "" if created else header_problem(path)
    if problem == "garbage":
        raise Damaged("not a database")
    try:
        conn = connect(path, timeout=timeout)
    except sqlite3.Error as error:
        if is_damage(error):
            raise Damaged(str(error)) from None
        raise store_error(error, path) from None
    tighten_mode(path)
    try:
        if problem and not quick_check(conn):
            raise Damaged("truncated")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            conn.close()
            locks.close()
            notices.append(t("journal.notice.newer", path=path, found=version,
                             known=SCHEMA_VERSION))
            newer = StoreError(t("journal.error.newer", path=path), "newer")
            return _open_read_only(path, clock, timeout, notices, newer)
        if version < SCHEMA_VERSION:
            _upgrade(conn, path, version, clock, locks)
    except Damaged:
        conn.close()
        raise
    except sqlite3.Error as error:
        conn.close()
        if is_damage(error):
            raise Damaged(str(error)) from None
        raise store_error(error, path) from None
    return JournalStore(conn, path, now=clock, notice=" ".join(notices), locks=locks)


def _upgrade(conn: sqlite3.Connection, path: Path, version: int, clock,
             locks: JournalLocks) -> None:
    """Bring the schema up to date in one transaction, after a backup when there is data.

    Everything is decided again under the write lock: two Kaarts opening a new
    journal at the same moment must not both create it, nor take the other's
    fresh tables for another program's database.
    """
    from tui.journal import backup as backups

    if version > 0:
        folder = backups.backups_dir(path)
        backups.copy_database(conn, folder, backups.backup_name(f"pre-v{SCHEMA_VERSION}", clock()))
    conn.execute("PRAGMA foreign_keys = OFF")  # see schema.migrate: a table is rebuilt
    begin_immediate(conn, locks)
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        if current == 0 and conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 1").fetchone():
            raise Damaged("not a Kaart journal")
        if current < SCHEMA_VERSION:
            migrate(conn, current)
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise sqlite3.IntegrityError("foreign keys broken by the migration")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _open_read_only(path: Path, clock, timeout: float, notices: list[str],
                    reason: StoreError | None) -> JournalStore:
    try:
        if path.exists():
            conn = connect_read_only(path, timeout=timeout)
        else:
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            migrate(conn, 0)
    except sqlite3.Error as error:
        raise store_error(error, path) from None
    error = reason or StoreError(t("journal.error.read_only", path=path), "read_only")
    return JournalStore(conn, path, now=clock, read_only=True, notice=" ".join(notices),
                        read_only_error=error)


def _set_aside(path: Path, reason: str, notices: list[str], locks: JournalLocks) -> None:
    """Rename a damaged journal aside, only while no other Kaart has it open."""
    from tui.journal import backup as backups

    if not locks.alone():
        raise StoreError(t("journal.error.damaged_in_use", path=path), "in_use")
    try:
        aside = set_aside_database(path)
    finally:
        locks.share()
    suspect_marker(path).unlink(missing_ok=True)
    if aside is not None:
        folder = path.parent / "backups"
        newest = backups.latest(folder)
        notices.append(t("journal.notice.set_aside", path=path, aside=aside, reason=reason,
                         backup=newest or folder))
