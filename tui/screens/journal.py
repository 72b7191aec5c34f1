"""The journal: every entry, newest first, under a heading per month, loaded as it comes into view.

The list knows how many entries there are, so ``End`` is the oldest entry at
once and the scrollbar is the whole journal's; ``g`` jumps to a date or a
month; ``s`` stars or unstars an entry and the filter can show only starred
ones.
"""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Footer, Select, Static

from tui.dates import month_heading, parse_month_or_date, to_local
from tui.i18n import get_language, t
from tui.screens.base import KaartScreen
from tui.vocabulary import ENTRY_KINDS
from tui.widgets.entry_list import PAGE, EntryList
from tui.widgets.entry_row import render_entry_row, row_of
from tui.widgets.header import KaartHeader
from tui.widgets.plain_input import PlainInput

ANY = "*"
STARRED = "starred"


class JournalScreen(KaartScreen):
    """``n`` writes, ``enter`` reads, ``e`` edits, ``s`` stars, ``delete`` to the trash, ``t`` opens it."""

    TITLE_KEY = "app.journal.title"
    BINDINGS = [
        Binding("w", "write", "app.key.write_journal"),  # w writes a journal entry everywhere
        Binding("e", "edit", "app.key.edit"),
        Binding("delete,x", "delete", "app.key.delete", key_display="del"),
        # not in the footer (80 columns): the jump field says "g:", the filter offers the
        # starred entries; help and the palette list all three
        Binding("s", "star", "app.key.star", show=False),
        Binding("g", "jump", "app.key.jump_date", show=False),
        Binding("c", "open_card", "app.key.open_card", show=False),
        Binding("t", "trash", "app.key.trash", show=False),
        Binding("escape", "back", "app.key.back"),
    ]

    def __init__(self) -> None:
        super().__init__(id="journal")
        self.kind = ANY
        self.total = 0
        self.loaded = False
        self._deleted: str | None = None  # the last entry deleted here, until the next reload

    def compose(self) -> ComposeResult:
        yield KaartHeader()
        with Horizontal(classes="filters"):
            options = [(Content(t("app.entry_kind." + kind)), kind) for kind in ENTRY_KINDS]
            options.append((Content(t("app.journal.starred")), STARRED))
            yield Select(options, prompt=t("app.filter.all_entries"), id="kind", compact=True,
                         value=Select.NULL if self.kind == ANY else self.kind)
            # g selects what was typed last, so the next date replaces it
            yield PlainInput(placeholder=t("app.journal.jump_placeholder"), id="jump",
                             select_on_focus=True,
                             compact=True)
            yield Static(Content(""), id="journal-count", classes="hint")
        yield EntryList(id="timeline", empty_text=t("app.journal.empty"),
                        render_row=render_entry_row)
        yield Footer(compact=True)

    @property
    def timeline(self) -> EntryList:
        return self.query_one("#timeline", EntryList)

    def _filters(self) -> dict:
        if self.kind == STARRED:
            return {"kind": None, "starred": True}
        return {"kind": None if self.kind == ANY else self.kind, "starred": False}

    def reload(self, select: str | None = None) -> None:
        """The list again from the top; with ``select`` (or after a delete here), the cursor on
        that entry, if it is in the list: after undo, the restored entry."""
        select = select or self._deleted
        self._deleted = None
        self._load(select=select)

    def restored(self, uid: str) -> None:
        """An entry came back from the trash (undo): show it, with the cursor on it."""
        self.reload(select=uid)

    def on_screen_resume(self) -> None:
        if self.loaded:
            self._load(keep=self.timeline.current_key)

    @work(exclusive=True, group="page", exit_on_error=False)
    async def _load(self, keep: str | None = None, cursor: int | None = None,
                    select: str | None = None) -> None:
        """The first page, the length and the month headings, in one call.

        ``keep``: stay on that entry (or where the cursor was); ``select``: the page around
        that entry, with the cursor on it (else on the newest).
        """
        filters = self._filters()
        position = self.timeline.cursor if keep is not None else 0

        def job(core):
            total = core.count(filters["kind"], starred=filters["starred"])
            first = max(0, min(position, total - 1) - PAGE // 2) if keep else 0
            chosen = core.entry(select) if select else None
            if chosen is not None and not chosen.deleted:
                day = to_local(chosen.created).date()
                first = max(0, core.newer_than(day, **filters) - PAGE // 2)
            return (total, first, core.recent(PAGE, offset=first, **filters),
                    core.month_counts(**filters))

        total, first, entries, months = await self.call(job)
        self.total = total
        self.loaded = True
        self._show_count()
        timeline = self.timeline
        headings, index = [], 0
        for month, count in months:
            headings.append((index, Content(month_heading(month, get_language()))))
            index += count
        rows = [row_of(entry, library=self.library_if_loaded) for entry in entries]
        timeline.set_rows([], total=total, headings=headings)
        timeline.put_rows(first, rows)
        target = position if cursor is None else cursor
        if keep is not None:
            found = timeline.index_of(keep)
            target = found if found is not None else min(position, total - 1)
        elif select is not None:
            found = timeline.index_of(select)
            target = found if found is not None else 0
        timeline.go_to(target)
        timeline.focus()

    def _show_count(self) -> None:
        self.query_one("#journal-count", Static).update(
            Content(t("app.journal.count", count=self.total)))

    @on(EntryList.NeedRows, "#timeline")
    def _need_rows(self, event: EntryList.NeedRows) -> None:
        self._fetch(event.offset, event.count)

    @work(group="rows", exit_on_error=False)
    async def _fetch(self, offset: int, count: int) -> None:
        filters = self._filters()
        entries = await self.call(lambda core: core.recent(count, offset=offset, **filters))
        library = self.library_if_loaded
        self.timeline.put_rows(offset, [row_of(entry, library=library) for entry in entries])

    @on(Select.Changed, "#kind")
    def _kind(self, event: Select.Changed) -> None:
        value = ANY if event.value is Select.NULL else str(event.value)
        if value != self.kind:
            self.kind = value
            self._load()

    # -- jumping to a date or a month ---------------------------------------------------------
    def action_jump(self) -> None:
        self.query_one("#jump", PlainInput).focus()

    @on(PlainInput.Submitted, "#jump")
    def _jump_to(self, event: PlainInput.Submitted) -> None:
        if not event.value.strip():
            return  # Enter on an empty field: nothing asked, nothing to say
        try:
            day = parse_month_or_date(event.value, today=self.core.today())
        except ValueError:
            # a typing slip, not a failure: a mild word, and the text stays to be corrected
            self.app.notify(t("app.journal.bad_jump", text=event.value.strip()),
                            title=t("app.journal.bad_jump_title"), severity="warning",
                            markup=False, timeout=8)
            return
        self._go_to_day(day)

    @work(exclusive=True, group="jump", exit_on_error=False)
    async def _go_to_day(self, day: date) -> None:
        filters = self._filters()
        position = await self.call(lambda core: core.newer_than(day, **filters))
        self.timeline.go_to(position, top=True)  # the month's heading at the top of the list
        self.timeline.focus()

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

    def action_star(self) -> None:
        uid = self.timeline.current_key
        if uid is not None:
            self._star(uid)

    @work(exclusive=True, group="star", exit_on_error=False)
    async def _star(self, uid: str) -> None:
        def job(core):
            entry = core.entry(uid)
            return core.set_starred(uid, not entry.starred) if entry else None

        entry = await self.call(job)
        if entry is not None:
            self.timeline.replace_row(uid, row_of(entry, library=self.library_if_loaded))
            self.show_info(t("app.entry.starred" if entry.starred else "app.entry.unstarred"),
                           timeout=2)

    def action_delete(self) -> None:
        uid = self.timeline.current_key
        if uid is not None:
            self._delete(uid)

    @work(exclusive=True, group="delete", exit_on_error=False)
    async def _delete(self, uid: str) -> None:
        await self.call(lambda core: core.delete(uid))
        self._deleted = uid
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
