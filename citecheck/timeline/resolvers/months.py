"""Months and seasons: "March", "March 2025", "early March", "this summer", "that spring"."""

from __future__ import annotations

import datetime as dt

from .. import calendar as cal
from ..dates import month_in, relative_prefix, year_for_month, year_in
from ..languages import Language
from ..narrative import Hit, Narrative
from ..registry import resolves
from ..tense import reported_speech, sentence_around, tense, tense_cues


@resolves("month_year")
def resolve_month_year(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    m, y = month_in(span, nar.language), year_in(span, nar.language)
    if m is None or y is None:
        return None
    return Hit(s, e, "DATE", cal.month(y, m))


@resolves("month")
def resolve_month(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    relative, rest = relative_prefix(span, nar.language)
    m = month_in(rest, nar.language)
    if m is None:
        return None
    w = nar.language.words
    # "May" and "March" are also a modal and a verb/noun: only a date after a preposition or modifier.
    if (
        rest.startswith(w.ambiguous_months)
        and not relative
        and not nar.language.cues.may_context.search(text[max(0, s - 12) : s])
        and not (rest.startswith(w.verb_months) and text[max(0, s - len(w.for_before)) : s].lower() == w.for_before)
        and not nar.language.cues.scheduled_for.search(text[max(0, s - 24) : s])
        and not (rest.startswith(w.verb_months) and nar.language.cues.month_as_subject.match(text, e))
        and not nar.language.cues.month_range_after.match(text, e)
    ):
        return None  # "for May" is as often Theresa May as the month; "scheduled for May" is the month
    if relative in ("early", "late", "mid", "earlier", "later"):
        relative = ""
    lower = rest.lower()
    if nar.published is not None and lower.endswith(w.year):  # "July last year"
        step = -1 if w.last_year in lower else 1 if w.next_year in lower else 0
        return Hit(s, e, "DATE", cal.month(nar.published.year + step, m), "publication", nar.published.isoformat())
    when_said = tense(text, s, e, nar.language)
    if when_said is None and nar.language.cues.by_before.search(text, max(0, s - 20), s):
        when_said = "future"  # "to absorb the costs by December"
    if when_said == "past" and reported_speech(text, s, e, nar.language):
        when_said = None  # "told companies of a cutback in September" (said in August): the coming one
    elif when_said == "past" and term_runs_on(text, s, e, nar.language):
        when_said = "future"  # "has extended the loans through January": the term ends ahead
    y = year_for_month(m, nar, when_said, relative)
    if y is None:
        return Hit(s, e, "DATE", cal.unresolved(f"XXXX-{m:02d}", "month"))
    assert nar.published is not None
    return Hit(s, e, "DATE", cal.month(y, m), "publication", nar.published.isoformat())


def term_runs_on(text: str, s: int, e: int, language: Language) -> bool:
    """ "through/until <month>" governed by a present perfect ("has extended the credit line through
    January"): a term running from the past into the future, so the month is the coming one. A
    simple past ("had bought shares through September") stays in the past."""
    if language.cues.term_end_before.search(text, max(0, s - 12), s) is None:
        return False
    before, _ = sentence_around(text, s, e, language)
    cues = tense_cues(before, language)
    return bool(cues) and language.cues.perfect_before.search(before, max(0, cues[-1][0] - 20), cues[-1][0]) is not None


@resolves("season")
def resolve_season(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    lower = span.lower()
    word = nar.language.cues.season_in.search(lower)
    if word is None:
        return None
    w = nar.language.words
    code = w.seasons[word.group()]
    prefix = w.term(lower[: word.start()].strip())  # in the resolvers' terms: "the following", "last"
    y = year_in(span, nar.language)
    if not prefix and y is None and code in ("SP", "FA"):
        return None  # "spring" and "fall" alone are mostly not seasons
    if prefix in ("the", "") and y is None and text[e : e + len(w.of_after)].lower() == w.of_after:
        return None  # "the fall of Rome"
    at = s + word.start()
    if (
        y is None
        and text[at].isupper()
        and text[max(0, at - 12) : at].rstrip(" \"“‘'(")[-1:] not in ("", ".", "!", "?", "\n")
    ):
        return None  # the drama "Winter Tenants", "the Summer Olympics": a capital mid-sentence is a name
    if y is None and prefix in ("that", "the following", "the previous", "the preceding"):
        return narrative_season(s, e, code, prefix, nar)
    if y is None:
        pub = nar.published
        if pub is None:
            return Hit(s, e, "DATE", cal.unresolved(f"XXXX-{code}", "season"))
        now = season_year(pub)
        current_code = season_code(pub)
        # the order within a season-year: the winter of 2025 runs into 2026, after the fall of 2025
        order = ["SP", "SU", "FA", "WI"]
        ahead = order.index(code) > order.index(current_code)
        relative = prefix.replace("the ", "").strip()
        if relative in ("last", "past", "this past"):
            y = now if order.index(code) < order.index(current_code) else now - 1
        elif relative in ("next", "coming", "this coming"):
            y = now if ahead else now + 1
        elif relative == "this" and code != "WI":
            # "this summer" said in February is the summer of that calendar year, though February
            # still belongs to the last season-year's winter; in December a future one is next year's
            y = pub.year + (pub.month == 12 and tense(text, s, e, nar.language) == "future")
        elif relative == "this" or ((said := tense(text, s, e, nar.language)) != "future" and not ahead):
            y = now
        elif said == "future" or (said is None and nar.language.cues.by_before.search(text, max(0, s - 20), s)):
            y = now if ahead or code == current_code else now + 1
        else:
            y = now - 1 if ahead else now
    return Hit(s, e, "DATE", cal.season(y, code), "publication" if not year_in(span, nar.language) else None)


def narrative_season(s: int, e: int, code: str, prefix: str, nar: Narrative) -> Hit:
    """ "That summer", "the following spring": the season of, after or before the story's last date."""
    anchor = nar.last_any
    if anchor is None or anchor.begin is None:
        return Hit(s, e, "DATE", cal.unresolved(f"XXXX-{code}", "season"))
    order = ["SP", "SU", "FA", "WI"]
    y = season_year(anchor.begin) if anchor.grain != "year" else anchor.begin.year
    if prefix == "the following":
        y += anchor.grain == "year" or order.index(code) <= order.index(season_code(anchor.begin))
    elif prefix != "that":
        y -= anchor.grain == "year" or order.index(code) >= order.index(season_code(anchor.begin))
    return Hit(s, e, "DATE", cal.season(y, code), "previous-mention", anchor.value)


def season_code(d: dt.date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


def season_year(d: dt.date) -> int:
    """The year a season is named by: January 2026 is in the winter of 2025."""
    return d.year - 1 if d.month <= 2 else d.year
