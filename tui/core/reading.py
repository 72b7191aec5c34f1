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
               starred: bool = False, offset: int = 0) -> list[Entry]:
        return self.store.recent(limit, kind=kind, before=before, starred=starred, offset=offset)

    def count(self, kind: str | None = None, *, starred: bool = False) -> int:
        return self.store.count(kind, starred=starred)

    def month_counts(self, *, kind: str | None = None,
                     starred: bool = False) -> list[tuple[str, int]]:
        return self.store.month_counts(kind=kind, starred=starred)

    def newer_than(self, day: date, *, kind: str | None = None, starred: bool = False) -> int:
        return self.store.newer_than(day, kind=kind, starred=starred)

    def search_count(self, query: str, **filters) -> int:
        return self.store.search_count(query, **filters)

    def card_history(self, deck: str, card: str) -> list[Entry]:
        """Everything written on one card, oldest first."""
        return self.store.card_history(deck, card)

    def search(self, query: str, **filters) -> list[SearchHit]:
        return self.store.search(query, **filters)

    def on_this_day(self, **filters) -> list[Entry]:
        return self.store.on_this_day(self.today(), **filters)

    def pending_decisions(self) -> list[Entry]:
        return self.store.pending_decisions()

    def due_decisions(self) -> list[Entry]:
        """Decisions whose day to look back has come and that have no outcome, oldest first."""
        return self.store.due_decisions(self.today())

    def last_note_on(self, card) -> tuple[int, Entry] | None:
        """``(how many entries, the newest)`` written on ``card``, or ``None`` for none yet.

        ``card`` is a deck card, an entry's card reference, or ``"deck/card"``.
        """
        if isinstance(card, str):
            deck, _, card_id = card.partition("/")
        else:
            deck, card_id = card.deck, getattr(card, "id", None) or card.card
        return self.store.last_on_card(deck, card_id)

    def history(self, uid: str) -> list[Entry]:
        return self.store.history(uid)

    def trash(self) -> list[Entry]:
        return self.store.trash()

    def stats(self) -> dict:
        return self.store.stats(self.today())

    def month_view(self, year: int, month: int) -> dict:
        """One month day by day: ``{"month", "days": [{"date", "entries"}], ...}``."""
        return self.store.month_view(year, month)

    def day_counts(self, start: date, end: date) -> dict[date, int]:
        return self.store.day_counts(start, end)

    def streak(self) -> int:
        return self.store.streak(self.today())
