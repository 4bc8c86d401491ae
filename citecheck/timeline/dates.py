"""What a span says, shared by the resolver families: its year, month and day, the year a bare
day or month falls in, weekday arithmetic, the anchor a reading takes, vague and counted spans.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import Anchor
from . import calendar as cal
from .calendar import Period
from .languages import Language
from .narrative import Narrative
from .quantities import is_hedged
from .settings import FUTURE_IN_PAST_SLACK, FUTURE_SLACK, PAST_MONTH_AHEAD, PAST_SLACK, SLACK_DAYS, VAGUE_MAX
from .tense import tense_reading

YEAR_IN = re.compile(r"(?<![\d'])(1[6-9]\d\d|20\d\d)(?!\d)|'(\d\d)\b")


def year_in(span: str, language: Language) -> int | None:
    found = YEAR_IN.search(span)
    if not found:
        lower = span.lower()
        spelled = language.cues.spelled_year_in.search(span) if language.cues.spelled_year_hint.search(lower) else None
        return language.spelled_year(spelled.group(0)) if spelled else None
    if found.group(1):
        return int(found.group(1))
    short = int(found.group(2))
    return 2000 + short if short < 40 else 1900 + short


def month_in(span: str, language: Language) -> int | None:
    found = language.cues.month_in.search(span)
    return language.words.months[found.group(1).lower()] if found else None


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def day_tense(text: str, s: int, e: int, language: Language) -> str | None:
    """The tense a day without a year is read by: "since" (never after publication), "future-in-past"
    (the nearest cue is a past verb of intent: "agreed to", "promised to"), or ``tense``'s answer."""
    if text[max(0, s - 6) : s].lower().rstrip().endswith(language.tense.since):
        return "since"
    said, before, last = tense_reading(text, s, e, language)
    if said != "future" or last is None or last[1] != "future":
        return said
    if language.tense.intent_past.match(before, last[0]):
        head = before[: last[0]].split()[-1:]
        if not head or head[0].lower() not in language.tense.present_aux:  # "is expected to": a present passive
            return "future-in-past"
    return said


def year_for_day(m: int, d: int, nar: Narrative, when_said: str | None) -> int | None:
    """A day without a year: the last one for past tense, the next for future, else the nearest."""
    pub = nar.published
    if pub is None:
        return None
    candidates = [(when, y) for y in (pub.year - 1, pub.year, pub.year + 1) if (when := safe_date(y, m, d))]
    if not candidates:
        return None
    if when_said == "since":  # "since 1 January" said on Dec. 29: that year's, however near the next one
        return max((c for c in candidates if c[0] <= pub), default=candidates[0])[1]
    when, y = min(candidates, key=lambda c: abs((c[0] - pub).days))
    # Tense only overrides the nearest reading when that one is months away on the wrong side:
    # news often names a coming date in a past-tense sentence ("agreed to testify on Feb. 10").
    if when_said == "past" and when > cal.plus(pub, dt.timedelta(days=PAST_SLACK)):
        return y - 1
    if when_said == "future" and when < cal.plus(pub, -dt.timedelta(days=FUTURE_SLACK)):
        return y + 1
    if when_said == "future-in-past" and when < cal.plus(pub, -dt.timedelta(days=FUTURE_IN_PAST_SLACK)):
        return y + 1
    return y


def year_for_month(m: int, nar: Narrative, when_said: str | None, relative: str) -> int | None:
    """A month without a year: by tense ("in December" said in October is last December)."""
    pub = nar.published
    if pub is None:
        return None
    if relative == "last" or relative == "this past":
        # "last February" said in March is a year back; "last June" said in October is this year's
        return pub.year if m < pub.month - 1 else pub.year - 1
    if relative in ("next", "this coming", "coming"):
        return pub.year if m > pub.month else pub.year + 1
    if relative in ("this", "earlier this", "later this"):
        return pub.year
    if when_said == "future":
        if (pub.month - m) % 12 == 1:
            # "the report for October is due out Thursday" (said in November): the month just ended,
            # which the news reports on; a story speaking of the next one says "next October"
            return pub.year if m < pub.month else pub.year - 1
        return pub.year if m >= pub.month else pub.year + 1
    if when_said == "past":
        if 0 < (m - pub.month) % 12 <= PAST_MONTH_AHEAD:
            # "placed orders for November" (said in October): the coming one, not eleven months back
            return pub.year if m > pub.month else pub.year + 1
        return pub.year if m <= pub.month else pub.year - 1
    # No tense cue: the month just ahead when it is one or two away ("in September", said in August),
    # else the last one (news mostly reports what happened).
    if 0 < (m - pub.month) % 12 <= 2:
        return pub.year if m > pub.month else pub.year + 1
    return pub.year if m <= pub.month else pub.year - 1


def weekday_date(weekday: int, relative: str, future: bool, pub: dt.date) -> dt.date:
    if relative in ("last", "this past", "past"):
        return cal.weekday_on_or_before(pub - cal.ONE_DAY, weekday)
    if relative == "next":
        return cal.weekday_on_or_after(pub + cal.ONE_DAY, weekday)
    if relative in ("this coming", "coming"):
        return cal.weekday_on_or_after(pub + cal.ONE_DAY, weekday)
    if relative == "this":
        return cal.weekday_on_or_after(pub, weekday) if future else cal.weekday_on_or_before(pub, weekday)
    if future:  # "will sign it Friday" written on a Friday is that day
        return cal.weekday_on_or_after(pub, weekday)
    return cal.weekday_on_or_before(pub, weekday)


def relative_prefix(span: str, language: Language) -> tuple[str, str]:
    """The word that places a weekday or month ("last", "this coming"), in the resolvers' terms, and the rest."""
    found = language.cues.relative_prefix.match(span)
    if not found:
        return "", span
    return language.words.term(re.sub(r"\s+", " ", found.group(1).lower())), span[found.end() :]


def reported_quarter(nar: Narrative) -> Period | None:
    """The quarter the story is reporting on, when the narrative still stands in it."""
    quarter, last = nar.last_quarter, nar.last_any
    if quarter is None or last is None or quarter.begin is None or quarter.last is None or last.begin is None:
        return None
    if last is quarter or quarter.begin <= last.begin <= quarter.last:
        return quarter  # "the third quarter", or "the quarter ended Sept. 30"
    return None


def anchor_for(unit: str, nar: Narrative) -> tuple[Period | None, Anchor | None]:
    """The narrative's last date for counting back or forward, else publication."""
    last = nar.last_day if unit in ("D", "W", "H", "MIN", "S", "WE", "2W") else nar.last_any
    if last is not None and last.begin is not None:
        return last, "previous-mention"
    if nar.published is not None:
        return cal.day(nar.published), "publication"
    return None, None


def vague_value(begin: dt.date, last: dt.date, past: bool) -> str:
    """The most a TIMEX3 value can say of an interval: 2025-10-XX, 2025-XX-XX, 202X, or PAST_REF."""
    if (begin.year, begin.month) == (last.year, last.month):
        return f"{begin.year:04d}-{begin.month:02d}-XX"
    if begin.year == last.year:
        return f"{begin.year:04d}-XX-XX"
    if begin.year // 10 == last.year // 10:
        return f"{begin.year // 10:03d}X"
    return "PAST_REF" if past else "FUTURE_REF"


def counted(anchor: Period, unit: str, n: float | None, direction: int, point: bool = False) -> Period:
    """The period n units before (direction -1) or after (+1) an anchor; vague counts give a range.

    ``point``: the day itself ("a week after Oct. 17" is Oct. 24), not the week around it.
    """
    assert anchor.begin is not None and anchor.last is not None
    letter = {"2W": "W", "WE": "W", "H": "D", "MIN": "D", "S": "D"}.get(unit, unit)
    if n is None:
        near = cal.shift(anchor.begin if direction < 0 else anchor.last, letter, direction)
        far = cal.shift(anchor.begin if direction < 0 else anchor.last, letter, direction * VAGUE_MAX)
        begin, last = (far, near) if direction < 0 else (near, far)
        return Period(vague_value(begin, last, direction < 0), begin, last, "vague")
    steps = round(n * (2 if unit == "2W" else 1))
    if unit in ("H", "MIN", "S"):
        return cal.day(anchor.begin)
    if letter == "Y" and anchor.grain in ("quarter", "half"):
        # "a year earlier" than the third quarter is last year's third quarter
        return cal.shift_period(anchor, letter, direction * steps)
    moved = cal.shift(anchor.begin, letter, direction * steps)
    if point and anchor.grain in ("day", "time"):
        return cal.day(moved)
    return cal.at_grain(moved, letter)  # "two weeks ago" is a week, "a decade ago" a decade


def widened(p: Period, unit: str, span: str, language: Language) -> Period:
    """ "roughly a week after": the interval grows by half a unit or so on each side."""
    if not is_hedged(span, language) or p.begin is None or p.last is None:
        return p
    slack = dt.timedelta(days=SLACK_DAYS.get(unit, 0))
    return Period(p.value, cal.plus(p.begin, -slack), cal.plus(p.last, slack), p.grain)
