"""Atomic, private file writes.

A file is written to a temporary file in the same folder (mode 0600),
flushed and fsynced, then renamed over the target, so a crash leaves either
the old file or the new one, never half of each.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from tui.paths import PRIVATE_FILE


def atomic_write(path: Path, data: bytes | str, *, mode: int = PRIVATE_FILE,
                 overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` atomically; with ``overwrite=False`` refuse an existing file."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails with FileExistsError instead of replacing
            os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems do not support fsync on a folder; the rename is still atomic
    finally:
        os.close(fd)


def set_aside(path: Path, reason: str = "broken") -> Path:
    """Rename a damaged file out of the way (never delete it); return the new path."""
    stamp = 0
    while True:
        suffix = f".{reason}" + (f"-{stamp}" if stamp else "")
        target = path.with_name(path.name + suffix)
        if not target.exists():
            path.rename(target)
            return target
        stamp += 1
