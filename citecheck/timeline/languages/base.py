"""What a language brings to the chronology, and the tools to write it down.

A language is a set of tables (``en.py``): its rule table, one regular expression per kind of
expression, tried in order at each word start (``patterns.timex`` builds the scan's one pattern
from it and the words that can start a rule); its words (``Words``: months, weekdays, numbers,
units, seasons, the words a resolver tests a span for, and ``terms``, its placing and signal words
in the resolvers' terms); what tells past from future in a sentence (``Tense``); and the context
cues (``Cues``) the resolvers read around a span. Every field is required, so mypy rejects a
language that leaves one out.
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


# A language's tables: every field by name, read-only. No repr (some 170 fields of words and
# patterns), compared by identity (the scan caches a pattern per language).
@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
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
    # The language's placing and signal words, lower-case and single-spaced -> the resolvers' term for
    # them: the resolvers test English words ("last", "the following", "ago", "final"); a word not
    # in the table is taken as it is (English's table lists the terms themselves).
    terms: Mapping[str, str]
    # Days counted from publication, tested in this order (the longest first): "yesterday" -> -1.
    day_offsets: Mapping[str, int]
    tonight: str  # the part of the day that names today's night, valued as the day ("tonight")
    overnight: str  # the night before the story's day ("overnight")
    noon: str  # midday as a clock time ("noon")
    midnight: str  # midnight as a clock time ("midnight")
    meridiems: Mapping[str, str]  # ``Cues.clock_in``'s meridiem letter -> "am" / "pm"
    plural: str  # the ending that makes a weekday a recurrence ("s": "Sundays")
    possessive: tuple[str, ...]  # possessive endings after a name ("'s": "Thursday's closing price")
    half: str  # a half in a count ("two and a half years")
    year: str  # the word year: a comparison naming it ("a year earlier") does not move the story
    range_start: str  # the word that opens a range ("from" in "from Oct. 3 to Oct. 9")
    counting_back: frozenset[str]  # words after a duration that count back from the event ("a week before")
    # Words the resolver families test a span (or the text right after it) for.
    the: str  # the definite article ("the year ended Sept. 30", "the minutes of the meeting")
    last: str  # "last" in a span ("last century", "last year-end")
    next: str  # "next" in a span ("next century")
    last_year: str  # "July last year", "the second quarter last year"
    next_year: str  # "July next year"
    year_ago: str  # "the quarter a year ago"
    end_suffix: str  # a year's end ("by year's end"), with its space
    year_end: str  # "year-end": the last day of the year
    earlier_this: str  # "earlier this month": up to publication
    earlier: str  # "earlier" with its space: a period up to publication
    later_this: str  # "later this year": from publication on
    anchor_signals: tuple[str, ...]  # signals after "the day" that name the event ("the day before the crash")
    the_same: str  # "the same month last year"
    the_past: str  # "the past", a reference unless a count follows
    recent_words: frozenset[str]  # references that cover the days before publication ("recently")
    fraction_after: tuple[str, ...]  # after "quarter", lower-case: a fraction ("a quarter of", "a quarter century")
    measure_after: tuple[str, ...]  # after "quarter", as written: a measure ("a quarter inch")
    decade_openers: tuple[str, ...]  # what makes "the 60s" a decade, not an age ("the", "early")
    week_suffix: str  # a holiday's week ("Easter week"), with its space
    weekend_suffix: str  # a holiday's weekend ("Labor Day weekend"), with its space
    bare_holidays: frozenset[str]  # holidays named alone, days only after a preposition ("on Christmas")
    holiday_keys: Mapping[str, str]  # a holiday's name, lower-case -> the calendar's name (``calendar.holiday``)
    ambiguous_months: tuple[str, ...]  # month names that are other words too ("May", "March"), as written
    verb_months: tuple[str, ...]  # of those, the ones that are a verb or noun, not a name ("March")
    for_before: str  # "for " before such a month: the month ("for March")
    of_after: str  # " of " after a season: a fall, not autumn ("the fall of Rome")
    age: str  # "old" after a duration: an age ("three years old")
    recent: str  # "recent" opening a span without a count ("recent years"): the past
    record_unit: str  # a unit that is also a record ("the minutes of the meeting")
    record_after: tuple[str, ...]  # what follows it then (" of ", " fro"), as written
    other: str  # "other" in a set ("every other Monday"): every second one

    def term(self, word: str) -> str:
        """The resolvers' term for a placing or signal word ("letzten" -> "last"; English: itself)."""
        return self.terms.get(word, word)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
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
    word: re.Pattern[str]  # a word or a number, to count how far back a verb of saying stands
    # Words the cue logic tests one by one.
    framing: tuple[str, ...]  # future cues that frame a past story when they open it ("until", "till")
    scheduled_initials: str  # the first letters of ``scheduled_present``'s verbs (a cheap test before the pattern)
    infinitive: str  # the infinitive's marker, with its space ("to "): "hard to meet demand" is no schedule
    final_words: frozenset[str]  # past cues that mean final after a determiner ("last")
    weak_past_suffix: str  # the regular past's ending ("ed"): a weak cue, often an adjective
    negative_prefix: str  # a prefix that makes such a word an adjective ("un": "unspecified")
    perfect_infinitive_hint: str  # a word ``to_have_before`` needs ("have "), tested first as it is cheaper
    set_for: str  # a fixed schedule phrase, with its spaces (" set for "): future after a present auxiliary
    set_for_adverbs: frozenset[str]  # adverbs between that auxiliary and it ("now", "still")
    contracted_aux: tuple[str, ...]  # endings that are a contracted present auxiliary ("'s")
    as_soon_as: str  # a conjunction whose clause's past form looks ahead ("as soon as")
    quote_marks: tuple[str, ...]  # the quotation marks, opening and closing (an odd count: inside a quote)
    closing_quotes: tuple[str, ...]  # the marks that close a quotation
    conditional: str  # the conditional auxiliary ("would"): looks ahead from the saying, not the day
    since: str  # "since" just before a day: that day is never after publication
    title_stop: str  # a regex fragment put right after "\\.": the full stop of a title ("Rep.") ends no sentence


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
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
    spelled_year_hint: re.Pattern[str]  # what a year in words holds ("twenty"): a cheap test before the one above
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
    # Words in a span or just around it, as one resolver family or another tests them.
    span_word: re.Pattern[str]  # a lower-case word of a span (a quarter's modifiers: "year-ago", "fiscal")
    leading_article: re.Pattern[str]  # an article opening a day-month span ("the 4 March election")
    week_of: re.Pattern[str]  # the words before the day in "the week of March 6"
    hedged: re.Pattern[str]  # a hedge opening a span ("nearly a week"): its interval is widened
    article_kept: re.Pattern[str]  # what keeps a leading article in a day-month span ("the 4th of March")
    indefinite_article: re.Pattern[str]  # an indefinite article opening a span ("a second time" is no duration)
    per_hour: re.Pattern[str]  # "an hour" opening a span: after a distance, a speed
    a_quarter: re.Pattern[str]  # "a quarter" opening a span: a fraction
    per_unit: re.Pattern[str]  # "a day" opening a span: after money or a rate, a recurrence
    past_in: re.Pattern[str]  # "past" in "the past year": the year before publication
    holiday_week: re.Pattern[str]  # "week" / "weekend" after a holiday's name
    holiday_preposition: re.Pattern[str]  # a preposition that makes a bare holiday name a day ("on Christmas")
    season_in: re.Pattern[str]  # a season's name (a key of ``Words.seasons``)
    relative_unit: re.Pattern[str]  # the unit of a relative expression, group 1 ("week" in "last week")
    relative_back: re.Pattern[str]  # a relative expression one unit back ("last week")
    relative_ahead: re.Pattern[str]  # a relative expression one unit ahead ("next week")
    offset_tail: re.Pattern[str]  # the word that ends an offset, group 1 ("ago", "later")
    anchored_unit: re.Pattern[str]  # the unit of an anchored expression, group 1 ("day" in "the next day")
    anchored_ahead: re.Pattern[str]  # an anchored expression one unit after the story's date ("the next day")
    anchored_back: re.Pattern[str]  # an anchored expression one unit before it ("the day before")
    year_ended_after: re.Pattern[str]  # "ended" after "the year": a twelve-month period
    past_word: re.Pattern[str]  # "past" in "the past decade": a duration
    year_ago_in: re.Pattern[str]  # "year-ago" / "year-earlier" in a span
    decade_digits: re.Pattern[str]  # a decade in figures, group 1 its leading digits ("199" of "1990s")
    century_ordinal: re.Pattern[str]  # which century, group 1 in figures ("21st"), group 2 in words
    spelled_decade_in: re.Pattern[str]  # a decade in words (a key of ``Words.spelled_decades``)
    not_a_year_before: re.Pattern[str]  # a label before four digits ("No. 2024", "Flight 1549"): no year
    results_for: re.Pattern[str]  # "for" before "the nine months": results for several quarters


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
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
