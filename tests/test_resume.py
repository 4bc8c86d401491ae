"""--resume: a JSON Lines run killed at any moment, then resumed, ends with exactly the records of
a run that was never interrupted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from citecheck.run import CheckOptions, run_check

from helpers import ROOT, html_article, snowflake, tweet_blockquote, warc_record, write_warc

PAGES = 160


def make_audit(folder: Path) -> Path:
    """Pages as files, and more pages in a web archive, sorted after them."""
    folder.mkdir()
    records = []
    for i in range(PAGES):
        post = snowflake(f"2025-03-{1 + i % 27:02d}T10:00:00", i)
        page = html_article(
            f"2025-03-{1 + i % 27:02d}T12:00:00Z", f"<p>Story {i}.</p>", tweet_blockquote("desk", post, "March 3, 2025")
        )
        if i % 2:
            records.append(warc_record(f"https://news.example/{i}", page.encode(), date="2025-03-20T00:00:00Z"))
        else:
            (folder / f"story-{i:03d}.html").write_text(page, encoding="utf-8")
    write_warc(folder / "zz-crawl.warc.gz", records)
    return folder


def citecheck(folder: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "citecheck", str(folder), "-f", "jsonl", "-o", str(out), "--jobs", "1", *extra]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def lines_in(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.fixture(scope="module")
def audit(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    folder = make_audit(tmp_path_factory.mktemp("resume") / "audit")
    whole = folder.parent / "whole.jsonl"
    assert citecheck(folder, whole).wait(timeout=120) == 1
    return folder, whole.read_bytes()


@pytest.mark.parametrize("kill_after", [[0], [5, 60], [40, 81, 130]])
def test_killed_with_sigkill_at_several_points_then_resumed_equals_an_uninterrupted_run(
    audit: tuple[Path, bytes], tmp_path: Path, kill_after: list[int]
) -> None:
    folder, whole = audit
    out = tmp_path / "audit.jsonl"
    for at in kill_after:
        run = citecheck(folder, out, "--resume")
        deadline = time.monotonic() + 60
        while lines_in(out) < at and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=30)
        assert run.returncode in (-signal.SIGKILL, 1), "the run ended before it could be killed"
    killed_at = lines_in(out)
    assert killed_at < PAGES, "no kill interrupted the run"
    final = citecheck(folder, out, "--resume")
    assert final.wait(timeout=120) == 1, final.stderr.read() if final.stderr else ""
    assert out.read_bytes() == whole
    assert len(whole.splitlines()) == PAGES


def test_a_half_written_last_line_is_cut_off_and_written_again(audit: tuple[Path, bytes], tmp_path: Path) -> None:
    folder, whole = audit
    out = tmp_path / "audit.jsonl"
    lines = whole.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:70]) + lines[70][: len(lines[70]) // 2])
    assert run_check(CheckOptions(paths=[str(folder)], output_format="jsonl", output=out, jobs=1, resume=True)) == 1
    assert out.read_bytes() == whole


def test_resume_with_jobs_2_appends_the_same_records(audit: tuple[Path, bytes], tmp_path: Path) -> None:
    folder, whole = audit
    out = tmp_path / "audit.jsonl"
    out.write_bytes(b"".join(whole.splitlines(keepends=True)[:33]))
    assert run_check(CheckOptions(paths=[str(folder)], output_format="jsonl", output=out, jobs=2, resume=True)) == 1
    assert out.read_bytes() == whole


def test_resume_needs_a_jsonl_file_and_a_foreign_file_is_refused(tmp_path: Path) -> None:
    import io

    page = ROOT / "examples" / "harbor-bridge.html"
    err = io.StringIO()
    assert run_check(CheckOptions(paths=[str(page)], output_format="json", resume=True), stderr=err) == 2
    assert "--format jsonl" in err.getvalue()
    foreign = tmp_path / "notes.jsonl"
    foreign.write_text("shopping list\n", encoding="utf-8")
    err = io.StringIO()
    options = CheckOptions(paths=[str(page)], output_format="jsonl", output=foreign, resume=True)
    assert run_check(options, stderr=err) == 2
    assert "line 1 is not a citecheck JSON Lines record" in err.getvalue()
    assert foreign.read_text(encoding="utf-8") == "shopping list\n"


def test_exit_code_and_summary_count_the_records_of_the_earlier_run(audit: tuple[Path, bytes], tmp_path: Path) -> None:
    folder, whole = audit
    out = tmp_path / "audit.jsonl"
    out.write_bytes(whole)  # everything was done: nothing left to check, and the findings still fail the run
    assert run_check(CheckOptions(paths=[str(folder)], output_format="jsonl", output=out, jobs=1, resume=True)) == 1
    assert out.read_bytes() == whole
    assert os.path.getsize(out) == len(whole)
