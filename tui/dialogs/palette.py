"""The command palette in the user's language.

Textual's palette holds its placeholder and its "No matches found" line in
English; this one takes both from the catalog. The commands come from
``KaartApp.get_system_commands``: every Kaart action, with a description.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from tui.i18n import t
from tui.widgets.plain import translate_bindings


class KaartPalette(CommandPalette):
    def __init__(self) -> None:
        super().__init__(placeholder=t("app.palette.placeholder"), id="--command-palette")
        translate_bindings(self)  # Textual's "Exit the command palette"

    # Textual offers no public way to word "No matches found" (textual 8.2): this replaces
    # the one method that adds it, and is covered by a test that types a miss.
    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_none() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(t("app.palette.none"), style="not bold")), disabled=True,
                    id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_none)
