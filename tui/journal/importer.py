"""Import a Kaart JSON export or a jrnl JSON export (``jrnl --format json``).

Both are idempotent. A Kaart entry keeps its uid, so a second import skips
it. A jrnl entry has no id: its uid is derived from its date, time, title
and body (UUID 5), so the same jrnl entry always gets the same uid. A file
is checked completely before anything is written, and then imported in one
transaction: all of it or nothing.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.dates import from_iso
from tui.i18n import t
from tui.journal.export import FORMAT, VERSION, has_bsn
from tui.journal.model import KINDS, PURPOSES, CardRef, Entry, clean_tags
from tui.textclean import one_line, strip_controls

JRNL_NAMESPACE = uuid.UUID("5b0c4f5e-8d0e-4c1a-9a51-6b6172746a72")
MAX_BYTES = 512 * 1024 * 1024


class ImportProblem(ValueError):
    """The file is not something Kaart can import; ``message`` says why, in one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class ImportResult:
    source: str  # "kaart" | "jrnl"
    added: int
    skipped: int
    with_bsn: int


def import_file(store, path: Path) -> ImportResult:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportProblem(t("journal.import.too_big", file=path))
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ImportProblem(t("journal.import.unreadable", file=path,
                              error=error.strerror or error)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportProblem(t("journal.import.not_json", file=path, error=error)) from None
    source, entries, draws = parse(data, path)
    added, skipped = store.import_entries(entries, draws)
    return ImportResult(source, added, skipped, sum(1 for entry in entries if has_bsn(entry)))


def parse(data, path: Path) -> tuple[str, list[Entry], list[dict]]:
    """``(source, entries, draws)`` from a parsed JSON document."""
    if isinstance(data, dict) and data.get("format") == FORMAT:
        version = data.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise ImportProblem(t("journal.import.newer", file=path, version=version))
        return "kaart", _kaart_entries(data.get("entries"), path), _draws(data.get("draws"), path)
    if isinstance(data, list) and all(isinstance(item, dict) and "uid" in item for item in data):
        return "kaart", _kaart_entries(data, path), []  # a `kaart journal --json` listing
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        return "jrnl", _jrnl_entries(data["entries"], path), []
    raise ImportProblem(t("journal.import.unknown", file=path))


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
    if not isinstance(value, str):
        raise _bad(path, number, field)
    try:
        return from_iso(value)
    except ValueError:
        raise _bad(path, number, field) from None


def _kaart_entries(items, path: Path) -> list[Entry]:
    if not isinstance(items, list):
        raise ImportProblem(t("journal.import.unknown", file=path))
    entries = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise _bad(path, number, "entry")
        try:
            uid = str(uuid.UUID(str(item.get("uid"))))
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
                    and isinstance(card.get("id"), str) and card["deck"] and card["id"]):
                raise _bad(path, number, "card")
            card = CardRef(card["deck"], card["id"], strip_controls(_text(card, "text", path,
                                                                           number)))
        outcome_at = item.get("outcome_at")
        title = one_line(_text(item, "title", path, number))
        body = strip_controls(_text(item, "body", path, number)).rstrip()
        if not title and not body:
            raise _bad(path, number, "body")
        entries.append(Entry(
            uid=uid, kind=kind,
            created=_time(item.get("created"), path, number, "created"),
            updated=_time(item.get("updated", item.get("created")), path, number, "updated"),
            title=title, body=body, tags=tuple(clean_tags(tags)), card=card,
            outcome=strip_controls(_text(item, "outcome", path, number)).strip(),
            outcome_at=_time(outcome_at, path, number, "outcome_at") if outcome_at else None,
        ))
    return entries


def _draws(items, path: Path) -> list[dict]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise ImportProblem(t("journal.import.unknown", file=path))
    draws = []
    for number, item in enumerate(items, 1):
        if not (isinstance(item, dict) and isinstance(item.get("deck"), str)
                and isinstance(item.get("card"), str) and item.get("purpose") in PURPOSES):
            raise ImportProblem(t("journal.import.bad_draw", file=path, number=number))
        try:
            at = from_iso(str(item.get("at")))
        except ValueError:
            raise ImportProblem(t("journal.import.bad_draw", file=path, number=number)) from None
        draws.append({"at": at, "deck": item["deck"], "card": item["card"],
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
        try:
            local = datetime.fromisoformat(f"{day}T{clock}")
        except ValueError:
            raise _bad(path, number, "date") from None
        created = local.astimezone() if local.tzinfo is None else local
        tags = item.get("tags") or []
        if not isinstance(tags, list):
            raise _bad(path, number, "tags")
        tags = [str(tag) for tag in tags]
        if item.get("starred") is True:
            tags.append("starred")
        uid = uuid.uuid5(JRNL_NAMESPACE, "\n".join((day, clock, title, body)))
        clean_title = one_line(title)
        clean_body = strip_controls(body).strip()
        if not clean_title and not clean_body:
            continue
        entries.append(Entry(str(uid), "journal", created, created, clean_title, clean_body,
                             tuple(clean_tags(tags)), None))
    return entries
