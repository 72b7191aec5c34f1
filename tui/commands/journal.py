"""``kaart journal`` (the newest entries, or one card's) and ``kaart search``.

Every listing with ``--json`` prints a list of entries in the shape of the
JSON export's entries. Dates are shown as ``dd-mm-jjjj`` in Dutch and ISO in
English.
"""

from __future__ import annotations

from tui.commands import add_command, check_range, date_flags, entry_kind_flag, json_flag, positive
from tui.errors import UsageError
from tui.i18n import t

PAGE = 50  # what `kaart search` prints unless --limit or --all says otherwise


def register(sub) -> None:
    journal = add_command(sub, "journal", "cli.journal.help.journal")
    journal.add_argument("--limit", type=positive, default=20, metavar="N",
                         help=t("cli.journal.help.limit"))
    entry_kind_flag(journal)
    journal.add_argument("--card", metavar=t("cli.metavar.card"),
                         help=t("cli.journal.help.card_history"))
    journal.add_argument("--starred", action="store_true", help=t("cli.journal.help.starred"))
    json_flag(journal)
    journal.set_defaults(func=cmd_journal)

    search = add_command(sub, "search", "cli.journal.help.search")
    search.add_argument("query", nargs="*", metavar=t("cli.metavar.query"),
                        help=t("cli.journal.help.query"))
    entry_kind_flag(search)
    search.add_argument("--deck", metavar="DECK", help=t("cli.journal.help.deck"))
    search.add_argument("--card", metavar=t("cli.metavar.card"), help=t("cli.journal.help.card_filter"))
    search.add_argument("--tag", metavar=t("cli.metavar.tag"), help=t("cli.journal.help.tag_filter"))
    date_flags(search)
    how_many = search.add_mutually_exclusive_group()
    how_many.add_argument("--limit", type=positive, metavar="N",
                          help=t("cli.journal.help.search_limit", page=PAGE))
    how_many.add_argument("--all", action="store_true", help=t("cli.journal.help.search_all"))
    json_flag(search)
    search.set_defaults(func=cmd_search)


def print_entries(out, kaart, entries, as_json: bool, empty_key: str) -> None:
    from tui.commands.render import entry_line, kind_names

    if as_json:
        out.json([entry.to_json() for entry in entries])
    elif not entries:
        out.line(t(empty_key))
    else:
        kinds = kind_names()
        out.lines(entry_line(entry, kaart.language, kinds) for entry in entries)


def cmd_journal(args, kaart, out) -> int:
    if args.card:
        deck, _, card = args.card.partition("/")
        entries = [entry for entry in kaart.card_history(deck, card)
                   if (not args.kind or entry.kind == args.kind)
                   and (not args.starred or entry.starred)][-args.limit:]
    else:
        entries = kaart.recent(args.limit, kind=args.kind, starred=args.starred)
    print_entries(out, kaart, entries, args.json, "cli.journal.empty")
    return 0


def cmd_search(args, kaart, out) -> int:
    from tui.commands.render import entry_line, kind_names, snippet_parts

    check_range(args)
    query = " ".join(args.query)
    deck, card = args.deck, args.card
    if card and "/" in card:
        deck, _, card = card.partition("/")
    if not query.strip() and not any((args.kind, deck, card, args.tag, args.date_from,
                                      args.date_to)):
        raise UsageError(t("cli.journal.search.nothing"))
    filters = dict(kind=args.kind, deck=deck, card=card, tag=args.tag,
                   date_from=args.date_from, date_to=args.date_to)
    # A terminal gets the best page, and how many more there are; a program (--json) gets
    # every match unless it asks for fewer.
    limit = None if args.all or (args.json and not args.limit) else args.limit or PAGE
    hits = kaart.search(query, limit=limit, **filters)
    if args.json:
        out.json([hit.entry.to_json() for hit in hits])
        return 0
    if not hits:
        out.line(t("cli.journal.search.none"))
        return 0
    more = kaart.search_count(query, **filters) - len(hits) if len(hits) == limit else 0
    kinds, lang = kind_names(), kaart.language

    def lines():
        for hit in hits:
            yield entry_line(hit.entry, lang, kinds)
            if hit.snippet:
                yield snippet_parts(hit.snippet)
        if more > 0:
            yield ""
            yield t("cli.journal.search.more", count=more)

    out.lines(lines())
    return 0
