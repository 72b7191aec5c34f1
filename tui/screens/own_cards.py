"""Own cards: the cards in the user's own decks, to write new ones, edit or delete them."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.i18n import t
from tui.screens.base import KaartScreen
from tui.widgets.header import KaartHeader
from tui.widgets.plain import plain_line


class OwnCardsScreen(KaartScreen):
    """``n`` writes a new card; ``e`` or ``enter`` edits; ``delete`` removes (after asking)."""

    TITLE_KEY = "app.own.title"
    BINDINGS = [
        Binding("n", "new", "app.key.new_card"),
        Binding("e", "edit", "app.key.edit"),
        Binding("delete,x", "delete", "app.key.delete", key_display="del"),
        Binding("escape", "back", "app.key.back"),
    ]

    def compose(self) -> ComposeResult:
        yield KaartHeader()
        yield Static(Content(t("app.own.about")), classes="hint", id="own-about")
        yield OptionList(id="own-list", markup=False)
        yield Footer(compact=True)

    def reload(self, highlight: str | None = None) -> None:
        library = self.core.library
        options = []
        for card in self.core.own_cards():
            deck = library.get(card.deck)
            options.append(Option(Content.assemble(
                (t("kind." + card.kind), "bold $text-accent"), "  ",
                plain_line(card.text), "\n",
                plain_line(deck.title if deck else card.deck, "$text-muted")),
                id=card.ref))
        listing = self.query_one("#own-list", OptionList)
        listing.set_options(options)
        if not options:
            listing.add_option(Option(Content(t("app.own.none")), disabled=True))
        elif highlight is not None:
            ids = [option.id for option in options]
            listing.highlighted = ids.index(highlight) if highlight in ids else 0
        else:
            listing.highlighted = 0
        listing.focus()

    def _current(self):
        listing = self.query_one("#own-list", OptionList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        if not option.id:
            return None
        deck_id, _, card_id = option.id.partition("/")
        return self.core.library.card(deck_id, card_id)

    def action_new(self) -> None:
        self.app.open_own_card_form(None, self._after)

    def action_edit(self) -> None:
        card = self._current()
        if card is not None:
            self.app.open_own_card_form(card, self._after)

    @on(OptionList.OptionSelected, "#own-list")
    def _selected(self) -> None:
        self.action_edit()

    def _after(self, saved: object) -> None:
        if saved:
            self.reload(highlight=getattr(saved, "ref", None))

    def action_delete(self) -> None:
        card = self._current()
        if card is not None:
            self._delete(card)

    @work(exclusive=True, group="delete", exit_on_error=False)
    async def _delete(self, card) -> None:
        sure = await self.app.confirm(t("app.own.delete_question"), detail=card.text,
                                      yes=t("app.entry.delete"), no=t("app.no"), danger=True)
        if not sure:
            return
        await self.call(lambda core: core.delete_own_card(card.deck, card.id))
        self.show_info(t("app.own.deleted"))
        self.reload()

    def action_back(self) -> None:
        self.dismiss(None)
