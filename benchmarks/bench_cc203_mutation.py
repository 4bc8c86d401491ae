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

ROOT = Path(__file__).resolve().parents[1]
SHIFTS = (-30, -7, -3, 7, 30)


def english_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


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
    quiet_before = 0
    caught: Counter[int] = Counter()
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
            probe = load_bytes(
                source, document.text.replace(text, english_date(embed.shown_date + dt.timedelta(days=400)), 1).encode()
            )
            if not any(f.embed == embed.index for f in check_document(probe, settings).findings):
                continue
            armed += 1
            quiet_before += 1
            for shift in SHIFTS:
                moved = document.text.replace(text, english_date(embed.shown_date + dt.timedelta(days=shift)), 1)
                mutated = load_bytes(source, moved.encode())
                if any(f.embed == embed.index for f in check_document(mutated, settings).findings):
                    caught[shift] += 1
    print(f"embeds with a context date, quiet before mutation: {quiet_before}")
    for shift in SHIFTS:
        rate = 100 * caught[shift] / armed if armed else 0.0
        print(f"  shown date moved {shift:+d} days: CC203 fires on {caught[shift]}/{armed} ({rate:.0f}%)")


if __name__ == "__main__":
    main()
