"""The scan: one pass of ``patterns.TIMEX`` over a text, each match handed to the resolver of its
kind, then the narrative pass: restatements and open ranges are dropped or joined, and the dates
the text mentions are remembered for "N days earlier" and "the next day".

Resolution follows HeidelTime's news conventions, which TempEval-3 scores against: bare weekdays
are the latest such day on or before publication (the next one when the sentence speaks of the
future), "last week" is the ISO week before publication's, "N units ago" counts back from
publication, and "N units earlier" from the last date the narrative mentioned.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from . import calendar as cal
from . import resolvers  # noqa: F401 - importing the families registers their resolvers
from .calendar import Period
from .dates import counted, widened, year_in
from .languages import Language
from .narrative import Hit, Narrative
from .patterns import timex
from .quantities import unit_and_count
from .registry import RESOLVERS

# Which dates the narrative remembers as "the last date mentioned".
REMEMBERED_GRAINS = {"day", "week", "weekend", "month", "quarter", "half", "season", "year", "time"}


def scan(text: str, nar: Narrative) -> list[Hit]:
    """Every temporal expression in one run of text, resolved in reading order."""
    hits: list[Hit] = []
    for match in timex(nar.language).finditer(text):
        kind = match.lastgroup
        if kind is None:
            continue
        try:
            hit = RESOLVERS[kind](text, match.start(), match.end(), nar)
        except (OverflowError, ValueError) as error:  # ValueError: dt.date's "year 0 is out of range"
            if isinstance(error, ValueError) and "out of range" not in str(error):
                raise
            hit = off_the_calendar(match.start(), match.end(), nar)
        if hit is None or hit.end <= hit.start:
            continue
        while hits and hit.start < hits[-1].end:
            hits.pop()  # "the quarter" of "the quarter a year ago": one expression, resolved as a whole
        if hits and (restated := restating(text, hits[-1], hit, nar.language)) is not None:
            hits[-1], hit = restated  # "the year-ago quarter, the second quarter ended Oct. 31"
            hits.append(hit)
            continue  # a comparison: the story does not move there
        hits.append(hit)
        remember(hit, nar, text)
    resolve_forward(text, hits, nar.language)
    if nar.published is not None:
        open_ended(text, hits, nar.published, nar.language)
    return hits


def off_the_calendar(s: int, e: int, nar: Narrative) -> Hit:
    """A mention whose date falls off the calendar (before year 1 or after 9999: "last week" in a
    story dated 0001-01-03): the calendar's end nearest the story's anchor, as the calendar's own
    arithmetic clamps. Only the few resolvers doing their own date arithmetic reach here."""
    anchor = nar.published or (nar.last_any.begin if nar.last_any else None)
    end = cal.FIRST_DAY if anchor is not None and anchor.year < 5000 else cal.LAST_DAY
    return Hit(
        s, e, "DATE", cal.day(end), "publication" if nar.published else None, anchor.isoformat() if anchor else None
    )


def restating(text: str, previous: Hit, hit: Hit, language: Language) -> tuple[Hit, Hit] | None:
    """A quarter in apposition to "the year-ago quarter" ("In the year-ago quarter, the second quarter
    ended Oct. 31, ...") names that quarter: both it and the day that ends it are a year back, and
    the year-ago quarter is the one named."""
    gap = text[previous.end : hit.start]
    p = hit.period
    if p.begin is None or year_in(text[hit.start : hit.end], language) is not None or len(gap) > 12:
        return None
    if (
        p.grain == "quarter"
        and language.cues.year_ago_span.search(text, previous.start, previous.end)
        and language.cues.appositive_gap.match(gap)
    ):
        moved = cal.shift_period(p, "Y", -1)
        return replace(previous, period=moved, anchor="following-mention", anchor_value=p.value), replace(
            hit, period=moved, anchor="previous-mention", anchor_value=previous.period.value
        )
    if (
        p.grain == "day"
        and previous.anchor == "previous-mention"
        and previous.period.grain == "quarter"
        and language.cues.ended_gap.match(gap)
        and language.cues.appositive_gap.search(text, max(0, previous.start - 8), previous.start)
        and previous.period.last is not None
        and p.begin.year > previous.period.last.year
    ):
        return previous, replace(hit, period=cal.shift_period(p, "Y", -1), anchor="previous-mention")
    return None


def open_ended(text: str, hits: list[Hit], published: dt.date, language: Language) -> None:
    """ "since Election Day", "weeks from Oct. 3": the interval meant runs from that day to publication.

    The value stays the day's (TimeML puts "since" outside the span, as a signal); ``last`` says
    the text speaks of everything after it, so no single later day contradicts it. "from X to Y"
    is a range, left alone.
    """
    for i, hit in enumerate(hits):
        p = hit.period
        if hit.type != "DATE" or p.begin is None or p.last is None or p.last >= published:
            continue
        if p.grain not in ("day", "week", "weekend") or not language.cues.since_before.search(
            text, max(0, hit.start - 12), hit.start
        ):
            continue
        if text[max(0, hit.start - 12) : hit.start].lower().rstrip().endswith(
            language.words.range_start
        ) and language.cues.range_end.match(text, hit.end):
            continue
        hits[i] = replace(hit, period=Period(p.value, p.begin, published, p.grain))


def remember(hit: Hit, nar: Narrative, text: str) -> None:
    period = hit.period
    if (
        hit.type == "DURATION"
        and nar.last_quarter is not None
        and nar.language.cues.results_span.match(text, hit.start, hit.end)
    ):
        if nar.language.cues.results_for.search(text[max(0, hit.start - 10) : hit.start]):
            if nar.last_quarter.begin is not None:
                nar.last_any = cal.year(nar.last_quarter.begin.year)  # the year the months belong to
            nar.last_quarter = None
        return
    if (
        hit.type == "DURATION"
        and hit.anchor == "previous-mention"
        and not hit.forward
        and period.begin is not None
        and period.begin == period.last
    ):
        # "Bulldozers arrived a week later ... the following day": the story moves to that day,
        # though TimeML tags "a week" as a duration
        nar.last_day = cal.day(period.begin)
        return
    if hit.type not in ("DATE", "TIME") or period.begin is None or period.grain not in REMEMBERED_GRAINS:
        return
    comparison = nar.language.cues.comparison.search(text, hit.start, hit.end) is not None
    if (period.grain not in ("day", "time") and (hit.anchor == "previous-mention" or comparison)) or (
        comparison and nar.language.words.year in text[hit.start : hit.end].lower()
    ):
        # "a year earlier" twice in a row means the same year, not two years back; "the year-ago
        # quarter" and "a year ago" are comparisons, not where the story now stands.
        return
    if period.grain in ("day", "time"):
        nar.last_day = period
        if nar.published is not None and period.begin > nar.published:
            nar.last_ahead = period
    if period.grain in ("quarter", "half"):
        nar.last_quarter = period
    nar.last_any = period


def resolve_forward(text: str, hits: list[Hit], language: Language) -> None:
    """ "a week after Trump and Zelenskyy butted heads ... on Oct. 17": the event's date comes after."""
    for i, hit in enumerate(hits):
        if not hit.forward:
            continue
        for later in hits[i + 1 :]:
            between = text[hit.end : later.start]
            if language.tense.sentence_end.search(between):
                break
            if later.type == "DATE" and later.period.grain == "day" and later.period.begin is not None:
                word = re.match(r"\s*(\w+)", text[hit.end :])
                direction = -1 if word and word.group(1).lower() in language.words.counting_back else 1
                span = text[hit.start : hit.end]
                unit, n, _ = unit_and_count(span, language)
                p = widened(counted(later.period, unit, n, direction, point=True), unit, span, language)
                hits[i] = replace(
                    hit,
                    period=Period(hit.period.value, p.begin, p.last, "duration"),
                    anchor="following-mention",
                    anchor_value=later.period.value,
                )
                break
