"""How the plain commands lay things out: a card in a box, chat-ready text, entry lines, bars.

Everything here returns lines for :class:`tui.output.Output`, which makes
every part harmless before it reaches the terminal; emphasis is a
:class:`tui.output.Bold` part, never an escape sequence in the text.
"""

from __future__ import annotations

import os

from tui.dates import format_date
from tui.i18n import t
from tui.output import Bold
from tui.textclean import first_line, terminal_safe

TYPE_CHECKING = False  # annotations only: importing the library and typing costs start-up time
if TYPE_CHECKING:
    from tui.decks.library import DeckLibrary
    from tui.decks.model import Card


def _columns() -> int:
    """The terminal's width (80 when it is not a terminal), without importing shutil."""
    try:
        return os.get_terminal_size().columns
    except OSError:
        return int(os.environ.get("COLUMNS", "80") or 80)


def card_box(card: Card, library: DeckLibrary, *, heading: str = "") -> list:
    """The card in a rounded box, wrapped to the terminal (at most 72 columns wide)."""
    import textwrap

    width = max(40, min(72, _columns() - 2))
    inner = width - 4
    deck = library.get(card.deck)
    title = terminal_safe(deck.title if deck else card.deck, single_line=True)
    label = f" {title} · {t('kind.' + card.kind)} "
    if len(label) > width - 4:
        label = label[: width - 6] + "… "
    lines: list = [Bold(f"╭─{label}" + "─" * max(0, width - 3 - len(label)) + "╮")]

    def row(text: str = "") -> None:
        lines.append(f"│ {text}{' ' * max(0, inner - len(text))} │")

    def para(text: str, indent: str = "") -> None:
        for block in terminal_safe(text).split("\n"):
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
    row(terminal_safe(card.ref, single_line=True))
    lines.append("╰" + "─" * (width - 2) + "╯")
    return lines


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


def kind_names() -> dict[str, str]:
    from tui.vocabulary import ENTRY_KINDS

    return {kind: t("journal.kind." + kind) for kind in ENTRY_KINDS}


def entry_line(entry, lang: str, kinds: dict[str, str]) -> str:
    """One line per entry: when, kind, what, card, tags, short id.

    Written for speed: ``kaart search`` prints every match, thousands of lines.
    The whole line is made harmless by :class:`Output`.
    """
    local = entry.created.astimezone()
    kind = kinds.get(entry.kind) or entry.kind
    headline = " ".join((entry.title or entry.body.lstrip().partition("\n")[0]).split())
    if len(headline) > 60:
        headline = headline[:59] + "…"
    star = "★ " if entry.starred else ""
    line = (f"{format_date(local.date(), lang, short=True)} {local.hour:02d}:"
            f"{local.minute:02d}  {kind:<8}  {star}{headline}")
    if entry.card is not None:
        line += f"  [{entry.card.deck}/{entry.card.card}]"
    if entry.tags:
        line += "  #" + " #".join(entry.tags)
    return f"{line}  ({entry.uid[:8]})"


def history_line(ref: str, count: int, last, lang: str) -> str:
    """Under a card: ``You wrote on this card 3 times, last on 22 Nov 2026: … (all of them: …)``."""
    return t("cli.card.history", count=count, when=format_date(last.created, lang),
             line=first_line(last, 40), ref=ref)


def decision_lines(entry, lang: str, *, indent: str = "") -> list:
    """A decision as ``kaart outcome --due`` shows it: the decision, its card, its reflection,
    its day to look back and how to record the outcome."""
    when = format_date(entry.created, lang, short=True)
    lines: list = [(indent, Bold(entry.title or first_line(entry)), f"  {when}  ({entry.short_uid})")]
    inner = indent + "    "
    if entry.card is not None:
        text = " ".join(entry.card.text.split())
        lines.append(f"{inner}{t('cli.outcome.card')}: {text} [{entry.card.ref}]")
    body = entry.body if entry.title else entry.body.partition("\n")[2]
    reflection = [line.rstrip() for line in body.strip().splitlines()]
    if reflection:
        lines.append(f"{inner}{t('cli.outcome.reflection')}:")
        lines += [f"{inner}  {line}" if line else "" for line in reflection]
    if entry.look_back is not None:
        lines.append(f"{inner}{t('cli.outcome.look_back', when=format_date(entry.look_back, lang))}")
    lines.append(f"{inner}{t('cli.outcome.how', uid=entry.short_uid)}")
    return lines


def snippet_parts(snippet: str) -> tuple:
    """A search snippet on one line, its matched words as :class:`Bold` parts."""
    from tui.journal.search import MARK_END, MARK_START

    text = " ".join(snippet.split())
    parts: list = ["    "]
    while text:
        before, found, rest = text.partition(MARK_START)
        parts.append(before)
        if not found:
            break
        match, _, text = rest.partition(MARK_END)
        parts.append(Bold(match))
    return tuple(parts)


def bar_lines(rows: list[dict], label: str, value: str, width: int = 24) -> list[str]:
    """A small bar chart, one row a line: ``  2026-11  ████ 12``."""
    if not rows:
        return []
    widest = max(row[value] for row in rows) or 1
    return [f"  {row[label]}  {'█' * max(1, round(width * row[value] / widest))} {row[value]}"
            for row in rows]
