"""Text stays text; drafts survive a killed app; domain modules never import Textual."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.app.conftest import HAZARD_DECKS, SIZE, in_store, screen_text, settle

ROOT = Path(__file__).resolve().parents[2]
MARKUP = "[@click=app.quit]x[/]"


async def test_markup_and_escapes_in_a_card_and_a_note_stay_inert(make_app):
    from tui.journal.store import CardRef
    from tui.screens.card import CardScreen
    from tui.screens.entry import EntryScreen
    from tui.widgets.card_view import CardView

    app = make_app(decks=HAZARD_DECKS)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = app.core.library.card("gevaar", "klik")
        note = in_store(app, lambda store: store.add_entry(
            "note", f"Note {MARKUP} and [/ and \x1b[31mred", title="[b]bold?[/b]",
            card=CardRef("gevaar", "klik", card.text)))

        text = screen_text(app)  # the card of the day is the hazard card
        assert MARKUP in text and "[/ here" in text and "[31mred" in text
        assert "\x1b" not in text
        view = app.screen.query_one(CardView)
        await pilot.click(view, offset=(8, 2))  # on the markup: a click flips, nothing more
        await pilot.click(view, offset=(8, 2))
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert "Hazard [b]deck[/b]" in screen_text(app)

        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CardScreen)
        text = screen_text(app)
        assert f"Note {MARKUP} and [/ and [31mred" in text and "[b]bold?[/b]" in text
        await pilot.click("NoteItem", offset=(10, 1))
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen) and app.screen.uid == note.uid
        text = screen_text(app)
        assert MARKUP in text and "\x1b" not in text
        for y in range(3, 12):
            await pilot.click("#entry-text", offset=(12, y - 3))
        await settle(pilot)
        assert app.is_running and app.return_code is None

        await pilot.press("j")
        await settle(pilot)
        assert "[b]bold?[/b]" in screen_text(app)
        await pilot.click("#timeline", offset=(30, 0))
        await settle(pilot)
        assert app.is_running


async def test_pasted_control_characters_are_stripped(make_app):
    from textual import events

    from tui.screens.editor import EditorScreen
    from tui.widgets.note_editor import NoteEditor
    from tui.widgets.plain_input import PlainInput

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        editor = app.screen.query_one(NoteEditor)
        editor.post_message(events.Paste("red\x1b[31m text\x07"))
        title = app.screen.query_one("#title", PlainInput)
        title.post_message(events.Paste("a\x1b]0;title\x07b"))
        await settle(pilot)
        assert editor.text == "red[31m text"
        assert title.value == "a]0;titleb"


def _read_until(fd: int, needle: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if needle in seen:
                return seen
    return seen


async def test_a_draft_comes_back_after_the_app_is_killed(make_app, home):
    from tui.screens.dialogs.drafts import DraftsDialog as DraftsScreen
    from tui.screens.editor import EditorScreen
    from tui.widgets.note_editor import NoteEditor

    env = dict(os.environ, KAART_HOME=str(home), TERM="xterm-256color", COLUMNS="100",
               LINES="30", PYTHONPATH=str(ROOT))
    env.pop("NO_COLOR", None)
    main, child = pty.openpty()
    os.set_blocking(main, False)
    import fcntl
    import struct
    import termios

    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "tui", "--lang", "en"], cwd=ROOT, env=env,
                               stdin=child, stdout=child, stderr=child, start_new_session=True)
    os.close(child)
    try:
        assert b"Card" in _read_until(main, b"Card of the day", 20)
        time.sleep(0.5)
        os.write(main, b"w")
        _read_until(main, b"New journal entry", 10)
        time.sleep(0.3)
        os.write(main, b"A thought worth keeping")
        _read_until(main, b"keeping", 5)
        time.sleep(2.5)  # past the pause after typing: the draft is saved
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DraftsScreen)
        assert "A thought worth keeping" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.query_one(NoteEditor).text == "A thought worth keeping"
        await pilot.press("ctrl+s")
        await settle(pilot)
        entries = in_store(app, lambda store: store.recent(5))
        assert [entry.body for entry in entries] == ["A thought worth keeping"]
        assert in_store(app, lambda store: store.drafts()) == []


def test_no_text_is_formatted_into_markup():
    """The patterns that would let deck or user text be parsed as markup are not used."""
    import re

    risky = re.compile(r'Static\(f"|Label\(f"|notify\(f"|markup=True')
    for path in (ROOT / "tui").rglob("*.py"):
        assert not risky.search(path.read_text(encoding="utf-8")), path
    for path in [path for folder in ("screens", "widgets", "dialogs", "ui")
                 for path in (ROOT / "tui" / folder).glob("*.py")] + [ROOT / "tui" / "app.py"]:
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"\.notify\(", text):
            call = text[match.start():text.find(")\n", match.start())]
            assert "markup=False" in call, (path, call[:80])
