"""How fast the plain commands are, as a user runs them: each a ratio against a floor.

    python benchmarks/bench_cli.py                   # the working tree
    python benchmarks/bench_cli.py --before ae24aaf  # and a git revision, side by side

Kaart is installed as a user installs it (``common.install``: ``pip install``
into a virtual environment per version) and run as the ``kaart`` console
script, with its own home folder holding a journal of 2,000 entries imported
from a jrnl export. The floor is ``python -c "import yaml, sqlite3,
platformdirs"`` with the same interpreter: what any Python command with
Kaart's dependencies pays before it does anything. All commands, of both
versions, run interleaved (``common.paired``), so a busy machine weighs on
every figure alike. The bigger journals (10,000 to 100,000 entries), the app's
first frame and memory are in ``bench_table.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import WORD, install, jrnl_entries, paired, run_ms, user_env  # noqa: E402

ENTRIES = 2_000
COMMANDS = {  # label: the arguments after ``kaart``
    "kaart today": ["today"],
    "kaart draw --json": ["draw", "--json"],
    "kaart decks": ["decks"],
    "kaart journal": ["journal"],
    f"kaart search {WORD}": ["search", WORD],
    "kaart stats": ["stats"],
    "kaart write TEXT": ["write", "Een korte notitie van vandaag"],
}


def prepare(venv: Path, folder: Path, export: Path) -> dict[str, str]:
    """A user's home with the journal imported and the first start of the day behind it."""
    home = folder / "home"
    home.mkdir(parents=True)
    env = user_env(home)
    kaart = str(venv / "bin" / "kaart")
    run_ms([kaart, "import", str(export)], env)
    run_ms([kaart, "today"], env)  # the daily check and backup: not what is measured
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="REV", help="also measure this git revision")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    versions = {"now": install(None)}
    if args.before:
        versions[args.before] = install(args.before)
    with tempfile.TemporaryDirectory(prefix="kaart-cli-") as name:
        folder = Path(name)
        export = folder / "export.json"
        export.write_text(json.dumps({"tags": {}, "entries": jrnl_entries(ENTRIES)}),
                          encoding="utf-8")
        commands: dict[str, tuple[list[str], dict[str, str]]] = {}
        for version, venv in versions.items():
            env = prepare(venv, folder / version, export)
            commands[f"floor {version}"] = (
                [str(venv / "bin" / "python"), "-c", "import yaml, sqlite3, platformdirs"], env)
            for label, argv in COMMANDS.items():
                commands[f"{label} {version}"] = ([str(venv / "bin" / "kaart"), *argv], env)
        times = paired(commands, args.runs)
    print(f"Plain commands, {ENTRIES:,} entries, median of {args.runs} interleaved runs;"
          " each against the floor (python -c 'import yaml, sqlite3, platformdirs')")
    header = "".join(f"{version:>22}" for version in versions)
    print(f"  {'':<28}{header}")
    floor_row = "".join(f"{times[f'floor {version}']:>19.1f} ms" for version in versions)
    print(f"  {'floor':<28}{floor_row}")
    for label in COMMANDS:
        cells = []
        for version in versions:
            value, floor = times[f"{label} {version}"], times[f"floor {version}"]
            cells.append(f"{value:>9.1f} ms {value / floor:>6.2f}×")
        print(f"  {label:<28}" + "".join(f"{cell:>22}" for cell in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
