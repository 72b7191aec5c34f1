"""User settings: one small JSON file in the config folder, written atomically.

- Missing: defaults (with a new user seed), saved for next time.
- Damaged (not JSON, not an object, nested absurdly deep): set aside (renamed,
  never deleted), defaults saved, and ``notice`` says so. The user seed is
  kept when it can still be read from the damaged text, so the card of the
  day does not change.
- Unreadable (no permission, a folder, a FIFO, a link): left exactly as it
  is; defaults are used for this run only and nothing is written over it.
- A value of the wrong type or out of range is ignored (the default is used).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from tui import paths
from tui.errors import InputError, KaartError
from tui.fileio import atomic_write, read_regular, set_aside
from tui.i18n import LANGUAGES, t

MAX_SETTINGS_BYTES = 64 * 1024
_SEED = re.compile(r'"user_seed"\s*:\s*"([0-9a-f]{8,128})"')


class SettingsError(KaartError):
    """The settings could not be saved (the message says where and why)."""


def _new_seed() -> str:
    return os.urandom(16).hex()


class Settings:
    """What the user chose: ``language`` ("" = from the locale), ``theme``,
    ``default_deck`` ("" = all decks), ``backups_keep``, and ``user_seed`` (the
    card of the day's order). ``notice`` (a message for the user) and
    ``writable`` (``False``: leave the file alone) are not saved."""

    __slots__ = ("language", "theme", "default_deck", "backups_keep", "user_seed", "notice",
                 "writable")

    def __init__(self, *, notice: str = "", writable: bool = True) -> None:
        self.language = ""
        self.theme = "textual-dark"
        self.default_deck = ""
        self.backups_keep = 14
        self.user_seed = _new_seed()
        self.notice = notice
        self.writable = writable

    def __repr__(self) -> str:
        return f"Settings({self.to_json()!r})"

    def to_json(self) -> dict:
        return {"language": self.language, "theme": self.theme,
                "default_deck": self.default_deck, "backups_keep": self.backups_keep,
                "user_seed": self.user_seed}


def _valid(key: str, value: object) -> bool:
    if key == "language":
        return isinstance(value, str) and value in ("", *LANGUAGES)
    if key == "backups_keep":
        return type(value) is int and 1 <= value <= 1000
    if key == "user_seed":
        return isinstance(value, str) and 8 <= len(value) <= 128
    return isinstance(value, str) and len(value) <= 200  # theme, default_deck


def load_settings(path: Path | None = None) -> Settings:
    """The settings (see the module docstring for what happens to trouble)."""
    try:
        path = path or paths.settings_path()
    except KaartError:
        # The config folder itself is unusable (KAART_HOME is a file, a read-only place):
        # defaults for this run, and no notice; whatever needs the folder says so, once.
        return Settings(writable=False)
    if not os.path.lexists(path):
        settings = Settings()
        _try_save(settings, path)
        return settings
    try:
        raw = read_regular(path, MAX_SETTINGS_BYTES, follow=False)
    except InputError as error:
        if error.reason == "too_big":  # no settings file is that large: damaged
            return _damaged(path, b"", ValueError(t("settings.too_big")))
        return Settings(notice=t("settings.unreadable", path=path,
                                 error=error.detail or error.reason), writable=False)
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError(t("settings.not_an_object"))
    except (ValueError, RecursionError) as error:
        return _damaged(path, raw, error)
    settings = Settings()
    for key in ("language", "theme", "default_deck", "backups_keep", "user_seed"):
        if key in data and _valid(key, data[key]):
            setattr(settings, key, data[key])
    if not _valid("user_seed", data.get("user_seed")):
        _try_save(settings, path)
    return settings


def _damaged(path: Path, raw: bytes, error: BaseException) -> Settings:
    settings = Settings()
    found = _SEED.search(raw.decode("utf-8", errors="replace"))
    if found:
        settings.user_seed = found.group(1)
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    if isinstance(error, RecursionError):
        reason = t("settings.too_deep")
    try:
        aside = set_aside(path)
    except OSError:
        settings.notice = t("settings.unreadable", path=path, error=reason)
        settings.writable = False
        return settings
    settings.notice = t("settings.set_aside", path=path, aside=aside, error=reason)
    _try_save(settings, path)
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings; raises :class:`SettingsError` when they cannot or may not be written."""
    if not settings.writable:
        raise SettingsError(settings.notice or t("settings.left_alone"))
    try:
        path = path or paths.settings_path()
        atomic_write(path, json.dumps(settings.to_json(), indent=2, ensure_ascii=False) + "\n")
    except KaartError as error:
        raise SettingsError(error.message) from None
    except OSError as error:
        raise SettingsError(t("settings.not_saved", path=path,
                              error=error.strerror or error)) from None


def _try_save(settings: Settings, path: Path) -> None:
    try:
        save_settings(settings, path)
    except SettingsError:
        pass  # a read-only config folder: the defaults still work for this run
