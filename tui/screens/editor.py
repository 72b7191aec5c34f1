"""Write a note on a card, a journal entry, or edit an entry (its earlier version is kept)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Input, Static, TextArea

from tui.decks.model import Card
from tui.i18n import t
from tui.screens.writing import WritingScreen, parse_tags
from tui.textclean import one_line, strip_controls
from tui.widgets.note_editor import NoteEditor
from tui.widgets.plain import plain, plain_line
from tui.widgets.plain_input import PlainInput


class EditorScreen(WritingScreen):
    """One text with an optional title and tags. Dismisses with the saved entry, or ``None``."""

    TITLE_KEY = "app.editor.title"

    def __init__(self, *, kind: str, draft_context: str, card_ref: Any = None,
                 card_label: str = "", entry: Any = None, text: str = "", title: str = "",
                 tags: tuple[str, ...] = (), from_draft: bool = False) -> None:
        super().__init__(draft_context, id="editor")
        self.kind = kind
        self.card_ref = card_ref  # a tui.journal.store.CardRef, or a (deck, card, text) tuple
        self.card_label = card_label
        self.entry = entry
        self.text = text
        self.title_text = title
        self.tags = tags
        self.dirty = from_draft

    # -- ways in ---------------------------------------------------------------------
    @classmethod
    def for_card(cls, card: Card, *, text: str = "", from_draft: bool = False,
                 draft_context: str = "") -> WritingScreen:
        """A note on ``card`` (a worksheet opens its guided form, unless a draft is restored)."""
        if card.kind == "worksheet" and not text:
            from tui.screens.worksheet import WorksheetScreen

            return WorksheetScreen(card)
        return cls(kind="note", draft_context=draft_context or f"note:{card.ref}",
                   card_ref=(card.deck, card.id, card.text),
                   card_label=f"{t('kind.' + card.kind)}: {card.text}",
                   text=text, from_draft=from_draft)

    @classmethod
    def new_journal(cls, *, text: str = "", from_draft: bool = False) -> EditorScreen:
        return cls(kind="journal", draft_context="journal:new", text=text, from_draft=from_draft)

    @classmethod
    def edit(cls, entry: Any, *, text: str | None = None) -> EditorScreen:
        card = entry.card
        return cls(kind=entry.kind, draft_context=f"entry:{entry.uid}", entry=entry,
                   card_label=card.text if card else "",
                   text=entry.body if text is None else text, title=entry.title,
                   tags=tuple(entry.tags), from_draft=text is not None)

    # -- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Vertical(id="editor-body", classes="form"):
            heading = t("app.editor.editing") if self.entry else t(f"app.editor.new.{self.kind}")
            yield Static(Content(heading), classes="section-title")
            if self.card_label:
                yield Static(plain_line(self.card_label, "italic"), id="editor-card",
                             classes="card-banner")
            title_label = "app.editor.decision" if self.kind == "decision" else "app.editor.title_field"
            yield PlainInput(self.title_text, placeholder=t(title_label), id="title")
            yield NoteEditor(self.text, placeholder=t("app.editor.placeholder"), id="body")
            yield PlainInput(" ".join(self.tags), placeholder=t("app.editor.tags"), id="tags")
            yield self.form_buttons(Static(plain(t("app.editor.hint")), id="status", classes="hint"))
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#body", NoteEditor).focus()

    # -- state that survives a language switch (the screen is composed again) --------------
    @on(TextArea.Changed, "#body")
    def _body_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.text != self.text:
            self.text = event.text_area.text
            self.text_changed()

    @on(Input.Changed, "#title")
    def _title_changed(self, event: Input.Changed) -> None:
        if event.value != self.title_text:
            self.title_text = event.value
            self.text_changed()

    @on(Input.Changed, "#tags")
    def _tags_changed(self, event: Input.Changed) -> None:
        tags = tuple(parse_tags(event.value))
        if tags != self.tags:
            self.tags = tags
            self.text_changed()

    # -- writing ---------------------------------------------------------------------------
    def draft_text(self) -> str:
        return self.text

    def bsn_text(self) -> str:
        return f"{self.title_text}\n{self.text}"

    def store_entry(self, store: Any) -> Any:
        body = strip_controls(self.text).strip()
        title = one_line(self.title_text)
        tags = parse_tags(" ".join(self.tags))
        if self.entry is not None:
            return store.update_entry(self.entry.uid, body=body, title=title, tags=tags)
        card = None
        if self.card_ref is not None:
            from tui.journal.store import CardRef

            card = self.card_ref if isinstance(self.card_ref, CardRef) else CardRef(*self.card_ref)
        return store.add_entry(self.kind, body, title=title, card=card, tags=tags)
