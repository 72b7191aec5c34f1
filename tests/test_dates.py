"""Dates as users type them to jump in the journal: months by name, abbreviated, either language."""

from __future__ import annotations

from datetime import date

import pytest

from tui.dates import month_number, parse_month_or_date

TODAY = date(2026, 11, 22)

ABBREVIATIONS = {
    1: ("jan", "jan.", "januari", "january", "JAN"),
    2: ("feb", "feb.", "februari", "february"),
    3: ("mrt", "mrt.", "Mrt.", "MRT", "maa", "maart", "mar", "mar.", "march"),
    4: ("apr", "apr.", "april"),
    5: ("mei", "mei.", "may", "May"),
    6: ("jun", "jun.", "juni", "june"),
    7: ("jul", "jul.", "juli", "july"),
    8: ("aug", "aug.", "augustus", "august"),
    9: ("sep", "sep.", "sept", "sept.", "september"),
    10: ("okt", "okt.", "oktober", "oct", "oct.", "october"),
    11: ("nov", "nov.", "november"),
    12: ("dec", "dec.", "december"),
}


@pytest.mark.parametrize("month", range(1, 13))
def test_every_common_dutch_and_english_abbreviation_names_its_month(month):
    for word in ABBREVIATIONS[month]:
        assert month_number(word) == month, word
        following = date(2026, month + 1, 1) if month < 12 else date(2027, 1, 1)
        assert parse_month_or_date(f"{word} 2026", TODAY).toordinal() == \
            following.toordinal() - 1, word


def test_a_month_without_a_year_is_the_last_one_up_to_today():
    assert parse_month_or_date("mrt", TODAY) == date(2026, 3, 31)
    assert parse_month_or_date("mei", TODAY) == date(2026, 5, 31)
    assert parse_month_or_date("dec", TODAY) == date(2025, 12, 31)  # not yet this year


def test_a_day_with_a_month_name():
    assert parse_month_or_date("3 mrt 2025", TODAY) == date(2025, 3, 3)
    assert parse_month_or_date("22 Nov. 2026", TODAY) == date(2026, 11, 22)


@pytest.mark.parametrize("text", ["mr 2025", "ju 2025", "foo 2025", "2025-13", "31 feb 2025",
                                  "", "maart maart", "dec 9999"])
def test_what_is_not_a_month_is_refused(text):
    with pytest.raises(ValueError):
        parse_month_or_date(text, TODAY)
