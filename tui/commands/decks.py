"""``kaart decks`` and ``kaart deck validate | add | print``."""

from __future__ import annotations

from pathlib import Path

from tui.commands import add_command, json_flag
from tui.i18n import t


def register(sub) -> None:
    decks = add_command(sub, "decks", "cli.help.decks")
    json_flag(decks)
    decks.set_defaults(func=cmd_decks)

    deck = add_command(sub, "deck", "cli.help.deck")
    deck_sub = deck.add_subparsers(dest="deck_command", metavar=t("cli.command_metavar"),
                                   parser_class=type(deck), required=True)
    validate = add_command(deck_sub, "validate", "cli.help.validate")
    validate.add_argument("files", nargs="+", metavar=t("cli.metavar.file"))
    validate.set_defaults(func=cmd_validate)
    add = add_command(deck_sub, "add", "cli.help.add", description_key="cli.help.add_long")
    add.add_argument("file", metavar=t("cli.metavar.file"))
    add.add_argument("--force", action="store_true", help=t("cli.help.force"))
    add.add_argument("--id", dest="deck_id", metavar="ID", help=t("cli.help.csv_id"))
    add.add_argument("--title", help=t("cli.help.csv_title"))
    add.add_argument("--language", choices=("nl", "en"), help=t("cli.help.csv_language"))
    add.set_defaults(func=cmd_add)
    show = add_command(deck_sub, "print", "cli.help.print")
    show.add_argument("deck_id", metavar="ID")
    show.add_argument("-o", "--output", metavar=t("cli.metavar.file"), help=t("cli.help.output"))
    show.add_argument("--force", action="store_true", help=t("cli.help.force"))
    show.set_defaults(func=cmd_print)


def cmd_decks(args, kaart, out) -> int:
    rows = kaart.deck_rows()
    if args.json:
        out.json([row.to_json() for row in rows])
        return 0
    if not rows:
        out.line(t("cli.no_decks"))
        return 0
    width = max(len(row.id) for row in rows)
    for row in rows:
        if row.cards:
            source = t("deck.source." + row.source)
            languages = "/".join(row.languages)
            count = t("cli.decks.count", count=row.cards)
            out.line(f"{row.id:<{width}}  {languages:<5}  {count:>9}  {source:<9}  {row.title}")
    broken = [row for row in rows if row.problems]
    if broken:
        out.line()
        out.line(t("cli.decks.problems", count=sum(len(row.problems) for row in broken)))
        out.lines(f"  {problem}" for row in broken for problem in row.problems)
    return 0


def cmd_validate(args, kaart, out) -> int:
    failed = 0
    for name in args.files:
        deck, problems = kaart.validate(Path(name), name)
        if problems:
            failed += 1
            out.lines(str(problem) for problem in problems)
        else:
            out.line(t("cli.validate.ok", file=name, count=len(deck.cards)))
    return 1 if failed else 0


def cmd_add(args, kaart, out) -> int:
    deck, target = kaart.add_deck(Path(args.file), force=args.force, deck_id=args.deck_id,
                                  title=args.title, language=args.language)
    out.line(t("cli.add.done", id=deck.id, count=len(deck.cards), path=target))
    return 0


def cmd_print(args, kaart, out) -> int:
    deck, page = kaart.print_deck(args.deck_id)
    if not args.output or args.output == "-":
        out.document(page)
        return 0
    target = kaart.write_output(Path(args.output), page, force=args.force, mode=0o644)
    out.line(t("cli.print.done", path=target, count=len(deck.cards)))
    return 0
