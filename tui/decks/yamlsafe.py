"""A strict, safe reader for deck YAML, built on the event stream.

Why events and not ``yaml.safe_load``: the event parser (libyaml's when
present) is iterative, so a file nested ten thousand levels deep cannot
crash the process the way the recursive composer can; and building the tree
ourselves lets us refuse anchors and aliases (alias bombs), explicit tags
(``!!python/...``), several documents and duplicate keys, while keeping the
line and column of every value for error messages.

Scalars keep the type YAML 1.1 would give a plain value (``no`` is a
boolean, ``12:30`` a number), so the schema check can say "put it in quotes"
instead of silently storing ``False``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.resolver import Resolver

from tui.i18n import t

# libyaml's event parser is much faster and, being iterative, as safe as the pure one
_Parser = getattr(yaml, "CBaseLoader", None) or yaml.BaseLoader
# The pure parser has no nesting limit of its own, so Kaart's check always trips first
_PureParser = yaml.BaseLoader

MAX_DEPTH = 16
_RESOLVER = Resolver()


class YamlError(Exception):
    """A file that is not acceptable YAML for a deck; ``line``/``column`` are 1-based."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.too_deep = False  # Kaart's own nesting check refused it
        self.index: int | None = None  # where a syntax error was found, as a text offset


@dataclass(slots=True)
class Node:
    """A value with the position it came from (1-based line and column)."""

    value: object  # str | bool | int | float | None | list[Node] | dict[str, Node]
    line: int
    column: int
    tag: str = "str"  # str, bool, int, float, null, timestamp, map, seq
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)  # key positions, maps only


def _pos(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
    "tag:yaml.org,2002:merge": "str",
    "tag:yaml.org,2002:value": "str",
}


def _scalar(event) -> Node:
    mark = event.start_mark
    text = event.value
    if not event.implicit[0]:  # quoted or block scalar: always text
        return Node(text, mark.line + 1, mark.column + 1)
    tag = _TAGS.get(_RESOLVER.resolve(yaml.ScalarNode, text, event.implicit), "str")
    value: object = text
    if tag == "int":
        try:
            value = int(text.replace("_", ""), 0)
        except ValueError:
            value = text  # sexagesimal (12:30) and other YAML 1.1 oddities: keep the text
    return Node(value, mark.line + 1, mark.column + 1, tag)


def parse(text: str) -> Node | None:
    """Parse one YAML document into a tree of :class:`Node`; ``None`` when empty.

    libyaml stops at its own nesting limit (about 1,000 levels) while scanning
    ahead, before Kaart's check at :data:`MAX_DEPTH` sees the events. So when the
    fast parser refuses a text, the part before the place it stopped is read
    again with the pure parser: if that part is nested too deep, the user gets
    Kaart's own line, whichever parser would have stopped first.
    """
    try:
        return _parse_with(_Parser, text)
    except YamlError as error:
        if _Parser is _PureParser or error.index is None:
            raise
        _parse_prefix_for_depth(text[: error.index])
        raise


def _parse_prefix_for_depth(prefix: str) -> None:
    """Raise Kaart's depth error if ``prefix`` nests deeper than allowed; else nothing."""
    try:
        _parse_with(_PureParser, prefix)
    except YamlError as error:
        if error.too_deep:
            raise


def _parse_with(parser_class, text: str) -> Node | None:
    stack: list[Node] = []
    pending_key: list[str | None] = []
    root: Node | None = None
    documents = 0
    parser = parser_class(text)
    get_event = parser.get_event
    Scalar, MapStart, SeqStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        while True:
            event = get_event()
            kind = event.__class__
            if kind is Scalar:
                if event.anchor:
                    raise YamlError(t("yaml.anchor"), *_pos(event.start_mark))
                if event.tag and event.tag != "!":
                    raise YamlError(t("yaml.tag", tag=event.tag), *_pos(event.start_mark))
                node = _scalar(event)
                if stack:
                    _attach(stack, pending_key, node)
                else:
                    root = node
            elif kind in ends:
                node = stack.pop()
                pending_key.pop()
                if stack:
                    _attach(stack, pending_key, node)
                else:
                    root = node
            elif kind is MapStart or kind is SeqStart:
                if event.anchor:
                    raise YamlError(t("yaml.anchor"), *_pos(event.start_mark))
                if event.tag:
                    raise YamlError(t("yaml.tag", tag=event.tag), *_pos(event.start_mark))
                if len(stack) >= MAX_DEPTH:
                    error = YamlError(t("yaml.too_deep", depth=MAX_DEPTH), *_pos(event.start_mark))
                    error.too_deep = True
                    raise error
                line, column = _pos(event.start_mark)
                if kind is MapStart:
                    stack.append(Node({}, line, column, "map"))
                else:
                    stack.append(Node([], line, column, "seq"))
                pending_key.append(None)
            elif kind is yaml.AliasEvent:
                raise YamlError(t("yaml.anchor"), *_pos(event.start_mark))
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlError(t("yaml.several_documents"), *_pos(event.start_mark))
            elif kind is yaml.StreamEndEvent:
                break
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _pos(mark) if mark else (None, None)
        problem = error.problem or str(error)
        failed = YamlError(t("yaml.syntax", problem=problem), line, column)
        failed.index = mark.index if mark else None
        raise failed from None
    except yaml.YAMLError as error:
        raise YamlError(t("yaml.syntax", problem=str(error).splitlines()[0])) from None
    return root


def _attach(stack: list[Node], pending_key: list[str | None], node: Node) -> None:
    if not stack:
        return
    parent = stack[-1]
    if parent.tag == "seq":
        parent.value.append(node)  # type: ignore[union-attr]
        return
    key = pending_key[-1]
    if key is None:
        if node.tag in ("map", "seq"):
            raise YamlError(t("yaml.complex_key"), node.line, node.column)
        name = "" if node.value is None else str(node.value)
        if name in parent.value:  # type: ignore[operator]
            first = parent.keys[name][0]
            raise YamlError(t("yaml.duplicate_key", key=name, first=first), node.line, node.column)
        parent.keys[name] = (node.line, node.column)
        pending_key[-1] = name
    else:
        parent.value[key] = node  # type: ignore[index]
        pending_key[-1] = None
