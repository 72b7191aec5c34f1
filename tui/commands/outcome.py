"""``kaart outcome``: the decisions waiting for their outcome, or record how one turned out."""

from __future__ import annotations

from tui.commands import add_command, json_flag
from tui.errors import KaartError, UsageError
from tui.i18n import t


def register(sub) -> None:
    outcome = add_command(sub, "outcome", "cli.journal.help.outcome")
    outcome.add_argument("uid", nargs="?", metavar="ID", help=t("cli.journal.help.uid"))
    outcome.add_argument("text", nargs="*", metavar=t("cli.metavar.text"),
                         help=t("cli.journal.help.outcome_text"))
    json_flag(outcome)
    outcome.set_defaults(func=cmd_outcome)


def cmd_outcome(args, kaart, out) -> int:
    from tui.commands.editor import from_arguments
    from tui.commands.journal import print_entries

    if not args.uid:
        print_entries(out, kaart, kaart.pending_decisions(), args.json, "cli.journal.outcome.none")
        return 0
    entry = kaart.resolve(args.uid)
    if entry.kind != "decision":
        raise KaartError(t("cli.journal.outcome.not_a_decision", uid=entry.short_uid))
    text = from_arguments(args.text).strip()
    if not text:
        raise UsageError(t("cli.journal.outcome.empty"))
    entry = kaart.set_outcome(entry.uid, text)
    if args.json:
        out.json(entry.to_json())
    else:
        out.line(t("cli.journal.outcome.saved", uid=entry.short_uid))
    return 0
