"""The user's own cards: write, edit and delete cards in an own deck file.

New cards go into the deck ``mijn-kaarten`` in the own decks folder (created
on first use, in the user's language); cards of any own deck (also one added
with ``kaart deck add``) can be edited and deleted. Bundled decks are
read-only. Every change is checked with the deck loader before the file is
written, atomically, so a deck file never ends up broken.
"""

from __future__ import annotations

from pathlib import Path

from tui import paths
from tui.decks.csvdeck import slug
from tui.decks.library import DeckLibrary
from tui.decks.loader import dump_deck, parse_deck
from tui.decks.model import FORMAT_VERSION, KINDS, Card, Deck
from tui.errors import OwnCardError
from tui.fileio import atomic_write
from tui.i18n import t
from tui.textclean import one_line, strip_controls
from tui.vocabulary import clean_tags

OWN_DECK_ID = "mijn-kaarten"


def own_decks(library: DeckLibrary) -> list[Deck]:
    return [deck for deck in library.decks if deck.source == "own"]


def own_cards(library: DeckLibrary) -> list[Card]:
    return [card for deck in own_decks(library) for card in deck.cards]


def save_card(library: DeckLibrary, *, language: str, kind: str, text: str, back: str = "",
              prompts: list[str] | tuple[str, ...] = (), tags: list[str] | tuple[str, ...] = (),
              moments: list[str] | tuple[str, ...] = (), deck_id: str = OWN_DECK_ID,
              card_id: str | None = None) -> Card:
    """Add a card (``card_id=None``) or replace one; returns the card as the loader reads it."""
    if kind not in KINDS:
        raise OwnCardError(t("deck.bad_kind", value=kind, kinds=", ".join(KINDS)))
    deck = library.get(deck_id)
    if deck is not None and deck.source != "own":
        raise OwnCardError(t("app.own.read_only", id=deck_id))
    if deck is None:
        data = {"format": FORMAT_VERSION, "id": deck_id, "language": language,
                "title": t("app.own.deck_title"), "description": t("app.own.deck_description"),
                "cards": []}
        path = paths.own_decks_dir() / language / f"{deck_id}.yaml"
    else:
        data = deck.to_dict()
        path = deck.path or paths.own_decks_dir() / deck.language / f"{deck_id}.yaml"
    card: dict = {"id": card_id or _new_id(text, {c["id"] for c in data["cards"]}), "kind": kind,
                  "text": strip_controls(text).strip()}
    if strip_controls(back).strip():
        card["back"] = strip_controls(back).strip()
    clean_prompts = [one_line(p) for p in prompts if one_line(p)]
    if kind == "worksheet" and clean_prompts:
        card["prompts"] = clean_prompts
    tags = clean_tags(tags)
    if tags:
        card["tags"] = tags
    if moments:
        card["moments"] = list(dict.fromkeys(moments))
    if card_id is None:
        data["cards"].append(card)
    else:
        index = next((i for i, c in enumerate(data["cards"]) if c["id"] == card_id), None)
        if index is None:
            raise OwnCardError(t("app.own.card_gone"))
        data["cards"][index] = card
    written = _write(library, data, path)
    return next(c for c in written.cards if c.id == card["id"])


def delete_card(library: DeckLibrary, deck_id: str, card_id: str) -> None:
    """Remove a card; a deck left without cards is removed as a file."""
    deck = library.get(deck_id)
    if deck is None or deck.source != "own" or deck.path is None:
        raise OwnCardError(t("app.own.read_only", id=deck_id))
    data = deck.to_dict()
    data["cards"] = [c for c in data["cards"] if c["id"] != card_id]
    if not data["cards"]:
        deck.path.unlink()
        return
    _write(library, data, deck.path)


def _new_id(text: str, taken: set[str]) -> str:
    base = slug(text, limit=40)
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base[:36]}-{number}"
        number += 1
    return candidate


def _write(library: DeckLibrary, data: dict, path: Path) -> Deck:
    text = dump_deck(data)
    result = parse_deck(text, str(path), source="own", moments=set(library.moments) or None)
    if result.deck is None:
        raise OwnCardError("; ".join(problem.message for problem in result.problems))
    paths.ensure_private_dir(path.parent)
    atomic_write(path, text)
    return result.deck
