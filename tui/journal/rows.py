"""Turning database rows into entries, and entry values into row values."""

from __future__ import annotations

import os
from datetime import date, datetime

from tui.dates import from_iso
from tui.journal.model import CardRef, Entry, all_tags, from_micros, to_micros

COLUMNS = ("e.id, e.uid, e.kind, e.created, e.updated, e.title, e.body, e.tags, c.deck, c.card, "
           "e.card_text, e.outcome, e.outcome_at, e.deleted, e.starred, e.link, e.look_back")
N_COLUMNS = COLUMNS.count(",") + 1
CARD_JOIN = "LEFT JOIN cards AS c ON c.id = e.card_id"
SELECT = f"SELECT {COLUMNS} FROM entries AS e {CARD_JOIN}"


def uid_text(raw: bytes) -> str:
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def entry_from_row(row) -> Entry:
    """An Entry from a row of ``COLUMNS``. Kept lean: a search may turn thousands into entries."""
    (_id, uid, kind, created, updated, title, body, tags, deck, card, card_text, outcome,
     outcome_at, deleted, starred, link, look_back) = row
    has_tags = tags or "#" in body or "#" in title
    tags = all_tags(tags.split(), title, body) if has_tags else ()
    created = from_micros(created)
    return Entry(uid_text(uid), kind, created,
                 created if updated == row[3] else from_micros(updated), title, body, tags,
                 CardRef(deck, card, card_text or "") if deck is not None else None, outcome,
                 from_micros(outcome_at) if outcome_at is not None else None,
                 deleted is not None, bool(starred), link,
                 date.fromordinal(look_back) if look_back is not None else None)


def uid_bytes(uid: str) -> bytes:
    """The 16 bytes of a UUID string (with or without dashes); ``ValueError`` otherwise."""
    digits = str(uid).replace("-", "").lower()
    if len(digits) != 32:
        raise ValueError(f"not a uid: {uid!r}")
    return bytes.fromhex(digits)


def new_uid() -> str:
    """A random (version 4) UUID, without importing ``uuid`` (it is slow to import)."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    return uid_text(bytes(raw))


def uid_range(prefix: str) -> tuple[bytes, bytes] | None:
    """The smallest and largest uid starting with the hex ``prefix`` (dashes ignored)."""
    digits = prefix.replace("-", "").lower()
    if not digits or len(digits) > 32 or any(c not in "0123456789abcdef" for c in digits):
        return None
    low = bytes.fromhex(digits + "0" * (32 - len(digits)))
    high = bytes.fromhex(digits + "f" * (32 - len(digits)))
    return low, high


def keyset(conn, before: tuple) -> tuple[int, int]:
    """``(created, uid)`` of the last row shown -> ``(created, id)`` to compare with in SQL.

    When that entry is gone meanwhile, rows of the very same microsecond may
    show twice; none is skipped.
    """
    created, uid = before
    moment = created if isinstance(created, datetime) else from_iso(str(created))
    row = conn.execute("SELECT id FROM entries WHERE uid = ?", (uid_bytes(uid),)).fetchone()
    return to_micros(moment), row[0] if row else 2**62


def card_id(conn, deck: str, card: str) -> int:
    """The row of ``(deck, card)`` in ``cards``, added when new (inside a write)."""
    return conn.execute("INSERT INTO cards (deck, card) VALUES (?, ?) ON CONFLICT (deck, card) "
                        "DO UPDATE SET deck = excluded.deck RETURNING id", (deck, card)).fetchone()[0]
