"""Statistics: how often you reflected, what you drew and wrote on most, decisions and their
outcome, the notes per deck, and one month day by day (``alt+←`` ``alt+→`` for another).

What ``kaart stats`` prints, for the app: the numbers come from the core in one go on the
journal thread; cards and decks are named by their words and titles, never by their ids.
"""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from tui.dates import month_name, weekday_names
from tui.i18n import get_language, t
from tui.screens.base import KaartScreen
from tui.widgets.header import KaartHeader
from tui.widgets.plain import plain_line

BAR = 28  # the longest bar, in columns
TOP = 5  # cards drawn or written on most


class StatsScreen(KaartScreen):
    """The numbers of your journal."""

    TITLE_KEY = "app.stats.title"
    BINDINGS = [
        Binding("alt+left", "month(-1)", "app.key.earlier_month", key_display="alt+←"),
        Binding("alt+right", "month(1)", "app.key.later_month", key_display="alt+→"),
        Binding("escape", "back", "app.key.back"),
    ]

    def __init__(self) -> None:
        super().__init__(id="stats")
        self.month: tuple[int, int] | None = None  # (year, month) shown; None: this month

    def compose(self) -> ComposeResult:
        yield KaartHeader()
        with VerticalScroll(id="stats-body"):  # a tab stop: the arrows, PageDown and End scroll
            yield Static(Content(t("app.loading")), id="stats-summary")
            yield Static(Content(""), id="stats-month-title", classes="section-title")
            yield Static(Content(""), id="stats-month")
            yield Static(Content(""), id="stats-lists")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#stats-body").focus()

    def reload(self) -> None:
        self._load()

    @work(exclusive=True, group="stats", exit_on_error=False)
    async def _load(self) -> None:
        wanted = self.month

        def gather(core):
            today = core.today()
            year, month = wanted or (today.year, today.month)
            return core.stats(), core.month_view(year, month), today

        data, view, today = await self.call(gather)
        if self.month is None:
            self.month = (today.year, today.month)
        lang = get_language()
        self.query_one("#stats-summary", Static).update(summary(data))
        first = date.fromisoformat(view["days"][0]["date"])
        self.query_one("#stats-month-title", Static).update(Content(
            f"{month_name(first.month, lang)} {first.year}".capitalize()))
        self.query_one("#stats-month", Static).update(month_grid(view, lang, today))
        self.query_one("#stats-lists", Static).update(lists(data, self.core.library, lang))

    def action_month(self, step: int) -> None:
        year, month = self.month or (self.core.today().year, self.core.today().month)
        month += step
        year, month = (year - 1, 12) if month < 1 else (year + 1, 1) if month > 12 else (year,
                                                                                        month)
        self.month = (year, month)
        self._load()

    def action_back(self) -> None:
        self.dismiss(None)


def summary(data: dict) -> Content:
    """The totals: entries by kind, days reflected, streaks, draws, decisions."""
    from tui.summary import totals

    lines = totals(data, app=True)
    return Content("\n").join(Content(line) for line in lines)


def month_grid(view: dict, lang: str, today: date) -> Content:
    """The month, Monday first: a day with entries in the accent colour with its count."""
    days = [(date.fromisoformat(row["date"]), row["entries"]) for row in view["days"]]
    header = Content.styled("  ".join(f"{name:>3}" for name in weekday_names(lang)),
                            "$text-muted")
    rows: list[Content] = [header]
    cells: list[Content] = [Content("   ")] * days[0][0].weekday()
    for day, count in days:
        style = "bold $text-accent" if count else "$text-muted"
        if day == today:
            style += " underline"
        cells.append(Content.styled(f"{day.day:>3}", style))
    for start in range(0, len(cells), 7):
        rows.append(Content("  ").join(cells[start:start + 7]))
    rows.append(Content(""))
    rows.append(Content(t("cli.stats.month_total", count=view["days_reflected"],
                          entries=t("cli.stats.entries", count=view["entries"]))))
    return Content("\n").join(rows)


def _bar(value: int, widest: int) -> str:
    return "█" * max(1, round(BAR * value / widest)) if value else ""


def _card_name(library, deck: str, card: str) -> Content:
    found = library.card(deck, card) if library is not None else None
    found_deck = library.get(deck) if library is not None else None
    title = found_deck.title if found_deck is not None else t("app.stats.deck_gone")
    text = " ".join(found.text.split()) if found is not None else t("app.stats.card_gone")
    if len(text) > 70:
        text = text[:69] + "…"
    return Content.assemble(plain_line(text), (" (", "$text-muted"),
                            plain_line(title, "$text-muted"), (")", "$text-muted"))


def lists(data: dict, library, lang: str) -> Content:
    """Entries per month, the cards drawn and written on most, and notes per deck."""
    parts: list[Content] = []
    months = data["entries_per_month"][-12:]
    if months:
        parts.append(Content.styled(t("cli.journal.stats.per_month"), "bold $text-accent"))
        widest = max(row["entries"] for row in months) or 1
        for row in months:
            year, number = (int(part) for part in row["month"].split("-"))
            label = f"{month_name(number, lang)[:3]} {year}"
            parts.append(Content.assemble(f"  {label:<9} ", (_bar(row["entries"], widest),
                                                             "$accent"), f" {row['entries']}"))
        parts.append(Content(""))
    for key in ("most_drawn", "most_written"):
        rows = data[key][:TOP]
        if rows:
            parts.append(Content.styled(t(f"cli.journal.stats.{key}"), "bold $text-accent"))
            parts += [Content.assemble(f"  {row['count']:>4}×  ",
                                       _card_name(library, row["deck"], row["card"]))
                      for row in rows]
            parts.append(Content(""))
    rows = data["notes_per_deck"][:10]
    if rows:
        parts.append(Content.styled(t("cli.stats.per_deck"), "bold $text-accent"))
        widest = max(row["count"] for row in rows) or 1
        for row in rows:
            deck = library.get(row["deck"]) if library is not None else None
            title = deck.title if deck is not None else t("app.stats.deck_gone")
            parts.append(Content.assemble("  ", (_bar(row["count"], widest), "$accent"),
                                          f" {row['count']}  ", plain_line(title)))
    if not parts:
        return Content.styled(t("app.stats.nothing"), "italic $text-muted")
    return Content("\n").join(parts)
