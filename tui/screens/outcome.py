"""How did it turn out? The outcome of a decision, saved on the same entry."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, Static, TextArea

from tui.core.drafts import DraftContext
from tui.dates import format_date
from tui.i18n import get_language, t
from tui.journal.model import Draft
from tui.screens.writing import WritingScreen
from tui.textclean import strip_controls
from tui.widgets.entry_row import card_text
from tui.widgets.header import KaartHeader
from tui.widgets.note_editor import NoteEditor
from tui.widgets.plain import plain, plain_line


class OutcomeScreen(WritingScreen):
    """Shows the decision, its card and reflection; dismisses with the updated entry, or ``None``."""

    TITLE_KEY = "app.outcome.title"

    def __init__(self, uid: str, *, draft: Draft | None = None) -> None:
        super().__init__(DraftContext.outcome(uid), draft=draft, id="outcome")
        self.uid = uid
        self.entry: Any = None
        fields = draft.fields if draft is not None else {}
        self.outcome = fields.get("outcome") or fields.get("body") or ""

    def compose(self) -> ComposeResult:
        yield KaartHeader()
        with Vertical(id="outcome-body", classes="form"):
            with Horizontal(id="outcome-sides"):
                # the decision, its card and what it made you see, beside how it turned out
                yield Static(Content(""), id="outcome-decision", classes="card-banner")
                with Vertical(id="outcome-answer"):
                    yield Static(Content(t("app.outcome.question")), classes="section-title")
                    yield NoteEditor(self.outcome, placeholder=t("app.outcome.placeholder"),
                                     id="outcome-text")
            yield self.form_buttons()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#outcome-text", NoteEditor).focus()

    def reload(self) -> None:
        self._load()

    @work(exclusive=True, group="load", exit_on_error=False)
    async def _load(self) -> None:
        uid = self.uid
        entry = await self.call(lambda core: core.entry(uid))
        if entry is None:
            self.show_error(t("app.entry.gone"))
            self.dismiss(None)
            return
        self.entry = entry
        lang = get_language()
        parts = [Content.assemble((format_date(entry.created, lang) + "  ", "$text-muted"),
                                  plain_line(entry.title, "bold"))]
        if entry.card is not None:
            parts.append(plain(card_text(entry.card, self.library_if_loaded),
                               "italic $text-accent"))
        if entry.body:
            parts.append(plain(entry.body))
        self.query_one("#outcome-decision", Static).update(Content("\n").join(parts))
        if entry.outcome and not self.outcome:
            self.outcome = entry.outcome  # before loading, so it does not count as a change
            self.query_one("#outcome-text", NoteEditor).load_text(entry.outcome)

    @on(TextArea.Changed, "#outcome-text")
    def _changed(self, event: TextArea.Changed) -> None:
        self.take(event.text_area)

    def take(self, field) -> None:
        if field.id == "outcome-text" and field.text != self.outcome:
            self.outcome = field.text
            self.text_changed()

    def draft_fields(self) -> dict:
        return {"outcome": self.outcome}

    def store(self, core, draft: int | None) -> Any:
        return core.set_outcome(self.uid, strip_controls(self.outcome).strip(), draft=draft)
