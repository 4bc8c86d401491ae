"""What a language brings to the chronology, and the tools to write it down.

A language is a set of tables (``en.py``): its words for times (months, weekdays, numbers, units,
holidays), the veto lists that tell a time word from the name of a thing, and its rule table, one
regular expression per kind of expression, tried in order at each word start. ``patterns.timex``
builds the scan's one pattern from a language's rule table and the words that can start a rule.
"""

from __future__ import annotations

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
