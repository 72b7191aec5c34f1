"""The top line of every screen: ◆ (a click opens the actions), "Kaart — <screen>".

It looks like Textual's ``Header`` but is not one: that header updates its
title from a watcher that queries its own children, and when a screen is
opened and closed again before that watcher ran (two keys typed quickly,
``m`` then ``t``), the query fails and the app stops. This one only renders
what the screen says; a new sub-title refreshes it. Its tooltip is ours, so
it is in the user's language.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget

from tui.i18n import t


class _Icon(Widget):
    DEFAULT_CSS = """
    _Icon { dock: left; padding: 0 1; width: 8; content-align: left middle; }
    _Icon:hover { background: $foreground 10%; }
    """

    def on_mount(self) -> None:
        self.tooltip = t("app.header.actions")

    def render(self) -> Content:
        return Content("◆")

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.run_action("app.command_palette")


class _Title(Widget):
    DEFAULT_CSS = """
    _Title { text-wrap: nowrap; text-overflow: ellipsis; content-align: center middle;
             width: 100%; }
    """

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return app.format_title(title, sub_title)


class _Space(Widget):
    DEFAULT_CSS = "_Space { dock: right; width: 10; padding: 0 1; }"

    def render(self) -> Content:
        return Content("")


class KaartHeader(Widget):
    """The screen's header."""

    DEFAULT_CSS = """
    KaartHeader { dock: top; width: 100%; background: $panel; color: $foreground; height: 1; }
    """

    def compose(self) -> ComposeResult:
        yield _Icon()
        yield _Title()
        yield _Space()

    def on_mount(self) -> None:
        self.watch(self.screen, "sub_title", self._retitle, init=False)
        self.watch(self.screen, "title", self._retitle, init=False)

    def _retitle(self, _value: object = None) -> None:
        for child in self.children:  # never a query: this may run while the screen goes
            child.refresh()
