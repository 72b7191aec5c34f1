"""One card at a time: flip it, go to the previous or next, shuffle, jump; the notes on it beside it."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Static

from tui.decks.model import Card
from tui.drawing import shuffled
from tui.i18n import t
from tui.screens.base import KaartScreen
from tui.widgets.card_view import CardView, card_meta
from tui.widgets.header import KaartHeader
from tui.widgets.notes_panel import NotesPanel


class CardScreen(KaartScreen):
    """Flip through ``cards`` starting at ``index``; ``n`` writes a note on the card shown."""

    TITLE_KEY = "app.card.title"
    BINDINGS = [
        Binding("space,f", "flip", "app.key.flip", key_display="space"),
        Binding("n", "write", "app.key.write_note"),
        Binding("left", "step(-1)", "app.key.previous", key_display="←"),
        Binding("right", "step(1)", "app.key.next", key_display="→"),
        Binding("g", "jump", "app.key.jump"),
        Binding("s", "shuffle", "app.key.shuffle"),
        Binding("escape", "back", "app.key.back"),
    ]

    def __init__(self, cards: list[Card], index: int = 0, *, heading: str = "") -> None:
        super().__init__(id="card-screen")
        self.cards = list(cards)
        self.index = max(0, min(index, len(self.cards) - 1))
        self.heading = heading
        self.flipped = False
        self.notes: list = []

    @property
    def card(self) -> Card | None:
        return self.cards[self.index] if self.cards else None

    def compose(self) -> ComposeResult:
        yield KaartHeader()
        with Horizontal(id="card-area"):
            with Vertical(id="card-box"):
                yield Static(Content(""), id="card-position", classes="section-title")
                yield CardView(id="card", placeholder=t("app.card.none"))
                with Horizontal(id="card-buttons"):
                    for action, label in (("step(-1)", "app.card.previous"),
                                          ("flip", "app.card.flip"),
                                          ("step(1)", "app.card.next"),
                                          ("shuffle", "app.card.shuffle"),
                                          ("write", "app.card.write")):
                        yield Button(Content(t(label)), compact=True, classes="card-button",
                                     name=action)
            with Vertical(id="notes-box"):
                yield Static(Content(t("app.card.notes")), id="notes-title", classes="section-title")
                yield NotesPanel(id="notes")
        yield Footer(compact=True)

    def reload(self) -> None:
        self._show_card()

    def on_screen_resume(self) -> None:
        self._load_notes()

    def _show_card(self) -> None:
        card = self.card
        view = self.query_one("#card", CardView)
        library = self.core.library
        deck = library.get(card.deck) if card else None
        view.show(card, deck_title=deck.title if deck else "",
                  meta=card_meta(card, library) if card else "", flipped=self.flipped)
        position = ""
        if len(self.cards) > 1:
            position = t("app.card.position", number=self.index + 1, total=len(self.cards))
        heading = f"{self.heading} · {position}" if self.heading and position else (
            self.heading or position)
        self.query_one("#card-position", Static).update(Content(heading))
        self._load_notes()

    @work(exclusive=True, group="notes", exit_on_error=False)
    async def _load_notes(self) -> None:
        card = self.card
        if card is None:
            self.query_one("#notes", NotesPanel).set_notes([])
            return
        history = await self.call(lambda core: core.card_history(card.deck, card.id))
        if card is not self.card:
            return
        self.notes = list(reversed(history))
        self.query_one("#notes-title", Static).update(
            Content(t("app.card.notes_count", count=len(self.notes))))
        self.query_one("#notes", NotesPanel).set_notes(self.notes)

    # -- actions ---------------------------------------------------------------------------
    @on(CardView.Flipped)
    def _flipped(self, event: CardView.Flipped) -> None:
        self.flipped = event.flipped

    def action_flip(self) -> None:
        self.query_one("#card", CardView).action_flip()

    def action_step(self, step: int) -> None:
        if len(self.cards) > 1:
            self.index = (self.index + step) % len(self.cards)
            self.flipped = False
            self._show_card()

    def action_shuffle(self) -> None:
        if len(self.cards) > 1:
            current = self.card
            self.cards = shuffled(self.cards, self.core.rng.random())
            if self.cards[0] is current:
                self.cards.append(self.cards.pop(0))
            self.index = 0
            self.flipped = False
            self._show_card()
            self.show_info(t("app.card.shuffled"), timeout=2)

    def action_write(self) -> None:
        if self.card is not None:
            self.app.write_note(self.card)

    def action_jump(self) -> None:
        if len(self.cards) > 1:
            self._jump()

    @work(exclusive=True, group="jump", exit_on_error=False)
    async def _jump(self) -> None:
        index = await self.app.pick_card(self.cards, self.index)
        if index is not None:
            self.index = index
            self.flipped = False
            self._show_card()

    def action_back(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, ".card-button")
    async def _button(self, event: Button.Pressed) -> None:
        await self.run_action(event.button.name or "")

    @on(NotesPanel.Opened)
    def _open_note(self, event: NotesPanel.Opened) -> None:
        self.app.open_entry(event.uid)
