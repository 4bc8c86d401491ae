"""Holidays: "Christmas", "Labor Day", "the Fourth of July", fixed and movable."""

from __future__ import annotations

import datetime as dt
import re

from .. import calendar as cal
from ..dates import YEAR_IN, year_in
from ..narrative import Hit, Narrative
from ..registry import resolves
from ..settings import HOLIDAY_SLACK
from ..tense import tense


@resolves("holiday")
def resolve_holiday(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    """ "Thanksgiving Day", "last Christmas", "Election Day", "Easter week", "Christmas 2024"."""
    span = text[s:e]
    prefix = nar.language.cues.holiday_name.match(span)
    w = nar.language.words
    relative = w.term(re.sub(r"\s+", " ", prefix.group(0).strip().lower())) if prefix else ""
    name = YEAR_IN.sub("", span[prefix.end() if prefix else 0 :]).strip(" ,")
    name = re.sub(r"\s+", " ", name).replace("’", "'")
    week = name.lower().endswith(w.week_suffix)
    key = nar.language.cues.holiday_week.sub("", name)
    bare = key == name and key.lower() in w.bare_holidays  # "as Easter week began"
    key = w.holiday_keys.get(key.lower(), key)  # the calendar's name for it
    if (
        bare
        and not relative
        and not year_in(span, nar.language)
        and not nar.language.cues.holiday_preposition.search(text[max(0, s - 10) : s])
    ):
        return None  # "Christmas" alone is a day only after a preposition ("on Christmas")
    y = year_in(span, nar.language)
    pub = nar.published
    if cal.holiday(key, 2000) is None:
        return None
    if y is None and pub is not None:
        dates = {yy: d for yy in (pub.year - 1, pub.year, pub.year + 1) if (d := cal.holiday(key, yy)) is not None}
        if relative.startswith("last") or relative == "this past":
            y = max((yy for yy, d in dates.items() if d < pub), default=None)  # none before year 1
        elif relative.startswith("next") or relative == "this coming":
            y = min((yy for yy, d in dates.items() if d > pub), default=None)
        elif relative == "this":
            y = pub.year
        else:
            y = nearest_year(dates, pub, tense(text, s, e, nar.language))
    if y is None:
        return Hit(s, e, "DATE", cal.unresolved("XXXX-XX-XX", "day"))
    when = cal.holiday(key, y)
    assert when is not None
    if "day before" in relative or "day after" in relative:
        when += cal.ONE_DAY if "after" in relative else -cal.ONE_DAY
    if "week before" in relative or "week after" in relative:
        # "the week before Christmas": the seven days before it, valued as the ISO week they mostly fill
        when += dt.timedelta(days=4 if "after" in relative else -4)
        return Hit(s, e, "DATE", cal.week_of(when), "publication" if pub and not year_in(span, nar.language) else None)
    if name.lower().endswith(w.weekend_suffix):
        # "Labor Day weekend": the Saturday and Sunday before a Monday holiday, else the ones after
        saturday = when - dt.timedelta(days=2) if when.weekday() == 0 else cal.weekday_on_or_after(when, 5)
        return Hit(
            s, e, "DATE", cal.weekend_of(saturday), "publication" if pub and not year_in(span, nar.language) else None
        )
    period = cal.week_of(when) if week else cal.day(when)
    return Hit(
        s,
        e,
        "DATE",
        period,
        "publication" if pub and not year_in(span, nar.language) else None,
        pub.isoformat() if pub else None,
    )


def nearest_year(dates: dict[int, dt.date], pub: dt.date, when_said: str | None) -> int:
    """Of one day's dates in neighbouring years: the nearest, unless tense says it is months on the wrong side."""
    y, when = min(dates.items(), key=lambda c: abs((c[1] - pub).days))
    if when_said == "past" and when > cal.plus(pub, dt.timedelta(days=HOLIDAY_SLACK)) and y - 1 in dates:
        return y - 1
    if when_said == "future" and when < cal.plus(pub, -dt.timedelta(days=HOLIDAY_SLACK)) and y + 1 in dates:
        return y + 1
    return y
