"""Batch runs: peak memory on a synthetic 10,000-file archive, and --jobs 2 against --jobs 1.

    .venv/bin/python benchmarks/bench_batch.py [--files 10000] [--corpus ../shared/corpus/pages]

Peak memory is the largest resident set of the citecheck process and its workers (ru_maxrss of
the waited children), for 1,000 and for 10,000 files: bounded memory means the two are close.
The speed-up is wall time, best of three, on the shared corpus (skipped when it is absent), and the
two JSON reports must be byte-identical.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_MS = 1760000000000  # 2025-10-09


def snowflake(ms: int, low: int) -> int:
    from citecheck.embeds.twitter import snowflake_id

    return snowflake_id(dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc), low)


def article(i: int) -> tuple[str, str]:
    """A small article: a dated page with one or two tweet embeds; one in seven has a wrong date."""
    ms = BASE_MS + (i % 900) * 3_600_000
    post = snowflake(ms, i % 4096)
    day = time.gmtime(ms / 1000 + (3 * 86400 if i % 7 == 0 else 0))
    shown = time.strftime("%B %d, %Y", day).replace(" 0", " ")
    published = time.strftime("%Y-%m-%d", time.gmtime(ms / 1000 + 5 * 86400))
    tweet = (
        '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Update number '
        f"{i} from the harbour.</p>&mdash; Desk {i} (@desk{i % 97}) "
        f'<a href="https://twitter.com/desk{i % 97}/status/{post}?ref_src=twsrc%5Etfw">{shown}</a></blockquote>'
    )
    body = f"The council met again, for the {i}th time this year.\n\n{tweet}\n\nThe meeting ran late.\n"
    if i % 3 == 0:
        return "md", f"---\ntitle: Story {i}\ndate: {published}\n---\n{body}"
    if i % 3 == 1:
        meta = f'<meta property="article:published_time" content="{published}T09:00:00Z">'
        return (
            "html",
            f"<!DOCTYPE html><html><head>{meta}</head><body><article>\n<p>{body}</p>\n</article></body></html>\n",
        )
    return "txt", f"date {published} The council met again.\n\nIt ran late: https://twitter.com/desk/status/{post}\n"


def make_archive(folder: Path, count: int) -> None:
    for i in range(count):
        kind, text = article(i)
        sub = folder / f"{i // 100:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"story-{i:05d}.{kind}").write_text(text, encoding="utf-8")


def measured(args: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MB of the run and its workers, and the exit code."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:]).returncode\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True).stdout
    seconds, kilobytes, code = out.split()
    return float(seconds), int(kilobytes) // 1024, int(code)


def citecheck(*args: str) -> list[str]:
    return [sys.executable, "-m", "citecheck", *args]


def memory(files: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "small", Path(tmp) / "large"
        small.mkdir()
        large.mkdir()
        make_archive(small, max(files // 10, 1))
        make_archive(large, files)
        for label, folder in ((f"{max(files // 10, 1):>6}", small), (f"{files:>6}", large)):
            for jobs in (1, 2):
                for fmt in ("json", "jsonl"):
                    seconds, mb, _ = measured(citecheck(str(folder), "-f", fmt, "-j", str(jobs), "-o", os.devnull))
                    rate = int(label) / seconds
                    print(
                        f"  {label} files  --jobs {jobs} -f {fmt:<5}  {seconds:6.2f} s  {rate:6.0f} files/s  peak RSS {mb} MB"
                    )


def speedup(corpus: Path) -> None:
    if not corpus.is_dir():
        print(f"  {corpus} is absent: speed-up skipped")
        return
    outputs = {}
    best = {}
    for jobs in (1, 2):
        times = []
        for _ in range(3):
            target = Path(tempfile.gettempdir()) / f"citecheck-bench-j{jobs}.json"
            seconds, _mb, _ = measured(citecheck(str(corpus), "-f", "json", "-j", str(jobs), "-o", str(target)))
            times.append(seconds)
            outputs[jobs] = target.read_bytes()
        best[jobs] = min(times)
    files = json.loads(outputs[1])["summary"]["files"]
    same = "byte-identical" if outputs[1] == outputs[2] else "DIFFERENT"
    print(
        f"  {files} pages: --jobs 1 {best[1]:.2f} s, --jobs 2 {best[2]:.2f} s,"
        f" speed-up x{best[1] / best[2]:.2f} on {os.cpu_count()} CPUs; JSON {same}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "pages")
    options = parser.parse_args()
    print(f"peak memory, synthetic archive ({options.files // 10} and {options.files} small articles):")
    memory(options.files)
    print("--jobs 2 against --jobs 1 on the corpus (wall time, best of 3, start-up included):")
    speedup(options.corpus)


if __name__ == "__main__":
    main()
