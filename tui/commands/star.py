"""``kaart star ID [--off]``: star an entry (or take the star off); ``kaart journal --starred`` lists them."""

from __future__ import annotations

from tui.commands import add_command
from tui.i18n import t


def register(sub) -> None:
    star = add_command(sub, "star", "cli.journal.help.star")
    star.add_argument("uid", metavar="ID", help=t("cli.journal.help.uid"))
    star.add_argument("--off", action="store_true", help=t("cli.journal.help.star_off"))
    star.set_defaults(func=cmd_star)


def cmd_star(args, kaart, out) -> int:
    entry = kaart.set_starred(kaart.resolve(args.uid).uid, not args.off)
    out.line(t("cli.journal.starred" if entry.starred else "cli.journal.unstarred",
               uid=entry.short_uid))
    return 0
