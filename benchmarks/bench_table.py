"""The speed and memory table: every figure a ratio against a floor measured in the same run.

    python benchmarks/bench_table.py                  # the working tree
    python benchmarks/bench_table.py --before ae24aaf # and a git revision, side by side

Kaart is installed as a user installs it (``pip install``, in a virtual
environment per version, see :func:`common.install`) and run as the
``kaart`` console script with its own home folder; jrnl is installed in the
benchmarks' own environment. The journals are made the way a user would
move from jrnl: ``kaart import`` of a jrnl JSON export, of 10,000, 20,000
and 100,000 entries. Rows (targets from issue 12):

- ``kaart today`` against ``python -c "import yaml, sqlite3, platformdirs"``
  (target <= 1.3x);
- ``kaart search WORD`` (every hit printed) against a bare Python script that
  opens an FTS5 database of the same entries and prints every hit, at 20,000
  and 100,000 entries (target <= 2.5x), and against ``jrnl -contains WORD``
  at 100,000 (target >= 100x faster);
- the first *useful* frame of ``kaart`` (the card of the day's text on the
  screen), 10,000 entries, in a pseudo-terminal, against a bare Textual app
  showing one line (target <= 1.3x); quitting (target <= 1.1x); peak memory
  with 100,000 entries (target <= 1.4x);
- the first 50 results in-process at 100,000 entries, for a phrase and a
  common word (target < 10 ms);
- the time to import a 100,000-entry jrnl export.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    BARE_APP,
    BARE_MARKER,
    COMMON,
    PHRASE,
    WORD,
    Terminal,
    install,
    install_jrnl,
    jrnl_entries,
    paired,
    run_ms,
    user_env,
    write_jrnl_journal,
)

SIZES = (10_000, 20_000, 100_000)

BARE_SEARCH = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
sql = ("SELECT e.created, e.title, snippet(fts, -1, '[', ']', '…', 16) FROM fts "
       "JOIN entries AS e ON e.id = fts.rowid WHERE fts MATCH ? ORDER BY fts.rank")
write = sys.stdout.write
for created, title, snippet in conn.execute(sql, (sys.argv[2],)):
    write(f"{created}  {title}\\n    {snippet}\\n")
"""

IN_PROCESS = """
import json, statistics, sys, time
from tui.journal.store import open_store
from tui.paths import database_path
store = open_store(database_path(), read_only=True)
result = {}
for query in sys.argv[1:]:
    store.search(query, limit=50)
    samples = []
    for _ in range(25):
        started = time.perf_counter()
        hits = store.search(query, limit=50)
        samples.append((time.perf_counter() - started) * 1000)
    result[query] = [statistics.median(samples), len(store.search(query, limit=None))]
store.close()
print(json.dumps(result))
"""


class Version:
    """One installed Kaart: its environment and its homes (one per journal size)."""

    def __init__(self, label: str, venv: Path, folder: Path) -> None:
        self.label, self.venv, self.folder = label, venv, folder
        self.kaart = str(venv / "bin" / "kaart")
        self.python = str(venv / "bin" / "python")

    def home(self, size: int) -> Path:
        return self.folder / self.label / str(size)

    def env(self, size: int) -> dict[str, str]:
        return user_env(self.home(size))

    def all_flag(self) -> list[str]:
        """``--all`` where ``kaart search`` has it; before it did, it printed every hit."""
        usage = subprocess.run([self.kaart, "search", "--help"], capture_output=True,
                               text=True, env=user_env(self.folder)).stdout
        return ["--all"] if "--all" in usage else []


def bare_database(path: Path, entries: list[dict]) -> None:
    """The floor for search: the same entries in a plain FTS5 table, nothing else."""
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE entries (id INTEGER PRIMARY KEY, created TEXT, title TEXT, body TEXT);
        CREATE VIRTUAL TABLE fts USING fts5 (title, body, content='entries', content_rowid='id',
                                             tokenize='unicode61 remove_diacritics 2');
    """)
    conn.executemany("INSERT INTO entries (created, title, body) VALUES (?, ?, ?)",
                     [(f"{e['date']} {e['time']}", e["title"], e["body"]) for e in entries])
    conn.execute("INSERT INTO fts (fts) VALUES ('rebuild')")
    conn.commit()
    conn.close()


def import_journals(versions: list[Version], exports: dict[int, Path], runs: int
                    ) -> dict[str, float]:
    """Every version imports every export into a fresh home; the largest is timed ``runs``
    times (each into a fresh home; the last one stays). Median ms per version."""
    timings: dict[str, list[float]] = {v.label: [] for v in versions}
    largest = max(exports)
    for version in versions:
        for size, export in exports.items():
            for _ in range(runs if size == largest else 1):
                shutil.rmtree(version.home(size), ignore_errors=True)
                version.home(size).mkdir(parents=True)
                took = run_ms([version.kaart, "import", str(export)], version.env(size))
                if size == largest:
                    timings[version.label].append(took)
            # the first run of a day does the daily check and backup: not what is measured
            run_ms([version.kaart, "today"], version.env(size))
    return {label: statistics.median(values) for label, values in timings.items()}


def card_needle(version: Version, size: int) -> bytes:
    """The start of today's card as the app writes it (English, as the app is started)."""
    out = subprocess.run([version.kaart, "--lang", "en", "today", "--json"], check=True,
                         env=version.env(size), capture_output=True, text=True).stdout
    return json.loads(out)["text"][:16].encode()


def app_runs(versions: list[Version], size: int, runs: int) -> dict[str, dict[str, list]]:
    """First useful frame, time to quit and peak memory of each version's ``kaart`` and of a
    bare Textual app in the same environment, runs interleaved."""
    programs = []
    for version in versions:
        needle = card_needle(version, size)
        programs.append((version.label, [version.kaart, "--lang", "en"], version.env(size),
                         needle))
        programs.append((f"bare ({version.label})", [version.python, "-c", BARE_APP],
                         version.env(size), BARE_MARKER))
    results = {name: {"first": [], "quit": [], "memory": []} for name, *_ in programs}
    for _name, argv, env, needle in programs:  # a first start each: settings, caches
        term = Terminal(argv, env)
        try:
            term.wait_for(needle)
            time.sleep(1.5)
            term.quit()
        finally:
            term.kill()
    for _ in range(runs):
        for name, argv, env, needle in programs:
            term = Terminal(argv, env)
            try:
                results[name]["first"].append(term.wait_for(needle) * 1000)
                time.sleep(1.0)  # what loads after the first frame has loaded
                elapsed, rss = term.quit()
                results[name]["quit"].append(elapsed * 1000)
                results[name]["memory"].append(rss / 1024)
            finally:
                term.kill()
    return results


def in_process(version: Version, size: int) -> dict[str, list[float]]:
    done = subprocess.run([version.python, "-c", IN_PROCESS, PHRASE, COMMON, WORD],
                          env=version.env(size), capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"in-process search failed for {version.label}:\n{done.stderr}")
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="REV", help="also measure this git revision")
    parser.add_argument("--runs", type=int, default=15, help="runs of each plain command")
    parser.add_argument("--app-runs", type=int, default=7, help="starts of each app")
    parser.add_argument("--no-jrnl", action="store_true", help="leave jrnl out")
    parser.add_argument("--sizes", type=int, nargs=3, default=SIZES, metavar="N",
                        help="the three journal sizes (default: %(default)s)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="kaart-table-"))
    os.chdir(folder)  # "python -c" puts the current folder first on sys.path: not the checkout
    try:
        print("Installing Kaart (pip install, one environment per version) …", flush=True)
        versions = []
        if args.before:
            versions.append(Version(f"before {args.before}", install(args.before), folder))
        versions.append(Version("after" if args.before else "now", install(None), folder))
        jrnl = None if args.no_jrnl else install_jrnl()
        return measure(folder, versions, jrnl, args)
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def measure(folder: Path, versions: list[Version], jrnl: Path | None, args) -> int:
    sizes = tuple(sorted(args.sizes))
    largest = max(sizes)
    print(f"Writing a jrnl export of {largest:,} entries (and its first {sizes[0]:,} and "
          f"{sizes[1]:,}) …", flush=True)
    entries = jrnl_entries(largest)
    exports = {}
    for size in sizes:
        exports[size] = folder / f"jrnl-export-{size}.json"
        exports[size].write_text(json.dumps({"tags": {}, "entries": entries[-size:]},
                                            ensure_ascii=False), encoding="utf-8")
    bare_dbs = {}
    for size in (sizes[1], largest):
        bare_dbs[size] = folder / f"bare-{size}.sqlite3"
        bare_database(bare_dbs[size], entries[-size:])

    print("Importing the exports into every version …", flush=True)
    imports = import_journals(versions, exports, runs=3)
    floor_python = versions[-1].python
    rows: list[tuple[str, dict[str, str], str]] = []

    # kaart today, against the imports any Python command with our dependencies pays
    commands = {}
    for v in versions:
        commands[v.label] = ([v.kaart, "today"], v.env(sizes[0]))
        commands[f"base {v.label}"] = ([v.python, "-c", "import yaml, sqlite3, platformdirs"],
                                       v.env(sizes[0]))
    today = paired(commands, args.runs)
    rows.append(("kaart today / python -c 'import yaml, sqlite3, platformdirs'",
                 {v.label: f"{today[v.label] / today['base ' + v.label]:.2f}x "
                           f"({today[v.label]:.0f} vs {today['base ' + v.label]:.0f} ms)"
                  for v in versions}, "<= 1.3x"))

    # kaart search WORD (the best page, and how many more) and --all, against the bare query
    # printing every hit, and against jrnl
    query = WORD
    searched = {}
    for size in (largest, sizes[1]):
        commands = {}
        for v in versions:
            commands[v.label] = ([v.kaart, "search", query], v.env(size))
            commands[f"{v.label} --all"] = ([v.kaart, "search", query, *v.all_flag()],
                                            v.env(size))
        commands["bare"] = ([floor_python, "-c", BARE_SEARCH, str(bare_dbs[size]), query],
                            versions[-1].env(size))
        result = paired(commands, args.runs)
        searched[size] = result
        for suffix in ("", " --all"):
            rows.append((f"kaart search {query}{suffix} / bare FTS5 script, {size:,} entries",
                         {v.label: f"{result[v.label + suffix] / result['bare']:.2f}x "
                                   f"({result[v.label + suffix]:.0f} vs {result['bare']:.0f} ms)"
                          for v in versions}, "<= 2.5x"))
    matches = sqlite3.connect(bare_dbs[largest]).execute(
        "SELECT count(*) FROM fts WHERE fts MATCH ?", (query,)).fetchone()[0]
    if jrnl is not None:
        config = write_jrnl_journal(folder / "jrnl", entries)
        jenv = user_env(folder / "jrnl")
        argv = [str(jrnl), "--config-file", str(config), "-contains", query]
        jrnl_ms = statistics.median(run_ms(argv, jenv) for _ in range(3))
        for suffix in ("", " --all"):
            rows.append((f"jrnl -contains {query} / kaart search {query}{suffix}, "
                         f"{largest:,} entries",
                         {v.label: f"{jrnl_ms / searched[largest][v.label + suffix]:.0f}x faster "
                                   f"({searched[largest][v.label + suffix]:.0f} ms vs "
                                   f"{jrnl_ms / 1000:.1f} s)" for v in versions}, ">= 100x"))

    # the app: first useful frame and quitting at 10,000 entries, memory at 100,000
    app = app_runs(versions, sizes[0], args.app_runs)
    big = app_runs(versions, largest, max(3, args.app_runs // 2))

    def ratio(data, what: str, label: str, unit: str = "ms") -> str:
        mine = statistics.median(data[label][what])
        base = statistics.median(data[f"bare ({label})"][what])
        return f"{mine / base:.2f}x ({mine:.0f} vs {base:.0f} {unit})"

    rows.append((f"first useful frame (the card's text), {sizes[0]:,} entries / bare app",
                 {v.label: ratio(app, "first", v.label) for v in versions}, "<= 1.3x"))
    rows.append(("quitting / bare app", {v.label: ratio(app, "quit", v.label)
                                         for v in versions}, "<= 1.1x"))
    rows.append((f"peak memory of the app, {largest:,} entries / bare app",
                 {v.label: ratio(big, "memory", v.label, "MiB") for v in versions}, "<= 1.4x"))
    rows.append((f"first useful frame, {largest:,} entries / bare app",
                 {v.label: ratio(big, "first", v.label) for v in versions}, ""))

    # in-process: the first 50 results at 100,000 entries
    inside = {v.label: in_process(v, largest) for v in versions}
    for q, name in ((PHRASE, "a phrase"), (COMMON, "a common word"), (WORD, "a rare word")):
        count = inside[versions[-1].label][q][1]
        rows.append((f"first 50 results in-process, {name} {q} ({count:,} matches)",
                     {v.label: f"{inside[v.label][q][0]:.1f} ms" for v in versions}, "< 10 ms"))
    rows.append((f"kaart import of a {largest:,}-entry jrnl export",
                 {v.label: f"{imports[v.label] / 1000:.1f} s "
                           f"({largest / imports[v.label] * 1000:,.0f} entries/s)"
                  for v in versions}, ""))

    print()
    print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}; medians; "
          f"'{query}' has {matches} matches at {largest:,} entries.")
    width = max(len(row[0]) for row in rows)
    columns = [v.label for v in versions]
    cell = max(len(value) for row in rows for value in row[1].values())
    print(f"{'':<{width}}  " + "  ".join(f"{c:<{cell}}" for c in columns) + "  target")
    for label, values, target in rows:
        print(f"{label:<{width}}  " + "  ".join(f"{values[c]:<{cell}}" for c in columns)
              + f"  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
