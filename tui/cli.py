"""``kaart``: the command line. ``run(argv) -> int`` is its one exit point.

Plain commands never import Textual; only a bare ``kaart`` (the app) does.
A :class:`tui.errors.KaartError` becomes one line on stderr and its exit
code; anything else is a bug and shows its traceback, saying so. Notices
the core collected (a settings file set aside, a journal opened read-only)
are printed as warnings.

``kaart hint`` (run by every new shell) takes a short way round: no parser,
no journal, and never an error (see :func:`_hint`). That is why this module
imports almost nothing until it knows which command it runs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from tui import __version__

_PARSER = None


def _parser_class():
    """argparse, but a usage mistake is one line and exit code 2, in our words.

    Made on first use: ``kaart hint`` never pays for importing argparse.
    """
    global _PARSER
    if _PARSER is None:
        import argparse

        from tui.errors import UsageError
        from tui.i18n import t

        class _Parser(argparse.ArgumentParser):
            def error(self, message: str) -> None:  # type: ignore[override]
                raise UsageError(t("cli.usage_error", prog=self.prog, message=message))

        _PARSER = _Parser
    return _PARSER


def _language(argv: Sequence[str]) -> str:
    """``--lang`` wherever it is on the line (before or after the command)."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return ""


def _command_word(argv: Sequence[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _hint_language(argv: Sequence[str]) -> str | None:
    """For ``kaart hint`` alone (or with ``--lang X``): that ``X`` ("" for the default).

    ``None`` for anything else, which goes through the parser as usual
    (``kaart hint --help``, a mistyped option). A language Kaart does not
    know is not an error here: the hint uses the default one.
    """
    rest = list(argv)
    if "hint" not in rest:
        return None
    rest.remove("hint")
    if not rest:
        return ""
    if len(rest) == 2 and rest[0] == "--lang":
        return rest[1]
    if len(rest) == 1 and rest[0].startswith("--lang="):
        return rest[0][7:]
    return None


def build_parser(argv: Sequence[str] | None = None):
    """The parser (an ``argparse.ArgumentParser``); with ``argv``, only the subcommand it
    names is registered."""
    import importlib

    from tui.commands import COMMANDS, add_lang
    from tui.commands.formatter import Formatter
    from tui.i18n import t
    from tui.i18n.argparse_text import translate_argparse

    translate_argparse()
    _Parser = _parser_class()
    parser = _Parser(prog="kaart", description=t("cli.description"),
                     epilog=t("cli.epilog"), formatter_class=Formatter)
    parser.add_argument("--version", action="version", version=f"kaart {__version__}",
                        help=t("cli.help.version"))
    add_lang(parser)
    sub = parser.add_subparsers(dest="command", metavar=t("cli.command_metavar"),
                                parser_class=_Parser)
    everything = argv is None or any(arg in ("-h", "--help") for arg in argv)
    word = None if argv is None else _command_word(argv)
    wanted = COMMANDS.get(word) if word else None
    for module in dict.fromkeys(COMMANDS.values()):
        # a bare `kaart` starts the app: it needs no subcommand parsers at all
        if wanted == module or (wanted is None and (everything or word)):
            importlib.import_module(f"tui.commands.{module}").register(sub)
    return parser


def run(argv: Sequence[str] | None = None, *, out=None, err=None, clock=None) -> int:
    """Run ``kaart`` with ``argv``; return the exit code. Tests call this directly."""
    argv = list(sys.argv[1:] if argv is None else argv)
    hint = _hint_language(argv)
    if hint is not None:
        return _hint(hint, out or sys.stdout, clock)
    from tui.errors import KaartError
    from tui.i18n import LANGUAGES, t
    from tui.output import Output

    output = Output(out or sys.stdout, err or sys.stderr)
    lang = _language(argv)
    kaart = None
    try:
        from tui.core.kaart import Kaart

        kaart = Kaart(language=lang if lang in LANGUAGES else None, clock=clock)
        args = build_parser(argv).parse_args(argv)
        if args.command is None:
            return _start_app(kaart, output)
        code = int(args.func(args, kaart, output) or 0)
        _warn(kaart, output)
        return code
    except KaartError as error:
        if kaart is not None:
            _warn(kaart, output)
        output.error(error.message)
        return error.code
    except KeyboardInterrupt:
        output.err.write("\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        import traceback

        output.bug(t("cli.bug") + "\n" + traceback.format_exc())
        return 70
    finally:
        if kaart is not None:
            kaart.close()


def _hint(lang: str, out, clock) -> int:
    """``kaart hint``: the card of the day once a day, for a new shell.

    No parser, no journal, no deck YAML (the deck cache), and never an error: a
    shell start must not break, so any trouble prints nothing and exits 0. A
    later call of the day only reads the tiny file that says the card was
    shown, before anything else is imported (the core checks it again).
    """
    kaart = None
    try:
        from tui import paths
        from tui.daily import hint_shown_on

        if clock is None:
            from datetime import datetime

            today = datetime.now().astimezone().date()
        else:
            today = clock().date()
        if hint_shown_on(paths.hint_path(create_dir=False)) == today:
            return 0
        from tui.commands.hint import show_hint
        from tui.core.kaart import Kaart
        from tui.i18n import LANGUAGES
        from tui.output import Output

        kaart = Kaart(language=lang if lang in LANGUAGES else None, clock=clock)
        show_hint(kaart, Output(out, _Silent()))
    except (Exception, KeyboardInterrupt):
        pass
    finally:
        if kaart is not None:
            try:
                kaart.close()
            except Exception:
                pass
    return 0


class _Silent:
    """Where ``kaart hint`` sends warnings: nowhere."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def _warn(kaart, output) -> None:
    for notice in kaart.take_notices():
        output.warn(notice)


def _start_app(kaart, output) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()) and output.out is sys.stdout:
        from tui.commands.cards import print_overview

        code = print_overview(kaart, output)
        _warn(kaart, output)
        return code
    from tui.app import run_app

    global _APP_RAN
    _APP_RAN = True
    return run_app(kaart)


_APP_RAN = False


def main() -> None:
    code = run()
    if _APP_RAN:
        # The app has closed the journal on its own thread and every file it writes is
        # written (each in its own transaction or atomic rename), and no thread of ours is
        # left. Tearing down the interpreter (every Textual module and widget) would only
        # make quitting slower, so the process ends here, output flushed.
        import os

        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    sys.exit(code)
