"""The plain commands' one way to the terminal: every human-readable line passes here.

Whatever a line holds (an entry, a tag, a card reference from an import, a
deck title, a problem line, a file name), :class:`Output` makes it harmless
with one sanitiser (:func:`tui.textclean.terminal_safe`) before it is
written. Emphasis is asked for with :class:`Bold` parts, never by putting
escape sequences into text, and shown only on a terminal without
``NO_COLOR``. JSON goes through ``json.dumps``, which escapes control
characters itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from tui.i18n import t
from tui.textclean import terminal_safe

TYPE_CHECKING = False  # typing costs a few ms to import; annotations only
if TYPE_CHECKING:
    from typing import TextIO

BOLD, NORMAL = "\x1b[1m", "\x1b[22m"


class Bold(str):
    """A part of a line to show in bold (on a terminal)."""


Part = str  # str or Bold
Line = str | Bold | tuple  # a plain line, or a tuple of parts


class Output:
    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out = out
        self.err = err
        self.styled = bool(getattr(out, "isatty", lambda: False)()) and not os.environ.get(
            "NO_COLOR")

    def _render(self, line: Line) -> str:
        if isinstance(line, tuple):
            return "".join(self._part(part) for part in line)
        return self._part(line)

    def _part(self, part: str) -> str:
        text = terminal_safe(part)
        if isinstance(part, Bold) and self.styled and text:
            return f"{BOLD}{text}{NORMAL}"
        return text

    def line(self, line: Line = "") -> None:
        """One line (it may hold newlines: a card's text, a note)."""
        self.out.write(self._render(line) + "\n")

    def lines(self, lines: Iterable[Line]) -> None:
        """Many lines at once (``kaart search`` prints thousands).

        Without emphasis (a pipe, a file, ``NO_COLOR``) the parts are joined first and
        made harmless in one pass: the sanitiser replaces character by character, so
        that is the same text, for a fraction of the cost.
        """
        if self.styled:
            rendered = "\n".join(self._render(line) for line in lines)
        else:
            rendered = terminal_safe("\n".join(
                "".join(line) if isinstance(line, tuple) else line for line in lines))
        if rendered:
            self.out.write(rendered + "\n")

    def json(self, data) -> None:
        import json

        self.out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def document(self, text: str) -> None:
        """A whole document for a file or a pipe (an export, an HTML page), made harmless too."""
        self.out.write(terminal_safe(text))

    def ask(self, question: str) -> None:
        self.out.write(terminal_safe(question) + " ")
        self.out.flush()

    def warn(self, text: str) -> None:
        self.err.write(t("cli.warning_prefix") + terminal_safe(text) + "\n")

    def error(self, text: str) -> None:
        self.err.write(t("cli.error_prefix") + terminal_safe(text) + "\n")

    def bug(self, text: str) -> None:
        """A traceback (a bug, not the user's mistake), as it is."""
        self.err.write(terminal_safe(text))
