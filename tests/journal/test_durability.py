"""Faults: crashes, two writers, damaged files, newer versions, migrations, locks, modes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.errors import StoreError
from tui.journal import schema
from tui.journal.store import open_store, restore_backup

ROOT = Path(__file__).resolve().parents[2]


def integrity(path: Path) -> str:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def python(code: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                            env=dict(os.environ, **(env or {})), text=True, **kwargs)


# -- modes --------------------------------------------------------------------


def test_files_are_private_even_with_an_open_umask(db_path, clock):
    old = os.umask(0)
    try:
        store = open_store(db_path, now=clock)
        store.add_entry("journal", "privé")
        for name in ("journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm"):
            assert mode(db_path.parent / name) == 0o600, name
        backup = store.backup()
        assert mode(backup) == 0o600 and mode(backup.parent) == 0o700
        store.close()
    finally:
        os.umask(old)
    assert mode(db_path.parent) == 0o700


def test_an_existing_loose_file_is_tightened(db_path, clock):
    open_store(db_path, now=clock).close()
    db_path.chmod(0o644)
    open_store(db_path, now=clock).close()
    assert mode(db_path) == 0o600


# -- damaged files ------------------------------------------------------------


def test_a_file_that_is_not_a_database_is_set_aside(db_path, clock):
    db_path.parent.mkdir(parents=True)
    garbage = b"this is not a database, just some text\n" * 200
    db_path.write_bytes(garbage)
    store = open_store(db_path, now=clock)
    aside = db_path.with_name("journal.sqlite3.broken")
    assert aside.read_bytes() == garbage
    assert str(db_path) in store.notice and str(aside) in store.notice
    assert "\n" not in store.notice
    store.add_entry("journal", "verder")
    assert store.count() == 1
    store.close()
    again = open_store(db_path, now=clock)
    assert again.notice == "" and again.count() == 1
    again.close()
    db_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with open_store(db_path, now=clock) as third:
        assert "journal.sqlite3.broken-1" in third.notice


def test_a_short_garbage_file_and_another_apps_database(db_path, clock):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"x")
    with open_store(db_path, now=clock) as store:
        assert store.notice
    db_path.unlink()
    other = sqlite3.connect(str(db_path))
    other.execute("CREATE TABLE notes (x)")
    other.commit()
    other.close()
    with open_store(db_path, now=clock) as store:
        assert "not a Kaart journal" in store.notice
        store.add_entry("journal", "x")


def _filled(db_path: Path, clock, count: int = 400) -> list[str]:
    with open_store(db_path, now=clock) as store:
        uids = [store.add_entry("journal", f"stuk {n} " + "tekst " * 80).uid
                for n in range(count)]
    return uids


@pytest.mark.parametrize("cut", ["half", "odd"])
def test_a_truncated_database_is_set_aside(db_path, clock, cut):
    _filled(db_path, clock)
    size = db_path.stat().st_size
    assert not Path(str(db_path) + "-wal").exists()
    keep = size // 2 if cut == "half" else size // 2 + 123
    with db_path.open("r+b") as handle:
        handle.truncate(keep)
    with open_store(db_path, now=clock) as store:
        assert "journal.sqlite3.broken" in store.notice
        assert store.count() == 0
        store.add_entry("journal", "nieuw begin")
    assert db_path.with_name("journal.sqlite3.broken").stat().st_size == keep


def test_damage_found_by_the_daily_check_sets_the_file_aside(db_path, clock):
    _filled(db_path, clock)
    raw = bytearray(db_path.read_bytes())
    page = 4096
    for number in range(5, len(raw) // page - 5, 7):  # scribble over many pages, not the header
        raw[number * page + 10: number * page + 400] = os.urandom(390)
    db_path.write_bytes(bytes(raw))
    clock.advance(days=1)
    with open_store(db_path, now=clock) as store:
        assert "broken" in store.notice
        assert store.count() == 0


def test_damage_seen_during_use_is_checked_at_the_next_open(db_path, clock):
    from tui.journal.store import suspect_marker

    _filled(db_path, clock, 50)
    store = open_store(db_path, now=clock)
    error = sqlite3.DatabaseError("database disk image is malformed")
    error.sqlite_errorcode = sqlite3.SQLITE_CORRUPT
    trouble = store._trouble(error)
    assert trouble.reason == "damaged" and "kaart restore" in trouble.message
    assert suspect_marker(db_path).exists()
    store.close()
    with open_store(db_path, now=clock) as again:  # quick_check passes: kept, marker gone
        assert again.notice == "" and again.count() == 50
    assert not suspect_marker(db_path).exists()


# -- versions and migrations --------------------------------------------------


def test_a_database_from_a_newer_kaart_opens_read_only(db_path, clock):
    with open_store(db_path, now=clock) as store:
        entry = store.add_entry("journal", "van vroeger")
    conn = sqlite3.connect(str(db_path))
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    store = open_store(db_path, now=clock)
    assert store.read_only and "newer" in store.notice
    assert store.get_entry(entry.uid).body == "van vroeger"
    with pytest.raises(StoreError) as error:
        store.add_entry("journal", "nieuw")
    assert error.value.reason == "newer"
    with pytest.raises(StoreError):
        store.save_draft("journal", {"body": "x"})
    store.close()
    conn = sqlite3.connect(str(db_path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION + 5
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 1
    conn.close()


def _version_1(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    conn.execute("BEGIN")
    schema.migrate(conn, 0, target=1)
    conn.execute("INSERT INTO entries (uid, kind, created, updated, day, title, body) "
                 "VALUES (x'00112233445566778899aabbccddeeff', 'journal', 0, 0, 719163, "
                 "'oud', 'uit versie 1')")
    conn.execute("COMMIT")
    conn.close()


def test_forward_migration_after_a_backup(db_path, clock):
    _version_1(db_path)
    with open_store(db_path, now=clock) as store:
        entry = store.get_entry("00112233-4455-6677-8899-aabbccddeeff")
        assert entry.body == "uit versie 1"
        assert [h.entry.uid for h in store.search("versie")] == [entry.uid]
        store.record_draw("d", "c", "random")
    conn = sqlite3.connect(str(db_path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    conn.close()
    backups = list((db_path.parent / "backups").glob(f"pre-v{schema.SCHEMA_VERSION}-*.sqlite3"))
    assert len(backups) == 1 and mode(backups[0]) == 0o600
    old = sqlite3.connect(str(backups[0]))
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()


def test_a_failing_migration_changes_nothing(db_path, clock):
    _version_1(db_path)
    with pytest.MonkeyPatch.context() as patch:  # undoing it must not undo KAART_HOME
        patch.setitem(schema.MIGRATIONS, 2,
                      schema.MIGRATIONS[2] + "\nCREATE TABLE draws (oops);\n")
        with pytest.raises(StoreError):
            open_store(db_path, now=clock)
    conn = sqlite3.connect(str(db_path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "draws" not in tables and "entries" in tables
    conn.close()
    with open_store(db_path, now=clock) as store:
        assert store.count() == 1


def test_statement_splitting_keeps_triggers_whole():
    parts = schema.statements(schema.MIGRATIONS[1])
    triggers = [part for part in parts if part.startswith("CREATE TRIGGER")]
    assert len(triggers) == 3 and all(part.rstrip().endswith("END;") for part in triggers)


# -- backups ------------------------------------------------------------------


def test_daily_backup_once_a_day_keeping_n(db_path, clock):
    folder = db_path.parent / "backups"
    with open_store(db_path, now=clock, backups_keep=2) as store:
        assert not list(folder.glob("auto-*"))  # an empty journal: nothing to keep yet
        store.add_entry("journal", "dag 1")
        first = list(folder.glob("auto-*"))
        assert len(first) == 1  # a new journal is backed up after its first save, not tomorrow
        store.add_entry("journal", "nog een, zelfde dag")
        assert list(folder.glob("auto-*")) == first  # once a day
    names = []
    for _day in range(4):
        clock.advance(days=1)
        with open_store(db_path, now=clock, backups_keep=2) as store:
            store.add_entry("journal", "nog een")
        with open_store(db_path, now=clock, backups_keep=2):
            pass
        names.append(sorted(p.name for p in folder.glob("auto-*")))
    assert [len(n) for n in names] == [2, 2, 2, 2]
    newest = folder / names[-1][-1]
    assert mode(newest) == 0o600 and integrity(newest) == "ok"
    conn = sqlite3.connect(str(newest))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 5
    conn.close()


def test_backups_keep_comes_from_the_settings(db_path, kaart_home):
    """The store reads no settings: the core passes backups_keep from them."""
    from datetime import timedelta

    from tests.conftest import FIXED_NOW
    from tui.core.kaart import Kaart
    from tui.settings import load_settings, save_settings

    settings = load_settings()
    settings.backups_keep = 1
    save_settings(settings)
    for day in range(4):
        core = Kaart(clock=lambda day=day: FIXED_NOW + timedelta(days=day))
        core.save_entry("journal", f"dag {day}")
        core.close()
    assert len(list((db_path.parent / "backups").glob("auto-*"))) == 1


def test_restore_checks_first_and_keeps_the_old_journal(db_path, clock, tmp_path):
    with open_store(db_path, now=clock) as store:
        first = store.add_entry("journal", "voor de kopie")
        backup = store.backup(tmp_path / "copy.sqlite3")
        store.add_entry("journal", "na de kopie")
    assert mode(backup) == 0o600
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"nope" * 100)
    for wrong in (bad, tmp_path / "missing.sqlite3"):
        with pytest.raises(StoreError):
            restore_backup(wrong, db_path)
    with open_store(db_path, now=clock) as store:
        assert store.count() == 2
    aside = restore_backup(backup, db_path)
    assert aside != db_path and aside.exists()
    with open_store(aside, now=clock, read_only=True) as old:
        assert old.count() == 2
    with open_store(db_path, now=clock) as store:
        assert [e.uid for e in store.recent()] == [first.uid]
    assert mode(db_path) == 0o600


def test_restore_refuses_a_damaged_or_newer_backup(db_path, clock, tmp_path):
    with open_store(db_path, now=clock) as store:
        store.add_entry("journal", "x " * 3000)
        copy = store.backup(tmp_path / "copy.sqlite3")
    conn = sqlite3.connect(str(copy))
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as error:
        restore_backup(copy, db_path)
    assert error.value.reason == "newer"
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(str(other))
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError):
        restore_backup(other, db_path)


def test_restore_without_a_current_journal(db_path, clock, tmp_path):
    with open_store(tmp_path / "src.sqlite3", now=clock) as store:
        store.add_entry("journal", "x")
        copy = store.backup(tmp_path / "copy.sqlite3")
    assert restore_backup(copy, db_path) == db_path
    with open_store(db_path, now=clock) as store:
        assert store.count() == 1


# -- locks and concurrency ----------------------------------------------------


def test_a_lock_held_too_long_is_a_clear_error(db_path, clock):
    with open_store(db_path, now=clock) as store:
        store.add_entry("journal", "x")
    holder = sqlite3.connect(str(db_path), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with open_store(db_path, now=clock, busy_timeout=0.2) as store:
            with pytest.raises(StoreError) as error:
                store.add_entry("journal", "wacht")
            assert error.value.reason == "locked"
            assert store.count() == 1  # reading still works under a writer
    finally:
        holder.execute("ROLLBACK")
        holder.close()


WRITER = """
    import sys
    from tui.journal.store import open_store
    store = open_store()
    name = sys.argv[1]
    for number in range(int(sys.argv[2])):
        store.add_entry("journal", f"{name} {number}")
        print(number, flush=True)
    store.close()
"""


def test_two_writers_at_once_both_succeed(kaart_home, db_path):
    env = {"KAART_HOME": str(kaart_home)}
    writers = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(WRITER), name, "150"],
                                cwd=ROOT, env=dict(os.environ, **env), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for name in ("een", "twee")]
    results = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
    with open_store(db_path, read_only=True) as store:
        bodies = {e.body for e in store.recent(1000)}
    assert bodies == {f"{name} {n}" for name in ("een", "twee") for n in range(150)}
    assert integrity(db_path) == "ok"


def test_kill_9_in_the_middle_of_saves_loses_nothing_acknowledged(kaart_home, db_path):
    env = dict(os.environ, KAART_HOME=str(kaart_home))
    writer = subprocess.Popen([sys.executable, "-c", textwrap.dedent(WRITER), "stuk", "100000"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    acknowledged = []
    deadline = time.monotonic() + 60
    while len(acknowledged) < 300 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        acknowledged.append(int(line))
    writer.kill()  # SIGKILL, while it is saving
    writer.wait()
    acknowledged += [int(line) for line in writer.stdout.read().split()]
    assert len(acknowledged) >= 300, writer.stderr.read()
    assert integrity(db_path) == "ok"
    with open_store(db_path) as store:
        bodies = {e.body for e in store.recent(100_000)}
        assert store.notice == ""
    assert {f"stuk {n}" for n in acknowledged} <= bodies
    assert integrity(db_path) == "ok"


# -- a full disk and a read-only folder ---------------------------------------


FULL_DISK = """
    import io, json, os, resource, sys
    from tui.cli import run
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    out, err = io.StringIO(), io.StringIO()
    code = run(["write"], out=out, err=err)  # the text comes on stdin
    print(json.dumps([code, out.getvalue(), err.getvalue()]))
"""


def test_a_full_disk_keeps_the_database_and_the_text(kaart_home, db_path):
    with open_store(db_path) as store:  # today's daily check is done
        for n in range(20):
            store.add_entry("journal", f"bestaand {n}")
    size = db_path.stat().st_size
    text = "Belangrijke reflectie. " + "woorden " * 40_000
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(FULL_DISK),
                           str(size + 16384)], input=text, cwd=ROOT, capture_output=True,
                          text=True,
                          env=dict(os.environ, KAART_HOME=str(kaart_home)), timeout=120)
    import json

    code, out, err = json.loads(done.stdout.strip().splitlines()[-1])
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err + done.stderr
    assert "disk" in err and str(db_path) in err
    assert text.strip() in out  # printed back: no file could take it either
    assert integrity(db_path) == "ok"
    with open_store(db_path) as store:
        assert store.count() == 20 and store.drafts() == []


def _as_user(uid: int, home: Path, argv: list[str]) -> tuple[int, str, str]:
    """Run ``kaart argv`` in a forked child as ``uid`` (the test runs as root)."""
    import io
    import json

    from tui.cli import run

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read_end)
            os.setgid(uid)
            os.setuid(uid)
            os.environ["KAART_HOME"] = str(home)
            out, err = io.StringIO(), io.StringIO()
            code = run(argv, out=out, err=err)
            payload = [code, out.getvalue(), err.getvalue()]
        except BaseException as error:
            payload = [99, "", repr(error)]
        os.write(write_end, json.dumps(payload).encode())
        os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    return tuple(json.loads(b"".join(chunks)))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_read_only_folder_keeps_the_database_and_the_text(tmp_path, kaart, monkeypatch):
    import shutil
    import tempfile

    kaart("write", "warm up the imports")  # the child may not be allowed to read the stdlib
    kaart("journal", "--json")
    if os.geteuid() != 0:
        pytest.skip("needs root: a folder's owner can always chmod it writable again")
    user = 65534
    base = Path(tempfile.mkdtemp(prefix="kaart-ro-"))
    try:
        base.chmod(0o755)
        home = base / "home"
        home.mkdir()
        try:
            os.chown(home, user, user)
        except OSError as error:  # namespace root in a container maps no other uid
            pytest.skip(f"root here cannot hand a folder to uid {user}: {error}")
        code, out, err = _as_user(user, home, ["write", "eerste stuk"])
        assert code == 0, err
        data = home / "data"
        database = data / "journal.sqlite3"
        os.chown(data, 0, 0)  # not the user's any more, so Kaart cannot chmod its way back in
        os.chown(database, 0, 0)
        data.chmod(0o755)
        database.chmod(0o644)
        modes = mode(database), mode(data)
        code, out, err = _as_user(user, home, ["write", "tweede stuk, niet weggooien"])
        assert code == 1, (out, err)
        assert "read-only" in err and "Traceback" not in err
        assert "tweede stuk, niet weggooien" in out
        code, out, err = _as_user(user, home, ["journal", "--json"])
        assert code == 0, err
        assert "eerste stuk" in out and "read-only" in err
        assert (mode(database), mode(data)) == modes
        data.chmod(0o700)
        assert integrity(database) == "ok"
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        assert conn.execute("SELECT body FROM entries").fetchall() == [("eerste stuk",)]
        conn.close()
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_clock_without_timezone_is_taken_as_local(db_path):
    naive = datetime(2026, 11, 22, 12, 0)
    with open_store(db_path, now=lambda: naive) as store:
        entry = store.add_entry("journal", "x")
    assert entry.created == naive.astimezone().astimezone(UTC)
    assert entry.created - datetime(2026, 11, 22, 11, 0, tzinfo=UTC) == timedelta(0)


def test_begin_immediate_waits_for_the_lock_then_gives_up_and_keeps_the_timeout(tmp_path):
    import threading

    from tui.journal.connection import begin_immediate, connect

    path = tmp_path / "lock.sqlite3"
    holder, waiter = connect(path, timeout=5), connect(path, timeout=0.2)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError):
        begin_immediate(waiter)  # the lock stays taken past the waiter's 0.2 s
    assert waiter.execute("PRAGMA busy_timeout").fetchone()[0] == 200
    release = threading.Timer(0.05, lambda: holder.execute("COMMIT"))
    release.start()
    waiter.execute("PRAGMA busy_timeout = 5000")
    begin_immediate(waiter)  # gets it once the holder commits
    assert waiter.in_transaction
    waiter.execute("COMMIT")
    release.join()
    assert waiter.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    holder.close()
    waiter.close()
