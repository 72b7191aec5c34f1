"""``kaart export`` (Markdown to read, JSON to import again) and ``kaart import``."""

from __future__ import annotations

from pathlib import Path

from tui.commands import add_command, check_range, date_flags
from tui.i18n import t


def register(sub) -> None:
    export = add_command(sub, "export", "cli.journal.help.export")
    export.add_argument("--format", choices=("md", "json"), help=t("cli.journal.help.format"))
    date_flags(export)
    export.add_argument("-o", "--output", metavar=t("cli.metavar.file"),
                        help=t("cli.journal.help.output"))
    export.add_argument("--force", action="store_true", help=t("cli.help.force"))
    export.add_argument("--mask-bsn", action="store_true", help=t("cli.journal.help.mask_bsn"))
    export.set_defaults(func=cmd_export)

    importer = add_command(sub, "import", "cli.journal.help.import")
    importer.add_argument("file", metavar=t("cli.metavar.file"),
                          help=t("cli.journal.help.import_file"))
    importer.set_defaults(func=cmd_import)


def cmd_export(args, kaart, out) -> int:
    check_range(args)
    fmt = args.format or ("json" if (args.output or "").lower().endswith(".json") else "md")
    exported = kaart.export(fmt, date_from=args.date_from, date_to=args.date_to,
                            mask=args.mask_bsn)
    if exported.with_bsn:
        out.warn(t("cli.journal.export.bsn_warning", count=exported.with_bsn))
    if not args.output or args.output == "-":
        out.document(exported.text)
        return 0
    target = kaart.write_output(Path(args.output), exported.text, force=args.force)
    out.line(t("cli.journal.export.done", count=exported.entries, path=target))
    return 0


def cmd_import(args, kaart, out) -> int:
    path = Path(args.file)
    result = kaart.import_file(path)
    out.line(t("cli.journal.import.done", added=result.added, source=result.source, file=path,
               skipped=t("cli.journal.import.skipped", count=result.skipped)))
    if result.differs:
        out.warn(t("cli.journal.import.differs", count=result.differs))
    if result.with_bsn:
        out.warn(t("cli.journal.bsn_in_import", count=result.with_bsn))
    return 0
