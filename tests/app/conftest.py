"""App tests: every app comes from ``create_app`` with a tmp home, a seed, a clock and test decks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

HERE = Path(__file__).parent
DECKS = HERE / "decks"
HAZARD_DECKS = HERE / "hazard"
NOW = datetime(2026, 11, 22, 9, 30, tzinfo=timezone(timedelta(hours=1)))
SIZE = (100, 30)


@pytest.fixture(autouse=True)
def app_environment(monkeypatch):
    """Colour on (Textual drops it with NO_COLOR), no animations from env (local time: tests/conftest.py)."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)


@pytest.fixture
def home(kaart_home) -> Path:
    return kaart_home


@pytest.fixture
def make_app(home):
    """``make_app(language="en", decks=DECKS)``: a fresh app on the test's own home folder."""
    from tui.app import create_app

    def make(*, language: str = "en", decks: Path = DECKS, seed: int = 7, clock=None,
             animations: bool = False):
        app = create_app(home=home, seed=seed, clock=clock or (lambda: NOW), language=language,
                         bundled_dir=decks)
        if not animations:
            app.animation_level = "none"
        return app

    return make


def in_store(app, fn):
    """Run ``fn(store)`` on the app's journal thread and wait for it (tests only)."""
    return app.runner.wait(lambda core: fn(core.store))


def add_entries(app, count: int, *, kind: str = "journal", start: datetime | None = None,
                body: str = "entry {n}", card=None) -> None:
    """``count`` entries, one per hour going back from ``start``."""
    from tui.journal.store import CardRef

    start = start or NOW.astimezone(UTC) - timedelta(hours=1)
    ref = CardRef(*card) if card else None

    def job(store):
        for n in range(count):
            store.add_entry(kind, body.format(n=n), card=ref, created=start - timedelta(hours=n))

    in_store(app, job)


async def settle(pilot, seconds: float = 0.05, limit: float = 2.0) -> None:
    """Let workers and the journal thread finish, then redraw.

    A worker waiting for a dialog's answer stays running: once only such
    workers are left (the screen on top is a dialog), stop waiting.
    """
    from textual.screen import ModalScreen

    app = pilot.app
    waited = 0.0
    while waited < limit:
        await pilot.pause(seconds)
        waited += seconds
        running = [worker for worker in app.workers if worker.is_running]
        if not running or isinstance(app.screen, ModalScreen) and waited > 0.3:
            break
    await pilot.pause()


async def keys(pilot, *names: str) -> None:
    """Press each key as a user does, letting the app settle after each one."""
    for name in names:
        await pilot.press(name)
        await settle(pilot)


async def type_text(pilot, text: str) -> None:
    keys = {" ": "space", "\n": "enter", ".": "full_stop", ",": "comma", "?": "question_mark",
            "!": "exclamation_mark", "/": "slash", "#": "number_sign", "-": "minus"}
    for char in text:
        await pilot.press(keys.get(char, char))


def screen_text(app) -> str:
    """Every character on the current screen, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
