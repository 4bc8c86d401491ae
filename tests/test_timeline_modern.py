"""Generalisation beyond TBAQ: modern (2015-2026 style) newswire sentences with gold TIMEX3 values.

The sentences (tests/fixtures/timeline/modern_news.txt) were written for this test; the values
below follow the TimeML 1.2.1 / TempEval-3 conventions (a weekend is ``YYYY-Www-WE``, a part of day
``...TNI``/``TAF``/``TMO`` with type TIME, "mid-"/"late"/"early" keep the unit's value, decades are
three digits, "the coming weeks" is the vague duration ``PXW`` as TBAQ has it).

A gold entry is scored correct when a mention overlapping the phrase carries the value (and the
type); extents are not scored here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pytest

from citecheck.load.timeml import read_timeml
from citecheck.timeline import tag_text
from citecheck.timeline.scoring import CALENDAR_VALUE, Comparison, compare, tempeval_scores

FIXTURE = Path(__file__).parent / "fixtures" / "timeline" / "modern_news.txt"


class Gold(NamedTuple):
    sentence: str  # the start of the sentence, enough to find it
    phrase: str  # the expression (its first occurrence in the sentence)
    type: str
    value: str


GOLD: list[Gold] = [
    # DCT 2024-03-14, a Thursday in ISO week 11
    Gold("Lawmakers met", "earlier this week", "DATE", "2024-W11"),
    Gold("Hundreds of protesters", "this past weekend", "DATE", "2024-W10-WE"),
    Gold("The Senate is expected", "later this month", "DATE", "2024-03"),
    Gold("The committee will hold", "Monday", "DATE", "2024-03-18"),
    Gold("Monday's vote", "Monday", "DATE", "2024-03-11"),
    Gold("Turnout in the 2016", "2016", "DATE", "2016"),
    Gold("Grocery prices began", "late last year", "DATE", "2023"),
    Gold("The retailer's sales", "the first half of 2013", "DATE", "2013-H1"),
    Gold("Officials warned", "the coming weeks", "DURATION", "PXW"),
    Gold("The mayor, who took office", "two years ago", "DATE", "2022"),
    Gold("A decade ago", "A decade ago", "DATE", "201"),
    Gold("Ridership on the line", "last spring", "DATE", "2023-SP"),
    Gold("The new rules will take effect", "Jan. 1", "DATE", "2025-01-01"),
    Gold("Police said the fire", "New Year's Eve", "DATE", "2023-12-31"),
    Gold("The airline expects", "next year", "DATE", "2025"),
    Gold("Home prices have climbed", "the past 12 months", "DURATION", "P12M"),
    Gold("Two people were hurt", "the weekend", "DATE", "2024-W10-WE"),
    Gold("The agency's budget", "fiscal 2014", "DATE", "2014"),
    Gold("Revenue in the third", "the third quarter", "DATE", "2024-Q3"),
    Gold("The band first toured", "the 1990s", "DATE", "199"),
    Gold("The suspect was arrested", "Tuesday night", "TIME", "2024-03-12TNI"),
    Gold("The governor signed", "yesterday afternoon", "TIME", "2024-03-13TAF"),
    Gold("Exports rose", "February", "DATE", "2024-02"),
    # the unit's grain, as TimeML values "a year ago" (TBAQ: "wages 3.8 percent higher than a year
    # earlier" after a January figure is 1997, not 1997-01)
    Gold("Exports rose", "a year earlier", "DATE", "2023"),
    Gold("Unemployment in the county", "2010", "DATE", "2010"),
    Gold("The city must submit", "the end of the month", "DATE", "2024-03"),
    Gold("The school board will decide", "this fall", "DATE", "2024-FA"),
    # DCT 2024-10-09, a Wednesday in ISO week 41
    Gold("Farmers in the valley", "this season", "DATE", "2024-FA"),
    Gold("The utility said", "the coming weeks", "DURATION", "PXW"),
    Gold("Voters will choose", "Nov. 5", "DATE", "2024-11-05"),
    Gold("Early voting begins", "next Monday", "DATE", "2024-10-14"),
    Gold("The storm made landfall", "late Tuesday", "DATE", "2024-10-08"),
    Gold("The company reported a loss", "the second quarter", "DATE", "2024-Q2"),
    # DCT 2025-08-20, a Wednesday in ISO week 34
    Gold("Stores will stay open", "Labor Day", "DATE", "2025-09-01"),
    Gold("The museum will reopen", "mid-March", "DATE", "2026-03"),
    Gold("Officials announced", "Monday", "DATE", "2025-08-18"),
    Gold("The trial is scheduled", "Jan. 12", "DATE", "2026-01-12"),
    Gold("Shares closed higher", "Tuesday", "DATE", "2025-08-19"),
    Gold("Last summer's floods", "Last summer", "DATE", "2024-SU"),
    Gold("The bridge was built", "the early 2000s", "DATE", "200"),
    Gold("The strike lasted", "three weeks", "DURATION", "P3W"),
    Gold("The report is due out", "Thursday", "DATE", "2025-08-21"),
    Gold("The warehouse caught fire", "this morning", "TIME", "2025-08-20TMO"),
    Gold("He died Sunday", "Sunday", "DATE", "2025-08-17"),
    # DCT 2023-12-04, a Monday in ISO week 49
    Gold("The city's holiday market", "the weekend", "DATE", "2023-W48-WE"),
    Gold("The Federal Reserve will meet", "next week", "DATE", "2023-W50"),
    Gold("Gas prices peaked", "late September", "DATE", "2023-09"),
    Gold("The law, passed last year", "last year", "DATE", "2022"),
    Gold("The law, passed last year", "Jan. 1", "DATE", "2024-01-01"),
    Gold("Residents are preparing", "New Year's Eve", "DATE", "2023-12-31"),
    Gold("The agency will release", "early next year", "DATE", "2024"),
    Gold("Retailers reported strong sales", "Black Friday", "DATE", "2023-11-24"),
    Gold("Ridership has not recovered", "March 2020", "DATE", "2020-03"),
    Gold("The store will close", "the end of January", "DATE", "2024-01"),
    # DCT 2026-02-10, a Tuesday in ISO week 7
    Gold("Over the past decade", "the past decade", "DURATION", "P10Y"),
    Gold("The measure passed the House", "last Thursday", "DATE", "2026-02-05"),
    Gold("Officials expect the project", "the second half of 2027", "DATE", "2027-H2"),
    Gold("The special election", "Nov. 3", "DATE", "2026-11-03"),
    Gold("The storm hit late Sunday", "late Sunday night", "TIME", "2026-02-08TNI"),
    Gold("Prices rose sharply", "2025", "DATE", "2025"),
    Gold("Prices rose sharply", "this year", "DATE", "2026"),
    Gold("The senator announced", "earlier this month", "DATE", "2026-02"),
    Gold("The company's fiscal 2025", "fiscal 2025", "DATE", "2025"),
]

# Misses left on purpose, with the reason (docs/timeline.md, "Modern newswire").
_NIGHT = (
    "weekday + part of day is valued as the day: TBAQ's gold does so 15 times to 9 (TIME ...TNI loses "
    "0.2 value F1 and 1.4 points of date accuracy there)"
)
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("The suspect was arrested", "Tuesday night"): _NIGHT,
    ("The storm hit late Sunday", "late Sunday night"): _NIGHT,
    ("Farmers in the valley", "this season"): (
        "untagged: in modern news 'this season' is mostly a sports season, which a meteorological value "
        "would misdate (and CC203 would read as an interval)"
    ),
}


def sentences() -> list[tuple[dt.date, str]]:
    out: list[tuple[dt.date, str]] = []
    published: dt.date | None = None
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line.startswith("# DCT "):
            published = dt.date.fromisoformat(line.split()[2])
        elif line.strip() and not line.startswith("#"):
            assert published is not None, "a sentence before the first DCT line"
            out.append((published, line))
    return out


def sentence_for(start: str) -> tuple[dt.date, str]:
    matches = [(d, s) for d, s in sentences() if s.startswith(start)]
    assert len(matches) == 1, f"{start!r} names {len(matches)} sentences"
    return matches[0]


def system_answer(gold: Gold) -> tuple[str, str] | None:
    """(type, value) of the mention overlapping the gold phrase, or None when nothing overlaps."""
    published, sentence = sentence_for(gold.sentence)
    start = sentence.index(gold.phrase)
    end = start + len(gold.phrase)
    for m in tag_text(sentence, published):
        if m.start < end and start < m.end:
            return m.type, m.value
    return None


def accuracy() -> float:
    right = sum(system_answer(g) == (g.type, g.value) for g in GOLD)
    return 100.0 * right / len(GOLD)


def test_every_sentence_has_gold() -> None:
    named = {sentence_for(g.sentence)[1] for g in GOLD}
    assert named == {s for _, s in sentences()}


@pytest.mark.parametrize("gold", GOLD, ids=[f"{g.phrase}@{g.sentence[:18]}" for g in GOLD])
def test_modern_value(gold: Gold) -> None:
    answer = system_answer(gold)
    reason = KNOWN_MISSES.get((gold.sentence, gold.phrase))
    if reason:
        # A known miss stays visible: it must still be missed (else strike it from KNOWN_MISSES).
        assert answer != (gold.type, gold.value), "fixed: remove it from KNOWN_MISSES"
        pytest.xfail(reason)
    assert answer == (gold.type, gold.value)


def test_accuracy_floor() -> None:
    assert accuracy() >= 95.0  # 85.7 before the modern-news fixes, 95.2 after


# --- Wire news: a second, larger set (tests/fixtures/timeline/wire_news.txt) -------------------------
#
# 218 sentences under sixteen DCTs (2008-2026; Sundays, Mondays, month ends, both sides of New Year,
# holidays), with the gold TIMEX3s (298) written in the fixture under each sentence. The second batch
# (55 sentences, five DCTs) was written after the rules the first led to and scored once before any
# change: 70 / 74 right (HEAD before the rules: 65 / 74). The figure that matters is the
# share of exact values among day/week/month/year gold values ("date exact", as the TBAQ benchmark
# counts it); mentions overlapping no gold expression are "extras".

WIRE_FIXTURE = Path(__file__).parent / "fixtures" / "timeline" / "wire_news.txt"


class WireGold(NamedTuple):
    published: dt.date
    sentence: str
    phrase: str
    type: str
    value: str


def wire_corpus() -> tuple[list[tuple[dt.date, str]], list[WireGold]]:
    sentences_: list[tuple[dt.date, str]] = []
    gold: list[WireGold] = []
    published: dt.date | None = None
    for line in WIRE_FIXTURE.read_text(encoding="utf-8").splitlines():
        if line.startswith("# DCT "):
            published = dt.date.fromisoformat(line.split()[2])
        elif line.startswith("  = "):
            phrase, type_, value = (part.strip() for part in line[4:].split("|"))
            day, sentence = sentences_[-1]
            assert phrase in sentence, f"{phrase!r} not in {sentence!r}"
            gold.append(WireGold(day, sentence, phrase, type_, value))
        elif line.strip() and not line.startswith("#"):
            assert published is not None, "a sentence before the first DCT line"
            sentences_.append((published, line))
    return sentences_, gold


WIRE_SENTENCES, WIRE_GOLD = wire_corpus()

# Deliberate disagreements with the gold, each with its reason (docs/timeline.md, "Wire news").
KNOWN_WIRE_MISSES: dict[tuple[str, str], str] = {
    ("Children will go trick-or-trea", "tonight"): (
        "'tonight' is valued as the day (DATE), as TBAQ's one 'tonight' is; TimeML 1.2.1 says TIME ...TNI"
    ),
}


def wire_answer(gold: WireGold) -> tuple[str, str] | None:
    start = gold.sentence.index(gold.phrase)
    end = start + len(gold.phrase)
    for m in tag_text(gold.sentence, gold.published):
        if m.start < end and start < m.end:
            return m.type, m.value
    return None


def wire_extras() -> list[tuple[str, str, str]]:
    """Mentions that overlap no gold expression of their sentence: (sentence, text, value)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for g in WIRE_GOLD:
        start = g.sentence.index(g.phrase)
        spans.setdefault(g.sentence, []).append((start, start + len(g.phrase)))
    out = []
    for published, sentence in WIRE_SENTENCES:
        for m in tag_text(sentence, published):
            if not any(m.start < e and s < m.end for s, e in spans.get(sentence, [])):
                out.append((sentence, m.text, m.value))
    return out


def wire_scores() -> dict[str, float]:
    answers = [(g, wire_answer(g)) for g in WIRE_GOLD]
    calendar = [(g, a) for g, a in answers if g.type == "DATE" and CALENDAR_VALUE.match(g.value)]
    found = [(g, a) for g, a in calendar if a is not None]
    right = sum(a == (g.type, g.value) for g, a in found)
    return {
        "all": 100.0 * sum(a == (g.type, g.value) for g, a in answers) / len(answers),
        "date_exact": 100.0 * right / max(len(found), 1),
        "date_recall": 100.0 * right / len(calendar),
        "calendar_gold": len(calendar),
        "extras": len(wire_extras()),
    }


@pytest.mark.parametrize("gold", WIRE_GOLD, ids=[f"{g.phrase}@{g.published}:{g.sentence[:24]}" for g in WIRE_GOLD])
def test_wire_value(gold: WireGold) -> None:
    answer = wire_answer(gold)
    reason = KNOWN_WIRE_MISSES.get((gold.sentence[:30], gold.phrase))
    if reason:
        assert answer != (gold.type, gold.value), "fixed: remove it from KNOWN_WIRE_MISSES"
        pytest.xfail(reason)
    assert answer == (gold.type, gold.value)


def test_wire_floor() -> None:
    # first batch before the wire-news rules: 92.8 % of all values, date exact 94.0 % (189 / 201 found),
    # recall 93.1 %, 5 extras; both batches after: 99.7 % (297 / 298), date exact and recall 100 % (268),
    # 2 extras ("$16.50 an hour", "a winter storm")
    scores = wire_scores()
    assert scores["all"] >= 99.5
    assert scores["date_exact"] >= 99.5
    assert scores["date_recall"] >= 99.5
    assert scores["extras"] <= 2


# --- Newswire TimeML set: 49 annotated stories (tests/fixtures/timeline/newswire/README.md) ---------

NEWSWIRE = Path(__file__).parent / "fixtures" / "timeline" / "newswire"


def newswire_scores() -> dict[str, float]:
    comparisons: list[Comparison] = []
    for path in sorted(NEWSWIRE.rglob("*.tml")):
        document = read_timeml(path.read_text(encoding="utf-8"))
        comparisons.extend(compare(document, tag_text(document.text, document.dct)))
    return tempeval_scores(comparisons)


def test_newswire_set_scores() -> None:
    # Out of sample, each batch's first run: value F1 89.3 / 90.7 / 91.4 / 90.8 / 92.6 / 91.3, exact
    # dates 96.0 / 94.6 / 98.4 / 98.8 / 97.9 / 98.1 %. After the rules they led to (fitted): 2,996
    # gold, value F1 93.2, relaxed 98.9, strict 96.4, exact dates 98.8 %. What is left is mostly
    # convention: ages, part-of-day TIMEs.
    scores = newswire_scores()
    assert scores["gold"] == 2996
    assert scores["value_f1"] >= 92.9
    assert scores["relaxed_f1"] >= 98.6
    assert scores["strict_f1"] >= 96.1
    assert scores["date_accuracy"] >= 98.5


def report_wire() -> None:
    for g in WIRE_GOLD:
        got = wire_answer(g)
        if got != (g.type, g.value):
            print(f"{g.phrase!r:24} want {g.type} {g.value:12} got {got}   [{g.published} {g.sentence}]")
    for sentence, text, value in wire_extras():
        print(f"EXTRA {text!r} {value}   [{sentence}]")
    print({k: round(v, 1) for k, v in wire_scores().items()})


if __name__ == "__main__":  # .venv/bin/python tests/test_timeline_modern.py: list the misses
    for g in GOLD:
        got = system_answer(g)
        if got != (g.type, g.value):
            print(f"{g.phrase!r:28} want {g.type} {g.value:14} got {got}   [{sentence_for(g.sentence)[1]}]")
    print(f"accuracy {accuracy():.1f} % of {len(GOLD)}")
    report_wire()
