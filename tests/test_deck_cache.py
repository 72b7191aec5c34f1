"""The deck cache: unchanged files are not read again; changed, broken or damaged ones are."""

from __future__ import annotations

import os
import shutil

from tests.conftest import DATA, TEST_DECKS
from tui.decks.cache import DeckCache
from tui.decks.library import DeckLibrary


def library(bundled, cache_path):
    return DeckLibrary.load("nl", bundled_dir=bundled, own_dir=bundled / "none",
                            cache=DeckCache(cache_path))


def test_unchanged_decks_come_from_the_cache(tmp_path, monkeypatch):
    bundled = tmp_path / "decks"
    shutil.copytree(TEST_DECKS, bundled)
    cache = tmp_path / "cache.json"
    first = library(bundled, cache)
    assert cache.is_file() and cache.stat().st_mode & 0o777 == 0o600

    import tui.decks.loader as loader

    def refuse(*args, **kwargs):
        raise AssertionError("an unchanged deck was parsed again")

    monkeypatch.setattr(loader, "load_deck", refuse)
    second = library(bundled, cache)
    assert second.decks == first.decks
    assert second.get("proef").cards == first.get("proef").cards
    assert second.moments.keys() == first.moments.keys()


def test_a_changed_file_is_read_again(tmp_path):
    bundled = tmp_path / "decks"
    shutil.copytree(TEST_DECKS, bundled)
    cache = tmp_path / "cache.json"
    library(bundled, cache)
    deck_file = bundled / "nl" / "proef.yaml"
    deck_file.write_text(deck_file.read_text().replace("Proefstapel", "Nieuwe titel"))
    stat = deck_file.stat()
    os.utime(deck_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert library(bundled, cache).get("proef").title == "Nieuwe titel"


def test_a_broken_deck_is_never_cached(tmp_path):
    bundled = tmp_path / "decks"
    shutil.copytree(TEST_DECKS, bundled)
    shutil.copy(DATA / "hazards" / "unknown_kind.yaml", bundled / "nl" / "unknown-kind.yaml")
    cache = tmp_path / "cache.json"
    for _ in range(2):
        broken = library(bundled, cache).broken
        assert [b.path.name for b in broken] == ["unknown-kind.yaml"]
    assert "unknown-kind" not in cache.read_text()


def test_a_damaged_cache_is_ignored(tmp_path):
    cache = tmp_path / "cache.json"
    cache.write_text('{"format": 1, "version": "0.1.0", "decks": {"x": 1}')
    assert library(TEST_DECKS, cache).get("proef") is not None
    cache.write_text('{"format": 1, "version": "0.1.0", "decks": {"%s": {"sig": [0, 0]}}}'
                     % (TEST_DECKS / "nl" / "proef.yaml"))
    assert library(TEST_DECKS, cache).get("proef") is not None
