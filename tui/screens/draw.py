"""Draw a card: from all decks, one deck, a kind or a moment, without replacement.

The store keeps the bag per set of filters, so a pool is drawn empty before a
card repeats, across sessions. Drawing again is allowed, and recorded too.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Select, Static

from tui.decks.model import KINDS, Card
from tui.i18n import t
from tui.screens.base import KaartScreen
from tui.widgets.card_view import CardView, card_history_line, card_meta
from tui.widgets.draw_source import ALL, DrawSource
from tui.widgets.header import KaartHeader

ANY_KIND = "*"


class DrawScreen(KaartScreen):
    """Shows a freshly drawn card; ``d`` or ``r`` draws again, ``n`` writes about it."""

    TITLE_KEY = "app.draw.title"
    BINDINGS = [
        Binding("d,r", "draw", "app.key.redraw", key_display="r"),
        Binding("space,f", "flip", "app.key.flip", key_display="space"),
        Binding("n", "write", "app.key.write_note"),
        Binding("c", "open_card", "app.key.open_card"),
        Binding("escape", "back", "app.key.back"),
    ]

    def __init__(self) -> None:
        super().__init__(id="draw")
        self.card: Card | None = None
        self.draws = 0

    def compose(self) -> ComposeResult:
        yield KaartHeader()
        with Horizontal(classes="filters", id="draw-filters"):
            yield DrawSource(self.core.library, value=self.source_value, id="source")
            yield Select([(Content(t("kind." + kind)), kind) for kind in KINDS],
                         prompt=t("app.filter.all_kinds"), id="kind", compact=True,
                         value=Select.NULL if self.kind_value == ANY_KIND else self.kind_value)
        with Vertical(id="draw-card-box"):
            yield CardView(id="drawn", placeholder=t("app.draw.none"))
            yield Static(Content(""), id="drawn-history", classes="card-history")
        with Horizontal(classes="form-buttons", id="draw-buttons"):
            yield Button(Content(t("app.draw.again")), id="again", action="screen.draw",
                         compact=True)
            yield Button(Content(t("app.card.flip")), id="flip", action="screen.flip",
                         compact=True)
            yield Button(Content(t("app.card.write")), id="write", action="screen.write",
                         compact=True)
            yield Button(Content(t("app.draw.open")), id="open", action="screen.open_card",
                         compact=True)
        yield Footer(compact=True)

    @property
    def source_value(self) -> str:
        return self.app.choices.get("draw.source", ALL)

    @property
    def kind_value(self) -> str:
        return self.app.choices.get("draw.kind", ANY_KIND)

    def on_mount(self) -> None:
        self.query_one("#drawn", CardView).focus()

    def reload(self) -> None:
        if self.card is None:
            self.action_draw()
        else:
            self._show()

    def filters(self) -> dict[str, str]:
        filters = DrawSource.to_filters(self.source_value)
        if self.kind_value != ANY_KIND:
            filters["kind"] = self.kind_value
        return filters

    # Choosing where to draw from does not draw (every draw is kept in the journal and shows
    # in the review): the card makes way for "draw from this choice", and the next key
    # (r, d, enter or space) draws.
    @on(Select.Changed, "#source")
    def _source(self, event: Select.Changed) -> None:
        if event.value != self.source_value:
            self.app.choices["draw.source"] = str(event.value)
            self._chosen()

    @on(Select.Changed, "#kind")
    def _kind(self, event: Select.Changed) -> None:
        value = ANY_KIND if event.value is Select.NULL else str(event.value)
        if value != self.kind_value:
            self.app.choices["draw.kind"] = value
            self._chosen()

    def _chosen(self) -> None:
        self.card = None
        view = self.query_one("#drawn", CardView)
        view.placeholder = t("app.draw.chosen")
        view.show(None)
        self.query_one("#drawn-history", Static).update(Content(""))
        self.query_one("#again", Button).focus()

    def action_draw(self) -> None:
        self._draw()

    @work(exclusive=True, group="draw", exit_on_error=False)
    async def _draw(self) -> None:
        card = await self.draw_card("random", self.filters())
        if card is None:
            return
        self.card = card
        self.draws += 1
        self._show()
        self.query_one("#drawn", CardView).focus()  # space flips it, whatever was chosen
        self._history(card)

    def on_screen_resume(self) -> None:
        if self.card is not None:  # back from writing on it: the line counts the new note
            self._history(self.card)

    @work(exclusive=True, group="history", exit_on_error=False)
    async def _history(self, card: Card) -> None:
        history = await self.call(lambda core: core.card_history(card.deck, card.id))
        if card is self.card:
            self.query_one("#drawn-history", Static).update(card_history_line(history))

    def _show(self) -> None:
        card = self.card
        library = self.core.library
        deck = library.get(card.deck) if card else None
        self.query_one("#drawn", CardView).show(card, deck_title=deck.title if deck else "",
                                                meta=card_meta(card, library) if card else "")

    def action_flip(self) -> None:
        if self.card is None:
            self.action_draw()  # space on "draw from this choice" draws
        else:
            self.query_one("#drawn", CardView).action_flip()

    def action_write(self) -> None:
        if self.card is not None:
            self.app.write_note(self.card)

    def action_open_card(self) -> None:
        if self.card is not None:
            self.app.open_card_in_deck(self.card.deck, self.card.id)

    def action_back(self) -> None:
        self.dismiss(None)

