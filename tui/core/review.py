"""Looking back on a week or a month ("Terugblik"): the review, its questions, its entry, its offer.

:meth:`ReviewMixin.review` gathers one period: the cards drawn and why, what
was written, the decisions made and those still waiting for their outcome,
the days reflected, the streak and the card written about most. Its
questions come from the bundled review deck (:data:`REVIEW_DECK`). The
answers are saved as an entry of the kind ``review`` linked to its period;
a second review of the same period is the first one, opened again (the faces
ask :meth:`ReviewMixin.review_entry` first; :meth:`ReviewMixin.save_review`
updates it, keeping the earlier version).

At the start of a new week the review of the week before is offered once:
on the first day Kaart asks for it in that week, unless it is written or
dismissed (the state is kept in the journal's ``meta``).

The app's ``l`` opens :meth:`ReviewMixin.review_period`: last week on the
first days of a new week (Monday to Wednesday) while its review is not
written, this week otherwise. An offer made later in a week (the first time
Kaart is opened that week is a Thursday) opens last week all the same; its
button then does not name ``l``.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date

from tui.errors import KaartError, StoreError
from tui.i18n import t
from tui.vocabulary import EntryKind, PeriodKind

TYPE_CHECKING = False  # typing costs a few ms to import on every command; annotations only
if TYPE_CHECKING:
    from tui.decks.model import Card
    from tui.journal.model import Draft, Entry
    from tui.journal.review import Period

REVIEW_DECK = "terugblik"
REVIEW_CARDS = {PeriodKind.WEEK: "week", PeriodKind.MONTH: "maand"}
OFFER_KEY = "review.offer"  # "<link of the week offered> <day ordinal it was first offered>"
DISMISSED_KEY = "review.dismissed"  # the link of the week whose offer was dismissed
FIRST_DAYS = 3  # Monday to Wednesday: `l` looks back on last week until its review is written


class Review(namedtuple("Review", "period draws entries decisions waiting days streak top_card "
                                  "entry card")):
    """One period looked back on: see :data:`tui.journal.review.PeriodData` for the fields
    it shares; ``card`` is the review deck's card for this kind of period (its prompts are
    the questions), or ``None`` when that deck is missing."""

    __slots__ = ()

    @property
    def days_reflected(self) -> int:
        return len(self.days)

    @property
    def most_written(self) -> tuple[str, str, int] | None:
        """``top_card`` when it stands out (written about at least twice), for the faces to
        show; ``None`` when every card was written about once, or none."""
        top = self.top_card
        return top if top and top[2] >= 2 else None

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(self.card.prompts) if self.card is not None else ()

    def to_json(self) -> dict:
        """``kaart review --json``: entries in the export's entry shape."""
        top = self.top_card
        return {
            "period": self.period.to_json(),
            "draws": [draw.to_json() for draw in self.draws],
            "entries": [entry.to_json() for entry in self.entries],
            "decisions": [entry.to_json() for entry in self.decisions],
            "waiting": [entry.to_json() for entry in self.waiting],
            "days_reflected": self.days_reflected,
            "days": [day.isoformat() for day in self.days],
            "streak": self.streak,
            "most_written": {"deck": top[0], "card": top[1], "count": top[2]} if top else None,
            "review": self.entry.to_json() if self.entry is not None else None,
            "questions": list(self.questions),
        }


def review_body(questions, answers) -> str:
    """The review's text: each question numbered, its answer below it; unanswered ones left out."""
    from tui.textclean import strip_controls

    parts = []
    for number, answer in enumerate(answers, 1):
        answer = strip_controls(str(answer or "")).strip()
        if not answer:
            continue
        question = questions[number - 1] if number <= len(questions) else ""
        parts.append(f"{number}. {question}\n{answer}" if question else answer)
    return "\n\n".join(parts)


def outdated(draft: Draft, entry: Entry | None) -> bool:
    """A draft kept before its period's review was last saved: it must never replace that
    review (it is shown instead, and the draft left alone)."""
    return entry is not None and draft.saved <= entry.updated


class ReviewMixin:
    # -- the period -------------------------------------------------------------------
    def period(self, kind: str = PeriodKind.WEEK, day: date | None = None) -> Period:
        """The week (Monday to Sunday) or month holding ``day`` (default: today)."""
        from tui.journal.review import period_of

        if kind not in (PeriodKind.WEEK, PeriodKind.MONTH):
            raise KaartError(t("review.bad_period", kind=kind))
        return period_of(kind, day or self.today())

    def review_period(self, today: date | None = None) -> Period:
        """The week the app's ``l`` opens: on Monday to Wednesday (:data:`FIRST_DAYS`) last
        week, while its review is not written; this week otherwise."""
        from tui.journal.review import period_of

        today = today or self.today()
        week = period_of(PeriodKind.WEEK, today)
        if today.weekday() < FIRST_DAYS and self.store.review_entry(week.previous()) is None:
            return week.previous()
        return week

    def review_card(self, kind: str = PeriodKind.WEEK) -> Card | None:
        """The review deck's card for a week or a month: its prompts are the questions."""
        return self.library.card(REVIEW_DECK, REVIEW_CARDS.get(kind, "week"))

    # -- the review -------------------------------------------------------------------
    def review(self, period_kind: str | Period = PeriodKind.WEEK,
               day: date | None = None) -> Review:
        """Everything one week or month holds (``period_kind`` may be a period itself)."""
        period = period_kind if hasattr(period_kind, "link") else self.period(period_kind, day)
        data = self.store.period_data(period, self.today())
        return Review(*data, self.review_card(period.kind))

    def review_entry(self, period: Period) -> Entry | None:
        """The review already written for ``period``: a second review opens this one."""
        return self.store.review_entry(period)

    def review_drafts(self, period: Period) -> list[Draft]:
        """The drafts kept of ``period``'s review, newest first (opening it offers the first)."""
        from tui.core.drafts import DraftContext

        return self.drafts(DraftContext.review(period))

    def save_review(self, period: Period, answers=None, *, body: str | None = None,
                    draft: int | None = None, tags=()) -> Entry:
        """Save the review of ``period``: ``answers`` (one per question) or a ``body``.

        A period that has its review already gets that entry updated (the
        earlier version is kept), never a second one. ``draft`` and every other
        draft of this period's review are discarded in the same transaction: a
        draft older than the saved review must never come back to replace it.
        """
        from tui.core.drafts import DraftContext
        from tui.core.writing import EmptyEntry

        if body is None:
            card = self.review_card(period.kind)
            body = review_body(tuple(card.prompts) if card else (), answers or ())
        if not body.strip():
            raise EmptyEntry(t("cli.journal.write.empty"))  # the title alone is no review
        context = DraftContext.review(period)
        existing = self.review_entry(period)
        if existing is not None:
            return self.update_entry(existing.uid, body=body, draft=draft,
                                     tags=tuple(tags) if tags else None, discard_context=context)
        return self.save_entry(EntryKind.REVIEW, body,
                               title=t("review.title", period=period.label(self.language)),
                               tags=tags, draft=draft, link=period.link, discard_context=context)

    # -- the offer at the start of a week -----------------------------------------------
    def review_offer(self, today: date | None = None) -> Period | None:
        """Last week's period, when its review is to be offered now; else ``None``.

        Offered on the first day Kaart asks in a new week (all that day), unless
        last week has its review or the offer was dismissed.
        """
        from tui.journal.review import period_of

        today = today or self.today()
        week = period_of(PeriodKind.WEEK, today).previous()
        store = self.store
        if store.review_entry(week) is not None or store.read_meta(DISMISSED_KEY) == week.link:
            return None
        link, _, day = (store.read_meta(OFFER_KEY) or "").partition(" ")
        if link != week.link:
            try:
                store.write_meta(OFFER_KEY, f"{week.link} {today.toordinal()}")
            except StoreError as error:
                self.notice(error.message)  # offered anyway; a journal that cannot be written
            return week
        return week if day == str(today.toordinal()) else None

    def dismiss_review_offer(self, period: Period) -> None:
        """Not now: the offer of ``period``'s review does not come back."""
        self.store.write_meta(DISMISSED_KEY, period.link)
