"""Load and validate one deck file (format v1).

``load_deck(path)`` never raises for a bad file: it returns the deck (or
``None``) and a list of :class:`Problem`, each with file, line and column
where known, what is wrong and how to fix it. Texts are stripped of terminal
control characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.decks.model import (
    FORMAT_VERSION,
    ID_MAX,
    KINDS,
    Card,
    Deck,
    Problem,
    normalise_tag,
    valid_id,
)
from tui.decks.yamlsafe import Node, YamlError, parse
from tui.i18n import t
from tui.textclean import strip_controls

MAX_DECK_BYTES = 1024 * 1024
MAX_CARDS = 2000
DECK_KEYS = ("format", "id", "language", "title", "description", "video", "cards")
CARD_KEYS = ("id", "kind", "text", "back", "prompts", "tags", "moments")



@dataclass(slots=True)
class LoadResult:
    deck: Deck | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.deck is not None and not self.problems


def load_deck(path: Path, *, source: str = "bundled", moments: set[str] | None = None,
              display: str | None = None, in_library: bool = False) -> LoadResult:
    """Read and check ``path``. ``moments`` is the known moment ids (None: do not check).

    ``in_library``: the file sits in a deck folder, so its name must be ``<id>.yaml``.
    """
    name = display or str(path)
    data = read_deck_bytes(path, name)
    if isinstance(data, LoadResult):
        return data
    return parse_deck(data, name, source=source, moments=moments, path=path if in_library else None)


def read_deck_bytes(path: Path, name: str) -> bytes | LoadResult:
    """The bytes of a deck file, or a failed :class:`LoadResult` saying why it cannot be read.

    A FIFO, a device or a folder in a deck's place is a problem like any other,
    never a hang.
    """
    from tui.errors import InputError
    from tui.fileio import read_regular

    try:
        return read_regular(path, MAX_DECK_BYTES)
    except InputError as error:
        if error.reason == "too_big":
            message = t("deck.too_big", size=error.detail, limit=MAX_DECK_BYTES)
        elif error.reason == "not_regular":
            message = t("deck.not_a_file", what=error.detail)
        else:
            message = t("deck.unreadable", error=error.detail or error.reason)
        return LoadResult(None, [Problem(name, message)])


def dump_deck(data: dict) -> str:
    """The YAML text of a deck (``Deck.to_dict()`` or the same shape), as Kaart writes deck files.

    Text that YAML would read as another type (``no``, ``12:30``) is quoted, so
    ``parse_deck`` reads the result back unchanged (a property test checks).
    """
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=88)


def parse_deck(data: bytes | str, name: str, *, source: str = "own", moments: set[str] | None = None,
               path: Path | None = None) -> LoadResult:
    if isinstance(data, bytes):
        if len(data) > MAX_DECK_BYTES:
            return LoadResult(None, [Problem(name, t("deck.too_big", size=len(data), limit=MAX_DECK_BYTES))])
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
            return LoadResult(None, [Problem(name, t("deck.not_utf8"), line, column)])
    else:
        text = data
    if not text.strip():
        return LoadResult(None, [Problem(name, t("deck.empty"))])
    try:
        root = parse(text)
    except YamlError as error:
        return LoadResult(None, [Problem(name, error.message, error.line, error.column)])
    if root is None or root.tag == "null":
        return LoadResult(None, [Problem(name, t("deck.empty"))])
    checker = _Checker(name, moments)
    deck = checker.deck(root, path, source)
    return LoadResult(deck if not checker.problems else None, checker.problems)


class _Checker:
    def __init__(self, name: str, moments: set[str] | None) -> None:
        self.name = name
        self.moments = moments
        self.problems: list[Problem] = []

    def problem(self, node: Node | None, message: str, at: tuple[int, int] | None = None) -> None:
        line, column = at if at else ((node.line, node.column) if node else (None, None))
        self.problems.append(Problem(self.name, message, line, column))

    # -- typed getters ------------------------------------------------------
    def text(self, node: Node | None, field: str, *, required: bool) -> str:
        if node is None or (node.tag == "null" and not required):
            if required and node is None:
                self.problems.append(Problem(self.name, t("deck.missing", field=field)))
            elif required:
                self.problem(node, t("deck.empty_text", field=field))
            return ""
        if node.tag != "str":
            self.problem(node, t("deck.want_text", field=field, kind=t("type." + node.tag),
                                 value=_show(node)))
            return ""
        value = strip_controls(str(node.value)).strip()
        if required and not value:
            self.problem(node, t("deck.empty_text", field=field))
        return value

    def ident(self, node: Node | None, field: str) -> str:
        value = self.text(node, field, required=True)
        if value and not valid_id(value):
            self.problem(node, t("deck.bad_id", field=field, value=value, max=ID_MAX))
            return ""
        return value

    def text_list(self, node: Node | None, field: str) -> list[tuple[str, Node]]:
        if node is None or node.tag == "null":
            return []
        if node.tag != "seq":
            self.problem(node, t("deck.want_list", field=field, kind=t("type." + node.tag)))
            return []
        out = []
        for item in node.value:  # type: ignore[union-attr]
            value = self.text(item, field, required=True)
            if value:
                out.append((value, item))
        return out

    def unknown_keys(self, node: Node, allowed: tuple[str, ...], where: str) -> None:
        for key, at in node.keys.items():
            if key not in allowed:
                self.problem(None, t("deck.unknown_key", key=key, where=where,
                                     allowed=", ".join(allowed)), at)

    # -- the deck -------------------------------------------------------------
    def deck(self, root: Node, path: Path | None, source: str) -> Deck | None:
        if root.tag != "map":
            self.problem(root, t("deck.root_not_mapping", kind=t("type." + root.tag)))
            return None
        fields: dict[str, Node] = root.value  # type: ignore[assignment]
        self.unknown_keys(root, DECK_KEYS, t("deck.where_deck"))
        fmt = fields.get("format")
        if fmt is None:
            self.problem(root, t("deck.missing", field="format"))
        elif fmt.tag != "int" or not isinstance(fmt.value, int):
            self.problem(fmt, t("deck.bad_format", value=_show(fmt)))
        elif fmt.value > FORMAT_VERSION:
            self.problem(fmt, t("deck.newer_format", value=fmt.value, supported=FORMAT_VERSION))
        elif fmt.value < 1:
            self.problem(fmt, t("deck.bad_format", value=_show(fmt)))
        deck_id = self.ident(fields.get("id"), "id")
        language = self.text(fields.get("language"), "language", required=True)
        if language and not (len(language) == 2 and language.isalpha() and language.islower()):
            self.problem(fields.get("language"), t("deck.bad_language", value=language))
        title = self.text(fields.get("title"), "title", required=True)
        description = self.text(fields.get("description"), "description", required=False)
        video = self.text(fields.get("video"), "video", required=False)
        if video and not video.startswith(("https://", "http://")):
            self.problem(fields.get("video"), t("deck.bad_video", value=video))
        if path is not None and deck_id and path.stem != deck_id:
            self.problem(fields.get("id"), t("deck.file_name", stem=path.stem, id=deck_id))
        cards_node = fields.get("cards")
        cards: list[Card] = []
        if cards_node is None:
            self.problem(root, t("deck.missing", field="cards"))
        elif cards_node.tag != "seq" or not cards_node.value:
            self.problem(cards_node, t("deck.no_cards"))
        elif len(cards_node.value) > MAX_CARDS:  # type: ignore[arg-type]
            self.problem(cards_node, t("deck.too_many_cards", limit=MAX_CARDS))
        else:
            seen: dict[str, int] = {}
            for item in cards_node.value:  # type: ignore[union-attr]
                card = self.card(item, deck_id, language or "nl", seen)
                if card is not None:
                    cards.append(card)
        if self.problems:
            return None
        return Deck(deck_id, language, title, description, video, tuple(cards), path, source)

    def card(self, node: Node, deck_id: str, language: str, seen: dict[str, int]) -> Card | None:
        if node.tag != "map":
            self.problem(node, t("deck.card_not_mapping", kind=t("type." + node.tag)))
            return None
        before = len(self.problems)
        fields: dict[str, Node] = node.value  # type: ignore[assignment]
        self.unknown_keys(node, CARD_KEYS, t("deck.where_card"))
        card_id = self.ident(fields.get("id"), "id") if "id" in fields else ""
        if "id" not in fields:
            self.problem(node, t("deck.card_missing", field="id"))
        if card_id:
            if card_id in seen:
                self.problem(fields["id"], t("deck.duplicate_card", id=card_id, first=seen[card_id]))
            else:
                seen[card_id] = fields["id"].line
        kind = ""
        if "kind" not in fields:
            self.problem(node, t("deck.card_missing", field="kind"))
        else:
            kind = self.text(fields["kind"], "kind", required=True)
            if kind and kind not in KINDS:
                self.problem(fields["kind"], t("deck.bad_kind", value=kind, kinds=" | ".join(KINDS)))
        if "text" not in fields:
            self.problem(node, t("deck.card_missing", field="text"))
            text = ""
        else:
            text = self.text(fields["text"], "text", required=True)
        back = self.text(fields.get("back"), "back", required=False)
        prompts = [value for value, _ in self.text_list(fields.get("prompts"), "prompts")]
        if kind == "worksheet" and not prompts:
            self.problem(node, t("deck.worksheet_prompts"))
        if kind in ("think", "do") and prompts:
            self.problem(fields["prompts"], t("deck.prompts_only_worksheet"))
        tags = []
        for value, _ in self.text_list(fields.get("tags"), "tags"):
            tag = normalise_tag(value)
            if tag and tag not in tags:
                tags.append(tag)
        moments = []
        for value, item in self.text_list(fields.get("moments"), "moments"):
            if self.moments is not None and value not in self.moments:
                self.problem(item, t("deck.unknown_moment", value=value,
                                     known=", ".join(sorted(self.moments))))
            elif value not in moments:
                moments.append(value)
        if len(self.problems) > before:
            return None
        return Card(deck_id, card_id, kind, text, back, tuple(prompts), tuple(tags),
                    tuple(moments), language)


def _show(node: Node) -> str:
    value = node.value
    if isinstance(value, (list, dict)):
        return t("type." + node.tag)
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."
