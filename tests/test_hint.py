"""``kaart hint`` (issue 13): the card of the day in every new shell, once a day, never note text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW

ROOT = Path(__file__).resolve().parent.parent
NEXT_DAY = datetime(2026, 11, 23, 7, 0, tzinfo=timezone(timedelta(hours=1)))


def hint_file(kaart_home: Path) -> Path:
    return kaart_home / "data" / "hint-shown"


def test_the_first_call_of_a_day_prints_the_card_of_the_day_later_calls_nothing(kaart,
                                                                                kaart_home):
    card = json.loads(kaart("today", "--json").out)
    first = kaart("hint")
    assert first.code == 0 and first.err == ""
    deck = next(row for row in json.loads(kaart("decks", "--json").out) if row["id"] == card["deck"])
    assert first.out == f"Card of the day · {deck['title']}: {card['text']}\n"
    later = kaart("hint", clock=lambda: FIXED_NOW + timedelta(hours=12))
    assert (later.code, later.out, later.err) == (0, "", "")
    tomorrow = kaart("hint", clock=lambda: NEXT_DAY)
    assert tomorrow.code == 0 and tomorrow.out.startswith("Card of the day · ")
    assert tomorrow.out != first.out
    assert kaart("hint", clock=lambda: NEXT_DAY).out == ""
    path = hint_file(kaart_home)
    assert path.read_text() == "2026-11-23\n" and path.stat().st_mode & 0o777 == 0o600


def test_in_dutch(kaart):
    out = kaart("--lang", "nl", "hint").out
    assert out.startswith("Kaart van de dag · ")
    card = json.loads(kaart("--lang", "nl", "today", "--json").out)
    assert out.rstrip("\n").endswith(card["text"])
    assert kaart("hint", "--lang=en", clock=lambda: NEXT_DAY).out.startswith("Card of the day · ")


def test_never_any_note_text_and_no_journal(kaart, kaart_home):
    first = kaart("hint")
    assert first.out and not (kaart_home / "data" / "journal.sqlite3").exists()  # no journal
    card = json.loads(kaart("today", "--json", clock=lambda: NEXT_DAY).out)
    ref = f"{card['deck']}/{card['id']}"
    kaart("write", "GEHEIM inwoner mevrouw Jansen", "--card", ref)
    kaart("write", "--decision", "GEHEIM besluit", "--card", ref)
    # kaart today shows a line under a card you wrote on; the hint, on the same card, never does
    assert "GEHEIM besluit" in kaart("today", clock=lambda: NEXT_DAY).out
    again = kaart("hint", clock=lambda: NEXT_DAY)
    assert card["text"] in again.out
    for out in (first.out, again.out):
        assert "GEHEIM" not in out and "Jansen" not in out and "wrote" not in out
        assert out.count("\n") == 1


def test_a_link_in_place_of_the_file_is_replaced_never_followed(kaart, kaart_home, tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep me\n")
    path = hint_file(kaart_home)
    path.parent.mkdir(parents=True)
    path.symlink_to(elsewhere)
    assert kaart("hint").out.startswith("Card of the day")
    assert elsewhere.read_text() == "keep me\n"
    assert not path.is_symlink() and path.read_text() == "2026-11-22\n"
    assert kaart("hint").out == ""


def test_odd_files_read_as_never_shown(kaart, kaart_home):
    path = hint_file(kaart_home)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe not a date")
    assert kaart("hint").out.startswith("Card of the day")
    path.write_text("2026-11-22" + " " * 100)
    assert kaart("hint").out.startswith("Card of the day")  # too large to be ours
    assert kaart("hint").out == ""


def test_trouble_prints_nothing_and_exits_0(kaart, kaart_home, monkeypatch, tmp_path):
    from tui import paths

    empty = tmp_path / "no-decks"
    empty.mkdir()
    bundled = paths.bundled_decks_dir
    monkeypatch.setattr(paths, "bundled_decks_dir", lambda: empty)
    assert (kaart("hint").code, kaart("hint").out, kaart("hint").err) == (0, "", "")
    assert not hint_file(kaart_home).exists()  # nothing shown, so the day is not used up
    monkeypatch.setattr(paths, "bundled_decks_dir", bundled)
    file_home = tmp_path / "a-file"
    file_home.write_text("not a folder")
    monkeypatch.setenv("KAART_HOME", str(file_home))
    result = kaart("hint")
    assert (result.code, result.out, result.err) == (0, "", "")
    monkeypatch.setenv("KAART_HOME", str(kaart_home))
    assert kaart("hint", "--lang", "xx").code == 0  # an unknown language is no reason to fail


def test_a_readonly_data_folder_prints_nothing(kaart, kaart_home):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    (kaart_home / "data").mkdir(parents=True)
    kaart("decks")  # the deck cache
    (kaart_home / "data").chmod(0o500)
    try:
        assert kaart("hint").out == ""
    finally:
        (kaart_home / "data").chmod(0o700)


def test_help_and_options_go_through_the_parser(kaart, capsys):
    with pytest.raises(SystemExit) as stop:
        kaart("hint", "--help")
    assert stop.value.code == 0 and "once a day" in capsys.readouterr().out
    assert kaart("hint", "--nonsense").code == 2


def _run(code: str, kaart_home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, KAART_HOME=str(kaart_home))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env=env)


MODULES = ("import sys\nfrom tui.cli import run\ncode = run(['hint'])\nsys.stdout.flush()\n"
           "heavy = sorted(m for m in sys.modules if m in {names!r} or m.startswith('textual'))\n"
           "print('LOADED', heavy)\nsys.exit(code)\n")


def test_the_hint_is_cheap_no_parser_no_journal_no_yaml(kaart_home):
    warm = _run("from tui.cli import run; run(['decks'])", kaart_home)  # the deck cache is made
    assert warm.returncode == 0, warm.stderr
    names = ["argparse", "sqlite3", "yaml", "tui.journal.store", "tui.commands.cards",
             "tui.decks.loader"]
    first = _run(MODULES.format(names=names), kaart_home)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Card of the day") and "LOADED []" in first.stdout
    names += ["tui.core.kaart", "tui.i18n", "tui.decks.library", "tui.settings"]
    later = _run(MODULES.format(names=names), kaart_home)
    assert later.returncode == 0 and later.stdout == "LOADED []\n", later.stdout + later.stderr
