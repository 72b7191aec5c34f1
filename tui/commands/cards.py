"""Card commands: ``today``, ``draw``, ``decks`` and ``deck validate | add | print``."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tui.commands import Context, UserError, write_output
from tui.i18n import t

# -- registration -------------------------------------------------------------


def register(sub) -> None:
    today = sub.add_parser("today", help=t("cli.help.today"), description=t("cli.help.today"))
    _output_flags(today)
    today.set_defaults(func=cmd_today)

    draw = sub.add_parser("draw", help=t("cli.help.draw"), description=t("cli.help.draw"))
    draw.add_argument("--deck", metavar="ID", help=t("cli.help.deck_filter"))
    draw.add_argument("--kind", choices=("think", "do", "worksheet"), help=t("cli.help.kind_filter"))
    draw.add_argument("--tag", metavar="TAG", help=t("cli.help.tag_filter"))
    draw.add_argument("--moment", metavar="ID", help=t("cli.help.moment_filter"))
    draw.add_argument("--for", dest="purpose", choices=("random", "decision"), default="random",
                      help=t("cli.help.purpose"))
    draw.add_argument("--seed", type=int, help=t("cli.help.seed"))
    _output_flags(draw)
    draw.set_defaults(func=cmd_draw)

    decks = sub.add_parser("decks", help=t("cli.help.decks"), description=t("cli.help.decks"))
    decks.add_argument("--json", action="store_true", help=t("cli.help.json"))
    decks.set_defaults(func=cmd_decks)

    deck = sub.add_parser("deck", help=t("cli.help.deck"), description=t("cli.help.deck"))
    deck_sub = deck.add_subparsers(dest="deck_command", metavar=t("cli.command_metavar"),
                                   parser_class=type(deck), required=True)
    validate = deck_sub.add_parser("validate", help=t("cli.help.validate"),
                                   description=t("cli.help.validate"))
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.set_defaults(func=cmd_validate)
    add = deck_sub.add_parser("add", help=t("cli.help.add"), description=t("cli.help.add_long"))
    add.add_argument("file", metavar="FILE")
    add.add_argument("--force", action="store_true", help=t("cli.help.force"))
    add.add_argument("--id", dest="deck_id", metavar="ID", help=t("cli.help.csv_id"))
    add.add_argument("--title", help=t("cli.help.csv_title"))
    add.add_argument("--language", choices=("nl", "en"), help=t("cli.help.csv_language"))
    add.set_defaults(func=cmd_add)
    show = deck_sub.add_parser("print", help=t("cli.help.print"), description=t("cli.help.print"))
    show.add_argument("deck_id", metavar="ID")
    show.add_argument("-o", "--output", metavar="FILE", help=t("cli.help.output"))
    show.add_argument("--force", action="store_true", help=t("cli.help.force"))
    show.set_defaults(func=cmd_print)


def _output_flags(parser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help=t("cli.help.json"))
    group.add_argument("--plain", action="store_true", help=t("cli.help.plain"))


# -- today and draw -----------------------------------------------------------


def todays_card(ctx: Context):
    from tui.daily import todays_card as card_for

    settings = ctx.settings
    card = card_for(ctx.library, settings.default_deck, ctx.today(), settings.user_seed)
    if card is None:
        raise UserError(t("cli.no_decks"))
    return card


def cmd_today(args, ctx: Context) -> int:
    card = todays_card(ctx)
    _record(ctx, card, "daily")
    _show(ctx, card, args, heading=t("card.of_the_day"))
    return 0


def cmd_draw(args, ctx: Context) -> int:
    from tui.drawing import draw, pool_key

    library = ctx.library
    if args.deck and library.get(args.deck) is None:
        raise UserError(t("cli.unknown_deck", id=args.deck, known=", ".join(library.by_id) or "-"))
    if args.moment and library.moments and args.moment not in library.moments:
        raise UserError(t("cli.unknown_moment", id=args.moment,
                          known=", ".join(library.moments)))
    cards = library.cards(deck=args.deck, kind=args.kind, tag=args.tag, moment=args.moment)
    if not cards:
        raise UserError(t("cli.no_match"))
    key = pool_key(deck=args.deck, kind=args.kind, tag=args.tag, moment=args.moment)
    bag, last = _load_bag(ctx, key)
    card, bag = draw(cards, random.Random(args.seed), bag, last)
    _record(ctx, card, args.purpose, key, bag)
    _show(ctx, card, args)
    return 0


def _load_bag(ctx: Context, key: str):
    from tui.journal.errors import StoreError

    try:
        return ctx.store.load_bag(key)
    except StoreError as error:
        ctx.warn(error.message)
        return [], None


def _record(ctx: Context, card, purpose: str, key: str | None = None, bag=None) -> None:
    """Keep the draw in the journal; a journal that cannot be written does not stop the card."""
    from tui.journal.errors import StoreError

    try:
        ctx.store.record_draw(card.deck, card.id, purpose, bag_key=key, bag=bag)
    except StoreError as error:
        ctx.warn(error.message)


def _show(ctx: Context, card, args, heading: str = "") -> None:
    from tui.commands.render import card_box, card_plain

    if args.json:
        ctx.print(json.dumps(card.to_json(), ensure_ascii=False, indent=2))
    elif args.plain:
        ctx.print(card_plain(card, ctx.library))
    else:
        ctx.print(card_box(card, ctx.library, heading=heading, out=ctx.out))


def print_overview(ctx: Context) -> int:
    """What a bare ``kaart`` prints when there is no terminal to start the app in."""
    card = todays_card(ctx)
    from tui.commands.render import card_box

    ctx.print(card_box(card, ctx.library, heading=t("card.of_the_day"), out=ctx.out))
    ctx.print()
    ctx.print(t("cli.overview"))
    return 0


# -- decks --------------------------------------------------------------------


def deck_rows(ctx: Context) -> list[dict]:
    """Every deck with languages, card count and problems (``kaart decks --json``)."""
    library = ctx.library
    rows: dict[str, dict] = {}
    for deck in library.decks:
        rows[deck.id] = {
            "id": deck.id,
            "title": deck.title,
            "languages": library.languages(deck.id),
            "cards": len(deck.cards),
            "source": deck.source,
            "path": str(deck.path) if deck.path else "",
            "problems": [],
        }
    for broken in library.broken:
        key = broken.path.stem
        row = rows.get(key)
        if row is None or row["path"] == str(broken.path):
            row = rows.setdefault(f"{broken.path}", {
                "id": key, "title": "", "languages": [broken.path.parent.name], "cards": 0,
                "source": broken.source, "path": str(broken.path), "problems": []})
        row["problems"].extend(str(problem) for problem in broken.problems)
    return list(rows.values())


def cmd_decks(args, ctx: Context) -> int:
    rows = deck_rows(ctx)
    if args.json:
        ctx.print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        ctx.print(t("cli.no_decks"))
        return 0
    width = max(len(row["id"]) for row in rows)
    for row in rows:
        if row["cards"]:
            source = t("deck.source." + row["source"])
            languages = "/".join(row["languages"])
            count = t("cli.decks.count", count=row["cards"])
            ctx.print(f"{row['id']:<{width}}  {languages:<5}  {count:>9}  {source:<9}  {row['title']}")
    broken = [row for row in rows if row["problems"]]
    if broken:
        ctx.print()
        ctx.print(t("cli.decks.problems", count=sum(len(row["problems"]) for row in broken)))
        for row in broken:
            for problem in row["problems"]:
                ctx.print(f"  {problem}")
    return 0


# -- deck validate / add / print ---------------------------------------------


def _known_moments(ctx: Context) -> set[str] | None:
    return set(ctx.library.moments) or None


def cmd_validate(args, ctx: Context) -> int:
    from tui.decks.loader import load_deck

    moments = _known_moments(ctx)
    failed = 0
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            ctx.print(f"{name}: {t('cli.validate.missing')}")
            failed += 1
            continue
        result = load_deck(path, source="own", moments=moments, display=name)
        if result.problems:
            failed += 1
            for problem in result.problems:
                ctx.print(str(problem))
        else:
            ctx.print(t("cli.validate.ok", file=name, count=len(result.deck.cards)))
    return 1 if failed else 0


def cmd_add(args, ctx: Context) -> int:
    from tui import paths
    from tui.decks.csvdeck import CsvError, csv_to_deck_dict, slug
    from tui.decks.loader import dump_deck, parse_deck
    from tui.fileio import atomic_write

    source = Path(args.file)
    try:
        data = source.read_bytes()
    except OSError as error:
        raise UserError(t("cli.add.unreadable", file=source, error=error.strerror)) from None
    if source.suffix.lower() in (".csv", ".tsv", ".txt"):
        deck_id = args.deck_id or slug(source.stem)
        try:
            deck_dict = csv_to_deck_dict(data, deck_id=deck_id, title=args.title or source.stem,
                                         language=args.language or ctx.lang)
        except CsvError as error:
            where = f"{source}:{error.line}" if error.line else str(source)
            raise UserError(f"{where}: {error.message}") from None
        data = dump_deck(deck_dict).encode()
    elif args.deck_id or args.title or args.language:
        raise UserError(t("cli.add.csv_only"))
    result = parse_deck(data, str(source), source="own", moments=_known_moments(ctx))
    if result.deck is None:
        first = result.problems[0]
        more = len(result.problems) - 1
        raise UserError(str(first) + (t("cli.add.more_problems", count=more) if more else ""))
    deck = result.deck
    existing = ctx.library.by_id.get(deck.id, {})
    if any(other.source == "bundled" for other in existing.values()):
        raise UserError(t("cli.add.shadows", id=deck.id))
    folder = paths.ensure_private_dir(paths.own_decks_dir() / deck.language)
    target = folder / f"{deck.id}.yaml"
    if target.exists() and not args.force:
        raise UserError(t("cli.add.exists", path=target))
    atomic_write(target, data)
    ctx.print(t("cli.add.done", id=deck.id, count=len(deck.cards), path=target))
    return 0


def cmd_print(args, ctx: Context) -> int:
    from tui.decks.printing import render_html

    deck = ctx.library.get(args.deck_id)
    if deck is None:
        raise UserError(t("cli.unknown_deck", id=args.deck_id,
                          known=", ".join(ctx.library.by_id) or "-"))
    page = render_html(deck, lang=ctx.lang, moment_label=ctx.library.moment_label)
    target = write_output(ctx, page, args.output, force=args.force, mode=0o644)
    if target is None:
        return 0
    ctx.print(t("cli.print.done", path=target, count=len(deck.cards)))
    return 0
