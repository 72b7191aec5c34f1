"""Pick one of a few options from a list (an earlier version, ...): dismisses with its index."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.screens.base import KaartModal


class ChoiceDialog(KaartModal[int | None]):
    BINDINGS = [Binding("escape", "cancel", "app.key.cancel")]

    def __init__(self, question: str, options: list[Content]) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Static(Content(self.question), classes="dialog-question")
            yield OptionList(*[Option(content, id=str(number))
                               for number, content in enumerate(self.options)],
                             id="choices", markup=False)

    def on_mount(self) -> None:
        self.query_one("#choices", OptionList).focus()

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
