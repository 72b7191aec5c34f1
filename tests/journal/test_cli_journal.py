"""The journal commands, run through ``tui.cli.run`` as a user would type them."""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime, timedelta, timezone

import pytest

from tests.conftest import DATA, FIXED_NOW
from tui.errors import StoreError

ENTRY_KEYS = {"uid", "kind", "created", "updated", "title", "body", "tags", "card"}
CARD = "volgende-stap/vraag-terug"


class Ticking:
    """A clock that moves a minute per reading, so entries have an order."""

    def __init__(self, start=FIXED_NOW):
        self.now = start

    def __call__(self):
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def tick():
    return Ticking()


@pytest.fixture
def stdin(monkeypatch):
    def use(text: str, tty: bool = False):
        stream = io.StringIO(text)
        stream.isatty = lambda: tty
        monkeypatch.setattr(sys, "stdin", stream)

    return use


def entries(result):
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert all(set(item) >= ENTRY_KEYS for item in data)
    return data


# -- write --------------------------------------------------------------------


def test_write_text_tags_and_title(kaart):
    result = kaart("write", "Vandaag", "goed", "#geluisterd", "--tag", "Werk", "--tag", "@team",
                   "--title", "Dinsdag")
    assert result.code == 0, result.err
    assert "Saved in your journal" in result.out
    [entry] = entries(kaart("journal", "--json"))
    assert entry["body"] == "Vandaag goed #geluisterd"
    assert entry["title"] == "Dinsdag" and entry["kind"] == "journal"
    assert entry["tags"] == ["geluisterd", "team", "werk"]
    assert entry["created"] == "2026-11-22T08:30:00.000000Z"


def test_write_a_note_on_a_card_keeps_the_card_text(kaart):
    result = kaart("write", "Vraag terug gesteld", "--card", CARD, "--json")
    entry = json.loads(result.out)
    assert entry["kind"] == "note"
    assert entry["card"]["deck"] == "volgende-stap" and entry["card"]["id"] == "vraag-terug"
    assert entry["card"]["text"]
    assert "note on" in kaart("write", "nog een", "--card", CARD).out


@pytest.mark.parametrize("ref,words", [("volgende-stap/bestaat-niet", "no card"),
                                       ("geen-stapel/x", "no deck")])
def test_write_on_an_unknown_card(kaart, ref, words):
    result = kaart("write", "x", "--card", ref)
    assert result.code == 1 and words in result.err
    assert entries(kaart("journal", "--json")) == []


def test_write_a_decision(kaart):
    result = kaart("write", "--decision", "--card", CARD, "Wel of niet bellen\nDe kaart zegt: vraag terug.")
    assert "decision" in result.out and "kaart outcome" in result.out
    [entry] = entries(kaart("journal", "--json"))
    assert entry["kind"] == "decision" and entry["title"] == "Wel of niet bellen"
    assert entry["body"] == "De kaart zegt: vraag terug." and entry["outcome"] == ""


def test_write_from_stdin(kaart, stdin):
    stdin("Uit een pijp\nmet twee regels\n")
    assert kaart("write").code == 0
    assert entries(kaart("journal", "--json"))[0]["body"] == "Uit een pijp\nmet twee regels"


def test_write_with_the_editor(kaart, stdin, monkeypatch, tmp_path):
    seen = tmp_path / "seen"
    editor = tmp_path / "editor.py"
    editor.write_text("import os, sys\n"
                      f"open({str(seen)!r}, 'w').write(oct(os.stat(sys.argv[1]).st_mode & 0o777))\n"
                      "open(sys.argv[1], 'w').write('Geschreven in de editor\\n')\n")
    stdin("", tty=True)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    result = kaart("write")
    assert result.code == 0, result.err
    assert entries(kaart("journal", "--json"))[0]["body"] == "Geschreven in de editor"
    assert seen.read_text() == "0o600"
    data = tmp_path / "kaart-home" / "data"
    assert not [p for p in data.iterdir() if p.name.startswith(".kaart-write-")]


def test_write_without_text_or_editor(kaart, stdin, monkeypatch):
    stdin("", tty=True)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    result = kaart("write")
    assert result.code == 1 and "$EDITOR" in result.err


def test_write_with_a_failing_editor(kaart, stdin, monkeypatch):
    stdin("", tty=True)
    monkeypatch.setenv("VISUAL", "/nonexistent/editor")
    result = kaart("write")
    assert result.code == 1 and "did not work" in result.err


def test_write_empty_text(kaart, stdin):
    stdin("   \n\n")
    result = kaart("write")
    assert result.code == 1 and "empty" in result.err


def test_write_warns_about_a_bsn(kaart):
    result = kaart("write", "Mevrouw (BSN 1234.56.782) belde")
    assert result.code == 0 and "BSN" in result.err and result.err.startswith("kaart: warning:")


def _failing(monkeypatch, reason):
    from tui.journal.store import JournalStore

    def fail(self, *args, **kwargs):
        raise StoreError(f"cannot save ({reason})", reason)

    monkeypatch.setattr(JournalStore, "add_entry", fail)


def test_a_failed_save_keeps_the_text_as_a_draft(kaart):
    with pytest.MonkeyPatch.context() as patch:  # undoing it must not undo KAART_HOME
        _failing(patch, "io")
        result = kaart("write", "Niet kwijtraken")
    assert result.code == 1 and "cannot save" in result.err and "drafts show" in result.err
    assert kaart("drafts", "show", "journal").out == "Niet kwijtraken\n"
    number = result.err.split("drafts show ")[1].split("'")[0]
    assert kaart("drafts", "show", number).out == "Niet kwijtraken\n"


def test_a_failed_save_keeps_the_text_in_a_file(kaart, monkeypatch, kaart_home):
    _failing(monkeypatch, "read_only")
    result = kaart("write", "In een bestand", "--card", CARD)
    assert result.code == 1
    [kept] = (kaart_home / "data").glob("unsaved-*.txt")
    assert kept.read_text() == "In een bestand\n" and str(kept) in result.err
    assert kept.stat().st_mode & 0o777 == 0o600


def test_a_failed_save_prints_the_text_when_nothing_else_works(kaart, monkeypatch):
    _failing(monkeypatch, "full")
    from tui.journal.store import JournalStore

    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    def no_draft(self, *args, **kwargs):
        raise StoreError("full", "full")

    monkeypatch.setattr("tui.fileio.atomic_write", no_room)
    monkeypatch.setattr(JournalStore, "save_draft", no_draft)
    result = kaart("write", "Laatste redmiddel")
    assert result.code == 1 and "Laatste redmiddel" in result.out and "printed" in result.err


# -- journal ------------------------------------------------------------------


def test_journal_listing(kaart, tick):
    for number in range(5):
        kaart("write", f"stuk {number}", clock=tick)
    kaart("write", "notitie", "--card", CARD, clock=tick)
    out = kaart("journal").out.splitlines()
    assert len(out) == 6 and "notitie" in out[0] and f"[{CARD}]" in out[0]
    assert out[0].startswith("2026-11-22 ")
    assert [e["body"] for e in entries(kaart("journal", "--limit", "2", "--json"))] == [
        "notitie", "stuk 4"]
    assert [e["kind"] for e in entries(kaart("journal", "--kind", "note", "--json"))] == ["note"]
    dutch = kaart("--lang", "nl", "journal", "--limit", "1").out
    assert dutch.startswith("22-11-2026 ") and "notitie" in dutch


def test_journal_card_history(kaart, tick):
    kaart("write", "eerste", "--card", CARD, clock=tick)
    kaart("write", "los", clock=tick)
    kaart("write", "tweede", "--card", CARD, clock=tick)
    data = entries(kaart("journal", "--card", CARD, "--json"))
    assert [e["body"] for e in data] == ["eerste", "tweede"]


def test_journal_empty_and_bad_limit(kaart):
    assert "empty" in kaart("journal").out
    result = kaart("journal", "--limit", "0")
    assert result.code == 2 and "1 or more" in result.err


# -- search -------------------------------------------------------------------


@pytest.fixture
def written(kaart, tick):
    kaart("write", "Luisteren bij de keukentafel #wmo", clock=tick)
    kaart("write", "Luisteren zonder aanbod", "--card", CARD, clock=tick)
    tick.now += timedelta(days=10)
    kaart("write", "--decision", "Buurman vragen\nluisteren naar wat hij wil", clock=tick)


def test_search_prints_every_match_best_first(kaart, written):
    result = kaart("search", "luisteren")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len([line for line in lines if not line.startswith("    ")]) == 3
    assert any(line.startswith("    ") and "Luisteren" in line for line in lines)
    assert "\x02" not in result.out and "\x1b" not in result.out


def test_search_filters(kaart, written):
    def bodies(*argv):
        return sorted(e["body"] for e in entries(kaart("search", *argv, "--json")))

    assert bodies("luisteren", "--kind", "decision") == ["luisteren naar wat hij wil"]
    assert bodies("luisteren", "--deck", "volgende-stap") == ["Luisteren zonder aanbod"]
    assert bodies("luisteren", "--card", "vraag-terug") == ["Luisteren zonder aanbod"]
    assert bodies("luisteren", "--card", CARD) == ["Luisteren zonder aanbod"]
    assert bodies("--tag", "#wmo") == ["Luisteren bij de keukentafel #wmo"]
    assert bodies("luisteren", "--from", "2026-11-30") == ["luisteren naar wat hij wil"]
    assert len(bodies("luisteren", "--to", "22-11-2026")) == 2
    assert len(bodies("luisteren", "--from", "22/11/2026", "--to", "2026-11-22")) == 2
    assert len(bodies("luisteren", "--limit", "1")) == 1
    assert bodies('"zonder aanbod"') == ["Luisteren zonder aanbod"]
    assert bodies("keuken*") == ["Luisteren bij de keukentafel #wmo"]


def test_search_dates_in_dutch(kaart, written):
    out = kaart("--lang", "nl", "search", "buurman").out
    assert out.startswith("02-12-2026 ") and "besluit" in out


def test_search_mistakes(kaart, written):
    assert kaart("search").code == 2
    bad = kaart("search", "x", "--from", "22 november")
    assert bad.code == 2 and "not a date" in bad.err and bad.err.count("\n") == 1
    assert kaart("search", "x", "--from", "2026-12-01", "--to", "2026-11-01").code == 2
    assert kaart("search", "--kind", "diary", "x").code == 2
    for odd in ('"', "AND(", "-", "*"):
        result = kaart("search", odd)
        assert result.code == 0 and "Nothing found" in result.out


def test_search_finds_more_than_fifty(kaart, tick):
    from tui.journal.store import open_store

    with open_store(now=tick) as store:
        for number in range(60):
            store.add_entry("journal", f"herhaling {number}")
    assert len(entries(kaart("search", "herhaling", "--json"))) == 60


def test_search_prints_the_best_page_and_says_how_many_more(kaart, tick):
    from tui.journal.store import open_store

    with open_store(now=tick) as store:
        for number in range(61):
            store.add_entry("journal", f"herhaling {number}")

    def heads(*argv):
        result = kaart("search", "herhaling", *argv)
        assert result.code == 0
        lines = result.out.splitlines()
        return [line for line in lines if line and not line.startswith("    ")]

    shown = heads()
    assert len(shown) == 51 and shown[-1].startswith("11 more results: --all")
    assert len(heads("--all")) == 61
    shown = heads("--limit", "60")
    assert len(shown) == 61 and shown[-1].startswith("1 more result: --all")
    assert len(heads("--limit", "61")) == 61
    assert kaart("--lang", "nl", "search", "herhaling").out.rstrip().endswith(
        "Nog 11 treffers: --all toont ze allemaal, --limit N de beste N.")
    assert len(entries(kaart("search", "herhaling", "--json", "--limit", "3"))) == 3
    assert kaart("search", "herhaling", "--all", "--limit", "3").code == 2


# -- export and import --------------------------------------------------------


def test_export_markdown_to_the_screen(kaart, written):
    result = kaart("export")
    assert result.out.startswith("# Kaart journal") and "Luisteren zonder aanbod" in result.out
    dutch = kaart("--lang", "nl", "export", "--format", "md").out
    assert "# Kaart-dagboek" in dutch and "22-11-2026" in dutch


def test_export_to_a_file_never_overwrites(kaart, written, tmp_path):
    target = tmp_path / "export.json"
    result = kaart("export", "-o", str(target))
    assert result.code == 0 and "3 entries" in result.out
    assert json.loads(target.read_text())["format"] == "kaart-journal"
    assert target.stat().st_mode & 0o777 == 0o600
    again = kaart("export", "-o", str(target), "--format", "md")
    assert again.code == 1 and "--force" in again.err
    assert kaart("export", "-o", str(target), "--format", "md", "--force").code == 0
    assert target.read_text().startswith("# Kaart journal")
    assert kaart("export", "-o", str(tmp_path / "no" / "such" / "dir.md")).code == 1


def test_export_date_range_and_bsn(kaart, written):
    data = json.loads(kaart("export", "--format", "json", "--from", "2026-11-23").out)
    assert [e["kind"] for e in data["entries"]] == ["decision"]
    kaart("write", "BSN 123456782 genoemd")
    plain = kaart("export", "--format", "json")
    assert "123456782" in plain.out and "--mask-bsn" in plain.err
    masked = kaart("export", "--format", "json", "--mask-bsn")
    assert "123456782" not in masked.out and "*********" in masked.out and not masked.err


def test_import_kaart_and_jrnl(kaart, written, tmp_path, monkeypatch):
    target = tmp_path / "all.json"
    kaart("export", "-o", str(target))
    monkeypatch.setenv("KAART_HOME", str(tmp_path / "elsewhere"))
    first = kaart("import", str(target))
    assert first.code == 0 and "3 added, 0 already there" in first.out
    assert "0 added, 3 already there" in kaart("import", str(target)).out
    jrnl = kaart("import", str(DATA / "jrnl" / "jrnl-v4.6-export.json"))
    assert "(jrnl): 7 added" in jrnl.out and "BSN" in jrnl.err
    assert len(entries(kaart("journal", "--limit", "50", "--json"))) == 10


def test_import_mistakes(kaart, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    result = kaart("import", str(bad))
    assert result.code == 1 and "neither" in result.err and "Traceback" not in result.err
    assert kaart("import", str(tmp_path / "missing.json")).code == 1


# -- stats --------------------------------------------------------------------


def test_stats(kaart, written):
    kaart("draw", "--deck", "volgende-stap", "--json")
    text = kaart("stats").out
    assert "Entries: 3" in text and "Days reflected: 2" in text and "Cards drawn: 1" in text
    assert "2026-11" in text and "Most drawn" in text
    data = json.loads(kaart("stats", "--json").out)
    assert data["entries"] == 3 and data["by_kind"]["decision"] == 1
    assert data["most_written"] == [{"deck": "volgende-stap", "card": "vraag-terug", "count": 1}]
    assert "Dagen gereflecteerd: 2" in kaart("--lang", "nl", "stats").out


# -- backup and restore -------------------------------------------------------


def test_backup_and_restore(kaart, written, tmp_path, kaart_home):
    made = kaart("backup")
    assert made.code == 0
    path = made.out.strip().split(": ", 1)[1]
    assert path.startswith(str(kaart_home / "data" / "backups"))
    target = tmp_path / "mine.sqlite3"
    assert kaart("backup", "-o", str(target)).code == 0
    assert kaart("backup", "-o", str(target)).code == 1
    assert kaart("backup", "-o", str(target), "--force").code == 0
    kaart("write", "na de backup")
    restored = kaart("restore", str(target))
    assert restored.code == 0 and "kept as" in restored.out
    assert len(entries(kaart("journal", "--json"))) == 3
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("nope")
    result = kaart("restore", str(bad))
    assert result.code == 1 and "not a Kaart journal" in result.err
    assert len(entries(kaart("journal", "--json"))) == 3


# -- trash, delete, outcome, drafts -------------------------------------------


def test_delete_and_trash(kaart, written, stdin):
    [newest] = entries(kaart("journal", "--limit", "1", "--json"))
    short = newest["uid"][:8]
    assert "trash" in kaart("delete", short).out
    assert kaart("delete", short).code == 1
    assert len(entries(kaart("journal", "--json"))) == 2
    assert short in kaart("trash").out and short in kaart("trash", "list").out
    assert entries(kaart("trash", "list", "--json"))[0]["uid"] == newest["uid"]
    assert kaart("trash", "restore", short).code == 0
    assert kaart("trash", "restore", short).code == 1
    kaart("delete", short)
    stdin("")
    refused = kaart("trash", "empty")
    assert refused.code == 1 and "--yes" in refused.err
    stdin("n\n", tty=True)
    assert kaart("trash", "empty").code == 1
    stdin("y\n", tty=True)
    assert "Erased 1" in kaart("trash", "empty").out
    assert "empty" in kaart("trash", "empty", "--yes").out
    assert "empty" in kaart("trash").out


def test_ambiguous_and_unknown_ids(kaart, tick):
    for number in range(17):  # 17 ids, 16 possible first characters: two must share one
        kaart("write", f"stuk {number}", clock=tick)
    firsts = [e["uid"][0] for e in entries(kaart("journal", "--limit", "50", "--json"))]
    shared = next(first for first in firsts if firsts.count(first) > 1)
    ambiguous = kaart("delete", shared)
    assert ambiguous.code == 1 and "more than one" in ambiguous.err
    assert "no entry" in kaart("delete", "zzzz").err
    assert kaart("delete", "").code == 1
    assert len(entries(kaart("journal", "--limit", "50", "--json"))) == 17


def test_outcome(kaart, written):
    pending = kaart("outcome")
    assert "Buurman vragen" in pending.out
    [decision] = entries(kaart("outcome", "--json"))
    short = decision["uid"][:8]
    assert kaart("outcome", short).code == 2
    saved = kaart("outcome", short, "Hij", "kwam", "--json")
    assert json.loads(saved.out)["outcome"] == "Hij kwam"
    assert "No decisions" in kaart("outcome").out
    [note] = entries(kaart("search", "keukentafel", "--json"))
    assert "not a decision" in kaart("outcome", note["uid"][:8], "x").err


def test_drafts(kaart):
    from tui.journal.store import open_store

    assert "no drafts" in kaart("drafts").out
    with open_store() as store:
        first = store.save_draft("note:volgende-stap/vraag-terug", {"body": "half af\nen meer"})
        store.save_draft("journal", {"title": "Titel", "body": "tekst", "tags": ["a"]})
        store.save_draft("journal", {"body": "nog een"})
    listed = kaart("drafts", "list").out
    assert "note:volgende-stap/vraag-terug  half af en meer" in listed
    assert f"{first:>4}  " in listed
    assert kaart("drafts", "show", "note:volgende-stap/vraag-terug").out == "half af\nen meer\n"
    assert kaart("drafts", "show", str(first)).out == "half af\nen meer\n"
    ambiguous = kaart("drafts", "show", "journal")
    assert ambiguous.code == 1 and "2 drafts" in ambiguous.err
    assert kaart("drafts", "discard", str(first)).code == 0
    assert kaart("drafts", "show", str(first)).code == 1
    assert kaart("drafts", "discard", "x").code == 1


# -- draws from the card commands ---------------------------------------------


def test_draw_does_not_repeat_until_the_deck_is_empty_across_runs(kaart, tick):
    from tui.decks.library import DeckLibrary

    size = len(DeckLibrary.load("en").get("voor-een-besluit").cards)
    drawn = [json.loads(kaart("draw", "--deck", "voor-een-besluit", "--json", clock=tick).out)["id"]
             for _ in range(size * 2)]
    first, second = drawn[:size], drawn[size:]
    assert len(set(first)) == size and len(set(second)) == size
    assert first[-1] != second[0]
    data = json.loads(kaart("stats", "--json").out)
    assert data["draws_by_purpose"]["random"] == size * 2


def test_draw_bags_are_per_filter_and_purpose_is_kept(kaart, tick):
    kaart("draw", "--deck", "volgende-stap", "--for", "decision", "--json", clock=tick)
    kaart("draw", "--kind", "worksheet", "--json", clock=tick)
    from tui.journal.store import open_store

    with open_store() as store:
        keys = [row[0] for row in store._conn.execute("SELECT key FROM bags ORDER BY key")]
        assert len(keys) == 2
        assert store.stats(FIXED_NOW.date())["draws_by_purpose"]["decision"] == 1


def test_today_is_recorded_once_a_day(kaart):
    later = FIXED_NOW + timedelta(hours=5)
    kaart("today")
    kaart("today", "--json", clock=lambda: later)
    next_day = datetime(2026, 11, 23, 9, tzinfo=timezone(timedelta(hours=1)))
    kaart("today", clock=lambda: next_day)
    data = json.loads(kaart("stats", "--json").out)
    assert data["draws_by_purpose"]["daily"] == 2


def test_the_card_of_the_day_stays_when_cards_are_added_that_day(kaart, tmp_path):
    """New cards change the order of the days to come, never the card already shown today."""
    first = json.loads(kaart("today", "--json").out)
    rows = "".join(f"Een nieuwe vraag nummer {n}?,think\n" for n in range(17))
    (tmp_path / "extra.csv").write_text("text,kind\n" + rows, encoding="utf-8")
    assert kaart("deck", "add", str(tmp_path / "extra.csv"), "--id", "extra").code == 0
    again = json.loads(kaart("today", "--json").out)
    assert (again["deck"], again["id"]) == (first["deck"], first["id"])
    data = json.loads(kaart("stats", "--json").out)
    assert data["draws_by_purpose"]["daily"] == 1


def test_a_journal_that_cannot_be_written_does_not_stop_a_draw(kaart, monkeypatch):
    from tui.journal.store import JournalStore

    def fail(self, *args, **kwargs):
        raise StoreError("cannot save (full)", "full")

    monkeypatch.setattr(JournalStore, "draw_and_record", fail)
    result = kaart("draw", "--json")
    assert result.code == 0 and "cannot save" in result.err
    assert json.loads(result.out)["id"]


@pytest.mark.parametrize("command", ["write", "journal", "search", "export", "import", "stats",
                                     "backup", "restore", "delete", "outcome", "trash", "drafts"])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_help(kaart, capsys, command, lang):
    with pytest.raises(SystemExit) as stop:
        kaart("--lang", lang, command, "--help")
    assert stop.value.code == 0
    out = capsys.readouterr().out
    if lang == "en":
        assert out.startswith("usage: ") and "options:" in out
    else:  # argparse's own words are Dutch too
        assert out.startswith("gebruik: ") and "opties:" in out
        assert "usage" not in out and "options:" not in out and "show this help" not in out


def test_a_damaged_journal_is_set_aside_with_a_warning(kaart, kaart_home):
    data = kaart_home / "data"
    data.mkdir(parents=True)
    (data / "journal.sqlite3").write_bytes(b"garbage, not SQLite" * 50)
    result = kaart("journal")
    assert result.code == 0 and "empty" in result.out
    assert result.err.startswith("kaart: warning:") and result.err.count("\n") == 1
    assert str(data / "journal.sqlite3") in result.err
    assert str(data / "journal.sqlite3.broken") in result.err
    assert kaart("write", "verder").code == 0


def test_a_journal_from_a_newer_kaart_is_read_only(kaart, kaart_home, stdin):
    import sqlite3

    kaart("write", "van vroeger")
    conn = sqlite3.connect(str(kaart_home / "data" / "journal.sqlite3"))
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    listed = kaart("journal")
    assert "van vroeger" in listed.out and "newer" in listed.err
    stdin("nieuwe tekst uit de pijp\n")
    refused = kaart("write")
    assert refused.code == 1 and "newer" in refused.err
    [kept] = (kaart_home / "data").glob("unsaved-*.txt")
    assert kept.read_text() == "nieuwe tekst uit de pijp\n"


def test_export_to_date(kaart, written):
    data = json.loads(kaart("export", "--format", "json", "--to", "22-11-2026").out)
    assert len(data["entries"]) == 2
    assert json.loads(kaart("export", "--format", "json", "--from", "2026-12-03").out)[
        "entries"] == []


def test_a_first_import_is_backed_up_at_once(kaart, kaart_home):
    from tests.conftest import DATA

    assert kaart("import", str(DATA / "jrnl" / "jrnl-v4.6-export.json")).code == 0
    backups = list((kaart_home / "data" / "backups").glob("*.sqlite3"))
    assert backups, "a freshly imported journal has a backup the same day"


def test_star_and_unstar_an_entry(kaart, tick):
    uid = json.loads(kaart("write", "Een stukje om te bewaren", "--json", clock=tick).out)["uid"]
    kaart("write", "Nog een", clock=tick)
    assert kaart("star", uid[:8]).code == 0
    starred = entries(kaart("journal", "--starred", "--json"))
    assert [entry["uid"] for entry in starred] == [uid] and starred[0]["starred"] is True
    assert kaart("star", uid[:8], "--off").code == 0
    assert entries(kaart("journal", "--starred", "--json")) == []
    unknown = kaart("star", "ffffffff")
    assert unknown.code == 1 and unknown.err.count("\n") == 1
