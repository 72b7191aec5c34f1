"""``kaart outcome``: the decisions waiting for their outcome, those due, or record how one turned out.

A decision asks for its outcome on its day to look back (two weeks after it
was made, unless ``--look-back`` said otherwise). ``--due`` lists the
decisions whose day has come, each with its card and its reflection; a day
long past is still fine.
"""

from __future__ import annotations

from tui.commands import add_command, json_flag, look_back_day
from tui.errors import KaartError, UsageError
from tui.i18n import t


def register(sub) -> None:
    outcome = add_command(sub, "outcome", "cli.journal.help.outcome")
    outcome.add_argument("uid", nargs="?", metavar="ID", help=t("cli.journal.help.uid"))
    outcome.add_argument("text", nargs="*", metavar=t("cli.metavar.text"),
                         help=t("cli.journal.help.outcome_text"))
    outcome.add_argument("--due", action="store_true", help=t("cli.outcome.help.due"))
    outcome.add_argument("--look-back", dest="look_back", type=look_back_day, default=False,
                         metavar=t("cli.metavar.look_back"), help=t("cli.outcome.help.look_back"))
    json_flag(outcome)
    outcome.set_defaults(func=cmd_outcome)


def cmd_outcome(args, kaart, out) -> int:
    from tui.commands.editor import from_arguments
    from tui.commands.journal import print_entries

    changing_day = args.look_back is not False
    if args.due:
        if args.uid or changing_day:
            raise UsageError(t("cli.outcome.due_alone"))
        print_due(out, kaart, kaart.due_decisions(), args.json)
        return 0
    if not args.uid:
        if changing_day:
            raise UsageError(t("cli.outcome.look_back_needs_id"))
        print_entries(out, kaart, kaart.pending_decisions(), args.json, "cli.journal.outcome.none")
        return 0
    entry = kaart.resolve(args.uid)
    if entry.kind != "decision":
        raise KaartError(t("cli.journal.outcome.not_a_decision", uid=entry.short_uid))
    text = from_arguments(args.text).strip()
    if changing_day:
        entry = kaart.set_look_back(entry.uid, args.look_back)
        if not text:
            if args.json:
                out.json(entry.to_json())
            else:
                out.line(_look_back_line(entry, kaart.language))
            return 0
    if not text:
        raise UsageError(t("cli.journal.outcome.empty"))
    entry = kaart.set_outcome(entry.uid, text)
    if args.json:
        out.json(entry.to_json())
    else:
        out.line(t("cli.journal.outcome.saved", uid=entry.short_uid))
    return 0


def _look_back_line(entry, lang: str) -> str:
    from tui.dates import format_date

    if entry.look_back is None:
        return t("cli.outcome.look_back_none", uid=entry.short_uid)
    return t("cli.outcome.look_back_set", uid=entry.short_uid,
             when=format_date(entry.look_back, lang))


def print_due(out, kaart, decisions, as_json: bool) -> None:
    """The decisions whose day has come: each with its card and its reflection."""
    from tui.commands.render import decision_lines

    if as_json:
        out.json([entry.to_json() for entry in decisions])
        return
    if not decisions:
        out.line(t("cli.outcome.none_due"))
        return
    out.line(t("cli.outcome.due_heading", count=len(decisions)))
    for entry in decisions:
        out.line()
        out.lines(decision_lines(entry, kaart.language))
