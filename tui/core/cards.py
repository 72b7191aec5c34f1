"""Cards: the card of the day, drawing, the decks and their problems, adding, printing, own cards."""

from __future__ import annotations

from pathlib import Path

from tui.errors import DeckError, NotFound, StoreError
from tui.i18n import t
from tui.vocabulary import Purpose

TYPE_CHECKING = False  # typing costs a few ms to import on every command; annotations only
if TYPE_CHECKING:
    from tui.decks.library import DeckLibrary
    from tui.decks.model import Card, Deck, Problem


class DeckRow:
    """One line of ``kaart decks``: a deck, or a file with problems."""

    __slots__ = ("id", "title", "languages", "cards", "source", "path", "problems")

    def __init__(self, id: str, title: str, languages: list[str], cards: int, source: str,
                 path: str) -> None:
        self.id, self.title, self.languages, self.cards = id, title, languages, cards
        self.source, self.path = source, path
        self.problems: list[str] = []

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "languages": self.languages,
                "cards": self.cards, "source": self.source, "path": self.path,
                "problems": self.problems}


class CardsMixin:
    library: DeckLibrary

    # -- the card of the day --------------------------------------------------------
    def todays_card(self) -> Card:
        """The card of today for this user (the same all day); ``NotFound`` without decks."""
        from tui.daily import todays_card

        card = todays_card(self.library, self.settings.default_deck, self.today(),
                           self.settings.user_seed)
        if card is None:
            raise NotFound(t("cli.no_decks"))
        return card

    def show_today(self) -> Card:
        """The card of the day, kept in the journal once a day (no write when it already is).

        Once kept, it is today's card for the rest of the day, even when cards were added
        or removed since (which changes the order of the days to come).
        """
        card = self.todays_card()
        try:
            store = self.store
            kept = store.daily_card(self.today())
            if kept is not None:
                return self.library.card(*kept) or card  # a card deleted since: the new one
            if not store.read_only:
                store.record_draw(card.deck, card.id, Purpose.DAILY)
        except StoreError as error:
            self.notice(error.message)  # a journal that cannot be written does not stop the card
        return card

    def hint_card(self) -> Card | None:
        """The card of the day for ``kaart hint`` (a new shell): on the first call of a local
        day; ``None`` on later calls that day.

        Opens no journal: the day it was shown is kept in a tiny private file of
        its own (:func:`tui.paths.hint_path`), and nothing else is written.
        """
        from tui import paths
        from tui.daily import hint_shown_on, mark_hint_shown

        path = paths.hint_path()
        today = self.today()
        if hint_shown_on(path) == today:
            return None
        card = self.todays_card()
        mark_hint_shown(path, today)
        return card

    # -- drawing ----------------------------------------------------------------------
    def check_filters(self, *, deck: str | None = None, moment: str | None = None) -> None:
        library = self.library
        if deck and library.get(deck) is None:
            raise NotFound(t("cli.unknown_deck", id=deck, known=", ".join(library.by_id) or "-"))
        if moment and library.moments and moment not in library.moments:
            raise NotFound(t("cli.unknown_moment", id=moment, known=", ".join(library.moments)))

    def draw(self, purpose: str = Purpose.RANDOM, *, deck: str | None = None,
             kind: str | None = None, tag: str | None = None, moment: str | None = None,
             seed: int | None = None) -> Card:
        """Draw without replacement from the cards matching every filter, and record it.

        The bag is read and the draw recorded in one transaction. When the
        journal cannot be written the card is still drawn (from a fresh bag)
        and a notice says the draw was not kept.
        """
        import random

        from tui.drawing import draw, pool_key

        self.check_filters(deck=deck, moment=moment)
        cards = self.library.cards(deck=deck, kind=kind, tag=tag, moment=moment)
        if not cards:
            raise NotFound(t("cli.no_match"))
        rng = random.Random(seed) if seed is not None else self.rng
        key = pool_key(deck=deck, kind=kind, tag=tag, moment=moment)
        try:
            return self.store.draw_and_record(key, lambda bag, last: draw(cards, rng, bag, last),
                                               purpose)
        except StoreError as error:
            self.notice(error.message)
            return draw(cards, rng)[0]

    def card(self, ref: str) -> Card:
        """``deck/card`` as typed on the command line; ``NotFound`` names what is there."""
        deck_id, _, card_id = ref.partition("/")
        library = self.library
        deck = library.get(deck_id)
        if deck is None:
            raise NotFound(t("cli.unknown_deck", id=deck_id, known=", ".join(library.by_id) or "-"))
        card = deck.card(card_id)
        if card is None:
            known = ", ".join(each.id for each in deck.cards) or "-"
            raise NotFound(t("cli.journal.unknown_card", ref=ref, known=known))
        return card

    # -- the decks ----------------------------------------------------------------------
    def deck_rows(self) -> list[DeckRow]:
        """Every deck with languages, card count and problems (``kaart decks``)."""
        library = self.library
        rows: dict[str, DeckRow] = {}
        for deck in library.decks:
            rows[deck.id] = DeckRow(deck.id, deck.title, library.languages(deck.id),
                                    len(deck.cards), deck.source,
                                    str(deck.path) if deck.path else "")
        for broken in library.broken:
            key = broken.path.stem
            row = rows.get(key)
            if row is None or row.path == str(broken.path):
                row = rows.setdefault(str(broken.path), DeckRow(
                    key, "", [broken.path.parent.name], 0, broken.source, str(broken.path)))
            row.problems.extend(str(problem) for problem in broken.problems)
        return list(rows.values())

    def known_moments(self) -> set[str] | None:
        return set(self.library.moments) or None

    def validate(self, path: Path, display: str) -> tuple[Deck | None, list[Problem]]:
        """Check one deck file as ``kaart deck validate`` does."""
        import os

        from tui.decks.loader import load_deck
        from tui.decks.model import Problem

        if not os.path.lexists(path):
            return None, [Problem(display, t("cli.validate.missing"))]
        result = load_deck(path, source="own", moments=self.known_moments(), display=display)
        return result.deck, result.problems

    def add_deck(self, source: Path, *, force: bool = False, deck_id: str | None = None,
                 title: str | None = None, language: str | None = None) -> tuple[Deck, Path]:
        """Add a YAML deck, or a spreadsheet's CSV, to the own decks; returns the deck and file."""
        from tui import paths
        from tui.decks.csvdeck import csv_to_deck_dict, slug
        from tui.decks.loader import MAX_DECK_BYTES, dump_deck, parse_deck
        from tui.errors import InputError
        from tui.fileio import atomic_write, read_regular

        try:
            data = read_regular(source, MAX_DECK_BYTES)
        except InputError as error:
            raise DeckError(error.message) from None
        lines: list[int] = []
        deck_dict: dict = {}
        if source.suffix.lower() in (".csv", ".tsv", ".txt"):
            from tui.errors import CsvError

            try:
                deck_dict = csv_to_deck_dict(data, deck_id=deck_id or slug(source.stem),
                                             title=title or source.stem,
                                             language=language or self.language, lines=lines)
            except CsvError as error:
                where = f"{source}:{error.line}" if error.line else str(source)
                raise CsvError(f"{where}: {error.message}", error.line) from None
            data = dump_deck(deck_dict).encode()
        elif deck_id or title or language:
            raise DeckError(t("cli.add.csv_only"))
        result = parse_deck(data, str(source), source="own", moments=self.known_moments())
        if result.deck is None:
            problems = _csv_problems(source, deck_dict, lines, self) if lines else result.problems
            more = len(problems) - 1
            raise DeckError(str(problems[0]) + (t("cli.add.more_problems", count=more)
                                                if more else ""))
        deck = result.deck
        existing = self.library.by_id.get(deck.id, {})
        if any(other.source == "bundled" for other in existing.values()):
            raise DeckError(t("cli.add.shadows", id=deck.id))
        folder = paths.ensure_private_dir(paths.own_decks_dir() / deck.language)
        target = folder / f"{deck.id}.yaml"
        if target.exists() and not force:
            raise DeckError(t("cli.add.exists", path=target))
        try:
            atomic_write(target, data)
        except OSError as error:
            raise DeckError(t("cli.cannot_write", path=target,
                              error=error.strerror or error)) from None
        self.reload_library()
        return deck, target

    def print_deck(self, deck_id: str) -> tuple[Deck, str]:
        """The printable HTML page of a deck."""
        from tui.decks.printing import render_html

        deck = self.library.get(deck_id)
        if deck is None:
            raise NotFound(t("cli.unknown_deck", id=deck_id,
                             known=", ".join(self.library.by_id) or "-"))
        return deck, render_html(deck, lang=self.language, moment_label=self.library.moment_label)

    # -- own cards ----------------------------------------------------------------------
    def own_cards(self) -> list[Card]:
        from tui.owncards import own_cards

        return own_cards(self.library)

    def save_own_card(self, *, kind: str, text: str, back: str = "", prompts=(), tags=(),
                      moments=(), deck_id: str | None = None, card_id: str | None = None) -> Card:
        """Add (``card_id=None``) or change an own card; the decks are read again."""
        from tui.owncards import OWN_DECK_ID, save_card

        card = _file_trouble(lambda: save_card(
            self.library, language=self.language, kind=kind, text=text, back=back,
            prompts=prompts, tags=tags, moments=moments, deck_id=deck_id or OWN_DECK_ID,
            card_id=card_id))
        self.reload_library()
        return card

    def delete_own_card(self, deck_id: str, card_id: str) -> None:
        from tui.owncards import delete_card

        _file_trouble(lambda: delete_card(self.library, deck_id, card_id))
        self.reload_library()


def _file_trouble(job):
    from tui.errors import OwnCardError

    try:
        return job()
    except OSError as error:
        raise OwnCardError(t("app.own.not_saved", error=error.strerror or error)) from None


def _csv_problems(source: Path, deck_dict: dict, lines: list[int], core) -> list:
    """The loader's problems for a CSV deck, each naming the CSV row it came from.

    The whole deck failed; each card is checked on its own so the line number
    is the spreadsheet's, never the generated YAML's.
    """
    from tui.decks.loader import dump_deck, parse_deck
    from tui.decks.model import Problem

    problems = []
    base = {key: value for key, value in deck_dict.items() if key != "cards"}
    for card, line in zip(deck_dict["cards"], lines, strict=True):
        result = parse_deck(dump_deck({**base, "cards": [card]}), str(source), source="own",
                            moments=core.known_moments())
        problems += [Problem(str(source), problem.message, line) for problem in result.problems]
    return problems or [Problem(str(source), t("csv.no_rows"))]
