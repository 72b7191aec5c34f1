"""The deck library: bundled decks plus the user's own, in the user's language.

A deck id may exist in several languages; the user's language is preferred
and another is shown when it is the only one. A broken deck never stops
anything: it is kept in ``problems`` and every other deck still loads. An
own deck never shadows a bundled one (it is reported instead).
"""

from __future__ import annotations

from pathlib import Path

from tui import paths
from tui.decks.cache import DeckCache, signature
from tui.decks.model import Card, Deck, Problem, normalise_tag
from tui.decks.moments import Moment, load_moments
from tui.i18n import t


class BrokenDeck:
    """A deck file that could not be used: where it is, whose it is, what is wrong."""

    __slots__ = ("path", "source", "problems")

    def __init__(self, path: Path, source: str, problems: list[Problem]) -> None:
        self.path = path
        self.source = source
        self.problems = problems


class DeckLibrary:
    """Every deck by id and language (``by_id``), the broken ones, and the moments."""

    __slots__ = ("language", "by_id", "broken", "moments")

    def __init__(self, language: str, *, moments: dict[str, Moment] | None = None) -> None:
        self.language = language
        self.by_id: dict[str, dict[str, Deck]] = {}  # id -> language -> deck
        self.broken: list[BrokenDeck] = []
        self.moments: dict[str, Moment] = moments or {}

    @classmethod
    def load(cls, language: str, *, bundled_dir: Path | None = None,
             own_dir: Path | None = None, cache: DeckCache | None = None) -> DeckLibrary:
        """Every deck, checked; unchanged files come from ``cache`` (default: the data folder's)."""
        bundled_dir = bundled_dir or paths.bundled_decks_dir()
        own_dir = own_dir if own_dir is not None else paths.own_decks_dir(create=False)
        cache = cache if cache is not None else DeckCache.default()
        moments_file = bundled_dir / "moments.yaml"
        moments_sig = signature(moments_file)
        cached_moments = cache.moments(moments_file, moments_sig)
        if cached_moments is not None:
            moments = {key: Moment(key, labels) for key, labels in cached_moments.items()}
            moment_problems: list[Problem] = []
        else:
            moments, moment_problems = load_moments(moments_file)
            if not moment_problems:
                cache.put_moments(moments_file, moments_sig,
                                  {key: moment.labels for key, moment in moments.items()})
        library = cls(language, moments=moments)
        if moment_problems:
            library.broken.append(BrokenDeck(moments_file, "bundled", moment_problems))
        known = set(moments) if moments else None
        for path in _deck_files(bundled_dir):
            library._add(path, "bundled", known, cache, moments_sig)
        if own_dir.is_dir():
            for path in _deck_files(own_dir):
                library._add(path, "own", known, cache, moments_sig)
        cache.save()
        return library

    def _add(self, path: Path, source: str, known: set[str] | None, cache: DeckCache,
             moments_sig: object) -> None:
        sig = signature(path)
        deck = cache.deck(path, sig, moments_sig, source)
        if deck is None:
            from tui.decks.loader import load_deck  # imports PyYAML: only when a file changed

            result = load_deck(path, source=source, moments=known, in_library=True)
            if result.deck is None:
                self.broken.append(BrokenDeck(path, source, result.problems))
                return
            deck = result.deck
            cache.put_deck(path, sig, moments_sig, deck)
        self._place(deck, path, source)

    def _place(self, deck: Deck, path: Path, source: str) -> None:
        languages = self.by_id.setdefault(deck.id, {})
        existing = languages.get(deck.language) or next(iter(languages.values()), None)
        if existing is not None and existing.source == "bundled" and source == "own":
            problem = Problem(str(path), t("deck.shadows_bundled", id=deck.id))
            self.broken.append(BrokenDeck(path, source, [problem]))
            return
        if deck.language in languages:
            other = languages[deck.language].path
            problem = Problem(str(path), t("deck.duplicate_deck", id=deck.id, other=other))
            self.broken.append(BrokenDeck(path, source, [problem]))
            return
        languages[deck.language] = deck

    # -- asking the library ---------------------------------------------------
    @property
    def decks(self) -> list[Deck]:
        """One deck per id, in the preferred language when it exists; sorted by title."""
        chosen = [self._pick(languages) for languages in self.by_id.values()]
        return sorted(chosen, key=lambda deck: (deck.source != "bundled", deck.title.casefold()))

    def _pick(self, languages: dict[str, Deck]) -> Deck:
        if self.language in languages:
            return languages[self.language]
        for language in ("en", "nl"):
            if language in languages:
                return languages[language]
        return languages[sorted(languages)[0]]

    def get(self, deck_id: str) -> Deck | None:
        languages = self.by_id.get(deck_id)
        return self._pick(languages) if languages else None

    def languages(self, deck_id: str) -> list[str]:
        return sorted(self.by_id.get(deck_id, {}))

    def card(self, deck_id: str, card_id: str) -> Card | None:
        deck = self.get(deck_id)
        return deck.card(card_id) if deck else None

    def cards(self, *, deck: str | None = None, kind: str | None = None, tag: str | None = None,
              moment: str | None = None) -> list[Card]:
        """All cards matching every filter given, deck by deck in library order."""
        decks = [self.get(deck)] if deck else self.decks
        wanted_tag = normalise_tag(tag) if tag else None
        out = []
        for each in decks:
            if each is None:
                continue
            for card in each.cards:
                if kind and card.kind != kind:
                    continue
                if wanted_tag and wanted_tag not in card.tags:
                    continue
                if moment and moment not in card.moments:
                    continue
                out.append(card)
        return out

    def tags(self) -> list[str]:
        return sorted({tag for deck in self.decks for card in deck.cards for tag in card.tags})

    def moment_label(self, moment_id: str) -> str:
        moment = self.moments.get(moment_id)
        return moment.label(self.language) if moment else moment_id


def _deck_files(folder: Path) -> list[Path]:
    """``<folder>/<lang>/<id>.yaml`` (and ``.yml``), sorted for a stable order."""
    if not folder.is_dir():
        return []
    files = [p for pattern in ("*/*.yaml", "*/*.yml") for p in folder.glob(pattern)]
    return sorted(p for p in files if p.is_file())


def folder_signature(folder: Path) -> tuple:
    """What the deck files in ``folder`` look like now (names, sizes, times): cheap to compare.

    The app checks it every few seconds, so a deck added with ``kaart deck add``
    while the app runs shows up without a restart.
    """
    import os

    found = []
    try:
        with os.scandir(folder) as languages:
            for language in languages:
                if not language.is_dir(follow_symlinks=False):
                    continue
                with os.scandir(language.path) as files:
                    for file in files:
                        if file.name.endswith((".yaml", ".yml")):
                            info = file.stat()
                            found.append((file.path, info.st_size, info.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(found))
