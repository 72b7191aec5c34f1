"""How one journal entry reads in a list: date, kind and title; then the first words or the match.

``EntryRow`` keeps only what the two lines need, so a long timeline stays
small in memory; :func:`render_entry_row` draws it when it comes into view.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple

from textual.content import Content

from tui.dates import format_date, to_local
from tui.i18n import get_language, t
from tui.textclean import one_line
from tui.vocabulary import ENTRY_KINDS
from tui.widgets.plain import plain_line, snippet

KIND_STYLE = {"journal": "$text-primary", "note": "$text-accent", "decision": "$text-warning",
              "review": "$text-success"}
PREVIEW = 240  # characters of the body kept for the second line


class EntryRow(NamedTuple):
    key: str  # the entry's uid
    created: datetime
    kind: str
    title: str
    preview: str
    tags: tuple[str, ...]
    match: str | None = None  # a search snippet with \x02…\x03 around the hits
    starred: bool = False


TITLE_MAX = 80  # an untitled entry's first clause stands in for its title, at most this long
_CLAUSE_END = re.compile(r"[.!?…](?=\s)")


def entry_title(entry, library=None) -> str:
    """The entry's title, else the text of its card, else its first line.

    With ``library`` (the decks in the current language), a card that is still there
    gives its text as it reads now; otherwise the text stored with the entry.
    """
    if entry.title:
        return entry.title
    if entry.card is not None:
        text = card_text(entry.card, library)
        if text:
            return text
    return entry.body.strip().split("\n", 1)[0]


def card_text(ref, library=None) -> str:
    """A card reference's text: the card's in the current language while the library has it,
    else the copy kept with the entry."""
    if library is not None:
        card = library.card(ref.deck, ref.card)
        if card is not None and card.text:
            return card.text
    return ref.text


def split_title(body: str) -> tuple[str, str]:
    """An untitled entry's body as ``(title, rest)``: its first clause or line, at most
    :data:`TITLE_MAX` characters (cut at a word, ending in "…"), and what follows it.

    A body of one short clause has nothing to follow: it is all ``rest`` (shown on the
    second line), so no row is left with an empty line.
    """
    body = body.strip()
    line, _, after = body.partition("\n")
    line = one_line(line)
    match = _CLAUSE_END.search(line)
    if match is not None and match.end() <= TITLE_MAX:
        title, rest = line[:match.end()], line[match.end():]
    elif len(line) <= TITLE_MAX:
        title, rest = line, ""
    else:
        cut = line.rfind(" ", TITLE_MAX // 2, TITLE_MAX)
        cut = cut if cut > 0 else TITLE_MAX - 1
        title, rest = line[:cut].rstrip() + "…", line[cut:]
    rest = " ".join(part for part in (rest.strip(), one_line(after)) if part)
    if not rest:
        return "", title
    return title, rest


def row_of(entry, match: str | None = None, *, library=None) -> EntryRow:
    """What the list shows of ``entry``; ``library``: the decks, for a card's current text."""
    if entry.title or entry.card is not None:
        title, body = entry_title(entry, library), entry.body.strip()
    else:
        title, body = split_title(entry.body)
    return EntryRow(entry.uid, entry.created, entry.kind, one_line(title[:PREVIEW]),
                    one_line(body[:PREVIEW]), tuple(entry.tags), match, entry.starred)


def kind_width() -> int:
    """The width of the kind column: the longest kind's name in the current language."""
    language = get_language()
    width = _KIND_WIDTH.get(language)
    if width is None:
        width = _KIND_WIDTH[language] = max(len(t("app.entry_kind." + kind))
                                            for kind in ENTRY_KINDS)
    return width


_KIND_WIDTH: dict[str, int] = {}


def render_entry_row(row: EntryRow) -> tuple[Content, Content]:
    """Date and time of day, a star, the kind, the title; below it the first words or the match.

    A line too long for the list ends in "…" (the list truncates with an ellipsis).
    """
    local = to_local(row.created)
    first = Content.assemble(
        (format_date(local, get_language(), short=True), "$text-muted"),
        (f" {local:%H:%M}", "$text-muted"),
        ("  ★" if row.starred else "   ", "$text-warning"),
        " ",
        (t("app.entry_kind." + row.kind).ljust(kind_width()),
         f"bold {KIND_STYLE.get(row.kind, '')}".strip()),
        "  ",
        plain_line(row.title, "bold"),
    )
    if row.tags:
        first = first.append(Content.styled("  " + " ".join(f"#{tag}" for tag in row.tags),
                                            "$text-muted"))
    if row.match is not None:
        second = Content("   ").append(snippet(row.match))
    else:
        second = Content("   ").append(plain_line(row.preview, "$text-muted"))
    return first, second
