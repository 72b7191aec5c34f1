"""Search and review: search as you type, filters, matches highlighted, per-card history, on this day.

Every keystroke starts a new search in a worker that cancels the one
before it, after a pause short enough not to notice; typing never waits for
the journal.
"""

from __future__ import annotations

import asyncio
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Footer, Header, Input, Select, Static

from tui.dates import parse_date
from tui.i18n import t
from tui.ui.base import KaartScreen
from tui.vocabulary import ENTRY_KINDS, normalise_tag
from tui.widgets.entry_list import EntryList
from tui.widgets.entry_row import render_entry_row, row_of
from tui.widgets.plain import plain_line
from tui.widgets.plain_input import PlainInput

PAGE = 100
PAUSE = 0.08  # seconds: typing faster than this only searches once


def as_you_type(query: str) -> str:
    """The word being typed counts as a prefix: ``neighb`` finds ``neighbour``."""
    if query and query[-1].isalnum() and query.count('"') % 2 == 0:
        return query + "*"
    return query


class SearchScreen(KaartScreen):
    TITLE_KEY = "app.search.title"
    BINDINGS = [
        Binding("ctrl+o", "on_this_day", "app.key.on_this_day", priority=True),
        Binding("ctrl+l", "clear", "app.key.clear", priority=True),
        Binding("escape", "back", "app.key.back"),
    ]

    def __init__(self, *, query: str = "", deck: str = "", card: str = "") -> None:
        super().__init__(id="search")
        self.query_text = query
        self.kind = ""
        self.deck = deck
        self.card = card
        self.tag = ""
        self.date_from = ""
        self.date_to = ""
        self.on_this_day = False
        self.results_offset = 0

    def compose(self) -> ComposeResult:
        library = self.core.library
        yield Header(icon="◆")
        yield PlainInput(self.query_text, placeholder=t("app.search.placeholder"), id="query")
        with Horizontal(classes="filters"):
            yield Select([(Content(t("app.entry_kind." + kind)), kind) for kind in ENTRY_KINDS],
                         prompt=t("app.filter.all_entries"), id="kind", compact=True,
                         value=self.kind or Select.NULL)
            yield Select([(plain_line(deck.title), deck.id) for deck in library.decks],
                         prompt=t("app.filter.all_decks"), id="deck", compact=True,
                         value=self.deck or Select.NULL)
            yield Select(self._card_options(self.deck), prompt=t("app.filter.all_cards"),
                         id="card", compact=True, value=self.card or Select.NULL)
        with Horizontal(classes="filters"):
            yield PlainInput(self.tag, placeholder=t("app.search.tag"), id="tag", compact=True)
            yield PlainInput(self.date_from, placeholder=t("app.search.from"), id="from", compact=True)
            yield PlainInput(self.date_to, placeholder=t("app.search.to"), id="to", compact=True)
            yield Button(Content(t("app.search.on_this_day")), id="on-this-day", action="screen.on_this_day",
                         compact=True)
        yield Static(Content(""), id="search-status", classes="hint")
        yield EntryList(id="results", empty_text=t("app.search.nothing"),
                        render_row=render_entry_row)
        yield Footer(compact=True)

    def _card_options(self, deck_id: str) -> list[tuple[Content, str]]:
        deck = self.core.library.get(deck_id) if deck_id else None
        if deck is None:
            return []
        return [(plain_line(card.text), card.id) for card in deck.cards]

    def on_mount(self) -> None:
        self.query_one("#query", PlainInput).focus()

    def reload(self) -> None:
        self.search()

    # -- what the user changes ------------------------------------------------------------------
    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        field = {"query": "query_text", "tag": "tag", "from": "date_from", "to": "date_to"}.get(
            event.input.id or "")
        if field and getattr(self, field) != event.value:
            setattr(self, field, event.value)
            self.on_this_day = False
            self.search()

    @on(Input.Submitted, "#query")
    def _to_results(self) -> None:
        self.query_one("#results", EntryList).focus()

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        value = "" if event.value is Select.NULL else str(event.value)
        field = event.select.id or ""
        if field not in ("kind", "deck", "card") or getattr(self, field) == value:
            return
        setattr(self, field, value)
        if field == "deck":
            self.card = ""
            cards = self.query_one("#card", Select)
            cards.set_options(self._card_options(value))
        self.on_this_day = False
        self.search()

    def action_on_this_day(self) -> None:
        self.on_this_day = True
        self.search()

    def action_clear(self) -> None:
        for field in ("query", "tag", "from", "to"):
            self.query_one(f"#{field}", PlainInput).value = ""
        for field in ("kind", "deck", "card"):
            self.query_one(f"#{field}", Select).clear()
        self.query_one("#query", PlainInput).focus()

    # -- searching ------------------------------------------------------------------------------
    def _dates(self) -> tuple[date | None, date | None] | None:
        """The date filters, or ``None`` (and a message) when one cannot be read."""
        found: list[date | None] = []
        for text in (self.date_from, self.date_to):
            if not text.strip():
                found.append(None)
                continue
            try:
                found.append(parse_date(text))
            except ValueError:
                self._status(t("app.search.bad_date", text=text.strip()), error=True)
                return None
        return found[0], found[1]

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#search-status", Static)
        status.update(Content.styled(text, "$text-error" if error else ""))

    def search(self) -> None:
        self._search(0)

    @work(exclusive=True, group="search", exit_on_error=False)
    async def _search(self, offset: int) -> None:
        await asyncio.sleep(PAUSE if offset == 0 else 0)
        from tui.errors import StoreError

        dates = self._dates()
        if dates is None:
            return
        filters = {"kind": self.kind or None, "deck": self.deck or None,
                   "card": self.card or None, "tag": normalise_tag(self.tag) or None}
        if self.on_this_day:
            def job(core):
                return [(entry, None) for entry in core.on_this_day(**filters)]
        else:
            query = as_you_type(self.query_text)

            def job(core):
                hits = core.search(query, limit=PAGE, offset=offset, date_from=dates[0],
                                   date_to=dates[1], **filters)
                return [(hit.entry, hit.snippet if query.strip() else None) for hit in hits]

        try:
            found = await self.call(job)
        except StoreError as error:
            self._status(error.message, error=True)
            return
        rows = [row_of(entry, match) for entry, match in found]
        results = self.query_one("#results", EntryList)
        more = len(found) == PAGE and not self.on_this_day
        if offset == 0:
            results.set_rows(rows, more=more)
        else:
            results.add_rows(rows, more=more)
        self.results_offset = offset + len(found)
        shown = len(results.rows)
        key = "app.search.on_this_day_count" if self.on_this_day else "app.search.count"
        self._status(t(key, count=shown) + ("+" if more else ""))

    @on(EntryList.NeedMore, "#results")
    def _more(self) -> None:
        self._search(self.results_offset)

    # -- opening ------------------------------------------------------------------------------
    @on(EntryList.Selected, "#results")
    def _open(self, event: EntryList.Selected) -> None:
        self.app.open_entry(event.key)

    def action_back(self) -> None:
        self.dismiss(None)
