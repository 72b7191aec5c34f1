"""A privacy aid: find Dutch citizen service numbers (BSN) in text, and mask them.

A BSN has nine digits (an old eight-digit one is written with a leading
zero) and passes the eleven-test: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple
of 11. People also write them with dots or spaces (``1234.56.782``,
``123 456 782``). A number that is part of a longer run of digits (a phone
number, an IBAN) is not a BSN.
"""

from __future__ import annotations

import re

# Nine digits, each pair separated by at most one dot or space; not inside a longer number.
_CANDIDATE = re.compile(r"(?<![\w.])\d(?:[. ]?\d){8}(?!\w|\.\d)")


def eleven_test(digits: str) -> bool:
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def _matches(text: str):
    for match in _CANDIDATE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if eleven_test(digits):
            yield match


def find_bsns(text: str) -> list[str]:
    """The numbers in ``text`` that pass the eleven-test, as written (with their dots)."""
    return [match.group() for match in _matches(text or "")]


def mask_bsns(text: str) -> str:
    """``text`` with every digit of every BSN replaced by ``*`` (dots and spaces kept)."""
    if not text:
        return text
    parts = []
    last = 0
    for match in _matches(text):
        parts.append(text[last:match.start()])
        parts.append(re.sub(r"\d", "*", match.group()))
        last = match.end()
    parts.append(text[last:])
    return "".join(parts)
