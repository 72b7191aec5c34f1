"""A list of journal entries, two lines each, that only draws the rows on screen.

The screen hands it rows page by page; when the view nears the last row it
posts :class:`EntryList.NeedMore`, and the screen fetches the next page
(keyset paging in the store). Rendering is line by line (Textual's Line
API), so scrolling costs the same with 100 rows loaded or 100,000.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

ROW_HEIGHT = 2
PREFETCH_ROWS = 60  # ask for more when the view is this close to the end


@dataclass(frozen=True, slots=True)
class Row:
    """A ready-made row; any object with a ``key`` works with a ``render_row`` function."""

    key: str
    first: Content
    second: Content


def _render_ready(row: Any) -> tuple[Content, Content]:
    return row.first, row.second


class EntryList(ScrollView, can_focus=True):
    """Rows of two lines; ``enter`` or a click opens one (:class:`EntryList.Selected`).

    Rows are small objects with a ``key``; ``render_row(row)`` gives their two
    lines when they come into view, so 100,000 loaded rows stay cheap.
    """

    BINDINGS = [
        Binding("up", "cursor(-1)", "app.key.up", show=False),
        Binding("down", "cursor(1)", "app.key.down", show=False),
        Binding("pageup", "page(-1)", "app.key.page_up", show=False),
        Binding("pagedown", "page(1)", "app.key.page_down", show=False),
        Binding("home", "first", "app.key.first", show=False),
        Binding("end", "last", "app.key.last", show=False),
        Binding("enter", "select", "app.key.open"),
    ]

    COMPONENT_CLASSES = {"entry-list--cursor", "entry-list--empty"}

    DEFAULT_CSS = """
    EntryList {
        height: 1fr;
        background: $surface;
        & > .entry-list--cursor { background: $surface; }
        &:focus > .entry-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .entry-list--empty { color: $text-muted; }
    }
    """

    cursor: reactive[int] = reactive(-1, init=False)
    """The highlighted row, ``-1`` when there are no rows."""

    @dataclass
    class RowMessage(Message):
        entry_list: EntryList
        key: str

        @property
        def control(self) -> EntryList:
            return self.entry_list

    class Selected(RowMessage):
        """A row was opened (enter or a click)."""

    class Highlighted(RowMessage):
        """The cursor moved to a row."""

    @dataclass
    class NeedMore(Message):
        """The view is near the last row and ``more`` is set: load the next page."""

        entry_list: EntryList

        @property
        def control(self) -> EntryList:
            return self.entry_list

    def __init__(self, *, empty_text: str = "",
                 render_row: Callable[[Any], tuple[Content, Content]] = _render_ready,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[Any] = []
        self.render_row = render_row
        self.more = False
        self.empty_text = empty_text
        self._asked = False
        self._strips: dict[tuple, Strip] = {}
        from tui.widgets.plain import translate_bindings

        translate_bindings(self)

    # -- data ---------------------------------------------------------------------------
    def set_rows(self, rows: list[Any], *, more: bool = False) -> None:
        """Replace every row (a new query); the cursor goes to the top."""
        self.rows = list(rows)
        self.more = more
        self._asked = False
        self.set_reactive(EntryList.cursor, 0 if self.rows else -1)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._resize()
        if self.rows:
            self.post_message(self.Highlighted(self, self.rows[0].key))

    def add_rows(self, rows: list[Any], *, more: bool) -> None:
        """Append the next page."""
        self.rows.extend(rows)
        self.more = more
        self._asked = False
        if self.cursor < 0 and self.rows:
            self.set_reactive(EntryList.cursor, 0)
        self._resize()

    def remove_row(self, key: str) -> None:
        index = self.index_of(key)
        if index is None:
            return
        del self.rows[index]
        self.set_reactive(EntryList.cursor, min(self.cursor, len(self.rows) - 1))
        self._resize()

    def replace_row(self, key: str, row: Any) -> None:
        index = self.index_of(key)
        if index is not None:
            self.rows[index] = row
            self._refresh_rows()

    def index_of(self, key: str) -> int | None:
        for index, row in enumerate(self.rows):
            if row.key == key:
                return index
        return None

    @property
    def current_key(self) -> str | None:
        return self.rows[self.cursor].key if 0 <= self.cursor < len(self.rows) else None

    def _resize(self) -> None:
        lines = len(self.rows) * ROW_HEIGHT + (1 if self.more else 0)
        self.virtual_size = Size(self.scrollable_content_region.width, max(lines, 1))
        self._refresh_rows()

    def _refresh_rows(self) -> None:
        self._strips.clear()
        self.refresh()

    def _maybe_need_more(self) -> None:
        if not self.more or self._asked:
            return
        last_visible_row = (self.scroll_offset.y + self.size.height) // ROW_HEIGHT
        if len(self.rows) - max(last_visible_row, self.cursor) <= PREFETCH_ROWS:
            self._asked = True
            self.post_message(self.NeedMore(self))

    # -- keys and mouse ---------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_rows()
        if 0 <= new < len(self.rows):
            self.scroll_to_region(Region(0, new * ROW_HEIGHT, 1, ROW_HEIGHT), animate=False,
                                  immediate=True, force=True)
            self.post_message(self.Highlighted(self, self.rows[new].key))
        self._maybe_need_more()

    def action_cursor(self, step: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.size.height // ROW_HEIGHT - 1))

    def action_first(self) -> None:
        if self.rows:
            self.cursor = 0

    def action_last(self) -> None:
        if self.rows:
            self.cursor = len(self.rows) - 1

    def action_select(self) -> None:
        key = self.current_key
        if key is not None:
            self.post_message(self.Selected(self, key))

    def on_click(self, event: events.Click) -> None:
        row = event.style.meta.get("row")
        if isinstance(row, int) and 0 <= row < len(self.rows):
            self.focus()
            self.cursor = row
            self.post_message(self.Selected(self, self.rows[row].key))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._maybe_need_more()

    def on_resize(self) -> None:
        self._resize()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # a new theme: redraw every row in its colours

    # -- drawing ----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.size.width
        index, part = divmod(line, ROW_HEIGHT)
        cursor = index == self.cursor
        key = (index, part, cursor, width, self.has_focus)
        cached = self._strips.get(key)
        if cached is not None:
            return cached
        if not self.rows and line == 0:
            strip = self._strip(Content(self.empty_text), width, "entry-list--empty", None)
        elif index < len(self.rows):
            content = self.render_row(self.rows[index])[part]
            strip = self._strip(Content(" ").append(content), width,
                                "entry-list--cursor" if cursor else None, index)
        elif self.more and index == len(self.rows) and part == 0:
            strip = self._strip(Content(" …"), width, "entry-list--empty", None)
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
