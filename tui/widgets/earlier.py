"""What you wrote before, quoted above a note that says how it changed ("from your past").

Read-only: a quoted block with its date, the title and the first part of the
text (a long entry is cut, and what still does not fit scrolls, so the form below
it keeps its room).
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.dates import format_date
from tui.i18n import get_language, t
from tui.widgets.plain import plain, plain_line

LIMIT = 400  # characters of the earlier text shown (a long entry is cut with …)


def earlier_text(entry, lang: str | None = None) -> Content:
    """``You wrote on 14 Nov 2026:``, then the entry's title and text (plain, never markup)."""
    lang = lang or get_language()
    body = (entry.body or "").strip()
    if len(body) > LIMIT:
        body = body[:LIMIT].rstrip() + " …"
    parts = [Content.styled(t("app.editor.earlier", when=format_date(entry.created, lang)),
                            "$text-muted")]
    if entry.title:
        parts.append(plain_line(entry.title, "bold"))
    if body:
        parts.append(plain(body, "italic"))
    return Content("\n").join(parts)


class EarlierText(VerticalScroll, can_focus=True):
    """The earlier entry a new note answers, quoted: at most a third of the form, and what
    does not fit scrolls (tab to it, then the arrows or the mouse wheel)."""

    DEFAULT_CSS = """
    EarlierText {
        height: auto;
        max-height: 30%;
        margin: 1 0 0 0;
        padding: 0 1;
        border-left: outer $secondary;
        color: $text;
        scrollbar-size-vertical: 1;
        &:focus { border-left: outer $accent; background-tint: $foreground 6%; }
        & > Static { height: auto; }
    }
    """

    def __init__(self, entry, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entry = entry

    def compose(self):
        yield Static(earlier_text(self.entry), classes="earlier-text")

    @property
    def text(self) -> str:
        """What is quoted, as plain text."""
        return earlier_text(self.entry).plain
