"""tweetfinder (Media Cloud's tweet-embed finder, the nearest peer) on ../shared/corpus, timed
against the same lxml floor as bench_check.py. tweetfinder pins its own dependencies, so run this
with a Python that has it installed, e.g.:

    python3 -m venv /tmp/tf && /tmp/tf/bin/pip install tweetfinder lxml
    /tmp/tf/bin/python benchmarks/bench_peer.py [--corpus ../shared/corpus/pages]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "pages")
    args = parser.parse_args()
    try:
        from tweetfinder import Article
    except ImportError:
        sys.exit("tweetfinder is not installed in this Python (see the docstring)")
    from lxml import html

    files = sorted(p for p in args.corpus.rglob("*") if p.is_file())
    pages = [gzip.decompress(b) if b[:2] == b"\x1f\x8b" else b for b in (p.read_bytes() for p in files)]
    start = time.perf_counter()
    for data in pages:
        with contextlib.suppress(Exception):
            html.document_fromstring(data)
    floor = time.perf_counter() - start
    start = time.perf_counter()
    tweets = 0
    for data in pages:
        with contextlib.suppress(Exception):  # tweetfinder raises on some pages; count what it finds
            tweets += len(Article(html=data.decode("utf-8", "replace")).list_embedded_tweets())
    peer = time.perf_counter() - start
    print(
        f"{len(pages)} pages: lxml parse {floor:.2f} s; tweetfinder {peer:.2f} s ({peer / floor:.0f}x), {tweets} tweets"
    )


if __name__ == "__main__":
    main()
