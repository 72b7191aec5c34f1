"""Property test: any deck written out as YAML reads back as the same deck."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.decks.loader import dump_deck, parse_deck
from tui.decks.model import KINDS, Card, Deck

ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
# any text a person might type: emoji, RTL, markup look-alikes, YAML look-alikes;
# no control characters (they are stripped on load) and no surrounding blanks.
texts = st.one_of(
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=60),
    st.sampled_from(["no", "on", "1.10", "12:30", "2026-11-22", "~", "null", "[/", "#tag",
                     "[@click=app.quit]x[/]", "- item", "key: value", "'quoted'", "שלום",
                     "🙂 ok", "---", "&anchor", "*alias", "!!python/object"]),
).map(str.strip).filter(bool)


@st.composite
def decks(draw):
    deck_id = draw(ids)
    language = draw(st.sampled_from(["nl", "en"]))
    card_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    cards = []
    for card_id in card_ids:
        kind = draw(st.sampled_from(KINDS))
        prompts = tuple(draw(st.lists(texts, min_size=1, max_size=3))) if kind == "worksheet" else ()
        tags = tuple(dict.fromkeys(draw(st.lists(ids, max_size=3))))
        cards.append(Card(deck_id, card_id, kind, draw(texts),
                          draw(st.one_of(st.just(""), texts)), prompts, tags, (), language))
    return Deck(deck_id, language, draw(texts), draw(st.one_of(st.just(""), texts)),
                "", tuple(cards), source="own")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(decks())
def test_written_deck_reads_back_the_same(deck):
    text = dump_deck(deck.to_dict())
    result = parse_deck(text.encode("utf-8"), "roundtrip.yaml")
    assert result.problems == []
    assert result.deck == deck
