"""How fast the app feels: startup, memory, quitting, and key-to-frame times.

Run: ``python benchmarks/bench_app.py`` (from the repository root). It prints,
in one run:

- time to first frame of ``kaart`` with a 10,000-entry journal, against a bare
  Textual app that shows one line (target: at most 1.3x);
- peak memory (max RSS) of both with a 100,000-entry journal (target: at
  most 1.5x; jrnl needs 166 MiB for such a journal);
- time to quit, against the bare app's (target: at most 1.1x);
- time from a key press to the next frame when flipping a card, and when
  typing a search over 100,000 entries (to the echo, and to the results).

Each app runs in a real pseudo-terminal, as a user would start it; a frame is
the first output the app writes after a key.
"""

from __future__ import annotations

import fcntl
import os
import pty
import random
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7
SIZE = (100, 30)
WORDS = ("neighbour", "resident", "garden", "meeting", "listen", "team", "budget", "visit",
         "question", "kitchen", "care", "plan", "story", "trust", "time", "help", "walk", "call",
         "family", "school", "work", "money", "doctor", "friend", "street", "coffee", "letter")

BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Static("Hello from a bare Textual app")

Bare().run()
"""


def make_journal(home: Path, count: int) -> None:
    """``count`` entries over the last years, written in one transaction."""
    os.environ["KAART_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))
    from tui.journal.model import CardRef, Entry
    from tui.journal.store import open_store

    rng = random.Random(count)
    now = datetime.now(UTC)
    entries = []
    for n in range(count):
        created = now - timedelta(minutes=17 * n + rng.randrange(10))
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(12, 60)))
        kind = rng.choice(("journal", "journal", "note", "decision"))
        card = CardRef("volgende-stap", "kaart", "A card") if kind != "journal" else None
        # as in a real journal, only the last few decisions still wait for their outcome
        outcome = "It went well." if kind == "decision" and n > 40 else ""
        entries.append(Entry(uid=str(uuid.UUID(int=rng.getrandbits(128), version=4)), kind=kind,
                             created=created, updated=created,
                             title=f"Entry {n}" if kind == "decision" else "", body=body,
                             tags=(rng.choice(WORDS),), card=card, outcome=outcome,
                             outcome_at=created + timedelta(days=3) if outcome else None))
    store = open_store()
    try:
        store.import_entries(entries)
    finally:
        store.close()


class Terminal:
    """A program running in a pseudo-terminal of SIZE."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.main, child = pty.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(argv, cwd=ROOT, env=env, stdin=child, stdout=child,
                                        stderr=child, start_new_session=True)
        os.close(child)
        self.seen = b""

    def read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.main], [], [], timeout)
        if not ready:
            return b""
        try:
            chunk = os.read(self.main, 1 << 20)
        except OSError:
            return b""
        self.seen += chunk
        return chunk

    def wait_for(self, needle: bytes, timeout: float = 30) -> float:
        """Seconds until ``needle`` has been written (since the start of the program)."""
        deadline = time.perf_counter() + timeout
        while needle not in self.seen:
            if time.perf_counter() > deadline:
                raise TimeoutError(needle)
            self.read(0.05)
        return time.perf_counter() - self.started

    def drain(self, quiet: float = 0.3) -> None:
        while self.read(quiet):
            pass

    def key_to_frame(self, key: bytes, until: bytes | None = None) -> float:
        """Seconds from writing ``key`` to the next output (or to the output holding ``until``)."""
        self.drain()
        self.seen = b""
        start = time.perf_counter()
        os.write(self.main, key)
        while True:
            chunk = self.read(10)
            if not chunk:
                raise TimeoutError(key)
            if until is None or until in self.seen:
                return time.perf_counter() - start

    def quit(self, key: bytes = b"q") -> tuple[float, int]:
        """Seconds from the quit key to the process ending, and its peak memory (KiB)."""
        self.drain()
        start = time.perf_counter()
        os.write(self.main, key)
        while True:
            self.read(0.01)  # keep the pipe drained so the app can write its last frame
            pid, _status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                elapsed = time.perf_counter() - start
                os.close(self.main)
                return elapsed, usage.ru_maxrss

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ, KAART_HOME=str(home), TERM="xterm-256color", PYTHONPATH=str(ROOT),
               COLUMNS=str(SIZE[0]), LINES=str(SIZE[1]))
    env.pop("NO_COLOR", None)
    return env


def kaart(home: Path) -> Terminal:
    return Terminal([sys.executable, "-m", "tui", "--lang", "en"], environment(home))


def app_only(home: Path) -> Terminal:
    """The app without ``kaart``'s command-line parsing in front of it."""
    return Terminal([sys.executable, "-c", "from tui.app import run_app; from tui.core.kaart import Kaart; run_app(Kaart(language='en'))"],
                    environment(home))


def bare(home: Path) -> Terminal:
    return Terminal([sys.executable, "-c", BARE_APP], environment(home))


def startup(home: Path) -> dict[str, tuple[list[float], list[float], list[int]]]:
    """First frame, time to quit and peak memory of kaart and the bare app, runs interleaved
    so that a busy machine weighs on both alike."""
    results: dict[str, tuple[list[float], list[float], list[int]]] = {
        "kaart": ([], [], []), "app": ([], [], []), "bare": ([], [], [])}
    for _ in range(RUNS):
        for name, make, marker in (("kaart", kaart, b"Card of the day"),
                                   ("app", app_only, b"Card of the day"),
                                   ("bare", bare, b"Hello from a bare")):
            firsts, quits, memory = results[name]
            term = make(home)
            try:
                firsts.append(term.wait_for(marker))
                time.sleep(1.0)  # let the app finish loading what it loads after the first frame
                elapsed, rss = term.quit()
                quits.append(elapsed)
                memory.append(rss)
            finally:
                term.kill()
    return results


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.1f} ms"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kaart-bench-") as folder:
        small, large = Path(folder) / "10k", Path(folder) / "100k"
        print("Making journals of 10,000 and 100,000 entries …", flush=True)
        for home, count in ((small, 10_000), (large, 100_000)):
            started = time.perf_counter()
            subprocess.run([sys.executable, __file__, "--make", str(home), str(count)], check=True)
            print(f"  {count:>7,} entries in {time.perf_counter() - started:.1f} s")
        # the first start of each writes settings and does the daily backup; not what we measure
        for home in (small, large):
            term = kaart(home)
            term.wait_for(b"Card of the day")
            time.sleep(2)
            term.quit()
            term.kill()

        runs = startup(small)
        kaart_first, kaart_quit, _ = runs["kaart"]
        app_first = runs["app"][0]
        bare_first, bare_quit, _ = runs["bare"]
        runs = startup(large)
        _, _, kaart_memory = runs["kaart"]
        _, _, bare_memory = runs["bare"]

        print()
        print(f"Median of {RUNS} runs, in a {SIZE[0]}x{SIZE[1]} pseudo-terminal.")
        ratio = statistics.median(kaart_first) / statistics.median(bare_first)
        print(f"First frame, 10,000 entries: kaart {median_ms(kaart_first)}, "
              f"bare app {median_ms(bare_first)}  -> {ratio:.2f}x (target <= 1.3x)")
        ratio = statistics.median(app_first) / statistics.median(bare_first)
        print(f"  (the app alone, without kaart's command-line parsing: {median_ms(app_first)}"
              f" -> {ratio:.2f}x)")
        ratio = statistics.median(kaart_memory) / statistics.median(bare_memory)
        print(f"Peak memory, 100,000 entries: kaart {statistics.median(kaart_memory) / 1024:6.1f} MiB, "
              f"bare app {statistics.median(bare_memory) / 1024:6.1f} MiB -> {ratio:.2f}x "
              "(target <= 1.5x; jrnl: 166 MiB)")
        ratio = statistics.median(kaart_quit) / statistics.median(bare_quit)
        print(f"Time to quit: kaart {median_ms(kaart_quit)}, bare app {median_ms(bare_quit)}"
              f"  -> {ratio:.2f}x (target <= 1.1x)")

        term = kaart(large)
        try:
            term.wait_for(b"Card of the day")
            time.sleep(1.5)
            flips = [term.key_to_frame(b" ") for _ in range(10)]
            os.write(term.main, b"/")
            term.wait_for(b"Search and review")
            time.sleep(1)
            echo, results = [], []
            for word in ("neigh", "garde", "kitch"):
                for index, char in enumerate(word):
                    last = index == len(word) - 1
                    echo.append(term.key_to_frame(char.encode()))
                    if last:
                        os.write(term.main, b"\x7f")  # backspace, then the letter again
                        term.drain()
                        results.append(term.key_to_frame(char.encode(), until=b"found"))
                for _ in word:
                    os.write(term.main, b"\x7f")
                term.drain(0.5)
        finally:
            term.kill()
        print(f"Key to next frame, flip a card: {median_ms(flips)} (max {max(flips) * 1000:.1f} ms)")
        print(f"Key to next frame, typing a search over 100,000 entries: {median_ms(echo)} "
              f"(max {max(echo) * 1000:.1f} ms); to the results shown: {median_ms(results)} "
              f"(max {max(results) * 1000:.1f} ms)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--make":
        make_journal(Path(sys.argv[2]), int(sys.argv[3]))
        sys.exit(0)
    sys.exit(main())
