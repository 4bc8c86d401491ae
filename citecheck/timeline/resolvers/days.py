"""Days and weekdays: "March 4", "4 March", ISO and slashed dates, "Monday", "today", "the week of"."""

from __future__ import annotations

import datetime as dt

from ...models import Anchor
from .. import calendar as cal
from ..calendar import Period
from ..dates import (
    YEAR_IN,
    anchor_for,
    day_tense,
    month_in,
    relative_prefix,
    safe_date,
    weekday_date,
    year_for_day,
    year_in,
)
from ..languages import Language
from ..narrative import Hit, Narrative
from ..registry import resolves
from ..tense import tense_cues, tense_reading


@resolves("month_day")
def resolve_month_day(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    m = month_in(span, nar.language)
    if m is None:
        return None
    after_month = span[nar.language.cues.month_in.search(span).end() :]  # type: ignore[union-attr]
    day_numbers = [int(x.group(1)) for x in nar.language.cues.day_in.finditer(YEAR_IN.sub(" ", after_month))]
    if not day_numbers:
        return None
    return day_hit(text, s, e, span, m, day_numbers, nar)


@resolves("day_month")
def resolve_day_month(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    m = month_in(span, nar.language)
    found = nar.language.cues.month_in.search(span)
    if m is None or found is None:
        return None
    day_numbers = [int(x.group(1)) for x in nar.language.cues.day_in.finditer(span[: found.start()])]
    if not day_numbers:
        return None
    start = s
    article = nar.language.cues.leading_article.match(span)
    if article is not None and not nar.language.cues.article_kept.search(span):
        # "the 4th of March" is one expression; in "the 4 March election" the article is the noun's
        rest = span[article.end() :]
        start = s + article.end() + len(rest) - len(rest.lstrip())
    return day_hit(text, start, e, span, m, day_numbers[-1:], nar)


def day_hit(text: str, s: int, e: int, span: str, m: int, day_numbers: list[int], nar: Narrative) -> Hit | None:
    y = year_in(span, nar.language)
    anchor: Anchor | None = None
    if y is None:
        y = year_for_day(m, day_numbers[0], nar, day_tense(text, s, e, nar.language))
        anchor = "publication" if y is not None else None
    if y is None:
        value = f"XXXX-{m:02d}-{day_numbers[0]:02d}"
        return Hit(s, e, "DATE", cal.unresolved(value, "day"))
    first = safe_date(y, m, day_numbers[0])
    if first is None:
        return None
    last = safe_date(y, m, day_numbers[-1]) if len(day_numbers) > 1 else first
    period = cal.days(first, last) if last is not None and last >= first else cal.day(first)
    return Hit(s, e, "DATE", period, anchor, nar.published.isoformat() if anchor and nar.published else None)


@resolves("iso")
def resolve_iso(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    d = safe_date(int(span[:4]), int(span[5:7]), int(span[8:10]))
    if d is None:
        return None
    if len(span) > 10:
        return Hit(s, e, "TIME", Period(span, d, d, "time"))
    return Hit(s, e, "DATE", cal.day(d))


@resolves("slash")
def resolve_slash(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    m, d, y = (int(x) for x in text[s:e].split("/"))
    if y < 100:
        y += 2000 if y < 40 else 1900
    when = safe_date(y, m, d)
    return Hit(s, e, "DATE", cal.day(when)) if when else None


@resolves("weekday")
def resolve_weekday(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    narrative = nar.language.cues.narrative_weekday.match(span)
    if narrative is not None:
        word = nar.language.words.term(narrative.group(1).lower())
        return narrative_weekday(s, e, span[narrative.end() :], word, nar)
    relative, rest = relative_prefix(span, nar.language)
    name = nar.language.cues.weekday_in.search(rest)
    if name is None:
        return None
    weekday = nar.language.words.weekdays[name.group(1).lower()]
    if rest.startswith(nar.language.words.plural, name.end()):  # "Sundays": a set
        return Hit(s, e, "SET", cal.unresolved(f"XXXX-WXX-{weekday + 1}"))
    if relative in ("early", "late", "earlier", "later"):
        relative = ""
    if nar.published is None:
        return Hit(s, e, "DATE", cal.unresolved(f"XXXX-WXX-{weekday + 1}", "day"))
    when = weekday_date(weekday, relative, weekday_ahead(text, s, e, nar.language), nar.published)
    # "Friday night": TempEval annotators mostly value it as the day, and the day is what a check needs.
    return Hit(s, e, "DATE", cal.day(when), "publication", nar.published.isoformat())


def weekday_ahead(text: str, s: int, e: int, language: Language) -> bool:
    """A bare weekday is the coming one when the sentence looks ahead; also when its verb is a present
    ("Talks resume Monday", "The board is meeting Thursday": news uses the present only for what is
    scheduled, so a sentence without any tense cue is read so) or a copula ("The vote is Tuesday,
    and leaders said ..."). A possessive ("Thursday's closing price") stays with the last one."""
    if language.cues.copula_before.search(text, max(0, s - 12), s):
        return True
    if language.cues.close_before.search(text, max(0, s - 30), s):
        return False  # "a premium to the closing price on Wednesday": a price already set
    said, before, last = tense_reading(text, s, e, language)
    possessive = text.startswith(language.words.possessive, e)
    if said == "future" and possessive:
        # "said they would look for ways around Wednesday's ruling": the ruling is past; "would" looks
        # ahead from the saying, not from the day that names an event
        return not (last is not None and before[last[0] :].lower().startswith(language.tense.conditional))
    if said is not None:
        return said == "future"
    if possessive:
        return False
    # No cue in the usual window: a long sentence may still hold its past verb further back ("may have
    # been responsible for ..., and for a drop in ... trading on Wednesday").
    lo = max(0, s - 480)
    ends = [m.end() for m in language.tense.sentence_end.finditer(text, lo, s + 1) if m.end() <= s]
    return not any(when == "past" for _, when in tense_cues(text[ends[-1] if ends else lo : s], language))


def narrative_weekday(s: int, e: int, rest: str, word: str, nar: Narrative) -> Hit | None:
    """ "the previous Friday", "the following Monday": counted from the narrative's day."""
    name = nar.language.cues.weekday_in.search(rest)
    if name is None:
        return None
    weekday = nar.language.words.weekdays[name.group(1).lower()]
    anchor, how = anchor_for("D", nar)
    if anchor is None or anchor.begin is None:
        return Hit(s, e, "DATE", cal.unresolved(f"XXXX-WXX-{weekday + 1}", "day"))
    if word in ("previous", "preceding"):
        when = cal.weekday_on_or_before(anchor.begin - cal.ONE_DAY, weekday)
    else:
        when = cal.weekday_on_or_after(anchor.begin + cal.ONE_DAY, weekday)
    return Hit(s, e, "DATE", cal.day(when), how, anchor.value)


@resolves("named_day")
def resolve_named_day(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    lower = text[s:e].lower()
    pub = nar.published
    words = nar.language.words
    delta = next((delta for word, delta in words.day_offsets.items() if word in lower), 0)
    part = nar.language.cues.part_in.search(lower)
    code = words.parts_of_day[part.group(1)] if part and lower != words.tonight else None
    if pub is None:
        return Hit(s, e, "TIME" if code else "DATE", cal.unresolved("XXXX-XX-XX", "day"))
    when = pub + dt.timedelta(days=delta)
    if lower == words.overnight:  # the night before the day the story stands on
        day_ = nar.last_day.begin if nar.last_day is not None and nar.last_day.begin is not None else pub
        # a story standing on yesterday ("burst its banks on Sunday", published Monday) still means
        # last night: the night between the two days
        when = pub - cal.ONE_DAY if day_ >= pub - cal.ONE_DAY else day_ - cal.ONE_DAY
    if code:
        return Hit(s, e, "TIME", cal.part_of_day(when, code), "publication", pub.isoformat())
    return Hit(s, e, "DATE", cal.day(when), "publication", pub.isoformat())


@resolves("week_of")
def resolve_week_of(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    """ "the week of March 6": the ISO week holding that day."""
    span = text[s:e]
    of = nar.language.cues.week_of.search(span)
    if of is None:
        return None
    inner = resolve_month_day(text, s + of.end(), e, nar)
    if inner is None or inner.period.begin is None:
        return None
    return Hit(s, e, "DATE", cal.week_of(inner.period.begin), inner.anchor, inner.anchor_value)
