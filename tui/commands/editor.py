"""Getting text for ``kaart write``: the arguments, stdin, or ``$VISUAL`` / ``$EDITOR``.

Text is read as bytes and must be UTF-8. When it is not, nothing is guessed:
:class:`NotUtf8` carries the bytes so the caller keeps them, exactly, and
says where.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tui.errors import KaartError
from tui.i18n import t


class NotUtf8(Exception):
    def __init__(self, raw: bytes, offset: int) -> None:
        super().__init__(offset)
        self.raw = raw
        self.offset = offset


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotUtf8(raw, error.start) from None


def from_arguments(words: list[str]) -> str:
    """The words of the command line; undecodable bytes in them raise :class:`NotUtf8`."""
    text = " ".join(words)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # Python kept undecodable bytes as surrogates
        raw = os.fsencode(text)
        decode(raw)
    return text


def gather(words: list[str], stdin=None) -> str:
    if words:
        return from_arguments(words)
    stdin = stdin if stdin is not None else sys.stdin
    if stdin is not None and not stdin.isatty():
        buffer = getattr(stdin, "buffer", None)
        if buffer is not None:
            return decode(buffer.read())
        return stdin.read()
    return edit()


def gather_text(words: list[str]) -> str:
    """:func:`gather`, cleaned of control characters and stripped; text that is not UTF-8
    is one :class:`tui.errors.InputError` (for commands that keep no draft of it)."""
    from tui.errors import InputError
    from tui.i18n import t
    from tui.textclean import strip_controls

    try:
        return strip_controls(gather(words)).strip()
    except NotUtf8 as bad:
        raise InputError(t("cli.journal.write.not_utf8", offset=bad.offset)) from None


def edit() -> str:
    """Open $VISUAL or $EDITOR on a private temporary file; return what was written."""
    import shlex
    import subprocess

    from tui import paths
    from tui.fileio import temp_file

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise KaartError(t("cli.journal.write.no_text"))
    try:
        fd, name = temp_file(paths.data_dir(), ".kaart-write-", ".md")
    except (OSError, KaartError):
        import tempfile

        fd, name = tempfile.mkstemp(prefix="kaart-write-", suffix=".md")
    os.close(fd)  # created 0600
    try:
        try:
            done = subprocess.run([*shlex.split(editor), name], check=False)
        except (OSError, ValueError) as error:
            raise KaartError(t("cli.journal.write.editor_failed", editor=editor,
                               error=getattr(error, "strerror", None) or error)) from None
        raw = Path(name).read_bytes()
        if done.returncode != 0 and not raw.strip():
            raise KaartError(t("cli.journal.write.editor_failed", editor=editor,
                               error=done.returncode))
        return decode(raw)
    finally:
        Path(name).unlink(missing_ok=True)
