"""Write or edit an own card: kind, text, back (or a worksheet's prompts), tags and moments."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Footer, Input, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from tui.decks.model import KINDS, Card
from tui.i18n import t
from tui.owncards import OWN_DECK_ID, own_decks
from tui.screens.base import KaartScreen
from tui.vocabulary import parse_tags
from tui.widgets.header import KaartHeader
from tui.widgets.note_editor import NoteEditor
from tui.widgets.panel import Panel
from tui.widgets.plain import plain_line
from tui.widgets.plain_input import PlainInput


class OwnCardFormScreen(KaartScreen):
    """Dismisses with the saved card, or ``None``."""

    TITLE_KEY = "app.own.form_title"
    BINDINGS = [
        Binding("ctrl+s", "save", "app.key.save", priority=True),
        Binding("escape", "cancel", "app.key.cancel", priority=True),
    ]

    def __init__(self, card: Card | None = None) -> None:
        super().__init__(id="own-card-form")
        self.card = card
        self.kind = card.kind if card else "think"
        self.deck_id = card.deck if card else OWN_DECK_ID
        self.values = {
            "text": card.text if card else "",
            "back": card.back if card else "",
            "prompts": "\n".join(card.prompts) if card else "",
            "tags": " ".join(card.tags) if card else "",
        }
        self.moments = list(card.moments) if card else []
        self.dirty = False

    def compose(self) -> ComposeResult:
        library = self.core.library
        decks = [(plain_line(deck.title), deck.id) for deck in own_decks(library)]
        if OWN_DECK_ID not in {deck_id for _title, deck_id in decks}:
            decks.insert(0, (Content(t("app.own.deck_title")), OWN_DECK_ID))
        yield KaartHeader()
        with Panel(id="own-form", classes="form"):
            heading = t("app.own.editing") if self.card else t("app.own.new")
            yield Static(Content(heading), classes="section-title")
            with Horizontal(classes="filters"):
                yield Select([(Content(t("kind." + kind)), kind) for kind in KINDS],
                             value=self.kind, allow_blank=False, id="kind")
                yield Select(decks, value=self.deck_id, allow_blank=False, id="deck",
                             disabled=self.card is not None)
            yield Static(Content(t("app.own.text")), classes="field-label")
            yield NoteEditor(self.values["text"], id="text", classes="short")
            yield Static(Content(t("app.own.back")), classes="field-label back-field")
            yield NoteEditor(self.values["back"], id="back", classes="short back-field")
            yield Static(Content(t("app.own.prompts")), classes="field-label prompts-field")
            yield NoteEditor(self.values["prompts"], id="prompts", classes="short prompts-field")
            yield PlainInput(self.values["tags"], placeholder=t("app.editor.tags"), id="tags")
            yield Static(Content(t("app.own.moments")), classes="field-label")
            yield SelectionList(*[Selection(plain_line(library.moment_label(moment)), moment,
                                            moment in self.moments)
                                  for moment in library.moments], id="moments")
            with Horizontal(classes="form-buttons"):
                yield Button(Content(t("app.editor.save")), id="save", action="screen.save",
                             variant="primary", compact=True)
                yield Button(Content(t("app.editor.cancel")), id="cancel", action="screen.cancel",
                             compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._kind_fields()
        self.query_one("#text", NoteEditor).focus()

    def _kind_fields(self) -> None:
        worksheet = self.kind == "worksheet"
        for widget in self.query(".prompts-field"):
            widget.display = worksheet

    @on(Select.Changed, "#kind")
    def _kind(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL and event.value != self.kind:
            self.kind = str(event.value)
            self.dirty = True
            self._kind_fields()

    @on(Select.Changed, "#deck")
    def _deck(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL:
            self.deck_id = str(event.value)

    @on(TextArea.Changed)
    def _text(self, event: TextArea.Changed) -> None:
        field = event.text_area.id or ""
        if field in self.values and self.values[field] != event.text_area.text:
            self.values[field] = event.text_area.text
            self.dirty = True

    @on(Input.Changed, "#tags")
    def _tags(self, event: Input.Changed) -> None:
        if self.values["tags"] != event.value:
            self.values["tags"] = event.value
            self.dirty = True

    @on(SelectionList.SelectedChanged, "#moments")
    def _moments(self, event: SelectionList.SelectedChanged) -> None:
        self.moments = [str(value) for value in event.selection_list.selected]
        self.dirty = True

    def has_unsaved_text(self) -> bool:
        return self.dirty and bool(self.values["text"].strip())

    def action_save(self) -> None:
        if not self.values["text"].strip():
            self.show_missing(t("app.own.need_text"))
            return
        prompts = [line for line in self.values["prompts"].split("\n") if line.strip()]
        if self.kind == "worksheet" and not prompts:
            self.show_missing(t("app.own.need_prompts"))
            return
        self._save(prompts)

    @work(exclusive=True, group="save", exit_on_error=False)
    async def _save(self, prompts: list[str]) -> None:
        values, kind, moments, deck_id = dict(self.values), self.kind, list(self.moments), self.deck_id
        card_id = self.card.id if self.card else None
        card = await self.call(lambda core: core.save_own_card(
            kind=kind, text=values["text"], back=values["back"], prompts=prompts,
            tags=parse_tags(values["tags"]), moments=moments, deck_id=deck_id, card_id=card_id))
        self.dirty = False
        self.show_info(t("app.own.saved"))
        self.dismiss(card)

    def action_cancel(self) -> None:
        if not self.has_unsaved_text():
            self.dismiss(None)
            return
        self._cancel()

    @work(exclusive=True, group="cancel", exit_on_error=False)
    async def _cancel(self) -> None:
        leave = await self.app.confirm(t("app.own.discard_question"), yes=t("app.own.discard"),
                                       no=t("app.keep_writing"), danger=True)
        if leave:
            self.dismiss(None)
