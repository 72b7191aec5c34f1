"""A card drawn as a card: kind and deck on the frame, the front, and flipped, the back.

The back replaces the front and looks like the other side of a card (its own
frame and background, the class ``-back``). The card keeps one size, the
larger of its two sides at the width it has, so turning it over never moves
anything on the screen. The turn is a short squeeze of the card's width that
swaps the side half-way; with ``App.animation_level == "none"`` the side
simply swaps.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.decks.model import Card
from tui.i18n import t
from tui.widgets.plain import plain, plain_line

FLIP_SECONDS = 0.09  # each half of the turn


def card_history_line(history: list) -> Content:
    """Under a card that comes up: how often you wrote on it, when last, and its first words."""
    if not history:
        return Content("")
    from tui.dates import format_date
    from tui.i18n import get_language
    from tui.textclean import first_line

    last = history[-1]
    first = first_line(last, 60)
    return Content.assemble(
        (t("app.card.written_before", count=len(history),
           when=format_date(last.created, get_language())), "$text-muted"), " ",
        plain_line(first, "italic"), (" " + t("app.card.see_all"), "$text-muted"))


def card_meta(card: Card, library) -> str:
    """What goes under a card: its tags and the moments it is meant for."""
    parts = [f"#{tag}" for tag in card.tags]
    parts += [library.moment_label(moment) for moment in card.moments]
    return " · ".join(parts)


class CardView(Widget, can_focus=True):
    """Shows one card. ``flipped`` turns it over; a click does the same.

    The turn is a short squeeze of the card's width that swaps the side
    half-way; with ``App.animation_level == "none"`` the side simply swaps.
    """

    card: reactive[Card | None] = reactive(None, layout=True)
    """The card shown, or ``None`` (an empty placeholder)."""
    flipped: reactive[bool] = reactive(False)
    """``True`` when the back (or a worksheet's prompts) is up."""

    @dataclass
    class Flipped(Message):
        """The user turned the card over."""

        view: CardView
        card: Card
        flipped: bool

        @property
        def control(self) -> CardView:
            return self.view

    def __init__(self, card: Card | None = None, *, deck_title: str = "", meta: str = "",
                 placeholder: str = "", id: str | None = None, classes: str | None = None
                 ) -> None:
        super().__init__(id=id, classes=classes)
        self.deck_title = deck_title
        self.meta = meta
        self.placeholder = placeholder
        self._side_up = False  # the side shown; lags `flipped` by half a turn when animating
        if card is not None:  # shown in the first frame it is part of
            self.set_reactive(CardView.card, card)
            self._update_frame()

    def show(self, card: Card | None, *, deck_title: str = "", meta: str = "",
             flipped: bool = False) -> None:
        """Show ``card`` (front up unless ``flipped``)."""
        self.deck_title = deck_title
        self.meta = meta
        self.set_reactive(CardView.flipped, flipped)
        self._side_up = flipped
        self.set_class(flipped, "-back")
        self.card = card
        self._update_frame()
        self.refresh(layout=True)

    def watch_card(self, card: Card | None) -> None:
        self._update_frame()

    def _update_frame(self) -> None:
        card = self.card
        for kind in ("think", "do", "worksheet"):
            self.set_class(card is not None and card.kind == kind, f"-{kind}")
        if card is None:
            self.border_title = None
            self.border_subtitle = None
            return
        title = t("kind." + card.kind)
        if self._side_up:
            title = t("app.card.back_title", kind=title)
        self.border_title = Content(title)
        self.border_subtitle = plain_line(self.deck_title or card.deck)

    # -- turning over -------------------------------------------------------------
    def action_flip(self) -> None:
        if self.card is not None:
            self.flipped = not self.flipped

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_flip()

    def watch_flipped(self, flipped: bool) -> None:
        if self.card is None:
            return
        self.post_message(self.Flipped(self, self.card, flipped))
        if self.app.animation_level == "none" or not self.is_mounted or self.size.width < 6:
            self._show_side(flipped)
            return
        full = self.outer_size.width
        self.styles.animate("width", value=2, duration=FLIP_SECONDS, level="basic",
                            on_complete=lambda: self._half_turned(full))

    def _half_turned(self, full: int) -> None:
        self._show_side(self.flipped)
        self.styles.animate("width", value=full, duration=FLIP_SECONDS, level="basic",
                            on_complete=self._turned)

    def _turned(self) -> None:
        self.styles.width = None  # back to the size the stylesheet gives

    def _show_side(self, back: bool) -> None:
        self._side_up = back
        self.set_class(back, "-back")
        self._update_frame()
        self.refresh()

    @property
    def side_up(self) -> str:
        """``"front"`` or ``"back"``: what is on screen right now."""
        return "back" if self._side_up else "front"

    # -- drawing --------------------------------------------------------------------
    def _side(self, back: bool) -> Content:
        card = self.card
        if card is None:
            return plain(self.placeholder, "$text-muted")
        parts: list[Content] = []
        if not back:
            parts.append(plain(card.text, "bold"))
        elif card.prompts:
            for number, prompt in enumerate(card.prompts, 1):
                parts.append(Content.assemble((f"{number}. ", "bold $text-accent"), plain(prompt)))
        elif card.back:
            parts.append(plain(card.back))
        else:
            parts.append(Content.styled(t("app.card.no_back"), "italic $text-muted"))
        if self.meta:
            parts.append(Content(""))
            parts.append(plain_line(self.meta, "$text-muted"))
        return Content("\n").join(parts)

    def get_content_height(self, container, viewport, width: int) -> int:
        """The taller of the two sides at this width: flipping never changes the size."""
        if self.card is None or width <= 0:
            return max(1, plain(self.placeholder).get_height(self.styles, max(width, 1)))
        return max(self._side(False).get_height(self.styles, width),
                   self._side(True).get_height(self.styles, width))

    def render(self) -> Content:
        if self.card is not None and self.size.width < 8:
            return Content("")
        return self._side(self._side_up)
