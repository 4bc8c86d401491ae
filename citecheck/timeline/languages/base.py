"""What a language brings to the chronology, and the tools to write it down.

A language is a set of tables (``en.py``): its words for times (months, weekdays, numbers, units,
holidays), the veto lists that tell a time word from the name of a thing, and its rule table, one
regular expression per kind of expression, tried in order at each word start. ``patterns.timex``
builds the scan's one pattern from a language's rule table and the words that can start a rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of expression: what it reads (tested: each example is read whole as this kind, no
    ``not_examples`` is), and its regular expression."""

    kind: str  # names the resolver that reads the span (``registry.resolves``)
    examples: tuple[str, ...]
    pattern: str
    not_examples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class Words:
    """The words a resolver looks a matched span's words up in, lower-case. The meanings are the
    resolvers' own terms: numbers, TIMEX3 codes, and for ``relatives`` the English words they test."""

    months: Mapping[str, int]  # month names and abbreviations -> 1..12
    weekdays: Mapping[str, int]  # weekday names and abbreviations -> 0 (Monday)..6
    numbers: Mapping[str, int]  # number words -> their value ("two" -> 2, "dozen" -> 12)
    ordinals: Mapping[str, int]  # ordinals, spelled and in figures -> their value ("third", "3rd" -> 3)
    units: Mapping[str, str]  # unit words, singular -> TIMEX3 unit ("week" -> "W", "decade" -> "DE")
    seasons: Mapping[str, str]  # season words -> TIMEX3 season ("summer" -> "SU")
    parts_of_day: Mapping[str, str]  # part-of-day words -> TIMEX3 part of day ("morning" -> "MO")
    spelled_decades: Mapping[str, int]  # decades in words -> their tens ("nineties" -> 90)
    references: Mapping[str, str]  # words for now, the past, the future -> TIMEX3 ("recently" -> "PAST_REF")
    adverb_sets: Mapping[str, str]  # adverbs of recurrence -> TIMEX3 period ("weekly" -> "P1W")
    # Words that place a weekday or month ("last", "this coming", "the following"), single-spaced ->
    # the resolvers' term for it ("last", "this coming", "following"): how a rule's prefix is read.
    relatives: Mapping[str, str]


@dataclass(frozen=True, slots=True, eq=False)
class Tense:
    """What tells a sentence that speaks of the past from one that speaks of the future (``tense.py``):
    HeidelTime's ContextAnalyzer as tables. Patterns ending in ``$`` are searched in the text just
    before a cue or mention, those starting with ``\\s`` matched just after it."""

    sentence_end: re.Pattern[str]  # where a sentence ends (a title's or a clock's full stop does not)
    # The tense cues, one named group each: "future", "past", "pastfuture" ("had been due to").
    cue: re.Pattern[str]
    same_as_base: frozenset[str]  # past forms that are also the base form ("hit", "cut")
    modal_before: re.Pattern[str]  # a modal before a base form ("will hit", "to cut")
    noun_before: re.Pattern[str]  # a determiner before a noun that looks like a verb ("a sharp cut")
    noun_after: re.Pattern[str]  # a preposition after such a noun ("a cut in rates")
    passive_before: re.Pattern[str]  # a present passive's auxiliary ("is heard")
    scheduled_present: re.Pattern[str]  # verbs whose present speaks of a schedule ("begins", "opens")
    present_aux: frozenset[str]  # present auxiliaries ("is expected to": looks ahead)
    not_a_verb_before: re.Pattern[str]  # words before an "-ed" adjective ("an unspecified date")
    final_before: re.Pattern[str]  # a determiner that makes "last" mean final ("the last show")
    modal_verb_before: re.Pattern[str]  # a modal and its verb before an "-ed" adjective ("will publish updated")
    intent_noun: re.Pattern[str]  # intent words that are nouns before "to" ("offers to")
    determiner_before: re.Pattern[str]  # a determiner before such a noun ("their offers to")
    to_have_before: re.Pattern[str]  # a perfect infinitive ("hope to have it contained")
    intent_past: re.Pattern[str]  # a past verb of intent ("agreed", "promised")
    when_after: re.Pattern[str]  # a "when" clause after the mention ("until Wednesday, when ...")
    speech_verbs: frozenset[str]  # verbs of saying, whose object's tense they do not fix


@dataclass(frozen=True, slots=True, eq=False)
class Cues:
    """What the words around a span, or inside it, say about it: compiled patterns, each read by one
    module or resolver family (named in brackets). Those ending in ``$`` are searched in the text
    just before the span, those starting with ``\\s`` matched just after it."""

    # Inside a span: its parts (dates.py, resolvers).
    day_in: re.Pattern[str]  # a day of the month, group 1 ("14", "14th")
    month_in: re.Pattern[str]  # a month name, group 1 (a key of ``Words.months``)
    weekday_in: re.Pattern[str]  # a weekday name, group 1 (a key of ``Words.weekdays``)
    part_in: re.Pattern[str]  # a part of the day, group 1 ("morning")
    spelled_year_in: re.Pattern[str]  # a year in words ("nineteen ninety-six")
    relative_prefix: re.Pattern[str]  # a placing word before a weekday or month, group 1 ("last", "this coming")
    # Around a span (dates.py).
    compared: re.Pattern[str]  # a comparison in the sentence ("compared with $3 million last year")
    since_before: re.Pattern[str]  # "since" / "from" just before a date
    # Quantities (quantities.py).
    unit_of_word: re.Pattern[str]  # a unit word, group 1 ("weeks" -> "week")
    quantity_of: re.Pattern[str]  # the count before a unit, group 1 ("two", "a couple of")
    hedge_words: re.Pattern[str]  # leading hedges and modifiers a count is read without ("nearly", "the past")
    straight: re.Pattern[str]  # words between a count and its unit ("three straight weeks")
    count_noun: re.Pattern[str]  # a count of things after a number ("2,000 people"): no year, no duration
    money_or_rate: re.Pattern[str]  # money or a rate before "a day" ("$5 a day"): a recurrence
    # The narrative pass (scan.py).
    year_ago_span: re.Pattern[str]  # "the year-ago quarter"
    appositive_gap: re.Pattern[str]  # a comma between two names of one period ("..., the second quarter")
    ended_gap: re.Pattern[str]  # "ended" between a period and its last day
    range_end: re.Pattern[str]  # the second half of a range after a date ("to", "through")
    comparison: re.Pattern[str]  # a comparison inside a span ("year-ago", "a year earlier")
    results_span: re.Pattern[str]  # results for several months ("the nine months")
    # Clock times (resolvers/clock.py).
    clock_in: re.Pattern[str]  # hour, minute and meridiem letter of a clock time
    date_after_clock: re.Pattern[str]  # the day named after a clock time ("at 9 a.m. on March 3")
    weekday_after_clock: re.Pattern[str]  # the weekday named after a clock time ("at 9 a.m. on Monday")
    # Days (resolvers/days.py).
    narrative_weekday: re.Pattern[str]  # a weekday counted from the story's day ("the following Monday")
    copula_before: re.Pattern[str]  # a copula before a weekday ("the vote is Tuesday"): the coming one
    close_before: re.Pattern[str]  # a closing price before a weekday: the last one
    # Durations and sets (resolvers/durations.py).
    count_words_before_unit: re.Pattern[str]  # what makes a bare unit a duration ("for days")
    fraction_of: re.Pattern[str]  # "of a" after "a quarter": a fraction
    speed_before: re.Pattern[str]  # a distance before "an hour": a speed
    hours_and_minutes: re.Pattern[str]  # "two hours and 20 minutes"
    set_unit: re.Pattern[str]  # what recurs in a set ("every Monday", "each summer"), group 1
    # Holidays (resolvers/holidays.py).
    holiday_name: re.Pattern[str]  # the placing words before a holiday's name ("last", "the day after")
    # Months and seasons (resolvers/months.py).
    may_context: re.Pattern[str]  # words before "May" / "March" that make them a month ("in May")
    scheduled_for: re.Pattern[str]  # "scheduled for" before a month
    month_as_subject: re.Pattern[str]  # a verb after a month that makes it a subject ("March begins")
    month_range_after: re.Pattern[str]  # a second month after it ("May to July")
    term_end_before: re.Pattern[str]  # "through" / "until" before a month: a term's end
    perfect_before: re.Pattern[str]  # a present perfect's auxiliary ("has extended")
    by_before: re.Pattern[str]  # a deadline before a month or season ("by the end of")
    # Relative and anchored expressions (resolvers/offsets.py).
    same_period_before: re.Pattern[str]  # "the corresponding period" before "last year"
    period_ended: re.Pattern[str]  # a period named by its last day ("the quarter ended Sept. 30")
    apposition: re.Pattern[str]  # a date and a comma before "the day before": a restatement
    event_after: re.Pattern[str]  # a noun phrase after "the day before" ("the day before the crash")
    year_back: re.Pattern[str]  # "last year" inside "the same month last year"
    count_after: re.Pattern[str]  # a count after "the past" ("the past two seasons")
    # Years, quarters, decades (resolvers/years.py).
    quarter_ordinal: re.Pattern[str]  # which quarter, group 1 ("third", "3rd", "final")
    ended_after: re.Pattern[str]  # "which ended" after a quarter: a past one
    temperature: re.Pattern[str]  # temperatures near "the 90s": degrees, not a decade


@dataclass(frozen=True, slots=True, eq=False)
class Language:
    """A language's tables: its rule table, as the scan needs it, and what its resolvers read.

    Compared and hashed by identity: the scan caches its pattern per language (``patterns.timex``).
    """

    code: str  # BCP 47, as a page's lang attribute writes it
    # Most specific first: at a word start, the first rule that matches wins.
    rules: tuple[Rule, ...]
    # Every word that can begin an expression: the scan tries the rules only where one starts.
    starters: tuple[str, ...]
    words: Words
    tense: Tense
    cues: Cues
    number: Callable[[str], int | None]  # a count in words or figures: "twenty-four" -> 24, "a few" -> None
    spelled_year: Callable[[str], int | None]  # a year in words: "nineteen ninety-six" -> 1996


Trie = dict[str, "Trie"]


def trie_pattern(words: tuple[str, ...], fold: bool = True) -> str:
    """A prefix-factored alternation: the regex engine skips a branch on its first character.

    ``fold``: letters match either case (``[aA]``); without it, for use inside ``(?i:...)``.
    """
    tree: Trie = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: Trie) -> str:
        ends = "" in node
        branches = [
            (f"[{c}{c.upper()}]" if fold and c.isalpha() else c) + emit(sub) for c, sub in sorted(node.items()) if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + ("?" if ends else "")

    return emit(tree)
