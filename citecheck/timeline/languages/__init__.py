"""The languages the chronology reads, by code: a language is tables (``base.Language``).

English is the only one today. Adding one is a module like ``en.py`` (its words, veto lists and
rule table) and a line here; the resolvers that read a matched span's words read English tables
still, and take a language's tables when the second language comes.
"""

from __future__ import annotations

from .base import Language, Rule, trie_pattern
from .en import ENGLISH

__all__ = ["ENGLISH", "LANGUAGES", "Language", "Rule", "language", "trie_pattern"]

LANGUAGES: dict[str, Language] = {ENGLISH.code: ENGLISH}


def language(code: str) -> Language:
    """The tables of a language by its code ("en", "en-GB": the primary subtag decides)."""
    primary = code.split("-", 1)[0].split("_", 1)[0].lower()
    try:
        return LANGUAGES[primary]
    except KeyError:
        known = ", ".join(sorted(LANGUAGES))
        raise ValueError(f"the chronology has no tables for language {code!r} (it reads: {known})") from None
