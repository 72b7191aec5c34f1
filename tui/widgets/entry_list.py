"""A list of journal entries, two lines each, that knows its length and draws only what shows.

The list is told how many rows there are (``total``) and is given rows page by
page: when a row comes into view that is not loaded yet, it shows ``…`` and
posts :class:`EntryList.NeedRows` for that page, and the screen answers with
:meth:`EntryList.put_rows`. So ``End`` goes to the oldest of 100,000 entries
at once, and the scrollbar is the whole journal's. Optional headings (a
month's name above its first entry) take a row of their own; the cursor
skips them. Rendering is line by line (Textual's Line API), so scrolling
costs the same whatever the length.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any, NamedTuple

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

ROW_HEIGHT = 2
PAGE = 200


class Row(NamedTuple):
    """A ready-made row; any object with a ``key`` works with a ``render_row`` function."""

    key: str
    first: Content
    second: Content


def _render_ready(row: Any) -> tuple[Content, Content]:
    return row.first, row.second


class EntryList(ScrollView, can_focus=True):
    """Rows of two lines; ``enter`` or a click opens one (:class:`EntryList.Selected`)."""

    BINDINGS = [
        Binding("up", "cursor(-1)", "app.key.up", show=False),
        Binding("down", "cursor(1)", "app.key.down", show=False),
        Binding("pageup", "page(-1)", "app.key.page_up", show=False),
        Binding("pagedown", "page(1)", "app.key.page_down", show=False),
        Binding("home", "first", "app.key.first", show=False),
        Binding("end", "last", "app.key.last", show=False),
        Binding("enter", "select", "app.key.open"),
    ]

    COMPONENT_CLASSES = {"entry-list--cursor", "entry-list--empty", "entry-list--heading"}

    DEFAULT_CSS = """
    EntryList {
        height: 1fr;
        background: $surface;
        overflow-x: hidden;  /* rows are cut to the width with "…": never a sideways scrollbar */
        & > .entry-list--cursor { background: $surface; }
        &:focus > .entry-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .entry-list--empty { color: $text-muted; }
        & > .entry-list--heading { color: $text-accent; text-style: bold; }
    }
    """

    cursor: reactive[int] = reactive(-1, init=False)
    """The highlighted entry (its position among the entries, not the rows), ``-1`` when none."""

    class RowMessage(Message):
        def __init__(self, entry_list: EntryList, key: str) -> None:
            super().__init__()
            self.entry_list = entry_list
            self.key = key

        @property
        def control(self) -> EntryList:
            return self.entry_list

    class Selected(RowMessage):
        """A row was opened (enter or a click)."""

    class Highlighted(RowMessage):
        """The cursor moved to a row."""

    class NeedRows(Message):
        """Rows from ``offset`` (a page) are coming into view: load them with ``put_rows``."""

        def __init__(self, entry_list: EntryList, offset: int, count: int) -> None:
            super().__init__()
            self.entry_list = entry_list
            self.offset = offset
            self.count = count

        @property
        def control(self) -> EntryList:
            return self.entry_list

    def __init__(self, *, empty_text: str = "",
                 render_row: Callable[[Any], tuple[Content, Content]] = _render_ready,
                 grows: bool = False, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        # grows: as tall as its rows, inside a page that scrolls (one scrollbar, not two); the
        # cursor then moves the page, and a page is the page's height
        self.grows = grows
        if grows:
            self.styles.height = "auto"
        self.total = 0
        self._rows: dict[int, Any] = {}
        self._asked: set[int] = set()
        self._headings: list[tuple[int, Content]] = []  # (entry index it stands above, label)
        self._heading_index: list[int] = []  # those entry indexes, sorted
        self._heading_at: list[int] = []  # the row of each heading, sorted
        self.render_row = render_row
        self.empty_text = empty_text
        self._strips: dict[tuple, Strip] = {}
        from tui.widgets.plain import translate_bindings

        translate_bindings(self)

    # -- data ---------------------------------------------------------------------------
    def set_rows(self, rows: list[Any], *, total: int | None = None,
                 headings: list[tuple[int, Content]] | None = None, cursor: int = 0) -> None:
        """A new list: ``rows`` from the first one on, of ``total`` (default: just these)."""
        self.total = len(rows) if total is None else max(total, len(rows))
        self._rows = dict(enumerate(rows))
        self._asked = {0} if rows else set()
        self._set_headings(headings or [])
        cursor = max(0, min(cursor, self.total - 1)) if self.total else -1
        self.set_reactive(EntryList.cursor, cursor)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._resize()
        if cursor >= 0:
            self._scroll_to_cursor()
            key = self.current_key
            if key is not None:
                self.post_message(self.Highlighted(self, key))

    def put_rows(self, offset: int, rows: list[Any]) -> None:
        """Rows the screen loaded for a :class:`NeedRows`."""
        for number, row in enumerate(rows, offset):
            if number < self.total:
                self._rows[number] = row
        self._refresh_rows()
        if self.current_key is not None and offset <= self.cursor < offset + len(rows):
            self.post_message(self.Highlighted(self, self.current_key))

    @property
    def rows(self) -> list[Any]:
        """The rows loaded so far, in order (for the small lists that load everything)."""
        return [self._rows[number] for number in sorted(self._rows)]

    def _set_headings(self, headings: list[tuple[int, Content]]) -> None:
        self._headings = sorted(headings, key=lambda item: item[0])
        self._heading_index = [index for index, _label in self._headings]
        self._heading_at = [index + number for number, index in enumerate(self._heading_index)]

    def remove_row(self, key: str) -> None:
        index = self.index_of(key)
        if index is None:
            return
        rows = {n if n < index else n - 1: row for n, row in self._rows.items() if n != index}
        self._rows = rows
        self.total -= 1
        self._set_headings([(i - (1 if i > index else 0), label) for i, label in self._headings
                            if i < self.total])
        self.set_reactive(EntryList.cursor, min(self.cursor, self.total - 1))
        self._asked.clear()
        self._resize()

    def replace_row(self, key: str, row: Any) -> None:
        index = self.index_of(key)
        if index is not None:
            self._rows[index] = row
            self._refresh_rows()

    def index_of(self, key: str) -> int | None:
        for index, row in self._rows.items():
            if row.key == key:
                return index
        return None

    @property
    def current_key(self) -> str | None:
        row = self._rows.get(self.cursor)
        return row.key if row is not None else None

    # -- rows and entries -----------------------------------------------------------------
    def _row_of(self, index: int) -> int:
        """The row an entry sits on (headings take rows of their own)."""
        return index + bisect_right(self._heading_index, index)

    def _at_row(self, row: int) -> tuple[str, Any]:
        """What a row holds: ``("heading", label)``, ``("entry", index)`` or ``("end", None)``."""
        position = bisect_right(self._heading_at, row)
        if position and self._heading_at[position - 1] == row:
            return "heading", self._headings[position - 1][1]
        index = row - position
        return ("entry", index) if index < self.total else ("end", None)

    def _resize(self) -> None:
        rows = self.total + len(self._headings)
        self.virtual_size = Size(self._width, max(rows * ROW_HEIGHT, 1))
        self._refresh_rows()

    @property
    def _width(self) -> int:
        """The width rows are drawn in: the list's, less its scrollbar when it shows one, so a
        row is cut with "…" before the scrollbar, not by it."""
        return self.scrollable_content_region.width

    def _refresh_rows(self) -> None:
        self._strips.clear()
        self.refresh()

    def _need(self, index: int) -> None:
        page = index - index % PAGE
        if page not in self._asked:
            self._asked.add(page)
            self.post_message(self.NeedRows(self, page, PAGE))

    def _scroll_to_cursor(self) -> None:
        row = self._row_of(self.cursor)
        region = Region(0, row * ROW_HEIGHT, 1, ROW_HEIGHT)
        self.scroll_to_region(region, animate=False, immediate=True, force=True)
        page = self._page()
        if page is not None and self.has_focus:  # not when the rows are only loaded
            page.scroll_to_region(region.translate(self.virtual_region.offset), animate=False,
                                  immediate=True, force=True)

    def _page(self) -> Widget | None:
        """The page that scrolls this list, when it grows with its rows."""
        parent = self.parent
        return parent if self.grows and isinstance(parent, Widget) and parent.is_scrollable \
            else None

    # -- keys and mouse ---------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_rows()
        if 0 <= new < self.total:
            self._scroll_to_cursor()
            if new in self._rows:
                self.post_message(self.Highlighted(self, self._rows[new].key))
            else:
                self._need(new)

    def action_cursor(self, step: int) -> None:
        if self.total:
            self.cursor = max(0, min(self.total - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        page = self._page()
        height = page.scrollable_content_region.height if page is not None else self.size.height
        self.action_cursor(direction * max(1, height // ROW_HEIGHT - 1))

    def action_first(self) -> None:
        if self.total:
            self.cursor = 0

    def action_last(self) -> None:
        """The oldest entry, at once, however long the list."""
        if self.total:
            self.cursor = self.total - 1

    def go_to(self, index: int, *, top: bool = False) -> None:
        """The cursor on entry ``index``; with ``top``, that entry at the top of the list, or
        its month's heading when it is the month's first entry (as far as the list scrolls)."""
        if not self.total:
            return
        self.cursor = max(0, min(self.total - 1, index))
        if top:
            row = self._row_of(self.cursor)
            position = bisect_right(self._heading_index, self.cursor)
            if position and self._heading_index[position - 1] == self.cursor:
                row -= 1  # the heading above it
            self.scroll_to(y=row * ROW_HEIGHT, animate=False, immediate=True, force=True)

    def action_select(self) -> None:
        key = self.current_key
        if key is not None:
            self.post_message(self.Selected(self, key))

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("row")
        if isinstance(index, int) and index in self._rows:
            self.focus()
            self.cursor = index
            self.post_message(self.Selected(self, self._rows[index].key))

    def on_resize(self) -> None:
        self._resize()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # a new theme: redraw every row in its colours

    # -- drawing ----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self._width
        row, part = divmod(line, ROW_HEIGHT)
        what, value = self._at_row(row)
        cursor = what == "entry" and value == self.cursor
        key = (row, part, cursor, width, self.has_focus, value in self._rows
               if what == "entry" else None)
        cached = self._strips.get(key)
        if cached is not None:
            return cached
        if not self.total and line == 0:
            # focused, the empty line takes the cursor's colours: focus shows on an empty list too
            strip = self._strip(Content(" " + self.empty_text), width, "entry-list--cursor"
                                if self.has_focus else "entry-list--empty", None)
        elif what == "heading":
            content = value if part == 1 else Content("")
            strip = self._strip(Content(" ").append(content), width, "entry-list--heading", None)
        elif what == "entry" and value in self._rows:
            content = self.render_row(self._rows[value])[part]
            if cursor and self.has_focus:
                # the cursor's own colours for the whole row, so muted parts stay readable
                content = Content(content.plain)
            strip = self._strip(Content(" ").append(content), width,
                                "entry-list--cursor" if cursor else None, value)
        elif what == "entry":
            self._need(value)
            strip = self._strip(Content(" …" if part == 0 else ""), width,
                                "entry-list--cursor" if cursor else "entry-list--empty", value)
        else:
            strip = Strip.blank(width, self.rich_style)
        if len(self._strips) > 2000:
            self._strips.clear()
        self._strips[key] = strip
        return strip

    def _strip(self, content: Content, width: int, component: str | None,
               row: int | None) -> Strip:
        style = self.get_visual_style(component) if component else self.get_visual_style()
        content = content.truncate(width, ellipsis=True)
        strips = Visual.to_strips(self, content, width, 1, style)
        strip = strips[0].extend_cell_length(width, style.rich_style)
        return strip.apply_meta({"row": row}) if row is not None else strip
