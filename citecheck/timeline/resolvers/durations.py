"""Durations and sets: "three weeks", "two hours and 20 minutes", "every Monday", "weekly"."""

from __future__ import annotations

from .. import calendar as cal
from ..dates import month_in
from ..narrative import Hit, Narrative
from ..quantities import duration_value, unit_and_count
from ..registry import resolves
from .offsets import resolve_relative


@resolves("duration")
def resolve_duration(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    span = text[s:e]
    lower = span.lower()
    w = nar.language.words
    age = w.age
    if lower.endswith(age) or text[e : e + 1 + len(age)].lower() == f" {age}" or text.startswith(f"-{age}", e):
        return None  # an age, not a time
    compound = nar.language.cues.hours_and_minutes.search(lower)
    if compound is not None and (hours := nar.language.number(compound.group(1))) is not None:
        # "four hours and 20 minutes", a race time "2 hours, 6 minutes, 14 seconds"
        seconds = f"{compound.group(3)}S" if compound.group(3) else ""
        value = f"PT{hours}H{int(compound.group(2))}M{seconds}"
        return Hit(s, e, "DURATION", cal.unresolved(value, "duration"))
    unit, n, has_count = unit_and_count(span, nar.language)
    words = lower.split()
    if not has_count:
        if words[0] == w.recent:
            return Hit(s, e, "DATE", cal.unresolved("PAST_REF"))
        if len(words) == 1 and not nar.language.cues.count_words_before_unit.search(text[max(0, s - 12) : s]):
            return None  # "days" alone is only a duration after "for", "in", "within"...
        if (
            lower == w.record_unit
            and text[max(0, s - len(w.the) - 1) : s].lower() == f"{w.the} "
            and text.startswith(w.record_after, e)
        ):
            return None  # "the minutes of the meeting": a record, not a time
    first = words[0]
    if unit == "2W" and not has_count:
        return Hit(s, e, "DURATION", cal.unresolved("P2W", "duration"))  # "the past fortnight"
    if nar.language.cues.indefinite_article.match(lower) and unit == "S":
        return None  # "a second time"
    if nar.language.cues.per_hour.match(lower) and nar.language.cues.speed_before.search(text, max(0, s - 16), s):
        return None  # "80 kilometres an hour": a speed
    if nar.language.cues.a_quarter.match(lower) or (
        unit == "Q" and (not has_count or "-" in lower or nar.language.cues.fraction_of.match(text, e))
    ):
        return None  # a fraction: "a quarter", "three-quarters of a point"
    if nar.language.cues.per_unit.match(lower) and nar.language.cues.money_or_rate.search(text[max(0, s - 30) : s]):
        return Hit(s, e, "SET", cal.unresolved(duration_value(1, unit), "set"))
    if (
        w.term(first) in ("the", "past", "last", "previous")
        and has_count
        and n == 1
        and unit in ("W", "M", "Y")
        and len(words) <= 3
    ):
        # "the past year" is the year before publication, as TempEval annotates it
        return resolve_relative(text, s, e, nar) if nar.language.cues.past_in.search(lower) else None
    return Hit(s, e, "DURATION", cal.unresolved(duration_value(n, unit), "duration"))


@resolves("set")
def resolve_set(text: str, s: int, e: int, nar: Narrative) -> Hit | None:
    lower = text[s:e].lower()
    if nar.language.words.term(lower) == "quarterly":
        return None  # "quarterly results": an adjective, not a recurrence
    if lower in nar.language.words.adverb_sets:
        return Hit(s, e, "SET", cal.unresolved(nar.language.words.adverb_sets[lower], "set"))
    found = nar.language.cues.set_unit.search(lower)
    if found is None:
        return None
    word = found.group(1).lower()
    if word in nar.language.words.weekdays:
        return Hit(s, e, "SET", cal.unresolved(f"XXXX-WXX-{nar.language.words.weekdays[word] + 1}", "set"))
    if word not in nar.language.words.units and month_in(lower, nar.language):
        return Hit(s, e, "SET", cal.unresolved(f"XXXX-{month_in(lower, nar.language):02d}", "set"))
    if word in nar.language.words.seasons:
        return Hit(s, e, "SET", cal.unresolved(f"XXXX-{nar.language.words.seasons[word]}", "set"))
    if word in nar.language.words.parts_of_day:
        return Hit(s, e, "SET", cal.unresolved(f"XXXX-XX-XXT{nar.language.words.parts_of_day[word]}", "set"))
    unit, n, _ = unit_and_count(lower, nar.language)
    if nar.language.words.other in lower:
        n = 2
    return Hit(s, e, "SET", cal.unresolved(duration_value(n or 1, unit), "set"))
