"""Decks: every deck (bundled and own, with its languages), filters, and decks with problems."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, OptionList, Select, Static
from textual.widgets.option_list import Option

from tui.decks.model import KINDS
from tui.i18n import catalog, get_language, t
from tui.screens.base import KaartScreen
from tui.widgets.header import KaartHeader
from tui.widgets.plain import plain, plain_line

ALL = "*"


def language_names(codes: list[str]) -> str:
    """``["en", "nl"]`` -> "Nederlands, Engels" in Dutch (the user's language first)."""
    current = get_language()
    ordered = sorted(codes, key=lambda code: (code != current, code))
    return ", ".join(t(f"language.{code}") if f"language.{code}" in catalog(current) else code
                     for code in ordered)


class DecksScreen(KaartScreen):
    """Browse the decks; ``enter`` opens one to flip through, ``s`` opens it shuffled."""

    TITLE_KEY = "app.decks.title"
    BINDINGS = [
        Binding("enter", "open", "app.key.open_deck", show=False),
        Binding("s", "open(True)", "app.key.shuffle"),
        Binding("escape", "back", "app.key.back"),
    ]

    def __init__(self) -> None:
        super().__init__(id="decks")
        self.kind = ALL
        self.tag = ALL
        self.moment = ALL

    def compose(self) -> ComposeResult:
        library = self.core.library
        yield KaartHeader()
        with Horizontal(id="deck-filters", classes="filters"):
            yield Select([(Content(t("kind." + kind)), kind) for kind in KINDS],
                         prompt=t("app.filter.all_kinds"), value=self._value(self.kind),
                         id="kind", allow_blank=True, compact=True)
            yield Select(self._tag_options(),
                         prompt=t("app.filter.all_tags"), value=self._value(self.tag),
                         id="tag", allow_blank=True, compact=True)
            yield Select([(plain_line(library.moment_label(moment)), moment)
                          for moment in library.moments],
                         prompt=t("app.filter.all_moments"), value=self._value(self.moment),
                         id="moment", allow_blank=True, compact=True)
        with Horizontal(id="decks-area"):
            yield OptionList(id="deck-list", markup=False)
            with VerticalScroll(id="deck-detail"):
                yield Static(Content(""), id="deck-about")
                yield Static(Content(""), id="deck-problems")
        yield Footer(compact=True)

    @staticmethod
    def _value(value: str):
        return Select.NULL if value == ALL else value

    def reload(self) -> None:
        self._fill()

    def _filters(self) -> dict:
        return {"kind": None if self.kind == ALL else self.kind,
                "tag": None if self.tag == ALL else self.tag,
                "moment": None if self.moment == ALL else self.moment}

    def _fill(self) -> None:
        library = self.core.library
        filters = self._filters()
        options: list[Option] = []
        everything = library.cards(**filters)
        options.append(Option(Content.assemble(
            (t("app.decks.all_decks"), "bold"), "\n",
            (t("app.decks.count", count=len(everything)), "$text-muted")), id=ALL))
        for deck in library.decks:
            count = len(library.cards(deck=deck.id, **filters))
            if not count:
                continue
            languages = language_names(library.languages(deck.id))
            meta = "  ".join([t("app.decks.count", count=count), languages,
                              t("deck.source." + deck.source)])
            options.append(Option(Content.assemble(plain_line(deck.title, "bold"), "\n",
                                                   (meta, "$text-muted")), id=deck.id))
        deck_list = self.query_one("#deck-list", OptionList)
        deck_list.set_options(options)
        deck_list.highlighted = 0
        deck_list.focus()
        self._show_problems()
        self._describe(ALL)

    def _show_problems(self) -> None:
        broken = self.core.library.broken
        widget = self.query_one("#deck-problems", Static)
        if not broken:
            widget.update(Content(""))
            widget.display = False
            return
        lines = [Content.styled(t("app.decks.problems", count=len(broken)), "bold $text-error")]
        for item in broken:  # each problem names its file (and line) itself
            lines.extend(plain(str(problem), "$text-warning") for problem in item.problems)
        widget.update(Content("\n").join(lines))
        widget.display = True

    def _describe(self, deck_id: str) -> None:
        library = self.core.library
        about = self.query_one("#deck-about", Static)
        if deck_id == ALL:
            about.update(Content(t("app.decks.all_about")))
            return
        deck = library.get(deck_id)
        if deck is None:
            about.update(Content(""))
            return
        parts = [plain(deck.title, "bold"), plain(deck.description)]
        if deck.video:
            parts.append(Content.assemble((t("app.decks.video") + " ", "$text-muted"),
                                          plain_line(deck.video)))
        if deck.path is not None:
            parts.append(plain_line(str(deck.path), "$text-muted"))
        about.update(Content("\n\n").join(parts))

    def _tag_options(self) -> list[tuple[Content, str]]:
        """Only the tags of cards the other filters leave: a tag never leads to nothing."""
        cards = self.core.library.cards(kind=None if self.kind == ALL else self.kind,
                                        moment=None if self.moment == ALL else self.moment)
        tags = sorted({tag for card in cards for tag in card.tags})
        return [(plain_line("#" + tag), tag) for tag in tags]

    @on(Select.Changed)
    def _filter(self, event: Select.Changed) -> None:
        value = ALL if event.value is Select.NULL else str(event.value)
        if event.select.id in ("kind", "tag", "moment") and getattr(self, event.select.id) != value:
            setattr(self, event.select.id, value)
            if event.select.id != "tag":
                options = self._tag_options()
                tags = self.query_one("#tag", Select)
                with tags.prevent(Select.Changed):
                    tags.set_options(options)
                    if self.tag != ALL and self.tag in {tag for _label, tag in options}:
                        tags.value = self.tag
                    else:
                        self.tag = ALL
            self._fill()

    @on(OptionList.OptionHighlighted, "#deck-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._describe(event.option.id or ALL)

    @on(OptionList.OptionSelected, "#deck-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id or ALL, shuffle=False)

    def action_open(self, shuffle: bool = False) -> None:
        deck_list = self.query_one("#deck-list", OptionList)
        if deck_list.highlighted is None:
            return
        option = deck_list.get_option_at_index(deck_list.highlighted)
        self._open(option.id or ALL, shuffle=shuffle)

    def _open(self, deck_id: str, *, shuffle: bool) -> None:
        from tui.drawing import shuffled

        library = self.core.library
        deck = None if deck_id == ALL else library.get(deck_id)
        cards = library.cards(deck=deck.id if deck else None, **self._filters())
        if not cards:
            return
        if shuffle:
            cards = shuffled(cards, self.core.rng.random())
        heading = deck.title if deck else t("app.decks.all_decks")
        self.app.open_card(cards, heading=heading)

    def action_back(self) -> None:
        self.dismiss(None)
