"""Home: the card of the day, quick actions, the reflection calendar, decisions waiting, recent notes."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Static

from tui.dates import format_date
from tui.decks.model import Card
from tui.i18n import get_language, t
from tui.screens.base import KaartScreen
from tui.widgets.calendar import MAX_WEEKS, ReflectionCalendar
from tui.widgets.card_view import CardView, card_history_line, card_meta
from tui.widgets.entry_list import EntryList
from tui.widgets.entry_row import render_entry_row, row_of
from tui.widgets.header import KaartHeader
from tui.widgets.panel import Panel
from tui.widgets.plain import plain, plain_line

RECENT = 20


class HomeData(NamedTuple):
    card: Card | None
    deck_title: str
    meta: str
    today: date
    counts: dict[date, int]
    streak: int
    recent: list
    pending: list
    history: list  # what was written on the card of the day before, oldest first
    past: object  # today's entry from the past (tui.journal.resurface.Resurfaced) or None
    offer: object  # last week's period, when its review is offered now, else None
    review_key: bool  # the offer opens the week `l` opens (its button may name the key)


class HomeScreen(KaartScreen):
    """What a user opens every morning."""

    TITLE_KEY = "app.home.title"
    RELOAD_ON_MOUNT = False  # loads after the first frame instead
    BINDINGS = [
        Binding("space,f", "flip", "app.key.flip", key_display="space"),
        Binding("n", "write", "app.key.write_card"),
        Binding("w", "write_journal", "app.key.write_journal"),
        Binding("c", "open_card", "app.key.open_card", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="home")
        self.data: HomeData | None = None
        self.complete = False  # everything mounted (after the first frame)

    def compose(self) -> ComposeResult:
        # Two columns on a wide terminal (the card and the calendar; what waits and what was
        # written), one column otherwise. The first frame holds only the card.
        yield KaartHeader()
        with Panel(id="home-body"), Horizontal(id="home-columns"):
            with Vertical(id="home-left"):
                with Horizontal(id="home-top"):
                    with Vertical(id="today-box"):
                        yield Static(Content(t("card.of_the_day")), classes="section-title")
                        yield self._todays_card()
                        yield Static(Content(""), id="today-history", classes="card-history")
                    if self.complete:
                        yield self._actions()
                if self.complete:
                    yield self._calendar()
                    yield from self._waiting()
            with Vertical(id="home-right"):
                if self.complete:
                    yield from self._recent()
        if self.complete:
            yield Footer(compact=True)

    def _todays_card(self) -> CardView:
        """The card of the day, in the first frame: with the deck cache, finding it costs a
        few milliseconds (the journal, which records it, is opened afterwards, in a worker)."""
        from tui.errors import KaartError

        try:
            card = self.core.todays_card()
            library = self.core.library
        except KaartError:  # no decks at all: the worker that follows says so
            return CardView(id="today-card", placeholder=t("app.loading"))
        deck = library.get(card.deck)
        return CardView(card, deck_title=deck.title if deck else "",
                        meta=card_meta(card, library), id="today-card",
                        placeholder=t("app.loading"))

    # The first frame holds only the card: the rest is mounted right after it, so `kaart`
    # shows what it is opened for as soon as Textual can draw.
    def _actions(self) -> Vertical:
        buttons = [Button(Content.assemble((f"{key} ", "bold"), t(f"app.home.action.{action}")),
                          id=f"go-{action}", compact=True, classes="action")
                   for action, key in (("draw", "d"), ("decision", "b"), ("write", "n"),
                                       ("write_journal", "w"), ("decks", "k"), ("journal", "j"),
                                       ("search", "/"))]
        return Vertical(Static(Content(t("app.home.actions")), classes="section-title"), *buttons,
                        id="actions")

    def _calendar(self) -> Vertical:
        return Vertical(Static(Content(t("app.home.calendar")), classes="section-title"),
                        ReflectionCalendar(id="calendar"), Static(Content(""), id="streak"),
                        id="calendar-box")

    def _waiting(self) -> list:
        """What asks for an answer: the review offer, the past reflection, decisions due.
        Under the calendar (the left column when there are two), so the recent entries
        have the right column to themselves."""
        offer = Horizontal(Static(Content(t("app.home.review_offer")), classes="offer-text"),
                           Button(Content(t("app.home.review_go")), id="review-go",
                                  action="screen.review", compact=True),
                           Button(Content(t("app.home.review_not_now")), id="review-not-now",
                                  action="screen.dismiss_review", compact=True),
                           id="review-offer")
        past = Vertical(Static(Content(t("app.home.past")), classes="section-title"),
                        Static(Content(""), id="past-text"),
                        Horizontal(*[Button(Content(t(f"app.home.past_{answer}")),
                                            id=f"past-{answer}", compact=True,
                                            action=f"screen.answer_past('{answer}')")
                                     for answer in ("still", "changed", "never")],
                                   classes="form-buttons"), id="past-box")
        pending = Vertical(Static(Content(t("app.home.due")), classes="section-title"),
                           EntryList(id="pending", empty_text=t("app.home.no_due"),
                                     render_row=render_entry_row), id="pending-box")
        return [offer, past, pending]

    def _recent(self) -> list:
        return [Static(Content(t("app.home.recent")), classes="section-title"),
                EntryList(id="recent", empty_text=t("app.home.no_recent"),
                          render_row=render_entry_row)]

    def on_mount(self) -> None:
        self.call_after_refresh(self._complete_layout)

    async def _complete_layout(self) -> None:
        self.complete = True
        await self.query_one("#home-top").mount(self._actions())
        await self.query_one("#home-left").mount_all([self._calendar(), *self._waiting()])
        await self.query_one("#home-right").mount_all(self._recent())
        await self.mount(Footer(compact=True))
        self.refresh_bindings()  # a footer mounted late shows nothing until bindings change
        self.reload()

    def on_screen_resume(self) -> None:
        if self.data is not None:
            self.reload()

    def reload(self) -> None:
        self._load()

    @work(exclusive=True, group="home", exit_on_error=False)
    async def _load(self) -> None:
        data = await self.call(home_data)
        self._show(data)

    def _show(self, data: HomeData) -> None:
        self.data = data
        view = self.query_one("#today-card", CardView)
        if (view.card, view.deck_title, view.meta) != (data.card, data.deck_title, data.meta):
            view.show(data.card, deck_title=data.deck_title, meta=data.meta)
        if data.card is None:
            view.placeholder = t("cli.no_decks")
            view.refresh()
        self.query_one("#today-history", Static).update(card_history_line(data.history))
        self.query_one("#calendar", ReflectionCalendar).set_data(data.counts, data.today)
        streak = t("app.home.streak", count=data.streak) if data.streak else t("app.home.no_streak")
        self.query_one("#streak", Static).update(Content(streak))
        library = self.library_if_loaded
        self.query_one("#pending", EntryList).set_rows([row_of(e, library=library)
                                                        for e in data.pending])
        self.query_one("#recent", EntryList).set_rows([row_of(e, library=library)
                                                       for e in data.recent])
        self.query_one("#pending-box").display = bool(data.pending)
        self.query_one("#review-offer").display = data.offer is not None
        self.query_one("#review-go", Button).label = Content(t(
            "app.home.review_go" if data.review_key else "app.home.review_go_plain"))
        self._show_past(data.past)

    def _show_past(self, past) -> None:
        box = self.query_one("#past-box")
        box.display = past is not None
        if past is None:
            return
        entry, lang = past.entry, get_language()
        when = t("app.home.past_when", count=past.age, when=format_date(entry.created, lang))
        text = " ".join((entry.title or entry.body).split())
        parts = [Content.styled(when, "$text-muted"), plain(text[:300] + ("…" if len(text) > 300
                                                                         else ""))]
        if entry.card is not None:
            parts.append(plain_line(entry.card.text, "italic $text-muted"))
        self.query_one("#past-text", Static).update(Content("\n").join(parts))

    # -- actions ----------------------------------------------------------------------
    def action_flip(self) -> None:
        self.query_one("#today-card", CardView).action_flip()

    def _card(self) -> Card | None:
        """The card of the day, as soon as it is on the screen."""
        return self.query_one("#today-card", CardView).card

    def action_write(self) -> None:
        if (card := self._card()) is not None:
            self.app.write_note(card)

    def action_write_journal(self) -> None:
        self.app.write_journal()

    def action_open_card(self) -> None:
        if (card := self._card()) is not None:
            self.app.open_card_in_deck(card.deck, card.id)

    def action_review(self) -> None:
        if self.data is not None and self.data.offer is not None:
            self.app.open_review(self.data.offer)
        else:
            self.app.action_review()

    @work(exclusive=True, group="offer", exit_on_error=False)
    async def action_dismiss_review(self) -> None:
        if self.data is not None and self.data.offer is not None:
            offer = self.data.offer
            await self.call(lambda core: core.dismiss_review_offer(offer))
            self.query_one("#review-offer").display = False

    @work(exclusive=True, group="past", exit_on_error=False)
    async def action_answer_past(self, answer: str) -> None:
        """Still true, changed (a new note linked to it), or not again."""
        if self.data is None or self.data.past is None:
            return
        uid = self.data.past.entry.uid
        changed = await self.call(lambda core: core.answer_resurfaced(answer, uid))
        self.query_one("#past-box").display = False
        if changed is not None:
            self.app.write_linked(changed)
        else:
            self.show_info(t("app.home.past_retired" if answer == "never"
                             else "app.home.past_kept"), timeout=3)

    @on(Button.Pressed, ".action")
    def _action(self, event: Button.Pressed) -> None:
        action = (event.button.id or "").removeprefix("go-")
        if action == "write":
            self.action_write()
        elif action == "write_journal":
            self.action_write_journal()
        else:
            getattr(self.app, f"action_{action}")()

    @on(EntryList.Selected, "#recent")
    def _open_entry(self, event: EntryList.Selected) -> None:
        self.app.open_entry(event.key)

    @on(EntryList.Selected, "#pending")
    def _ask_outcome(self, event: EntryList.Selected) -> None:
        self.app.open_outcome(event.key)


def home_data(core) -> HomeData:
    """What the home screen shows, gathered on the journal thread in one go."""
    from tui.errors import NotFound

    try:
        card = core.show_today()
    except NotFound:  # no decks at all: the card's place says so
        card = None
    library = core.library
    today = core.today()
    start = ReflectionCalendar.start_for(today, MAX_WEEKS)
    deck = library.get(card.deck) if card else None
    history = core.card_history(card.deck, card.id) if card else []
    past = core.resurfaced(waiting=True)  # answered today (or never again): not shown
    offer = core.review_offer()
    return HomeData(card, deck.title if deck else "", card_meta(card, library) if card else "",
                    today,
                    core.day_counts(start, today), core.streak(), core.recent(RECENT),
                    core.due_decisions(), history, past, offer,
                    offer is not None and core.review_period() == offer)
