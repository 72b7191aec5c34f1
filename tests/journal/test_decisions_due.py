"""Decisions ask for their outcome (issue 13): a day to look back, ``kaart outcome --due``."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from tests.journal.test_cli_journal import ENTRY_KEYS, Ticking

CET = timezone(timedelta(hours=1))
CARD = "voor-een-besluit/wiens-besluit"


def on(day: str):
    moment = datetime.fromisoformat(day).replace(hour=9, tzinfo=CET)
    return lambda: moment


@pytest.fixture
def tick():
    return Ticking()


def decide(kaart, text: str, *extra: str, clock=None):
    result = kaart("write", "--decision", text, *extra, "--json", clock=clock)
    assert result.code == 0, result.err
    return json.loads(result.out)


def due(kaart, day: str) -> list[str]:
    result = kaart("outcome", "--due", "--json", clock=on(day))
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert all(set(item) >= ENTRY_KEYS for item in data)
    return [item["title"] for item in data]


def test_a_decision_looks_back_in_two_weeks_unless_told_otherwise(kaart):
    default = decide(kaart, "Standaard\nwat ik zag")
    assert default["look_back"] == "2026-12-06"
    assert decide(kaart, "Eigen dag", "--look-back", "2026-12-01")["look_back"] == "2026-12-01"
    assert decide(kaart, "Nederlands", "--look-back", "03-12-2026")["look_back"] == "2026-12-03"
    assert decide(kaart, "Nooit", "--look-back", "none")["look_back"] is None
    assert decide(kaart, "Geen", "--look-back", "geen")["look_back"] is None
    shown = kaart("write", "--decision", "Met datum")
    assert "Kaart asks how it turned out on 6 Dec 2026 (kaart outcome --due)." in shown.out
    bad = kaart("write", "--decision", "x", "--look-back", "morgen")
    assert bad.code == 2 and "none for no reminder" in bad.err
    alone = kaart("write", "geen besluit", "--look-back", "2026-12-01")
    assert alone.code == 2 and "--decision" in alone.err


def test_a_due_decision_appears_on_its_date_and_not_before(kaart, tick):
    decide(kaart, "Buurman vragen", "--look-back", "2026-12-01", clock=tick)
    decide(kaart, "Later", "--look-back", "2026-12-10", clock=tick)
    decide(kaart, "Nooit vragen", "--look-back", "none", clock=tick)
    assert due(kaart, "2026-11-30") == []
    assert due(kaart, "2026-12-01") == ["Buurman vragen"]
    assert due(kaart, "2026-12-09") == ["Buurman vragen"]
    assert due(kaart, "2026-12-10") == ["Buurman vragen", "Later"]   # oldest first
    assert due(kaart, "2027-06-01") == ["Buurman vragen", "Later"]   # late is fine
    [first, *_] = json.loads(kaart("outcome", "--json").out)
    done = kaart("outcome", first["uid"][:8], "Hij", "kwam", clock=on("2027-06-01"))
    assert done.code == 0, done.err
    assert due(kaart, "2027-06-01") == ["Later"]
    assert [e["title"] for e in json.loads(kaart("outcome", "--json").out)] == [
        "Later", "Nooit vragen"]                                   # still open, due or not


def test_outcome_due_shows_the_decision_its_card_and_its_reflection(kaart):
    decide(kaart, "Buurman vragen\nluisteren naar wat hij wil\nen wat hij al doet", "--card",
           CARD, "--look-back", "2026-11-22")
    text = kaart("outcome", "--due").out
    assert text.startswith("1 decision is waiting to be looked back on:\n\n")
    assert "Buurman vragen  2026-11-22  (" in text
    assert "    Card: " in text and f"[{CARD}]" in text
    assert "    What the card made you see:\n      luisteren naar wat hij wil\n" \
           "      en wat hij al doet\n" in text
    assert "    Day to look back: 22 Nov 2026" in text
    assert 'How did it turn out? kaart outcome ' in text
    dutch = kaart("--lang", "nl", "outcome", "--due").out
    assert dutch.startswith("1 besluit wacht om op terug te kijken:")
    assert "Buurman vragen  22-11-2026  (" in dutch and "Dag om terug te kijken: 22 nov. 2026" in dutch
    assert "No decision is waiting" in kaart("outcome", "--due", clock=on("2026-11-21")).out


def test_changing_the_day_to_look_back(kaart):
    decision = decide(kaart, "Verschuiven")
    short = decision["uid"][:8]
    moved = kaart("outcome", short, "--look-back", "2026-11-25")
    assert moved.out == f"Kaart asks how {short} turned out on 25 Nov 2026.\n"
    assert due(kaart, "2026-11-25") == ["Verschuiven"]
    off = kaart("outcome", short, "--look-back", "none", "--json")
    assert json.loads(off.out)["look_back"] is None
    assert due(kaart, "2027-01-01") == []
    assert "will not ask" in kaart("outcome", short, "--look-back", "none").out
    both = kaart("outcome", short, "Het", "lukte", "--look-back", "2026-12-24", "--json")
    data = json.loads(both.out)
    assert data["outcome"] == "Het lukte" and data["look_back"] == "2026-12-24"
    assert kaart("outcome", "--look-back", "2026-12-01").code == 2
    assert kaart("outcome", "--due", short).code == 2
    note = json.loads(kaart("write", "notitie", "--json").out)
    assert "not a decision" in kaart("outcome", note["uid"][:8], "--look-back", "none").err


def test_core_due_decisions(clock):
    from tui.core.kaart import Kaart

    core = Kaart(language="en", clock=clock)
    try:
        entry = core.record_decision("Vandaag", "", card=None, look_back=date(2026, 11, 22))
        core.record_decision("Morgen", "", card=None, look_back=date(2026, 11, 23))
        assert [e.title for e in core.due_decisions()] == ["Vandaag"]
        core.set_outcome(entry.uid, "klaar")
        assert core.due_decisions() == []
    finally:
        core.close()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_help_for_the_new_options(kaart, capsys, lang):
    for command in ("outcome", "review", "resurface", "hint", "write"):
        with pytest.raises(SystemExit):
            kaart("--lang", lang, command, "--help")
    out = capsys.readouterr().out
    assert "--look-back" in out and "--due" in out and "--answer" in out and "--month" in out
