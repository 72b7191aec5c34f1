"""The printable HTML page of a deck (tui/decks/printing.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tui.decks.model import Card, Deck
from tui.decks.printing import render_html
from tui.i18n import t

ROOT = Path(__file__).resolve().parent.parent
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _Checker(HTMLParser):
    """Checks that every element is closed in order, and collects what we look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> while open: {self.stack}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] in ("style", "title"):
            return
        self.text.append(data)


def parse(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


def visible_text(page: str) -> str:
    """The text a reader sees, with <br> as a newline and spaces collapsed per line."""
    checker = _Checker()
    checker.feed(page.replace("<br>", "\n"))
    checker.close()
    return "".join(checker.text)


def classes(checker: _Checker, tag: str) -> list[set[str]]:
    return [set((attrs.get("class") or "").split()) for name, attrs in checker.tags if name == tag]


def label(moment: str) -> str:
    return f"Moment {moment.upper()}"


EVIL = "<script>alert('x')</script> & [@click=app.quit] \"quoted\""


@pytest.fixture
def deck() -> Deck:
    cards = (
        Card("test", "one", "think", EVIL, back="Back <b>bold</b>\nsecond line",
             tags=("tag<1>",), moments=("intervisie",)),
        Card("test", "two", "do", "Do something today.", back="", moments=("keukentafel", "teamoverleg")),
        Card("test", "three", "worksheet", "Worksheet <task>",
             prompts=("First & question?", "Second <question>?", "Third\nwith a newline"),
             back="A note for the facilitator."),
        Card("test", "four", "think", "Plain text", back="Plain back"),
    )
    return Deck("test", "nl", "Title <i>evil</i> & co", "Description\nover two lines",
                "https://vimeo.com/1?a=1&b=2", cards)


def test_page_is_well_formed_html5(deck):
    page = render_html(deck, lang="en", moment_label=label)
    checker = parse(page)
    assert checker.doctype.lower() == "doctype html"
    html_attrs = dict(checker.tags[0][1])
    assert checker.tags[0][0] == "html" and html_attrs["lang"] == "nl"
    assert ("meta", {"charset": "utf-8"}) in checker.tags
    assert "<title>" in page and "Title &lt;i&gt;evil&lt;/i&gt; &amp; co" in page
    assert "@page" in page and "A4" in page
    assert "break-inside: avoid" in page


def test_one_card_element_per_card(deck):
    checker = parse(render_html(deck, lang="en", moment_label=label))
    cards = [c for c in classes(checker, "article") if "card" in c]
    assert len(cards) == len(deck.cards)
    assert sum("fold" in c for c in cards) == 3
    assert sum("sheet" in c for c in cards) == 1
    # a fold card has a front and a back face
    faces = [c for c in classes(checker, "section") if "face" in c]
    assert sum("front" in c for c in faces) == 3
    assert sum("back" in c for c in faces) == 3


def test_all_deck_text_is_escaped(deck):
    page = render_html(deck, lang="en", moment_label=label)
    assert "<script" not in page.lower()
    assert "<b>bold" not in page and "<i>evil" not in page and "<task>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; [@click=app.quit] &quot;quoted&quot;" in page
    assert "Back &lt;b&gt;bold&lt;/b&gt;<br>second line" in page
    assert "Third<br>with a newline" in page
    assert "#tag&lt;1&gt;" in page
    # what the reader sees is exactly the text of the deck
    text = visible_text(page)
    assert EVIL in text
    assert "Title <i>evil</i> & co" in text


def test_every_text_back_prompt_and_moment_appears(deck):
    text = visible_text(render_html(deck, lang="en", moment_label=label))
    for card in deck.cards:
        assert card.text in text
        if card.back:
            assert card.back in text
        for prompt in card.prompts:
            assert prompt in text
        for moment in card.moments:
            assert label(moment) in text
    assert "Description\nover two lines" in text
    assert "https://vimeo.com/1?a=1&b=2" in text
    assert t("print.card_count", lang="en", count=4) in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_ui_words_in_requested_language(deck, lang):
    text = visible_text(render_html(deck, lang=lang, moment_label=label))
    for key in ("kind.think", "kind.do", "kind.worksheet", "card.back_label", "print.questions",
                "print.note", "print.how_to", "print.printed_from"):
        assert t(key, lang=lang) in text
    other = "en" if lang == "nl" else "nl"
    assert t("kind.think", lang=other) not in text
    assert t("print.questions", lang=other) not in text


def test_ui_words_marked_with_their_language_when_not_the_decks(deck):
    page = render_html(deck, lang="en", moment_label=label)
    assert '<p class="howto" lang="en">' in page
    same = render_html(deck, lang="nl", moment_label=label)
    assert 'lang="en"' not in same and '<p class="howto">' in same


def test_self_contained(deck):
    page = render_html(deck, lang="en", moment_label=label)
    checker = parse(page)
    lowered = page.lower()
    for forbidden in ("<script", "<link", "<img", "<iframe", "@import", "url(", "@font-face"):
        assert forbidden not in lowered
    for _tag, attrs in checker.tags:
        assert "src" not in attrs and "href" not in attrs
    # the only address on the page is the video link, shown as text
    assert re.findall(r"https?://[^\s<\"']+", page) == ["https://vimeo.com/1?a=1&amp;b=2"]


def test_kind_has_a_mark_besides_the_word(deck):
    checker = parse(render_html(deck, lang="en", moment_label=label))
    marks = [c for c in classes(checker, "span") if "mark" in c]
    assert {"mark-think", "mark-do", "mark-worksheet"} <= set().union(*marks)


def test_card_count_singular_and_empty_parts():
    deck = Deck("solo", "en", "Solo", cards=(Card("solo", "a", "do", "Only card", language="en"),))
    page = render_html(deck, lang="en", moment_label=label)
    parse(page)
    text = visible_text(page)
    assert t("print.card_count.one", lang="en") in text
    assert 'class="video"' not in page and 'class="description"' not in page
    # no back text: the back shows the deck title instead of being empty
    assert '<p class="blank">Solo</p>' in page


def test_bundled_decks_render():
    from tui import paths
    from tui.decks.loader import load_deck
    from tui.decks.moments import load_moments

    bundled = paths.bundled_decks_dir()
    moments = set(load_moments(bundled / "moments.yaml")[0])
    files = sorted(bundled.glob("*/*.yaml"))
    assert len(files) >= 14, f"the bundled decks are missing from {bundled}"
    for path in files:
        result = load_deck(path, moments=moments, in_library=True)
        assert result.ok, result.problems
        deck = result.deck
        page = render_html(deck, lang=deck.language, moment_label=str)
        checker = parse(page)
        assert checker.errors == [], (path.name, checker.errors)
        assert len([c for c in classes(checker, "article") if "card" in c]) == len(deck.cards)
        text = visible_text(page)
        for card in deck.cards:
            assert card.text.strip() in text
