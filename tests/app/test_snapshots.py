"""What the main screens look like, in a dark and a light theme (seed, clock, size, theme pinned).

Update after an intended change of the look: ``pytest tests/app --snapshot-update``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.app.conftest import NOW, SIZE, in_store, settle

THEMES = ("textual-dark", "textual-light")


@pytest.fixture
def snapshot_app(make_app, home):
    """An app with a pinned user seed and a small journal written over the last weeks."""
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"user_seed": "snapshots"}))

    def make(theme: str):
        from tui.journal.store import CardRef

        app = make_app()
        app.theme = theme
        base = NOW.astimezone(UTC)

        def fill(store):
            for day in range(0, 40, 3):
                for n in range(day % 4):
                    store.add_entry("journal", f"Day {day}, thought {n}: the neighbour helped.",
                                    created=base - timedelta(days=day, hours=n + 1))
            store.add_entry("note", "Ans told me about her garden; I had not asked before.",
                            card=CardRef("proef", "luisteren", "Who did you really listen to today?"),
                            tags=["listening"], created=base - timedelta(minutes=30))
            store.add_entry("decision", "The resident decides, I help.",
                            title="Move the meeting to her kitchen",
                            card=CardRef("besluit", "wiens", "Whose decision is this really?"),
                            created=datetime(2026, 11, 20, 14, 0, tzinfo=UTC))

        in_store(app, fill)
        return app

    return make


async def _open_card(pilot, *, flip: bool) -> None:
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    if flip:
        await pilot.press("space")
        await settle(pilot)


@pytest.mark.parametrize("theme", THEMES)
def test_home(snap_compare, snapshot_app, theme):
    async def run_before(pilot):
        await settle(pilot)

    assert snap_compare(snapshot_app(theme), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_card_front(snap_compare, snapshot_app, theme):
    async def run_before(pilot):
        await _open_card(pilot, flip=False)

    assert snap_compare(snapshot_app(theme), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_card_back(snap_compare, snapshot_app, theme):
    async def run_before(pilot):
        await _open_card(pilot, flip=True)

    assert snap_compare(snapshot_app(theme), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_journal(snap_compare, snapshot_app, theme):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)

    assert snap_compare(snapshot_app(theme), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_search(snap_compare, snapshot_app, theme):
    async def run_before(pilot):
        from textual.widgets import Input

        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.press(*"garden")
        await settle(pilot)

    assert snap_compare(snapshot_app(theme), terminal_size=SIZE, run_before=run_before)


def test_home_small_terminal(snap_compare, snapshot_app):
    async def run_before(pilot):
        await settle(pilot)

    assert snap_compare(snapshot_app("textual-dark"), terminal_size=(80, 24),
                        run_before=run_before)


def test_home_large_terminal(snap_compare, snapshot_app):
    async def run_before(pilot):
        await settle(pilot)

    assert snap_compare(snapshot_app("textual-light"), terminal_size=(200, 60),
                        run_before=run_before)
