"""A yes/no question over the current screen: ``ModalScreen[bool]``."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui.i18n import t
from tui.screens.base import KaartModal
from tui.widgets.plain import plain


class ConfirmDialog(KaartModal[bool]):
    """Ask ``question``; dismisses with ``True`` for yes, ``False`` for no or escape."""

    BINDINGS = [
        Binding("escape", "answer(False)", "app.key.cancel"),
        Binding("y,j", "answer(True)", "app.key.yes", show=False),
        Binding("n", "answer(False)", "app.key.no", show=False),
    ]

    def __init__(self, question: str, *, detail: str = "", yes: str = "", no: str = "",
                 danger: bool = False) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.detail = detail
        self.yes = yes or t("app.yes")
        self.no = no or t("app.no")
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(plain(self.question), classes="dialog-question")
            if self.detail:
                yield Static(plain(self.detail), classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button(plain(self.yes), id="yes",
                             variant="error" if self.danger else "primary")
                yield Button(plain(self.no), id="no")

    def on_mount(self) -> None:
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
