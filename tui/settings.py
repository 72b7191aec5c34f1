"""User settings: one small JSON file in the config folder, written atomically.

A broken settings file is set aside (renamed, never deleted) and defaults are
used, with a message the caller can show.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from tui import paths
from tui.fileio import atomic_write, set_aside
from tui.i18n import t


@dataclass(slots=True)
class Settings:
    language: str = ""  # "" = from the locale
    theme: str = "textual-dark"
    default_deck: str = ""  # "" = all decks
    backups_keep: int = 14
    user_seed: str = field(default_factory=lambda: os.urandom(16).hex())
    notice: str = field(default="", compare=False, repr=False)  # not saved: a message for the user

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("notice", None)
        return data


def load_settings(path: Path | None = None) -> Settings:
    """The settings; creates the file with a fresh user seed the first time."""
    path = path or paths.settings_path()
    if not path.exists():
        settings = Settings()
        _try_save(settings, path)
        return settings
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (OSError, ValueError) as error:
        settings = Settings()
        try:
            aside = set_aside(path)
            settings.notice = t("settings.set_aside", path=path, aside=aside, error=error)
            _try_save(settings, path)
        except OSError:
            settings.notice = t("settings.unreadable", path=path, error=error)
        return settings
    known = {f.name: f for f in fields(Settings) if f.name != "notice"}
    settings = Settings()
    for key, value in data.items():
        if key in known and isinstance(value, type(getattr(settings, key))):
            setattr(settings, key, value)
    if "user_seed" not in data:
        _try_save(settings, path)
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or paths.settings_path()
    atomic_write(path, json.dumps(settings.to_json(), indent=2, ensure_ascii=False) + "\n")


def _try_save(settings: Settings, path: Path) -> None:
    try:
        save_settings(settings, path)
    except OSError:
        pass  # a read-only config folder: the defaults still work for this run
