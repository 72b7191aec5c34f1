"""Fixtures for the journal tests: a store in a tmp KAART_HOME and a clock that moves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest


class Clock:
    """A clock the test moves by hand; every reading is a little later than the last."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(microseconds=1)
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 22, 8, 30, tzinfo=UTC))


@pytest.fixture
def db_path(kaart_home):
    return kaart_home / "data" / "journal.sqlite3"


@pytest.fixture
def store(db_path, clock):
    from tui.journal.store import open_store

    opened = open_store(db_path, now=clock)
    yield opened
    opened.close()
