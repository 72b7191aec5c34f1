"""``kaart stats``: days reflected, streaks, entries per month, the cards drawn and written on most."""

from __future__ import annotations

from tui.commands import add_command, json_flag
from tui.i18n import t


def register(sub) -> None:
    stats = add_command(sub, "stats", "cli.journal.help.stats")
    json_flag(stats)
    stats.set_defaults(func=cmd_stats)


def cmd_stats(args, kaart, out) -> int:
    from tui.commands.render import bar_lines

    data = kaart.stats()
    if args.json:
        out.json(data)
        return 0
    kinds = data["by_kind"]
    out.line(t("cli.journal.stats.entries", count=data["entries"], journal=kinds["journal"],
               note=kinds["note"], decision=kinds["decision"]))
    out.line(t("cli.journal.stats.days", count=data["days_reflected"]))
    out.line(t("cli.journal.stats.streak", count=data["streak"], longest=data["longest_streak"]))
    out.line(t("cli.journal.stats.draws", count=data["draws"]))
    if data["pending_decisions"]:
        out.line(t("cli.journal.stats.pending", count=data["pending_decisions"]))
    months = data["entries_per_month"][-12:]
    if months:
        out.line()
        out.line(t("cli.journal.stats.per_month"))
        out.lines(bar_lines(months, "month", "entries"))
    for key in ("most_drawn", "most_written"):
        rows = data[key]
        if rows:
            out.line()
            out.line(t(f"cli.journal.stats.{key}"))
            out.lines(f"  {row['count']:>4}×  {row['deck']}/{row['card']}" for row in rows[:5])
    return 0
