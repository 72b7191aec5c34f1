"""Two small lock files beside the journal, so that Kaarts sharing one journal behave.

- ``journal.sqlite3.lock`` says "a Kaart has this journal open". Every open
  store holds a shared lock on it for as long as it is open. Anything that
  swaps the journal file (``kaart restore``, setting a damaged file aside)
  needs the exclusive lock, so it refuses while another Kaart has the journal
  open instead of leaving that Kaart saving into a file that was set aside.
- ``journal.sqlite3.queue`` makes writers take turns. SQLite has no queue: a
  writer committing back to back can starve another one until its timeout.
  A writer holds the queue lock only while it waits for SQLite's write lock,
  so the one that waited longest is always next.

Both are ``flock`` locks (per open file, so two stores in one process count
as two Kaarts). Where ``fcntl`` does not exist (Windows), or the folder is
read-only, there are no lock files and SQLite's own locking still protects
the data.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Callable
from pathlib import Path

from tui.errors import StoreError
from tui.i18n import t
from tui.paths import PRIVATE_FILE

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

POLL = 0.002


def _open_lock_file(path: Path) -> int | None:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, PRIVATE_FILE)
    except OSError as error:
        if error.errno == errno.ELOOP:  # a link planted where the lock file goes
            raise StoreError(t("journal.error.link", path=path), "link") from None
        return None  # a read-only folder: no lock, nothing can be written there anyway
    return fd


def _wait(fd: int, mode: int, deadline: float) -> bool:
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(POLL)


class JournalLocks:
    """The lock files of one open store."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self._open_fd: int | None = None
        self._queue_fd: int | None = None

    @property
    def active(self) -> bool:
        return self._open_fd is not None

    def hold_open(self, timeout: float) -> None:
        """Take the shared "open" lock, waiting up to ``timeout`` for a restore to finish."""
        if fcntl is None or self._open_fd is not None:
            return
        fd = _open_lock_file(Path(f"{self.database}.lock"))
        if fd is None:
            return
        if not _wait(fd, fcntl.LOCK_SH, time.monotonic() + timeout):
            os.close(fd)
            raise StoreError(t("journal.error.restoring", path=self.database), "in_use")
        self._open_fd = fd
        self._queue_fd = _open_lock_file(Path(f"{self.database}.queue"))

    def alone(self) -> bool:
        """Try to turn the shared lock into the exclusive one (nobody else has the journal open)."""
        if self._open_fd is None:
            return fcntl is None
        try:
            fcntl.flock(self._open_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def share(self) -> None:
        """Back from exclusive to shared (after the file was set aside and made fresh)."""
        if self._open_fd is not None:
            fcntl.flock(self._open_fd, fcntl.LOCK_SH)

    def queue(self, wait_for_lock: Callable[[float], None], timeout: float) -> None:
        """Wait our turn in the queue, then call ``wait_for_lock(deadline)`` (SQLite's lock)."""
        deadline = time.monotonic() + timeout
        fd = self._queue_fd
        if fd is None:
            wait_for_lock(deadline)
            return
        if not _wait(fd, fcntl.LOCK_EX, deadline):
            raise StoreError(t("journal.error.locked", path=self.database), "locked")
        try:
            wait_for_lock(deadline)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)

    def close(self) -> None:
        for fd in (self._open_fd, self._queue_fd):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._open_fd = self._queue_fd = None


@contextlib.contextmanager
def exclusive(database: Path):
    """Hold the journal for a swap; raise ``StoreError('in_use')`` while another Kaart has it open."""
    if fcntl is None:
        yield
        return
    fd = _open_lock_file(Path(f"{database}.lock"))
    if fd is None:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(t("journal.error.in_use", path=database), "in_use") from None
        yield
    finally:
        os.close(fd)
