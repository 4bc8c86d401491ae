"""Clock times: "8:30 a.m.", "0830 GMT", "9.14pm", "noon", and the day a clock time names."""

from __future__ import annotations

import datetime as dt

from .. import calendar as cal
from ..calendar import Period
from ..dates import weekday_date
from ..narrative import Hit, Narrative
from ..registry import resolves
from ..tense import speaks_of_future, tense
from .days import day_hit, resolve_day_month, resolve_month_day


@resolves("clock")
def resolve_clock(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    # A period ending "p.m." that also ends the sentence belongs to the sentence (TimeML extents).
    if span.endswith(".") and (e == len(text) or text[e : e + 2].strip()[:1].isupper() or text[e : e + 1] == "\n"):
        e -= 1
        span = span[:-1]
    lower = span.lower()
    if nar.language.words.noon in lower:
        hour, minute = 12, 0
    elif nar.language.words.midnight in lower:
        hour, minute = 24, 0
    else:
        found = nar.language.cues.clock_in.search(span)
        if found is None:
            return None
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        meridiem = nar.language.words.meridiems.get((found.group(3) or "").lower())
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    when = clock_day(text, s, e, span, nar)
    if when is None:
        value = f"XXXX-XX-XXT{hour:02d}:{minute:02d}"
        return Hit(s, e, "TIME", cal.unresolved(value, "time"))
    value = f"{when.isoformat()}T{hour:02d}" + (f":{minute:02d}" if hour != 24 else "")
    return Hit(s, e, "TIME", Period(value, when, when, "time"), "publication")


def clock_day(text: str, s: int, e: int, span: str, nar: Narrative) -> dt.date | None:
    """The day a clock time falls on: the day named with it, else the narrative's day."""
    named = nar.language.cues.month_in.search(span)
    if named is not None:
        days_named = [int(x.group(1)) for x in nar.language.cues.day_in.finditer(span[named.end() :])][:1] or [1]
        inner = day_hit(
            text, s, e, span[named.start() :], nar.language.words.months[named.group(1).lower()], days_named, nar
        )
        return inner.period.begin if inner else None
    dated = nar.language.cues.date_after_clock.match(text, e)
    if dated is not None:
        on_day = (
            resolve_month_day(text, dated.start(1), dated.end(1), nar)
            if dated.group(1)
            else resolve_day_month(text, dated.start(2), dated.end(2), nar)
        )
        if on_day is not None and on_day.period.begin is not None:
            return on_day.period.begin  # "at 11:50 a.m. on March 3, 2009"
    weekday = nar.language.cues.weekday_in.search(span) or nar.language.cues.weekday_after_clock.match(text, e)
    if weekday and nar.published:
        return weekday_date(
            nar.language.words.weekdays[weekday.group(1).lower()],
            "",
            speaks_of_future(text, s, e, nar.language),
            nar.published,
        )
    lower = span.lower()
    pub = nar.published
    if pub is not None:
        for word, delta in nar.language.words.day_offsets.items():
            if word in lower:
                return pub + dt.timedelta(days=delta)
    if nar.last_day is not None and nar.last_day.begin is not None:
        said = tense(text, s, e, nar.language)
        if pub is not None and nar.last_day.begin > pub and said == "past":
            return pub  # "shares were down by 0830 GMT" after "will publish on Wednesday": today
        if pub is not None and nar.last_day.begin < pub and said == "future" and nar.last_ahead is not None:
            # "trains will run on Saturday, the government confirmed on Tuesday. The first service is
            # scheduled to leave at 5.12am": the coming day the story looks to
            return nar.last_ahead.begin
        return nar.last_day.begin
    return pub
