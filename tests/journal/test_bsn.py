"""The BSN privacy aid: the eleven-test, the ways people write a BSN, masking."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.journal.bsn import eleven_test, find_bsns, mask_bsns


@pytest.mark.parametrize("number,ok", [
    ("123456782", True), ("111222333", True), ("012345672", True),
    ("123456789", False), ("000000000", False), ("12345678", False), ("1234567820", False),
])
def test_eleven_test(number, ok):
    assert eleven_test(number) is ok


@pytest.mark.parametrize("text,found", [
    ("BSN 123456782.", ["123456782"]),
    ("bsn: 1234.56.782, ok", ["1234.56.782"]),
    ("123 456 782", ["123 456 782"]),
    ("12.34.56.782", ["12.34.56.782"]),
    ("(111222333)", ["111222333"]),
    ("tel 0612345678", []),
    ("IBAN NL91ABNA0417164300", []),
    ("1123456782", []),
    ("a123456782", []),
    ("12345678.2", ["12345678.2"]),
    ("1.2.3.4.5.6.7.8.2", ["1.2.3.4.5.6.7.8.2"]),
    ("datum 22-11-2026 om 9.15", []),
    ("123456789", []),
])
def test_find_bsns(text, found):
    assert find_bsns(text) == found


def test_mask_keeps_the_layout():
    assert mask_bsns("BSN 1234.56.782 en 123456782!") == "BSN ****.**.*** en *********!"
    assert mask_bsns("geen nummer") == "geen nummer"
    assert mask_bsns("") == ""


@given(st.integers(min_value=0, max_value=999_999_99))
def test_every_valid_bsn_is_found_and_masked(prefix):
    digits = f"{prefix:08d}"
    total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True))
    check = total % 11
    if check == 10 or (digits + str(check)) == "000000000":
        return
    number = digits + str(check)
    assert eleven_test(number)
    assert find_bsns(f"nummer {number} hier") == [number]
    assert number not in mask_bsns(f"nummer {number} hier")
