"""How often CC203 (date-vs-context) fires on the tweet embeds of the English pages of ../shared/corpus.

    .venv/bin/python benchmarks/bench_cc203.py [--corpus ../shared/corpus/pages] [--json]

Each page is checked offline with ``citecheck.pipeline.check_source`` and default ``Settings()``.
A page is English when its ``<html lang>`` starts with "en"; a page without a ``lang`` attribute
is English when its prose (extracted paragraphs of 12 words or more that end a sentence: menus,
buttons and leaked markup are left out) is mostly English: at least 15% of its words are
among the 40 commonest English function words (English prose runs at 35-45%; German, French,
Spanish, Dutch or Italian prose at 0-8%, from shared short words such as "in", "a", "to").
The rate is CC203 findings on tweets / tweet embeds on those pages (goal: under 2%); every
firing is listed with its message, for reading by hand.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from citecheck.config import Settings
from citecheck.load import LoadError, load
from citecheck.pipeline import check_source, expand_paths

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pages"
HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3})", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+")
FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "it",
        "was",
        "on",
        "with",
        "as",
        "he",
        "be",
        "by",
        "at",
        "this",
        "are",
        "from",
        "his",
        "have",
        "an",
        "but",
        "not",
        "they",
        "which",
        "or",
        "you",
        "were",
        "had",
        "has",
        "their",
        "we",
        "will",
        "been",
    ]
)
ENGLISH_SHARE = 0.15
# Menus, buttons, captions and leaked markup are not prose: only paragraphs of 12 words or more
# that end a sentence and hold no tag count.
PROSE_WORDS = 12
SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s*$")
TWEET = "twitter"


def declared_language(path: Path) -> str | None:
    head = path.read_bytes()
    if head[:2] == b"\x1f\x8b":
        head = gzip.decompress(head)
    found = HTML_LANG.search(head[:20_000])
    return found.group(1).decode("ascii").lower() if found else None


def english_share(path: Path) -> float:
    try:
        document = load(str(path))
    except LoadError:
        return 0.0
    prose = [
        words
        for p in document.paragraphs
        if "<" not in p.text and SENTENCE_END.search(p.text) and len(words := WORD.findall(p.text)) >= PROSE_WORDS
    ]
    if not prose:  # a page of one notice or caption: judge what there is
        prose = [WORD.findall(p.text) for p in document.paragraphs if "<" not in p.text]
    words = [w.lower() for paragraph in prose for w in paragraph]
    return sum(w in FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args()
    settings = Settings()
    pages = tweets = fired = 0
    undeclared: list[tuple[str, float, bool]] = []
    firings: list[str] = []
    for source in expand_paths([str(args.corpus)]):
        path = Path(source)
        language = declared_language(path)
        if language is None:
            share = english_share(path)
            english = share >= ENGLISH_SHARE
            undeclared.append((str(path.relative_to(args.corpus)), share, english))
        else:
            english = language.startswith("en")
        if not english:
            continue
        report = check_source(source, settings)
        page_tweets = {e.index for e in report.embeds if e.platform == TWEET}
        if not page_tweets:
            continue
        pages += 1
        tweets += len(page_tweets)
        for finding in report.findings:
            if finding.rule == "CC203" and finding.embed in page_tweets:
                fired += 1
                firings.append(f"{path.relative_to(args.corpus)}: {finding.message}")
    figures = {
        "english_pages_with_tweets": pages,
        "tweet_embeds": tweets,
        "cc203_on_tweets": fired,
        "rate_percent": round(100 * fired / tweets, 2) if tweets else 0.0,
    }
    if not args.json:
        print("pages without <html lang>, share of English function words:")
        for name, share, english in undeclared:
            print(f"  {share:5.2f} {'English' if english else 'other  '} {name}")
        print("CC203 firings on tweets:" if firings else "CC203 firings on tweets: none")
        for line in firings:
            print("  " + line)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
