"""A one-line input whose pasted text loses its terminal control characters."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tui.textclean import strip_controls


class PlainInput(Input):
    """``Input`` for titles, tags and search words; a paste is cleaned first.

    Focus puts the cursor at the end instead of selecting the text (Textual's default):
    a key typed on arrival, or a shortcut meant for elsewhere, never replaces a kept
    decision or title.
    """

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # the base class would insert the raw text
        event.stop()
        super()._on_paste(events.Paste(strip_controls(event.text)))
