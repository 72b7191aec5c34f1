"""How fast the plain commands start, and how long loading the bundled decks takes.

Prints, in one run and on this machine:
- ``kaart today`` against ``python -c "import yaml, sqlite3, platformdirs"``
  (the floor any Python command with our dependencies pays; target <= 1.5x);
- ``kaart draw --json`` and ``kaart decks`` against the same baseline;
- the time to load and check every bundled deck in-process.

Usage: python benchmarks/bench_cli.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_command(argv: list[str], runs: int, env: dict[str, str]) -> float:
    """Median wall time of ``argv`` in milliseconds (one warm-up run first)."""
    subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, check=True)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, check=True)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def time_deck_loading(runs: int, folder: Path) -> tuple[float, float, int, int]:
    """Median ms to load every bundled deck: read and checked (cold), and from the cache (warm)."""
    sys.path.insert(0, str(ROOT))
    from tui.decks.cache import DeckCache
    from tui.decks.library import DeckLibrary

    none = folder / "no-own-decks"
    cache_file = folder / "deck-cache.json"

    def median_ms(make_cache) -> float:
        samples = []
        for _ in range(runs):
            cache = make_cache()
            start = time.perf_counter()
            DeckLibrary.load("nl", own_dir=none, cache=cache)
            samples.append((time.perf_counter() - start) * 1000)
        return statistics.median(samples)

    cold = median_ms(lambda: DeckCache(None))
    library = DeckLibrary.load("nl", own_dir=none, cache=DeckCache(cache_file))
    warm = median_ms(lambda: DeckCache(cache_file))
    files = sum(len(languages) for languages in library.by_id.values())
    cards = sum(len(deck.cards) for languages in library.by_id.values() for deck in languages.values())
    return cold, warm, files, cards


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, KAART_HOME=home, PYTHONPATH=str(ROOT))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure with bytecode caches, as installed
        baseline = time_command([python, "-c", "import yaml, sqlite3, platformdirs"], args.runs, env)
        bare = time_command([python, "-c", "pass"], args.runs, env)
        rows = [("python -c pass", bare), ("python -c 'import yaml, sqlite3, platformdirs'", baseline)]
        for label, argv in (("kaart today", ["today"]), ("kaart draw --json", ["draw", "--json"]),
                            ("kaart decks", ["decks"])):
            rows.append((label, time_command([python, "-m", "tui", *argv], args.runs, env)))
    print(f"Plain command start-up, median of {args.runs} runs (ms); ratio against the baseline:")
    for label, value in rows:
        print(f"  {label:<48} {value:7.1f} ms   {value / baseline:5.2f}x")
    today = dict(rows)["kaart today"]
    verdict = "ok" if today / baseline <= 1.5 else "OVER TARGET"
    print(f"  kaart today / baseline = {today / baseline:.2f}x (target <= 1.5x: {verdict})")
    with tempfile.TemporaryDirectory() as folder:
        cold, warm, files, cards = time_deck_loading(max(args.runs, 21), Path(folder))
    print(f"Loading all bundled decks ({files} files, {cards} cards), median:")
    print(f"  read and checked (first run, or a file changed): {cold:6.2f} ms")
    print(f"  from the deck cache (every other run):           {warm:6.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
