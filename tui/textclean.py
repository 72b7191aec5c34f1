"""Plain-text hygiene for deck and user text.

Terminal control characters are removed on load and on paste: C0 controls
except newline and tab, DEL, and the C1 range. Carriage returns become
newlines so Windows files read the same. The result is always shown as plain
text, never as markup.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Return ``text`` without terminal control characters (keeps ``\\n`` and ``\\t``)."""
    if not text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """Collapse whitespace so ``text`` fits on one line (titles, list rows)."""
    return " ".join(strip_controls(text).split())
