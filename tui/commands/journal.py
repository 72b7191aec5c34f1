"""Journal commands: write, journal, search, export, import, stats, backup, restore,
trash, delete, outcome and drafts.

Every listing with ``--json`` prints a list of entries in the shape of the
JSON export's entries. Dates are typed as ``2026-11-22`` or ``22-11-2026``
and shown as ``dd-mm-jjjj`` in Dutch and ISO in English. ``kaart write``
never loses the text it was given: when the journal cannot be written it is
kept as a draft, in a file next to the journal, or printed back.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from tui.commands import Context, UserError, write_output
from tui.dates import format_date
from tui.i18n import t

KIND_CHOICES = ("journal", "note", "decision")


# -- registration -------------------------------------------------------------


COMMANDS = ("write", "journal", "search", "export", "import", "stats", "backup", "restore",
            "delete", "outcome", "trash", "drafts")


def register(sub) -> None:
    """Add the journal commands. Each one's arguments are built when it is used.

    ``kaart search`` then does not pay for building the arguments of eleven
    other commands; ``kaart --help`` only needs the names and help lines.
    """
    for name in COMMANDS:
        text = t(f"cli.journal.help.{name}")
        parser = sub.add_parser(name, help=text, description=text)
        _on_first_use(parser, _BUILDERS[name])


def _on_first_use(parser, build) -> None:
    parse = parser.parse_known_args

    def parse_known_args(args=None, namespace=None):
        del parser.parse_known_args  # from now on the parser's own method
        build(parser)
        return parse(args, namespace)

    parser.parse_known_args = parse_known_args


def _write_args(write) -> None:
    write.add_argument("text", nargs="*", metavar="TEXT", help=t("cli.journal.help.text"))
    write.add_argument("--card", metavar="DECK/CARD", help=t("cli.journal.help.card"))
    write.add_argument("--tag", action="append", default=[], metavar="TAG",
                       help=t("cli.journal.help.tag"))
    write.add_argument("--title", help=t("cli.journal.help.title"))
    write.add_argument("--decision", action="store_true", help=t("cli.journal.help.decision"))
    write.add_argument("--json", action="store_true", help=t("cli.help.json"))
    write.set_defaults(func=cmd_write)


def _journal_args(journal) -> None:
    journal.add_argument("--limit", type=_positive, default=20, metavar="N",
                         help=t("cli.journal.help.limit"))
    journal.add_argument("--kind", choices=KIND_CHOICES, help=t("cli.journal.help.kind"))
    journal.add_argument("--card", metavar="DECK/CARD", help=t("cli.journal.help.card_history"))
    journal.add_argument("--json", action="store_true", help=t("cli.help.json"))
    journal.set_defaults(func=cmd_journal)


def _search_args(search) -> None:
    search.add_argument("query", nargs="*", metavar="QUERY", help=t("cli.journal.help.query"))
    search.add_argument("--kind", choices=KIND_CHOICES, help=t("cli.journal.help.kind"))
    search.add_argument("--deck", metavar="DECK", help=t("cli.journal.help.deck"))
    search.add_argument("--card", metavar="CARD", help=t("cli.journal.help.card_filter"))
    search.add_argument("--tag", metavar="TAG", help=t("cli.journal.help.tag_filter"))
    _date_flags(search)
    search.add_argument("--limit", type=_positive, metavar="N",
                        help=t("cli.journal.help.search_limit"))
    search.add_argument("--json", action="store_true", help=t("cli.help.json"))
    search.set_defaults(func=cmd_search)


def _export_args(export) -> None:
    export.add_argument("--format", choices=("md", "json"), help=t("cli.journal.help.format"))
    _date_flags(export)
    export.add_argument("-o", "--output", metavar="FILE", help=t("cli.journal.help.output"))
    export.add_argument("--force", action="store_true", help=t("cli.help.force"))
    export.add_argument("--mask-bsn", action="store_true", help=t("cli.journal.help.mask_bsn"))
    export.set_defaults(func=cmd_export)


def _import_args(importer) -> None:
    importer.add_argument("file", metavar="FILE", help=t("cli.journal.help.import_file"))
    importer.set_defaults(func=cmd_import)


def _stats_args(stats) -> None:
    stats.add_argument("--json", action="store_true", help=t("cli.help.json"))
    stats.set_defaults(func=cmd_stats)


def _backup_args(backup) -> None:
    backup.add_argument("-o", "--output", metavar="FILE", help=t("cli.journal.help.backup_file"))
    backup.add_argument("--force", action="store_true", help=t("cli.help.force"))
    backup.set_defaults(func=cmd_backup)


def _restore_args(restore) -> None:
    restore.add_argument("file", metavar="FILE", help=t("cli.journal.help.restore_file"))
    restore.set_defaults(func=cmd_restore)


def _delete_args(delete) -> None:
    delete.add_argument("uid", metavar="ID", help=t("cli.journal.help.uid"))
    delete.set_defaults(func=cmd_delete)


def _outcome_args(outcome) -> None:
    outcome.add_argument("uid", nargs="?", metavar="ID", help=t("cli.journal.help.uid"))
    outcome.add_argument("text", nargs="*", metavar="TEXT", help=t("cli.journal.help.outcome_text"))
    outcome.add_argument("--json", action="store_true", help=t("cli.help.json"))
    outcome.set_defaults(func=cmd_outcome)


def _trash_args(trash) -> None:
    trash.set_defaults(func=cmd_trash_list, json=False)
    trash_sub = trash.add_subparsers(dest="trash_command", metavar=t("cli.command_metavar"),
                                     parser_class=type(trash))
    listing = trash_sub.add_parser("list", help=t("cli.journal.help.trash_list"))
    listing.add_argument("--json", action="store_true", help=t("cli.help.json"))
    listing.set_defaults(func=cmd_trash_list)
    back = trash_sub.add_parser("restore", help=t("cli.journal.help.trash_restore"))
    back.add_argument("uid", metavar="ID", help=t("cli.journal.help.uid"))
    back.set_defaults(func=cmd_trash_restore)
    empty = trash_sub.add_parser("empty", help=t("cli.journal.help.trash_empty"))
    empty.add_argument("--yes", action="store_true", help=t("cli.journal.help.yes"))
    empty.set_defaults(func=cmd_trash_empty)


def _drafts_args(drafts) -> None:
    drafts.set_defaults(func=cmd_drafts_list)
    drafts_sub = drafts.add_subparsers(dest="drafts_command", metavar=t("cli.command_metavar"),
                                       parser_class=type(drafts))
    drafts_sub.add_parser("list", help=t("cli.journal.help.drafts_list")).set_defaults(
        func=cmd_drafts_list)
    show = drafts_sub.add_parser("show", help=t("cli.journal.help.drafts_show"))
    show.add_argument("context", metavar="CONTEXT")
    show.set_defaults(func=cmd_drafts_show)
    discard = drafts_sub.add_parser("discard", help=t("cli.journal.help.drafts_discard"))
    discard.add_argument("context", metavar="CONTEXT")
    discard.set_defaults(func=cmd_drafts_discard)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(t("cli.journal.not_a_count", value=text))
    return value


def _date(text: str):
    from tui.dates import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.journal.bad_date", value=text)) from None


def _date_flags(parser) -> None:
    parser.add_argument("--from", dest="date_from", type=_date, metavar="DATE",
                        help=t("cli.journal.help.from"))
    parser.add_argument("--to", dest="date_to", type=_date, metavar="DATE",
                        help=t("cli.journal.help.to"))


def _check_range(args) -> None:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UserError(t("cli.journal.bad_range"), code=2)


# -- showing entries ----------------------------------------------------------


def _styled(ctx: Context) -> bool:
    return bool(getattr(ctx.out, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")


def entry_line(entry, ctx: Context, kinds: dict | None = None) -> str:
    """One line per entry: when, kind, what, card, tags, short id.

    Written for speed: ``kaart search`` prints every match, thousands of lines.
    """
    local = entry.created.astimezone()
    kind = (kinds or {}).get(entry.kind) or t("journal.kind." + entry.kind)
    headline = " ".join((entry.title or entry.body.lstrip().partition("\n")[0]).split())
    if len(headline) > 60:
        headline = headline[:59] + "…"
    line = (f"{format_date(local.date(), ctx.lang, short=True)} {local.hour:02d}:"
            f"{local.minute:02d}  {kind:<8}  {headline}")
    if entry.card is not None:
        line += f"  [{entry.card.deck}/{entry.card.card}]"
    if entry.tags:
        line += "  #" + " #".join(entry.tags)
    return f"{line}  ({entry.uid[:8]})"


def _kinds() -> dict[str, str]:
    return {kind: t("journal.kind." + kind) for kind in KIND_CHOICES}


def _print_entries(ctx: Context, entries, as_json: bool, empty_key: str) -> None:
    if as_json:
        ctx.print(json.dumps([entry.to_json() for entry in entries], ensure_ascii=False,
                             indent=2))
        return
    if not entries:
        ctx.print(t(empty_key))
        return
    kinds = _kinds()
    ctx.print("\n".join(entry_line(entry, ctx, kinds) for entry in entries))


def _marks(ctx: Context) -> tuple[str, str, str, str]:
    """How a snippet's marked words are shown: bold in a terminal, plain otherwise."""
    from tui.journal.search import MARK_END, MARK_START

    bold, plain = ("\x1b[1m", "\x1b[22m") if _styled(ctx) else ("", "")
    return MARK_START, bold, MARK_END, plain


def _snippet(text: str, marks: tuple[str, str, str, str]) -> str:
    """The snippet on one line (the text itself was cleaned of control characters on save)."""
    start, bold, end, plain = marks
    return " ".join(text.split()).replace(start, bold).replace(end, plain)


def _resolve(store, uid: str, *, in_trash: bool = False):
    found = store.find(uid, in_trash=in_trash)
    if not found:
        key = "cli.journal.not_in_trash" if in_trash else "cli.journal.no_entry"
        raise UserError(t(key, uid=uid))
    if len(found) > 1:
        raise UserError(t("cli.journal.ambiguous", uid=uid))
    return found[0]


def _card(ctx: Context, ref: str):
    """``deck/card`` -> a CardRef with the card's current text."""
    from tui.journal.model import CardRef

    deck_id, _, card_id = ref.partition("/")
    library = ctx.library
    deck = library.get(deck_id)
    if deck is None:
        raise UserError(t("cli.unknown_deck", id=deck_id, known=", ".join(library.by_id) or "-"))
    card = deck.card(card_id)
    if card is None:
        known = ", ".join(each.id for each in deck.cards) or "-"
        raise UserError(t("cli.journal.unknown_card", ref=ref, known=known))
    return CardRef(card.deck, card.id, card.text)


# -- write --------------------------------------------------------------------


def cmd_write(args, ctx: Context) -> int:
    from tui.journal.bsn import find_bsns
    from tui.journal.errors import StoreError
    from tui.textclean import strip_controls

    card = _card(ctx, args.card) if args.card else None
    text = strip_controls(_gather_text(args, ctx)).strip()
    if not text:
        raise UserError(t("cli.journal.write.empty"))
    kind = "decision" if args.decision else ("note" if card else "journal")
    title, body = args.title or "", text
    if args.decision and not title:
        first, _, rest = text.partition("\n")
        title, body = first.strip(), rest.strip()
    context = f"note:{card.ref}" if kind == "note" else f"{kind}:new"
    try:
        entry = ctx.store.add_entry(kind, body, title=title, card=card, tags=args.tag)
    except StoreError as error:
        raise UserError(error.message + " " + _keep_text(ctx, context, text, error)) from None
    if args.json:
        ctx.print(json.dumps(entry.to_json(), ensure_ascii=False, indent=2))
    else:
        ctx.print(t(f"cli.journal.write.saved_{kind}", uid=entry.short_uid,
                    card=card.ref if card else ""))
    found = find_bsns(text)
    if found:
        ctx.warn(t("cli.journal.bsn_warning", count=len(found)))
    return 0


def _gather_text(args, ctx: Context) -> str:
    if args.text:
        return " ".join(args.text)
    stdin = sys.stdin
    if stdin is not None and not stdin.isatty():
        return stdin.read()
    return _edit(ctx)


def _edit(ctx: Context) -> str:
    """Open $VISUAL or $EDITOR on a private temporary file; return what was written."""
    import shlex
    import subprocess
    import tempfile

    from tui import paths

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise UserError(t("cli.journal.write.no_text"))
    try:
        folder = paths.data_dir()
        fd, name = tempfile.mkstemp(prefix=".kaart-write-", suffix=".md", dir=folder)
    except OSError:
        fd, name = tempfile.mkstemp(prefix="kaart-write-", suffix=".md")
    os.close(fd)  # mkstemp makes it 0600
    try:
        try:
            done = subprocess.run([*shlex.split(editor), name], check=False)
        except OSError as error:
            raise UserError(t("cli.journal.write.editor_failed", editor=editor,
                              error=error.strerror or error)) from None
        text = Path(name).read_text(encoding="utf-8", errors="replace")
        if done.returncode != 0 and not text.strip():
            raise UserError(t("cli.journal.write.editor_failed", editor=editor,
                              error=done.returncode))
        return text
    finally:
        Path(name).unlink(missing_ok=True)


def _keep_text(ctx: Context, context: str, text: str, error) -> str:
    """Put the text somewhere safe after a failed save; say where."""
    from datetime import datetime

    from tui import paths
    from tui.fileio import atomic_write
    from tui.journal.errors import StoreError

    if error.reason not in ("locked", "read_only", "newer"):
        try:
            ctx.store.save_draft(context, text)
            return t("cli.journal.write.kept_draft", context=context)
        except StoreError:
            pass  # the database cannot take it either: try a file
    try:
        target = paths.data_dir() / f"unsaved-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
        atomic_write(target, text + "\n", overwrite=False)
        return t("cli.journal.write.kept_file", path=target)
    except OSError:
        pass  # no room anywhere on this disk: the terminal is the last safe place
    ctx.print(text)
    return t("cli.journal.write.printed")


# -- journal and search -------------------------------------------------------


def cmd_journal(args, ctx: Context) -> int:
    store = ctx.store
    if args.card:
        deck, _, card = args.card.partition("/")
        entries = store.card_history(deck, card)
        entries = [e for e in entries if not args.kind or e.kind == args.kind][-args.limit:]
    else:
        entries = store.recent(args.limit, kind=args.kind)
    _print_entries(ctx, entries, args.json, "cli.journal.empty")
    return 0


def cmd_search(args, ctx: Context) -> int:
    _check_range(args)
    query = " ".join(args.query)
    deck, card = args.deck, args.card
    if card and "/" in card:
        deck, _, card = card.partition("/")
    if not query.strip() and not any((args.kind, deck, card, args.tag, args.date_from,
                                      args.date_to)):
        raise UserError(t("cli.journal.search.nothing"), code=2)
    hits = ctx.store.search(query, kind=args.kind, deck=deck, card=card, tag=args.tag,
                            date_from=args.date_from, date_to=args.date_to, limit=args.limit)
    if args.json:
        _print_entries(ctx, [hit.entry for hit in hits], True, "")
        return 0
    if not hits:
        ctx.print(t("cli.journal.search.none"))
        return 0
    lines, kinds, marks = [], _kinds(), _marks(ctx)
    for hit in hits:
        lines.append(entry_line(hit.entry, ctx, kinds))
        if hit.snippet:
            lines.append("    " + _snippet(hit.snippet, marks))
    ctx.print("\n".join(lines))
    return 0


# -- export and import --------------------------------------------------------


def cmd_export(args, ctx: Context) -> int:
    from tui.journal import export

    _check_range(args)
    fmt = args.format or ("json" if (args.output or "").lower().endswith(".json") else "md")
    store = ctx.store
    entries = store.entries(args.date_from, args.date_to)
    if fmt == "json":
        text = export.to_json(entries, store.draws(args.date_from, args.date_to),
                              mask=args.mask_bsn)
    else:
        text = export.to_markdown(entries, lang=ctx.lang, mask=args.mask_bsn)
    if not args.mask_bsn:
        with_bsn = sum(1 for entry in entries if export.has_bsn(entry))
        if with_bsn:
            ctx.warn(t("cli.journal.export.bsn_warning", count=with_bsn))
    target = write_output(ctx, text, args.output, force=args.force)
    if target is None:
        return 0
    ctx.print(t("cli.journal.export.done", count=len(entries), path=target))
    return 0


def cmd_import(args, ctx: Context) -> int:
    from tui.journal.importer import ImportProblem, import_file

    path = Path(args.file)
    try:
        result = import_file(ctx.store, path)
    except ImportProblem as problem:
        raise UserError(problem.message) from None
    ctx.print(t("cli.journal.import.done", added=result.added, skipped=result.skipped,
                source=result.source, file=path))
    if result.with_bsn:
        ctx.warn(t("cli.journal.bsn_in_import", count=result.with_bsn))
    return 0


# -- stats --------------------------------------------------------------------


def cmd_stats(args, ctx: Context) -> int:
    data = ctx.store.stats(ctx.today())
    if args.json:
        ctx.print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    kinds = data["by_kind"]
    ctx.print(t("cli.journal.stats.entries", count=data["entries"], journal=kinds["journal"],
                note=kinds["note"], decision=kinds["decision"]))
    ctx.print(t("cli.journal.stats.days", count=data["days_reflected"]))
    ctx.print(t("cli.journal.stats.streak", count=data["streak"],
                longest=data["longest_streak"]))
    ctx.print(t("cli.journal.stats.draws", count=data["draws"]))
    if data["pending_decisions"]:
        ctx.print(t("cli.journal.stats.pending", count=data["pending_decisions"]))
    months = data["entries_per_month"][-12:]
    if months:
        ctx.print()
        ctx.print(t("cli.journal.stats.per_month"))
        widest = max(row["entries"] for row in months)
        for row in months:
            bar = "█" * max(1, round(24 * row["entries"] / widest))
            ctx.print(f"  {row['month']}  {bar} {row['entries']}")
    for key, rows in (("most_drawn", data["most_drawn"]), ("most_written", data["most_written"])):
        if rows:
            ctx.print()
            ctx.print(t(f"cli.journal.stats.{key}"))
            for row in rows[:5]:
                ctx.print(f"  {row['count']:>4}×  {row['deck']}/{row['card']}")
    return 0


# -- backup and restore -------------------------------------------------------


def cmd_backup(args, ctx: Context) -> int:
    target = Path(args.output) if args.output else None
    if target is not None and target.exists():
        if not args.force:
            raise UserError(t("cli.file_exists", path=target))
        target.unlink()
    path = ctx.store.backup(target)
    ctx.print(t("cli.journal.backup.done", path=path))
    return 0


def cmd_restore(args, ctx: Context) -> int:
    from tui import paths
    from tui.journal.store import restore_backup

    target = paths.database_path()
    aside = restore_backup(Path(args.file), target)
    if aside == target:
        ctx.print(t("cli.journal.restore.done_fresh", file=args.file, path=target))
    else:
        ctx.print(t("cli.journal.restore.done", file=args.file, path=target, aside=aside))
    return 0


# -- trash, delete, outcome ---------------------------------------------------


def cmd_delete(args, ctx: Context) -> int:
    store = ctx.store
    entry = _resolve(store, args.uid)
    store.delete_entry(entry.uid)
    ctx.print(t("cli.journal.deleted", uid=entry.short_uid))
    return 0


def cmd_trash_list(args, ctx: Context) -> int:
    _print_entries(ctx, ctx.store.trash(), args.json, "cli.journal.trash.empty_list")
    return 0


def cmd_trash_restore(args, ctx: Context) -> int:
    store = ctx.store
    entry = _resolve(store, args.uid, in_trash=True)
    store.restore_entry(entry.uid)
    ctx.print(t("cli.journal.trash.restored", uid=entry.short_uid))
    return 0


def cmd_trash_empty(args, ctx: Context) -> int:
    store = ctx.store
    count = len(store.trash())
    if not count:
        ctx.print(t("cli.journal.trash.empty_list"))
        return 0
    if not args.yes:
        if not (sys.stdin and sys.stdin.isatty()):
            raise UserError(t("cli.journal.trash.confirm_needed", count=count))
        ctx.out.write(t("cli.journal.trash.confirm", count=count) + " ")
        ctx.out.flush()
        if sys.stdin.readline().strip().lower() not in ("y", "yes", "j", "ja"):
            ctx.print(t("cli.journal.trash.kept"))
            return 1
    erased = store.empty_trash()
    ctx.print(t("cli.journal.trash.emptied", count=erased))
    return 0


def cmd_outcome(args, ctx: Context) -> int:
    store = ctx.store
    if not args.uid:
        _print_entries(ctx, store.pending_decisions(), args.json, "cli.journal.outcome.none")
        return 0
    entry = _resolve(store, args.uid)
    if entry.kind != "decision":
        raise UserError(t("cli.journal.outcome.not_a_decision", uid=entry.short_uid))
    text = " ".join(args.text).strip()
    if not text:
        raise UserError(t("cli.journal.outcome.empty"), code=2)
    entry = store.set_outcome(entry.uid, text)
    if args.json:
        ctx.print(json.dumps(entry.to_json(), ensure_ascii=False, indent=2))
    else:
        ctx.print(t("cli.journal.outcome.saved", uid=entry.short_uid))
    return 0


# -- drafts -------------------------------------------------------------------


def cmd_drafts_list(args, ctx: Context) -> int:
    from tui.dates import format_datetime
    from tui.textclean import one_line

    drafts = ctx.store.drafts()
    if not drafts:
        ctx.print(t("cli.journal.drafts.none"))
        return 0
    for context, text, saved in drafts:
        first = one_line(text)
        first = first if len(first) <= 50 else first[:49] + "…"
        ctx.print(f"{format_datetime(saved, ctx.lang, short=True)}  {context}  {first}")
    return 0


def cmd_drafts_show(args, ctx: Context) -> int:
    text = ctx.store.get_draft(args.context)
    if text is None:
        raise UserError(t("cli.journal.drafts.missing", context=args.context))
    ctx.print(text)
    return 0


def cmd_drafts_discard(args, ctx: Context) -> int:
    store = ctx.store
    if store.get_draft(args.context) is None:
        raise UserError(t("cli.journal.drafts.missing", context=args.context))
    store.discard_draft(args.context)
    ctx.print(t("cli.journal.drafts.discarded", context=args.context))
    return 0


_BUILDERS = {"write": _write_args, "journal": _journal_args, "search": _search_args,
             "export": _export_args, "import": _import_args, "stats": _stats_args,
             "backup": _backup_args, "restore": _restore_args, "delete": _delete_args,
             "outcome": _outcome_args, "trash": _trash_args, "drafts": _drafts_args}
