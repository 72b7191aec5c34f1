"""Make the README's screenshots: ``python docs/screenshots.py`` (from the repository root).

The app runs headless at 100x30 with the bundled decks, in English, on a
journal of two years written for the purpose (a fixed clock and seed, so the
pictures only change when the app does): the home screen in the dark theme,
a card's back in the light theme, and a search.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NOW = datetime(2026, 12, 1, 8, 40, tzinfo=UTC)
SIZE = (100, 30)
NOTES = [
    "Ans told me about her garden; I had not asked about it before.",
    "I wanted to fix the transport first. She wanted to talk about her son.",
    "The neighbour already helps on Tuesdays. Nobody had written that down.",
    "Listened longer than usual before I said anything. It changed the conversation.",
    "Team meeting: we agreed who calls the housing association, and when.",
    "He said no to day care. Fair enough: it was my plan, not his.",
    "Left the form in my bag and asked what a good week would look like.",
]


def fill(store, cards) -> None:
    from tui.journal.store import CardRef

    rng = random.Random(12)
    day = NOW - timedelta(days=730)
    while day < NOW - timedelta(hours=2):
        card = rng.choice(cards)
        if rng.random() < 0.5:
            store.add_entry("note", rng.choice(NOTES), created=day,
                            card=CardRef(card.deck, card.id, card.text))
        else:
            store.add_entry("journal", rng.choice(NOTES), created=day)
        day += timedelta(days=rng.choice((1, 1, 2, 3, 5)), minutes=rng.randrange(-90, 90))
    for back in (3, 2, 1):  # the last days in a row, today's note written early: a streak
        store.add_entry("journal", rng.choice(NOTES), created=NOW - timedelta(days=back))
    store.add_entry("journal", rng.choice(NOTES), created=NOW - timedelta(minutes=40))
    store.add_entry("decision", "It is her choice; I will ask again in two weeks.",
                    title="Move the meeting to her kitchen table", created=NOW - timedelta(days=15))


async def shoot(folder: Path) -> None:
    from tui.app import create_app

    (folder / "config").mkdir(parents=True)
    (folder / "config" / "settings.json").write_text(json.dumps({"user_seed": "readme"}))
    app = create_app(home=folder, seed=3, clock=lambda: NOW, language="en")
    app.animation_level = "none"
    cards = [card for card in app.core.library.cards() if card.kind in ("think", "do")]
    app.runner.wait(lambda core: fill(core.store, cards))

    async def settle(pilot) -> None:
        for _ in range(4):
            await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (ROOT / "docs" / "home.svg").write_text(app.export_screenshot(title="Kaart"),
                                                encoding="utf-8")
        app.theme = "textual-light"
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        (ROOT / "docs" / "card-light.svg").write_text(app.export_screenshot(title="Kaart"),
                                                      encoding="utf-8")
        app.theme = "textual-dark"
        await pilot.press("slash")
        await settle(pilot)
        for key in "garden":
            await pilot.press(key)
        await settle(pilot)
        await pilot.pause(0.5)
        await settle(pilot)
        (ROOT / "docs" / "search.svg").write_text(app.export_screenshot(title="Kaart"),
                                                  encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kaart-shots-") as folder:
        asyncio.run(shoot(Path(folder)))
    print("wrote docs/home.svg, docs/card-light.svg and docs/search.svg")


if __name__ == "__main__":
    main()
