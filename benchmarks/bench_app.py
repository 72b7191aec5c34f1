"""How the app feels while it is used: from a key to the next frame.

    python benchmarks/bench_app.py

Installs the working tree (``common.install``), imports a 100,000-entry jrnl
export into a fresh home and starts the installed ``kaart`` in a real
pseudo-terminal, as a user would. It prints the time from a key press to the
next frame the app writes, when flipping the card of the day, and when
typing a search over the 100,000 entries (to the echo of the letter, and to
the results shown). Start-up, memory and quitting, each against a bare
Textual app, are in ``bench_table.py``.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Terminal, install, jrnl_entries, run_ms, user_env  # noqa: E402

ENTRIES = 100_000


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.1f} ms (max {max(values) * 1000:.1f} ms)"


def main() -> int:
    venv = install(None)
    kaart = str(venv / "bin" / "kaart")
    with tempfile.TemporaryDirectory(prefix="kaart-app-") as folder:
        os.chdir(folder)
        home = Path(folder) / "home"
        home.mkdir()
        env = user_env(home)
        export = Path(folder) / "export.json"
        export.write_text(json.dumps({"tags": {}, "entries": jrnl_entries(ENTRIES)}),
                          encoding="utf-8")
        print(f"importing {ENTRIES:,} entries: {run_ms([kaart, 'import', str(export)], env):.0f} ms")
        run_ms([kaart, "today"], env)  # the daily check and backup: not what is measured
        term = Terminal([kaart, "--lang", "en"], env)
        try:
            term.wait_for(b"Card of the day")
            time.sleep(2)
            flips = [term.key_to_frame(b" ") for _ in range(10)]
            os.write(term.main, b"/")
            term.wait_for(b"Search and review")
            time.sleep(1)
            echo, results = [], []
            for word in ("gespr", "trapl", "mantel"):
                for index, char in enumerate(word):
                    echo.append(term.key_to_frame(char.encode()))
                    if index == len(word) - 1:
                        os.write(term.main, b"\x7f")  # backspace, then the letter again
                        term.drain()
                        results.append(term.key_to_frame(char.encode(), until=b"found"))
                for _ in word:
                    os.write(term.main, b"\x7f")
                term.drain(0.5)
        finally:
            term.kill()
    print(f"Key to next frame, flip the card of the day:           {median_ms(flips)}")
    print(f"Key to next frame, typing a search ({ENTRIES:,} entries): {median_ms(echo)}")
    print(f"Key to the results shown:                              {median_ms(results)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
