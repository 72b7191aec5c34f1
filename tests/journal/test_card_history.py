"""The card you wrote on before (issue 13): one line under ``kaart today`` and ``kaart draw``."""

from __future__ import annotations

import json

from tests.journal.test_cli_journal import Ticking


def todays(kaart) -> str:
    card = json.loads(kaart("today", "--json").out)
    return f"{card['deck']}/{card['id']}"


def test_no_line_under_a_card_never_written_on(kaart):
    out = kaart("today").out
    assert out.rstrip("\n").endswith("╯") and "You wrote" not in out


def test_one_line_when_and_the_first_line_and_how_to_see_all(kaart):
    ref = todays(kaart)
    tick = Ticking()
    kaart("write", "Eerst dit", "--card", ref, clock=tick)
    out = kaart("today").out
    lines = out.rstrip("\n").splitlines()
    assert lines[-2].endswith("╯")
    assert lines[-1] == f"You wrote on this card on 22 Nov 2026: Eerst dit (kaart journal --card {ref})"
    kaart("write", "Een hele lange eerste regel die echt veel te lang is om op een regel te passen\n"
          "tweede regel", "--card", ref, clock=tick)
    last = kaart("today").out.rstrip("\n").splitlines()[-1]
    assert last.startswith("You wrote on this card 2 times, last on 22 Nov 2026: Een hele lange")
    assert "…" in last and "tweede regel" not in last
    assert last.endswith(f"(all of them: kaart journal --card {ref})")
    dutch = kaart("--lang", "nl", "today").out.rstrip("\n").splitlines()[-1]
    assert dutch.startswith("Je schreef 2 keer bij deze kaart, het laatst op 22 nov. 2026: ")


def test_json_and_plain_stay_as_they_were(kaart):
    ref = todays(kaart)
    kaart("write", "Iets", "--card", ref)
    card = json.loads(kaart("today", "--json").out)
    assert set(card) == {"deck", "id", "kind", "text", "back", "prompts", "tags", "moments"}
    assert "You wrote" not in kaart("today", "--plain").out


def test_a_drawn_card_too(kaart):
    for card in ("week", "maand", "besluiten"):  # the small review deck: whichever is drawn
        kaart("write", f"Over {card}", "--card", f"terugblik/{card}")
    out = kaart("draw", "--deck", "terugblik").out
    last = out.rstrip("\n").splitlines()[-1]
    assert last.startswith("You wrote on this card on 22 Nov 2026: Over ")
    assert last.endswith(")") and "kaart journal --card terugblik/" in last
    assert "You wrote" not in kaart("draw", "--deck", "terugblik", "--json").out


def test_core_last_note_on(clock):
    from tui.core.kaart import Kaart

    core = Kaart(language="en", clock=clock)
    try:
        card = core.card("volgende-stap/vraag-terug")
        assert core.last_note_on(card) is None
        first = core.save_entry("note", "een", card=card)
        second = core.save_entry("note", "twee", card=card)
        assert core.last_note_on(card) == (2, second)
        assert core.last_note_on("volgende-stap/vraag-terug") == (2, second)
        assert core.last_note_on(second.card) == (2, second)
        core.delete(second.uid)
        assert core.last_note_on(card) == (1, first)
        assert core.last_note_on("geen/kaart") is None
    finally:
        core.close()
