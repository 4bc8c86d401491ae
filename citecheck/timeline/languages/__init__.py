"""The languages the chronology reads, by code: a language is tables (``base.Language``).

English is the only one today. Adding one is a module like ``en.py`` (its rule table, word tables,
tense and context cues) and a line here: the scan, tense, quantities and the resolvers read every
word through the narrative's language (``Narrative.language``), and hold none of their own.
"""

from __future__ import annotations

from .base import Cues, Language, Rule, Tense, Words, trie_pattern
from .en import ENGLISH

__all__ = ["ENGLISH", "LANGUAGES", "Cues", "Language", "Rule", "Tense", "Words", "language", "trie_pattern"]

LANGUAGES: dict[str, Language] = {ENGLISH.code: ENGLISH}


def language(code: str) -> Language:
    """The tables of a language by its code ("en", "en-GB": the primary subtag decides)."""
    primary = code.split("-", 1)[0].split("_", 1)[0].lower()
    try:
        return LANGUAGES[primary]
    except KeyError:
        known = ", ".join(sorted(LANGUAGES))
        raise ValueError(f"the chronology has no tables for language {code!r} (it reads: {known})") from None
