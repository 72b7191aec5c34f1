"""Write a note on a card, a journal entry, or edit an entry (its earlier version is kept)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Input, Static, TextArea

from tui.core.drafts import DraftContext
from tui.decks.model import Card
from tui.i18n import t
from tui.journal.model import Draft
from tui.screens.writing import WritingScreen
from tui.textclean import one_line, strip_controls
from tui.vocabulary import parse_tags
from tui.widgets.earlier import EarlierText
from tui.widgets.entry_row import card_text
from tui.widgets.header import KaartHeader
from tui.widgets.note_editor import NoteEditor
from tui.widgets.plain import plain, plain_line
from tui.widgets.plain_input import PlainInput


class EditorScreen(WritingScreen):
    """One text with an optional title and tags. Dismisses with the saved entry, or ``None``."""

    TITLE_KEY = "app.editor.title"

    def __init__(self, *, kind: str, context: DraftContext, card: Card | None = None,
                 card_label: str = "", entry: Any = None, draft: Draft | None = None,
                 link: str = "", earlier: Any = None) -> None:
        super().__init__(context, draft=draft, id="editor")
        self.kind = kind
        fields = draft.fields if draft is not None else {}
        self.link = fields.get("link") or link  # the earlier entry a new note answers
        self.earlier = earlier  # that entry, quoted above the editor
        self.card = card
        self.card_label = card_label
        self.entry = entry
        fields = draft.fields if draft is not None else {}
        self.text = fields.get("body", entry.body if entry is not None else "")
        self.title_text = fields.get("title", entry.title if entry is not None else "")
        self.tags = tuple(fields.get("tags", entry.tags if entry is not None else ()))

    # -- ways in ---------------------------------------------------------------------
    @classmethod
    def for_card(cls, card: Card, *, draft: Draft | None = None, link: str = "",
                 earlier: Any = None) -> EditorScreen:
        """A note on ``card`` (with ``earlier``: how that earlier entry changed)."""
        return cls(kind="note", context=DraftContext("note", card.ref), card=card,
                   card_label=f"{t('kind.' + card.kind)}: {card.text}", draft=draft, link=link,
                   earlier=earlier)

    @classmethod
    def new_journal(cls, *, draft: Draft | None = None, context: DraftContext | None = None,
                    link: str = "", earlier: Any = None) -> EditorScreen:
        return cls(kind="journal", context=context or DraftContext.journal(), draft=draft,
                   link=link, earlier=earlier)

    @classmethod
    def edit(cls, entry: Any, *, draft: Draft | None = None) -> EditorScreen:
        card = entry.card
        return cls(kind=entry.kind, context=DraftContext.edit(entry.uid), entry=entry,
                   card_label=card.text if card else "", draft=draft)

    # -- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield KaartHeader()
        with Vertical(id="editor-body", classes="form"):
            heading = (t("app.editor.editing") if self.entry else
                       t("app.editor.new.changed") if self.earlier is not None else
                       t(f"app.editor.new.{self.kind}"))
            yield Static(Content(heading), classes="section-title")
            label = self.card_label
            if self.entry is not None and self.entry.card is not None:
                label = card_text(self.entry.card, self.library_if_loaded)  # as it reads now
            if label:
                yield Static(plain_line(label, "italic"), id="editor-card",
                             classes="card-banner")
            if self.earlier is not None:
                yield EarlierText(self.earlier, id="earlier")
            title_label = "app.editor.decision" if self.kind == "decision" else "app.editor.title_field"
            yield PlainInput(self.title_text, placeholder=t(title_label), id="title")
            yield NoteEditor(self.text, placeholder=t("app.editor.placeholder"), id="body")
            yield PlainInput(" ".join(self.tags), placeholder=t("app.editor.tags"), id="tags")
            yield self.form_buttons(Static(plain(t("app.editor.hint")), id="status", classes="hint"))
        yield Footer(compact=True)

    def on_mount(self) -> None:
        body = self.query_one("#body", NoteEditor)
        body.focus()
        body.move_cursor(body.document.end)  # go on writing where the text ends

    # -- state that survives a language switch (the screen is composed again) --------------
    @on(TextArea.Changed, "#body")
    @on(Input.Changed, "#title, #tags")
    def _changed(self, event: TextArea.Changed | Input.Changed) -> None:
        self.take(event.control)

    def take(self, field) -> None:
        if field.id == "body" and field.text != self.text:
            self.text = field.text
        elif field.id == "title" and field.value != self.title_text:
            self.title_text = field.value
        elif field.id == "tags" and tuple(parse_tags(field.value)) != self.tags:
            self.tags = tuple(parse_tags(field.value))
        else:
            return
        self.text_changed()

    # -- writing ---------------------------------------------------------------------------
    def draft_fields(self) -> dict:
        fields = {"title": self.title_text, "body": self.text, "tags": list(self.tags)}
        if self.link:
            fields["link"] = self.link
        return fields

    def store(self, core, draft: int | None) -> Any:
        body = strip_controls(self.text).strip()
        title = one_line(self.title_text)
        tags = list(self.tags)
        if self.entry is not None:
            return core.update_entry(self.entry.uid, body=body, title=title, tags=tags,
                                     draft=draft)
        return core.save_entry(self.kind, body, title=title, card=self.card, tags=tags,
                               draft=draft, link=self.link)
