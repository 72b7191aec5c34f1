"""The Kaart app: global keys, navigation between screens, the theme, startup and quitting.

``create_app(home=..., seed=..., clock=..., language=...)`` builds the app
(tests reuse it); ``run_app()`` runs it for ``kaart``. The screens live in
``tui/screens`` (one per file), the widgets in ``tui/widgets``; the data
comes from the plain-Python :class:`tui.session.Session`.

Startup stays fast: the first frame is the home screen's skeleton; decks,
the journal and drafts load in a worker right after it.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui.i18n import t
from tui.screens.base import KaartMixin, KaartScreen
from tui.screens.home import HomeScreen
from tui.session import Session
from tui.widgets.plain import translate_bindings


class KaartApp(App[None]):
    """Kaart in the terminal. ``session`` holds the decks, the journal, settings, clock and seed."""

    CSS_PATH = "app.tcss"
    TITLE = "Kaart"
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("d", "draw", "app.key.draw"),
        Binding("b", "decision", "app.key.decision"),
        Binding("k", "decks", "app.key.decks"),
        Binding("j", "journal", "app.key.journal"),
        Binding("slash", "search", "app.key.search", key_display="/"),
        Binding("h", "home", "app.key.home"),
        Binding("u", "undo_delete", "app.key.undo_delete"),
        Binding("o", "own_cards", "app.key.own_cards", show=False),
        Binding("comma", "settings", "app.key.settings", show=False, key_display=","),
        Binding("question_mark", "help", "app.key.help", key_display="?"),
        Binding("q", "quit", "app.key.quit"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        translate_bindings(self)
        theme = session.settings.theme
        if theme in self.available_themes:
            self.theme = theme

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.call_after_refresh(self._start)  # the first frame first, then the loading

    @work(thread=True, exit_on_error=False, group="startup")
    def _start(self) -> None:
        """Load decks and open the journal after the first frame; offer drafts back."""
        session = self.session
        try:
            _ = session.library
            drafts = session.db_wait(lambda store: store.drafts())
        except Exception as error:  # noqa: BLE001 - shown to the user, the app keeps running
            self.call_from_thread(self._startup_failed, error)
            return
        self.call_from_thread(self._started, drafts)

    def _startup_failed(self, error: Exception) -> None:
        message = getattr(error, "message", "") or str(error)
        self.notify(message, title=t("app.error_title"), severity="error", markup=False,
                    timeout=10)

    def _started(self, drafts: list) -> None:
        if self.session.store_notice:
            self.notify(self.session.store_notice, severity="warning", markup=False, timeout=10)
        broken = len(self.session.library.broken)
        if broken:
            self.notify(t("app.decks.broken_notice", count=broken), severity="warning",
                        markup=False, timeout=8)
        if drafts:
            from tui.screens.drafts import DraftsScreen

            self.push_screen(DraftsScreen(drafts))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(t("app.unexpected", error=getattr(error, "message", None) or error),
                        title=t("app.error_title"), severity="error", markup=False, timeout=10)

    def _theme_changed(self, _theme: object) -> None:
        settings = self.session.settings
        if settings.theme == self.theme:
            return
        settings.theme = self.theme
        try:
            self.session.save_settings()
        except OSError as error:
            self.notify(t("app.settings.not_saved", error=error.strerror or error),
                        severity="error", markup=False)

    # -- the command palette: every key of the current screen and the app ------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            node = active.node
            if not hasattr(node, "_kaart_bindings") or not binding.description:
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)
            yield SystemCommand(binding.description,
                                t("app.palette.key", key=self.get_key_display(binding)),
                                _runner(self, binding.action, node))
        yield from super().get_system_commands(screen)

    # -- navigation -------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "home":
            return not isinstance(self.screen, HomeScreen)
        if action == "undo_delete":
            return self.session.last_deleted is not None
        return True

    def unsaved_screens(self) -> list[Screen]:
        return [screen for screen in self.screen_stack
                if isinstance(screen, KaartMixin) and screen.has_unsaved_text()]

    def go(self, make: Callable[[], Screen] | None) -> None:
        """Back to the home screen, then open ``make()`` on top; asks first if text is unsaved."""
        if self.unsaved_screens():
            from tui.screens.confirm import ConfirmScreen

            def answered(leave: bool | None) -> None:
                if leave:
                    self._go(make)

            self.push_screen(ConfirmScreen(t("app.leave_unsaved"), detail=t("app.draft_kept")),
                             answered)
            return
        self._go(make)

    def _go(self, make: Callable[[], Screen] | None) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        home = self.screen
        if make is not None:
            self.push_screen(make())
        elif isinstance(home, HomeScreen):
            home.reload()

    def action_home(self) -> None:
        self.go(None)

    def action_draw(self) -> None:
        from tui.screens.draw import DrawScreen

        self.go(DrawScreen)

    def action_decision(self) -> None:
        from tui.screens.decision import DecisionScreen

        self.go(DecisionScreen)

    def action_decks(self) -> None:
        from tui.screens.decks import DecksScreen

        self.go(DecksScreen)

    def action_journal(self) -> None:
        from tui.screens.journal import JournalScreen

        self.go(JournalScreen)

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        self.go(SearchScreen)

    def action_own_cards(self) -> None:
        from tui.screens.own_cards import OwnCardsScreen

        self.go(OwnCardsScreen)

    def action_settings(self) -> None:
        from tui.screens.settings import SettingsScreen

        self.go(SettingsScreen)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    @work(exclusive=True, group="undo", exit_on_error=False)
    async def action_undo_delete(self) -> None:
        """Bring the last deleted entry back from the trash."""
        from tui.journal.errors import StoreError

        uid = self.session.last_deleted
        if uid is None:
            return
        try:
            await asyncio.wrap_future(self.session.db(lambda store: store.restore_entry(uid)))
        except StoreError as error:
            self.notify(error.message, severity="error", markup=False)
            return
        self.session.last_deleted = None
        self.refresh_bindings()
        self.notify(t("app.entry.restored"), markup=False)
        screen = self.screen
        if isinstance(screen, KaartMixin):
            screen.reload()

    async def action_quit(self) -> None:
        """Quit; with unsaved text, ask first (the text is kept as a draft either way)."""
        if not self.unsaved_screens():
            self.exit()
            return
        from tui.screens.confirm import ConfirmScreen

        def answered(leave: bool | None) -> None:
            if leave:
                for screen in self.unsaved_screens():
                    screen.keep_draft()  # type: ignore[attr-defined]
                self.exit()

        self.push_screen(ConfirmScreen(t("app.quit_unsaved"), detail=t("app.draft_kept"),
                                       yes=t("app.quit_anyway"), no=t("app.keep_writing")),
                         answered)

    # -- language ---------------------------------------------------------------------
    async def switch_language(self, language: str) -> None:
        """Every screen, key and deck in ``language`` at once."""
        self.session.set_language(language)
        translate_bindings(self)
        for screen in list(self.screen_stack):
            if isinstance(screen, KaartMixin):
                await screen.retranslate()
        self.refresh_bindings()

    async def on_unmount(self) -> None:
        self.session.close()


def _runner(app: App, action: str, node: object) -> Callable[[], None]:
    def run() -> None:
        app.call_later(app.run_action, action, node)

    return run


def create_app(*, home: Path | None = None, seed: int | None = None,
               clock: Callable[[], datetime] | None = None, language: str | None = None,
               bundled_dir: Path | None = None) -> KaartApp:
    """The app, with everything a test needs to pin.

    ``home`` is a ``KAART_HOME``-like folder (it sets ``KAART_HOME`` for this
    process, so the journal, settings, own decks and backups all live there);
    ``seed`` makes draws and shuffles repeatable; ``clock`` returns the
    current (aware) time; ``language`` overrides the settings; ``bundled_dir``
    replaces the bundled decks (test decks).
    """
    if home is not None:
        os.environ["KAART_HOME"] = str(home)
    session = Session(language=language, seed=seed, clock=clock, bundled_dir=bundled_dir)
    return KaartApp(session)


def run_app(language: str | None = None) -> int:
    """Run the app in this terminal; the exit code for ``kaart``."""
    app = create_app(language=language)
    app.run()
    return app.return_code or 0


__all__ = ["KaartApp", "KaartScreen", "create_app", "run_app"]
