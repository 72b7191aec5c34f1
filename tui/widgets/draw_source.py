"""Where a draw comes from: all decks, one deck, or the cards pinned to a moment."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Select

from tui.i18n import t
from tui.widgets.plain import plain_line

ALL = "all"


class DrawSource(Select[str]):
    """A choice of ``all``, ``deck:<id>`` or ``moment:<id>``; :meth:`filters` turns it into filters."""

    def __init__(self, library, *, value: str = ALL, id: str | None = None) -> None:
        options: list[tuple[Content, str]] = [(Content(t("app.draw.all_decks")), ALL)]
        for moment in library.moments:
            if library.cards(moment=moment):
                label = t("app.draw.moment", moment=library.moment_label(moment))
                options.append((plain_line(label), f"moment:{moment}"))
        for deck in library.decks:
            options.append((plain_line(deck.title), f"deck:{deck.id}"))
        known = {option for _label, option in options}
        super().__init__(options, value=value if value in known else ALL, allow_blank=False,
                         id=id, compact=True)

    @staticmethod
    def to_filters(value: object) -> dict[str, str]:
        """``"deck:x"`` -> ``{"deck": "x"}``; ``"all"`` -> ``{}``."""
        if not isinstance(value, str) or ":" not in value:
            return {}
        field, _, ident = value.partition(":")
        return {field: ident} if field in ("deck", "moment") else {}

    def filters(self) -> dict[str, str]:
        return self.to_filters(self.value)
