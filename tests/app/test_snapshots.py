"""What the main screens look like at four sizes and in three themes (seed, clock, size, theme pinned).

Update after an intended change of the look: ``pytest tests/app --snapshot-update``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.app.conftest import NOW, in_store, settle


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


SIZES = ((60, 20), (80, 24), (100, 30), (200, 60))
VIEWS = ("home", "card-front", "card-back", "journal", "search")


async def _show(pilot, view: str) -> None:
    await settle(pilot)
    if view.startswith("card"):
        await _open_card(pilot, flip=view == "card-back")
    elif view == "journal":
        await pilot.press("j")
        await settle(pilot)
    elif view == "search":
        from textual.widgets import Input

        await pilot.press("slash")
        await settle(pilot)
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.press(*"garden")
        await settle(pilot)


@pytest.mark.parametrize("theme", ("textual-dark", "textual-light", "ansi-dark"))
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("view", VIEWS)
def test_screen(snap_compare, snapshot_app, view, size, theme):
    """Every main view at 60x20, 80x24, 100x30 and 200x60, in a dark, a light and an ANSI theme."""
    async def run_before(pilot):
        await _show(pilot, view)

    assert snap_compare(snapshot_app(theme), terminal_size=size, run_before=run_before)
