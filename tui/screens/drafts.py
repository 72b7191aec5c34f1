"""Drafts found at start: text that was being written when the app last closed, offered back."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from tui.dates import format_datetime
from tui.i18n import get_language, t
from tui.screens.base import KaartModal
from tui.widgets.plain import plain_line


class DraftsScreen(KaartModal[None]):
    """``enter`` opens the highlighted draft in its editor; ``delete`` discards it."""

    BINDINGS = [
        Binding("enter", "restore", "app.key.restore", show=False),
        Binding("delete,x", "discard", "app.key.discard", key_display="del"),
        Binding("escape", "later", "app.key.later"),
    ]

    def __init__(self, drafts: list) -> None:
        super().__init__(classes="dialog")
        self.drafts = {context: text for context, text, _saved in drafts}
        self.saved = {context: saved for context, _text, saved in drafts}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Static(Content(t("app.drafts.title")), classes="dialog-question")
            yield Static(Content(t("app.drafts.about")), classes="dialog-detail")
            yield OptionList(*self._options(), id="drafts", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(t("app.drafts.restore")), id="restore", variant="primary")
                yield Button(Content(t("app.drafts.discard")), id="discard", variant="error")
                yield Button(Content(t("app.drafts.later")), id="later")

    def _options(self) -> list[Option]:
        lang = get_language()
        options = []
        for context, text in self.drafts.items():
            kind = context.split(":", 1)[0]
            label = t(f"app.drafts.kind.{kind}") if kind in DRAFT_KINDS else context
            options.append(Option(Content.assemble(
                (label, "bold $text-accent"), "  ",
                (format_datetime(self.saved[context], lang), "$text-muted"), "\n",
                plain_line(text[:200])), id=context))
        return options

    def on_mount(self) -> None:
        self.query_one("#drafts", OptionList).focus()

    def _current(self) -> str | None:
        listing = self.query_one("#drafts", OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    @on(OptionList.OptionSelected, "#drafts")
    @on(Button.Pressed, "#restore")
    def action_restore(self) -> None:
        context = self._current()
        if context is not None:
            self._restore(context, self.drafts[context])

    @work(exclusive=True, group="restore", exit_on_error=False)
    async def _restore(self, context: str, text: str) -> None:
        screen = await self._editor_for(context, text)
        self.dismiss(None)
        self.app.push_screen(screen)

    async def _editor_for(self, context: str, text: str) -> Screen:
        from tui.screens.editor import EditorScreen

        kind, _, rest = context.partition(":")
        library = self.session.library
        if kind in ("note", "worksheet"):
            deck_id, _, card_id = rest.partition("/")
            card = library.card(deck_id, card_id)
            if card is not None:
                return EditorScreen.for_card(card, text=text, from_draft=True,
                                             draft_context=context)
        elif kind == "entry":
            entry = await self.db(lambda store: store.get_entry(rest))
            if entry is not None:
                editor = EditorScreen.edit(entry, text=text)
                return editor
        elif kind == "decision":
            from tui.screens.decision import DecisionScreen

            return DecisionScreen(draft=text)
        elif kind == "outcome":
            from tui.screens.outcome import OutcomeScreen

            return OutcomeScreen(rest, draft=text)
        # the card or entry is gone, or the context is unknown: keep the text as a journal entry
        return EditorScreen(kind="journal", draft_context=context, text=text, from_draft=True)

    @on(Button.Pressed, "#discard")
    def action_discard(self) -> None:
        context = self._current()
        if context is None:
            return
        self.session.db(lambda store: store.discard_draft(context))
        del self.drafts[context]
        if not self.drafts:
            self.dismiss(None)
            return
        listing = self.query_one("#drafts", OptionList)
        listing.set_options(self._options())
        listing.highlighted = 0

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        self.dismiss(None)


DRAFT_KINDS = ("note", "worksheet", "journal", "entry", "decision", "outcome")
