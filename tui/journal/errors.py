"""The one error the journal store raises for trouble the user must know about."""

from __future__ import annotations

from tui.commands import UserError


class StoreError(UserError):
    """The journal could not be read or written: disk full, read-only, locked, damaged.

    ``message`` is one translated line. ``reason`` is a short machine word
    (``full``, ``read_only``, ``locked``, ``damaged``, ``io``, ``newer``,
    ``invalid``) so callers can decide, for example, whether trying to keep a
    draft is worth it. It is a :class:`UserError`, so a command that lets it
    escape still ends with one clear line and exit code 1.
    """

    def __init__(self, message: str, reason: str = "io") -> None:
        super().__init__(message, code=1)
        self.reason = reason
