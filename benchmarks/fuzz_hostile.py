"""The long fuzz run: the CI fuzz target (tests/fuzz_target.py) on as many inputs as you give it.

    .venv/bin/python benchmarks/fuzz_hostile.py --inputs 500000 [--jobs 2] [--seed 1] [--out fuzz-failures]

Each input is one of the project's fixtures or examples with up to eight mutations (pieces of
real markup, the hostile values the issue tracker's fuzzing found, byte flips, splices, cuts,
CRLF line ends), a suffix, and a publication date (none, an ordinary one, or the calendar's
ends), checked end to end and written in every output format, and one in four tagged whole by the chronology.
An input passes when it ends in a report or in a CC001 finding (the documented load error);
anything else (an exception, an "internal error" CC001, output that does not parse) is a
failure, saved under ``--out`` with what it raised, so it can be replayed and made a test.

Prints progress every 10,000 inputs and a last line: inputs run, failures, distinct failures,
inputs a second. Exits 1 when anything failed. The CI run is the bounded hypothesis test
(tests/test_fuzz.py, ``CITECHECK_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_target import FuzzFailure, random_case, run_one, seeds  # noqa: E402

CHUNK = 500


def work(task: tuple[int, int, int, str]) -> tuple[int, list[tuple[str, str, bytes, str]]]:
    """Run ``count`` inputs of the random stream ``seed``/``chunk``; the failures, with their inputs."""
    seed, chunk, count, _out = task
    rng = random.Random(f"{seed}-{chunk}")
    pool = seeds()
    failures: list[tuple[str, str, bytes, str]] = []
    with tempfile.TemporaryDirectory(prefix="citecheck-fuzz-") as folder:
        for index in range(count):
            suffix, data, published, cut, timeline = random_case(rng, pool)
            try:
                run_one(Path(folder), suffix, data, published, cut, timeline)
            except FuzzFailure as failure:
                failures.append(
                    (f"{chunk}-{index}{suffix}", str(failure).split(": ", 1)[-1][:300], data, str(published))
                )
            except Exception as error:  # noqa: BLE001 - a failure of the target itself is a finding too
                failures.append(
                    (f"{chunk}-{index}{suffix}", f"{type(error).__name__}: {error}"[:300], data, str(published))
                )
    return count, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=500_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    args = parser.parse_args()
    tasks = [
        (args.seed, chunk, min(CHUNK, args.inputs - chunk * CHUNK), str(args.out))
        for chunk in range((args.inputs + CHUNK - 1) // CHUNK)
    ]
    started = time.perf_counter()
    done = 0
    kinds: dict[str, int] = {}
    failed = 0
    with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
        for count, failures in pool.imap_unordered(work, tasks):
            done += count
            for name, reason, data, published in failures:
                failed += 1
                kind = reason.split(" (")[0][:120]
                kinds[kind] = kinds.get(kind, 0) + 1
                args.out.mkdir(parents=True, exist_ok=True)
                (args.out / name).write_bytes(data)
                (args.out / (name + ".why")).write_text(f"published={published}\n{reason}\n")
            if done // 10_000 != (done - count) // 10_000:
                rate = done / (time.perf_counter() - started)
                print(f"{done:,} inputs, {failed} failures, {rate:.0f}/s", flush=True)
    elapsed = time.perf_counter() - started
    print(f"ran {done:,} inputs in {elapsed:.0f} s ({done / elapsed:.0f}/s): {failed} failures, {len(kinds)} distinct")
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"  {count:6}  {kind}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
