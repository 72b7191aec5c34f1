"""User-facing text in Dutch and English: one catalog per language.

``t("key", name=...)`` looks the key up in the current language's catalog
(``nl.py`` or ``en.py``) and formats it with ``str.format``. Both catalogs
hold exactly the same keys; a test keeps them in step. The language comes
from ``--lang``, the settings, or the locale (Dutch for ``nl_*``).
"""

from __future__ import annotations

import os

from tui.i18n import en, nl

LANGUAGES = ("nl", "en")
_CATALOGS = {"nl": nl.MESSAGES, "en": en.MESSAGES}
_current = "en"


def detect_language() -> str:
    """Dutch for a ``nl_*`` locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    import locale  # only when no variable says it: importing locale costs every command time

    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "nl" if code.lower().startswith("nl") else "en"


def set_language(lang: str) -> None:
    global _current
    if lang not in _CATALOGS:
        raise ValueError(lang)
    _current = lang


def get_language() -> str:
    return _current


def t(key: str, /, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language).

    A message with plural forms is a dict ``{"one": ..., "other": ...}``; the
    form is chosen by the ``count`` value (Dutch and English share the rule:
    "one" for exactly 1, "other" for every other number).
    """
    template = _CATALOGS[lang or _current][key]
    if isinstance(template, dict):
        template = template["one" if values.get("count") == 1 else "other"]
    return template.format(**values) if values else template


def catalog(lang: str) -> dict[str, str | dict[str, str]]:
    return _CATALOGS[lang]
