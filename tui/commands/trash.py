"""``kaart delete`` (to the trash) and ``kaart trash list | restore | empty``."""

from __future__ import annotations

import sys

from tui.commands import add_command, json_flag
from tui.errors import KaartError
from tui.i18n import t


def register(sub) -> None:
    delete = add_command(sub, "delete", "cli.journal.help.delete")
    delete.add_argument("uid", metavar="ID", help=t("cli.journal.help.uid"))
    delete.set_defaults(func=cmd_delete)

    trash = add_command(sub, "trash", "cli.journal.help.trash")
    trash.set_defaults(func=cmd_trash_list, json=False)
    trash_sub = trash.add_subparsers(dest="trash_command", metavar=t("cli.command_metavar"),
                                     parser_class=type(trash))
    listing = add_command(trash_sub, "list", "cli.journal.help.trash_list")
    json_flag(listing)
    listing.set_defaults(func=cmd_trash_list)
    back = add_command(trash_sub, "restore", "cli.journal.help.trash_restore")
    back.add_argument("uid", metavar="ID", help=t("cli.journal.help.uid"))
    back.set_defaults(func=cmd_trash_restore)
    empty = add_command(trash_sub, "empty", "cli.journal.help.trash_empty")
    empty.add_argument("--yes", action="store_true", help=t("cli.journal.help.yes"))
    empty.set_defaults(func=cmd_trash_empty)


def cmd_delete(args, kaart, out) -> int:
    entry = kaart.resolve(args.uid)
    kaart.delete(entry.uid)
    out.line(t("cli.journal.deleted", uid=entry.short_uid))
    return 0


def cmd_trash_list(args, kaart, out) -> int:
    from tui.commands.journal import print_entries

    print_entries(out, kaart, kaart.trash(), args.json, "cli.journal.trash.empty_list")
    return 0


def cmd_trash_restore(args, kaart, out) -> int:
    entry = kaart.resolve(args.uid, in_trash=True)
    kaart.restore_from_trash(entry.uid)
    out.line(t("cli.journal.trash.restored", uid=entry.short_uid))
    return 0


def cmd_trash_empty(args, kaart, out) -> int:
    count = len(kaart.trash())
    if not count:
        out.line(t("cli.journal.trash.empty_list"))
        return 0
    if not args.yes:
        if not (sys.stdin and sys.stdin.isatty()):
            raise KaartError(t("cli.journal.trash.confirm_needed", count=count))
        out.ask(t("cli.journal.trash.confirm", count=count))
        if sys.stdin.readline().strip().lower() not in ("y", "yes", "j", "ja"):
            out.line(t("cli.journal.trash.kept"))
            return 1
    out.line(t("cli.journal.trash.emptied", count=kaart.empty_trash()))
    return 0
