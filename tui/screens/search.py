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
from textual.widgets import Button, Footer, Input, Select, Static

from tui.dates import parse_date, to_local
from tui.i18n import t
from tui.screens.base import KaartScreen
from tui.vocabulary import ENTRY_KINDS, normalise_tag
from tui.widgets.entry_list import EntryList
from tui.widgets.entry_row import render_entry_row, row_of
from tui.widgets.header import KaartHeader
from tui.widgets.plain import plain_line
from tui.widgets.plain_input import PlainInput

PAGE = 200
PAUSE = 0.08  # seconds: typing faster than this only searches once


def shorten(text: str, width: int) -> str:
    """One line of at most ``width`` characters, ending in "…" when cut (a select stays one line)."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[:width - 1] + "…"


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
        self.search_args = None  # (query, filters) of the results shown

    def compose(self) -> ComposeResult:
        library = self.core.library
        yield KaartHeader()
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
        return [(plain_line(shorten(card.text, 48)), card.id) for card in deck.cards]

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
        self._search()

    def _filters(self) -> dict:
        return {"kind": self.kind or None, "deck": self.deck or None, "card": self.card or None,
                "tag": normalise_tag(self.tag) or None}

    @work(exclusive=True, group="search", exit_on_error=False)
    async def _search(self) -> None:
        """The first page of results and how many there are; the rest loads as it shows."""
        await asyncio.sleep(PAUSE)
        from tui.errors import StoreError

        dates = self._dates()
        if dates is None:
            return
        filters = self._filters()
        results = self.query_one("#results", EntryList)
        if self.on_this_day:
            try:
                found = await self.call(lambda core: core.on_this_day(**filters))
            except StoreError as error:
                self._status(error.message, error=True)
                return
            headings, year = [], None
            for index, entry in enumerate(found):  # grouped by year, newest first
                if to_local(entry.created).year != year:
                    year = to_local(entry.created).year
                    headings.append((index, Content(str(year))))
            library = self.library_if_loaded
            results.set_rows([row_of(entry, library=library) for entry in found],
                             headings=headings)
            # no hits: the list says so itself, once
            self._status(t("app.search.on_this_day_count", count=len(found)) if found else "")
            return
        query = as_you_type(self.query_text)
        self.search_args = (query, {**filters, "date_from": dates[0], "date_to": dates[1]})

        def job(core):
            hits = core.search(query, limit=PAGE, offset=0, **self.search_args[1])
            total = len(hits) if len(hits) < PAGE else core.search_count(query,
                                                                         **self.search_args[1])
            return total, hits

        try:
            total, hits = await self.call(job)
        except StoreError as error:
            self._status(error.message, error=True)
            return
        results.set_rows([row_of(hit.entry, hit.snippet if query.strip() else None,
                                 library=self.library_if_loaded)
                          for hit in hits], total=total)
        self._status(t("app.search.count", count=total) if total else "")

    @on(EntryList.NeedRows, "#results")
    def _more(self, event: EntryList.NeedRows) -> None:
        if not self.on_this_day and self.search_args is not None:
            self._fetch(event.offset, event.count, self.search_args)

    @work(group="rows", exit_on_error=False)
    async def _fetch(self, offset: int, count: int, search_args) -> None:
        query, filters = search_args
        hits = await self.call(lambda core: core.search(query, limit=count, offset=offset,
                                                       **filters))
        if search_args is self.search_args:  # not a page of an older search
            self.query_one("#results", EntryList).put_rows(
                offset, [row_of(hit.entry, hit.snippet if query.strip() else None,
                                library=self.library_if_loaded)
                         for hit in hits])

    # -- opening ------------------------------------------------------------------------------
    @on(EntryList.Selected, "#results")
    def _open(self, event: EntryList.Selected) -> None:
        self.app.open_entry(event.key)

    def action_back(self) -> None:
        self.dismiss(None)
