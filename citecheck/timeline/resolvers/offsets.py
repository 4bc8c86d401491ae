"""Relative and anchored expressions: "last week", "three days ago", "two days earlier", "the next
day", "the same month last year", and references ("now", "recently").
"""

from __future__ import annotations

import datetime as dt
import re

from ...models import Anchor
from .. import calendar as cal
from ..calendar import Period
from ..dates import anchor_for, counted, reported_quarter, weekday_date, widened
from ..narrative import Hit, Narrative
from ..quantities import duration_value, is_hedged, unit_and_count
from ..registry import resolves
from ..settings import RECENT_DAYS
from ..tense import sentence_around, speaks_of_future, tense


@resolves("relative")
def resolve_relative(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    """ "last week", "earlier this month", "the past year", "year-end", "the weekend"."""
    lower = re.sub(r"\s+", " ", text[s:e].lower())
    pub = nar.published
    unit_word = nar.language.cues.relative_unit.search(lower)
    if unit_word is None:
        return None
    w = nar.language.words
    letter = w.units[unit_word.group(1)]  # W, M, Y, DE or WE
    if pub is None:
        return Hit(s, e, "DATE", cal.unresolved({"W": "XXXX-WXX", "M": "XXXX-XX"}.get(letter, "XXXX")))
    if (
        lower.startswith(w.the)
        and lower.endswith(f" {w.year}")
        and nar.language.cues.year_ended_after.match(text[e : e + 8])
    ):
        # "for the year ended Sept. 30": a twelve-month period, which TimeML types as a duration
        return Hit(s, e, "DURATION", cal.unresolved("P1Y", "duration"))
    step = 0
    if nar.language.cues.relative_back.search(lower):
        step = -1
    elif nar.language.cues.relative_ahead.search(lower):
        step = 1
    if lower.endswith(w.end_suffix) or w.year_end in lower:
        # "since year-end", "had $2 billion at year-end" (said in October): the last one
        back = w.last in lower or (
            pub.month < 12
            and (
                nar.language.cues.since_before.search(text, max(0, s - 12), s) is not None
                or tense(text, s, e, nar.language) == "past"
            )
        )
        y = pub.year - 1 if back else pub.year
        if w.year_end not in lower:  # "by year's end": the year, as TimeML values "the end of the year"
            return Hit(s, e, "DATE", cal.year(y), "publication", pub.isoformat())
        return Hit(s, e, "DATE", cal.day(dt.date(y, 12, 31)), "publication", pub.isoformat())
    if letter == "WE":
        base = pub + dt.timedelta(weeks=step)
        said = tense(text, s, e, nar.language) if step == 0 and pub.weekday() <= 3 else None
        if step == 0 and said != "future" and (pub.weekday() < 3 or (pub.weekday() == 3 and said == "past")):
            # "the weekend" read on a Tuesday is the one just past; on a Thursday, only in the past tense
            # ("is under pressure ahead of elections at the weekend" looks two days ahead)
            base = pub - dt.timedelta(weeks=1)
        return Hit(s, e, "DATE", cal.weekend_of(base), "publication", pub.isoformat())
    if letter == "DE" and nar.language.cues.past_word.search(lower):
        return Hit(s, e, "DURATION", cal.unresolved("P10Y", "duration"))  # "over the past decade"
    if nar.language.cues.year_ago_in.search(lower) and (last := reported_quarter(nar)) is not None:
        # "the year-ago period" in quarterly results
        return Hit(s, e, "DATE", cal.shift_period(last, "Y", -1), "previous-mention", last.value)
    if lower == w.last_year and (same := same_period(text, s, e, nar)) is not None:
        return same
    if (
        lower == w.last_year
        and (last := reported_quarter(nar)) is not None
        and nar.language.cues.compared.search(sentence_around(text, s, e, nar.language)[0])
    ):
        # "profit of $5 million, compared with $3 million last year": the reported quarter, a year back
        return Hit(s, e, "DATE", cal.shift_period(last, "Y", -1), "previous-mention", last.value)
    moved = cal.shift(pub, letter, step)
    period = cal.at_grain(moved, letter)
    if w.earlier_this in lower or (w.earlier in lower and step == 0):
        period = Period(period.value, period.begin, pub, period.grain)
    elif w.later_this in lower and period.last is not None:
        period = Period(period.value, pub, period.last, period.grain)
    return Hit(s, e, "DATE", period, "publication", pub.isoformat())


def same_period(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    """ "the quarter a year ago", "the corresponding period last year": one expression, the reported
    quarter a year back (the year, when the story reports no quarter)."""
    before = nar.language.cues.same_period_before.search(text, max(0, s - 40), s)
    pub = nar.published
    if before is None or pub is None:
        return None
    quarter = reported_quarter(nar)
    if quarter is None or quarter.begin is None:
        return Hit(before.start(), e, "DATE", cal.year(pub.year - 1), "publication", pub.isoformat())
    return Hit(before.start(), e, "DATE", cal.shift_period(quarter, "Y", -1), "previous-mention", quarter.value)


@resolves("offset")
def resolve_offset(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    """ "three days earlier", "two weeks ago", "a week after the meeting", "days before"."""
    span = text[s:e]
    lower = span.lower()
    tail = nar.language.cues.offset_tail.search(lower)
    if tail is None:
        return None
    word = nar.language.words.term(tail.group(1))
    unit, n, _ = unit_and_count(span[: tail.start()], nar.language)
    if unit == "Y" and n == 1 and word in ("ago", "earlier") and (same := same_period(text, s, e, nar)) is not None:
        return same
    direction = 1 if word in ("later", "after", "afterward", "afterwards", "from now", "hence", "on") else -1
    if word in ("back", "earlier") and unit in ("S", "MIN", "H"):
        end = s + tail.start()  # "51 seconds back", "start 15 minutes earlier": a margin, as TBAQ tags "an hour later"
        return Hit(s, end, "DURATION", cal.unresolved(duration_value(n, unit), "duration"))
    if word in ("ago", "from now", "hence", "back"):
        how: Anchor | None = "publication" if nar.published else None
        anchor = cal.day(nar.published) if nar.published else None
        if unit == "Y" and n == 1 and (quarter := reported_quarter(nar)) is not None:
            anchor = quarter  # "a year ago" next to "the third quarter" means that quarter last year
    else:
        anchor, how = anchor_for(unit, nar)
    if word in ("before", "after", "later", "afterward", "afterwards", "on", "prior"):
        # TimeML: "three days" is a duration; the word after it is a signal, outside the span.
        end = s + tail.start()
        duration = duration_value(n, unit)
        if anchor is None:
            return Hit(s, end, "DURATION", cal.unresolved(duration, "duration"))
        p = widened(counted(anchor, unit, n, direction, point=True), unit, span, nar.language)
        return Hit(
            s,
            end,
            "DURATION",
            Period(duration, p.begin, p.last, "duration"),
            how,
            anchor.value,
            forward=word in ("before", "after", "prior"),
        )
    if anchor is None:
        return Hit(s, e, "DATE", cal.unresolved("PAST_REF" if direction < 0 else "FUTURE_REF"))
    if (
        word == "earlier"
        and unit == "Y"
        and n is not None
        and anchor.grain == "day"
        and anchor.begin is not None
        and nar.language.cues.period_ended.search(sentence_around(text, s, e, nar.language)[0])
    ):
        # "For the six months ended Aug. 12, net rose to $9 million from $7 million a year earlier":
        # the same period a year back, named as the text names it, by its last day
        moved = cal.shift(anchor.begin, "Y", -round(n))
        return Hit(s, e, "DATE", cal.day(moved), how, anchor.value)
    p = counted(anchor, unit, n, direction)
    if is_hedged(span, nar.language) and p.begin is not None:
        p = widened(p, unit, span, nar.language)
    return Hit(s, e, "DATE", p, how, anchor.value)


@resolves("anchored")
def resolve_anchored(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    """ "the next day", "the day before", "that day", "the following week": from the narrative's date."""
    lower = text[s:e].lower()
    unit_word = nar.language.cues.anchored_unit.search(lower)
    if unit_word is None:
        return None
    word = unit_word.group(1)
    w = nar.language.words
    letter = w.units.get(word, "D")  # a day or a part of one: D
    anchor, how = anchor_for(letter, nar)
    weekday = nar.language.cues.weekday_in.search(lower, unit_word.end())
    if weekday is not None and nar.published is not None:
        # "the day before last Tuesday('s hearing)": counted from that weekday
        relative = w.term(lower[unit_word.end() : weekday.start()].split()[-1])
        named = weekday_date(
            nar.language.words.weekdays[weekday.group(1)],
            "" if relative in ("before", "after") else relative,
            speaks_of_future(text, s, e, nar.language),
            nar.published,
        )
        anchor = cal.day(named)
        how = "publication"
    elif nar.language.cues.apposition.search(text, max(0, s - 24), s) and nar.language.cues.event_after.match(text, e):
        # "Oct. 12, the day before the crash": the phrase restates the date just named
        assert anchor is not None
        restated = lower
        for signal in w.anchor_signals:
            restated = restated.split(signal)[0]
        return Hit(s, s + len(restated), "DATE", anchor, how, anchor.value)
    if anchor is None or anchor.begin is None:
        return Hit(s, e, "DATE", cal.unresolved("XXXX-XX-XX"))
    step = 0
    if nar.language.cues.anchored_ahead.search(lower):
        step = 1
    elif nar.language.cues.anchored_back.search(lower):
        step = -1
    moved = cal.shift(anchor.begin, letter, step)
    if lower.startswith(w.the_same) and nar.language.cues.year_back.search(lower):
        moved = cal.shift(moved, "Y", -1)  # "the same month last year" (not "the previous year" twice over)
    if word in nar.language.words.parts_of_day:
        return Hit(s, e, "TIME", cal.part_of_day(moved, nar.language.words.parts_of_day[word]), how, anchor.value)
    return Hit(s, e, "DATE", cal.at_grain(moved, letter), how, anchor.value)


@resolves("reference")
def resolve_reference(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    lower = re.sub(r"\s+", " ", text[s:e].lower())
    value = nar.language.words.references.get(lower)
    if value is None:
        return None
    if lower == nar.language.words.the_past and nar.language.cues.count_after.match(text, e):
        return None  # "the past two seasons": a span of a unit this tagger does not know
    pub = nar.published
    if value == "PRESENT_REF" and pub is not None:
        return Hit(s, e, "DATE", Period(value, pub, pub, "ref"), "publication", pub.isoformat())
    if value == "PAST_REF" and pub is not None and lower in nar.language.words.recent_words:
        return Hit(
            s,
            e,
            "DATE",
            Period(value, pub - dt.timedelta(days=RECENT_DAYS), pub, "ref"),
            "publication",
            pub.isoformat(),
        )
    return Hit(s, e, "DATE", cal.unresolved(value))
