"""What a language brings to the chronology, and the tools to write it down.

A language is a set of tables (``en.py``): its words for times (months, weekdays, numbers, units,
holidays), the veto lists that tell a time word from the name of a thing, and its rule table, one
regular expression per kind of expression, tried in order at each word start. ``patterns.timex``
builds the scan's one pattern from a language's rule table and the words that can start a rule.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of expression: what it reads (tested: each example is read whole as this kind, no
    ``not_examples`` is), and its regular expression."""

    kind: str  # names the resolver that reads the span (``registry.resolves``)
    examples: tuple[str, ...]
    pattern: str
    not_examples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Language:
    """A language's rule table, as the scan needs it."""

    code: str  # BCP 47, as a page's lang attribute writes it
    # Most specific first: at a word start, the first rule that matches wins.
    rules: tuple[Rule, ...]
    # Every word that can begin an expression: the scan tries the rules only where one starts.
    starters: tuple[str, ...]


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
