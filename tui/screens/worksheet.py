"""A worksheet as a guided form: one answer per prompt, saved together as one note on the card."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Footer, Input, Static, TextArea

from tui.core.drafts import DraftContext
from tui.decks.model import Card
from tui.i18n import t
from tui.journal.model import Draft
from tui.screens.writing import WritingScreen
from tui.textclean import strip_controls
from tui.vocabulary import parse_tags
from tui.widgets.earlier import EarlierText
from tui.widgets.header import KaartHeader
from tui.widgets.note_editor import NoteEditor
from tui.widgets.panel import Panel
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

    def __init__(self, card: Card, *, draft: Draft | None = None, link: str = "",
                 earlier: Any = None) -> None:
        super().__init__(DraftContext("worksheet", card.ref), draft=draft, id="worksheet")
        self.card = card
        fields = draft.fields if draft is not None else {}
        self.link = fields.get("link") or link  # the earlier entry a new note answers
        self.earlier = earlier  # that entry, quoted above the questions
        kept = [str(answer) for answer in fields.get("answers") or []]
        if draft is not None and not kept and fields.get("body"):
            kept = [str(fields["body"])]  # a Kaart 0.1 draft: the whole text went into one field
        self.answers = (kept + ["" for _ in card.prompts])[:len(card.prompts)]
        if len(kept) > len(card.prompts):  # the worksheet has fewer prompts now: keep every word
            self.answers[-1] = "\n\n".join(answer for answer in kept[len(card.prompts) - 1:]
                                             if answer)
        self.tags: tuple[str, ...] = tuple(fields.get("tags") or ())

    def compose(self) -> ComposeResult:
        yield KaartHeader()
        with Panel(id="worksheet-body", classes="form"):
            yield Static(Content(t("kind.worksheet")), classes="section-title")
            yield Static(plain(self.card.text, "bold"), classes="card-banner")
            if self.earlier is not None:
                yield Static(Content(t("app.editor.new.changed")), classes="section-title")
                yield EarlierText(self.earlier, id="earlier")
            for number, prompt in enumerate(self.card.prompts):
                yield Static(Content.assemble((f"{number + 1}. ", "bold $text-accent"),
                                              plain(prompt)), classes="prompt")
                yield NoteEditor(self.answers[number], id=f"answer-{number}", classes="answer")
            yield PlainInput(" ".join(self.tags), placeholder=t("app.editor.tags"), id="tags")
            yield self.form_buttons()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.card.prompts:
            # back into the last answer that has text, at its end (the first one when new)
            filled = [number for number, answer in enumerate(self.answers) if answer.strip()]
            editor = self.query_one(f"#answer-{filled[-1] if filled else 0}", NoteEditor)
            editor.focus()
            editor.move_cursor(editor.document.end)

    @on(TextArea.Changed, ".answer")
    @on(Input.Changed, "#tags")
    def _changed(self, event: TextArea.Changed | Input.Changed) -> None:
        self.take(event.control)

    def take(self, field) -> None:
        name = field.id or ""
        if name.startswith("answer-"):
            number = int(name.removeprefix("answer-"))
            if field.text == self.answers[number]:
                return
            self.answers[number] = field.text
        elif name == "tags" and tuple(parse_tags(field.value)) != self.tags:
            self.tags = tuple(parse_tags(field.value))
        else:
            return
        self.text_changed()

    def draft_fields(self) -> dict:
        fields = {"answers": list(self.answers), "tags": list(self.tags)}
        if self.link:
            fields["link"] = self.link
        return fields

    def store(self, core, draft: int | None) -> Any:
        return core.save_entry("note", worksheet_body(self.card.prompts, self.answers),
                               card=self.card, tags=list(self.tags), draft=draft, link=self.link)
