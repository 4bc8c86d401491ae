"""Web-archive audits: pages per second on a WARC built from the shared corpus (x8), for one
process, --jobs 2, and Dask with 1 and 2 workers; peak memory per worker.

    .venv/bin/python benchmarks/bench_archive.py [--copies 8] [--rounds 2] [--corpus ../shared/corpus/pages]

Needs the audit extra (pip install -e '.[audit]'). The WARC holds every corpus page ``--copies``
times as gzipped response records (as crawlers write them). Each mode is run ``--rounds`` times,
the modes alternating, and the best time is kept (the machine is shared). Local modes run the
command line (``-f jsonl -o``), start-up included; Dask runs through ``check_on_dask`` on a
LocalCluster of single-threaded worker processes started beforehand (its start-up is reported on
its own line), and once more through the command line (``--engine dask``), start-up included.
Every mode's JSON Lines must equal the one-process run's, record for record. Peak memory: the
largest resident set of the command's processes (local), of each Dask worker (asked of the workers).
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def warc_record(uri: str, body: bytes, date: str) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri)}>\r\n"
        f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def build_warc(corpus: Path, copies: int, path: Path) -> tuple[int, int]:
    pages = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.endswith((".tsv", ".md")))
    count = size = 0
    with path.open("wb") as out:
        for copy in range(copies):
            for i, page in enumerate(pages):
                body = page.read_bytes()
                if body[:2] == b"\x1f\x8b":
                    body = gzip.decompress(body)
                out.write(gzip.compress(warc_record(f"https://example.org/{copy}/{i}", body, "2026-01-01T00:00:00Z"), 6))
                count += 1
                size += len(body)
    return count, size


# Runs a command and prints the peak resident set of its processes: a fresh parent per run, so the
# figure is this run's (RUSAGE_CHILDREN keeps the largest child ever waited for).
_PEAK_OF = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run_cli(warc: Path, out: Path, *args: str) -> tuple[float, float]:
    """Wall seconds and the peak resident MB of the command's largest process."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "citecheck", str(warc), "-f", "jsonl", "-o", str(out), *args]
    done = subprocess.run([sys.executable, "-c", _PEAK_OF, *command], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    return seconds, int(done.stdout.split()[-1]) / 1024


def run_dask(warc: Path, out: Path, client: object) -> float:
    from citecheck.cluster import check_on_dask
    from citecheck.models import Summary
    from citecheck.render import renderer

    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as stream:
        jsonl = renderer("jsonl", stream)
        for report in check_on_dask(client, [str(warc)]):  # type: ignore[arg-type]
            jsonl.add(report)
        jsonl.finish(Summary())
    return time.perf_counter() - start


def worker_peaks(client: object) -> list[float]:
    def peak() -> float:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    answers: dict[str, float] = client.run(peak)  # type: ignore[attr-defined]
    return sorted(answers.values())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "pages")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"{args.corpus} is not available")
    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        warc = folder / "corpus.warc.gz"
        pages, size = build_warc(args.corpus, args.copies, warc)
        print(f"WARC: {pages} pages, {size / 1e6:.0f} MB of pages, {warc.stat().st_size / 1e6:.0f} MB gzipped")
        best: dict[str, float] = {}
        peaks: dict[str, list[float]] = {}
        outputs: dict[str, Path] = {}
        clusters = {}
        for workers in (1, 2):
            start = time.perf_counter()
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
            clusters[workers] = (cluster, client)
            print(f"LocalCluster of {workers} worker(s) started in {time.perf_counter() - start:.1f} s")
        for _ in range(args.rounds):
            for mode, cli_args in (("one process", ("--jobs", "1")), ("--jobs 2", ("--jobs", "2"))):
                out = folder / f"{mode.replace(' ', '_')}.jsonl"
                seconds, peak = run_cli(warc, out, *cli_args)
                best[mode] = min(best.get(mode, seconds), seconds)
                peaks[mode] = [peak]
                outputs[mode] = out
            for workers, (_cluster, client) in clusters.items():
                mode = f"Dask, {workers} worker{'s' if workers > 1 else ''}"
                out = folder / f"dask{workers}.jsonl"
                seconds = run_dask(warc, out, client)
                best[mode] = min(best.get(mode, seconds), seconds)
                peaks[mode] = worker_peaks(client)
                outputs[mode] = out
            out = folder / "dask_cli.jsonl"
            seconds, _peak = run_cli(warc, out, "--engine", "dask", "--jobs", "2")
            mode = "Dask, 2 workers, command line (cluster start-up included)"
            best[mode] = min(best.get(mode, seconds), seconds)
            outputs[mode] = out
        for cluster, client in clusters.values():
            client.close()
            cluster.close()
        reference = outputs["one process"].read_bytes()
        print(f"\n| mode | best of {args.rounds} | pages/s | peak memory per process/worker |")
        print("|---|---|---|---|")
        for mode, seconds in best.items():
            same = "" if outputs[mode].read_bytes() == reference else " **(report differs!)**"
            memory = ", ".join(f"{mb:.0f} MB" for mb in peaks.get(mode, [])) or "—"
            print(f"| {mode}{same} | {seconds:.1f} s | {pages / seconds:.0f} | {memory} |")
        ratio = best["--jobs 2"] / best["Dask, 2 workers"]
        print(f"\nDask with 2 workers / --jobs 2 throughput: {ratio:.2f} (goal: 0.85 or more)")
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
