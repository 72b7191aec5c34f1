"""Closing a form that holds text: save it, keep it as a draft, or throw it away.

Each choice says what it does, so the dialog never contradicts itself. It
dismisses with ``"save"``, ``"keep"``, ``"discard"``, or ``None`` (go on
writing).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from tui.i18n import t
from tui.screens.base import KaartModal


class CloseDialog(KaartModal[str | None]):
    BINDINGS = [
        Binding("escape", "choose('')", "app.key.keep_writing"),
        Binding("s", "choose('save')", "app.key.save", show=False),
        Binding("k", "choose('keep')", "app.key.keep_draft", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Static(Content(t("app.close.question")), classes="dialog-question")
            yield Static(Content(t("app.close.detail")), classes="dialog-detail")
            with Horizontal(classes="dialog-buttons many"):
                yield Button(Content(t("app.close.save")), id="save", variant="primary")
                yield Button(Content(t("app.close.keep")), id="keep")
                yield Button(Content(t("app.close.discard")), id="discard", variant="error")
                yield Button(Content(t("app.close.back")), id="back")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose("" if event.button.id == "back" else event.button.id or "")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
