"""The HTML report at scale: its size, and how long headless Chromium takes to open it.

    .venv/bin/python benchmarks/bench_html.py [--files 1000 10000] [--corpus ../shared/corpus/pages]

For each size, builds the synthetic archive of bench_batch.py, writes `--format html`, and opens
it three times in the system Chromium (Playwright), from navigation to the first frame after the
page's script ran. Goals (issue 16): a 1,000-file report opens in under 2 s; the corpus report is
under 10 MB.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from bench_batch import make_archive

from helpers import BROWSER_ARGS, chromium_path


def write_report(paths: list[str], target: Path) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "citecheck", *paths, "--format", "html", "-o", str(target), "--fail-on", "never"]
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def open_times(report: Path, runs: int = 3) -> list[float]:
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise SystemExit("no Chromium found: install Debian's chromium or set CITECHECK_CHROMIUM")
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            started = time.perf_counter()
            page.goto(report.resolve().as_uri(), wait_until="load")
            page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            times.append(time.perf_counter() - started)
            page.close()
        browser.close()
    return times


def measure(label: str, paths: list[str], folder: Path) -> None:
    target = folder / f"{label}.html"
    seconds = write_report(paths, target)
    size = target.stat().st_size / 1e6
    opened = open_times(target)
    print(
        f"{label}: written in {seconds:.2f} s, {size:.2f} MB; opens in"
        f" {min(opened):.2f}-{max(opened):.2f} s ({', '.join(f'{t:.2f}' for t in opened)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for count in options.files:
            archive = folder / f"archive-{count}"
            archive.mkdir()
            make_archive(archive, count)
            measure(f"{count} files", [str(archive)], folder)
        if options.corpus.is_dir():
            measure("corpus", [str(options.corpus)], folder)
        else:
            print(f"corpus: {options.corpus} is absent, skipped")


if __name__ == "__main__":
    main()
