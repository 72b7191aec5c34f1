"""The promises of the README, each attacked with hostile input and hostile states.

1. Nothing is lost. 2. Bad input gets one clear line, never a traceback or a
hang. 3. Text is plain text. 4. Private by default, and nothing outside
Kaart's own files is touched. 5. The BSN aid covers every field.
The static hostile files are in tests/data/hostile (see its README).
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA

HOSTILE = DATA / "hostile"
ROOT = Path(__file__).resolve().parent.parent
UNSAFE = ("\x1b", "\x9b", "\x07", "\u202e", "\u202a", "\u2066")


def one_clear_line(result) -> None:
    assert result.code != 0, result
    assert "Traceback" not in result.err, result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kaart: "), result.err


def count(kaart_home: Path) -> int:
    conn = sqlite3.connect(f"file:{kaart_home / 'data' / 'journal.sqlite3'}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def journal(kaart, kaart_home):
    """A journal with two entries (and the settings and a deck cache beside it)."""
    assert kaart("write", "eerste stuk").code == 0
    assert kaart("write", "tweede stuk", "--tag", "wmo").code == 0
    assert kaart("decks").code == 0
    return kaart_home / "data" / "journal.sqlite3"


# -- 1. nothing is lost -------------------------------------------------------------------


def _own_files(kaart_home: Path) -> list[Path]:
    data, config = kaart_home / "data", kaart_home / "config"
    return [data / "journal.sqlite3", data / "journal.sqlite3-wal", data / "journal.sqlite3-shm",
            data / "backups", data / "backups" / "new.sqlite3", config / "settings.json",
            data / "deck-cache.json", data]


@pytest.mark.parametrize("command", [["backup", "--force", "-o"], ["export", "--force", "-o"],
                                     ["export", "--format", "json", "--force", "-o"],
                                     ["deck", "print", "volgende-stap", "--force", "-o"]])
def test_no_output_ever_lands_on_kaarts_own_files(kaart, journal, kaart_home, command):
    for target in _own_files(kaart_home):
        before = {p: p.read_bytes() for p in kaart_home.rglob("*") if p.is_file()
                  and "backups" not in p.parts and not p.name.endswith("-shm")}
        result = kaart(*command, str(target))
        one_clear_line(result)
        assert "Kaart's own" in result.err
        assert count(kaart_home) == 2
        for path, content in before.items():
            if path.name not in ("journal.sqlite3", "journal.sqlite3-wal"):
                assert path.read_bytes() == content, (target, path)


def test_a_link_or_a_hard_link_to_the_journal_is_the_journal(kaart, journal, kaart_home, tmp_path):
    link = tmp_path / "looks-harmless.sqlite3"
    link.symlink_to(journal)
    hard = tmp_path / "hard.sqlite3"
    os.link(journal, hard)
    for target in (link, hard):
        one_clear_line(kaart("backup", "-o", str(target), "--force"))
        one_clear_line(kaart("export", "-o", str(target), "--force"))
    assert count(kaart_home) == 2


def test_backup_over_an_old_file_keeps_it_until_the_copy_is_complete(kaart, journal, tmp_path,
                                                                      monkeypatch):
    old = tmp_path / "old-backup.sqlite3"
    old.write_bytes(b"the old backup, precious")
    from tui.journal import backup as backups

    real_place = backups._place

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "_place", disk_full)
    one_clear_line(kaart("backup", "-o", str(old), "--force"))
    assert old.read_bytes() == b"the old backup, precious"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    monkeypatch.setattr(backups, "_place", real_place)
    assert kaart("backup", "-o", str(old), "--force").code == 0
    assert old.read_bytes().startswith(b"SQLite format 3")


def test_a_killed_backup_leaves_nothing_that_looks_like_a_backup(tmp_path):
    from tui.journal import backup as backups

    folder = tmp_path / "backups"
    folder.mkdir()
    for number in range(3):
        (folder / f"auto-2026110{number}-090000.sqlite3").write_bytes(b"SQLite format 3\x00")
    partial = folder / ".auto-20261105-090000.sqlite3.abc.partial"
    partial.write_bytes(b"half a copy")
    assert backups.latest(folder).name.startswith("auto-")
    removed = backups.prune(folder, "auto", 2)
    assert [p.name for p in removed] == ["auto-20261100-090000.sqlite3"]
    assert partial.exists()  # never counted as a backup, never kept as one
    os.utime(partial, (0, 0))
    backups.remove_stale_partials(folder)
    assert not partial.exists()


def test_restore_refuses_while_another_kaart_has_the_journal_open(kaart, journal, tmp_path):
    from tui.journal.store import open_store

    assert kaart("backup", "-o", str(tmp_path / "copy.sqlite3")).code == 0
    other = open_store(journal)  # the app, say
    try:
        result = kaart("restore", str(tmp_path / "copy.sqlite3"))
        one_clear_line(result)
        assert "another Kaart" in result.err
        assert other.add_entry("journal", "still saved where it belongs")
    finally:
        other.close()
    assert kaart("restore", str(tmp_path / "copy.sqlite3")).code == 0


def test_a_journal_swapped_underneath_is_never_written(journal, tmp_path):
    from tui.errors import StoreError
    from tui.journal.store import open_store

    store = open_store(journal)
    try:
        other = tmp_path / "other.sqlite3"
        other.write_bytes(journal.read_bytes())
        os.replace(other, journal)  # a swap that did not ask for the lock
        with pytest.raises(StoreError) as error:
            store.add_entry("journal", "must not land in the file that was set aside")
        assert error.value.reason == "replaced"
    finally:
        store.close()


def test_restore_refuses_a_database_that_is_not_a_kaart_journal(kaart, journal, tmp_path):
    other = tmp_path / "someone-elses.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, note TEXT)")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    result = kaart("restore", str(other))
    one_clear_line(result)
    assert "not a Kaart journal" in result.err
    assert kaart("journal").code == 0 and count(Path(journal).parent.parent) == 2


def test_one_uid_with_two_texts_is_refused_whole(kaart, journal, kaart_home):
    result = kaart("import", str(HOSTILE / "duplicate-uid.json"))
    one_clear_line(result)
    assert "same id" in result.err and count(kaart_home) == 2


@pytest.mark.parametrize("name", ["year-zero.json", "year-one-east.json", "year-10000.json",
                                  "year-9999-west.json"])
def test_times_that_cannot_round_trip_are_refused(kaart, journal, kaart_home, name):
    result = kaart("import", str(HOSTILE / name))
    one_clear_line(result)
    assert "'created'" in result.err and count(kaart_home) == 2


def test_an_old_date_still_round_trips(kaart, tmp_path, kaart_home):
    from datetime import UTC, datetime

    from tui.journal.store import open_store

    with open_store() as store:
        store.add_entry("journal", "heel oud", created=datetime(999, 3, 4, 12, tzinfo=UTC))
    exported = tmp_path / "old.json"
    assert kaart("export", "-o", str(exported)).code == 0
    assert '"created": "0999-03-04T12:00:00.000000Z"' in exported.read_text()
    (kaart_home / "data" / "journal.sqlite3").rename(tmp_path / "aside.sqlite3")
    for suffix in ("-wal", "-shm"):
        Path(f"{kaart_home / 'data' / 'journal.sqlite3'}{suffix}").unlink(missing_ok=True)
    result = kaart("import", str(exported))
    assert result.code == 0, result.err


# -- 2. bad input: one clear line, never a traceback or a hang -------------------------------


def _kaart_process(args, kaart_home, *, stdin=None, timeout=20):
    env = dict(os.environ, KAART_HOME=str(kaart_home), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "tui", *args], input=stdin, capture_output=True,
                          env=env, cwd=ROOT, timeout=timeout)


def test_text_that_is_not_utf8_on_stdin_is_kept_byte_for_byte(kaart_home):
    raw = (HOSTILE / "latin1-text.txt").read_bytes()
    done = _kaart_process(["write"], kaart_home, stdin=raw)
    err = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in err and len(err.splitlines()) == 1
    assert "not UTF-8" in err
    [kept] = (kaart_home / "data").glob("unsaved-*.txt")
    assert kept.read_bytes() == raw and stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert str(kept) in err


def test_text_that_is_not_utf8_in_an_argument_is_kept_too(kaart_home):
    env = dict(os.environ, KAART_HOME=str(kaart_home), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "tui", "write", os.fsdecode(b"Caf\xe9")],
                          capture_output=True, env=env, cwd=ROOT, timeout=20)
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    [kept] = (kaart_home / "data").glob("unsaved-*.txt")
    assert kept.read_bytes() == b"Caf\xe9"


@pytest.mark.parametrize("content, words", [
    ("[" * 100_000 + "]" * 100_000, "nested"),
    ('{"format": "kaart-journal", "version": 2, "entries": [' + "1" * 5000 + "]}", "not a JSON"),
    ('{"format": "kaart-journal", "version": 2, "entries": 7}', "neither"),
])
def test_hostile_json_is_one_line(kaart, tmp_path, content, words):
    path = tmp_path / "hostile.json"
    path.write_text(content)
    result = kaart("import", str(path))
    one_clear_line(result)
    assert words in result.err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_a_device_is_refused_not_waited_on(kaart_home, tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero"), tmp_path):
        done = _kaart_process(["import", str(path)], kaart_home, timeout=20)
        err = done.stderr.decode()
        assert done.returncode == 1 and "Traceback" not in err and "not a file" in err, err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("what", ["fifo", "folder", "nested", "wrong types", "not utf8"])
def test_a_hostile_settings_file_never_stops_a_command(kaart_home, what):
    config = kaart_home / "config"
    config.mkdir(parents=True)
    settings = config / "settings.json"
    if what == "fifo":
        os.mkfifo(settings)
    elif what == "folder":
        settings.mkdir()
    elif what == "nested":
        settings.write_text("[" * 100_000 + "]" * 100_000)
    elif what == "wrong types":
        settings.write_text('{"language": 5, "backups_keep": "many", "theme": [1], '
                            '"user_seed": {"x": 1}, "default_deck": true}')
    else:
        settings.write_bytes(b'{"theme": "\xff"}')
    done = _kaart_process(["today"], kaart_home, timeout=20)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    if what in ("fifo", "folder"):  # unreadable: left exactly as it is
        assert stat.S_ISFIFO(settings.stat().st_mode) or settings.is_dir()
        assert b"left as it is" in done.stderr
    if what in ("nested", "not utf8"):  # damaged: set aside, never deleted
        assert (config / "settings.json.broken").exists()


def test_an_unreadable_settings_file_is_left_alone(kaart_home, monkeypatch):
    from tui import fileio
    from tui.settings import load_settings, save_settings

    config = kaart_home / "config"
    config.mkdir(parents=True)
    (config / "settings.json").write_text('{"user_seed": "feedfacefeedface", "theme": "nord"}')
    real = fileio.read_regular

    def denied(path, limit, **kwargs):
        if path.name == "settings.json":
            from tui.errors import InputError

            raise InputError("denied", "unreadable", "Permission denied")
        return real(path, limit, **kwargs)

    monkeypatch.setattr("tui.settings.read_regular", denied)
    settings = load_settings()
    assert "Permission denied" in settings.notice and not settings.writable
    from tui.errors import KaartError

    with pytest.raises(KaartError):
        save_settings(settings)
    assert (config / "settings.json").read_text() == '{"user_seed": "feedfacefeedface", "theme": "nord"}'
    assert not (config / "settings.json.broken").exists()


def test_a_hand_edited_deck_cache_is_rebuilt_never_trusted(kaart, kaart_home):
    assert kaart("draw", "--json").code == 0
    cache = kaart_home / "data" / "deck-cache.json"
    text = cache.read_text()
    assert "De volgende stap" in text or "The next step" in text
    cache.write_text(text.replace('"kind":"think"', '"kind":"???"').replace(
        "The next step", "\x1b[31mHacked"))
    result = kaart("decks")
    assert result.code == 0 and "Hacked" not in result.out and "\x1b" not in result.out
    assert "volgende-stap" in result.out
    for junk in ("[" * 50_000, '{"format": 2}\n{"decks": 1}', ""):
        cache.write_text(junk)
        result = kaart("draw", "--json")
        assert result.code == 0 and "Traceback" not in result.err


@pytest.mark.parametrize("where", ["home is a file", "journal is a folder", "backups is a file",
                                   "data is a link"])
def test_misplaced_files_and_folders_give_one_clear_line(kaart_home, tmp_path, where):
    home = kaart_home
    if where == "home is a file":
        home.parent.mkdir(parents=True, exist_ok=True)
        home.write_text("not a folder")
        args = ["journal"]
    elif where == "journal is a folder":
        (home / "data" / "journal.sqlite3").mkdir(parents=True)
        args = ["write", "x"]
    elif where == "backups is a file":
        (home / "data").mkdir(parents=True)
        (home / "data" / "backups").write_text("in the way")
        args = ["backup"]
    else:
        (tmp_path / "elsewhere").mkdir()
        home.mkdir(parents=True)
        (home / "data").symlink_to(tmp_path / "elsewhere")
        args = ["write", "x"]
    done = _kaart_process(args, home)
    err = done.stderr.decode()
    assert done.returncode != 0 and "Traceback" not in err, err
    assert len([line for line in err.splitlines() if line.strip()]) == 1, err


def test_an_unwritable_kaart_home_is_one_line():
    done = subprocess.run([sys.executable, "-m", "tui", "write", "x"], capture_output=True,
                          env=dict(os.environ, KAART_HOME="/proc/kaart-cannot-live-here",
                                   PYTHONPATH=str(ROOT)), cwd=ROOT, timeout=20)
    assert done.returncode != 0 and b"Traceback" not in done.stderr
    assert len(done.stderr.decode().strip().splitlines()) == 1


def test_a_big_csv_is_refused_before_it_is_converted(kaart, tmp_path):
    big = tmp_path / "big.csv"
    with big.open("w") as handle:
        handle.write("text;kind\n")
        for number in range(120_000):
            handle.write(f"Kaart nummer {number} met wat tekst erbij;think\n")
    result = kaart("deck", "add", str(big))
    one_clear_line(result)
    assert "bytes" in result.err


def test_an_unclosed_quote_names_its_row_in_the_csv(kaart):
    result = kaart("deck", "add", str(HOSTILE / "unclosed-quote.csv"))
    one_clear_line(result)
    assert "unclosed-quote.csv:2:" in result.err and "quote" in result.err


def test_a_deck_problem_in_a_csv_names_the_csv_row(kaart):
    result = kaart("deck", "add", str(HOSTILE / "csv-bad-kind.csv"))
    one_clear_line(result)
    assert "csv-bad-kind.csv:3:" in result.err and "vraag" in result.err


@pytest.mark.parametrize("query", ['"', "AND(", "-", ":", "NEAR(a b)", "*", "a OR", "^x", "'"])
def test_a_query_the_search_parser_cannot_take_is_no_disk_problem(kaart, journal, query):
    result = kaart("search", query)
    assert result.code == 0 and "disk" not in result.err and "Traceback" not in result.err


# -- 3. text is plain text -----------------------------------------------------------------


def test_escape_sequences_never_reach_the_terminal(kaart, kaart_home, tmp_path):
    assert kaart("import", str(HOSTILE / "escapes-import.json")).code == 0
    own = kaart_home / "data" / "decks" / "nl"
    own.mkdir(parents=True)
    (own / "deck-escape-key.yaml").write_bytes((HOSTILE / "deck-escape-key.yaml").read_bytes())
    (own / "naam\x1b[31m.yaml").write_text("format: 1\n")
    outputs = [kaart("journal"), kaart("search", "tekst"), kaart("search", "--tag", "tagx"),
               kaart("stats"), kaart("export", "--format", "md"), kaart("decks"),
               kaart("deck", "validate", str(own / "deck-escape-key.yaml")),
               kaart("trash"), kaart("drafts"), kaart("outcome")]
    for result in outputs:
        for char in UNSAFE:
            assert char not in result.out and char not in result.err, (char, result)
    assert "\ufffd" in outputs[0].out  # something was there, and it shows


# -- 4. private by default -------------------------------------------------------------------


def test_a_journal_that_is_a_link_is_refused_and_its_target_untouched(kaart, kaart_home, tmp_path):
    target = tmp_path / "someone-elses-file"
    target.write_text("precious")
    target.chmod(0o644)
    (kaart_home / "data").mkdir(parents=True)
    (kaart_home / "data" / "journal.sqlite3").symlink_to(target)
    result = kaart("write", "x")
    assert result.code == 1 and "symbolic link" in result.err
    assert target.read_text() == "precious" and stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_wal_file_that_is_a_link_is_refused(kaart, journal, tmp_path):
    target = tmp_path / "elsewhere"
    target.write_text("keep")
    wal = Path(f"{journal}-wal")
    wal.unlink(missing_ok=True)
    wal.symlink_to(target)
    result = kaart("write", "x")
    assert result.code == 1 and "symbolic link" in result.err and target.read_text() == "keep"


def test_a_new_kaart_home_is_private_under_any_umask(tmp_path):
    home = tmp_path / "a" / "b" / "kaart"
    code = ("import os; os.umask(0); from tui.cli import run; "
            "raise SystemExit(run(['write', 'x']))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT,
                          env=dict(os.environ, KAART_HOME=str(home), PYTHONPATH=str(ROOT)),
                          timeout=30)
    assert done.returncode == 0, done.stderr
    for folder in (tmp_path / "a", tmp_path / "a" / "b", home, home / "data", home / "config",
                   home / "data" / "backups"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for file in (home / "data").glob("journal.sqlite3*"):
        if not file.name.endswith((".lock", ".queue")) or True:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    assert stat.S_IMODE((home / "config" / "settings.json").stat().st_mode) == 0o600


# -- 5. the BSN aid covers every field ----------------------------------------------------------


def test_a_bsn_in_a_tag_or_a_title_is_warned_about(kaart):
    result = kaart("write", "gewone tekst", "--tag", "dossier-111222333")
    assert result.code == 0 and "BSN" in result.err
    result = kaart("write", "gewone tekst", "--title", "Over 111222333")
    assert result.code == 0 and "BSN" in result.err


def test_mask_bsn_masks_tags_titles_and_outcomes_in_both_formats(kaart):
    result = kaart("import", str(HOSTILE / "bsn-everywhere.json"))
    assert result.code == 0 and "BSN" in result.err
    for fmt in ("md", "json"):
        exported = kaart("export", "--format", fmt, "--mask-bsn")
        assert exported.code == 0
        assert "111222333" not in exported.out and "1112.22.333" not in exported.out
        assert "*********" in exported.out
    plain = kaart("export", "--format", "json")
    assert "111222333" in plain.out and "BSN" in plain.err
    data = json.loads(plain.out)
    assert data["entries"][0]["tags"] == ["bsn-111222333"]
