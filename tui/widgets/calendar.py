"""The reflection calendar: the last months as a grid of days, shaded by entries written.

Like a contribution graph: one column per week (Monday on top), as many
weeks as fit the width (at most a year). Today is marked; a day with more
entries has a stronger colour, blended from the theme's colours so dark and
light themes both read well.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.color import Color
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from tui.dates import format_date
from tui.i18n import get_language, t

LEVELS = (0, 1, 2, 4)  # at least this many entries for shade 1..4
DAY_LABELS = {"nl": ("ma", "", "wo", "", "vr", "", "zo"), "en": ("Mo", "", "We", "", "Fr", "", "Su")}
MAX_WEEKS = 53


class ReflectionCalendar(Widget):
    """``counts`` maps local days to entries written; ``today`` is marked."""

    counts: reactive[dict[date, int]] = reactive(dict, layout=False)
    today: reactive[date | None] = reactive(None)

    def set_data(self, counts: dict[date, int], today: date) -> None:
        self.set_reactive(ReflectionCalendar.today, today)
        self.set_reactive(ReflectionCalendar.counts, dict(counts))
        self.refresh()

    @staticmethod
    def weeks_for(width: int) -> int:
        return max(4, min(MAX_WEEKS, (width - 3) // 2))

    @staticmethod
    def start_for(today: date, weeks: int) -> date:
        """The Monday of the first week shown."""
        return today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)

    def get_content_height(self, container, viewport, width: int) -> int:
        return 8

    def _shades(self) -> tuple[str, list[str]]:
        """The colour of an empty day, and of the four levels of a day with entries."""
        variables = self.app.theme_variables
        base = Color.parse(variables.get("background", "#121212"))
        text = Color.parse(variables.get("foreground", "#e0e0e0"))
        ink = Color.parse(variables.get("success", "#4ebf71"))
        empty = base.blend(text, 0.18).hex
        return empty, [base.blend(ink, share).hex for share in (0.35, 0.55, 0.78, 1.0)]

    def render(self) -> Content:
        today = self.today
        if today is None:
            return Content("")
        lang = get_language()
        weeks = self.weeks_for(self.size.width or 60)
        start = self.start_for(today, weeks)
        empty, shades = self._shades()
        # the month row: a month's short name above the week of its first Monday (so a month
        # only partly shown at the left edge gets no label that would sit over the next one)
        months = [" "] * (3 + weeks * 2)
        for week in range(weeks):
            monday = start + timedelta(weeks=week)
            if monday.day <= 7:
                label = format_date(monday, lang).split(" ")[1].rstrip(".")[:3]
                position = 3 + week * 2
                if position + len(label) <= len(months):
                    months[position:position + len(label)] = list(label)
        lines = [Content.styled("".join(months).rstrip(), "$text-muted")]
        for weekday in range(7):
            parts: list[Content | tuple[str, str] | str] = [
                (f"{DAY_LABELS.get(lang, DAY_LABELS['en'])[weekday]:<3}", "$text-muted")]
            for week in range(weeks):
                day = start + timedelta(weeks=week, days=weekday)
                if day > today:
                    parts.append("  ")
                    continue
                count = self.counts.get(day, 0)
                level = sum(1 for threshold in LEVELS if count > threshold)
                style = shades[level - 1] if level else empty
                if day == today:
                    # today stands out, and shows whether you wrote: an open diamond until the
                    # first note, then a filled one
                    char, style = ("◆" if level else "◇"), "bold $text-accent"
                else:
                    char = "■"
                parts.append((char, style))
                parts.append(" ")
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)

    def describe(self) -> str:
        """A sentence for screen readers and tests: days with entries in the period shown."""
        days = sum(1 for count in self.counts.values() if count)
        return t("app.home.calendar_summary", days=days)
