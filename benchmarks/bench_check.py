"""Offline check of ../shared/corpus against a bare lxml parse of the same files, in one run.

Prints the ratio (goal: at most 2.0), pages/s, peak memory, and the wall time of one small draft
checked end to end by the installed ``citecheck`` command, start-up included (goal: 0.30 s).

    python benchmarks/bench_check.py [--rounds 5] [--corpus ../shared/corpus/pages]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "pages"


def corpus_files(folder: Path) -> list[Path]:
    from citecheck.pipeline import expand_paths

    return [Path(p) for p in expand_paths([str(folder)])]


def lxml_floor(files: list[Path]) -> None:
    # The floor: what reading and parsing the same files with lxml alone costs.
    from lxml import html

    parser = html.HTMLParser()
    for path in files:
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        with contextlib.suppress(Exception):  # an empty page is no page
            html.document_fromstring(data, parser=parser)


def citecheck_pass(files: list[Path], jobs: int = 1) -> int:
    from citecheck.config import Settings
    from citecheck.pipeline import check_paths

    return sum(len(report.embeds) for report in check_paths([str(p) for p in files], Settings(), jobs=jobs))


def best_of(rounds: int, work: object, *args: object) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work(*args)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def small_draft_wall(runs: int = 11) -> float:
    import compileall

    import citecheck

    command = shutil.which("citecheck") or str(Path(sys.executable).with_name("citecheck"))
    draft = ROOT / "tests" / "fixtures" / "articles" / "council-vote.txt"
    # As installed: pip compiles the bytecode at install time; an editable checkout under
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module from source on every run.
    compileall.compile_dir(Path(citecheck.__file__).parent, quiet=1)
    subprocess.run([command, str(draft)], capture_output=True, check=False)  # fills the regex cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([command, str(draft)], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    files = corpus_files(args.corpus)
    megabytes = sum(f.stat().st_size for f in files) / 1e6
    embeds = citecheck_pass(files)  # warm-up: imports, month table, page cache
    floor = best_of(args.rounds, lxml_floor, files)
    ours = best_of(args.rounds, citecheck_pass, files)
    from citecheck.pipeline import AUTO_JOBS, usable_cores

    jobs = usable_cores()
    # The command line's default (--jobs 0): one process per core for a batch this size.
    parallel = best_of(args.rounds, citecheck_pass, files, AUTO_JOBS) if jobs > 1 else ours
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(files)} pages, {megabytes:.1f} MB on disk, {embeds} embeds; best of {args.rounds} rounds")
    print(f"lxml read + parse alone:     {floor:.3f} s")
    print(f"citecheck offline, 1 job:    {ours:.3f} s  ({len(files) / ours:.0f} pages/s)  ratio {ours / floor:.2f}")
    print(
        f"citecheck offline, default ({jobs} processes): {parallel:.3f} s  ({len(files) / parallel:.0f} pages/s)  ratio {parallel / floor:.2f}"
    )
    print("goal: ratio <= 2.0")
    print(f"peak memory: {peak:.0f} MiB")
    print(f"one small draft, end to end with start-up: {small_draft_wall():.3f} s (goal <= 0.30)")


if __name__ == "__main__":
    main()
