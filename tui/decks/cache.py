"""A cache of checked decks, so that an ordinary start reads no YAML at all.

Parsing and checking every deck costs tens of milliseconds (and importing
PyYAML as much again); ``kaart today`` should not pay that each time. After
a deck file passes the loader, its content is kept in ``deck-cache.json`` in
the data folder, keyed by the file's path, size and modification time, and
by the moments file it was checked against. A changed file is simply read
again. Only decks without problems are cached, so problem messages are
always fresh and in the current language. A cache that cannot be read is
ignored; one that cannot be written is skipped.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tui import __version__, paths
from tui.decks.model import Card, Deck

CACHE_FORMAT = 1


def signature(path: Path) -> list[int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_mtime_ns, info.st_size]


class DeckCache:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.dirty = False
        self.data: dict = {"format": CACHE_FORMAT, "version": __version__, "decks": {},
                           "moments": {}}
        if path is None:
            return
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if (isinstance(loaded, dict) and loaded.get("format") == CACHE_FORMAT
                and loaded.get("version") == __version__
                and isinstance(loaded.get("decks"), dict) and isinstance(loaded.get("moments"), dict)):
            self.data = loaded

    @classmethod
    def default(cls) -> DeckCache:
        return cls(paths.data_dir(create=False) / "deck-cache.json")

    # -- decks --------------------------------------------------------------
    def deck(self, path: Path, sig: list[int] | None, moments_sig: object, source: str) -> Deck | None:
        entry = self.data["decks"].get(str(path))
        if not isinstance(entry, dict) or sig is None or entry.get("sig") != sig or entry.get("moments") != moments_sig:
            return None
        try:
            return deck_from_dict(entry["deck"], path, source)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # a damaged entry: read the file again

    def put_deck(self, path: Path, sig: list[int] | None, moments_sig: object, deck: Deck) -> None:
        if sig is None:
            return
        self.data["decks"][str(path)] = {"sig": sig, "moments": moments_sig, "deck": deck.to_dict()}
        self.dirty = True

    # -- moments ------------------------------------------------------------
    def moments(self, path: Path, sig: list[int] | None) -> dict[str, dict[str, str]] | None:
        entry = self.data["moments"].get(str(path))
        if isinstance(entry, dict) and sig is not None and entry.get("sig") == sig:
            items = entry.get("items")
            if isinstance(items, dict) and all(isinstance(v, dict) for v in items.values()):
                return items
        return None

    def put_moments(self, path: Path, sig: list[int] | None, items: dict[str, dict[str, str]]) -> None:
        if sig is None:
            return
        self.data["moments"][str(path)] = {"sig": sig, "items": items}
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or self.path is None:
            return
        from tui.fileio import atomic_write

        try:
            paths.ensure_private_dir(self.path.parent)
            atomic_write(self.path, json.dumps(self.data, ensure_ascii=False, separators=(",", ":")))
        except OSError:
            return  # a read-only data folder: next time the decks are read again
        self.dirty = False


def deck_from_dict(data: dict, path: Path | None, source: str) -> Deck:
    """A deck from the dict ``Deck.to_dict`` made (already checked by the loader)."""
    deck_id, language = data["id"], data["language"]
    cards = tuple(
        Card(deck_id, card["id"], card["kind"], card["text"], card.get("back", ""),
             tuple(card.get("prompts", ())), tuple(card.get("tags", ())),
             tuple(card.get("moments", ())), language)
        for card in data["cards"]
    )
    return Deck(deck_id, language, data["title"], data.get("description", ""),
                data.get("video", ""), cards, path, source)
