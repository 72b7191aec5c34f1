"""A line with a label in front of a text whose wrapped lines stay under the text (a hanging indent).

``  01-12-2026  card of the day  Which conversation of today still``
``                               bothers you?``
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static


class HangingRow(Horizontal):
    """``label`` as wide as it is, ``text`` in the rest of the line, wrapping under itself."""

    DEFAULT_CSS = """
    HangingRow { height: auto; }
    HangingRow > .hanging-label { width: auto; height: auto; }
    HangingRow > .hanging-text { width: 1fr; height: auto; }
    """

    def __init__(self, label: Content, text: Content, *, classes: str | None = None) -> None:
        super().__init__(Static(label, classes="hanging-label"),
                         Static(text, classes="hanging-text"), classes=classes)
