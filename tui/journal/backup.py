"""Backups with SQLite's online backup API, and restoring one.

Backups live in ``backups/`` next to the database, 0600, each a complete
single-file database (rollback-journal mode, so it needs no -wal next to it).
Automatic ones are named ``auto-<time>.sqlite3`` and only the newest N are
kept; ``kaart backup`` makes ``kaart-<time>.sqlite3`` ones, which are never
removed automatically; ``pre-v<N>-<time>.sqlite3`` is made before a migration.

A copy is written to a hidden ``.<name>.partial`` file first and only gets
its name when it is complete, so a backup that fails or is killed halfway
never looks like a backup, is never counted by the pruning, and never
replaces an existing file.

A restore checks the file first: a sound SQLite database, marked as a Kaart
journal (``PRAGMA application_id``) or, for journals from before that mark,
with exactly the tables and columns a Kaart journal has. It swaps the file
only while no other Kaart has the journal open.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from tui import paths
from tui.errors import StoreError
from tui.fileio import fsync_dir, temp_file
from tui.i18n import t
from tui.journal.connection import connect_read_only, set_aside_database, store_error
from tui.journal.schema import APPLICATION_ID, SCHEMA_VERSION

SUFFIX = ".sqlite3"
PARTIAL = ".partial"
_NAME = re.compile(r"^(?P<prefix>[a-z0-9-]+?)-\d{8}-\d{6}(?:-\d+)?\.sqlite3$")
# What a Kaart journal from before the application_id mark (schema 1 to 3) must hold.
_LEGACY_ENTRIES = {"id", "uid", "kind", "created", "updated", "day", "title", "body", "tags",
                   "card_id", "card_text", "outcome", "outcome_at", "deleted"}
_LEGACY_TABLES = {1: {"cards", "entries", "entry_tags", "versions", "entries_fts"},
                  2: {"draws", "bags", "drafts", "meta"}}


def backups_dir(database: Path) -> Path:
    return paths.ensure_private_dir(database.parent / "backups")


def backup_name(prefix: str, moment: datetime) -> str:
    return f"{prefix}-{moment.astimezone():%Y%m%d-%H%M%S}{SUFFIX}"


def copy_database(source: sqlite3.Connection, folder: Path, name: str, *,
                  overwrite: bool = False) -> Path:
    """Copy the database behind ``source`` to ``folder/name`` (0600); return the path.

    With ``overwrite=False`` an existing ``name`` is kept and ``-2``, ``-3``...
    is added instead; with ``overwrite=True`` it is replaced, atomically.
    """
    fd, partial = temp_file(folder, f".{name}.", PARTIAL)
    os.close(fd)
    try:
        target = sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        dest = _place(Path(partial), folder, name, overwrite)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)
        raise
    fsync_dir(folder)
    return dest


def _place(partial: Path, folder: Path, name: str, overwrite: bool) -> Path:
    if overwrite:
        dest = folder / name
        os.replace(partial, dest)
        return dest
    stem = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
    suffix = SUFFIX if name.endswith(SUFFIX) else ""
    number = 1
    while True:
        dest = folder / (stem + (f"-{number}" if number > 1 else "") + suffix)
        try:
            os.link(partial, dest)  # never replaces: fails when the name is taken
        except FileExistsError:
            number += 1
            continue
        os.unlink(partial)
        return dest


def complete_backups(folder: Path, prefix: str | None = None) -> list[Path]:
    """The finished backups in ``folder`` (of one kind when ``prefix`` is given), oldest name first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and (prefix is None or match.group("prefix") == prefix) and path.is_file():
            found.append(path)
    return sorted(found, key=lambda p: p.name)


def prune(folder: Path, prefix: str, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` complete backups named ``<prefix>-*``; return the removed."""
    found = complete_backups(folder, prefix)
    removed = found[: max(0, len(found) - max(1, keep))]
    for path in removed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return removed


def remove_stale_partials(folder: Path, older_than: float = 3600.0) -> None:
    """Remove what a killed backup left behind (hidden ``.partial`` files over an hour old)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if path.name.startswith(".") and path.name.endswith(PARTIAL):
                with contextlib.suppress(OSError):
                    if now - path.lstat().st_mtime > older_than:
                        path.unlink()


def latest(folder: Path) -> Path | None:
    found = complete_backups(folder)
    if not found:
        return None
    return max(found, key=lambda p: p.stat().st_mtime)


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
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master "
                                                 "WHERE type = 'table'")}
        columns = ({row[1] for row in conn.execute("PRAGMA table_info(entries)")}
                   if "entries" in tables else set())
    except sqlite3.Error as error:
        raise StoreError(t("journal.restore.not_a_journal", file=file, error=error),
                         "invalid") from None
    finally:
        conn.close()
    if rows != ["ok"]:
        raise StoreError(t("journal.restore.damaged", file=file, error="; ".join(rows[:3])),
                         "invalid")
    if version > SCHEMA_VERSION:
        raise StoreError(t("journal.restore.newer", file=file), "newer")
    if app_id == APPLICATION_ID and version >= 4:
        return
    needed = set(_LEGACY_TABLES[1]) | (_LEGACY_TABLES[2] if version >= 2 else set())
    if app_id != 0 or not 1 <= version <= 3 or not needed <= tables \
            or not columns >= _LEGACY_ENTRIES:
        raise StoreError(t("journal.restore.not_a_journal", file=file,
                           error=t("journal.restore.not_kaart")), "invalid")


def restore_backup(file: Path, target: Path | None = None) -> Path:
    """Replace the journal with ``file`` after checking it; return where the old one went.

    The current database (with its -wal and -shm) is renamed aside, never
    deleted; when there was none, the restored database's own path is
    returned. Refuses (``StoreError('in_use')``) while any Kaart, this process
    included, has the journal open.
    """
    from tui.journal.locks import exclusive

    file = Path(file)
    target = Path(target) if target else paths.database_path()
    verify(file)
    paths.ensure_private_dir(target.parent)
    with exclusive(target):
        fd, staging = temp_file(target.parent, f".{target.name}.", ".restoring")
        os.close(fd)
        try:
            source = connect_read_only(file)
            try:
                copy = sqlite3.connect(staging, isolation_level=None)
                try:
                    source.backup(copy)
                    copy.execute("PRAGMA journal_mode = DELETE")
                finally:
                    copy.close()
            finally:
                source.close()
            aside = set_aside_database(target, "before-restore") if target.exists() else None
            os.replace(staging, target)
            fsync_dir(target.parent)
        except (OSError, sqlite3.Error) as error:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(staging)
            raise store_error(error, target) from None
    return aside or target
