"""Fixtures for the journal tests: a store in a tmp KAART_HOME and a clock that moves."""

from __future__ import annotations

import os
import time
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


@pytest.fixture(autouse=True)
def private_environment(tmp_path):
    """Dutch local time, and XDG folders in tmp_path as a second fence around the real home.

    Set by hand rather than with ``monkeypatch``, so a test that calls
    ``monkeypatch.undo()`` cannot lift them.
    """
    saved = {name: os.environ.get(name) for name in ("TZ", "XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    os.environ["TZ"] = "Europe/Amsterdam"
    os.environ["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")
    time.tzset()
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    time.tzset()


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
