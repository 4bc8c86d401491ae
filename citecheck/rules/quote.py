"""CC303's comparison of a quoted post with the post itself, word by word.

An embed legitimately changes how a post looks: white space, HTML entities, links (t.co, expanded,
shortened to ``example.com/pa…``), the trailing media link (``pic.twitter.com/…``, Bluesky's
``[image or embed]``), emoji (dropped when text is copied, or written with another variation
selector or skin tone), curly quotes and dashes, letter case. Everything else is the author's words,
and a fact-checker wants to know when one of them differs: a content word ("wired" -> "wireless"), a
number ("500" -> "50"), a negation ("will" -> "will not"). A similarity ratio cannot see those in a
long post (two words of 180 characters are 97% similar), so the texts are compared as word
sequences and every changed word is reported. Only the articles and auxiliaries ("a", "the", "is",
"have", ...) may change alone without a finding: copying never changes them, but people retyping a
quote do, and that is not a misquotation.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

# Links in every form an embed shows them: a URL, a t.co / pic.twitter.com link, a bare
# domain with a path ("example.com/story…", how Twitter and Bluesky display a shortened link).
_LINK = re.compile(
    r"(?:https?://|www\.)\S*"
    r"|\b(?:pic\.twitter\.com|pic\.x\.com|t\.co)/\S*"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*",
    re.IGNORECASE,
)
_MEDIA_PLACEHOLDER = re.compile(r"\[image or embed\]", re.IGNORECASE)  # Bluesky's embed code
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "–": "-", "—": "-", "…": "..."})  # fmt: skip
# A word: letters or digits, with inner apostrophes ("don't") and number separators ("1,000.5").
# Scripts written without spaces (Chinese, Japanese kana, Thai) count a character as a word, so
# one changed character is one change, not the whole sentence.
_UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_UNSPACED}]|\d+(?:[.,]\d+)*|[^\W{_UNSPACED}]+(?:'[^\W{_UNSPACED}]+)*")
# Contractions read as their two words, so "don't" and "do not" are the same words.
_CONTRACTION = re.compile(r"\b(won't|can't|cannot|shan't|ain't)\b|(?<=\w)(n't|'re|'ve|'ll|'m|'d)\b")
_EXPANDED = {"won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not", "ain't": "is not", "n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'m": " am", "'d": " would"}  # fmt: skip
_LEADING_MENTIONS = re.compile(r"^(?:\s*[@＠]\w+)+")
NEGATIONS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "without"})
# Words that may change alone without changing what the post says.
IGNORABLE = frozenset(
    {"a", "an", "the", "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "do", "does", "did"}
)
# A quote ending in "..." was cut by whoever quoted it: compare it with the start of the post.
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")


@dataclass(frozen=True, slots=True)
class Change:
    """One place where the quote and the post differ: the words each has there."""

    kind: str  # "number", "negation" or "word"
    shown: tuple[str, ...]
    post: tuple[str, ...]

    def describe(self) -> str:
        shown = " ".join(self.shown) or "(nothing)"
        post = " ".join(self.post) or "(nothing)"
        return f'"{shown}" where the post has "{post}"'


@dataclass(frozen=True, slots=True)
class QuoteDifference:
    similarity: float  # of the two word sequences, 0..1
    changes: tuple[Change, ...] = field(default_factory=tuple)

    @property
    def numbers(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind == "number")


def _without_symbols(text: str) -> str:
    # Emoji and their parts carry no words, and an embed drops or re-encodes them: pictographs
    # (So) and modifiers such as skin tones (Sk) become a space; joiners, variation selectors and
    # other format characters (Cf, Mn in FE00-FE0F) vanish, so a soft hyphen does not split a word.
    out = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("So", "Sk"):
            out.append(" ")
        elif category != "Cf" and not 0xFE00 <= ord(char) <= 0xFE0F:
            out.append(char)
    return "".join(out)


def words(text: str) -> list[str]:
    """The words of a post as CC303 compares them: what an embed may change is gone."""
    text = html.unescape(html.unescape(text))  # double-escaped text (old Reddit JSON, CMS copies)
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _MEDIA_PLACEHOLDER.sub(" ", _LINK.sub(" ", text))
    text = _LEADING_MENTIONS.sub(" ", text)  # a reply's addressees: an embed shows them or not
    text = _without_symbols(text).casefold()
    text = _CONTRACTION.sub(lambda m: _EXPANDED[m.group(0)], text)
    return [w.replace(",", "") if w[0].isdigit() else w for w in _WORD.findall(text)]


def _kind(shown: list[str], post: list[str]) -> str | None:
    changed = set(shown) ^ set(post) or set(shown) | set(post)
    if any(w[0].isdigit() for w in changed):
        return "number"
    if sum(w in NEGATIONS for w in shown) != sum(w in NEGATIONS for w in post):
        return "negation"
    if all(w in IGNORABLE for w in shown + post):
        return None
    return "word"


def compare(shown: str, post: str) -> QuoteDifference | None:
    """How the quote differs from the post, or None when it says the same words."""
    truncated = bool(_TRUNCATED.search(html.unescape(shown)))
    a, b = words(shown), words(post)
    if not a or not b:
        return None
    if truncated and len(b) >= len(a):
        last = a[-1]
        b = b[: len(a)]
        if last != b[-1] and b[-1].startswith(last):
            a = a[:-1]  # "... wirel..." cut inside a word
            b = b[:-1]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        kind = _kind(a[i1:i2], b[j1:j2])
        if kind is not None:
            changes.append(Change(kind, tuple(a[i1:i2]), tuple(b[j1:j2])))
    if not changes:
        return None
    return QuoteDifference(round(matcher.ratio(), 3), tuple(changes))
