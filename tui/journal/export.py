"""Exports: JSON (versioned, complete, stable) and Markdown (for a person to read).

The JSON document holds only the data, never the time of the export, so the
same journal always gives the same bytes: export -> import -> export is
identical. Its entries have the shape of ``Entry.to_json()``, which every
``--json`` listing also prints, plus ``"resurface"`` (the entry's place on
the ladder of past reflections, see :mod:`tui.journal.resurface`) on the
entries that have one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from tui.dates import format_datetime, to_iso_utc
from tui.i18n import t
from tui.journal.bsn import find_bsns, mask_bsns
from tui.journal.model import CardRef, Entry

FORMAT = "kaart-journal"
# 2: entries carry "starred", and "link" / "look_back" where they have one;
# 3: the kind "review", and "resurface" (the ladder state) on entries that have one
VERSION = 3


def masked(entry: Entry) -> Entry:
    """``entry`` with every BSN in its text replaced by asterisks."""
    card = entry.card
    if card is not None:
        card = CardRef(card.deck, card.card, mask_bsns(card.text))
    return entry._replace(title=mask_bsns(entry.title), body=mask_bsns(entry.body), card=card,
                   outcome=mask_bsns(entry.outcome),
                   tags=tuple(mask_bsns(tag) for tag in entry.tags))


def entry_texts(entry: Entry) -> tuple[str, ...]:
    """Every text field of an entry a person typed or imported: what the BSN aid checks."""
    return (entry.title, entry.body, entry.outcome, entry.card.text if entry.card else "",
            *entry.tags)


def has_bsn(entry: Entry) -> bool:
    return any(find_bsns(text) for text in entry_texts(entry))


def to_json(entries: Iterable[Entry], draws: Iterable[dict] = (), *, mask: bool = False,
            ladder: dict | None = None) -> str:
    """The JSON document; ``ladder`` maps uids to their ladder state (an entry's "resurface")."""
    ladder = ladder or {}

    def item(entry: Entry) -> dict:
        data = (masked(entry) if mask else entry).to_json()
        state = ladder.get(entry.uid)
        if state is not None:
            data["resurface"] = state.to_json()
        return data

    document = {
        "format": FORMAT,
        "version": VERSION,
        "entries": [item(entry) for entry in entries],
        "draws": [{"at": to_iso_utc(draw["at"]), "deck": draw["deck"], "card": draw["card"],
                   "purpose": draw["purpose"]} for draw in draws],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_markdown(entries: Iterable[Entry], *, lang: str, mask: bool = False) -> str:
    lines = [f"# {t('journal.md.title', lang=lang)}", ""]
    count = 0
    for entry in entries:
        count += 1
        entry = masked(entry) if mask else entry
        heading = ("★ " if entry.starred else "") + f"{format_datetime(entry.created, lang, short=True)} · "
        heading += t(f"journal.kind.{entry.kind}", lang=lang)
        if entry.title:
            heading += f" · {entry.title}"
        lines += [f"## {heading}", ""]
        if entry.card:
            lines.append(f"{t('journal.md.card', lang=lang)}: `{entry.card.ref}`")
            lines += [f"> {line}" if line else ">" for line in entry.card.text.splitlines()]
            lines.append("")
        if entry.tags:
            tags = " ".join(f"#{tag}" for tag in entry.tags)
            lines += [f"{t('journal.md.tags', lang=lang)}: {tags}", ""]
        if entry.body:
            lines += [entry.body, ""]
        if entry.kind == "decision" and entry.outcome:
            when = format_datetime(entry.outcome_at, lang, short=True) if entry.outcome_at else ""
            lines += [f"**{t('journal.md.outcome', lang=lang)}** ({when}): {entry.outcome}", ""]
        lines += ["---", ""]
    if not count:
        lines += [t("journal.md.empty", lang=lang), ""]
    return "\n".join(lines)
