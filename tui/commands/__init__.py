"""The plain commands behind ``kaart``: one module per command (or per small family).

A handler is ``handler(args, kaart, out) -> int``: it reads its arguments,
asks the core (:class:`tui.core.kaart.Kaart`), and prints through
:class:`tui.output.Output`. It raises :class:`tui.errors.KaartError` for
anything the user can fix; ``tui.cli.run`` turns that into one line on stderr
and the error's exit code. None of these modules imports Textual.

:data:`COMMANDS` maps each command to the module that registers it, so a
command builds only its own parser (building all of them costs more than
the rest of ``kaart today``); a test keeps the map complete.
"""

from __future__ import annotations

import argparse

from tui.i18n import t
from tui.vocabulary import CARD_KINDS, ENTRY_KINDS

COMMANDS = {
    "today": "cards", "draw": "cards",
    "decks": "decks", "deck": "decks",
    "write": "write",
    "journal": "journal", "search": "journal",
    "export": "export", "import": "export",
    "stats": "stats",
    "backup": "backup", "restore": "backup",
    "trash": "trash", "delete": "trash",
    "outcome": "outcome",
    "drafts": "drafts",
}


def add_command(sub, name: str, help_key: str, *, description_key: str | None = None):
    """A subcommand whose help is in the user's language, accepting ``--lang`` too."""
    parser = sub.add_parser(name, help=t(help_key), description=t(description_key or help_key))
    add_lang(parser, suppress=True)
    return parser


def add_lang(parser, *, suppress: bool = False) -> None:
    from tui.i18n import LANGUAGES

    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.help.lang"),
                        default=argparse.SUPPRESS if suppress else None)


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(t("cli.journal.not_a_count", value=text))
    return value


def day(text: str):
    from tui.dates import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.journal.bad_date", value=text)) from None


def date_flags(parser) -> None:
    parser.add_argument("--from", dest="date_from", type=day, metavar=t("cli.metavar.date"),
                        help=t("cli.journal.help.from"))
    parser.add_argument("--to", dest="date_to", type=day, metavar=t("cli.metavar.date"),
                        help=t("cli.journal.help.to"))


def check_range(args) -> None:
    from tui.errors import UsageError

    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UsageError(t("cli.journal.bad_range"))


def json_flag(parser) -> None:
    parser.add_argument("--json", action="store_true", help=t("cli.help.json"))


def entry_kind_flag(parser) -> None:
    parser.add_argument("--kind", choices=ENTRY_KINDS, help=t("cli.journal.help.kind"))


def card_kind_flag(parser) -> None:
    parser.add_argument("--kind", choices=CARD_KINDS, help=t("cli.help.kind_filter"))
