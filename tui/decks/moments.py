"""The vocabulary of moments (``decks/moments.yaml``): when a card is meant to be picked up."""

from __future__ import annotations

from collections import namedtuple
from pathlib import Path

from tui.decks.model import Problem, valid_id
from tui.i18n import t
from tui.textclean import one_line


class Moment(namedtuple("Moment", "id labels")):
    """A moment of the working day: its ``id`` and its ``labels`` per language."""

    __slots__ = ()

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels.get("en") or self.id


def load_moments(path: Path) -> tuple[dict[str, Moment], list[Problem]]:
    """The known moments, and problems with the file (never raises)."""
    if not path.is_file():
        return {}, []
    from tui.decks.yamlsafe import YamlError, parse

    try:
        root = parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return {}, [Problem(str(path), t("deck.unreadable", error=error))]
    except YamlError as error:
        return {}, [Problem(str(path), error.message, error.line, error.column)]
    moments: dict[str, Moment] = {}
    problems: list[Problem] = []
    items = root.value.get("moments") if root is not None and root.tag == "map" else None  # type: ignore[union-attr]
    if items is None or items.tag != "seq":
        return {}, [Problem(str(path), t("moments.bad_file"))]
    for item in items.value:  # type: ignore[union-attr]
        fields = item.value if item.tag == "map" else {}
        ident = fields.get("id")
        if ident is None or ident.tag != "str" or not valid_id(str(ident.value)):
            problems.append(Problem(str(path), t("moments.bad_entry"), item.line, item.column))
            continue
        labels = {key: one_line(str(node.value)) for key, node in fields.items()
                  if key != "id" and node.tag == "str"}
        moments[str(ident.value)] = Moment(str(ident.value), labels)
    return moments, problems
