"""The journal and the decks in-process, at 10,000 and 100,000 entries. Prints the figures.

    python benchmarks/bench_journal.py            # 10,000 and 100,000 entries
    python benchmarks/bench_journal.py --quick    # 2,000 and 10,000

Builds journals of realistic Dutch reflection entries (notes on cards,
journal entries, decisions; compound words, names, tags; see
``common.TextWriter``) in a temporary KAART_HOME, then measures, in this
process and from the checkout: search for a word, a phrase and a common word
(first 50 results with snippets), the newest-50 listing and the next page, a
year of calendar counts, on this day, a card's history, one save and one
draft save, and the database size against the text it holds; then loading
every bundled deck, read and checked and from the deck cache. The figures a
user waits for (the installed ``kaart`` against its floors, and jrnl) are
in ``bench_table.py``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from common import COMMON, PHRASE, WORD, TextWriter, zipf  # noqa: E402

from tui.journal.model import CardRef, Entry  # noqa: E402
from tui.journal.search import MARK_END, MARK_START  # noqa: E402
from tui.journal.store import open_store  # noqa: E402


class Writer(TextWriter):
    """Realistic entries (notes on cards, journal entries, decisions), from a seed."""

    def __init__(self, seed: int = 7) -> None:
        from tui.decks.library import DeckLibrary

        super().__init__(seed)
        library = DeckLibrary.load("nl")
        self.cards = [CardRef(card.deck, card.id, card.text) for card in library.cards()]
        self.card_weights = zipf(len(self.cards))

    def entry(self, moment: datetime) -> tuple[Entry, int]:
        rng = self.rng
        roll = rng.random()
        kind = "note" if roll < 0.45 else "decision" if roll < 0.55 else "journal"
        card = (self.pick_weighted(self.cards, self.card_weights)
                if kind == "note" or rng.random() < 0.3 else None)
        body = self.body()
        title = self.sentence().rstrip(".") if kind == "decision" else ""
        uid = f"{rng.getrandbits(128):032x}"
        uid = f"{uid[:8]}-{uid[8:12]}-4{uid[13:16]}-a{uid[17:20]}-{uid[20:]}"
        entry = Entry(uid, kind, moment, moment, title[:120], body, (), card)
        size = sum(len(text.encode()) for text in (entry.title, entry.body,
                                                   card.text if card else ""))
        return entry, size


def build(folder: Path, count: int, writer: Writer) -> tuple[Path, int, list[Entry]]:
    home = folder / f"home-{count}"
    os.environ["KAART_HOME"] = str(home)
    path = home / "data" / "journal.sqlite3"
    entries, text_bytes = [], 0
    for moment in writer.moments(count):
        entry, size = writer.entry(moment)
        entries.append(entry)
        text_bytes += size
    with open_store(path, maintenance=False) as store:
        store.import_entries(entries)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, text_bytes, entries


def timed(function, runs: int = 15) -> tuple[float, float]:
    """(first call, median of the next ``runs``) in milliseconds."""
    started = time.perf_counter()
    function()
    first = (time.perf_counter() - started) * 1000
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return first, statistics.median(samples)


def measure(path: Path, text_bytes: int, count: int) -> dict:
    rows = {}
    ticks = iter(range(10**9))
    now = datetime(2026, 11, 22, 9, tzinfo=UTC)
    with open_store(path, now=lambda: now + timedelta(microseconds=next(ticks)),
                    maintenance=False) as store:
        for label, query in (("word", WORD), ("phrase", PHRASE), ("common word", COMMON)):
            hits = store.search(query, limit=None)
            first, median = timed(lambda q=query: store.search(q, limit=50))
            rows[f"search {label} {query} ({len(hits)} matches), first 50"] = (first, median)
        rows["newest 50 (journal listing)"] = timed(lambda: store.recent(50))
        page = store.recent(50)
        rows["next 50 (keyset page)"] = timed(
            lambda: store.recent(50, before=(page[-1].created, page[-1].uid)))
        rows["calendar counts, one year"] = timed(
            lambda: store.day_counts(date(2025, 11, 1), date(2026, 10, 31)))
        rows["on this day"] = timed(lambda: store.on_this_day(date(2026, 10, 22)))
        rows["card history"] = timed(lambda: store.card_history("volgende-stap", "vraag-terug"))
        rows["one save (add_entry, fsync)"] = timed(
            lambda: store.add_entry("journal", "Korte notitie na het gesprek. #bench"), runs=30)
        rows["one draft save"] = timed(lambda: store.save_draft("journal:new", "half af"),
                                       runs=30)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    print(f"\n== {count:,} entries: database {size / 1e6:.1f} MB for {text_bytes / 1e6:.1f} MB "
          f"of text = {size / text_bytes:.2f}x (target <= 2.5x)")
    for label, (first, median) in rows.items():
        print(f"  {label:<58} median {median:7.2f} ms   (first {first:7.2f} ms)")
    return rows


def deck_loading(runs: int, folder: Path) -> None:
    """Median ms to load every bundled deck: read and checked (cold), and from the cache."""
    from tui.decks.cache import DeckCache
    from tui.decks.library import DeckLibrary

    none = folder / "no-own-decks"
    cache_file = folder / "deck-cache.json"

    def median_ms(make_cache) -> float:
        samples = []
        for _ in range(runs):
            cache = make_cache()
            started = time.perf_counter()
            DeckLibrary.load("nl", own_dir=none, cache=cache)
            samples.append((time.perf_counter() - started) * 1000)
        return statistics.median(samples)

    cold = median_ms(lambda: DeckCache(None))
    library = DeckLibrary.load("nl", own_dir=none, cache=DeckCache(cache_file))
    warm = median_ms(lambda: DeckCache(cache_file))
    files = sum(len(languages) for languages in library.by_id.values())
    cards = sum(len(deck.cards) for languages in library.by_id.values()
                for deck in languages.values())
    print(f"\n== loading every bundled deck ({files} files, {cards} cards), median of {runs}")
    print(f"  read and checked (the first run, or after a deck changed) {cold:7.2f} ms")
    print(f"  from the deck cache (every other run)                    {warm:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 and 10,000 entries")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--sizes", type=int, nargs="+", help="journal sizes to build")
    args = parser.parse_args()
    sizes = args.sizes or ((2_000, 10_000) if args.quick else (10_000, 100_000))
    folder = Path(tempfile.mkdtemp(prefix="kaart-bench-"))
    print(f"Kaart journal benchmark (SQLite {__import__('sqlite3').sqlite_version}, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} cores), data in {folder}")
    try:
        for count in sizes:
            started = time.perf_counter()
            path, text_bytes, _entries = build(folder, count, Writer())
            print(f"\nbuilt {count:,} entries in {time.perf_counter() - started:.1f} s "
                  "(one import transaction)")
            measure(path, text_bytes, count)
        deck_loading(21, folder)
    finally:
        if args.keep:
            print(f"\nkept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"\n(search matches are marked {MARK_START!r}...{MARK_END!r}; "
          "times are medians of repeated runs after a first, cold one)")


if __name__ == "__main__":
    main()
