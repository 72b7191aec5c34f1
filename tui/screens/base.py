"""What every Kaart screen shares: the session, journal calls off the UI thread, language refresh."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

from tui.i18n import t
from tui.widgets.plain import translate_bindings

if TYPE_CHECKING:
    from tui.decks.model import Card
    from tui.journal.store import JournalStore
    from tui.session import Session

T = TypeVar("T")


class KaartMixin:
    """Shared by full screens and dialogs."""

    TITLE_KEY = ""  # catalog key of the screen's name, shown in the header

    @property
    def session(self) -> Session:
        return self.app.session  # type: ignore[attr-defined]

    async def db(self, job: Callable[[JournalStore], T]) -> T:
        """Run ``job(store)`` on the journal thread and wait for it without blocking the UI."""
        return await asyncio.wrap_future(self.session.db(job))

    def show_error(self, message: str) -> None:
        self.app.notify(message, title=t("app.error_title"), severity="error", markup=False,
                        timeout=8)

    def show_info(self, message: str, *, timeout: float = 4) -> None:
        self.app.notify(message, markup=False, timeout=timeout)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A job that failed in a way nobody expected is said out loud, never swallowed."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.show_error(t("app.unexpected", error=getattr(error, "message", None) or error))

    def open_card(self, deck: str, card: str) -> None:
        """Show a card with its notes; says so when the card is no longer in the decks."""
        found = self.session.library.card(deck, card)
        if found is None:
            self.show_info(t("app.entry.card_gone"))
            return
        from tui.screens.card import CardScreen

        self.app.push_screen(CardScreen([found]))

    async def draw_card(self, purpose: str, filters: dict[str, str]) -> Card | None:
        """Draw and record a card (without replacement); ``None`` after telling why not."""
        from tui.journal.errors import StoreError

        session = self.session
        try:
            card = await self.db(lambda store: session.draw_card(store, purpose=purpose,
                                                                  **filters))
        except StoreError as error:
            self.show_error(error.message)
            return None
        if card is None:
            self.show_error(t("app.draw.no_match"))
        return card

    def has_unsaved_text(self) -> bool:
        """Editors say ``True`` while they hold text that is not saved yet."""
        return False

    def keep_draft(self) -> None:
        """Keep unsaved text as a draft (the app calls this before it quits)."""

    def reload(self) -> None:
        """Fetch what the screen shows (called on mount and after a language switch)."""

    async def retranslate(self) -> None:
        """Redraw in the new language: bindings, header and widgets."""
        translate_bindings(self)  # type: ignore[arg-type]
        if self.TITLE_KEY:
            self.sub_title = t(self.TITLE_KEY)  # type: ignore[attr-defined]
        await self.recompose()  # type: ignore[attr-defined]
        self.refresh_bindings()  # type: ignore[attr-defined]
        self.reload()


class KaartScreen(KaartMixin, Screen):
    """A full screen of the app."""

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        translate_bindings(self)
        if self.TITLE_KEY:
            self.sub_title = t(self.TITLE_KEY)

    RELOAD_ON_MOUNT = True

    def on_mount(self) -> None:
        # Textual calls on_mount of every class in the MRO: subclasses never call super()
        if self.RELOAD_ON_MOUNT:
            self.reload()


class KaartModal(KaartMixin, ModalScreen[T]):
    """A dialog over the current screen; it ends in ``dismiss(value)``."""

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        translate_bindings(self)

