"""Import a Kaart JSON export or a jrnl JSON export (``jrnl --format json``).

Both are idempotent. A Kaart entry keeps its uid, so a second import skips
it. A jrnl entry has no id: its uid is derived from its date, time, title
and body (UUID 5), so the same jrnl entry always gets the same uid. A file
is checked completely before anything is written, and then imported in one
transaction: all of it or nothing.

What is refused, with one line naming the file and the entry: a file that is
not a regular file (a FIFO, a device, a folder), one over
:data:`MAX_BYTES`, text that is not UTF-8, JSON nested absurdly deep or with
numbers too long to read, a time that cannot be shown in every time zone,
and one uid used twice with different text.
"""

from __future__ import annotations

import json
import uuid
from collections import namedtuple
from datetime import date, datetime
from pathlib import Path

from tui.dates import checked, from_iso
from tui.errors import ImportProblem, InputError
from tui.fileio import read_regular
from tui.i18n import t
from tui.journal.export import FORMAT, VERSION, has_bsn
from tui.journal.model import KINDS, PURPOSES, CardRef, Entry, clean_tags
from tui.textclean import one_line, strip_controls

JRNL_NAMESPACE = uuid.UUID("5b0c4f5e-8d0e-4c1a-9a51-6b6172746a72")
MAX_BYTES = 256 * 1024 * 1024

__all__ = ["ImportProblem", "ImportResult", "import_file", "parse", "parse_all", "read_document"]


# source ("kaart" or "jrnl"); added; skipped (already there, same text); with_bsn; differs
# (already there with other text: the journal's version is kept)
ImportResult = namedtuple("ImportResult", "source added skipped with_bsn differs", defaults=(0,))


def read_document(path: Path):
    """The parsed JSON of ``path``, or :class:`ImportProblem` with one clear line."""
    try:
        raw = read_regular(path, MAX_BYTES)
    except InputError as error:
        raise ImportProblem(error.message) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(t("journal.import.not_utf8", file=path, offset=error.start)) from None
    try:
        return json.loads(text)
    except RecursionError:
        raise ImportProblem(t("journal.import.too_deep", file=path)) from None
    except ValueError as error:  # also numbers too long for Python to read
        raise ImportProblem(t("journal.import.not_json", file=path,
                              error=str(error).splitlines()[0])) from None


def import_file(store, path: Path) -> ImportResult:
    source, entries, draws, ladder = parse_all(read_document(path), path)
    added, same, differs = store.import_entries(entries, draws, ladder)
    return ImportResult(source, added, same, sum(1 for entry in entries if has_bsn(entry)),
                        differs)


def parse(data, path: Path) -> tuple[str, list[Entry], list[dict]]:
    """``(source, entries, draws)`` from a parsed JSON document."""
    return parse_all(data, path)[:3]


def parse_all(data, path: Path) -> tuple[str, list[Entry], list[dict], dict]:
    """``(source, entries, draws, ladder)``; ``ladder`` maps uids to their ladder state."""
    ladder: dict = {}
    if isinstance(data, dict) and data.get("format") == FORMAT:
        version = data.get("version")
        if type(version) is not int or version > VERSION:
            raise ImportProblem(t("journal.import.newer", file=path, version=version))
        entries = _kaart_entries(data.get("entries"), path, ladder)
        return "kaart", _unique(entries, path), _draws(data.get("draws"), path), ladder
    if isinstance(data, list) and all(isinstance(item, dict) and "uid" in item for item in data):
        entries = _unique(_kaart_entries(data, path, ladder), path)  # a `--json` listing
        return "kaart", entries, [], ladder
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        return "jrnl", _unique(_jrnl_entries(data["entries"], path), path), [], ladder
    raise ImportProblem(t("journal.import.unknown", file=path))


def _unique(entries: list[Entry], path: Path) -> list[Entry]:
    """Refuse a uid used twice with different content (an exact repeat counts as already there)."""
    seen: dict[str, tuple[int, Entry]] = {}
    for number, entry in enumerate(entries, 1):
        earlier = seen.setdefault(entry.uid, (number, entry))
        if earlier[1] != entry:
            raise ImportProblem(t("journal.import.same_uid", file=path, number=number,
                                  first=earlier[0], uid=entry.uid[:8]))
    return entries


def _bad(path: Path, number: int, field: str) -> ImportProblem:
    return ImportProblem(t("journal.import.bad_entry", file=path, number=number, field=field))


def _text(item: dict, key: str, path: Path, number: int, *, required: bool = False) -> str:
    value = item.get(key, None if required else "")
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise _bad(path, number, key)
    return value


def _time(value, path: Path, number: int, field: str) -> datetime:
    if not isinstance(value, str) or len(value) > 64:
        raise _bad(path, number, field)
    try:
        return from_iso(value)
    except ValueError:
        raise _bad(path, number, field) from None


def _day(value, path: Path, number: int, field: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 16:
        raise _bad(path, number, field)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise _bad(path, number, field) from None
    if not 2 <= day.year <= 9998:
        raise _bad(path, number, field)
    return day


def _ladder(value, path: Path, number: int):
    """An entry's ``"resurface"``: its place on the ladder of past reflections."""
    from tui.journal.resurface import STEPS, LadderState
    from tui.vocabulary import ANSWERS

    if not isinstance(value, dict):
        raise _bad(path, number, "resurface")
    step, answer, retired = value.get("step", 0), value.get("answer", ""), value.get("retired", False)
    if type(step) is not int or not 0 <= step <= len(STEPS) or answer not in ("", *ANSWERS) \
            or not isinstance(retired, bool):
        raise _bad(path, number, "resurface")
    return LadderState(step, _day(value.get("shown"), path, number, "resurface"), answer, retired)


def _kaart_entries(items, path: Path, ladder: dict | None = None) -> list[Entry]:
    if not isinstance(items, list):
        raise ImportProblem(t("journal.import.unknown", file=path))
    entries = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise _bad(path, number, "entry")
        try:
            uid = str(uuid.UUID(str(item.get("uid"))[:64]))
        except ValueError:
            raise _bad(path, number, "uid") from None
        kind = item.get("kind")
        if kind not in KINDS:
            raise _bad(path, number, "kind")
        tags = item.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            raise _bad(path, number, "tags")
        card = item.get("card")
        if card is not None:
            if not (isinstance(card, dict) and isinstance(card.get("deck"), str)
                    and isinstance(card.get("id"), str) and one_line(card["deck"])
                    and one_line(card["id"])):
                raise _bad(path, number, "card")
            card = CardRef(one_line(card["deck"]), one_line(card["id"]),
                           strip_controls(_text(card, "text", path, number)))
        outcome_at = item.get("outcome_at")
        title = one_line(_text(item, "title", path, number))
        body = strip_controls(_text(item, "body", path, number)).rstrip()
        if not title and not body:
            raise _bad(path, number, "body")
        starred = item.get("starred", False)
        if not isinstance(starred, bool):
            raise _bad(path, number, "starred")
        entries.append(Entry(
            uid=uid, kind=kind,
            created=_time(item.get("created"), path, number, "created"),
            updated=_time(item.get("updated", item.get("created")), path, number, "updated"),
            title=title, body=body, tags=tuple(clean_tags(tags)), card=card,
            outcome=strip_controls(_text(item, "outcome", path, number)).strip(),
            outcome_at=_time(outcome_at, path, number, "outcome_at") if outcome_at else None,
            starred=starred, link=one_line(_text(item, "link", path, number)),
            look_back=_day(item.get("look_back"), path, number, "look_back")
            if kind == "decision" else None,
        ))
        if item.get("resurface") is not None and ladder is not None:
            ladder[uid] = _ladder(item["resurface"], path, number)
    return entries


def _draws(items, path: Path) -> list[dict]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise ImportProblem(t("journal.import.unknown", file=path))
    draws = []
    for number, item in enumerate(items, 1):
        if not (isinstance(item, dict) and isinstance(item.get("deck"), str)
                and isinstance(item.get("card"), str) and item.get("purpose") in PURPOSES
                and one_line(item["deck"]) and one_line(item["card"])):
            raise ImportProblem(t("journal.import.bad_draw", file=path, number=number))
        try:
            at = from_iso(str(item.get("at"))[:64])
        except ValueError:
            raise ImportProblem(t("journal.import.bad_draw", file=path, number=number)) from None
        draws.append({"at": at, "deck": one_line(item["deck"]), "card": one_line(item["card"]),
                      "purpose": item["purpose"]})
    return draws


def _jrnl_entries(items: list, path: Path) -> list[Entry]:
    entries = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise _bad(path, number, "entry")
        day = _text(item, "date", path, number, required=True)
        clock = _text(item, "time", path, number) or "00:00"
        title = _text(item, "title", path, number)
        body = _text(item, "body", path, number)
        if len(day) > 16 or len(clock) > 16:
            raise _bad(path, number, "date")
        try:
            local = datetime.fromisoformat(f"{day}T{clock}")
            created = checked(local.astimezone() if local.tzinfo is None else local)
        except (ValueError, OverflowError, OSError):
            raise _bad(path, number, "date") from None
        tags = item.get("tags") or []
        if not isinstance(tags, list):
            raise _bad(path, number, "tags")
        tags = [str(tag) for tag in tags if isinstance(tag, (str, int, float))]
        uid = uuid.uuid5(JRNL_NAMESPACE, "\n".join((day, clock, title, body)))
        clean_title = one_line(title)
        clean_body = strip_controls(body).strip()
        if not clean_title and not clean_body:
            continue
        entries.append(Entry(str(uid), "journal", created, created, clean_title, clean_body,
                             tuple(clean_tags(tags)), None, starred=item.get("starred") is True))
    return entries
