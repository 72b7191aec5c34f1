"""Before a decision: name it in one line, draw a card, write what it makes you see, save.

The entry is a ``decision``; the home screen later asks how it turned out
and the outcome is saved on the same entry.
"""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Footer, Input, Select, Static, TextArea

from tui.core.drafts import DraftContext
from tui.decks.model import Card
from tui.i18n import t
from tui.journal.model import Draft
from tui.screens.writing import WritingScreen
from tui.textclean import one_line, strip_controls
from tui.widgets.card_view import CardView, card_meta
from tui.widgets.draw_source import DrawSource
from tui.widgets.header import KaartHeader
from tui.widgets.note_editor import NoteEditor
from tui.widgets.panel import Panel
from tui.widgets.plain_input import PlainInput

DECISION_MOMENT = "voor-besluit"
LOOK_BACK_DAYS = (7, 14, 28, 91)  # the choices for the day to ask how it turned out
DEFAULT_LOOK_BACK = "14"


class DecisionScreen(WritingScreen):
    """Dismisses with the saved decision entry, or ``None``."""

    TITLE_KEY = "app.decision.title"
    BINDINGS = [
        Binding("ctrl+r", "draw", "app.key.draw_card", priority=True),
        Binding("ctrl+f", "flip", "app.key.flip", priority=True),
    ]

    def __init__(self, *, draft: Draft | None = None) -> None:
        super().__init__(DraftContext.decision(), draft=draft, id="decision")
        fields = draft.fields if draft is not None else {}
        self.decision = fields.get("title") or ""
        self.reflection = fields.get("body") or ""
        if draft is not None and not self.decision and "\n" in self.reflection.strip():
            # a draft from Kaart 0.1 kept "decision\n\nreflection" as one text
            first, _, rest = self.reflection.strip().partition("\n")
            self.decision, self.reflection = first.strip(), rest.strip()
        self.card_ref: str = fields.get("card") or ""  # deck/card of the card drawn, if any
        self.card: Card | None = None
        choice = str(fields.get("look_back") or DEFAULT_LOOK_BACK)
        self.look_back = choice if choice in self._look_back_values() else DEFAULT_LOOK_BACK

    @staticmethod
    def _look_back_values() -> list[str]:
        return [str(days) for days in LOOK_BACK_DAYS] + ["none"]

    def _look_back_options(self) -> list[tuple[str, str]]:
        """"in 2 weeks (15 December 2026)" and so on, and "do not ask"."""
        from datetime import timedelta

        from tui.dates import format_date

        today, lang = self.core.today(), self.core.language
        options = []
        for days in LOOK_BACK_DAYS:
            when = format_date(today + timedelta(days=days), lang)
            if days % 7 == 0 and days < 90:
                label = t("app.decision.in_weeks", count=days // 7, when=when)
            else:
                label = t("app.decision.in_months", count=round(days / 30.4), when=when)
            options.append((label, str(days)))
        options.append((t("app.decision.no_look_back"), "none"))
        return options

    def _look_back_day(self):
        from datetime import timedelta

        if self.look_back == "none":
            return None
        return self.core.today() + timedelta(days=int(self.look_back))

    def compose(self) -> ComposeResult:
        library = self.core.library
        if self.card is None and self.card_ref:
            self.card = library.card(*self.card_ref.partition("/")[::2])
        default = self.app.choices.get("decision.source", "")
        if not default:
            default = f"moment:{DECISION_MOMENT}" if library.cards(moment=DECISION_MOMENT) else "all"
        yield KaartHeader()
        with Panel(id="decision-body", classes="form"):
            yield Static(Content(t("app.decision.step1")), classes="section-title")
            yield PlainInput(self.decision, placeholder=t("app.decision.placeholder"),
                             id="decision-text")
            with Horizontal(classes="filters"):
                yield DrawSource(library, value=default, id="source")
                yield Button(Content(t("app.decision.draw")), id="draw", action="screen.draw",
                             variant="primary",
                             compact=True)
            yield CardView(id="decision-card", placeholder=t("app.decision.no_card"))
            yield Static(Content(t("app.decision.step2")), classes="section-title")
            yield NoteEditor(self.reflection, placeholder=t("app.decision.reflect"),
                             id="reflection")
            with Horizontal(classes="filters look-back"):
                yield Static(Content(t("app.decision.look_back")), classes="field-label")
                yield Select(self._look_back_options(), value=self.look_back,
                             allow_blank=False, id="look-back", compact=True)
            yield self.form_buttons()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#decision-text", PlainInput).focus()

    def reload(self) -> None:
        if self.card is not None:
            self._show()

    # -- the decision and the card ---------------------------------------------------------
    @on(Input.Changed, "#decision-text")
    @on(TextArea.Changed, "#reflection")
    def _changed(self, event: Input.Changed | TextArea.Changed) -> None:
        self.take(event.control)

    def take(self, field) -> None:
        if field.id == "decision-text" and field.value != self.decision:
            self.decision = field.value
        elif field.id == "reflection" and field.text != self.reflection:
            self.reflection = field.text
        else:
            return
        self.text_changed()

    @on(Input.Submitted, "#decision-text")
    def _decision_given(self) -> None:
        if self.card is None:
            self.action_draw()
        self.query_one("#reflection", NoteEditor).focus()

    @on(Select.Changed, "#source")
    def _source(self, event: Select.Changed) -> None:
        changed = self.app.choices.get("decision.source") != str(event.value)
        self.app.choices["decision.source"] = str(event.value)
        if changed and self.card is not None:
            self.action_draw()  # a card was drawn from the old source: draw from the new one

    @on(Select.Changed, "#look-back")
    def _look_back_chosen(self, event: Select.Changed) -> None:
        value = str(event.value)
        if value != self.look_back and value in self._look_back_values():
            self.look_back = value
            self.text_changed()

    def action_draw(self) -> None:
        self._draw()

    @work(exclusive=True, group="draw", exit_on_error=False)
    async def _draw(self) -> None:
        card = await self.draw_card("decision", self.query_one("#source", DrawSource).filters())
        if card is None:
            return
        self.card = card
        self.card_ref = card.ref
        self.text_changed()
        self._show()
        self.query_one("#draw", Button).label = Content(t("app.draw.again"))

    def _show(self) -> None:
        card = self.card
        library = self.core.library
        deck = library.get(card.deck) if card else None
        self.query_one("#decision-card", CardView).show(
            card, deck_title=deck.title if deck else "",
            meta=card_meta(card, library) if card else "")

    def action_flip(self) -> None:
        self.query_one("#decision-card", CardView).action_flip()

    # -- writing -----------------------------------------------------------------------------
    def draft_fields(self) -> dict:
        return {"title": self.decision, "body": self.reflection, "card": self.card_ref,
                "look_back": self.look_back}

    def missing(self) -> str:
        if not self.decision.strip():
            return t("app.decision.need_decision")
        if self.card is None:
            return t("app.decision.need_card")
        return ""

    def store(self, core, draft: int | None) -> Any:
        return core.record_decision(one_line(self.decision), strip_controls(self.reflection).strip(),
                                    card=self.card, draft=draft,
                                    look_back=self._look_back_day())

    def saved_text(self, entry: Any) -> str:
        from tui.dates import format_date

        if entry.look_back is None:
            return t("app.decision.saved_no_look_back")
        return t("app.decision.saved", when=format_date(entry.look_back, self.core.language))
