"""The Kaart app: global keys, navigation between screens, the theme, startup, errors, quitting.

``create_app(home=..., seed=..., clock=..., language=...)`` builds the app
(tests reuse it); ``run_app()`` runs it for ``kaart``. The screens live in
``tui/screens`` (one per file) and never import each other: every way from
one screen to another is a method here (``open_card``, ``open_entry``,
``write_note``...). The screens' shared bases are ``tui/screens/base.py`` and
``writing.py``, the dialogs are in ``tui/screens/dialogs``, the widgets in
``tui/widgets``; all data comes from the core (:class:`tui.core.kaart.Kaart`),
reached on the journal thread through ``app.runner``.

Errors are said once, here: a :class:`tui.errors.KaartError` from any worker
becomes one notification with its message; anything else is a bug, logged
and reported as one.
"""

from __future__ import annotations

import asyncio
import inspect
import os
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui.core.runner import CoreRunner
from tui.errors import KaartError
from tui.i18n import t
from tui.screens.base import KaartMixin
from tui.widgets.plain import translate_bindings

if TYPE_CHECKING:
    from tui.core.kaart import Kaart
    from tui.decks.model import Card
    from tui.journal.model import Draft, Entry


class KaartApp(App[None]):
    """Kaart in the terminal. ``core`` does the work; ``runner`` reaches it off the UI thread."""

    CSS_PATH = "app.tcss"
    TITLE = "Kaart"
    ENABLE_COMMAND_PALETTE = True
    # -tiny: one column; -narrow: the usual; -wide: side by side; -huge: use all the room
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (72, "-narrow"), (110, "-wide"), (160, "-huge")]
    # The footer shows a screen's own keys, then help and quit; the keys that go somewhere
    # else are in the home screen's list of actions, in help (?) and in the palette (ctrl+p),
    # so the footer fits in 80 columns and "?" is always on it.
    BINDINGS = [
        Binding("d", "draw", "app.key.draw", show=False),
        Binding("b", "decision", "app.key.decision", show=False),
        Binding("k", "decks", "app.key.decks", show=False),
        Binding("j", "journal", "app.key.journal", show=False),
        Binding("slash", "search", "app.key.search", key_display="/", show=False),
        Binding("h", "home", "app.key.home", show=False),
        Binding("l", "review", "app.key.review", show=False),
        Binding("i", "stats", "app.key.stats", show=False),
        Binding("u", "undo_delete", "app.key.undo_delete"),
        Binding("m", "own_cards", "app.key.own_cards", show=False),
        Binding("comma", "settings", "app.key.settings", show=False, key_display=","),
        Binding("question_mark", "help", "app.key.help", key_display="?"),
        Binding("q", "quit", "app.key.quit"),
        # Tab moves focus before the keys typed after it are routed: as a priority binding it
        # runs when the app reads the key, so "a<tab>b" fills two fields, not one
        Binding("tab", "focus_next", "app.key.next_field", show=False, priority=True),
        Binding("shift+tab", "focus_previous", "app.key.previous_field", show=False,
                priority=True),
        # Textual adds an English "palette" key unless the app brings its own
        Binding("ctrl+p", "command_palette", "app.key.palette", show=False, key_display="^p",
                priority=True),
    ]

    def __init__(self, core: Kaart) -> None:
        super().__init__()
        self.core = core
        self.runner = CoreRunner(core)
        self.choices: dict[str, str] = {}  # the user's last choices this run (draw source, ...)
        self._navigating = asyncio.Lock()
        translate_bindings(self)
        theme = core.settings.theme
        if theme in self.available_themes:
            self.theme = theme

    def get_default_screen(self) -> Screen:
        from tui.screens.home import HomeScreen

        return HomeScreen()

    DECK_CHECK_SECONDS = 3.0

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.call_after_refresh(self._start)  # the first frame first, then the loading
        self._decks_seen: tuple | None = None
        self._decks_generation = -1
        self.set_interval(self.DECK_CHECK_SECONDS, self._check_decks)

    @work(exclusive=True, group="decks-watch", exit_on_error=False)
    async def _check_decks(self) -> None:
        """A deck added or changed on disk (``kaart deck add``) appears without a restart."""
        from tui import paths
        from tui.decks.library import folder_signature

        if not self.core.library_loaded:
            return
        folder = paths.own_decks_dir(create=False)
        now = folder_signature(folder)
        if self._decks_seen is None or self.core.library_generation != self._decks_generation:
            # the first look, or Kaart read the decks again itself (an own card was saved)
            self._decks_seen, self._decks_generation = now, self.core.library_generation
            return
        if now == self._decks_seen:
            return
        self._decks_seen = now
        await self.runner.call(lambda core: core.reload_library())
        self._decks_generation = self.core.library_generation
        self.notify(t("app.decks.changed"), markup=False, timeout=4)
        screen = self.screen
        if isinstance(screen, KaartMixin) and not screen.has_unsaved_text():
            await screen.retranslate()  # drawn again with the decks as they are now

    @work(exclusive=True, group="startup", exit_on_error=False)
    async def _start(self) -> None:
        """Load decks and open the journal after the first frame; offer drafts back."""
        drafts = await self.runner.call(lambda core: (core.library, core.drafts())[1])
        for notice in self.core.take_notices():
            self.notify(notice, severity="warning", markup=False, timeout=10)
        broken = len(self.core.library.broken)
        if broken:
            self.notify(t("app.decks.broken_notice", count=broken), severity="warning",
                        markup=False, timeout=8)
        if drafts:
            from tui.screens.dialogs.drafts import DraftsDialog

            self.push_screen(DraftsDialog(drafts), self._draft_chosen)

    def _draft_chosen(self, draft: Draft | None) -> None:
        if draft is not None:
            self.open_draft(draft)

    # -- errors: said once ----------------------------------------------------------------
    def report_error(self, error: BaseException | None) -> None:
        """A failed worker: the user's words for a KaartError, a bug report for anything else."""
        if isinstance(error, KaartError):
            self.notify(error.message, title=t("app.error_title"), severity="error",
                        markup=False, timeout=10)
            return
        self.log.error(repr(error))
        self.notify(t("app.unexpected", error=repr(error)), title=t("app.bug_title"),
                    severity="error", markup=False, timeout=15)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.report_error(event.worker.error)

    def _theme_changed(self, _theme: object) -> None:
        settings = self.core.settings
        if settings.theme == self.theme:
            return
        settings.theme = self.theme
        try:
            self.core.save_settings()
        except KaartError as error:
            self.report_error(error)

    # -- the command palette: every Kaart action, described in the user's language -------
    # Actions that have no key of their own but belong in the palette (what the user looks for).
    PALETTE_ONLY = ("trash", "backup", "export", "language", "outcomes", "review")

    def action_command_palette(self) -> None:
        from tui.screens.dialogs.palette import KaartPalette

        if self.use_command_palette and not KaartPalette.is_open(self):
            self.push_screen(KaartPalette())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The current screen's and the app's keys, then the palette-only actions.

        Textual's own commands (theme, keys, screenshot, its second "quit") are
        left out: they are in English, and Kaart's settings hold the theme.
        """
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            node = active.node
            key = getattr(binding, "_kaart_key", "")
            if not key or binding.action in seen:
                continue  # Textual's own keys (in English) are left out
            seen.add(binding.action)
            yield SystemCommand(binding.description,
                                t("app.palette.help", about=t(f"app.about.{key}"),
                                  key=self.get_key_display(binding)),
                                _runner(self, binding.action, node))
        for action in self.PALETTE_ONLY:
            if action not in seen:
                yield SystemCommand(t(f"app.key.{action}"), t(f"app.about.{action}"),
                                    _runner(self, action, self))

    @work(exclusive=True, group="keeping", exit_on_error=False)
    async def action_backup(self) -> None:
        path = await self.runner.call(lambda core: core.backup())
        self.notify(t("app.backup.done", path=path), markup=False, timeout=8)

    def action_trash(self) -> None:
        from tui.screens.trash import TrashScreen

        self.go(TrashScreen)

    def action_export(self) -> None:
        self.action_settings()

    async def action_language(self) -> None:
        await self.switch_language("en" if self.core.language == "nl" else "nl")

    @work(exclusive=True, group="navigate-outcome", exit_on_error=False)
    async def action_outcomes(self) -> None:
        pending = await self.runner.call(lambda core: core.pending_decisions())
        if not pending:
            self.notify(t("app.outcomes.none"), markup=False)
            return
        self.open_outcome(pending[0].uid)

    # -- navigation: the one place that knows every screen --------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "home":
            return len(self.screen_stack) > 1 or self.screen.id != "home"
        if action == "undo_delete":
            return self.core.can_undo
        return True

    def unsaved_screens(self) -> list[Screen]:
        return [screen for screen in self.screen_stack
                if isinstance(screen, KaartMixin) and screen.has_unsaved_text()]

    def go(self, make: Callable[[], Screen | Awaitable[Screen | None]] | None) -> None:
        """Back to the home screen, then open ``make()`` on top; asks first if text is unsaved."""
        self._go_when_safe(make)

    @work(group="navigate", exit_on_error=False)
    async def _go_when_safe(self, make) -> None:
        # One way at a time, in the order the keys came: a second key while a screen is
        # still opening waits for it (cancelling it half-way leaves a screen half-built).
        async with self._navigating:
            await self._go(make)

    async def _go(self, make) -> None:
        if self.unsaved_screens():
            leave = await self.confirm(t("app.leave_unsaved"), detail=t("app.leave_detail"),
                                       yes=t("app.leave_keep"), no=t("app.keep_writing"))
            if not leave:
                return
            for screen in self.unsaved_screens():
                screen.keep_draft()  # type: ignore[attr-defined]
        # Each screen is gone before the next one comes: screens have fixed ids, and a key
        # pressed again (j on the journal) must not find the old one still there.
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        home = self.screen
        screen = make() if make is not None else None
        if inspect.isawaitable(screen):  # a form that first offers its kept drafts
            screen = await screen
        if screen is not None:
            await self.push_screen(screen)
        elif isinstance(home, KaartMixin):
            home.reload()

    def action_home(self) -> None:
        self.go(None)

    def action_draw(self) -> None:
        from tui.screens.draw import DrawScreen

        self.go(DrawScreen)

    def action_decision(self) -> None:
        from tui.core.drafts import DraftContext

        # a kept decision draft is offered back, as the close dialog promised
        self.go(lambda: self._form_for(DraftContext.decision()))

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

    def action_stats(self) -> None:
        from tui.screens.stats import StatsScreen

        self.go(StatsScreen)

    def action_settings(self) -> None:
        from tui.screens.settings import SettingsScreen

        self.go(SettingsScreen)

    @work(exclusive=True, group="navigate-review", exit_on_error=False)
    async def action_review(self) -> None:
        """Look back on a week (the review screen; week or month, earlier or later): last
        week in the first days of a new week while its review is not written, else this
        week (see :meth:`tui.core.review.ReviewMixin.review_period`)."""
        period = await self.runner.call(lambda core: core.review_period())
        self.open_review(period)

    def open_review(self, period) -> None:
        from tui.screens.review import ReviewScreen

        self.go(lambda: ReviewScreen(period))

    def write_linked(self, changed) -> None:
        """A new note saying how an earlier entry changed, linked to it, with the earlier text
        quoted above it; on a worksheet card, the worksheet's form."""
        from tui.core.drafts import DraftContext

        self.push_screen(self._writer(DraftContext.note(changed.card) if changed.card is not None
                                      else DraftContext.journal(), None, card=changed.card,
                                      link=changed.link, earlier=changed.earlier))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections(), values=self.help_values()))

    def help_values(self) -> dict[str, dict[str, object]]:
        """What the help texts count, taken from the decks (a screen's name key: values)."""
        card = self.core.review_card()  # the week's questions: what `l` opens
        return {"review": {"count": len(card.prompts) if card is not None else 0}}

    def help_sections(self) -> list[tuple[str, list[Binding]]]:
        """Every screen's name key and its keys, for the help screen."""
        from tui.screens.card import CardScreen
        from tui.screens.decision import DecisionScreen
        from tui.screens.decks import DecksScreen
        from tui.screens.draw import DrawScreen
        from tui.screens.editor import EditorScreen
        from tui.screens.entry import EntryScreen
        from tui.screens.home import HomeScreen
        from tui.screens.journal import JournalScreen
        from tui.screens.own_cards import OwnCardsScreen
        from tui.screens.review import ReviewScreen
        from tui.screens.search import SearchScreen
        from tui.screens.settings import SettingsScreen
        from tui.screens.stats import StatsScreen
        from tui.screens.trash import TrashScreen

        screens = [("home", HomeScreen), ("decks", DecksScreen), ("card", CardScreen),
                   ("draw", DrawScreen), ("decision", DecisionScreen), ("writing", EditorScreen),
                   ("journal", JournalScreen), ("entry", EntryScreen), ("trash", TrashScreen),
                   ("search", SearchScreen), ("review", ReviewScreen), ("stats", StatsScreen),
                   ("own", OwnCardsScreen), ("settings", SettingsScreen)]
        return [(name, [b for b in screen.BINDINGS if isinstance(b, Binding)])
                for name, screen in screens]

    def open_card(self, cards: list[Card], index: int = 0, *, heading: str = "") -> None:
        """Flip through ``cards`` starting at ``index``."""
        from tui.screens.card import CardScreen

        self.push_screen(CardScreen(cards, index, heading=heading))

    def open_card_in_deck(self, deck_id: str, card_id: str) -> None:
        """A card among the cards of its own deck, so previous and next work; or say it is gone."""
        deck = self.core.library.get(deck_id)
        card = deck.card(card_id) if deck else None
        if deck is None or card is None:
            self.notify(t("app.entry.card_gone"), markup=False)
            return
        self.open_card(list(deck.cards), list(deck.cards).index(card), heading=deck.title)

    def open_entry(self, uid: str) -> None:
        from tui.screens.entry import EntryScreen

        self.push_screen(EntryScreen(uid))

    def open_trash(self) -> None:
        from tui.screens.trash import TrashScreen

        self.push_screen(TrashScreen())

    def open_outcome(self, uid: str) -> None:
        from tui.screens.outcome import OutcomeScreen

        self.push_screen(OutcomeScreen(uid))

    def open_own_card_form(self, card: Card | None, done: Callable[[object], None]) -> None:
        from tui.screens.own_card_form import OwnCardFormScreen

        self.push_screen(OwnCardFormScreen(card), done)

    def write_journal(self) -> None:
        from tui.core.drafts import DraftContext

        self.write(DraftContext.journal())

    def write_note(self, card: Card) -> None:
        """A note on ``card`` (a worksheet opens its form); offers a kept draft back first."""
        from tui.core.drafts import DraftContext

        self.write(DraftContext.note(card), card=card)

    def edit_entry(self, entry: Entry) -> None:
        from tui.core.drafts import DraftContext

        self.write(DraftContext.edit(entry.uid), entry=entry)

    @work(exclusive=True, group="write", exit_on_error=False)
    async def write(self, context, *, card: Card | None = None, entry: Entry | None = None) -> None:
        """Open the form for ``context``; when drafts of it were kept, offer to go on with one."""
        screen = await self._form_for(context, card=card, entry=entry)
        if screen is not None:
            self.push_screen(screen)

    async def _form_for(self, context, *, card: Card | None = None,
                        entry: Entry | None = None) -> Screen | None:
        """The form for ``context``, with a kept draft of it when the user goes on with one
        (they choose; a new text keeps the drafts); ``None`` when they cancel."""
        kept = await self.runner.call(lambda core: core.drafts(context))
        draft = None
        if kept:
            from tui.screens.dialogs.drafts import DraftsDialog

            draft = await self.push_screen_wait(DraftsDialog(kept, offer_new=True))
            if draft is False:
                return None
        return self._writer(context, draft or None, card=card, entry=entry)

    def open_draft(self, draft: Draft) -> None:
        """Open the form a kept draft came from, with every field as it was."""
        self._open_draft(draft)

    @work(exclusive=True, group="write", exit_on_error=False)
    async def _open_draft(self, draft: Draft) -> None:
        from tui.core.drafts import DraftContext

        context = DraftContext.parse(draft.context)
        card = entry = earlier = None
        key = context.card_key
        if key is not None:
            card = self.core.library.card(*key)
        elif context.kind in ("entry", "outcome"):
            entry = await self.runner.call(lambda core: core.entry(context.target))
        link = str(draft.fields.get("link") or "")
        if link.startswith("entry:"):  # a note on how an earlier entry changed: quote it again
            earlier = await self.runner.call(lambda core: core.entry(link.removeprefix("entry:")))
        self.push_screen(self._writer(context, draft, card=card, entry=entry, earlier=earlier))

    def _writer(self, context, draft: Draft | None, *, card: Card | None = None,
                entry: Entry | None = None, link: str = "", earlier: Entry | None = None) -> Screen:
        """The form for ``context``; ``link`` and ``earlier``: a new note on how that earlier
        entry changed (quoted above the form)."""
        from tui.core.drafts import DraftContext
        from tui.screens.editor import EditorScreen

        if context.kind == "worksheet" and card is not None:
            from tui.screens.worksheet import WorksheetScreen

            return WorksheetScreen(card, draft=draft, link=link, earlier=earlier)
        if context.kind == "decision":
            from tui.screens.decision import DecisionScreen

            return DecisionScreen(draft=draft)
        if context.kind == "review":
            from tui.journal.review import period_from_link
            from tui.screens.review import ReviewScreen

            period = period_from_link(context.target)
            if period is not None:
                return ReviewScreen(period, draft=draft)
        if context.kind == "outcome" and entry is not None:
            from tui.screens.outcome import OutcomeScreen

            return OutcomeScreen(entry.uid, draft=draft)
        if context.kind == "entry" and entry is not None:
            return EditorScreen.edit(entry, draft=draft)
        if context.kind in ("note", "worksheet") and card is not None:
            return EditorScreen.for_card(card, draft=draft, link=link, earlier=earlier)
        # the card or entry is gone: the text is still there, as a journal entry of its own
        return EditorScreen.new_journal(draft=draft, context=context if draft else
                                        DraftContext.journal(), link=link, earlier=earlier)

    async def confirm(self, question: str, *, detail: str = "", yes: str = "", no: str = "",
                      danger: bool = False) -> bool:
        """Ask a yes/no question (from a worker); ``True`` for yes."""
        from tui.screens.dialogs.confirm import ConfirmDialog

        return bool(await self.push_screen_wait(
            ConfirmDialog(question, detail=detail, yes=yes, no=no, danger=danger)))

    async def ask_close(self) -> str | None:
        """Closing a form with text in it: ``"save"``, ``"keep"``, ``"discard"`` or ``None``."""
        from tui.screens.dialogs.close import CloseDialog

        return await self.push_screen_wait(CloseDialog())

    async def pick_card(self, cards: list[Card], current: int) -> int | None:
        from tui.screens.dialogs.card_picker import CardPickerDialog

        return await self.push_screen_wait(CardPickerDialog(cards, current))

    # -- undo, quit, language -------------------------------------------------------------
    @work(exclusive=True, group="undo", exit_on_error=False)
    async def action_undo_delete(self) -> None:
        """Bring the last deleted entry back from the trash."""
        uid = await self.runner.call(lambda core: core.undo_delete())
        if uid is None:
            return
        self.refresh_bindings()
        self.notify(t("app.entry.restored"), markup=False)
        screen = self.screen
        restored = getattr(screen, "restored", None)
        if restored is not None:
            restored(uid)  # the journal puts its cursor on the entry that came back
        elif isinstance(screen, KaartMixin):
            screen.reload()

    def action_help_quit(self) -> None:
        """ctrl+c: Textual's own notice is English (and markup); this one is ours."""
        quits = [active.binding for active in self.active_bindings.values()
                 if active.binding.action in ("quit", "app.quit")]
        if quits:  # our "q" before Textual's ctrl+q
            binding = min(quits, key=lambda binding: len(binding.key))
            self.notify(t("app.quit_hint", key=self.get_key_display(binding)),
                        title=t("app.quit_hint_title"), markup=False)

    async def action_quit(self) -> None:
        """Quit; with unsaved text, ask first (the text is kept as a draft either way)."""
        if not self.unsaved_screens():
            self.exit()
            return
        self._quit_when_safe()

    @work(exclusive=True, group="quit", exit_on_error=False)
    async def _quit_when_safe(self) -> None:
        leave = await self.confirm(t("app.quit_unsaved"), detail=t("app.quit_detail"),
                                   yes=t("app.quit_anyway"), no=t("app.keep_writing"))
        if leave:
            for screen in self.unsaved_screens():
                screen.keep_draft()  # type: ignore[attr-defined]
            self.exit()

    async def switch_language(self, language: str) -> None:
        """Every screen, key and deck in ``language`` at once."""
        await self.runner.call(lambda core: (core.set_language(language), core.library))
        translate_bindings(self)
        for screen in list(self.screen_stack):
            if isinstance(screen, KaartMixin):
                await screen.retranslate()
        self.refresh_bindings()

    async def on_unmount(self) -> None:
        self.runner.close()


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
    from tui.core.kaart import Kaart

    if home is not None:
        os.environ["KAART_HOME"] = str(home)
    return KaartApp(Kaart(language=language, seed=seed, clock=clock, bundled_dir=bundled_dir))


def run_app(core: Kaart | None = None) -> int:
    """Run the app in this terminal; the exit code for ``kaart``."""
    from tui.core.kaart import Kaart

    app = KaartApp(core if core is not None else Kaart())
    app.run()
    return app.return_code or 0


__all__ = ["KaartApp", "create_app", "run_app"]
