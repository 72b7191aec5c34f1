"""Starting and quitting: the card of the day is in the first frame; quitting keeps everything."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.app.conftest import SIZE, screen_text
from tests.app.test_safety import _read_until

ROOT = Path(__file__).resolve().parents[2]


async def test_the_card_of_the_day_does_not_wait_for_the_journal(make_app, monkeypatch):
    """The card is shown before the journal thread has answered at all."""
    import tui.screens.home as home
    from tui.widgets.card_view import CardView

    release = threading.Event()
    gather = home.home_data

    def slow_home_data(core):
        release.wait(10)  # the journal thread is busy (a big journal, a slow disk)
        return gather(core)

    monkeypatch.setattr(home, "home_data", slow_home_data)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        card = app.core.todays_card()
        view = app.screen.query_one("#today-card", CardView)
        assert view.card == card
        assert card.text.split()[0] in screen_text(app)
        assert app.screen.data is None  # the journal's part is still on its way
        await pilot.press("n")  # a key pressed now is not lost: it opens the editor on the card
        release.set()
        for _ in range(100):
            await pilot.pause(0.02)
            if type(app.screen).__name__ == "EditorScreen":
                break
        assert type(app.screen).__name__ == "EditorScreen"
        await pilot.pause(0.2)
        assert card.text.split()[0] in screen_text(app)


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ, KAART_HOME=str(home), TERM="xterm-256color", COLUMNS="100",
               LINES="30", PYTHONPATH=str(ROOT))
    env.pop("NO_COLOR", None)
    return env


def test_quitting_the_app_keeps_what_was_written_and_restores_the_terminal(home):
    """``kaart`` ends its process right after the app (no interpreter teardown): the note
    saved before is in the journal, the terminal is given back, the exit code is 0."""
    import fcntl
    import struct
    import termios

    env = _environment(home)
    today = subprocess.run([sys.executable, "-m", "tui", "--lang", "en", "today", "--json"],
                           env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    words = json.loads(today.stdout)["text"][:12].encode()
    main, child = pty.openpty()
    os.set_blocking(main, False)
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    process = subprocess.Popen([sys.executable, "-c", "from tui.cli import main; main()",
                                "--lang", "en"], cwd=ROOT, env=env, stdin=child,
                               stdout=child, stderr=child, start_new_session=True)
    os.close(child)
    seen = b""
    try:
        seen += _read_until(main, words, 20)
        assert words in seen
        time.sleep(0.5)
        os.write(main, b"w")
        seen += _read_until(main, b"New journal entry", 10)
        time.sleep(0.3)
        os.write(main, b"Kept when quitting")
        seen += _read_until(main, b"quitting", 5)
        os.write(main, b"\x13")  # ctrl+s
        seen += _read_until(main, b"Card of the day", 10)
        time.sleep(0.3)
        os.write(main, b"q")
        deadline = time.monotonic() + 10
        while process.poll() is None and time.monotonic() < deadline:
            seen += _read_until(main, b"\x1b[?1049l", 0.2)  # the terminal kept drained
        code = process.wait(1)
        seen += _read_until(main, b"\x1b[?1049l", 2)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    assert code == 0
    assert seen.rstrip().endswith(b"\x1b[?1049l") or b"\x1b[?1049l" in seen[-200:]

    from tui.journal.store import open_store

    with open_store(home / "data" / "journal.sqlite3", read_only=True) as store:
        assert [entry.body for entry in store.recent(5)] == ["Kept when quitting"]


def test_keys_typed_faster_than_screens_open_do_not_stop_the_app(home):
    """In a real terminal, ``m`` then ``t`` in one go on the journal (own cards opens while
    the journal still has the keys) once stopped the app: Textual's header looked for its
    title after its screen was gone. The app keeps running and quits cleanly."""
    import fcntl
    import struct
    import termios

    env = _environment(home)
    main, child = pty.openpty()
    os.set_blocking(main, False)
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "tui", "--lang", "en"], cwd=ROOT,
                               env=env, stdin=child, stdout=child, stderr=child,
                               start_new_session=True)
    os.close(child)
    seen = b""
    try:
        seen += _read_until(main, b"Card of the day", 20)
        time.sleep(0.8)
        os.write(main, b"j")
        seen += _read_until(main, b"Journal", 10)
        time.sleep(0.8)
        for keys in (b"mt", b"kt", b"jmt"):
            os.write(main, keys)
            seen += _read_until(main, b"never appears", 1.2)
            assert process.poll() is None, seen[-2000:]
        os.write(main, b"q")
        deadline = time.monotonic() + 10
        while process.poll() is None and time.monotonic() < deadline:
            seen += _read_until(main, b"never appears", 0.2)
        code = process.wait(1)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    assert code == 0 and b"Traceback" not in seen and b"NoMatches" not in seen
