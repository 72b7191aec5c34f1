"""The card of the day: which cards feed it, and which card it is today.

Plain Python, shared by ``kaart today``, ``kaart hint`` and the app's home screen.
``kaart hint`` (the card in every new shell) keeps the day it last showed
the card in a tiny private file of its own, never in the journal, so a shell
start opens no database at all.
"""

from __future__ import annotations

from datetime import date

TYPE_CHECKING = False  # annotations only: ``kaart hint`` reads its file before importing decks
if TYPE_CHECKING:
    from pathlib import Path

    from tui.decks.library import DeckLibrary
    from tui.decks.model import Card


def daily_pool(library: DeckLibrary, default_deck: str = "") -> list[Card]:
    """The default deck's cards when it exists, else every think and do card."""
    cards = library.cards(deck=default_deck) if default_deck and library.get(default_deck) else []
    if not cards:
        cards = [card for card in library.cards() if card.kind in ("think", "do")]
    return cards


def todays_card(library: DeckLibrary, default_deck: str, day: date, user_seed: str) -> Card | None:
    """The card of ``day`` for this user, or ``None`` when there are no cards at all."""
    from tui.drawing import card_of_the_day

    cards = daily_pool(library, default_deck)
    return card_of_the_day(cards, day, user_seed) if cards else None


HINT_BYTES = 64  # the file holds one date; anything larger is not ours


def hint_shown_on(path: Path) -> date | None:
    """The day ``kaart hint`` last showed the card; ``None`` when never (or the file is odd).

    A link, a folder or a FIFO in the file's place reads as "never": the hint
    shows, and writing the day then replaces the odd thing instead of
    following it. Read with ``os`` alone (every new shell runs this): never
    through a link, never blocking, never more than :data:`HINT_BYTES`.
    """
    import os
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > HINT_BYTES:
            return None
        raw = os.read(fd, HINT_BYTES)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        return date.fromisoformat(raw.decode("ascii").strip())
    except ValueError:  # also UnicodeDecodeError
        return None


def mark_hint_shown(path: Path, day: date) -> None:
    """Keep ``day`` as the day the hint was shown (atomic, 0600, never through a link)."""
    from tui.fileio import atomic_write

    atomic_write(path, day.isoformat() + "\n")
