"""CC203 on mutated real articles: move an embed's shown date away from the date its context
names, and count how often CC203 notices; the same articles unmutated must stay quiet.

An embed counts when the sentence just before it or just after it names a short span (a day, a
weekday, "days earlier") that agrees with the embed's date, so there is a context date to move
away from. Each such embed's shown date is rewritten in its own source, shifted by each offset.

    python benchmarks/bench_cc203_mutation.py [--corpus ../shared/corpus/pages]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHIFTS = (-30, -7, -3, 7, 30)
# CC203's tolerance is one day before the context's span and four after it (posts trail events).
AWAY = (-30, -7, -3, -2, 2, 3, 5, 7, 30)


def english_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def replace_shown(text: str, shown: str, offset: int | None, new: str) -> str:
    """Rewrite the shown date inside the embed: the first occurrence at or after the embed's start
    (a page often prints the same date in its own header, which would move the publication date)."""
    at = text.find(shown, offset or 0)
    if at < 0:
        at = text.find(shown)
    return text[:at] + new + text[at + len(shown) :]


# The source, its text, the embed's shown date as written, where the embed starts, its index.
Mutation = tuple[str, str, str, "int | None", int]


def cc203_fires(mutation: Mutation, new_date: str, settings: Any) -> bool:
    from citecheck.load import load_bytes
    from citecheck.pipeline import check_document

    source, text, shown, offset, index = mutation
    moved = load_bytes(source, replace_shown(text, shown, offset, new_date).encode())
    return any(f.embed == index for f in check_document(moved, settings).findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "pages")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")

    from citecheck.config import Settings
    from citecheck.load import LoadError, load, load_bytes
    from citecheck.pipeline import check_document, expand_paths

    settings = Settings(select=["CC203"])
    armed = 0
    caught: Counter[int] = Counter()
    away: Counter[int] = Counter()
    for source in expand_paths([str(args.corpus)]):
        try:
            document = load(source)
        except LoadError:
            continue
        report = check_document(document, settings)
        flagged = {f.embed for f in report.findings}
        for embed in report.embeds:
            text = embed.shown_date_text
            if not (embed.shown_date and text and embed.shown_date_language in ("en", None)):
                continue
            if text not in document.text or embed.index in flagged:
                continue
            # Is there a context date? Move the date far away once and see whether CC203 wakes.
            offset = embed.location.offset
            far = english_date(embed.shown_date + dt.timedelta(days=400))
            probe = load_bytes(source, replace_shown(document.text, text, offset, far).encode())
            woken = [f for f in check_document(probe, settings).findings if f.embed == embed.index]
            if not woken:
                continue
            armed += 1
            context_date = woken[0].evidence["context_date"]
            begin = dt.date.fromisoformat(context_date["begin"])
            last = dt.date.fromisoformat(context_date["last"])

            def fires(day: dt.date, mutation: Mutation = (source, document.text, text, offset, embed.index)) -> bool:
                return cc203_fires(mutation, english_date(day), settings)

            for shift in SHIFTS:
                caught[shift] += fires(embed.shown_date + dt.timedelta(days=shift))
            for gap in AWAY:
                away[gap] += fires(last + dt.timedelta(days=gap) if gap > 0 else begin + dt.timedelta(days=gap))
    print(f"embeds with a context date, quiet before mutation: {armed}")
    for shift in SHIFTS:
        rate = 100 * caught[shift] / armed if armed else 0.0
        print(f"  shown date moved {shift:+d} days: CC203 fires on {caught[shift]}/{armed} ({rate:.0f}%)")
    print("shown date set N days outside the span the context names (before its first day, after its last):")
    for gap in AWAY:
        rate = 100 * away[gap] / armed if armed else 0.0
        print(f"  {gap:+d} days: CC203 fires on {away[gap]}/{armed} ({rate:.0f}%)")


if __name__ == "__main__":
    main()
