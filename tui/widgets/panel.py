"""A scrolling panel that is no tab stop of its own: focus goes straight to what is in it."""

from __future__ import annotations

from textual.containers import VerticalScroll


class Panel(VerticalScroll, can_focus=False):
    """For forms and pages of widgets: ``Tab`` never stops on the (invisible) container."""
