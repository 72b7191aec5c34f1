"""More in ``kaart stats`` (issue 13): notes per deck, decisions with and without an outcome, a month."""

from __future__ import annotations

import json

from tests.journal.test_cli_journal import Ticking

OLD_KEYS = {"entries", "by_kind", "days_reflected", "first_day", "last_day", "streak",
            "longest_streak", "entries_per_month", "draws", "draws_by_purpose", "most_drawn",
            "most_written", "pending_decisions"}


def fill(kaart):
    tick = Ticking()
    kaart("write", "een", "--card", "volgende-stap/vraag-terug", clock=tick)
    kaart("write", "twee", "--card", "volgende-stap/vraag-terug", clock=tick)
    kaart("write", "drie", "--card", "dagelijkse-reflectie/goed-gegaan", clock=tick)
    kaart("write", "los", clock=tick)
    done = json.loads(kaart("write", "--decision", "Klaar", "--look-back", "2026-11-22",
                            "--json", clock=tick).out)
    kaart("outcome", done["uid"][:8], "Goed", "afgelopen")
    kaart("write", "--decision", "Open en aan de beurt", "--look-back", "2026-11-20", clock=tick)
    kaart("write", "--decision", "Open, later", clock=tick)
    kaart("review", "--write", "Terug", clock=tick)


def test_stats_json_keeps_its_keys_and_adds_new_ones(kaart):
    fill(kaart)
    data = json.loads(kaart("stats", "--json").out)
    assert set(data) >= OLD_KEYS
    assert data["by_kind"] == {"journal": 1, "note": 3, "decision": 3, "review": 1}
    assert data["notes_per_deck"] == [{"deck": "volgende-stap", "count": 2},
                                      {"deck": "dagelijkse-reflectie", "count": 1}]
    assert data["decisions"] == {"total": 3, "with_outcome": 1, "without_outcome": 2, "due": 1}
    assert data["pending_decisions"] == 2


def test_stats_text(kaart):
    fill(kaart)
    text = kaart("stats").out
    assert "Reviews: 1" in text
    assert "Decisions: 3 (1 with an outcome, 2 without)" in text
    assert "Due to look back on: 1 (kaart outcome --due)" in text
    assert "Notes per deck:\n  volgende-stap         ██" in text
    dutch = kaart("--lang", "nl", "stats").out
    assert "Besluiten: 3 (1 met afloop, 2 zonder)" in dutch and "Notities per stapel:" in dutch


def test_the_month_view(kaart):
    fill(kaart)
    data = json.loads(kaart("stats", "--month", "2026-11", "--json").out)
    assert data["month"] == "2026-11" and len(data["days"]) == 30
    assert data["days"][21] == {"date": "2026-11-22", "entries": 8}
    assert data["days_reflected"] == 1 and data["entries"] == 8
    assert json.loads(kaart("stats", "--month", "--json").out) == data   # this month
    assert json.loads(kaart("stats", "--month", "11-2026", "--json").out) == data
    grid = kaart("stats", "--month").out.splitlines()
    assert grid[0] == "November 2026"
    assert grid[1] == "Mo  Tu  We  Th  Fr  Sa  Su"
    assert grid[2].startswith("                         1")   # 1 November 2026 is a Sunday
    assert "22•" in grid[5] and grid[5].startswith("16  ")
    assert "1 day reflected, 8 entries" in grid and "Days with entries: 22 (8)" in grid
    dutch = kaart("--lang", "nl", "stats", "--month", "02-2028").out.splitlines()
    assert dutch[0] == "Februari 2028" and dutch[1].startswith("ma  di")
    assert "29" in dutch[-3] and "0 dagen gereflecteerd, 0 stukjes" in dutch
    assert len(json.loads(kaart("stats", "--month", "2028-02", "--json").out)["days"]) == 29
    for bad in ("2026-13", "nov", "0-2026", "2026"):
        result = kaart("stats", "--month", bad)
        assert result.code == 2 and "not a month" in result.err


def test_a_streak_of_none_is_said_in_words_in_both_languages():
    from tui.i18n import set_language
    from tui.summary import streak_line

    assert streak_line(3, 5) == "Streak: 3 days in a row (longest: 5 days)"
    assert streak_line(1, 1) == "Streak: 1 day (longest: 1 day)"
    assert streak_line(0, 4) == "Streak: none at the moment (longest: 4 days)"
    assert streak_line(0, 0) == "Streak: none yet"
    set_language("nl")  # the suite sets English again for every test
    assert streak_line(2, 2) == "Reeks: 2 dagen achter elkaar (langste: 2 dagen)"
    assert streak_line(0, 1) == "Reeks: op dit moment geen (langste: 1 dag)"
    assert streak_line(0, 0) == "Reeks: nog geen"
