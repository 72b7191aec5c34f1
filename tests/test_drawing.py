"""Drawing rules: seeded shuffle, filters, without replacement, the card of the day."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from tests.conftest import TEST_DECKS
from tui.decks.library import DeckLibrary
from tui.decks.model import Card
from tui.drawing import card_of_the_day, draw, pool_key, shuffled


def make_cards(count: int, deck: str = "d") -> list[Card]:
    return [Card(deck, f"c{number}", "think", f"Vraag {number}?") for number in range(count)]


def test_shuffle_is_repeatable_with_a_seed_and_keeps_every_card():
    cards = make_cards(20)
    assert shuffled(cards, 7) == shuffled(cards, 7)
    assert shuffled(cards, 7) != shuffled(cards, 8)
    assert sorted(shuffled(cards, 7), key=lambda c: c.id) == sorted(cards, key=lambda c: c.id)


def test_a_deck_is_exhausted_before_any_card_repeats():
    cards = make_cards(12)
    rng = random.Random(1)
    bag, last, seen = None, None, []
    for _ in range(12):
        card, bag = draw(cards, rng, bag, last)
        last = card.ref
        seen.append(card.ref)
    assert sorted(seen) == sorted(card.ref for card in cards)
    assert bag == []
    card, bag = draw(cards, rng, bag, last)  # a new round starts, without repeating the last card
    assert card.ref != last
    assert len(bag) == 11


def test_new_round_never_starts_with_the_last_card():
    cards = make_cards(2)
    for seed in range(50):
        rng = random.Random(seed)
        first, bag = draw(cards, rng, None, None)
        second, bag = draw(cards, rng, bag, first.ref)
        third, _ = draw(cards, rng, bag, second.ref)
        assert third.ref != second.ref


def test_bag_drops_cards_that_no_longer_exist():
    cards = make_cards(3)
    card, bag = draw(cards, random.Random(0), ["d/gone", "d/c1"], None)
    assert card.ref == "d/c1" and bag == []


def test_drawing_from_nothing_is_an_error():
    with pytest.raises(ValueError):
        draw([], random.Random(0))


def test_pool_key_names_the_filters():
    assert pool_key(deck="a", moment="m") == "deck=a;kind=*;tag=*;moment=m"
    assert pool_key() != pool_key(kind="do")


def test_filters_by_deck_kind_tag_and_moment():
    library = DeckLibrary.load("nl", bundled_dir=TEST_DECKS, own_dir=TEST_DECKS / "none")
    assert {c.id for c in library.cards(kind="do")} == {"bellen"}
    assert {c.id for c in library.cards(tag="#luisteren")} == {"luisteren"}
    assert {c.id for c in library.cards(tag="@luisteren")} == {"luisteren"}
    assert {c.id for c in library.cards(moment="voor-besluit")} == {"bellen"}
    assert {c.id for c in library.cards(deck="proef", moment="keukentafel")} == {"luisteren", "bellen"}
    assert library.cards(deck="nope") == []


def test_card_of_the_day_is_stable_all_day_and_changes_the_next_day():
    cards = make_cards(10)
    day = date(2026, 11, 22)
    assert card_of_the_day(cards, day, "user-a") == card_of_the_day(list(reversed(cards)), day, "user-a")
    previous = None
    seen = []
    for offset in range(40):
        card = card_of_the_day(cards, day + timedelta(days=offset), "user-a")
        assert card != previous
        previous = card
        seen.append(card.ref)
    rounds: dict[int, list[str]] = {}
    for offset, ref in enumerate(seen):
        rounds.setdefault((day + timedelta(days=offset)).toordinal() // len(cards), []).append(ref)
    whole = [refs for refs in rounds.values() if len(refs) == len(cards)]
    assert len(whole) >= 3
    assert all(len(set(refs)) == len(cards) for refs in whole)  # every card once a round


def test_card_of_the_day_differs_between_users():
    cards = make_cards(30)
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(30)]
    a = [card_of_the_day(cards, d, "user-a") for d in days]
    b = [card_of_the_day(cards, d, "user-b") for d in days]
    assert a != b


@pytest.mark.parametrize("size", [1, 2, 3])
def test_card_of_the_day_small_pools(size):
    cards = make_cards(size)
    day = date(2026, 11, 22)
    picks = [card_of_the_day(cards, day + timedelta(days=n), "u") for n in range(12)]
    assert all(pick in cards for pick in picks)
    assert picks == [card_of_the_day(cards, day + timedelta(days=n), "u") for n in range(12)]
    if size == 1:
        assert set(picks) == set(cards)  # the one card, every day
    else:
        assert all(a != b for a, b in zip(picks, picks[1:], strict=False))
        assert set(picks) == set(cards)  # a small pool still comes round whole
