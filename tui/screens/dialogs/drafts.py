"""Kept drafts, offered back: at start (text from last time) or when a form is opened again.

Dismisses with the :class:`~tui.journal.model.Draft` to go on with; with
``offer_new``, ``None`` means "start a new one" and ``False`` "cancel";
otherwise ``None`` means "later". Discarding asks nothing: the draft is
only text that was never saved, and the list shows what it is.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.drafts import KINDS, DraftContext
from tui.dates import format_datetime
from tui.i18n import get_language, t
from tui.screens.base import KaartModal
from tui.widgets.plain import plain_line

CARD_TEXT = 60  # characters of a card's text beside its draft


class DraftsDialog(KaartModal[object]):
    BINDINGS = [
        Binding("enter", "restore", "app.key.restore", show=False),
        Binding("delete,x", "discard", "app.key.discard", key_display="del"),
        Binding("escape", "later", "app.key.later"),
    ]

    def __init__(self, drafts: list, *, offer_new: bool = False) -> None:
        super().__init__(classes="dialog")
        self.drafts = {str(draft.id): draft for draft in drafts}
        self.offer_new = offer_new

    def compose(self) -> ComposeResult:
        key = "app.drafts.again" if self.offer_new else "app.drafts.title"
        with Vertical(classes="dialog-box wide"):
            yield Static(Content(t(key)), classes="dialog-question")
            yield Static(Content(t("app.drafts.about_again" if self.offer_new
                                   else "app.drafts.about")), classes="dialog-detail")
            yield OptionList(*self._options(), id="drafts", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(t("app.drafts.restore")), id="restore", variant="primary")
                if self.offer_new:
                    yield Button(Content(t("app.drafts.new")), id="new")
                yield Button(Content(t("app.drafts.discard")), id="discard", variant="error")
                yield Button(Content(t("app.drafts.cancel" if self.offer_new
                                       else "app.drafts.later")), id="later")

    def _options(self) -> list[Option]:
        lang = get_language()
        options = []
        for key, draft in self.drafts.items():
            context = DraftContext.parse(draft.context)
            label = t(f"app.drafts.kind.{context.kind}") if context.kind in KINDS else draft.context
            options.append(Option(Content.assemble(
                (label, "bold $text-accent"), "  ",
                (format_datetime(draft.saved, lang, short=True), "$text-muted"), "  ",
                self._card_of(context), "\n",
                plain_line(draft.preview[:200])), id=key))
        return options

    def _card_of(self, context: DraftContext) -> Content:
        """The card a draft is written on, by its words (shortened) and its deck's title."""
        key = context.card_key
        library = self.library_if_loaded
        if key is None or library is None:
            return Content("")
        card, deck = library.card(*key), library.get(key[0])
        if card is None or deck is None:
            return Content("")
        text = " ".join(card.text.split())
        text = text if len(text) <= CARD_TEXT else text[:CARD_TEXT - 1].rstrip() + "…"
        return Content.assemble(plain_line(text, "italic"), " ",
                                plain_line(f"({deck.title})", "$text-muted"))

    def on_mount(self) -> None:
        self.query_one("#drafts", OptionList).focus()

    def _current(self):
        listing = self.query_one("#drafts", OptionList)
        if listing.highlighted is None:
            return None
        return self.drafts.get(listing.get_option_at_index(listing.highlighted).id or "")

    @on(OptionList.OptionSelected, "#drafts")
    @on(Button.Pressed, "#restore")
    def action_restore(self) -> None:
        draft = self._current()
        if draft is not None:
            self.dismiss(draft)

    @on(Button.Pressed, "#new")
    def _new(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#discard")
    def action_discard(self) -> None:
        draft = self._current()
        if draft is not None:
            self._discard(draft)

    @work(exclusive=True, group="discard", exit_on_error=False)
    async def _discard(self, draft) -> None:
        await self.call(lambda core: core.discard_draft(draft.id))
        del self.drafts[str(draft.id)]
        if not self.drafts:
            self.dismiss(None)
            return
        listing = self.query_one("#drafts", OptionList)
        listing.set_options(self._options())
        listing.highlighted = 0

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        self.dismiss(False if self.offer_new else None)
