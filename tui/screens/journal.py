"""The journal: every entry, newest first, loaded page by page as the user scrolls."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Footer, Header, Select, Static

from tui.dates import to_iso_utc
from tui.i18n import t
from tui.ui.base import KaartScreen
from tui.vocabulary import ENTRY_KINDS
from tui.widgets.entry_list import EntryList
from tui.widgets.entry_row import render_entry_row, row_of

PAGE = 200
ANY = "*"


class JournalScreen(KaartScreen):
    """``n`` writes, ``enter`` reads, ``e`` edits, ``delete`` moves to the trash, ``t`` opens it."""

    TITLE_KEY = "app.journal.title"
    BINDINGS = [
        Binding("n", "write", "app.key.write_journal"),
        Binding("e", "edit", "app.key.edit"),
        Binding("delete,x", "delete", "app.key.delete", key_display="del"),
        Binding("c", "open_card", "app.key.open_card", show=False),
        Binding("t", "trash", "app.key.trash"),
        Binding("escape", "back", "app.key.back"),
    ]

    def __init__(self) -> None:
        super().__init__(id="journal")
        self.kind = ANY
        self.last_key: tuple[str, str] | None = None  # keyset position of the last row loaded
        self.total = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Horizontal(classes="filters"):
            yield Select([(Content(t("app.entry_kind." + kind)), kind) for kind in ENTRY_KINDS],
                         prompt=t("app.filter.all_entries"), id="kind", compact=True,
                         value=Select.NULL if self.kind == ANY else self.kind)
            yield Static(Content(""), id="journal-count", classes="hint")
        yield EntryList(id="timeline", empty_text=t("app.journal.empty"),
                        render_row=render_entry_row)
        yield Footer(compact=True)

    def reload(self) -> None:
        self._first_page()

    def on_screen_resume(self) -> None:
        if self.last_key is not None:
            self._refresh()

    @work(exclusive=True, group="page", exit_on_error=False)
    async def _refresh(self) -> None:
        """Back from an entry: reload if entries came or went, else redraw the current row."""
        kind = None if self.kind == ANY else self.kind
        uid = self.timeline.current_key
        total, entry = await self.call(lambda core: (core.count(kind),
                                                     core.entry(uid) if uid else None))
        if total != self.total:
            self._first_page(keep=uid)
        elif entry is not None:
            self.timeline.replace_row(uid, row_of(entry))

    @property
    def timeline(self) -> EntryList:
        return self.query_one("#timeline", EntryList)

    @work(exclusive=True, group="page", exit_on_error=False)
    async def _first_page(self, keep: str | None = None) -> None:
        kind = None if self.kind == ANY else self.kind
        total, entries = await self.call(lambda core: (core.count(kind), core.recent(PAGE, kind=kind)))
        self.total = total
        self._show_count()
        self._remember_end(entries)
        timeline = self.timeline
        timeline.set_rows([row_of(entry) for entry in entries], more=len(entries) == PAGE)
        if keep is not None:
            index = timeline.index_of(keep)
            if index is not None:
                timeline.cursor = index
        timeline.focus()

    def _show_count(self) -> None:
        key = "app.journal.count_one" if self.total == 1 else "app.journal.count"
        self.query_one("#journal-count", Static).update(Content(t(key, count=self.total)))

    def _remember_end(self, entries: list) -> None:
        if entries:
            last = entries[-1]
            self.last_key = (to_iso_utc(last.created), last.uid)

    @on(EntryList.NeedMore, "#timeline")
    def _need_more(self) -> None:
        self._next_page()

    @work(exclusive=True, group="page", exit_on_error=False)
    async def _next_page(self) -> None:
        kind = None if self.kind == ANY else self.kind
        before = self.last_key
        entries = await self.call(lambda core: core.recent(PAGE, kind=kind, before=before))
        self._remember_end(entries)
        self.timeline.add_rows([row_of(entry) for entry in entries], more=len(entries) == PAGE)

    @on(Select.Changed, "#kind")
    def _kind(self, event: Select.Changed) -> None:
        value = ANY if event.value is Select.NULL else str(event.value)
        if value != self.kind:
            self.kind = value
            self._first_page()

    # -- actions -----------------------------------------------------------------------------
    @on(EntryList.Selected, "#timeline")
    def _open(self, event: EntryList.Selected) -> None:
        self.app.open_entry(event.key)

    def action_write(self) -> None:
        self.app.write_journal()

    def action_edit(self) -> None:
        uid = self.timeline.current_key
        if uid is not None:
            self._edit(uid)

    @work(exclusive=True, group="edit", exit_on_error=False)
    async def _edit(self, uid: str) -> None:
        entry = await self.call(lambda core: core.entry(uid))
        if entry is not None:
            self.app.edit_entry(entry)

    def action_delete(self) -> None:
        uid = self.timeline.current_key
        if uid is not None:
            self._delete(uid)

    @work(exclusive=True, group="delete", exit_on_error=False)
    async def _delete(self, uid: str) -> None:
        await self.call(lambda core: core.delete(uid))
        self.timeline.remove_row(uid)
        self.total = max(0, self.total - 1)
        self._show_count()
        self.app.refresh_bindings()
        self.show_info(t("app.entry.deleted"), timeout=8)

    def action_open_card(self) -> None:
        uid = self.timeline.current_key
        if uid is not None:
            self._open_card(uid)

    @work(exclusive=True, group="edit", exit_on_error=False)
    async def _open_card(self, uid: str) -> None:
        entry = await self.call(lambda core: core.entry(uid))
        if entry is not None and entry.card is not None:
            self.app.open_card_in_deck(entry.card.deck, entry.card.card)

    def action_trash(self) -> None:
        self.app.open_trash()

    def action_back(self) -> None:
        self.dismiss(None)
