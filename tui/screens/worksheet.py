"""A worksheet as a guided form: one answer per prompt, saved together as one note on the card."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Input, Static, TextArea

from tui.decks.model import Card
from tui.i18n import t
from tui.screens.writing import WritingScreen, parse_tags
from tui.textclean import strip_controls
from tui.widgets.note_editor import NoteEditor
from tui.widgets.plain import plain
from tui.widgets.plain_input import PlainInput


def worksheet_body(prompts: tuple[str, ...], answers: list[str]) -> str:
    """The note: each prompt numbered, its answer below it; unanswered prompts are left out."""
    parts = []
    for number, (prompt, answer) in enumerate(zip(prompts, answers, strict=True), 1):
        answer = strip_controls(answer).strip()
        if answer:
            parts.append(f"{number}. {prompt}\n{answer}")
    return "\n\n".join(parts)


class WorksheetScreen(WritingScreen):
    """Answer a worksheet's prompts; dismisses with the saved note, or ``None``."""

    TITLE_KEY = "app.worksheet.title"

    def __init__(self, card: Card) -> None:
        super().__init__(f"worksheet:{card.ref}", id="worksheet")
        self.card = card
        self.answers = ["" for _ in card.prompts]
        self.tags: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="worksheet-body", classes="form"):
            yield Static(Content(t("kind.worksheet")), classes="section-title")
            yield Static(plain(self.card.text, "bold"), classes="card-banner")
            for number, prompt in enumerate(self.card.prompts):
                yield Static(Content.assemble((f"{number + 1}. ", "bold $text-accent"),
                                              plain(prompt)), classes="prompt")
                yield NoteEditor(self.answers[number], id=f"answer-{number}", classes="answer")
            yield PlainInput(" ".join(self.tags), placeholder=t("app.editor.tags"), id="tags")
            yield self.form_buttons()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.card.prompts:
            self.query_one("#answer-0", NoteEditor).focus()

    @on(TextArea.Changed, ".answer")
    def _answer_changed(self, event: TextArea.Changed) -> None:
        number = int((event.text_area.id or "answer-0").removeprefix("answer-"))
        if event.text_area.text != self.answers[number]:
            self.answers[number] = event.text_area.text
            self.text_changed()

    @on(Input.Changed, "#tags")
    def _tags_changed(self, event: Input.Changed) -> None:
        self.tags = tuple(parse_tags(event.value))

    def draft_text(self) -> str:
        return worksheet_body(self.card.prompts, self.answers)

    def store_entry(self, store: Any) -> Any:
        from tui.journal.store import CardRef

        card = CardRef(self.card.deck, self.card.id, self.card.text)
        return store.add_entry("note", self.draft_text(), card=card, tags=list(self.tags))
