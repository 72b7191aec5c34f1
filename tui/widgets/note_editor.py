"""The text area notes are written in: plain text, control characters stripped on paste."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from tui.textclean import strip_controls
from tui.widgets.plain import plain


class NoteEditor(TextArea):
    """A soft-wrapping text area for notes; a paste loses its terminal control characters."""

    def __init__(self, text: str = "", *, placeholder: str = "", id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(strip_controls(text), soft_wrap=True, tab_behavior="focus",
                         show_line_numbers=False, highlight_cursor_line=False,
                         placeholder=plain(placeholder), id=id, classes=classes)

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # the base class would insert the raw text
        event.stop()
        await super()._on_paste(events.Paste(strip_controls(event.text)))
