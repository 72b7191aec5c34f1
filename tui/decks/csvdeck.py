"""Turn a spreadsheet's CSV into a deck.

The header row needs at least ``text``; optional columns are ``id``, ``kind``
(default ``think``), ``back``, ``tags`` and ``moments`` (several values
separated by commas, semicolons or spaces). Both ``;`` and ``,`` separated
files are read, as spreadsheets in Dutch locales write ``;``. UTF-8 (with or
without BOM) is tried first, then Windows-1252, which Excel often writes.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata

from tui.decks.model import valid_id
from tui.errors import CsvError
from tui.i18n import t
from tui.textclean import strip_controls
from tui.vocabulary import clean_tags

COLUMNS = ("id", "kind", "text", "back", "tags", "moments", "prompts")
MAX_ROWS = 2000

__all__ = ["COLUMNS", "CsvError", "csv_to_deck_dict", "slug"]


def slug(text: str, limit: int = 40) -> str:
    """``Wat ging er goed?`` -> ``wat-ging-er-goed``: a valid id from any text."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return value[:limit].rstrip("-") or "kaart"


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _split(value: str) -> list[str]:
    return clean_tags(re.split(r"[,;\s]+", value.strip()))


def _read_rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """``(line the row starts on, cells)`` for every row; strict about quotes.

    A quote that opens and never closes would otherwise swallow every later
    row into one cell (one card); here it is one clear line naming its row.
    """
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            if "end of data" in str(error) or reader.line_num - start > 50:
                raise CsvError(t("csv.unclosed_quote"), start) from None
            raise CsvError(t("csv.syntax", error=error), start) from None
        if len(rows) > MAX_ROWS:
            raise CsvError(t("csv.too_many", limit=MAX_ROWS), start)
        rows.append((start, row))


def csv_to_deck_dict(data: bytes, *, deck_id: str, title: str, language: str,
                     lines: list[int] | None = None) -> dict:
    """A deck (as the dict a YAML deck file holds) from CSV bytes; raises :class:`CsvError`.

    ``lines``, when given, receives the CSV line each card came from, so a
    problem the deck loader finds later can name the row in the spreadsheet.
    """
    text = _decode(data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    numbered = _read_rows(text, delimiter)
    if not numbered:
        raise CsvError(t("csv.empty"))
    rows = [row for _line, row in numbered]
    header = [strip_controls(cell).strip().lower() for cell in rows[0]]
    if "text" not in header:
        raise CsvError(t("csv.no_text_column", found=", ".join(h for h in header if h) or "-"), 1)
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        raise CsvError(t("csv.unknown_columns", columns=", ".join(unknown),
                         known=", ".join(COLUMNS)), 1)
    cards: list[dict] = []
    used: set[str] = set()
    for number, row in numbered[1:]:
        values = {name: strip_controls(row[index]).strip() if index < len(row) else ""
                  for index, name in enumerate(header) if name}
        if not any(values.values()):
            continue
        if not values.get("text"):
            raise CsvError(t("csv.empty_text"), number)
        card_id = values.get("id") or slug(values["text"])
        if values.get("id") and not valid_id(card_id):
            raise CsvError(t("csv.bad_id", value=card_id), number)
        base, counter = card_id, 2
        while card_id in used:
            if values.get("id"):
                raise CsvError(t("csv.duplicate_id", value=card_id), number)
            card_id, counter = f"{base}-{counter}", counter + 1
        used.add(card_id)
        card: dict = {"id": card_id, "kind": (values.get("kind") or "think").lower(),
                      "text": values["text"]}
        if values.get("back"):
            card["back"] = values["back"]
        if values.get("prompts"):
            card["prompts"] = [p.strip() for p in values["prompts"].split("|") if p.strip()]
        for name in ("tags", "moments"):
            if values.get(name):
                card[name] = _split(values[name])
        cards.append(card)
        if lines is not None:
            lines.append(number)
    if not cards:
        raise CsvError(t("csv.no_rows"))
    return {"format": 1, "id": deck_id, "language": language, "title": title,
            "description": "", "cards": cards}
