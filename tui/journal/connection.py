"""Opening the database file safely, and turning SQLite's errors into one clear line.

- The file is created 0600 before SQLite opens it (SQLite gives its -wal and
  -shm files the same mode).
- Every connection uses WAL, ``synchronous=FULL``, foreign keys,
  ``secure_delete`` and a busy timeout, so two Kaart processes can write at
  once and an acknowledged save survives a crash or a power cut.
- A damaged file is renamed aside together with its -wal and -shm (the
  -wal may hold the newest saves), never deleted.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import time
from pathlib import Path

from tui.errors import StoreError
from tui.i18n import t
from tui.paths import PRIVATE_FILE

HEADER = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")
DEFAULT_BUSY_TIMEOUT = 10.0  # seconds another Kaart may hold the write lock before we give up

_FULL = {sqlite3.SQLITE_FULL}
_READ_ONLY = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM,
              sqlite3.SQLITE_AUTH}
_LOCKED = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def primary_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def begin_immediate(conn: sqlite3.Connection, locks=None) -> None:
    """``BEGIN IMMEDIATE``, waiting for another Kaart's write lock fairly.

    SQLite's own busy handler backs off to 100 ms sleeps, so a process that
    waits almost never catches the short gap between another's back-to-back
    commits and can starve until the timeout. Here the lock is asked for every
    few milliseconds until the connection's busy timeout has passed, after
    waiting our turn in the writers' queue (:class:`tui.journal.locks.JournalLocks`).
    """
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        if locks is None:
            _poll_begin(conn, time.monotonic() + timeout)
        else:
            locks.queue(lambda deadline: _poll_begin(conn, deadline), timeout)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")


def _poll_begin(conn: sqlite3.Connection, deadline: float) -> None:
    pause = 0.001
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if primary_code(error) not in _LOCKED or time.monotonic() >= deadline:
                raise
        time.sleep(pause * (0.5 + (time.perf_counter_ns() % 1000) / 1000))  # jitter
        pause = min(pause * 2, 0.005)


def is_damage(error: BaseException) -> bool:
    return primary_code(error) in DAMAGED


def is_permission(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return error.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
    return primary_code(error) in _READ_ONLY


def store_error(error: BaseException, path: Path) -> StoreError:
    """The user's words for ``error`` (an ``sqlite3.Error`` or an ``OSError``)."""
    if isinstance(error, StoreError):
        return error
    if isinstance(error, OSError):
        detail = error.strerror or str(error)
        if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return StoreError(t("journal.error.full", path=path), "full")
        if is_permission(error):
            return StoreError(t("journal.error.read_only", path=path), "read_only")
        return StoreError(t("journal.error.io", path=path, error=detail), "io")
    code = primary_code(error)
    if code in _FULL:
        return StoreError(t("journal.error.full", path=path), "full")
    if code in _READ_ONLY:
        return StoreError(t("journal.error.read_only", path=path), "read_only")
    if code in _LOCKED:
        return StoreError(t("journal.error.locked", path=path), "locked")
    if code in DAMAGED:
        return StoreError(t("journal.error.damaged", path=path,
                            backups=path.parent / "backups"), "damaged")
    return StoreError(t("journal.error.io", path=path, error=str(error)), "io")


def is_user_trouble(error: BaseException) -> bool:
    """True for errors of the disk or the file; False for bugs (bad SQL, broken constraints)."""
    if isinstance(error, OSError):
        return True
    if isinstance(error, (sqlite3.IntegrityError, sqlite3.ProgrammingError,
                          sqlite3.InterfaceError)):
        return False
    return isinstance(error, (sqlite3.OperationalError, sqlite3.DatabaseError))


def create_private(path: Path) -> bool:
    """Create an empty ``path`` with mode 0600 if it does not exist. True when created."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def companions(path: Path) -> list[Path]:
    return [Path(str(path) + suffix) for suffix in COMPANIONS]


def refuse_links(path: Path) -> None:
    """Raise ``StoreError('link')`` when the journal, or a file SQLite keeps beside it, is a link.

    SQLite would write through such a link, and tightening the mode would
    change the mode of whatever it points at: Kaart never follows one.
    """
    import stat

    for each in (path, *companions(path)):
        try:
            info = os.lstat(each)
        except FileNotFoundError:
            continue
        except OSError as error:
            raise store_error(error, path) from None
        if stat.S_ISLNK(info.st_mode):
            raise StoreError(t("journal.error.link", path=each), "link")
        if each == path and stat.S_ISDIR(info.st_mode):
            raise StoreError(t("journal.error.is_folder", path=path), "invalid")


def tighten_mode(path: Path) -> None:
    """Make ``path`` and its companions 0600 when they are not (a file made by an old tool).

    Links are never followed (:func:`refuse_links` has refused them already;
    this is the second lock, for a link made in between).
    """
    for each in (path, *companions(path)):
        try:
            if os.lstat(each).st_mode & 0o777 != PRIVATE_FILE:
                os.chmod(each, PRIVATE_FILE, follow_symlinks=False)
        except (FileNotFoundError, PermissionError, NotImplementedError):
            continue


def header_problem(path: Path) -> str:
    """A cheap look at the first 100 bytes: ``""`` (looks fine), ``"garbage"`` or ``"truncated"``.

    "truncated" is only a suspicion (a checkpoint in another process can make
    the file look short for a moment); the caller confirms it with
    ``PRAGMA quick_check`` before acting.
    """
    try:
        size = path.stat().st_size
        if size == 0:
            return ""
        with path.open("rb") as handle:
            head = handle.read(100)
    except FileNotFoundError:
        return ""
    if len(head) < 100 or not head.startswith(HEADER):
        return "garbage"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "garbage"
    pages = int.from_bytes(head[28:32], "big")
    header_valid = head[24:28] == head[92:96]
    if size % page_size or (header_valid and pages and size < pages * page_size):
        return "truncated"
    return ""


def connect(path: Path, *, read_only: bool = False, immutable: bool = False,
            timeout: float = DEFAULT_BUSY_TIMEOUT) -> sqlite3.Connection:
    """A connection with Kaart's settings. Read-write connections switch the file to WAL."""
    if read_only:
        from urllib.parse import quote

        uri = f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")
        conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None,
                               check_same_thread=False)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -16384")
        if read_only:
            conn.execute("PRAGMA query_only = ON")
        else:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.OperationalError(f"cannot switch to WAL (journal mode {mode})")
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def connect_read_only(path: Path, timeout: float = DEFAULT_BUSY_TIMEOUT) -> sqlite3.Connection:
    """Read-only, also in a folder where SQLite cannot create its -shm file."""
    try:
        return connect(path, read_only=True, timeout=timeout)
    except sqlite3.OperationalError as error:
        if not is_permission(error):
            raise
        return connect(path, read_only=True, immutable=True, timeout=timeout)


def quick_check(conn: sqlite3.Connection) -> bool:
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return False
        raise
    return [tuple(row) for row in rows] == [("ok",)]


def set_aside_database(path: Path, reason: str = "broken") -> Path | None:
    """Rename ``path`` (and its -wal, -shm) aside; ``None`` if another Kaart already did."""
    from tui.fileio import set_aside

    try:
        aside = set_aside(path, reason)
    except FileNotFoundError:
        return None
    for companion in companions(path):
        with contextlib.suppress(FileNotFoundError):
            companion.rename(Path(str(companion).replace(str(path), str(aside), 1)))
    return aside
