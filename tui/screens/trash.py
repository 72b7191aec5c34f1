"""The trash: deleted entries, to restore one or to empty it for good."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Footer, Static

from tui.i18n import t
from tui.screens.base import KaartScreen
from tui.widgets.entry_list import EntryList
from tui.widgets.entry_row import render_entry_row, row_of
from tui.widgets.header import KaartHeader


class TrashList(EntryList):
    """The trash's list: Enter restores the entry, and the footer says so."""

    BINDINGS = [Binding("enter", "select", "app.key.restore")]


class TrashScreen(KaartScreen):
    """``r`` restores the highlighted entry; emptying the trash asks first."""

    TITLE_KEY = "app.trash.title"
    BINDINGS = [
        Binding("r", "restore", "app.key.restore", show=False),  # Enter says it
        Binding("E", "empty", "app.key.empty_trash", key_display="shift+e"),
        Binding("escape", "back", "app.key.back"),
    ]

    def compose(self) -> ComposeResult:
        yield KaartHeader()
        with Horizontal(classes="filters"):
            yield Static(Content(t("app.trash.about")), classes="hint", id="trash-about")
            yield Button(Content(t("app.trash.empty")), id="empty", action="screen.empty",
                         variant="error", compact=True)
        yield TrashList(id="trash", empty_text=t("app.trash.nothing"), render_row=render_entry_row)
        yield Footer(compact=True)

    def reload(self) -> None:
        self._load()

    @work(exclusive=True, group="load", exit_on_error=False)
    async def _load(self) -> None:
        entries = await self.call(lambda core: core.trash())
        listing = self.query_one("#trash", EntryList)
        library = self.library_if_loaded
        listing.set_rows([row_of(entry, library=library) for entry in entries])
        listing.focus()

    @on(EntryList.Selected, "#trash")
    def _selected(self) -> None:
        self.action_restore()

    def action_restore(self) -> None:
        uid = self.query_one("#trash", EntryList).current_key
        if uid is not None:
            self._restore(uid)

    @work(exclusive=True, group="change", exit_on_error=False)
    async def _restore(self, uid: str) -> None:
        await self.call(lambda core: core.restore_from_trash(uid))
        self.query_one("#trash", EntryList).remove_row(uid)
        self.app.refresh_bindings()
        self.show_info(t("app.trash.restored"))

    def action_empty(self) -> None:
        if not self.query_one("#trash", EntryList).rows:
            return
        self._empty()

    @work(exclusive=True, group="change", exit_on_error=False)
    async def _empty(self) -> None:
        count = len(self.query_one("#trash", EntryList).rows)
        sure = await self.app.confirm(
            t("app.trash.empty_question", count=count), detail=t("app.trash.empty_detail"),
            yes=t("app.trash.empty"), no=t("app.no"), danger=True)
        if not sure:
            return
        removed = await self.call(lambda core: core.empty_trash())
        self.app.refresh_bindings()
        self.show_info(t("app.trash.emptied", count=removed))
        self._load()

    def action_back(self) -> None:
        self.dismiss(None)
