"""Help: every key, and what each screen is for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from tui.i18n import t
from tui.screens.base import KaartScreen
from tui.widgets.header import KaartHeader


class HelpScreen(KaartScreen):
    TITLE_KEY = "app.help.title"
    BINDINGS = [Binding("escape", "back", "app.key.back")]

    def __init__(self, sections: list[tuple[str, list[Binding]]], *,
                 values: dict[str, dict[str, object]] | None = None) -> None:
        super().__init__()
        self.sections = sections  # (screen name key, its bindings), from the app
        self.values = values or {}  # what a screen's text counts (the review's questions)

    def compose(self) -> ComposeResult:
        yield KaartHeader()
        with VerticalScroll(id="help-body"):
            yield Static(Content(t("app.help.intro")), classes="help-intro")
            yield Static(Content(t("app.help.everywhere")), classes="section-title")
            yield Static(self._keys(type(self.app).BINDINGS), classes="help-keys")
            for name, keys in self.sections:
                yield Static(Content(t(f"app.help.screen.{name}")), classes="section-title")
                yield Static(Content(t(f"app.help.about.{name}", **self.values.get(name, {}))),
                             classes="help-about")
                if keys:
                    yield Static(self._keys(keys), classes="help-keys")
            yield Static(Content(t("app.help.mouse")), classes="help-about")
        yield Footer(compact=True)

    def _keys(self, bindings: list) -> Content:
        lines = []
        for binding in bindings:
            if not isinstance(binding, Binding) or not binding.description.startswith("app."):
                continue
            keys = ", ".join(self.app.get_key_display(Binding(key.strip(), ""))
                             for key in binding.key.split(","))
            lines.append(Content.assemble((f"{keys:>12}", "bold $text-accent"), "  ",
                                          t(binding.description)))
        return Content("\n").join(lines)

    def action_back(self) -> None:
        self.dismiss(None)
