"""A one-line input whose pasted text loses its terminal control characters."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tui.textclean import strip_controls


class PlainInput(Input):
    """``Input`` for titles, tags and search words; a paste is cleaned first."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # the base class would insert the raw text
        event.stop()
        super()._on_paste(events.Paste(strip_controls(event.text)))
