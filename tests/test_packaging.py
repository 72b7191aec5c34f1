"""The wheel carries the bundled decks, and an installed Kaart finds them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_the_decks_and_runs_from_an_install(tmp_path):
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(ROOT)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    wheel = next(wheels.glob("kaart-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tui/_decks/moments.yaml" in names
    assert "tui/_decks/nl/volgende-stap.yaml" in names and "tui/_decks/en/volgende-stap.yaml" in names
    assert any(name.endswith("entry_points.txt") for name in names)

    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    env = dict(os.environ, PYTHONPATH=str(target), KAART_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-m", "tui", "decks", "--json"], capture_output=True,
                          text=True, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == 8  # the seven toolkit decks and the review deck
    assert all(str(target) in row["path"] for row in rows)
