"""Reading the journal back: the newest entries, per card, search, on this day, numbers.

Thin on purpose: the store answers; the core is the one door both faces use,
so a face never opens the journal itself.
"""

from __future__ import annotations

from datetime import date

TYPE_CHECKING = False  # typing costs a few ms to import on every command; annotations only
if TYPE_CHECKING:
    from tui.journal.model import Entry, SearchHit


class ReadingMixin:
    def entry(self, uid: str) -> Entry | None:
        return self.store.get_entry(uid)

    def recent(self, limit: int = 50, *, kind: str | None = None, before=None,
               starred: bool = False) -> list[Entry]:
        return self.store.recent(limit, kind=kind, before=before, starred=starred)

    def count(self, kind: str | None = None, *, starred: bool = False) -> int:
        return self.store.count(kind, starred=starred)

    def card_history(self, deck: str, card: str) -> list[Entry]:
        """Everything written on one card, oldest first."""
        return self.store.card_history(deck, card)

    def search(self, query: str, **filters) -> list[SearchHit]:
        return self.store.search(query, **filters)

    def on_this_day(self, **filters) -> list[Entry]:
        return self.store.on_this_day(self.today(), **filters)

    def pending_decisions(self) -> list[Entry]:
        return self.store.pending_decisions()

    def history(self, uid: str) -> list[Entry]:
        return self.store.history(uid)

    def trash(self) -> list[Entry]:
        return self.store.trash()

    def stats(self) -> dict:
        return self.store.stats(self.today())

    def day_counts(self, start: date, end: date) -> dict[date, int]:
        return self.store.day_counts(start, end)

    def streak(self) -> int:
        return self.store.streak(self.today())
