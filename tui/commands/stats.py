"""``kaart stats``: days reflected, streaks, entries per month, the cards drawn and written on most,
notes per deck, decisions with and without their outcome, and a month day by day (``--month``)."""

from __future__ import annotations

from tui.commands import add_command, json_flag, month
from tui.i18n import t

THIS_MONTH = (0, 0)  # ``--month`` without a value: the month of today


def register(sub) -> None:
    stats = add_command(sub, "stats", "cli.journal.help.stats")
    stats.add_argument("--month", nargs="?", const=THIS_MONTH, type=month,
                       metavar=t("cli.metavar.month"), help=t("cli.stats.help.month"))
    json_flag(stats)
    stats.set_defaults(func=cmd_stats)


def cmd_stats(args, kaart, out) -> int:
    from tui.commands.render import bar_lines

    if args.month is not None:
        return _month(args, kaart, out)
    data = kaart.stats()
    if args.json:
        out.json(data)
        return 0
    from tui.summary import totals

    out.lines(totals(data))
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
    if data["notes_per_deck"]:
        out.line()
        out.line(t("cli.stats.per_deck"))
        rows = data["notes_per_deck"][:10]
        width = max(len(row["deck"]) for row in rows)
        out.lines(bar_lines([{**row, "deck": row["deck"].ljust(width)} for row in rows],
                            "deck", "count"))
    return 0


def _month(args, kaart, out) -> int:
    year, number = args.month
    if (year, number) == THIS_MONTH:
        today = kaart.today()
        year, number = today.year, today.month
    view = kaart.month_view(year, number)
    if args.json:
        out.json(view)
    else:
        out.lines(month_lines(view, kaart.language))
    return 0


def month_lines(view: dict, lang: str) -> list:
    """A small calendar, Monday first: each day that has entries marked with ``•``."""
    from datetime import date

    from tui.dates import month_name, weekday_names
    from tui.output import Bold

    days = [(date.fromisoformat(row["date"]), row["entries"]) for row in view["days"]]
    first = days[0][0]
    lines: list = [Bold(f"{month_name(first.month, lang)} {first.year}".capitalize()),
                   " ".join(f"{name:<3}" for name in weekday_names(lang)).rstrip()]
    cells = ["   "] * first.weekday()
    for day, count in days:
        cells.append(f"{day.day:>2}{'•' if count else ' '}")
    for start in range(0, len(cells), 7):
        lines.append(" ".join(cells[start:start + 7]).rstrip())
    lines.append("")
    lines.append(t("cli.stats.month_total", count=view["days_reflected"],
                   entries=t("cli.stats.entries", count=view["entries"])))
    busiest = [(day, count) for day, count in days if count]
    if busiest:
        lines.append(t("cli.stats.month_days") + " " + ", ".join(
            f"{day.day} ({count})" if count > 1 else str(day.day) for day, count in busiest))
    return lines
