"""The one error hierarchy: everything a user can fix is a :class:`KaartError`.

Each carries ``message``, one translated line that says what is wrong and
how to fix it, and ``code``, the exit code of a plain command. The command
line's one exit point (``tui.cli.run``) prints the line; the app shows it as
one notification. Any other exception is a bug and is reported as one.

The subclasses say where the trouble came from, so a caller can decide (for
example, whether keeping a draft in the journal is worth trying).
"""

from __future__ import annotations


class KaartError(Exception):
    """A problem the user can fix: one line, and the exit code for plain commands."""

    code = 1

    def __init__(self, message: str, *, code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class UsageError(KaartError):
    """A mistyped command or option (exit code 2)."""

    code = 2


class PathError(KaartError):
    """A folder or file Kaart needs is not usable (a file where a folder belongs, a link...)."""


class OutputError(KaartError):
    """An output file that cannot or may not be written."""


class InputError(KaartError):
    """Input that cannot be read: not UTF-8, not a regular file, too large, too deep.

    ``reason`` (``link``, ``not_regular``, ``too_big``, ``unreadable``, ...) and
    ``detail`` (what it is, how big, the system's words) let a caller that has
    its own way of naming the file (a deck problem line) say it in its words.
    """

    def __init__(self, message: str, reason: str = "", detail: object = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.detail = detail


class StoreError(KaartError):
    """The journal could not be read or written: disk full, read-only, locked, damaged, in use.

    ``reason`` is a short word (``full``, ``read_only``, ``locked``, ``damaged``,
    ``io``, ``newer``, ``invalid``, ``in_use``, ``replaced``, ``missing``) for
    callers that decide what to try next.
    """

    def __init__(self, message: str, reason: str = "io") -> None:
        super().__init__(message)
        self.reason = reason


class DeckError(KaartError):
    """A deck that cannot be used or added (the message names file, line and fix)."""


class CsvError(DeckError):
    """A spreadsheet (CSV) deck that cannot be read; ``line`` is the row in the CSV file."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class ImportProblem(KaartError):
    """A file that Kaart cannot import (nothing of it was written)."""


class OwnCardError(KaartError):
    """A change to an own card that cannot be made."""


class NotFound(KaartError):
    """An entry, card, deck or draft that is not there (or an id that is ambiguous)."""
