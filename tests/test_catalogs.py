"""The catalogs: the Dutch the first review found wrong stays gone; one word for one thing."""

from __future__ import annotations

import pytest

from tui.i18n import en, nl


def _texts(catalog) -> list[str]:
    out = []
    for value in catalog.MESSAGES.values():
        out += list(value.values()) if isinstance(value, dict) else [value]
    return out


NL = _texts(nl)


@pytest.mark.parametrize("wrong", [
    "toon de stapels, en welke problemen hebben",   # half a sentence
    "Deze tekst lijkt een BSN te bevatten (1).",     # a count in brackets, not a plural
    "Kaart van de dag uit",                          # not Dutch
    "Stoppen",                                       # quitting is "Afsluiten"
    "Video:",                                        # the toolkit's films are "Film:", one word
    "Bewaard",                                       # saved is "Opgeslagen"
    "stukken",                                       # entries are "stukjes"
    "Stukken",
    "Kaart — Stukje",
    "toets: ",                                       # the palette says "(toets x)" in a sentence
    "Hoe is het afgelopen",                          # the outcome question is "Hoe liep het af?"
    "(en)",                                          # no "stapelbestand(en)": real plurals
])
def test_the_dutch_found_wrong_stays_gone(wrong):
    assert not [text for text in NL if wrong in text]


def test_one_question_for_an_outcome_in_each_language():
    assert {nl.MESSAGES[key] for key in ("app.home.pending", "app.outcome.title",
                                         "app.outcome.question", "app.home.due")} == {
        "Hoe liep het af?"}
    assert {en.MESSAGES[key] for key in ("app.home.pending", "app.outcome.title",
                                         "app.outcome.question", "app.home.due")} == {
        "How did it turn out?"}


def test_both_catalogs_have_the_same_keys_and_the_same_placeholders():
    import string

    assert set(nl.MESSAGES) == set(en.MESSAGES)
    names = string.Formatter()
    for key, english in en.MESSAGES.items():
        dutch = nl.MESSAGES[key]
        pairs = ([(english[form], dutch[form]) for form in english]
                 if isinstance(english, dict) else [(english, dutch)])
        for one, other in pairs:
            assert ({field for _, field, _, _ in names.parse(one) if field}
                    == {field for _, field, _, _ in names.parse(other) if field}), key
