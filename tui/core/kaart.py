"""The core both faces call: one :class:`Kaart` per run of a command or of the app.

It owns what every workflow needs (settings, the deck library, the journal
store, the clock, the random source, the language) and the workflows
themselves, each written once (see the mixins). Plain Python, no Textual, no
printing: it returns values and raises :class:`tui.errors.KaartError`.
Things a user should hear about but that do not stop the work (a settings
file that was set aside, a journal that opened read-only, a draw that could
not be recorded) are collected in :attr:`Kaart.notices`; the faces show them.

Threads: the library loads on first use from any thread (a lock keeps it to
one load). The store is used by one thread at a time; the app runs every
core call on one worker thread (``tui.core.runner``), so the interface never
waits on the disk.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from tui.core.cards import CardsMixin
from tui.core.keeping import KeepingMixin
from tui.core.reading import ReadingMixin
from tui.core.resurface import ResurfaceMixin
from tui.core.review import ReviewMixin
from tui.core.writing import WritingMixin
from tui.i18n import LANGUAGES, detect_language, set_language
from tui.settings import Settings, load_settings, save_settings

TYPE_CHECKING = False  # typing costs a few ms to import on every command; annotations only
if TYPE_CHECKING:
    import random

    from tui.decks.library import DeckLibrary
    from tui.journal.store import JournalStore


class Kaart(CardsMixin, WritingMixin, KeepingMixin, ReadingMixin, ReviewMixin, ResurfaceMixin):
    """Everything Kaart does, for the command line and the app alike."""

    def __init__(self, *, language: str | None = None, clock: Callable[[], datetime] | None = None,
                 seed: int | None = None, bundled_dir: Path | None = None,
                 settings: Settings | None = None) -> None:
        self.settings = settings if settings is not None else load_settings()
        self.notices: list[str] = [self.settings.notice] if self.settings.notice else []
        chosen = language or self.settings.language or detect_language()
        self.language = chosen if chosen in LANGUAGES else "en"
        set_language(self.language)
        self.clock = clock
        self.seed = seed
        self.bundled_dir = bundled_dir
        self.last_deleted: str | None = None  # the entry that undo brings back from the trash
        self._rng: random.Random | None = None
        self._library: DeckLibrary | None = None
        self._library_lock = threading.Lock()
        self.library_generation = 0  # counts the loads, so a face can tell the decks were read again
        self._store: JournalStore | None = None

    # -- time and chance ----------------------------------------------------------
    def now(self) -> datetime:
        return self.clock() if self.clock else datetime.now().astimezone()

    def today(self) -> date:
        return self.now().date()

    @property
    def rng(self) -> random.Random:
        if self._rng is None:
            import random

            self._rng = random.Random(self.seed)
        return self._rng

    # -- language and settings ------------------------------------------------------
    def set_language(self, language: str) -> None:
        """The interface and the decks in ``language`` from now on; saved in the settings."""
        if language not in LANGUAGES:
            raise ValueError(language)
        set_language(language)
        self.language = language
        self.settings.language = language
        with self._library_lock:
            self._library = None
        self.save_settings()

    def save_settings(self) -> None:
        """Write the settings; raises ``SettingsError`` (a KaartError) when they cannot be."""
        save_settings(self.settings)

    def take_notices(self) -> list[str]:
        """The notices collected so far (and forget them)."""
        notices, self.notices = self.notices, []
        return notices

    def notice(self, text: str) -> None:
        if text and text not in self.notices:
            self.notices.append(text)

    # -- decks ----------------------------------------------------------------------
    @property
    def library(self) -> DeckLibrary:
        with self._library_lock:
            if self._library is None:
                from tui.decks.library import DeckLibrary

                self._library = DeckLibrary.load(self.language, bundled_dir=self.bundled_dir)
                self.library_generation += 1
            return self._library

    @property
    def library_loaded(self) -> bool:
        return self._library is not None

    def reload_library(self) -> DeckLibrary:
        """Read the deck files again (after an own card or deck was written)."""
        with self._library_lock:
            self._library = None
        return self.library

    # -- the journal ----------------------------------------------------------------
    @property
    def store(self) -> JournalStore:
        """The journal, opened on first use; its notice (set aside, read-only) becomes ours."""
        if self._store is None:
            from tui.journal.store import open_store

            self._store = open_store(now=self.clock, backups_keep=self.settings.backups_keep)
            self.notice(self._store.notice)
        return self._store

    @property
    def store_open(self) -> bool:
        return self._store is not None

    def close(self) -> None:
        """Close the journal (releases its lock files)."""
        if self._store is not None:
            self._store.close()
            self._store = None
