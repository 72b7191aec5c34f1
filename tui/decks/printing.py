"""A deck as one printable HTML page (A4), to cut into cards for the meeting table.

``render_html(deck, lang=..., moment_label=...)`` returns a self-contained
HTML5 page: inline CSS only, no scripts, fonts, images or links, so it opens
the same offline in any browser. The layout is chosen to survive any printer:

* Think and do cards are **fold cards**: a 180 × 64 mm strip with the front
  on the left and the back on the right, a dotted fold line in between and a
  dashed cut line around it. Cut, fold along the dotted line printed side out,
  and the card is 90 × 64 mm with its back really on the back. This needs no
  duplex printer and cannot come out misaligned. Four cards fit on a page.
* Worksheets are **sheets** across the full width (not folded): the task, the
  numbered questions and the note, at a size that reads around a table.

Every card stays whole on one page (``break-inside: avoid``); a card with an
unusually long text grows instead of cutting the text off. The kind of card is
shown by its word and by a mark of its own shape (circle "?", filled square
"→", double square "≡"), so a black-and-white print is just as clear. All
deck text is HTML-escaped; UI words come from the catalogs (``print.*``).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from tui.decks.model import Card, Deck
from tui.i18n import t

_MARKS = {"think": "?", "do": "→", "worksheet": "≡"}

_SERIF = ('"Charter", "Bitstream Charter", "Iowan Old Style", "Palatino Linotype", '
          '"Book Antiqua", Georgia, Cambria, "Liberation Serif", "DejaVu Serif", serif')
_SANS = ('system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, '
         '"Liberation Sans", "DejaVu Sans", sans-serif')

_CSS = """
@page { size: A4; margin: 12mm 15mm; }
* { box-sizing: border-box; }
html { font-family: SANS; font-size: 10pt; color: #111; background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
@media screen {
  html { background: #e8e6e1; }
  body { width: 196mm; margin: 8mm auto; padding: 8mm; background: #fff;
    box-shadow: 0 1px 6px rgba(0, 0, 0, .25); }
}
.intro { width: 180mm; margin: 0 0 6mm; break-inside: avoid; page-break-inside: avoid; }
.intro h1 { font-family: SERIF; font-size: 22pt; line-height: 1.15; margin: 0 0 3mm; }
.intro p { margin: 0 0 2.2mm; line-height: 1.4; }
.intro .description { font-family: SERIF; font-size: 11.5pt; max-width: 165mm; }
.intro .facts { font-size: 9.5pt; color: #333; }
.intro .video { font-size: 9.5pt; word-break: break-all; }
.intro .howto, .intro .marks-note { font-size: 8.5pt; color: #333; max-width: 165mm; }
.legend { list-style: none; padding: 0; margin: 0 0 2.5mm; font-size: 9pt; }
.legend li { display: inline-flex; align-items: center; gap: 1.6mm; margin-right: 7mm; }
.printed { font-size: 7.5pt; color: #555; letter-spacing: .02em; }
.cards { width: 180mm; padding-top: .3mm; }
.card { width: 180mm; border: .3mm dashed #444; margin-top: -.3mm;
  break-inside: avoid; page-break-inside: avoid; }
.fold { display: flex; min-height: 64mm; }
.face { flex: 1 1 0; width: 90mm; min-width: 0; padding: 5mm 6mm 3.6mm; display: flex;
  flex-direction: column; overflow-wrap: break-word; }
.fold .front { border-right: .3mm dotted #777; }
.kind { margin: 0; font-size: 8pt; font-weight: 700; letter-spacing: .08em;
  text-transform: uppercase; display: flex; align-items: center; gap: 1.8mm; }
.mark { display: inline-flex; align-items: center; justify-content: center; flex: none;
  width: 5mm; height: 5mm; font-size: 8.5pt; line-height: 1; font-weight: 700;
  letter-spacing: 0; text-transform: none; }
.mark-think { border: .35mm solid #111; border-radius: 50%; }
.mark-do { background: #111; color: #fff; }
.mark-worksheet { border: .7mm double #111; }
.text { font-family: SERIF; font-size: 13.5pt; line-height: 1.3; margin: 3.2mm 0 0; flex: 1 0 auto; }
.text.long { font-size: 12pt; }
.text.very-long { font-size: 10.5pt; }
.back .text { font-size: 12pt; }
.back .text.long { font-size: 10.5pt; }
.back .text.very-long { font-size: 9pt; }
.back .kind { font-weight: 400; color: #444; }
.blank { flex: 1 0 auto; display: flex; align-items: center; justify-content: center;
  font-family: SERIF; font-size: 13pt; color: #555; text-align: center; padding: 0 4mm; }
.meta { margin: 2.4mm 0 0; font-size: 7.5pt; line-height: 1.35; color: #333; }
.meta b { font-weight: 700; }
.foot { margin: 1.6mm 0 0; font-size: 7pt; color: #666; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.sheet { min-height: 100mm; padding: 6mm 8mm 4.5mm; display: flex; flex-direction: column; }
.sheet .text { font-size: 13.5pt; flex: none; margin-bottom: 2mm; }
.card h2 { font-size: 8pt; font-weight: 700; letter-spacing: .08em; text-transform: uppercase;
  margin: 3mm 0 1.5mm; }
.card ol { margin: 0; padding-left: 7mm; font-family: SERIF; font-size: 11pt; line-height: 1.38;
  flex: 1 0 auto; }
.card li { margin: 0 0 1.8mm; padding-left: 1mm; }
.sheet .note { margin: 2.5mm 0 0; padding: 2.2mm 3mm; border-left: .8mm solid #111;
  background: #f1f0ec; font-size: 9pt; line-height: 1.4; }
.sheet .note b { display: block; font-size: 7.5pt; letter-spacing: .08em; text-transform: uppercase;
  margin-bottom: .6mm; }
""".replace("SERIF", _SERIF).replace("SANS", _SANS)


def render_html(deck: Deck, *, lang: str, moment_label: Callable[[str], str]) -> str:
    """The whole deck as one printable HTML page; UI words in ``lang``."""
    page = _Page(deck, lang, moment_label)
    return page.render()


def _esc(text: str) -> str:
    """Deck text as HTML: every special character escaped, newlines as ``<br>``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "<br>".join(html.escape(line, quote=True) for line in text.split("\n"))


def _length_class(text: str, long: int, very_long: int) -> str:
    size = len(text)
    if size > very_long:
        return " very-long"
    if size > long:
        return " long"
    return ""


class _Page:
    def __init__(self, deck: Deck, lang: str, moment_label: Callable[[str], str]) -> None:
        self.deck = deck
        self.lang = lang
        self.moment_label = moment_label
        # UI words carry their own language when it differs from the deck's.
        self.ui_lang = "" if lang == deck.language else f' lang="{html.escape(lang)}"'

    def t(self, key: str, **values: object) -> str:
        return html.escape(t(key, lang=self.lang, **values), quote=True)

    def render(self) -> str:
        deck = self.deck
        cards = [card for card in deck.cards if card.kind != "worksheet"]
        sheets = [card for card in deck.cards if card.kind == "worksheet"]
        body = [self.intro()]
        body.append('<main class="cards">')
        body.extend(self.fold_card(card) for card in cards)
        body.extend(self.sheet(card) for card in sheets)
        body.append("</main>")
        title = t("print.page_title", lang=self.lang, title=deck.title.replace("\n", " "))
        return "\n".join([
            "<!DOCTYPE html>",
            f'<html lang="{html.escape(deck.language or self.lang, quote=True)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(title, quote=True)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ])

    # --- the first part of the first page ---

    def intro(self) -> str:
        deck = self.deck
        count = len(deck.cards)
        key = "print.card_count.one" if count == 1 else "print.card_count"
        parts = ['<header class="intro">', f"<h1>{_esc(deck.title)}</h1>"]
        if deck.description.strip():
            parts.append(f'<p class="description">{_esc(deck.description.strip())}</p>')
        if deck.video.strip():
            parts.append(f'<p class="video"{self.ui_lang}>'
                         f'{self.t("print.video", url=deck.video.strip())}</p>')
        parts.append(f'<p class="facts"{self.ui_lang}>{self.t(key, count=count)}</p>')
        kinds = [kind for kind in _MARKS if any(card.kind == kind for card in deck.cards)]
        if kinds:
            parts.append(f'<p class="marks-note"{self.ui_lang}>{self.t("print.marks")}</p>')
            parts.append(f'<ul class="legend"{self.ui_lang}>')
            parts.extend(f"<li>{self.mark(kind)}{self.t(f'kind.{kind}')}</li>" for kind in kinds)
            parts.append("</ul>")
        parts.append(f'<p class="howto"{self.ui_lang}>{self.t("print.how_to")}</p>')
        parts.append(f'<p class="printed"{self.ui_lang}>{self.t("print.printed_from")}</p>')
        parts.append("</header>")
        return "\n".join(parts)

    # --- pieces of a card ---

    def mark(self, kind: str) -> str:
        symbol = _MARKS.get(kind, "•")
        return f'<span class="mark mark-{html.escape(kind, quote=True)}" aria-hidden="true">{symbol}</span>'

    def kind_label(self, kind: str, *, back: bool = False) -> str:
        key = f"kind.{kind}"
        word = self.t(key) if kind in _MARKS else html.escape(kind)
        if back:
            word = f"{word} · {self.t('card.back_label')}"
        return f'<p class="kind"{self.ui_lang}>{self.mark(kind)}<span>{word}</span></p>'

    def meta(self, card: Card) -> str:
        lines = []
        if card.moments:
            labels = ", ".join(_esc(self.moment_label(moment)) for moment in card.moments)
            lines.append(f'<b{self.ui_lang}>{self.t("print.moments")}:</b> {labels}')
        if card.tags:
            lines.append(" ".join(f"#{_esc(tag)}" for tag in card.tags))
        if not lines:
            return ""
        return f'<p class="meta">{"<br>".join(lines)}</p>'

    def foot(self) -> str:
        return f'<p class="foot">{_esc(self.deck.title)}</p>'

    # --- the two shapes ---

    def fold_card(self, card: Card) -> str:
        kind = html.escape(card.kind, quote=True)
        size = _length_class(card.text, 150, 260)
        front = ['<section class="face front">', self.kind_label(card.kind),
                 f'<p class="text{size}">{_esc(card.text)}</p>', self.meta(card), self.foot(),
                 "</section>"]
        back = ['<section class="face back">', self.kind_label(card.kind, back=True)]
        if card.back.strip():
            size = _length_class(card.back, 170, 280)
            back.append(f'<p class="text{size}">{_esc(card.back.strip())}</p>')
        else:
            back.append(f'<p class="blank">{_esc(self.deck.title)}</p>')
        if card.prompts:  # not usual for think and do cards, but never lose them
            back.append(self.prompts(card))
        back.extend([self.foot(), "</section>"])
        return "\n".join([f'<article class="card fold card-{kind}">', *front, *back, "</article>"])

    def prompts(self, card: Card) -> str:
        items = "".join(f"<li>{_esc(prompt)}</li>" for prompt in card.prompts)
        return f'<h2{self.ui_lang}>{self.t("print.questions")}</h2><ol>{items}</ol>'

    def sheet(self, card: Card) -> str:
        parts = ['<article class="card sheet card-worksheet">', self.kind_label(card.kind),
                 f'<p class="text">{_esc(card.text)}</p>']
        if card.prompts:
            parts.append(self.prompts(card))
        if card.back.strip():
            parts.append(f'<div class="note"><b{self.ui_lang}>{self.t("print.note")}</b>'
                         f"{_esc(card.back.strip())}</div>")
        parts.extend([self.meta(card), self.foot(), "</article>"])
        return "\n".join(part for part in parts if part)
