"""Reading the date an embed shows, in any language the platforms' interfaces offer.

Month names come from CLDR (through Babel), never from hand-made lists: ``build_month_table``
distils them into month_names.json, which a run reads in a millisecond.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# The interface languages Twitter/X has offered (its language settings), as CLDR locale ids.
# Other platforms' embeds use a subset of these.
INTERFACE_LOCALES = (
    "en", "de", "fr", "es", "pt", "it", "nl", "ru", "ja", "ko", "zh_Hans", "zh_Hant", "ar", "tr",
    "pl", "sv", "da", "nb", "fi", "cs", "sk", "hu", "ro", "el", "uk", "he", "hi", "bn", "id", "ms",
    "fil", "th", "vi", "fa", "ur", "ca", "eu", "gl", "ga", "hr", "sr", "gu", "kn", "mr", "ta",
)  # fmt: skip

_TOKEN = re.compile(r"\d+|[^\W\d_]+\.?")
# Times of day and zone offsets carry numbers that are not the day or the year.
_NOT_DATE = re.compile(r"\d{1,2}[:h.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|(?:UTC|GMT)?[+-]\d{2}:?\d{2}\b", re.I)
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
_YEAR_FIRST_NUMERIC = re.compile(r"(\d{4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})")


@dataclass(frozen=True, slots=True)
class ShownDate:
    date: dt.date
    language: str | None


MonthTable = dict[str, dict[int, list[str]]]  # name -> month -> locales that use it
MONTH_TABLE_FILE = Path(__file__).with_name("month_names.json")


def build_month_table(locales: tuple[str, ...] = INTERFACE_LOCALES) -> MonthTable:
    """Month names of every interface language, from CLDR through Babel.

    Run ``python -m citecheck.embeds._shown_dates`` to rewrite month_names.json after a Babel
    upgrade; a test checks that the file still equals what CLDR says.
    """
    from babel import Locale

    table: MonthTable = {}
    for locale_id in locales:
        locale = Locale.parse(locale_id)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for month, name in locale.months[context][width].items():
                    for key in sorted({name.casefold(), name.casefold().rstrip(".")}):
                        if key and not key.isdigit():
                            users = table.setdefault(key, {}).setdefault(month, [])
                            if locale_id not in users:
                                users.append(locale_id)
    return table


@lru_cache(maxsize=1)
def month_table() -> MonthTable:
    # Read from the file CLDR was distilled into: loading 45 Babel locales costs about 0.2 s.
    raw = json.loads(MONTH_TABLE_FILE.read_text(encoding="utf-8"))
    return {name: {int(month): users for month, users in months.items()} for name, months in raw.items()}


def _month_of(word: str, hint: str | None) -> tuple[int, str] | None:
    key = word.casefold()
    table = month_table()
    months = table.get(key) or table.get(key.rstrip("."))
    return _pick(months, hint) if months else None


def _pick(months: dict[int, list[str]], hint: str | None) -> tuple[int, str]:
    # A word can name different months in different languages ("listopad": November in Polish,
    # October in Croatian): the embed's own language wins, then the order of INTERFACE_LOCALES.
    base = (hint or "").replace("-", "_").split("_")[0].lower()
    if base:
        for month, users in months.items():
            for user in users:
                if user.split("_")[0].lower() == base:
                    return month, user
    best = min(months.items(), key=lambda item: min(INTERFACE_LOCALES.index(u) for u in item[1]))
    return best[0], best[1][0]


def parse_shown_date(text: str, language_hint: str | None = None) -> ShownDate | None:
    """The calendar date in an embed's date text ("October 17, 2025", "16 мая 2018 г.", ...)."""
    if not text or len(text) > 80:
        return None
    cjk = _CJK.search(text)
    if cjk:
        return _make(int(cjk.group(1)), int(cjk.group(2)), int(cjk.group(3)), None)
    numeric = _YEAR_FIRST_NUMERIC.search(text)
    if numeric:
        return _make(int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3)), None)
    year: int | None = None
    day: int | None = None
    month: tuple[int, str] | None = None
    for token in _TOKEN.findall(_NOT_DATE.sub(" ", text)):
        # \d is any decimal digit (Arabic-Indic ones too, which int() reads); a superscript "³" is
        # a "digit" to isdigit() but a word to the pattern, and int() refuses it.
        if token[0].isdecimal():
            value = int(token)
            if len(token) == 4 and year is None and (2000 <= value <= 2100 or 2540 <= value <= 2650):
                year = value
            elif len(token) <= 2 and day is None and 1 <= value <= 31:
                day = value
        elif month is None:
            month = _month_of(token, language_hint)
    if year is None or day is None or month is None:
        return None
    language = month[1]
    if language == "th" and year > 2400:
        year -= 543  # Thai dates count years in the Buddhist era
    return _make(year, month[0], day, language)


def _make(year: int, month: int, day: int, language: str | None) -> ShownDate | None:
    try:
        return ShownDate(dt.date(year, month, day), language)
    except ValueError:
        return None


if __name__ == "__main__":
    MONTH_TABLE_FILE.write_text(
        json.dumps(build_month_table(), ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8"
    )
