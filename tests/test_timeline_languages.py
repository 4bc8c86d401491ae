"""A language is tables: a second one, written here from tables only, is read by the same resolvers.

The German fragment below fills in ``Words``, ``Tense`` and ``Cues`` and a rule table of two
kinds (a day-month date, "3. März", and a weekday, "am Sonntag"); nothing in the resolvers knows
German, and no English word or cue may leak into its reading.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from citecheck.timeline import tag_text
from citecheck.timeline.languages import ENGLISH, LANGUAGES, Cues, Language, Rule, Tense, Words
from citecheck.timeline.patterns import TIMEX, timex

MONDAY = dt.date(2025, 3, 10)

NEVER = re.compile(r"(?!)")  # a cue the fragment has no words for: it never fires

MONTHS = {
    name.lower(): number
    for number, name in enumerate(
        ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
         "Dezember"),
        start=1,
    )
}  # fmt: skip
WEEKDAYS = {
    name.lower(): number
    for number, name in enumerate(("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"))
}
MONTH = "|".join(name.capitalize() for name in MONTHS)
WEEKDAY = "|".join(name.capitalize() for name in WEEKDAYS)

WORDS = Words(
    months=MONTHS,
    weekdays=WEEKDAYS,
    numbers={"ein": 1, "eine": 1, "zwei": 2, "drei": 3},
    ordinals={"erste": 1, "zweite": 2, "dritte": 3},
    units={"tag": "D", "woche": "W", "monat": "M", "jahr": "Y"},
    seasons={"frühling": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI"},
    parts_of_day={"morgen": "MO", "abend": "EV", "nacht": "NI"},
    spelled_decades={},
    references={"jetzt": "PRESENT_REF"},
    adverb_sets={"täglich": "P1D"},
    # German placing words in the resolvers' terms: "letzten Sonntag" is "last Sunday".
    terms={"letzten": "last", "vergangenen": "last", "nächsten": "next", "kommenden": "next", "diesen": "this"},
    day_offsets={"vorgestern": -2, "übermorgen": 2, "gestern": -1, "morgen": 1, "heute": 0},
    tonight="heute abend",
    overnight="über nacht",
    noon="mittag",
    midnight="mitternacht",
    meridiems={},
    plural="s",  # "sonntags": every Sunday
    possessive=(),
    half="halb",
    year="jahr",
    range_start="von",
    counting_back=frozenset(("vor",)),
    the="der",
    last="letzte",
    next="nächste",
    last_year="letztes jahr",
    next_year="nächstes jahr",
    year_ago="vor einem jahr",
    end_suffix=" ende",
    year_end="jahresende",
    earlier_this="früher in diesem",
    earlier="früher ",
    later_this="später in diesem",
    anchor_signals=(" vor", " nach"),
    the_same="der gleiche",
    the_past="die vergangenheit",
    recent_words=frozenset(("kürzlich",)),
    fraction_after=(),
    measure_after=(),
    decade_openers=("die",),
    week_suffix=" woche",
    weekend_suffix=" wochenende",
    bare_holidays=frozenset(),
    holiday_keys={"weihnachten": "christmas"},
    ambiguous_months=(),
    verb_months=(),
    for_before="für ",
    of_after=" des ",
    age="alt",
    recent="letzte",
    record_unit="minuten",
    record_after=(),
    other="jede zweite",
)

TENSE = Tense(
    sentence_end=re.compile(r"[.!?][\"“”]?\s+(?=[A-ZÄÖÜ\"„])|\n\s*\n"),
    # "hat ... festgenommen" looks back, "wird ... stattfinden" ahead.
    cue=re.compile(
        r"\b(?:(?P<pastfuture>(?!))|(?P<future>wird|werden|soll|sollen)|(?P<past>hat|haben|hatte|war|wurde))\b"
    ),
    same_as_base=frozenset(),
    modal_before=NEVER,
    noun_before=NEVER,
    noun_after=NEVER,
    passive_before=NEVER,
    scheduled_present=NEVER,
    present_aux=frozenset(("ist", "sind")),
    not_a_verb_before=NEVER,
    final_before=NEVER,
    modal_verb_before=NEVER,
    intent_noun=NEVER,
    determiner_before=NEVER,
    to_have_before=NEVER,
    intent_past=NEVER,
    when_after=re.compile(r",?\s+als\b"),
    speech_verbs=frozenset(("sagte", "erklärte")),
    word=re.compile(r"\w+"),
    framing=("bis",),
    scheduled_initials="",
    infinitive="zu ",
    final_words=frozenset(),
    weak_past_suffix="te",
    negative_prefix="un",
    perfect_infinitive_hint="haben ",
    set_for=" angesetzt für ",
    set_for_adverbs=frozenset(),
    contracted_aux=(),
    as_soon_as="sobald",
    quote_marks=("„", "“"),
    closing_quotes=("“",),
    conditional="würde",
    since="seit",
    title_stop="",
)

# Only the cues the two kinds read are German; every other one never fires.
CUES = Cues(
    **dict.fromkeys(Cues.__annotations__, NEVER)
    | {
        "day_in": re.compile(r"(?<!\d)(3[01]|[12]\d|0?[1-9])\.(?!\d)"),
        "month_in": re.compile(rf"(?i)\b({MONTH})\b"),
        "weekday_in": re.compile(rf"(?i)\b({WEEKDAY})"),
        "relative_prefix": re.compile(r"(?i)^(?:(letzten|vergangenen|nächsten|kommenden|diesen)\s+)"),
        "since_before": re.compile(r"(?i)\b(?:seit|ab)\s+(?:dem\s+)?$"),
        "range_end": re.compile(r"(?i)\s*(?:bis|-|–)\b|\s*[-–]"),
    }
)

RULES = (
    Rule(
        "day_month",
        ("3. März", "14. Juli 2024"),
        rf"(?<![\d.])(?:3[01]|[12]\d|0?[1-9])\.\s+(?:{MONTH})(?:\s+(?:1[6-9]\d\d|20\d\d))?(?!\w)",
    ),
    Rule(
        "weekday",
        ("Sonntag", "am Sonntag", "letzten Sonntag", "sonntags"),
        rf"(?:(?i:am|letzten|vergangenen|nächsten|kommenden|diesen)\s+)?(?i:{WEEKDAY})s?(?!\w)",
    ),
)

GERMAN = Language(
    code="de",
    rules=RULES,
    starters=(
        "am",
        "letzten",
        "vergangenen",
        "nächsten",
        "kommenden",
        "diesen",
        *WEEKDAYS,
        *(f"{d}s" for d in WEEKDAYS),
    ),
    words=WORDS,
    tense=TENSE,
    cues=CUES,
    number=lambda word: WORDS.numbers.get(word.lower()) or (int(word) if word.isdigit() else None),
    spelled_year=lambda span: None,
)


def values(text: str, published: dt.date | None = MONDAY) -> dict[str, str]:
    return {m.text: m.value for m in tag_text(text, published, language=GERMAN)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No year: the nearest 3 March to publication (Monday 10 March 2025), a week back.
        ("Der Bundestag hat am 3. März über das Gesetz abgestimmt.", {"3. März": "2025-03-03"}),
        # A year written with it is the date's own.
        ("Das Abkommen wurde am 14. Juli 2024 unterzeichnet.", {"14. Juli 2024": "2024-07-14"}),
        # The nearest 20 July is four months ahead, but the sentence looks back: last year's.
        ("Der Vertrag wurde am 20. Juli unterzeichnet.", {"20. Juli": "2024-07-20"}),
        # A bare weekday in the past tense: the last one; in the future tense: the coming one.
        ("Die Polizei hat am Sonntag drei Männer festgenommen.", {"am Sonntag": "2025-03-09"}),
        ("Die Abstimmung wird am Sonntag stattfinden.", {"am Sonntag": "2025-03-16"}),
        # "letzten" is read through the language's terms as "last".
        ("Der Minister sprach letzten Sonntag.", {"letzten Sonntag": "2025-03-09"}),
        # A weekday with the plural ending is a recurrence.
        ("Das Museum ist sonntags geschlossen.", {"sonntags": "XXXX-WXX-7"}),
    ],
)
def test_a_second_language_written_as_tables_is_read_by_the_same_resolvers(text: str, expected: dict[str, str]) -> None:
    assert values(text) == expected


def test_no_english_word_or_cue_reads_a_text_in_another_language() -> None:
    # English dates in a text read as German are not German expressions: nothing is tagged.
    assert values("The vote was held on March 3 and again last Sunday.") == {}
    # ... and English, the default, still reads them.
    english = {m.text: m.value for m in tag_text("The vote was held on March 3 and again last Sunday.", MONDAY)}
    assert english == {"March 3": "2025-03-03", "last Sunday": "2025-03-09"}


def test_each_language_has_its_own_scan_pattern() -> None:
    assert timex(GERMAN) is timex(GERMAN)  # compiled once a language
    assert timex(GERMAN) is not TIMEX and timex(ENGLISH) is TIMEX
    assert {m.lastgroup for m in timex(GERMAN).finditer("am 3. März, am Sonntag")} == {"day_month", "weekday"}


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_registered_language_fills_its_tables(code: str) -> None:
    # mypy makes a Language name every table; this checks the tables that must be complete are:
    # twelve months, seven weekdays, every cue compiled, and every rule's kind read by a resolver.
    from citecheck.timeline.registry import RESOLVERS

    tongue = LANGUAGES[code]
    assert set(tongue.words.months.values()) == set(range(1, 13))
    assert set(tongue.words.weekdays.values()) == set(range(7))
    for table in (tongue.words, tongue.tense, tongue.cues):
        for name, kind in type(table).__annotations__.items():
            value = getattr(table, name)
            assert value is not None, f"{code}: {type(table).__name__}.{name} is not filled in"
            if "Pattern" in kind:
                assert isinstance(value, re.Pattern), f"{code}: {type(table).__name__}.{name} is no pattern"
    assert {rule.kind for rule in tongue.rules} <= set(RESOLVERS)


def test_a_table_wants_every_field_by_name_and_is_read_only() -> None:
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'day_in'"):
        Cues(**{name: NEVER for name in Cues.__annotations__ if name != "day_in"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        ENGLISH.cues.day_in = NEVER  # type: ignore[misc]
