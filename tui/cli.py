"""``kaart``: the command line. ``run(argv) -> int`` is its one exit point.

Plain commands never import Textual; only a bare ``kaart`` (the app) does.
User errors are one line on stderr and a non-zero exit; tracebacks are for
bugs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tui import __version__
from tui.commands import Context, UserError
from tui.i18n import LANGUAGES, detect_language, set_language, t


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line and exit code 2, in our words."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(t("cli.usage_error", prog=self.prog, message=message), code=2)


def _language(argv: Sequence[str]) -> str:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return ""


# Which module registers each command. Building every subcommand's parser costs
# more than the rest of `kaart today`, so only the one being run is built
# (all of them for --help or a mistyped command). A test keeps this complete.
COMMAND_MODULES = {
    "today": "cards", "draw": "cards", "decks": "cards", "deck": "cards",
    "write": "journal", "journal": "journal", "search": "journal", "export": "journal",
    "import": "journal", "stats": "journal", "backup": "journal", "restore": "journal",
    "trash": "journal", "delete": "journal", "outcome": "journal", "drafts": "journal",
}


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


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with ``argv``, only the subcommand it names is registered."""
    from tui.commands import cards, journal

    parser = _Parser(prog="kaart", description=t("cli.description"),
                     epilog=t("cli.epilog"), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"kaart {__version__}",
                        help=t("cli.help.version"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.help.lang"))
    sub = parser.add_subparsers(dest="command", metavar=t("cli.command_metavar"),
                                parser_class=_Parser)
    everything = argv is None or any(arg in ("-h", "--help") for arg in argv)
    word = None if argv is None else _command_word(argv)
    wanted = COMMAND_MODULES.get(word) if word else None
    for name, module in (("cards", cards), ("journal", journal)):
        # a bare `kaart` starts the app: it needs no subcommand parsers at all
        if wanted == name or (wanted is None and (everything or word)):
            module.register(sub)
    return parser


def run(argv: Sequence[str] | None = None, *, out=None, err=None, clock=None) -> int:
    """Run ``kaart`` with ``argv``; return the exit code. Tests call this directly."""
    argv = list(sys.argv[1:] if argv is None else argv)
    out = out or sys.stdout
    err = err or sys.stderr
    lang = _language(argv)
    if lang not in LANGUAGES:
        lang = ""
    ctx = Context(lang or "en", out=out, err=err, clock=clock)
    try:
        if not lang:
            lang = _settings_language(ctx) or detect_language()
        ctx.lang = lang
        set_language(lang)
        args = build_parser(argv).parse_args(argv)
        if args.command is None:
            return _start_app(ctx)
        return int(args.func(args, ctx) or 0)
    except UserError as error:
        err.write(t("cli.error_prefix") + error.message + "\n")
        return error.code
    except KeyboardInterrupt:
        err.write("\n")
        return 130
    except BrokenPipeError:
        return 0
    finally:
        ctx.close()


def _settings_language(ctx: Context) -> str:
    try:
        language = ctx.settings.language
    except OSError:
        return ""
    return language if language in LANGUAGES else ""


def _start_app(ctx: Context) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()) and ctx.out is sys.stdout:
        from tui.commands.cards import print_overview

        return print_overview(ctx)
    from tui.app import run_app

    return run_app(language=ctx.lang)


def main() -> None:
    sys.exit(run())
