"""Looking back ("Terugblik") on a week or a month: what it held, and your answers to its questions.

The top of the screen is the period: the days you reflected, the streak, the
card you wrote about most, the cards drawn and for what, what you wrote
(``enter`` opens it), the decisions made and those still waiting. Below it
the review deck's questions, one answer each, saved together as one entry of
the kind ``review`` linked to the period; a second review of the same period
opens the first one. ``alt+←`` / ``alt+→`` go to the period before or after.

Opening a period (or coming back to it) fills the answers from the draft kept
of it, newest first, and goes on with that draft; a draft older than the
saved review never replaces it (the review is shown, the draft left alone).
"""

from __future__ import annotations

import re
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Select, Static, TextArea

from tui.core.drafts import DraftContext
from tui.core.review import outdated
from tui.dates import format_date
from tui.i18n import get_language, t
from tui.journal.model import Draft
from tui.screens.writing import DraftSlot, WritingScreen
from tui.vocabulary import PeriodKind
from tui.widgets.entry_list import EntryList
from tui.widgets.entry_row import render_entry_row, row_of
from tui.widgets.hanging import HangingRow
from tui.widgets.header import KaartHeader
from tui.widgets.note_editor import NoteEditor
from tui.widgets.panel import Panel
from tui.widgets.plain import plain, plain_line


def answers_from(questions: tuple[str, ...], body: str) -> list[str]:
    """The answers of a saved review, taken apart again by their numbered questions."""
    answers = ["" for _ in questions]
    if not questions:
        return answers
    marks = [(match.start(), match.end(), int(match.group(1)) - 1) for match in
             re.finditer(r"^(\d+)\. .*$", body, flags=re.M)
             if 0 < int(match.group(1)) <= len(questions)
             and body[match.start():match.end()].endswith(questions[int(match.group(1)) - 1])]
    if not marks:
        answers[0] = body.strip()
        return answers
    for number, (_start, end, index) in enumerate(marks):
        stop = marks[number + 1][0] if number + 1 < len(marks) else len(body)
        answers[index] = body[end:stop].strip()
    return answers


class ReviewScreen(WritingScreen):
    """One period looked back on; dismisses with the saved review, or ``None``."""

    TITLE_KEY = "app.review.title"
    BINDINGS = [
        Binding("alt+left", "period(-1)", "app.key.earlier_period", key_display="alt+←"),
        Binding("alt+right", "period(1)", "app.key.later_period", key_display="alt+→"),
    ]

    def __init__(self, period, *, draft: Draft | None = None) -> None:
        super().__init__(DraftContext("review", period.link), draft=draft, id="review")
        self.period = period
        self.review: Any = None
        self.answers: list[str] = []
        self.offered = draft  # the draft this screen was opened with, weighed on the first load

    def compose(self) -> ComposeResult:
        yield KaartHeader()
        with Panel(id="review-body", classes="form"):
            with Horizontal(classes="filters"):
                yield Select([(Content(t("app.review.week")), PeriodKind.WEEK),
                              (Content(t("app.review.month")), PeriodKind.MONTH)],
                             value=self.period.kind, allow_blank=False, id="period-kind",
                             compact=True)
                yield Button(Content(t("app.review.earlier")), id="earlier",
                             action="screen.period(-1)", compact=True)
                yield Button(Content(t("app.review.later")), id="later",
                             action="screen.period(1)", compact=True)
            yield Static(Content(self.period.label(get_language())), id="review-period",
                         classes="section-title")
            yield Static(Content(t("app.loading")), id="review-summary")
            yield Vertical(id="review-draws")
            yield Static(Content(t("app.review.written")), classes="section-title")
            # as tall as what was written: the page is the one thing that scrolls
            yield EntryList(id="review-entries", empty_text=t("app.review.nothing_written"),
                            render_row=render_entry_row, grows=True)
            yield Vertical(id="review-decisions")
            yield Static(Content(t("app.review.questions")), classes="section-title")
            yield Static(Content(""), id="review-questions")
            yield self.form_buttons()
        yield Footer(compact=True)

    def reload(self) -> None:
        self._load()

    @work(exclusive=True, group="load", exit_on_error=False)
    async def _load(self) -> None:
        period = self.period
        review, kept = await self.call(lambda core: (core.review(period),
                                                     core.review_drafts(period)))
        if period != self.period:
            return
        self.review = review
        lang = get_language()
        self.query_one("#review-period", Static).update(Content(period.label(lang)))
        self.query_one("#later", Button).disabled = period.end >= self.core.today()
        self.query_one("#review-summary", Static).update(summary(review, lang,
                                                                 self.core.library))
        await self._fill("#review-draws", drawn(review, lang, self.core.library))
        self.query_one("#review-entries", EntryList).set_rows(
            [row_of(entry, library=self.library_if_loaded) for entry in review.entries])
        await self._fill("#review-decisions", decisions(review, lang))
        self._choose_answers(review, kept)
        await self._show_questions()

    def _choose_answers(self, review, kept: list[Draft]) -> None:
        """The answers to show: the text being typed; else the draft kept of this period (the
        one opened, or the newest), unless the review was saved after it; else the review."""
        offered, self.offered = self.offered, None
        if self.dirty and offered is None:
            return  # typing goes on (a language switch draws the screen again)
        questions = review.questions
        saved = (answers_from(questions, review.entry.body) if review.entry is not None
                 else ["" for _ in questions])
        draft = offered if offered is not None else (kept[0] if kept else None)
        if draft is None:
            self.answers = saved
            return
        if outdated(draft, review.entry):
            # never silently over the saved review: it is shown, and the draft left alone
            self.answers, self.slot, self.dirty = saved, DraftSlot(), False
            if offered is not None:
                self.show_info(t("app.review.draft_older", id=draft.id), timeout=10)
            return
        answers = [str(answer) for answer in draft.fields.get("answers") or []]
        if not answers and draft.fields.get("body"):  # kept by `kaart review --write`
            answers = answers_from(questions, str(draft.fields["body"]))
        self.answers = answers + ["" for _ in questions[len(answers):]]
        self.slot, self.dirty = DraftSlot(draft.id), True  # going on with that draft
        self.show_info(t("app.review.draft_back"))

    async def _fill(self, selector: str, widgets: list) -> None:
        holder = self.query_one(selector, Vertical)
        await holder.remove_children()
        await holder.mount_all(widgets)

    async def _show_questions(self) -> None:
        holder = self.query_one("#review-questions", Static)
        await self.query("#review-answers").remove()
        questions = self.review.questions if self.review is not None else ()
        holder.update(Content("") if questions else Content(t("app.review.no_deck")))
        fields = []
        for number, question in enumerate(questions):
            fields.append(Static(Content.assemble((f"{number + 1}. ", "bold $text-accent"),
                                                  plain(question)), classes="prompt"))
            answer = self.answers[number] if number < len(self.answers) else ""
            fields.append(NoteEditor(answer, id=f"review-answer-{number}", classes="answer"))
        if fields:
            await self.query_one("#review-body").mount(Vertical(*fields, id="review-answers"),
                                                       after=holder)

    @on(TextArea.Changed, ".answer")
    def _answer_changed(self, event: TextArea.Changed) -> None:
        self.take(event.text_area)

    def take(self, field) -> None:
        name = field.id or ""
        if not name.startswith("review-answer-"):
            return
        number = int(name.rsplit("-", 1)[1])
        while len(self.answers) <= number:
            self.answers.append("")
        if field.text != self.answers[number]:
            self.answers[number] = field.text
            self.text_changed()

    @on(EntryList.Selected, "#review-entries")
    def _open(self, event: EntryList.Selected) -> None:
        self.app.open_entry(event.key)

    # -- periods --------------------------------------------------------------------------
    @on(Select.Changed, "#period-kind")
    def _kind(self, event: Select.Changed) -> None:
        if str(event.value) != self.period.kind:
            self._switch(lambda core: core.period(str(event.value), self.period.start))

    def action_period(self, step: int) -> None:
        from datetime import timedelta

        if step > 0 and self.period.end >= self.core.today():
            return  # a period still to come has nothing to look back on

        day = self.period.start - timedelta(days=1) if step < 0 else \
            self.period.end + timedelta(days=1)
        kind = self.period.kind
        self._switch(lambda core: core.period(kind, day))

    @work(exclusive=True, group="switch", exit_on_error=False)
    async def _switch(self, make) -> None:
        if self.has_unsaved_text():
            self.keep_draft()
        # the answers of the period left go at once: none of their text is read for the next
        await self.query("#review-answers").remove()
        period = await self.call(make)
        self.period = period
        self.context = DraftContext("review", period.link)
        self.slot = DraftSlot()
        self.dirty = False
        self.answers = []
        self._load()  # with the draft kept of that period, if there is one

    # -- writing -----------------------------------------------------------------------------
    def draft_fields(self) -> dict:
        return {"answers": list(self.answers)}

    def store(self, core, draft: int | None) -> Any:
        return core.save_review(self.period, self.answers, draft=draft)

    def saved(self, entry: Any) -> None:
        self.dirty = False
        self._load()


def _card_text(library, deck: str, card: str) -> str:
    found = library.card(deck, card)
    return found.text if found is not None else t("app.stats.card_gone")  # never an id


def summary(review, lang: str, library) -> Content:
    """Days reflected, the streak, the card written about most, and how many cards were drawn."""
    first = [(t("cli.review.days", count=review.days_reflected), "bold")]
    if review.streak:  # no "streak: 0 days"
        first += [" · ", t("cli.review.streak", count=review.streak)]
    parts = [Content.assemble(*first)]
    if review.most_written:  # not when every card was written about once
        deck, card, count = review.most_written
        parts.append(Content.assemble((t("app.review.most_written", count=count) + " ",
                                       "$text-muted"), plain_line(_card_text(library, deck, card))))
    if review.draws:
        parts.append(Content.styled(t("cli.review.draws", count=len(review.draws)), "$text-muted"))
    return Content("\n").join(parts)


SHOWN = 8  # rows of drawn cards and of decisions; the rest is counted


def drawn(review, lang: str, library) -> list[HangingRow | Static]:
    """The cards drawn: when and why, then the card, its wrapped lines under its text."""
    rows: list[HangingRow | Static] = [HangingRow(Content.assemble(
        (f"  {format_date(draw.at, lang, short=True)}  ", "$text-muted"),
        (t(f"cli.review.purpose.{draw.purpose}") + "  ", "$text-accent")),
        plain_line(_card_text(library, draw.deck, draw.card))) for draw in review.draws[:SHOWN]]
    if len(review.draws) > SHOWN:
        rows.append(Static(Content.styled(
            "  " + t("app.review.more_draws", count=len(review.draws) - SHOWN), "$text-muted")))
    return rows


def decisions(review, lang: str) -> list[Static | HangingRow]:
    """The decisions made, and those still waiting for their outcome."""
    parts: list[Static | HangingRow] = []
    for key, entries in (("cli.review.decisions", review.decisions),
                         ("cli.review.waiting", review.waiting)):
        if entries:
            parts.append(Static(Content.styled(t(key, count=len(entries)), "bold $text-accent")))
            parts += [HangingRow(Content.styled(f"  {format_date(e.created, lang, short=True)}  ",
                                                "$text-muted"), plain_line(e.title or e.body))
                      for e in entries[:SHOWN]]
            if len(entries) > SHOWN:
                parts.append(Static(Content.styled(
                    "  " + t("app.review.more_decisions", count=len(entries) - SHOWN),
                    "$text-muted")))
    return parts
