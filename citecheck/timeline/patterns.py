"""The scan's one regular expression: a language's rules joined, gated by the words that start them.

Alternatives are tried left to right at each word start, so a rule table lists longer and more
specific forms first; each named group is one kind, and its resolver (``registry``) re-reads the span.
"""

from __future__ import annotations

import functools
import re

from .languages import ENGLISH, Language, trie_pattern


@functools.cache
def timex(language: Language) -> re.Pattern[str]:
    """Every rule of ``language`` as one pattern, each a named group (compiled once a language)."""
    # \b first: the engine tries the alternatives only at word starts (and before digits or quotes).
    # The gate only admits: under (?i) it also passes the rare letters that fold to ASCII (the
    # Kelvin sign), which no rule then matches; half the length of [aA]-style classes to compile.
    # "Q3" is a word of its own: the quarter's letter starts it, with no word boundary after.
    starter = rf"(?:\d|'|Q[1-4]|(?i:{trie_pattern(language.starters, fold=False)})\b)"
    rules = "|".join(f"(?P<{rule.kind}>{rule.pattern})" for rule in language.rules)
    return re.compile(rf"(?:\b|(?='))(?={starter})(?:{rules})")


TIMEX = timex(ENGLISH)
