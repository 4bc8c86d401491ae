"""Calendar arithmetic for the chronology: periods as TIMEX3 values with the days they cover.

Every function is pure and cheap; the tagger calls them only for the few spans that match.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ONE_DAY = dt.timedelta(days=1)
# The calendar's ends. A date near them is valid input (a document "published" 0001-01-03 that says
# "last week"): arithmetic that would leave the calendar stops at its end instead of raising.
FIRST_DAY, LAST_DAY = dt.date.min, dt.date.max

# Meteorological seasons: easy to compute, and what a reader means by "last summer".
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved DATE/TIME: its TIMEX3 value, the days it covers, and how coarse it is."""

    value: str
    begin: dt.date | None
    last: dt.date | None
    grain: str  # day, week, weekend, month, quarter, half, season, year, decade, century, time, ref


def plus(d: dt.date, delta: dt.timedelta) -> dt.date:
    """``d + delta``, held at the calendar's ends."""
    try:
        return d + delta
    except OverflowError:
        return FIRST_DAY if delta < dt.timedelta(0) else LAST_DAY


def date(y: int, m: int, d: int) -> dt.date:
    """``dt.date(y, m, d)`` with the year held at the calendar's ends (years 1 and 9999)."""
    if y < dt.MINYEAR:
        return FIRST_DAY
    if y > dt.MAXYEAR:
        return LAST_DAY
    return dt.date(y, m, d)


def unresolved(value: str, grain: str = "ref") -> Period:
    return Period(value, None, None, grain)


def day(d: dt.date) -> Period:
    return Period(d.isoformat(), d, d, "day")


def days(first: dt.date, last: dt.date) -> Period:
    """A run of days ("Oct. 17-19"): valued as its first day, as one TIMEX3 cannot hold a range."""
    return Period(first.isoformat(), first, last, "day")


def part_of_day(d: dt.date, code: str) -> Period:
    return Period(f"{d.isoformat()}T{code}", d, d, "time")


def clock(d: dt.date, hour: int, minute: int) -> Period:
    return Period(f"{d.isoformat()}T{hour:02d}:{minute:02d}", d, d, "time")


def month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return date(year, 12, 31)
    return plus(date(year, month + 1, 1), -ONE_DAY)


def month(year: int, m: int) -> Period:
    return Period(f"{year:04d}-{m:02d}", date(year, m, 1), month_end(year, m), "month")


def year(y: int) -> Period:
    return Period(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year")


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(f"{y:04d}-Q{q}", date(y, first, 1), month_end(y, first + 2), "quarter")


def half(y: int, h: int) -> Period:
    return Period(f"{y:04d}-H{h}", date(y, 6 * (h - 1) + 1, 1), month_end(y, 6 * h), "half")


def season(y: int, code: str) -> Period:
    first, last = SEASON_MONTHS[code]
    end_year = y + 1 if code == "WI" else y
    return Period(f"{y:04d}-{code}", date(y, first, 1), month_end(end_year, last), "season")


def week_of(d: dt.date) -> Period:
    iso_year, iso_week, _ = d.isocalendar()
    monday = plus(d, -dt.timedelta(days=d.weekday()))
    return Period(f"{iso_year:04d}-W{iso_week:02d}", monday, plus(monday, dt.timedelta(days=6)), "week")


def weekend_of(d: dt.date) -> Period:
    week = week_of(d)
    assert week.last is not None
    return Period(week.value + "-WE", plus(week.last, -ONE_DAY), week.last, "weekend")


def decade(first_year: int) -> Period:
    """The 1990s -> "199"."""
    return Period(f"{first_year // 10:03d}", date(first_year, 1, 1), date(first_year + 9, 12, 31), "decade")


def century(index: int) -> Period:
    """The 20th century -> "19" (years 1900-1999, as TimeML writes it)."""
    first = max((index - 1) * 100, 1)
    return Period(f"{index - 1:02d}", date(first, 1, 1), date((index - 1) * 100 + 99, 12, 31), "century")


def add_months(d: dt.date, n: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + n
    y, m = divmod(index, 12)
    if not dt.MINYEAR <= y <= dt.MAXYEAR:
        return FIRST_DAY if y < dt.MINYEAR else LAST_DAY
    return dt.date(y, m + 1, min(d.day, month_end(y, m + 1).day))


def quarter_index(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def weekday_on_or_before(d: dt.date, weekday: int) -> dt.date:
    return plus(d, -dt.timedelta(days=(d.weekday() - weekday) % 7))


def weekday_on_or_after(d: dt.date, weekday: int) -> dt.date:
    return plus(d, dt.timedelta(days=(weekday - d.weekday()) % 7))


# More days than the calendar holds: a larger count ("a billion days later") is clamped to it, as
# timedelta refuses counts past 999,999,999 days.
_DAYS = (LAST_DAY - FIRST_DAY).days + 1


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """Move a day by n units (negative: back)."""
    if unit == "D":
        return plus(d, dt.timedelta(days=max(min(n, _DAYS), -_DAYS)))
    if unit == "W":
        return plus(d, dt.timedelta(weeks=max(min(n, _DAYS // 7), -_DAYS // 7)))
    if unit == "M":
        return add_months(d, n)
    if unit == "Q":
        return add_months(d, 3 * n)
    if unit == "Y":
        return add_months(d, 12 * n)
    if unit == "DE":
        return add_months(d, 120 * n)
    if unit == "CE":
        return add_months(d, 1200 * n)
    return d


def at_grain(d: dt.date, unit: str) -> Period:
    """The period of a unit's size that contains d ("two weeks ago" is a week, not a day)."""
    if unit == "D":
        return day(d)
    if unit == "W":
        return week_of(d)
    if unit == "M":
        return month(d.year, d.month)
    if unit == "Q":
        return quarter(d.year, quarter_index(d))
    if unit == "DE":
        return decade(d.year - d.year % 10)
    if unit == "CE":
        return century(d.year // 100 + 1)
    return year(d.year)


def shift_period(p: Period, unit: str, n: int) -> Period:
    """Move a whole period by n units, keeping its grain ("a year earlier" than 1989-Q3 is 1988-Q3)."""
    assert p.begin is not None
    moved = shift(p.begin, unit, n)
    if p.grain in ("day", "time"):
        return day(moved)
    if p.grain == "quarter":
        return quarter(moved.year, quarter_index(moved))
    if p.grain == "month":
        return month(moved.year, moved.month)
    if p.grain == "week":
        return week_of(moved)
    if p.grain == "season":
        return season(moved.year, p.value[-2:])
    if p.grain == "half":
        return half(moved.year, 1 if moved.month <= 6 else 2)
    if p.grain == "year":
        return year(moved.year)
    return at_grain(moved, unit if unit in ("Y", "M", "W", "Q", "DE", "CE") else "D")


def easter(y: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month_, day_ = divmod(h + el - 7 * m + 114, 31)
    return dt.date(y, month_, day_ + 1)


def nth_weekday(y: int, m: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n < 0:
        return weekday_on_or_before(month_end(y, m), weekday)
    return plus(weekday_on_or_after(date(y, m, 1), weekday), dt.timedelta(weeks=n - 1))


# Holidays news names without a date: fixed (month, day), or a rule of the year.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1), "new year's": (1, 1), "new year": (1, 1),
    "independence day": (7, 4), "fourth of july": (7, 4), "july fourth": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "veterans day": (11, 11), "veterans' day": (11, 11), "armistice day": (11, 11),
    "remembrance day": (11, 11), "st. patrick's day": (3, 17), "st patrick's day": (3, 17),
    "bastille day": (7, 14), "inauguration day": (1, 20), "groundhog day": (2, 2),
    "australia day": (1, 26), "anzac day": (4, 25), "canada day": (7, 1),
}  # fmt: skip


def holiday(name: str, y: int) -> dt.date | None:
    """The day a named holiday falls on in a year (US conventions for the floating ones)."""
    name = name.lower().replace("’", "'")
    if not dt.MINYEAR <= y <= dt.MAXYEAR:
        return None  # a holiday of a year off the calendar ("next Christmas" said in 9999)
    if name in FIXED_HOLIDAYS:
        m, d = FIXED_HOLIDAYS[name]
        return dt.date(y, m, d)
    if name.startswith("easter") or name in ("good friday", "palm sunday", "ash wednesday", "pentecost"):
        offset = {"good friday": -2, "palm sunday": -7, "ash wednesday": -46, "pentecost": 49, "easter monday": 1}
        return plus(easter(y), dt.timedelta(days=offset.get(name, 0)))
    rules: dict[str, tuple[int, int, int]] = {
        "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1), "labour day": (9, 0, 1),
        "memorial day": (5, 0, -1), "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
        "martin luther king day": (1, 0, 3), "martin luther king jr. day": (1, 0, 3), "presidents day": (2, 0, 3),
        "presidents' day": (2, 0, 3), "columbus day": (10, 0, 2),
    }  # fmt: skip
    if name in rules:
        m, weekday, n = rules[name]
        return nth_weekday(y, m, weekday, n)
    if name == "black friday":
        return plus(nth_weekday(y, 11, 3, 4), ONE_DAY)
    if name == "election day":  # the Tuesday after the first Monday of November
        return plus(nth_weekday(y, 11, 0, 1), ONE_DAY)
    return None
