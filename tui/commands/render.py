"""Cards laid out for a terminal (``kaart today``) and as chat-ready text (``--plain``)."""

from __future__ import annotations

import os
import shutil
import textwrap

from tui.decks.library import DeckLibrary
from tui.decks.model import Card
from tui.i18n import t


def _styled(out) -> bool:
    return bool(getattr(out, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")


def card_box(card: Card, library: DeckLibrary, *, heading: str = "", out=None) -> str:
    """The card in a rounded box, wrapped to the terminal (at most 72 columns wide)."""
    width = max(40, min(72, shutil.get_terminal_size((80, 24)).columns - 2))
    inner = width - 4
    bold = _styled(out)
    deck = library.get(card.deck)
    title = deck.title if deck else card.deck
    label = f" {title} · {t('kind.' + card.kind)} "
    if len(label) > width - 4:
        label = label[: width - 6] + "… "
    lines = [f"╭─{label}" + "─" * max(0, width - 3 - len(label)) + "╮"]

    def row(text: str = "") -> None:
        lines.append(f"│ {text}{' ' * max(0, inner - len(text))} │")

    def para(text: str, indent: str = "") -> None:
        for block in text.split("\n"):
            wrapped = textwrap.wrap(block, inner - len(indent)) or [""]
            for number, piece in enumerate(wrapped):
                row((indent if number == 0 else " " * len(indent)) + piece)

    if heading:
        row(heading)
    row()
    para(card.text)
    if card.prompts:
        row()
        for number, prompt in enumerate(card.prompts, 1):
            para(prompt, f"{number}. ")
    if card.back:
        row()
        row(t("card.back_heading"))
        para(card.back)
    extra = [f"#{tag}" for tag in card.tags]
    extra += [library.moment_label(moment) for moment in card.moments]
    row()
    if extra:
        para(" · ".join(extra))
    row(card.ref)
    lines.append("╰" + "─" * (width - 2) + "╯")
    text = "\n".join(lines)
    if bold:
        first, rest = text.split("\n", 1)
        text = f"\x1b[1m{first}\x1b[0m\n{rest}"
    return text


def card_plain(card: Card, library: DeckLibrary) -> str:
    """Chat-ready text: WhatsApp shows ``*x*`` as bold; e-mail reads it as is."""
    deck = library.get(card.deck)
    title = deck.title if deck else card.deck
    parts = [f"*{title}* · {t('kind.' + card.kind)}", "", card.text]
    if card.prompts:
        parts.append("")
        parts += [f"{number}. {prompt}" for number, prompt in enumerate(card.prompts, 1)]
    if card.back:
        parts += ["", f"{t('card.back_label')}: {card.back}"]
    if card.tags:
        parts += ["", " ".join(f"#{tag}" for tag in card.tags)]
    parts += ["", t("card.shared_from", ref=card.ref)]
    return "\n".join(parts)
