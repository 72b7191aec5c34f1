"""The command palette in the user's language.

Textual's palette holds its placeholder and its "No matches found" line in
English; this one takes both from the catalog. The commands come from
``KaartApp.get_system_commands``: every Kaart action, with a description.
Textual's own provider matches a command's name only, so "thema" or
"backup" found nothing in Dutch and "Dutch" nothing in English:
:class:`KaartCommands` also finds a command by the words of its
description, by a few synonyms (``app.synonyms.<action>``, in both
languages), and by its name in the other language.
"""

from __future__ import annotations

import unicodedata

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, Hit, Hits
from textual.content import Content
from textual.system_commands import SystemCommandsProvider
from textual.widgets.option_list import Option

from tui.i18n import LANGUAGES, catalog, get_language, t
from tui.widgets.plain import translate_bindings

WORD_SCORE = 0.35  # a hit on a description or synonym ranks below a good hit on a name


def _fold(text: str) -> str:
    """Lower case without accents or hyphens: "Back-up" and "backup", "Vóór" and "voor"."""
    text = unicodedata.normalize("NFKD", text.casefold()).replace("-", "")
    return "".join(char for char in text if not unicodedata.combining(char))


def _words(text: str) -> list[str]:
    return "".join(char if char.isalnum() else " " for char in _fold(text)).split()


def command_words(title: str, help_text: str) -> list[str]:
    """What a command is found by besides its name: the words of its description, the
    synonyms of the action(s) it names, and those actions' names in the other languages."""
    language = get_language()
    actions = [key.removeprefix("app.key.") for key, value in catalog(language).items()
               if key.startswith("app.key.") and value == title]
    texts = [help_text]
    for action in actions:
        for lang in LANGUAGES:
            messages = catalog(lang)
            texts.append(str(messages.get(f"app.synonyms.{action}", "")))
            if lang != language:
                texts.append(str(messages.get(f"app.key.{action}", "")))
    return [word for text in texts for word in _words(text)]


def words_match(query: str, words: list[str]) -> bool:
    """Every word of ``query`` starts a word among ``words``."""
    wanted = _words(query)
    return bool(wanted) and all(any(word.startswith(part) for word in words) for part in wanted)


class KaartCommands(SystemCommandsProvider):
    """Kaart's actions, found by name (fuzzy, as Textual does), description or synonym."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)
            elif words_match(query, command_words(title, help_text or "")):
                yield Hit(WORD_SCORE, Content(title), callback, text=title, help=help_text)


class KaartPalette(CommandPalette):
    def __init__(self) -> None:
        super().__init__(providers=[KaartCommands], placeholder=t("app.palette.placeholder"),
                         id="--command-palette")
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
