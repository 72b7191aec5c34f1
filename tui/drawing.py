"""Drawing cards: seeded shuffle, draw without replacement, the card of the day.

Plain Python. The without-replacement state (the "bag": the card refs not yet
drawn in this round) is owned by the caller, so the journal store can keep it
across sessions: ``draw(cards, rng, bag)`` returns the card and the new bag.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

from tui.decks.model import Card


def shuffled(cards: Sequence[Card], seed: int | str | None = None) -> list[Card]:
    """A new list with ``cards`` in a random order; the same seed gives the same order."""
    order = list(cards)
    random.Random(seed).shuffle(order)
    return order


def pool_key(*, deck: str | None = None, kind: str | None = None, tag: str | None = None,
             moment: str | None = None) -> str:
    """The name of a bag: draws with the same filters share one."""
    return f"deck={deck or '*'};kind={kind or '*'};tag={tag or '*'};moment={moment or '*'}"


def draw(cards: Sequence[Card], rng: random.Random, bag: Sequence[str] | None = None,
         last: str | None = None) -> tuple[Card, list[str]]:
    """Draw one card without replacement.

    ``bag`` holds the refs (``deck/card``) not yet drawn this round; refs of
    cards that no longer exist are dropped. An empty bag starts a new round
    with every card, avoiding ``last`` (the previous draw) so the same card
    never comes twice in a row across rounds.
    """
    if not cards:
        raise ValueError("no cards to draw from")
    by_ref = {card.ref: card for card in cards}
    remaining = [ref for ref in (bag or ()) if ref in by_ref]
    candidates = remaining
    if not remaining:
        remaining = list(by_ref)
        candidates = [ref for ref in remaining if ref != last] or remaining
    pick = rng.choice(candidates)
    remaining.remove(pick)
    return by_ref[pick], remaining


def card_of_the_day(cards: Sequence[Card], day: date, user_seed: str) -> Card:
    """The same card all day for one user, a different one the next day.

    Days walk through a per-user shuffled order of all cards, so every card
    comes once before any repeats; where one round ends and the next begins
    the order is nudged so a card never shows two days in a row.
    """
    if not cards:
        raise ValueError("no cards to choose from")
    ordered = sorted(cards, key=lambda card: card.ref)
    round_no, position = divmod(day.toordinal(), len(ordered))
    return _round_order(ordered, user_seed, round_no)[position]


def _round_order(cards: list[Card], user_seed: str, round_no: int) -> list[Card]:
    if len(cards) <= 2:
        return cards  # alternate: still never the same card two days running
    order = _shuffle_round(cards, user_seed, round_no)
    if order[0] is _shuffle_round(cards, user_seed, round_no - 1)[-1]:
        order[0], order[1] = order[1], order[0]  # never touches the last place (len > 2)
    return order


def _shuffle_round(cards: list[Card], user_seed: str, round_no: int) -> list[Card]:
    # A text seed is hashed by random itself (SHA-512), the same in every process and
    # version; it spares every command the import of hashlib and OpenSSL.
    order = list(cards)
    random.Random(f"{user_seed}:{round_no}").shuffle(order)
    return order
