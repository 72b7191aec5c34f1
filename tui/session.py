"""What the app works with: settings, the deck library, the journal store, a clock and a seed.

Plain Python (no Textual), so the app's screens stay thin and tests can pin
everything: ``Session(seed=1, clock=lambda: fixed)``.

The deck library loads on first use (any thread; a lock keeps it to one
load). Every journal call runs on one dedicated thread: SQLite connections
belong to the thread that opened them, and the interface never waits on the
disk. ``session.db(fn)`` runs ``fn(store)`` there and returns a
``concurrent.futures.Future``; the app awaits it with ``asyncio.wrap_future``.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui.i18n import LANGUAGES, detect_language, set_language
from tui.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:
    from tui.decks.library import DeckLibrary
    from tui.decks.model import Card
    from tui.journal.store import JournalStore

T = TypeVar("T")


class Session:
    def __init__(self, *, language: str | None = None, seed: int | None = None,
                 clock: Callable[[], datetime] | None = None,
                 bundled_dir: Path | None = None) -> None:
        self.settings: Settings = load_settings()
        language = language or self.settings.language or detect_language()
        self.language: str = language if language in LANGUAGES else "en"
        set_language(self.language)
        self.seed = seed
        self.rng = random.Random(seed)
        self.clock = clock
        self.bundled_dir = bundled_dir
        self.store_notice = ""
        self.choices: dict[str, str] = {}  # the app's last choices this run (draw source, ...)
        self.last_deleted: str | None = None  # the entry that `u` brings back from the trash
        self._library: DeckLibrary | None = None
        self._library_lock = threading.Lock()
        self._store: JournalStore | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaart-journal")

    # -- time -------------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock() if self.clock else datetime.now().astimezone()

    def today(self) -> date:
        return self.now().date()

    # -- language and settings -------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Switch the language of the interface and of the decks shown (reloads the library)."""
        set_language(language)
        self.language = language
        self.settings.language = language
        self.save_settings()
        with self._library_lock:
            self._library = None

    def save_settings(self) -> None:
        """Write the settings; raises ``OSError`` when the config folder is not writable."""
        save_settings(self.settings)

    # -- decks ------------------------------------------------------------------
    @property
    def library(self) -> DeckLibrary:
        with self._library_lock:
            if self._library is None:
                from tui.decks.library import DeckLibrary

                self._library = DeckLibrary.load(self.language, bundled_dir=self.bundled_dir)
            return self._library

    @property
    def library_loaded(self) -> bool:
        return self._library is not None

    def reload_library(self) -> DeckLibrary:
        """Read the deck files again (after an own card was written)."""
        with self._library_lock:
            self._library = None
        return self.library

    # -- journal ------------------------------------------------------------------
    def db(self, job: Callable[[JournalStore], T]) -> Future[T]:
        """Run ``job(store)`` on the journal thread (opening the store the first time)."""
        return self._executor.submit(self._run, job)

    def db_wait(self, job: Callable[[JournalStore], T]) -> T:
        """``db(job)`` and wait: for worker threads, never for the interface thread."""
        return self.db(job).result()

    def _run(self, job: Callable[[JournalStore], Any]) -> Any:
        if self._store is None:
            from tui.journal.store import open_store

            self._store = open_store(now=self.clock)
            self.store_notice = self._store.notice
        return job(self._store)

    def close(self) -> None:
        """Close the store on its own thread and stop that thread."""
        def shut(_store: Any) -> None:
            if self._store is not None:
                self._store.close()
                self._store = None

        if self._store is not None:
            self._executor.submit(shut, None).result()
        self._executor.shutdown(wait=True)

    # -- drawing -----------------------------------------------------------------
    def draw_card(self, store: JournalStore, *, purpose: str, deck: str | None = None,
                  kind: str | None = None, tag: str | None = None,
                  moment: str | None = None) -> Card | None:
        """Draw without replacement from the cards matching the filters, and record it.

        Runs on the journal thread (``session.db(lambda s: session.draw_card(s, ...))``):
        the bag is read and written in the same place as the draw. ``None``: no card matches.
        """
        from tui.drawing import draw, pool_key

        cards = self.library.cards(deck=deck, kind=kind, tag=tag, moment=moment)
        if not cards:
            return None
        key = pool_key(deck=deck, kind=kind, tag=tag, moment=moment)
        bag, last = store.load_bag(key)
        card, bag = draw(cards, self.rng, bag, last)
        store.record_draw(card.deck, card.id, purpose, bag_key=key, bag=bag)
        return card
