"""What every Kaart screen and dialog shares: the core, errors said once, language refresh.

- ``self.core`` is the app's :class:`tui.core.kaart.Kaart` (decks, settings,
  language: safe to read on the interface thread once loaded);
  ``await self.call(lambda core: ...)`` runs journal work on the journal thread.
- A worker that fails with a :class:`tui.errors.KaartError` becomes one
  notification with its message; any other exception is a bug and is said to
  be one (and logged), never turned into an empty screen.
- Screens never import each other: they ask the app to open another screen
  (``self.app.open_card(...)``, ``self.app.open_entry(...)``...).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual import events
from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

from tui.i18n import t
from tui.widgets.plain import translate_bindings, translate_textual_bindings

if TYPE_CHECKING:
    from tui.core.kaart import Kaart
    from tui.decks.model import Card

T = TypeVar("T")


class KaartMixin:
    """Shared by full screens and dialogs."""

    TITLE_KEY = ""  # catalog key of the screen's name, shown in the header

    @property
    def core(self) -> Kaart:
        return self.app.core  # type: ignore[attr-defined]

    @property
    def library_if_loaded(self):
        """The decks once they are loaded, else ``None`` (never loads them on this thread):
        for showing a card's text in the current language."""
        core = self.core
        return core.library if core.library_loaded else None

    def dismiss(self, result=None):
        """Close this screen once, and only while it is the one on top. Two keys in one burst
        (Enter, then Escape) would otherwise dismiss it twice, and Textual's second pop takes
        the screen below it (or fails: no screen left)."""
        from textual.await_complete import AwaitComplete

        if getattr(self, "_kaart_dismissed", False) or not self.is_current:  # type: ignore[attr-defined]
            return AwaitComplete(asyncio.sleep(0))
        self._kaart_dismissed = True
        return super().dismiss(result)  # type: ignore[misc]

    def on_screen_resume(self) -> None:
        self._kaart_dismissed = False  # a screen pushed again can be closed again

    async def call(self, job: Callable[[Kaart], T]) -> T:
        """Run ``job(core)`` on the journal thread, without blocking the interface."""
        return await self.app.runner.call(job)  # type: ignore[attr-defined]

    def show_error(self, message: str) -> None:
        self.app.notify(message, title=t("app.error_title"), severity="error", markup=False,
                        timeout=8)

    def show_missing(self, message: str) -> None:
        """Something the user still has to fill in or choose: a warning, never "went wrong"."""
        self.app.notify(message, severity="warning", markup=False, timeout=6)

    def show_info(self, message: str, *, timeout: float = 4) -> None:
        self.app.notify(message, markup=False, timeout=timeout)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # a dropdown's list is made by Textual when the Select is: its "esc Dismiss menu" is
        # translated when it gets focus, in the language of that moment
        if translate_textual_bindings(event.widget):
            self.refresh_bindings()  # type: ignore[attr-defined]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.app.report_error(event.worker.error)  # type: ignore[attr-defined]

    async def draw_card(self, purpose: str, filters: dict[str, str]) -> Card | None:
        """Draw and record a card (without replacement); ``None`` after saying none matches."""
        from tui.errors import NotFound

        try:
            return await self.call(lambda core: core.draw(purpose, **filters))
        except NotFound:
            self.show_missing(t("app.draw.no_match"))
            return None

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

    RELOAD_ON_MOUNT = True

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        translate_bindings(self)
        if self.TITLE_KEY:
            self.sub_title = t(self.TITLE_KEY)

    def on_mount(self) -> None:
        # Textual calls on_mount of every class in the MRO: subclasses never call super()
        if self.RELOAD_ON_MOUNT:
            self.reload()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys as Textual finds them, less the ones the footer has no room for (they
        still work, and help and the palette list them): see :mod:`tui.widgets.footer_fit`."""
        from tui.widgets.footer_fit import fit_bindings

        bindings = super().active_bindings
        return fit_bindings(bindings, self.size.width, self.app,
                            self.app.COMMAND_PALETTE_BINDING)

    def on_resize(self) -> None:
        self.refresh_bindings()  # the footer fits its keys to the new width


class KaartModal(KaartMixin, ModalScreen[T]):
    """A dialog over the current screen; it ends in ``dismiss(value)``."""

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        translate_bindings(self)
