"""A cache of checked decks, so that an ordinary start reads no YAML at all.

Parsing and checking every deck costs tens of milliseconds (and importing
PyYAML as much again); ``kaart today`` should not pay that each time. After
a deck file passes the loader, its content is kept in ``deck-cache.json`` in
the data folder, keyed by the file's path, size and modification time, and
by the moments file it was checked against. A changed file is simply read
again. Only decks without problems are cached, so problem messages are
always fresh and in the current language.

The cache is rebuilt, never trusted, when anything about it is off: its
first line holds a CRC-32 of the rest, so a hand-edited or half-written
cache is ignored as a whole, and every entry is checked for the types a deck
has before it is used. A cache that is not a regular file, is a link, is too
large or nested too deep is ignored too; one that cannot be written is
skipped.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

from tui import __version__, paths
from tui.decks.model import KINDS, Card, Deck, valid_id

CACHE_FORMAT = 2
MAX_CACHE_BYTES = 32 * 1024 * 1024


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
        self.data: dict = {"decks": {}, "moments": {}}
        if path is not None:
            loaded = _read(path)
            if loaded is not None:
                self.data = loaded

    @classmethod
    def default(cls) -> DeckCache:
        return cls(paths.deck_cache_path())

    # -- decks --------------------------------------------------------------
    def deck(self, path: Path, sig: list[int] | None, moments_sig: object, source: str) -> Deck | None:
        entry = self.data["decks"].get(str(path))
        if not isinstance(entry, dict) or sig is None or entry.get("sig") != sig \
                or entry.get("moments") != moments_sig:
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
            if isinstance(items, dict) and all(
                    isinstance(key, str) and isinstance(labels, dict)
                    and all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items())
                    for key, labels in items.items()):
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
        from tui.errors import KaartError
        from tui.fileio import atomic_write

        payload = json.dumps(self.data, ensure_ascii=False, separators=(",", ":")).encode()
        header = json.dumps({"format": CACHE_FORMAT, "version": __version__,
                             "crc": zlib.crc32(payload)}).encode()
        try:
            paths.ensure_private_dir(self.path.parent)
            atomic_write(self.path, header + b"\n" + payload)
        except (OSError, KaartError):
            return  # a read-only data folder: next time the decks are read again
        self.dirty = False


def _read(path: Path) -> dict | None:
    """The cache's data, or ``None`` when it is missing or anything about it is off."""
    from tui.errors import InputError
    from tui.fileio import read_regular

    try:
        raw = read_regular(path, MAX_CACHE_BYTES, follow=False)
    except InputError:
        return None
    head, _, payload = raw.partition(b"\n")
    try:
        header = json.loads(head)
        if not (isinstance(header, dict) and header.get("format") == CACHE_FORMAT
                and header.get("version") == __version__
                and header.get("crc") == zlib.crc32(payload)):
            return None
        data = json.loads(payload)
    except (ValueError, RecursionError):
        return None
    if not (isinstance(data, dict) and isinstance(data.get("decks"), dict)
            and isinstance(data.get("moments"), dict)):
        return None
    return data


def _text(value: object, *, required: bool = False) -> str:
    if not isinstance(value, str) or (required and not value):
        raise ValueError("not text")
    return value


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("not a list of text")
    return tuple(value)


def deck_from_dict(data: dict, path: Path | None, source: str) -> Deck:
    """A deck from the dict ``Deck.to_dict`` made; ``ValueError`` unless it has a deck's types."""
    deck_id, language = _text(data["id"], required=True), _text(data["language"], required=True)
    if not valid_id(deck_id) or not isinstance(data["cards"], list):
        raise ValueError("not a deck")
    cards = []
    for card in data["cards"]:
        kind = _text(card["kind"])
        card_id = _text(card["id"], required=True)
        if kind not in KINDS or not valid_id(card_id):
            raise ValueError("not a card")
        cards.append(Card(deck_id, card_id, kind, _text(card["text"], required=True),
                          _text(card.get("back", "")), _texts(card.get("prompts", [])),
                          _texts(card.get("tags", [])), _texts(card.get("moments", [])),
                          language))
    return Deck(deck_id, language, _text(data["title"]), _text(data.get("description", "")),
                _text(data.get("video", "")), tuple(cards), path, source)
