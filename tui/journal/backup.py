"""Backups with SQLite's online backup API, and restoring one.

Backups live in ``backups/`` next to the database, 0600, each a complete
single-file database (rollback-journal mode, so it needs no -wal next to it).
Automatic ones are named ``auto-<time>.sqlite3`` and only the newest N are
kept; ``kaart backup`` makes ``kaart-<time>.sqlite3`` ones, which are never
removed automatically; ``pre-v<N>-<time>.sqlite3`` is made before a migration.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from tui import paths
from tui.i18n import t
from tui.journal.connection import (
    connect_read_only,
    create_private,
    set_aside_database,
    store_error,
)
from tui.journal.errors import StoreError
from tui.journal.schema import SCHEMA_VERSION
from tui.paths import PRIVATE_FILE

SUFFIX = ".sqlite3"


def backups_dir(database: Path) -> Path:
    return paths.ensure_private_dir(database.parent / "backups")


def new_backup_path(folder: Path, prefix: str, moment: datetime) -> Path:
    """A fresh name like ``auto-20261122-093000.sqlite3`` (``-2`` etc. when taken)."""
    stem = f"{prefix}-{moment.astimezone():%Y%m%d-%H%M%S}"
    number = 1
    while True:
        candidate = folder / (stem + (f"-{number}" if number > 1 else "") + SUFFIX)
        if create_private(candidate):
            return candidate
        number += 1


def copy_database(source: sqlite3.Connection, dest: Path) -> Path:
    """Copy the database behind ``source`` into ``dest`` (created 0600 if missing)."""
    create_private(dest)
    os.chmod(dest, PRIVATE_FILE)
    target = sqlite3.connect(str(dest), isolation_level=None)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    return dest


def prune(folder: Path, prefix: str, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` backups named ``<prefix>-*``; return the removed."""
    found = sorted(folder.glob(f"{prefix}-*{SUFFIX}"))
    removed = found[: max(0, len(found) - max(1, keep))]
    for path in removed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return removed


def latest(folder: Path) -> Path | None:
    if not folder.is_dir():
        return None
    found = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def verify(file: Path) -> None:
    """Raise ``StoreError`` unless ``file`` is a sound Kaart journal this Kaart can use."""
    if not file.is_file():
        raise StoreError(t("journal.restore.missing", file=file), "invalid")
    try:
        conn = connect_read_only(file)
    except sqlite3.Error as error:
        raise StoreError(t("journal.restore.not_a_journal", file=file, error=error),
                         "invalid") from None
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error as error:
        raise StoreError(t("journal.restore.not_a_journal", file=file, error=error),
                         "invalid") from None
    finally:
        conn.close()
    if rows != ["ok"]:
        raise StoreError(t("journal.restore.damaged", file=file, error="; ".join(rows[:3])),
                         "invalid")
    if "entries" not in tables or version < 1:
        raise StoreError(t("journal.restore.not_a_journal", file=file, error="no entries table"),
                         "invalid")
    if version > SCHEMA_VERSION:
        raise StoreError(t("journal.restore.newer", file=file), "newer")


def restore_backup(file: Path, target: Path | None = None) -> Path:
    """Replace the journal with ``file`` after checking it; return where the old one went.

    The current database (with its -wal and -shm) is renamed aside, never
    deleted; when there was none, the restored database's own path is
    returned. Close every open store on ``target`` first.
    """
    file = Path(file)
    target = Path(target) if target else paths.database_path()
    verify(file)
    paths.ensure_private_dir(target.parent)
    staging = target.with_name(f".{target.name}.restoring")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        source = connect_read_only(file)
        try:
            copy_database(source, staging)
        finally:
            source.close()
        aside = set_aside_database(target, "before-restore") if target.exists() else None
        os.replace(staging, target)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(FileNotFoundError):
            staging.unlink()
        raise store_error(error, target) from None
    return aside or target
