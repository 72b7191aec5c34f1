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
    "trash": "trash", "delete": "trash", "star": "star",
    "outcome": "outcome",
    "drafts": "drafts",
    "review": "review",
    "resurface": "resurface",
    "hint": "hint",
}


def add_command(sub, name: str, help_key: str, *, description_key: str | None = None):
    """A subcommand whose help is in the user's language, accepting ``--lang`` too."""
    from tui.commands.formatter import Formatter

    parser = sub.add_parser(name, help=t(help_key), description=t(description_key or help_key),
                            formatter_class=Formatter)
    add_lang(parser, suppress=True)
    return parser


def add_lang(parser, *, suppress: bool = False) -> None:
    import argparse

    from tui.i18n import LANGUAGES

    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.help.lang"),
                        default=argparse.SUPPRESS if suppress else None)


def positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(t("cli.journal.not_a_count", value=text))
    return value


def day(text: str):
    import argparse

    from tui.dates import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.journal.bad_date", value=text)) from None


NO_DAY = ("none", "geen")  # what ``--look-back`` accepts for "no reminder"


def look_back_day(text: str):
    """``--look-back``: a date (2026-11-22 or 22-11-2026), or ``none`` for no reminder."""
    import argparse

    if text.strip().lower() in NO_DAY:
        return None
    try:
        return day(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(t("cli.look_back.bad", value=text)) from None


def month(text: str) -> tuple[int, int]:
    """``2026-11`` or, Dutch style, ``11-2026``: ``(year, month)``."""
    import argparse
    import re

    found = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if found:
        year, number = int(found.group(1)), int(found.group(2))
    else:
        found = re.fullmatch(r"\s*(\d{1,2})[-/.](\d{4})\s*", text)
        year, number = (int(found.group(2)), int(found.group(1))) if found else (0, 0)
    if not (year >= 1 and 1 <= number <= 12):
        raise argparse.ArgumentTypeError(t("cli.stats.bad_month", value=text))
    return year, number


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
