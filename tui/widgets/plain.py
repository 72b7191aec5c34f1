"""Deck and user text as Textual content that is never markup, and translated key bindings.

Every piece of text a deck or a user wrote passes through :func:`plain`:
control characters are stripped and the result is a ``Content`` object, so
``[@click=app.quit]`` is shown as those characters and does nothing.
"""

from __future__ import annotations

import dataclasses

from textual.binding import BindingsMap
from textual.content import Content, Span
from textual.dom import DOMNode

from tui.i18n import t
from tui.textclean import one_line, strip_controls

MATCH_START = "\x02"
MATCH_END = "\x03"
MATCH_STYLE = "bold $text-warning underline"


def plain(text: str, style: str = "") -> Content:
    """``text`` as plain content (control characters stripped), optionally styled."""
    cleaned = strip_controls(text or "")
    return Content.styled(cleaned, style) if style else Content(cleaned)


def plain_line(text: str, style: str = "") -> Content:
    """Like :func:`plain`, collapsed to one line (titles, list rows)."""
    cleaned = one_line(text or "")
    return Content.styled(cleaned, style) if style else Content(cleaned)


def snippet(text: str, style: str = MATCH_STYLE) -> Content:
    """A search snippet with its ``\\x02 … \\x03`` match markers turned into styled spans."""
    out: list[str] = []
    spans: list[Span] = []
    start: int | None = None
    length = 0
    for char in _one_line_keeping_markers(text):
        if char == MATCH_START:
            start = length
        elif char == MATCH_END:
            if start is not None and length > start:
                spans.append(Span(start, length, style))
            start = None
        else:
            out.append(char)
            length += 1
    return Content("".join(out), spans, strip_control_codes=False)


def _one_line_keeping_markers(text: str) -> str:
    # cleaning strips control characters, the markers too: protect them around it
    protected = (text or "").replace(MATCH_START, "\ue000").replace(MATCH_END, "\ue001")
    return one_line(protected).replace("\ue000", MATCH_START).replace("\ue001", MATCH_END)


# The key descriptions Textual's own widgets show in the footer (a test lists every shown one,
# so one a new Textual adds is noticed), as catalog keys.
TEXTUAL_KEYS = {"Dismiss menu": "app.textual.dismiss_menu",
                "Exit the command palette": "app.textual.close_palette",
                "Open link": "app.textual.open_link"}


KEY_NAMES = {"space": "app.keyname.space"}  # key names shown in words, in the user's language


def translate_bindings(node: DOMNode) -> None:
    """Show binding descriptions in the current language.

    ``BINDINGS`` hold catalog keys (``"app.key.draw"``) as descriptions; each
    node calls this when created and again when the language changes.
    Textual builds a node's bindings from ``BINDINGS`` once per class, so the
    translated copy replaces the node's own map. Textual's own descriptions
    (:data:`TEXTUAL_KEYS`, such as a dropdown's "Dismiss menu") are translated
    too, but stay out of help and the palette.
    """
    original = getattr(node, "_kaart_bindings", None)
    if original is None:
        original = node._bindings.copy()
        node._kaart_bindings = original  # type: ignore[attr-defined]
    translated = BindingsMap()
    for _key, binding in original:
        if binding.description.startswith("app."):
            key = binding.description.removeprefix("app.key.")
            shown = binding.key_display
            if shown in KEY_NAMES:  # "space" is "spatie" in Dutch
                shown = t(KEY_NAMES[shown])
            binding = dataclasses.replace(binding, description=t(binding.description),
                                          tooltip=t(binding.tooltip) if binding.tooltip else "",
                                          key_display=shown)
            object.__setattr__(binding, "_kaart_key", key)  # which description it was, for help
        elif binding.description in TEXTUAL_KEYS:
            binding = dataclasses.replace(binding,
                                          description=t(TEXTUAL_KEYS[binding.description]))
        translated._add_binding(binding)
    node._bindings = translated


def translate_textual_bindings(node: DOMNode) -> bool:
    """Translate a Textual widget's own key descriptions (a dropdown's list, made by Textual
    inside the ``Select``); ``True`` when it has any."""
    original = getattr(node, "_kaart_bindings", None) or node._bindings
    if not any(binding.description in TEXTUAL_KEYS for _key, binding in original):
        return False
    translate_bindings(node)
    return True
