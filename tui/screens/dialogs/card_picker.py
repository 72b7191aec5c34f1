"""Jump to a card: a list of the cards being flipped through; dismisses with the chosen index."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.decks.model import Card
from tui.i18n import t
from tui.screens.base import KaartModal
from tui.widgets.plain import plain_line


class CardPickerDialog(KaartModal[int | None]):
    BINDINGS = [Binding("escape", "cancel", "app.key.cancel")]

    def __init__(self, cards: list[Card], current: int = 0) -> None:
        super().__init__(classes="dialog")
        self.cards = cards
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Static(Content(t("app.picker.title")), classes="dialog-question")
            options = [
                Option(Content.assemble((f"{number:>3}. ", "$text-muted"),
                                        (t("kind." + card.kind) + "  ", "$text-accent"),
                                        plain_line(card.text)), id=str(number - 1))
                for number, card in enumerate(self.cards, 1)
            ]
            yield OptionList(*options, id="picker", markup=False)

    def on_mount(self) -> None:
        picker = self.query_one("#picker", OptionList)
        picker.highlighted = self.current
        picker.focus()

    @on(OptionList.OptionSelected, "#picker")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
