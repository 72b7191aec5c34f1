"""How one journal entry reads in a list: date, kind and title; then the first words or the match.

``EntryRow`` keeps only what the two lines need, so a long timeline stays
small in memory; :func:`render_entry_row` draws it when it comes into view.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from textual.content import Content

from tui.dates import format_date, to_local
from tui.i18n import get_language, t
from tui.textclean import one_line
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


def entry_title(entry) -> str:
    """The entry's title, else the text of its card, else its first line."""
    if entry.title:
        return entry.title
    if entry.card is not None and entry.card.text:
        return entry.card.text
    return entry.body.strip().split("\n", 1)[0]


def row_of(entry, match: str | None = None) -> EntryRow:
    body = entry.body.strip()
    if not (entry.title or entry.card is not None):
        body = body.split("\n", 1)[1] if "\n" in body else ""
    return EntryRow(entry.uid, entry.created, entry.kind, one_line(entry_title(entry)[:PREVIEW]),
                    one_line(body[:PREVIEW]), tuple(entry.tags), match, entry.starred)


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
        (t("app.entry_kind." + row.kind), f"bold {KIND_STYLE.get(row.kind, '')}".strip()),
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
