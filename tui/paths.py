"""Where things live: the one module that answers it.

Every other module asks these functions; none builds a user path itself.
``KAART_HOME=<dir>`` puts everything (data, config, own decks, backups)
under one folder, for portable use and for tests. Otherwise the platform's
folders come from platformdirs.

Folders are created on first use with mode 0700, whatever the umask, and so
is every missing parent Kaart creates on the way. Kaart's own folders (data,
config, decks, backups) must be real folders: a symbolic link or a file in
their place is refused with one clear line, because Kaart never follows a
link when it writes or changes the mode of its own files.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

APP_NAME = "kaart"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def _home() -> Path | None:
    value = os.environ.get("KAART_HOME", "").strip()
    return Path(value).expanduser().absolute() if value else None


def _error(key: str, path: Path, error: str = ""):
    from tui.errors import PathError
    from tui.i18n import t

    return PathError(t(key, path=path, error=error))


def ensure_private_dir(path: Path) -> Path:
    """``path`` as a private folder of Kaart's: created 0700 (with its missing parents) if needed.

    Raises :class:`tui.errors.PathError` when a file or a symbolic link is in
    its place, or when it cannot be created. An existing folder of the user's
    loses any access for group and others; one that belongs to someone else
    keeps its mode (reading still works).
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise _error("path.cannot_use", path, error.strerror or str(error)) from None
    if info is None:
        _create(path)
        return path
    if stat.S_ISLNK(info.st_mode):
        raise _error("path.is_link", path)
    if not stat.S_ISDIR(info.st_mode):
        raise _error("path.not_a_folder", path)
    if info.st_mode & 0o077 and info.st_uid == os.geteuid():
        # tighten only: others lose their access, and a folder the user made read-only
        # for themselves stays read-only (Kaart never gives itself a right it was denied)
        try:
            os.chmod(path, info.st_mode & 0o700, follow_symlinks=False)
        except (NotImplementedError, OSError):
            pass  # cannot tighten it (a read-only file system): reading still works
    return path


def _create(path: Path) -> None:
    """Create ``path`` and each missing parent with mode 0700 (``mkdir`` alone obeys the umask)."""
    missing = []
    current = path
    while not os.path.lexists(current):
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    if os.path.lexists(current) and not os.path.isdir(current):
        raise _error("path.not_a_folder", current)
    for folder in reversed(missing):
        try:
            os.mkdir(folder, PRIVATE_DIR)
        except FileExistsError:
            if not os.path.isdir(folder) or os.path.islink(folder):
                raise _error("path.not_a_folder", folder) from None
            continue  # another Kaart made it a moment ago
        except NotADirectoryError:
            raise _error("path.not_a_folder", folder.parent) from None
        except OSError as error:
            raise _error("path.cannot_create", folder, error.strerror or str(error)) from None
        try:
            os.chmod(folder, PRIVATE_DIR, follow_symlinks=False)
        except (NotImplementedError, OSError):
            pass


def data_dir(create: bool = True) -> Path:
    """The folder holding the journal database and drafts."""
    home = _home()
    if home is not None:
        path = home / "data"
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return ensure_private_dir(path) if create else path


def config_dir(create: bool = True) -> Path:
    """The folder holding ``settings.json``."""
    home = _home()
    if home is not None:
        path = home / "config"
    else:
        import platformdirs

        path = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return ensure_private_dir(path) if create else path


def own_decks_dir(create: bool = True) -> Path:
    """The user's own and added decks: ``<lang>/<deck-id>.yaml``, like the bundled ones."""
    path = data_dir(create) / "decks"
    return ensure_private_dir(path) if create else path


def backups_dir(create: bool = True) -> Path:
    """Automatic and manual backups of the journal database."""
    path = data_dir(create) / "backups"
    return ensure_private_dir(path) if create else path


def database_path(create_dir: bool = True) -> Path:
    """The journal database file."""
    return data_dir(create_dir) / "journal.sqlite3"


def settings_path(create_dir: bool = True) -> Path:
    return config_dir(create_dir) / "settings.json"


def deck_cache_path(create_dir: bool = False) -> Path:
    return data_dir(create_dir) / "deck-cache.json"


def hint_path(create_dir: bool = True) -> Path:
    """The tiny file that says on which day ``kaart hint`` last showed the card of the day."""
    return data_dir(create_dir) / "hint-shown"


def protected_folders() -> list[Path]:
    """Folders no output (``-o FILE``) may be written into: Kaart's data and settings."""
    return [data_dir(create=False), config_dir(create=False)]


def protected_files(database: Path | None = None) -> list[Path]:
    """Kaart's own files, also when a link or another name points at them."""
    database = database or database_path(create_dir=False)
    companions = [Path(f"{database}{suffix}") for suffix in ("-wal", "-shm", "-journal",
                                                             ".lock", ".check")]
    return [database, *companions, settings_path(create_dir=False), deck_cache_path()]


def bundled_decks_dir() -> Path:
    """The decks shipped with Kaart.

    In a wheel they are packaged as ``tui/_decks``; in a source checkout (and an
    editable install) they are the top-level ``decks/`` folder.
    """
    package = Path(__file__).resolve().parent
    packaged = package / "_decks"
    if packaged.is_dir():
        return packaged
    return package.parent / "decks"
