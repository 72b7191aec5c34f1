"""``kaart today`` and ``kaart draw``: a card on the screen, as JSON, or as chat-ready text."""

from __future__ import annotations

from tui.commands import add_command, card_kind_flag
from tui.i18n import t
from tui.vocabulary import Purpose


def register(sub) -> None:
    today = add_command(sub, "today", "cli.help.today")
    _output_flags(today)
    today.set_defaults(func=cmd_today)

    draw = add_command(sub, "draw", "cli.help.draw")
    draw.add_argument("--deck", metavar="ID", help=t("cli.help.deck_filter"))
    card_kind_flag(draw)
    draw.add_argument("--tag", metavar=t("cli.metavar.tag"), help=t("cli.help.tag_filter"))
    draw.add_argument("--moment", metavar="ID", help=t("cli.help.moment_filter"))
    draw.add_argument("--for", dest="purpose", choices=(Purpose.RANDOM, Purpose.DECISION),
                      default=Purpose.RANDOM, help=t("cli.help.purpose"))
    draw.add_argument("--seed", type=int, help=t("cli.help.seed"))
    _output_flags(draw)
    draw.set_defaults(func=cmd_draw)


def _output_flags(parser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help=t("cli.help.json"))
    group.add_argument("--plain", action="store_true", help=t("cli.help.plain"))


def cmd_today(args, kaart, out) -> int:
    show(out, kaart, kaart.show_today(), args, heading=t("card.of_the_day"))
    return 0


def cmd_draw(args, kaart, out) -> int:
    card = kaart.draw(args.purpose, deck=args.deck, kind=args.kind, tag=args.tag,
                      moment=args.moment, seed=args.seed)
    show(out, kaart, card, args)
    return 0


def show(out, kaart, card, args, heading: str = "") -> None:
    from tui.commands.render import card_box, card_plain

    if getattr(args, "json", False):
        out.json(card.to_json())
    elif getattr(args, "plain", False):
        out.line(card_plain(card, kaart.library))
    else:
        out.lines(card_box(card, kaart.library, heading=heading))
        history(out, kaart, card)


def history(out, kaart, card) -> None:
    """One line under a card you wrote on before: when, the last note's first line, and how
    to see them all. Nothing when the journal cannot say."""
    from tui.commands.render import history_line
    from tui.errors import KaartError

    try:
        found = kaart.last_note_on(card)
    except KaartError:
        return
    if found is not None:
        out.line(history_line(card.ref, *found, kaart.language))


def print_overview(kaart, out) -> int:
    """What a bare ``kaart`` prints when there is no terminal to start the app in."""
    from tui.commands.render import card_box

    card = kaart.show_today()
    out.lines(card_box(card, kaart.library, heading=t("card.of_the_day")))
    history(out, kaart, card)
    out.line()
    out.line(t("cli.overview"))
    return 0
