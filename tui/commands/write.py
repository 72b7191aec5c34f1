"""``kaart write``: a journal entry, a note on a card, or a decision.

It never loses the text it was given: when the journal cannot take it, it is
kept as a draft, in a private file beside the journal, or printed back; and
text that is not UTF-8 is kept byte for byte in such a file.
"""

from __future__ import annotations

from tui.commands import add_command, json_flag, look_back_day
from tui.errors import InputError, StoreError, UsageError
from tui.i18n import t


def register(sub) -> None:
    write = add_command(sub, "write", "cli.journal.help.write")
    write.add_argument("text", nargs="*", metavar=t("cli.metavar.text"),
                       help=t("cli.journal.help.text"))
    write.add_argument("--card", metavar=t("cli.metavar.card"), help=t("cli.journal.help.card"))
    write.add_argument("--tag", action="append", default=[], metavar=t("cli.metavar.tag"),
                       help=t("cli.journal.help.tag"))
    write.add_argument("--title", help=t("cli.journal.help.title"))
    write.add_argument("--decision", action="store_true", help=t("cli.journal.help.decision"))
    write.add_argument("--look-back", dest="look_back", type=look_back_day, default=True,
                       metavar=t("cli.metavar.look_back"), help=t("cli.help.look_back"))
    json_flag(write)
    write.set_defaults(func=cmd_write)


def cmd_write(args, kaart, out) -> int:
    from tui.commands.editor import NotUtf8, from_arguments, gather
    from tui.core.drafts import DraftContext
    from tui.journal.bsn import find_bsns
    from tui.textclean import strip_controls

    if args.look_back is not True and not args.decision:
        raise UsageError(t("cli.look_back.only_decisions"))
    card = kaart.card(args.card) if args.card else None
    kind = "decision" if args.decision else ("note" if card else "journal")
    context = DraftContext.decision() if args.decision else (
        DraftContext.note(card) if card else DraftContext.journal())
    try:
        text = strip_controls(gather(args.text)).strip()
        title = from_arguments([args.title]) if args.title else ""
        tags = [from_arguments([tag]) for tag in args.tag]
    except NotUtf8 as bad:
        how, where = kaart.keep_unsaved(context, {}, None, raw=bad.raw)
        kept = _kept(how, where, out, bad.raw.decode("utf-8", errors="replace"))
        raise InputError(t("cli.journal.write.not_utf8", offset=bad.offset) + " " + kept) from None
    if not text and not title:
        raise InputError(t("cli.journal.write.empty"))
    if args.decision and not title:
        first, _, rest = text.partition("\n")
        title, text = first.strip(), rest.strip()
    fields = {"title": title, "body": text, "tags": tags}
    try:
        if kind == "decision":
            entry = kaart.record_decision(title, text, card=card, tags=tags,
                                          look_back=args.look_back)
        else:
            entry = kaart.save_entry(kind, text, title=title, card=card, tags=tags)
    except StoreError as error:
        how, where = kaart.keep_unsaved(context, fields, error)
        raise StoreError(error.message + " " + _kept(how, where, out, text),
                         error.reason) from None
    if args.json:
        out.json(entry.to_json())
    else:
        out.line(t(f"cli.journal.write.saved_{kind}", uid=entry.short_uid,
                   card=card.ref if card else ""))
        if entry.look_back is not None:
            from tui.dates import format_date

            out.line(t("cli.look_back.when", when=format_date(entry.look_back, kaart.language)))
    found = [number for part in (title, text, *tags) for number in find_bsns(part)]
    if found:
        out.warn(t("cli.journal.bsn_warning", count=len(found)))
    return 0


def _kept(how: str, where: str, out, text: str) -> str:
    if how == "draft":
        return t("cli.journal.write.kept_draft", context=where)
    if how == "file":
        return t("cli.journal.write.kept_file", path=where)
    out.line(text)
    return t("cli.journal.write.printed")
