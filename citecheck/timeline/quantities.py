"""Quantities: the unit and count of a span and its TIMEX3 duration ("three weeks", "a couple of
days", "2 1/2 hours"); the unit words, number words and hedges are the language's."""

from __future__ import annotations

import re

from .languages import Language

HALF_UNITS: dict[str, tuple[str, str]] = {
    "H": ("H", "30M"),
    "MIN": ("M", "30S"),
    "Y": ("Y", "6M"),
    "D": ("D", "T12H"),
}


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3D, PT2H, P10Y for a decade, PXW when the count is vague."""
    if n is not None and not float(n).is_integer() and float(n * 2).is_integer() and unit in HALF_UNITS:
        whole = int(n)  # "5 1/2 hours" -> PT5H30M, "2 1/2 years" -> P2Y6M (TimeML writes no fractions)
        big, small = HALF_UNITS[unit]
        return ("PT" if unit in ("H", "MIN") else "P") + (f"{whole}{big}" if whole else "") + small
    count = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    if unit == "S" and n is not None and not float(n).is_integer():
        return f"PT{n:g}S"  # "10.02 seconds"
    if unit == "DE":
        return "PXY" if n is None else f"P{int(n * 10)}Y"
    if unit == "CE":
        return "PXY" if n is None else f"P{int(n * 100)}Y"
    if unit == "2W":
        return "P2W"
    if unit == "WE":
        return f"P{count}WE"
    if unit in ("S", "H"):
        return f"PT{count}{unit}"
    if unit == "MIN":
        return f"PT{count}M"
    return f"P{count}{unit}"


def is_hedged(span: str, language: Language) -> bool:
    return language.cues.hedged.match(span) is not None


def unit_and_count(span: str, language: Language) -> tuple[str, float | None, bool]:
    """From "nearly two weeks" -> ("W", 2, True); the bool says a count was written at all."""
    span = language.cues.hedge_words.sub("", span)
    span = language.cues.straight.sub(" ", span)  # "three straight weeks"
    unit_match = None
    for unit_match in language.cues.unit_of_word.finditer(span):  # noqa: B007 - the last unit word is the unit
        pass
    # No unit word ("for days" read as a bare count): days.
    unit = language.words.units.get(unit_match.group(1).lower(), "D") if unit_match else "D"
    head = span[: unit_match.start()] if unit_match else span
    quantity = language.cues.quantity_of.search(head + (unit_match.group(0) if unit_match else ""))
    if quantity is None:
        return unit, None, False
    words = quantity.group(1).lower()
    half = "1/2" in words or language.words.half in span.lower()
    words = words.replace("1/2", "").strip()
    n: float | None = float(words) if re.fullmatch(r"\d+\.\d+", words) else language.number(words)
    if n is not None and half:
        n += 0.5
    return unit, n, True
