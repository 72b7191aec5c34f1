"""``kaart backup`` (now, or to a file of your choice) and ``kaart restore``."""

from __future__ import annotations

from pathlib import Path

from tui.commands import add_command
from tui.i18n import t


def register(sub) -> None:
    backup = add_command(sub, "backup", "cli.journal.help.backup")
    backup.add_argument("-o", "--output", metavar=t("cli.metavar.file"),
                        help=t("cli.journal.help.backup_file"))
    backup.add_argument("--force", action="store_true", help=t("cli.help.force"))
    backup.set_defaults(func=cmd_backup)

    restore = add_command(sub, "restore", "cli.journal.help.restore")
    restore.add_argument("file", metavar=t("cli.metavar.file"),
                         help=t("cli.journal.help.restore_file"))
    restore.set_defaults(func=cmd_restore)


def cmd_backup(args, kaart, out) -> int:
    path = kaart.backup(Path(args.output) if args.output else None, force=args.force)
    out.line(t("cli.journal.backup.done", path=path))
    return 0


def cmd_restore(args, kaart, out) -> int:
    from tui import paths

    target = paths.database_path()
    aside = kaart.restore(Path(args.file))
    if aside == target:
        out.line(t("cli.journal.restore.done_fresh", file=args.file, path=target))
    else:
        out.line(t("cli.journal.restore.done", file=args.file, path=target, aside=aside))
    return 0
