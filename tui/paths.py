"""Where things live: the one module that answers it.

Every other module asks these functions; none builds a user path itself.
``KAART_HOME=<dir>`` puts everything (data, config, own decks, backups)
under one folder, for portable use and for tests. Otherwise the platform's
folders come from platformdirs. Folders are created on first use with mode
0700, because the journal is private data.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "kaart"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def _home() -> Path | None:
    value = os.environ.get("KAART_HOME", "").strip()
    return Path(value).expanduser() if value else None


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if missing; make the leaf 0700."""
    if not path.is_dir():
        path.mkdir(parents=True, mode=PRIVATE_DIR, exist_ok=True)
    try:
        if path.stat().st_mode & 0o777 != PRIVATE_DIR:
            path.chmod(PRIVATE_DIR)
    except PermissionError:
        pass  # not ours to change (for example a shared KAART_HOME); reading still works
    return path


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
