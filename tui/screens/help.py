"""Help: every key, and what each screen is for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from tui.i18n import t
from tui.screens.base import KaartScreen


def _screens() -> list[tuple[str, type]]:
    from tui.screens.card import CardScreen
    from tui.screens.decision import DecisionScreen
    from tui.screens.decks import DecksScreen
    from tui.screens.draw import DrawScreen
    from tui.screens.entry import EntryScreen
    from tui.screens.home import HomeScreen
    from tui.screens.journal import JournalScreen
    from tui.screens.own_cards import OwnCardsScreen
    from tui.screens.search import SearchScreen
    from tui.screens.settings import SettingsScreen
    from tui.screens.trash import TrashScreen
    from tui.screens.writing import WritingScreen

    return [("home", HomeScreen), ("decks", DecksScreen), ("card", CardScreen),
            ("draw", DrawScreen), ("decision", DecisionScreen), ("writing", WritingScreen),
            ("journal", JournalScreen), ("entry", EntryScreen), ("trash", TrashScreen),
            ("search", SearchScreen), ("own", OwnCardsScreen), ("settings", SettingsScreen)]


class HelpScreen(KaartScreen):
    TITLE_KEY = "app.help.title"
    BINDINGS = [Binding("escape", "back", "app.key.back")]

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="help-body"):
            yield Static(Content(t("app.help.intro")), classes="help-intro")
            yield Static(Content(t("app.help.everywhere")), classes="section-title")
            yield Static(self._keys(type(self.app).BINDINGS), classes="help-keys")
            for name, screen in _screens():
                yield Static(Content(t(f"app.help.screen.{name}")), classes="section-title")
                yield Static(Content(t(f"app.help.about.{name}")), classes="help-about")
                keys = [b for b in screen.BINDINGS if isinstance(b, Binding)]
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
