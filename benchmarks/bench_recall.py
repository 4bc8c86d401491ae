"""Recall and precision of the extract stage on ../shared/corpus, against its EMBEDS.tsv.

EMBEDS.tsv lists, per page, the embeds a simple DOM scan found (platform, post ID). A labelled embed
is found when a report of the page has the same platform and post ID (a label without an ID takes
any report of its platform on its page). A report that matches no label is listed, for a person to
judge: the index misses embeds that live only inside scripts, so not every one is a false report.

    python benchmarks/bench_recall.py [--corpus ../shared/corpus] [--unmatched]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def labels(corpus: Path) -> dict[str, list[tuple[str, str]]]:
    wanted: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with (corpus / "EMBEDS.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            post_id = row["post_id"]
            if post_id == "videoseries":  # a playlist player: citecheck's ID is the list's
                post_id = row["post_url"].partition("list=")[2].partition("&")[0]
            wanted[str(corpus / row["file"])].append((row["platform"], post_id))
    return wanted


def score(corpus: Path) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str], list[str]]:
    from citecheck.config import Settings
    from citecheck.pipeline import check_paths

    wanted = labels(corpus)
    labelled: Counter[str] = Counter()
    found: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    right: Counter[str] = Counter()
    unmatched: list[str] = []
    for report in check_paths([str(corpus / "pages")], Settings(), jobs=1):
        open_labels = list(wanted.get(report.source, []))
        for platform, _ in open_labels:
            labelled[platform] += 1
        for embed in report.embeds:
            reported[embed.platform] += 1
            key = (embed.platform, embed.post_id or "")
            # The index lists each copy of a post seen twice in a row (a player and its <noscript>
            # copy); citecheck reports it once, seen at each place.
            for _ in embed.also_seen_at:
                if key in open_labels:
                    open_labels.remove(key)
                    found[embed.platform] += 1
            if key in open_labels:
                open_labels.remove(key)
            elif (embed.platform, "") in open_labels:
                open_labels.remove((embed.platform, ""))
            else:
                where = f"line {embed.location.line}"
                unmatched.append(f"{report.source}\t{embed.platform}\t{embed.form}\t{embed.post_id}\t{where}")
                continue
            right[embed.platform] += 1
            found[embed.platform] += 1
    return labelled, found, reported, right, unmatched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--unmatched", action="store_true", help="list the reports that match no label")
    args = parser.parse_args()
    labelled, found, reported, right, unmatched = score(args.corpus)
    print(f"{'platform':<10} {'labelled':>8} {'found':>6} {'recall':>7} {'reported':>9} {'precision':>10}")
    for platform in sorted(set(labelled) | set(reported)):
        recall = found[platform] / labelled[platform] if labelled[platform] else float("nan")
        precision = right[platform] / reported[platform] if reported[platform] else float("nan")
        print(
            f"{platform:<10} {labelled[platform]:>8} {found[platform]:>6} {recall:>7.3f} "
            f"{reported[platform]:>9} {precision:>10.3f}"
        )
    total_l, total_f, total_r, total_ok = (sum(c.values()) for c in (labelled, found, reported, right))
    print(f"{'all':<10} {total_l:>8} {total_f:>6} {total_f / total_l:>7.3f} {total_r:>9} {total_ok / total_r:>10.3f}")
    if args.unmatched:
        print("\nreports matching no label:")
        print("\n".join(unmatched))


if __name__ == "__main__":
    main()
