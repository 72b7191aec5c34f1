"""Shared fixtures: every test runs with its own KAART_HOME, never the real folders."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
TEST_DECKS = DATA / "decks"
FIXED_NOW = datetime(2026, 11, 22, 9, 30, tzinfo=timezone(timedelta(hours=1)))


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
