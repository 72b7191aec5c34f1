"""The plain commands behind ``kaart``: each module registers its subcommands.

A handler is ``handler(args, ctx) -> int``. It raises :class:`UserError` for
anything the user can fix; ``tui.cli.run`` turns that into one line on
stderr and a non-zero exit code. None of these modules imports Textual.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TextIO

from tui.i18n import t

if TYPE_CHECKING:
    from tui.decks.library import DeckLibrary
    from tui.settings import Settings


class UserError(Exception):
    """A mistake the user can fix: shown as one line, exit code ``code``."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def write_output(ctx: Context, text: str, output: str | None, *, force: bool,
                 mode: int = 0o600):
    """Write ``text`` to stdout (no ``output``, or ``-``) or atomically to a file.

    An existing file is never replaced without ``force``. Returns the file's
    path, or ``None`` when the text went to stdout.
    """
    from pathlib import Path

    from tui.fileio import atomic_write

    if not output or output == "-":
        ctx.out.write(text)
        return None
    target = Path(output)
    if target.exists() and not force:
        raise UserError(t("cli.file_exists", path=target))
    try:
        atomic_write(target, text, mode=mode, overwrite=force)
    except FileExistsError:
        raise UserError(t("cli.file_exists", path=target)) from None
    except OSError as error:
        raise UserError(t("cli.cannot_write", path=target, error=error.strerror)) from None
    return target


@dataclass
class Context:
    """What every command may need, created lazily so fast commands stay fast."""

    lang: str
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    clock: Any = None  # callable returning an aware datetime; None = now
    _library: DeckLibrary | None = None
    _settings: Settings | None = None
    _store: Any = None

    def now(self) -> datetime:
        return self.clock() if self.clock else datetime.now().astimezone()

    def today(self) -> date:
        return self.now().date()

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            from tui.settings import load_settings

            self._settings = load_settings()
            if self._settings.notice:
                self.warn(self._settings.notice)
        return self._settings

    @property
    def library(self) -> DeckLibrary:
        if self._library is None:
            from tui.decks.library import DeckLibrary

            self._library = DeckLibrary.load(self.lang)
        return self._library

    @property
    def store(self):
        """The journal store, opened on first use (see ``tui.journal``)."""
        if self._store is None:
            from tui.journal.store import open_store

            self._store = open_store(now=self.clock)
            if self._store.notice:
                self.warn(self._store.notice)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def print(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def warn(self, text: str) -> None:
        self.err.write(t("cli.warning_prefix") + text + "\n")
