"""The bundled decks (issue 3): both languages in step, the counts, the quality rules we can check."""

from __future__ import annotations

import re

import pytest

from tui import paths
from tui.decks.loader import load_deck
from tui.decks.moments import load_moments

BUNDLED = paths.bundled_decks_dir()
MOMENTS, _ = load_moments(BUNDLED / "moments.yaml")
WORK_PACKAGES = ["legpuzzel-ecosysteem", "anders-organiseren", "volgende-stap",
                 "gelijkwaardig-samenwerken", "vanuit-de-bedoeling"]
ALL_DECKS = [*WORK_PACKAGES, "dagelijkse-reflectie", "voor-een-besluit"]


def load(language: str, deck_id: str):
    result = load_deck(BUNDLED / language / f"{deck_id}.yaml", moments=set(MOMENTS), in_library=True)
    assert result.ok, result.problems
    return result.deck


def test_exactly_the_seven_decks_in_both_languages():
    for language in ("nl", "en"):
        assert sorted(p.stem for p in (BUNDLED / language).glob("*.yaml")) == sorted(ALL_DECKS)


def test_moments_vocabulary_has_both_languages_and_the_required_moments():
    required = {"voor-besluit", "keukentafel", "na-huisbezoek", "teamoverleg", "intervisie",
                "begin-week", "einde-dag", "nee-zeggen"}
    assert required <= set(MOMENTS)
    for moment in MOMENTS.values():
        assert moment.labels.get("nl") and moment.labels.get("en")


@pytest.mark.parametrize("deck_id", ALL_DECKS)
def test_languages_match_card_for_card(deck_id):
    nl, en = load("nl", deck_id), load("en", deck_id)
    assert (nl.language, en.language) == ("nl", "en")
    assert [(c.id, c.kind, c.moments, len(c.prompts)) for c in nl.cards] == \
           [(c.id, c.kind, c.moments, len(c.prompts)) for c in en.cards]
    assert nl.video == en.video
    for deck in (nl, en):
        assert "Verandertoolkit Wijkaanpak" in deck.description
        assert "Hart" in deck.description and "Verheggen" in deck.description


@pytest.mark.parametrize("deck_id", WORK_PACKAGES)
def test_work_package_counts(deck_id):
    for language in ("nl", "en"):
        deck = load(language, deck_id)
        kinds = [card.kind for card in deck.cards]
        assert kinds.count("think") + kinds.count("do") >= 10
        assert kinds.count("do") >= 3 and kinds.count("think") >= 1
        sheets = [card for card in deck.cards if card.kind == "worksheet"]
        assert len(sheets) >= 2
        assert all(3 <= len(sheet.prompts) <= 6 for sheet in sheets)
        with_back = sum(1 for card in deck.cards if card.back)
        assert with_back > len(deck.cards) / 2


def test_daily_and_decision_counts():
    for language in ("nl", "en"):
        assert len(load(language, "dagelijkse-reflectie").cards) >= 20
        decision = load(language, "voor-een-besluit")
        assert len(decision.cards) >= 15
        assert all("voor-besluit" in card.moments for card in decision.cards)


def test_the_next_step_carries_its_film():
    for language in ("nl", "en"):
        assert load(language, "volgende-stap").video == "https://vimeo.com/648469167"


@pytest.mark.parametrize("deck_id", ALL_DECKS)
def test_fronts_read_in_one_breath(deck_id):
    for language in ("nl", "en"):
        for card in load(language, deck_id).cards:
            if card.kind != "worksheet":
                assert len(card.text.split()) < 25, (language, card.id, card.text)


@pytest.mark.parametrize("deck_id", ALL_DECKS)
def test_think_cards_are_open_questions(deck_id):
    closed = {"nl": re.compile(r"^(Is|Zijn|Heb|Hebben|Kun|Kan|Ben|Wil|Moet|Doe)\b"),
              "en": re.compile(r"^(Is|Are|Do|Does|Did|Have|Has|Can|Could|Would|Will|Should)\b")}
    for language in ("nl", "en"):
        for card in load(language, deck_id).cards:
            if card.kind == "think":
                assert not closed[language].match(card.text), (language, card.id, card.text)


def test_every_moment_has_cards():
    cards = [card for deck_id in ALL_DECKS for card in load("nl", deck_id).cards]
    for moment in MOMENTS:
        assert sum(moment in card.moments for card in cards) >= 3, moment
