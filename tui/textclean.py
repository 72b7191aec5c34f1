"""Plain-text hygiene for deck and user text.

Terminal control characters are removed on load and on paste: C0 controls
except newline and tab, DEL, and the C1 range. Carriage returns become
newlines so Windows files read the same. The result is always shown as plain
text, never as markup.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What a terminal must never receive from user or deck text: C0 controls (also
# newline and tab, for one-line output), DEL, C1, and the bidirectional
# overrides and isolates that make a line display in another order than it reads.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


def strip_controls(text: str) -> str:
    """Return ``text`` without terminal control characters (keeps ``\\n`` and ``\\t``)."""
    if not text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def terminal_safe(text: str, *, single_line: bool = False) -> str:
    """``text`` made harmless for a terminal: every unsafe character shows as U+FFFD.

    Unlike :func:`strip_controls` (which cleans what Kaart stores), this keeps a
    trace where something was removed, so a file name or a hand-edited cache
    with an escape sequence in it is visibly odd rather than silently altered.
    ``single_line`` also replaces newlines and tabs (for names, tags, refs).
    """
    if not text:
        return text
    pattern = _UNSAFE_LINE if single_line else _UNSAFE
    if single_line:
        text = text.replace("\r\n", " ")
    else:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return pattern.sub(REPLACEMENT, text)


def one_line(text: str) -> str:
    """Collapse whitespace so ``text`` fits on one line (titles, list rows)."""
    return " ".join(strip_controls(text).split())


def first_line(entry, width: int = 60) -> str:
    """An entry's title or the first line of its text, on one line, cut at ``width``."""
    headline = " ".join((entry.title or entry.body.lstrip().partition("\n")[0]).split())
    return headline if len(headline) <= width else headline[:width - 1] + "…"
