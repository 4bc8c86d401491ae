"""Publication dates against the dates other projects recorded for ../shared/corpus pages.

For every page whose INDEX.tsv row has ``expected_pub_date_if_known``, compares (same day):
citecheck's load stage (metadata first, htmldate's heuristics only when the metadata is silent),
htmldate alone (fast mode, original date), and htmldate in extensive mode. Prints accuracy and
time for each, and the pages where citecheck differs.

    python benchmarks/bench_published.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def gold_pages(corpus: Path) -> list[tuple[Path, str]]:
    with (corpus / "INDEX.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        (corpus / row["file"], row["expected_pub_date_if_known"][:10])
        for row in rows
        if row["expected_pub_date_if_known"]
    ]


def citecheck_date(path: Path) -> str | None:
    from citecheck.load import LoadError, load

    try:
        document = load(str(path))
    except LoadError:
        return None
    return str(document.published.date) if document.published else None


def htmldate_date(path: Path, extensive: bool) -> str | None:
    from htmldate import find_date

    from citecheck.load.html import parse_html
    from citecheck.load.read import decode, read_bytes

    root = parse_html(decode(str(path), read_bytes(str(path)), html=True))
    if root is None:
        return None
    found = find_date(root, original_date=True, extensive_search=extensive, outputformat="%Y-%m-%d")
    return str(found) if found else None


def score(name: str, pages: list[tuple[Path, str]], method: Callable[[Path], str | None]) -> dict[Path, str | None]:
    start = time.perf_counter()
    answers = {path: method(path) for path, _gold in pages}
    elapsed = time.perf_counter() - start
    right = sum(answers[path] == gold for path, gold in pages)
    found = sum(answers[path] is not None for path, _gold in pages)
    print(f"{name:<28} {right}/{len(pages)} right ({100 * right / len(pages):.0f}%), {found} answered, {elapsed:.2f} s")
    return answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    if not (args.corpus / "INDEX.tsv").is_file():
        sys.exit(f"no corpus at {args.corpus}")
    pages = gold_pages(args.corpus)
    ours = score("citecheck load stage", pages, citecheck_date)
    score("htmldate fast", pages, lambda p: htmldate_date(p, False))
    score("htmldate extensive", pages, lambda p: htmldate_date(p, True))
    for path, gold in pages:
        if ours[path] != gold:
            print(f"  differs: {path.relative_to(args.corpus)}: citecheck {ours[path]}, recorded {gold}")


if __name__ == "__main__":
    main()
