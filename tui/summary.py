"""The totals of ``kaart stats``, as lines of plain text: the plain command prints them, the
app's statistics screen shows them, so both say the same in the same words."""

from __future__ import annotations

from tui.i18n import t


def streak_line(streak: int, longest: int) -> str:
    """``Streak: 3 days in a row (longest: 5 days)``; no ``Streak: 0 days`` ever."""
    if streak:
        return t("cli.journal.stats.streak", count=streak,
                 longest=t("cli.journal.stats.longest", count=longest))
    if longest:
        return t("cli.journal.stats.no_streak",
                 longest=t("cli.journal.stats.longest", count=longest))
    return t("cli.journal.stats.never_streak")


def totals(data: dict, *, app: bool = False) -> list[str]:
    """Entries by kind, days reflected, the streak, draws, decisions (``Kaart.stats()``);
    ``app``: for the app's screen, which names no plain command."""
    kinds = data["by_kind"]
    lines = [t("cli.journal.stats.entries", count=data["entries"], journal=kinds["journal"],
               note=kinds["note"], decision=kinds["decision"])]
    if kinds.get("review"):
        lines.append(t("cli.stats.reviews", count=kinds["review"]))
    lines.append(t("cli.journal.stats.days", count=data["days_reflected"]))
    lines.append(streak_line(data["streak"], data["longest_streak"]))
    lines.append(t("cli.journal.stats.draws", count=data["draws"]))
    decisions = data["decisions"]
    if decisions["total"]:
        lines.append(t("cli.stats.decisions", count=decisions["total"],
                       done=decisions["with_outcome"], open=decisions["without_outcome"]))
    if not app and data["pending_decisions"]:
        lines.append(t("cli.journal.stats.pending", count=data["pending_decisions"]))
    if decisions["due"]:
        lines.append(t("app.stats.due" if app else "cli.stats.due", count=decisions["due"]))
    return lines
