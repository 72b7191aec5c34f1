"""Reading and writing files safely.

- :func:`atomic_write`: a temporary file in the same folder (mode 0600 unless
  asked otherwise), flushed and fsynced, then renamed over the target, so a
  crash leaves the old file or the new one, never half of each. The rename
  replaces a symbolic link instead of writing through it.
- :func:`read_regular`: read a file that must be a regular file of bounded
  size. A FIFO, a device (``/dev/zero``), a folder or a file over the limit is
  refused with one clear line instead of hanging or eating memory.
- :func:`set_aside`: rename a damaged file out of the way, never delete it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from tui.errors import InputError, OutputError
from tui.i18n import t
from tui.paths import PRIVATE_FILE


def atomic_write(path: Path, data: bytes | str, *, mode: int = PRIVATE_FILE,
                 overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` atomically; with ``overwrite=False`` refuse an existing file."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    fd, tmp = temp_file(folder, f".{path.name}.", ".tmp")
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
    fsync_dir(folder)


def temp_file(folder: Path, prefix: str, suffix: str) -> tuple[int, str]:
    """A new file in ``folder``, created 0600 and never through a link: ``(fd, path)``.

    The same guarantees as ``tempfile.mkstemp``, without importing ``tempfile``
    (and ``random``, ``shutil``...) on the start-up path of every command.
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    for _attempt in range(100):
        name = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(name, flags, PRIVATE_FILE), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def fsync_dir(folder: Path) -> None:
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


def read_regular(path: Path, limit: int, *, follow: bool = True) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``limit`` bytes.

    Raises :class:`InputError` (one line naming the file) for a FIFO, a device,
    a folder, a file that is too large or cannot be read, and, with
    ``follow=False``, for a symbolic link. Opening never blocks on a FIFO.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(t("file.is_link", path=path), "link") from None
        if error.errno == errno.EISDIR:
            what = t("file.kind.folder")
            raise InputError(t("file.not_regular", path=path, what=what), "not_regular",
                             what) from None
        detail = error.strerror or str(error)
        raise InputError(t("file.unreadable", path=path, error=detail), "unreadable",
                         detail) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = _kind(info.st_mode)
            raise InputError(t("file.not_regular", path=path, what=what), "not_regular", what)
        if info.st_size > limit:
            raise InputError(t("file.too_big", path=path, size=info.st_size, limit=limit),
                             "too_big", info.st_size)
        chunks, total = [], 0
        while True:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            except OSError as error:
                detail = error.strerror or str(error)
                raise InputError(t("file.unreadable", path=path, error=detail), "unreadable",
                                 detail) from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew while we read it
                raise InputError(t("file.too_big", path=path, size=total, limit=limit),
                                 "too_big", total)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return t("file.kind.folder")
    if stat.S_ISFIFO(mode):
        return t("file.kind.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return t("file.kind.device")
    if stat.S_ISSOCK(mode):
        return t("file.kind.socket")
    return t("file.kind.other")


def set_aside(path: Path, reason: str = "broken") -> Path:
    """Rename a damaged file out of the way (never delete it); return the new path."""
    stamp = 0
    while True:
        suffix = f".{reason}" + (f"-{stamp}" if stamp else "")
        target = path.with_name(path.name + suffix)
        if not os.path.lexists(target):
            path.rename(target)
            return target
        stamp += 1


# -- outputs (-o FILE) --------------------------------------------------------


def check_output(target: Path, protected_folders: list[Path], protected_files: list[Path]) -> None:
    """Refuse an output that would land on one of Kaart's own files or folders.

    ``target`` is compared after following any links in it, and by inode with
    each protected file that exists (a hard link to the journal is still the
    journal). Raises :class:`OutputError`.
    """
    real = Path(os.path.realpath(target))
    for folder in protected_folders:
        home = Path(os.path.realpath(folder))
        if real == home or home in real.parents:
            raise OutputError(t("output.protected", path=target, what=folder))
    try:
        info = os.stat(target)
    except OSError:
        info = None
    for file in protected_files:
        if Path(os.path.realpath(file)) == real:
            raise OutputError(t("output.protected", path=target, what=file))
        if info is not None:
            with contextlib.suppress(OSError):
                other = os.stat(file)
                if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                    raise OutputError(t("output.protected", path=target, what=file))


def write_output_file(target: Path, data: bytes | str, *, force: bool, mode: int,
                      protected_folders: list[Path], protected_files: list[Path]) -> None:
    """Write an output file atomically: never onto Kaart's files, never over one without ``force``."""
    check_output(target, protected_folders, protected_files)
    if os.path.lexists(target) and not force:
        raise OutputError(t("cli.file_exists", path=target))
    if os.path.isdir(target):
        raise OutputError(t("output.is_folder", path=target))
    try:
        atomic_write(target, data, mode=mode, overwrite=force)
    except FileExistsError:
        raise OutputError(t("cli.file_exists", path=target)) from None
    except OSError as error:
        raise OutputError(t("cli.cannot_write", path=target,
                            error=error.strerror or error)) from None
