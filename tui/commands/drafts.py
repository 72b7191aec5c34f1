"""``kaart drafts list | show N | discard N``: text kept while it was being written."""

from __future__ import annotations

from tui.commands import add_command
from tui.i18n import t


def register(sub) -> None:
    drafts = add_command(sub, "drafts", "cli.journal.help.drafts")
    drafts.set_defaults(func=cmd_drafts_list)
    drafts_sub = drafts.add_subparsers(dest="drafts_command", metavar=t("cli.command_metavar"),
                                       parser_class=type(drafts))
    add_command(drafts_sub, "list", "cli.journal.help.drafts_list").set_defaults(
        func=cmd_drafts_list)
    show = add_command(drafts_sub, "show", "cli.journal.help.drafts_show")
    show.add_argument("draft", metavar=t("cli.metavar.draft"))
    show.set_defaults(func=cmd_drafts_show)
    discard = add_command(drafts_sub, "discard", "cli.journal.help.drafts_discard")
    discard.add_argument("draft", metavar=t("cli.metavar.draft"))
    discard.set_defaults(func=cmd_drafts_discard)


def cmd_drafts_list(args, kaart, out) -> int:
    from tui.dates import format_datetime

    drafts = kaart.drafts()
    if not drafts:
        out.line(t("cli.journal.drafts.none"))
        return 0
    for draft in drafts:
        first = draft.preview
        first = first if len(first) <= 50 else first[:49] + "…"
        out.line(f"{draft.id:>4}  {format_datetime(draft.saved, kaart.language, short=True)}  "
                 f"{draft.context}  {first}")
    return 0


def cmd_drafts_show(args, kaart, out) -> int:
    draft = kaart.draft(args.draft)
    fields = draft.fields
    if fields.get("title"):
        out.line(fields["title"])
        out.line()
    if fields.get("body"):
        out.line(fields["body"])
    for number, answer in enumerate(fields.get("answers") or [], 1):
        if answer:
            out.line(f"{number}. {answer}")
    if fields.get("tags"):
        out.line(" ".join(f"#{tag}" for tag in fields["tags"]))
    return 0


def cmd_drafts_discard(args, kaart, out) -> int:
    draft = kaart.draft(args.draft)
    kaart.discard_draft(draft.id)
    out.line(t("cli.journal.drafts.discarded", context=f"{draft.id} ({draft.context})"))
    return 0
