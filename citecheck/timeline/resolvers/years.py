"""Years, decades, centuries, quarters and halves: "2025", "the 1990s", "the third quarter", "Q3"."""

from __future__ import annotations

import datetime as dt

from .. import calendar as cal
from ..dates import month_in, reported_quarter, year_for_month, year_in
from ..narrative import Hit, Narrative
from ..registry import resolves
from ..tense import speaks_of_future, tense


@resolves("quarter")
def resolve_quarter(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    lower = span.lower()
    w = nar.language.words
    is_half = lower.endswith(w.half) or f" {w.half}" in lower or f"-{w.half}" in lower
    ordinal = nar.language.cues.quarter_ordinal.search(lower)
    words = {w.term(word) for word in nar.language.cues.span_word.findall(lower)}  # in the resolvers' terms
    modifiers = words & {
        "the", "this", "last", "next", "latest", "current", "previous", "prior", "past", "coming", "fiscal",
        "calendar", "same", "year-ago", "year-earlier", "recent", "just-ended", "just-completed", "year",
    }  # fmt: skip
    if ordinal is None and not modifiers:
        return None  # "quarter" alone is a fraction
    if ordinal is None and (
        any(text[e : e + len(after)].lower() == after for after in w.fraction_after)
        or text.startswith(w.measure_after, e)
    ):
        return None  # "the quarter of the votes", "a quarter century"
    if is_half and ordinal is None and not words & {"first", "second"}:
        return None  # "the half" is no date
    y = year_in(span, nar.language)
    pub = nar.published
    named = month_in(span, nar.language) if "quarter" in words and ordinal is None else None
    if named is not None:
        # "the December quarter" (companies with a fiscal year name quarters by their last month)
        n = (named - 1) // 3 + 1
        if y is None:
            y = year_for_month(named, nar, tense(text, s, e, nar.language), "")
        if y is None:
            return Hit(s, e, "DATE", cal.unresolved(f"XXXX-Q{n}", "quarter"))
        return Hit(s, e, "DATE", cal.quarter(y, n), "publication")
    if y is None and pub is None:
        return Hit(s, e, "DATE", cal.unresolved("XXXX-QX", "quarter"))
    if y is None:
        assert pub is not None
        y = pub.year
        if w.last_year in lower or "year-ago" in words or "year-earlier" in words or w.year_ago in lower:
            y -= 1
        elif w.next_year in lower:
            y += 1
    final = ordinal is not None and w.term(ordinal.group(1).lower()) == "final"
    if ordinal is not None and final and year_in(span, nar.language) is not None:
        return Hit(s, e, "DATE", cal.quarter(y, 4), None)  # "the final quarter of 2013"
    if ordinal is not None and not final:
        n = nar.language.words.ordinals[ordinal.group(1).lower()]
        if is_half:
            return Hit(s, e, "DATE", cal.half(y, min(n, 2)), "publication")
        # a quarter not yet begun is last year's when the news reports results
        begun = pub is None or year_in(span, nar.language) or n <= cal.quarter_index(pub) or "next" in words
        if not begun and (
            nar.language.cues.ended_after.match(text, e) or not speaks_of_future(text, s, e, nar.language)
        ):
            y -= 1  # "earnings for the fourth quarter, which ended Dec. 31" is last year's, whatever is expected
        return Hit(s, e, "DATE", cal.quarter(y, min(n, 4)), "publication")
    if pub is None:
        return Hit(s, e, "DATE", cal.unresolved(f"{y:04d}-QX", "quarter"))
    # "the quarter", "the latest quarter": news reports the quarter just ended.
    q = cal.quarter_index(pub)
    if "period" in words and (reported := reported_quarter(nar)) is not None:
        return Hit(s, e, "DATE", reported, "previous-mention", reported.value)  # "the latest period"
    if words & {"current", "this"} and "last" not in words:
        reported = reported_quarter(nar)
        if (
            "this" in words
            and reported is not None
            and reported.value != cal.quarter(y, q).value
            and not speaks_of_future(text, s, e, nar.language)
        ):
            # "This quarter's loss includes ..." in a results story: the quarter reported on
            return Hit(s, e, "DATE", reported, "previous-mention", reported.value)
        return Hit(s, e, "DATE", cal.quarter(y, q), "publication")
    if "next" in words or "coming" in words:
        nxt = cal.add_months(dt.date(pub.year, 3 * q - 2, 1), 3)
        return Hit(s, e, "DATE", cal.quarter(nxt.year, cal.quarter_index(nxt)), "publication")
    ended = cal.add_months(dt.date(y, 3 * q - 2, 1), -3)
    return Hit(s, e, "DATE", cal.quarter(ended.year, cal.quarter_index(ended)), "publication")


@resolves("year_period")
def resolve_year_period(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    """ "the 1988 period" in results: the quarter reported on, in that year; else the year."""
    y = year_in(text[s:e], nar.language)
    if y is None:
        return None
    quarter = reported_quarter(nar)
    if quarter is None or quarter.begin is None:
        return Hit(s, e, "DATE", cal.year(y))
    return Hit(s, e, "DATE", cal.shift_period(quarter, "Y", y - quarter.begin.year), "previous-mention", quarter.value)


@resolves("q_short")
def resolve_q_short(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    q = int(span[1])
    y = year_in(span, nar.language) or (nar.published.year if nar.published else None)
    if y is None:
        return Hit(s, e, "DATE", cal.unresolved(f"XXXX-Q{q}", "quarter"))
    return Hit(s, e, "DATE", cal.quarter(y, q))


@resolves("decade")
def resolve_decade(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    digits = nar.language.cues.decade_digits.search(span)
    if digits is None:
        spelled = nar.language.cues.spelled_decade_in.search(span.lower())
        if spelled is None or spelled.group(0) not in nar.language.words.spelled_decades:
            return None
        tens = nar.language.words.spelled_decades[spelled.group(0)]
        pub_year = nar.published.year if nar.published else 1999
        first = (pub_year // 100) * 100 + tens  # "the nineties": this century's, unless still ahead
        return Hit(s, e, "DATE", cal.decade(first - 100 if first > pub_year else first))
    head = digits.group(1)
    if len(head) == 1 and nar.language.cues.temperature.search(text, max(0, s - 80), min(len(text), e + 12)):
        return None  # "temperatures would climb into the 90s": degrees, not a decade
    if len(head) == 1:
        if "'" not in span and not span.lower().startswith(nar.language.words.decade_openers):
            return None  # "in their 60s": an age
        first = (1900 if int(head) >= 3 else 2000) + int(head) * 10
    else:
        first = int(head) * 10
    return Hit(s, e, "DATE", cal.decade(first))


@resolves("century")
def resolve_century(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    lower = text[s:e].lower()
    ordinal = nar.language.cues.century_ordinal.search(lower)
    index: int | None = None
    if ordinal and ordinal.group(1):
        index = int(ordinal.group(1))
    elif ordinal and ordinal.group(2) in nar.language.words.ordinals:
        index = nar.language.words.ordinals[ordinal.group(2)]
    elif nar.published is not None:
        w = nar.language.words
        index = nar.published.year // 100 + 1 + (-1 if w.last in lower else 1 if w.next in lower else 0)
    if index is None:
        return None
    return Hit(s, e, "DATE", cal.century(index))


@resolves("spelled_year")
def resolve_spelled_year(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    """ "nineteen ninety-six", "the year two thousand" (broadcast transcripts)."""
    y = nar.language.spelled_year(text[s:e])
    if y is None or nar.language.cues.count_noun.match(text, e):
        return None
    return Hit(s, e, "DATE", cal.year(y))


@resolves("year")
def resolve_year(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    y = year_in(span, nar.language)
    if y is None:
        return None
    if nar.language.cues.count_noun.match(text, e) or nar.language.cues.not_a_year_before.search(
        text[max(0, s - 10) : s]
    ):
        return None
    return Hit(s, e, "DATE", cal.year(y))
