"""TempEval-3 scoring: a tagger's mentions against the gold TIMEX3s of a TimeML document.

A mention matches a gold expression strictly when the extents are identical and relaxedly when
they overlap (one to one, first overlap wins); type and value are compared as exact strings on
relaxed matches; value F1 = relaxed F1 x (correct values / relaxed matches). "Date accuracy" is
the share of correct values among relaxed matches whose gold value is a calendar day, ISO week,
month or year (2025-10-17, 2025-W43, 2025-10, 2025), the shapes HeidelTime's 95.9% is quoted for.
Used by benchmarks/bench_timeline.py and by the tests that hold the tagger to its figures.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ..load.timeml import GoldTimex, TimeMLDocument
from ..models import TimeMention

CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?$")


@dataclass(frozen=True, slots=True)
class Comparison:
    """One gold expression or one mention, and how they met."""

    outcome: Literal["right", "wrong value", "missed", "extra"]
    gold: GoldTimex | None
    mention: TimeMention | None


def compare(document: TimeMLDocument, mentions: list[TimeMention]) -> list[Comparison]:
    """Each gold TIMEX3 in order with the mention that overlaps it, then the mentions left over."""
    used: set[int] = set()
    out: list[Comparison] = []
    for gold in document.timexes:
        match = next(
            (i for i, m in enumerate(mentions) if i not in used and m.start < gold.end and gold.start < m.end), None
        )
        if match is None:
            out.append(Comparison("missed", gold, None))
            continue
        used.add(match)
        mention = mentions[match]
        out.append(Comparison("right" if mention.value == gold.value else "wrong value", gold, mention))
    out.extend(Comparison("extra", None, m) for i, m in enumerate(mentions) if i not in used)
    return out


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def tempeval_scores(comparisons: Iterable[Comparison]) -> dict[str, float]:
    """Relaxed and strict F1, type and value accuracy, value F1 and date accuracy, in percent."""
    counts: Counter[str] = Counter()
    for comparison in comparisons:
        outcome, gold, mention = comparison.outcome, comparison.gold, comparison.mention
        counts["system"] += mention is not None
        if gold is None:
            continue
        counts["gold"] += 1
        calendar = gold.type == "DATE" and CALENDAR_VALUE.match(gold.value) is not None
        counts["calendar_gold"] += calendar
        if mention is None:
            continue
        counts["relaxed"] += 1
        counts["strict"] += (mention.start, mention.end) == (gold.start, gold.end)
        counts["type"] += mention.type == gold.type
        counts["value"] += outcome == "right"
        counts["calendar_matched"] += calendar
        counts["calendar_correct"] += calendar and outcome == "right"
    relaxed, system, gold_count = counts["relaxed"], max(counts["system"], 1), max(counts["gold"], 1)
    relaxed_f1 = _f1(relaxed / system, relaxed / gold_count)
    value_accuracy = counts["value"] / max(relaxed, 1)
    return {
        "gold": counts["gold"],
        "system": counts["system"],
        "relaxed_precision": 100 * relaxed / system,
        "relaxed_recall": 100 * relaxed / gold_count,
        "relaxed_f1": 100 * relaxed_f1,
        "strict_f1": 100 * _f1(counts["strict"] / system, counts["strict"] / gold_count),
        "type_accuracy": 100 * counts["type"] / max(relaxed, 1),
        "value_accuracy": 100 * value_accuracy,
        "value_f1": 100 * relaxed_f1 * value_accuracy,
        "date_accuracy": 100 * counts["calendar_correct"] / max(counts["calendar_matched"], 1),
        "date_recall": 100 * counts["calendar_correct"] / max(counts["calendar_gold"], 1),
    }
