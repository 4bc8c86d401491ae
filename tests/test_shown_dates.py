"""Shown dates in every interface language, from CLDR month names."""

from __future__ import annotations

import datetime as dt

import pytest

from citecheck.embeds._shown_dates import build_month_table, month_table, parse_shown_date

# The Babel release month_names.json was distilled from (pyproject's `maintenance` extra pins it).
CLDR_BABEL = "2.18.0"


@pytest.mark.maintenance
def test_month_names_file_is_what_cldr_says() -> None:
    # A maintenance check, out of the default run: a new CLDR release must not turn CI red.
    # To move to a newer CLDR: bump CLDR_BABEL and the extra, then rewrite the file with
    # `python -m citecheck.embeds._shown_dates` and review the diff.
    babel = pytest.importorskip("babel")
    if babel.__version__ != CLDR_BABEL:
        pytest.skip(f"compares with Babel {CLDR_BABEL}; installed is {babel.__version__}")
    assert month_table() == build_month_table()


@pytest.mark.parametrize(
    ("text", "hint", "expected", "language"),
    [
        ("October 17, 2025", None, dt.date(2025, 10, 17), "en"),
        ("Sept. 3, 2025", None, dt.date(2025, 9, 3), None),
        ("25. September 2018", "de", dt.date(2018, 9, 25), "de"),
        ("16 мая 2018 г.", None, dt.date(2018, 5, 16), "ru"),
        ("2 juin 2018", None, dt.date(2018, 6, 2), "fr"),
        ("17 de octubre de 2025", None, dt.date(2025, 10, 17), "es"),
        ("16 listopada 2018", "pl", dt.date(2018, 11, 16), "pl"),
        ("16 listopada 2018", "hr", dt.date(2018, 10, 16), "hr"),  # October in Croatian
        ("2018年5月16日", None, dt.date(2018, 5, 16), None),
        ("2018년 5월 16일", None, dt.date(2018, 5, 16), None),
        ("05:38 PM - 07 Jun 2019", None, dt.date(2019, 6, 7), "en"),
        ("Fri Sep 30 15:13:45 UTC+0000 2016", None, dt.date(2016, 9, 30), "en"),
        ("Jun 16, 2019 at 7:30am PDT", None, dt.date(2019, 6, 16), "en"),
    ],
)
def test_localised_dates(text: str, hint: str | None, expected: dt.date, language: str | None) -> None:
    shown = parse_shown_date(text, hint)
    assert shown is not None and shown.date == expected
    if language is not None:
        assert shown.language == language


@pytest.mark.parametrize("text", ["", "Tweet may have been deleted", "5 Smarch 2024", "February 30, 2024", "2024"])
def test_not_dates(text: str) -> None:
    assert parse_shown_date(text) is None
