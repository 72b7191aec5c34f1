"""Shared fixtures: every test runs with its own KAART_HOME, never the real folders."""

from __future__ import annotations

import io
import os
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
TEST_DECKS = DATA / "decks"
FIXED_NOW = datetime(2026, 11, 22, 9, 30, tzinfo=timezone(timedelta(hours=1)))
# Dutch local time as a POSIX rule, which the C library reads without any time-zone
# files: slim images ship no tzdata, and "Europe/Amsterdam" would silently be UTC there.
AMSTERDAM_TZ = "CET-1CEST,M3.5.0,M10.5.0/3"


@pytest.fixture(autouse=True)
def private_environment(tmp_path):
    """Dutch local time (no time-zone files needed), and XDG folders in tmp_path as a second fence around the real home.

    Set by hand rather than with ``monkeypatch``, so a test that calls
    ``monkeypatch.undo()`` cannot lift them.
    """
    saved = {name: os.environ.get(name) for name in ("TZ", "XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    os.environ["TZ"] = AMSTERDAM_TZ
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


@pytest.fixture(autouse=True)
def kaart_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "kaart-home"
    monkeypatch.setenv("KAART_HOME", str(home))
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("NO_COLOR", "1")
    from tui.i18n import set_language

    set_language("en")
    return home


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def kaart():
    """Run ``kaart`` in-process: ``kaart("draw", "--json")`` -> Result(code, out, err)."""
    from tui.cli import run

    def call(*argv: str, clock=None) -> Result:
        out, err = io.StringIO(), io.StringIO()
        code = run(list(argv), out=out, err=err, clock=clock or (lambda: FIXED_NOW))
        return Result(code, out.getvalue(), err.getvalue())

    return call
