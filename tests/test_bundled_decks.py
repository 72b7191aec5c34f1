"""The bundled decks (issue 3): both languages in step, the counts, the quality rules we can check.

The seven toolkit decks, and the small review deck (``terugblik``, issue 13) whose worksheets
hold the questions of the weekly and monthly review; every rule holds for it too.
"""

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
TOOLKIT_DECKS = [*WORK_PACKAGES, "dagelijkse-reflectie", "voor-een-besluit"]
REVIEW_DECK = "terugblik"
ALL_DECKS = [*TOOLKIT_DECKS, REVIEW_DECK]


def load(language: str, deck_id: str):
    result = load_deck(BUNDLED / language / f"{deck_id}.yaml", moments=set(MOMENTS), in_library=True)
    assert result.ok, result.problems
    return result.deck


def test_exactly_the_seven_toolkit_decks_plus_the_review_deck_in_both_languages():
    for language in ("nl", "en"):
        assert sorted(p.stem for p in (BUNDLED / language).glob("*.yaml")) == sorted(
            [*TOOLKIT_DECKS, REVIEW_DECK])


def test_the_review_deck_holds_the_week_and_month_questions():
    """Worksheets only, so the card of the day (think and do cards) is what it was."""
    for language in ("nl", "en"):
        deck = load(language, REVIEW_DECK)
        assert 3 <= len(deck.cards) <= 5
        assert {card.kind for card in deck.cards} == {"worksheet"}
        assert {"week", "maand"} <= {card.id for card in deck.cards}


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


def test_only_a_real_film_link_is_given():
    """The source texts link one film (De volgende stap); no other deck guesses a link."""
    for language in ("nl", "en"):
        assert [deck.id for deck in decks(language) if deck.video] == ["volgende-stap"]


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


# -- the second edition (issue 11): the style sheet in decks/STYLE.md, kept by tests ----------

from pathlib import Path  # noqa: E402

ATTRIBUTION = {
    "nl": ("De kaarten zijn voor Kaart geschreven en geïnspireerd door de Verandertoolkit "
           "Wijkaanpak van Wouter Hart en Thom Verheggen."),
    "en": ("The cards were written for Kaart and are inspired by the Verandertoolkit Wijkaanpak "
           "(a change toolkit for neighbourhood work) by Wouter Hart and Thom Verheggen."),
}
NEW_MOMENTS = {"voor-huisbezoek", "afschalen", "na-incident", "gesprek-leiding"}
QUOTED = re.compile(r"‘[^‘’]*’")


def decks(language: str):
    return [load(language, deck_id) for deck_id in ALL_DECKS]


def card_texts(card) -> list[str]:
    return [text for text in (card.text, card.back, *card.prompts) if text]


def all_texts(language: str) -> list[tuple[str, str]]:
    """(where, text) for every title, description, front, back and prompt in one language."""
    out = []
    for deck in decks(language):
        out += [(f"{deck.id} title", deck.title), (f"{deck.id} description", deck.description)]
        out += [(f"{deck.id}/{card.id}", text) for card in deck.cards for text in card_texts(card)]
    return out


def unquoted(text: str) -> str:
    """The text without its quoted speech and quoted titles (‘…’)."""
    return QUOTED.sub(" ", text)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_description_ends_with_the_one_attribution_sentence(language):
    for deck in decks(language):
        assert deck.description.endswith(ATTRIBUTION[language]), deck.id


@pytest.mark.parametrize("language", ["nl", "en"])
def test_one_quote_style(language):
    """Curly single quotes for speech and titles, ’ as the apostrophe; nothing else."""
    for where, text in all_texts(language):
        assert not re.search("[\"'“”„‟«»‚]", text), (where, text)
        assert len(QUOTED.findall(text)) == text.count("‘"), (where, text)


def test_dutch_style_sheet():
    rules = {
        "geen ‘hij of zij’": re.compile(r"\b(hij|zij|zijn|hem|haar)\s*(of|/)\s*(hij|zij|zijn|hem|haar)\b", re.I),
        "een van jullie, niet één van": re.compile(r"\béén van\b", re.I),
        "geïnspireerd door, niet op": re.compile(r"geïnspireerd op", re.I),
        "Vóór een besluit, met accenten": re.compile(r"\bVoor een besluit\b"),
        "inwoner voor de persoon in een casus": re.compile(r"\bbewoner\b", re.I),
    }
    for where, text in all_texts("nl"):
        for rule, pattern in rules.items():
            assert not pattern.search(text), (rule, where, text)
        bare = unquoted(text)
        # je for the reader, jullie for the team: the cards never speak as we, nor say u to the reader
        assert not re.search(r"\b(we|wij|ons|onze)\b", bare, re.I), ("geen we/ons", where, text)
        assert not re.search(r"\b(u|uw)\b", bare), ("u alleen in directe rede", where, text)
        for quote in QUOTED.findall(text):  # quoted speech to a resident says u, never je
            assert not re.search(r"\b(je|jij|jou|jouw|jullie)\b", quote, re.I), (where, quote)


def test_vóór_een_besluit():
    assert load("nl", "voor-een-besluit").title == "Vóór een besluit"
    assert MOMENTS["voor-besluit"].labels["nl"] == "Vóór een besluit"


def test_english_style_sheet():
    banned = {
        "services, not products": re.compile(r"\bproducts?\b", re.I),
        "channels, not the official route": re.compile(r"\bofficial route\b", re.I),
        "an English title": re.compile(r"\bfrom the purpose\b", re.I),
        "council, not municipality": re.compile(r"\bmunicipalit", re.I),
        "indicatie is an assessment": re.compile(r"\beligibility decision|\bindication\b", re.I),
        "no he or she": re.compile(r"\b(he|she|his|her|him|hers)\s*(or|/)\s*(he|she|his|her|him|hers)\b|\bs/he\b", re.I),
    }
    for where, text in all_texts("en"):
        for rule, pattern in banned.items():
            assert not pattern.search(text), (rule, where, text)
        # leeway is leeway: a room is only ever the one you sit in
        assert not re.search(r"\broom\b", re.sub(r"\bin the room\b", "", text)), (where, text)


def test_the_theme_is_glossed_by_its_english_title():
    """This deck belongs to the theme ‘…’ (English title): the gloss is the deck's own title."""
    for deck_id in WORK_PACKAGES:
        deck = load("en", deck_id)
        assert re.search(r"This deck belongs to the theme ‘[^’]+’ \(" + re.escape(deck.title) + r"\)\.",
                         deck.description), deck_id


def test_english_titles_are_english():
    for deck_id in ALL_DECKS:
        nl, en = load("nl", deck_id), load("en", deck_id)
        assert en.title != nl.title, deck_id


GLOSSED = [r"kitchen-table conversations?", r"\bdecentralisations?\b", r"Proeftuin Ruwaard",
           r"\btriangle\b", r"\bmeldcode\b", r"Veilig Thuis", r"open-access services?",
           r"Verandertoolkit Wijkaanpak"]


@pytest.mark.parametrize("deck_id", ALL_DECKS)
def test_a_dutch_notion_is_glossed_where_it_first_appears_in_an_english_deck(deck_id):
    deck = load("en", deck_id)
    reading = "\n".join([deck.description, *(t for card in deck.cards for t in card_texts(card))])
    for term in GLOSSED:
        first = re.search(term, reading, re.I)
        if first:
            assert reading[first.end():].startswith(" ("), (deck_id, term, reading[first.start():][:80])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_card_dates_or_counts_the_years(language):
    counting = re.compile(r"\b(tien|vijf|\d+) jaar (na|sinds|geleden|later)\b|\bsinds 20\d\d|"
                          r"\b(ten|five|\d+) years (on|since|ago|after)\b|\bsince 20\d\d", re.I)
    for where, text in all_texts(language):
        assert not counting.search(text), (where, text)
    for deck in decks(language):
        for card in deck.cards:
            for text in card_texts(card):
                assert not re.search(r"\b(19|20)\d\d\b", text), (card.id, text)


def test_the_second_editions_moments_exist():
    assert set(MOMENTS) >= NEW_MOMENTS


def test_every_moment_has_six_cards_from_three_decks():
    for language in ("nl", "en"):
        for moment in MOMENTS:
            tagged = [(deck.id, card.id) for deck in decks(language) for card in deck.cards
                      if moment in card.moments]
            assert len(tagged) >= 6, (language, moment, tagged)
            assert len({deck_id for deck_id, _ in tagged}) >= 3, (language, moment, tagged)


def test_no_long_worksheet_is_tagged_for_the_minutes_before_a_decision():
    for language in ("nl", "en"):
        for deck in decks(language):
            for card in deck.cards:
                if card.kind == "worksheet":
                    assert "voor-besluit" not in card.moments, (deck.id, card.id)


def test_start_of_the_week_cards_look_ahead():
    looking_back = {"nl": re.compile(r"\b(vandaag|vanavond|gisteren|afgelopen)\b", re.I),
                    "en": re.compile(r"\b(today|tonight|yesterday|past week)\b", re.I)}
    for language, pattern in looking_back.items():
        for deck in decks(language):
            for card in deck.cards:
                if "begin-week" in card.moments:
                    assert not pattern.search(card.text), (language, card.id, card.text)


JOINED = {"nl": re.compile(r", en |\ben (wat|wie|welke?|hoe|waar|wanneer|waarom|waaraan)\b", re.I),
          "en": re.compile(r"\b(and|or) (what|who|which|how|where|when|why)\b", re.I)}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_think_front_asks_one_short_question(language):
    for deck in decks(language):
        for card in deck.cards:
            if card.kind == "think":
                text = card.text
                assert text.count("?") == 1 and text.endswith("?"), (deck.id, card.id, text)
                assert not JOINED[language].search(text), (deck.id, card.id, text)
                assert len(text.split()) <= 20, (deck.id, card.id, text)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_think_back_deepens_or_turns_the_question(language):
    for deck in decks(language):
        for card in deck.cards:
            if card.kind == "think":
                assert "?" in card.back, (deck.id, card.id, card.back)


SHEET = {
    "nl": {"alone": "Alleen:", "group": re.compile(r"\b(jullie|we|wij|ons|onze)\b", re.I),
           "barrier": re.compile(r"\bin de weg\b"), "step": re.compile(r"\bstap\b", re.I),
           "look_back": re.compile(r"^Wanneer\b.*\bterug")},
    "en": {"alone": "On your own:", "group": re.compile(r"\b(we|us|our)\b", re.I),
           "barrier": re.compile(r"\bin the way\b"), "step": re.compile(r"\bsteps?\b", re.I),
           "look_back": re.compile(r"^When\b.*\bback\b")},
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_worksheets_work_alone_and_go_from_case_to_obstacle_to_step_to_look_back(language):
    rules = SHEET[language]
    for deck in decks(language):
        for sheet in (card for card in deck.cards if card.kind == "worksheet"):
            where = (deck.id, sheet.id)
            prompts = sheet.prompts
            assert 3 <= len(prompts) <= 6, where
            assert rules["alone"] in sheet.back, where
            for prompt in prompts:
                assert not rules["group"].search(prompt), (where, prompt)
            assert rules["look_back"].search(prompts[-1]), (where, prompts[-1])
            barrier = next(i for i, p in enumerate(prompts) if rules["barrier"].search(p))
            step = max(i for i, p in enumerate(prompts[:-1]) if rules["step"].search(p))
            assert 0 < barrier < step < len(prompts) - 1, where


@pytest.mark.parametrize("language", ["nl", "en"])
def test_worksheet_titles_have_one_separator(language):
    for deck in decks(language):
        for sheet in (card for card in deck.cards if card.kind == "worksheet"):
            assert re.fullmatch(r"[^:—–.?!]{2,50}: [^:—–]+", sheet.text), (deck.id, sheet.id, sheet.text)


# -- every sentence is our own: no run of five words shared with the source texts --------------

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
RUN = 5
CREDITED = ["Verandertoolkit Wijkaanpak", "Wouter Hart", "Thom Verheggen", "Proeftuin Ruwaard",
            "Ruwaard in Oss", "Van legpuzzel naar ecosysteem", "Anders denken, doen en organiseren",
            "De volgende stap", "Gelijkwaardig samenwerken", "Werken vanuit de bedoeling",
            "In de lead", "Verleiding"]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def runs(text: str) -> set[tuple[str, ...]]:
    """Every run of RUN words, case and punctuation ignored; credited names and titles break a run."""
    tokens: list[str | None] = list(words(text))
    for phrase in map(words, CREDITED):
        for i in range(len(tokens) - len(phrase) + 1):
            if tokens[i:i + len(phrase)] == phrase:
                tokens[i:i + len(phrase)] = [None] * len(phrase)
    return {tuple(tokens[i:i + RUN]) for i in range(len(tokens) - RUN + 1)  # type: ignore[misc]
            if None not in tokens[i:i + RUN]}


def test_no_five_word_run_is_shared_with_the_seeds():
    if not SEEDS.is_dir():
        pytest.skip("the source texts (../shared/seeds) are not here")
    seed_runs: set[tuple[str, ...]] = set()
    for path in sorted(SEEDS.iterdir()):
        if path.is_file():
            seed_runs |= runs(path.read_text(encoding="utf-8", errors="replace"))
    assert seed_runs
    shared = [(language, where, " ".join(run))
              for language in ("nl", "en") for where, text in all_texts(language)
              for run in runs(text) & seed_runs]
    assert not shared, shared


def test_the_seed_check_sees_a_copied_sentence():
    """The overlap test would catch a copied run, and lets a credited title through."""
    seed = runs("Het is altijd de kunst om je eigen blinde vlekken te onderzoeken.")
    assert runs("Het is de kunst om je eigen blinde vlekken te zien") & seed
    assert not runs("het thema ‘Anders denken, doen en organiseren’ uit") & runs(
        "Werkpakket 2: Anders denken, doen en organiseren")
