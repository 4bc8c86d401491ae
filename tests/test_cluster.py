"""--engine dask: the same per-source check on a real Dask cluster (LocalCluster, processes, 2
workers), record for record the reports of one process; large WARCs split into byte ranges."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from citecheck.config import Settings
from citecheck.load.archive import read_archive
from citecheck.pipeline import check_paths
from citecheck.run import CheckOptions, run_check

from helpers import ROOT, arc_record, html_article, snowflake, tweet_blockquote, warc_record, write_arc, write_warc

distributed = pytest.importorskip("distributed")
EXAMPLE = ROOT / "examples" / "harbor-bridge.html"


def page(i: int) -> bytes:
    post = snowflake(f"2025-03-{1 + i % 27:02d}T10:00:00", i)
    shown = "March 3, 2025" if i % 5 == 0 else f"March {1 + i % 27}, 2025"
    return html_article(
        f"2025-03-{1 + i % 27:02d}T12:00:00Z",
        f"<p>Story {i}: the council met.</p>",
        tweet_blockquote("desk", post, shown),
    ).encode()


def make_audit(folder: Path) -> Path:
    """Files, a WARC large enough to split (gzipped and plain), an ARC, and a broken archive."""
    folder.mkdir()
    (folder / "a-example.html").write_bytes(EXAMPLE.read_bytes())
    for i in range(20):
        (folder / f"b-story-{i:02d}.html").write_bytes(page(i))
    records = [warc_record(f"https://news.example/{i}", page(i), date="2025-03-20T00:00:00Z") for i in range(120)]
    write_warc(folder / "c-crawl.warc.gz", records)
    write_warc(folder / "d-crawl.warc", records[:40])
    write_arc(folder / "e-old.arc.gz", [arc_record("http://news.example/old", page(7), date="20250320000000")])
    (folder / "f-broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 64)
    return folder


@pytest.fixture(scope="module")
def audit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_audit(tmp_path_factory.mktemp("cluster") / "audit")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def test_the_command_line_on_a_local_cluster_writes_the_jsonl_of_one_process(audit: Path, tmp_path: Path) -> None:
    one, dask = tmp_path / "one.jsonl", tmp_path / "dask.jsonl"
    base = [sys.executable, "-m", "citecheck", str(audit), "-f", "jsonl"]
    assert subprocess.run([*base, "-o", str(one), "--jobs", "1"], cwd=ROOT, timeout=120).returncode == 1
    result = subprocess.run(
        [*base, "-o", str(dask), "--engine", "dask", "--jobs", "2"],
        cwd=ROOT,
        timeout=180,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert dask.read_text().splitlines() == one.read_text().splitlines()
    assert len(one.read_text().splitlines()) == 1 + 20 + 120 + 40 + 1 + 1


def test_the_python_api_splits_a_warc_into_ranges_and_keeps_every_record_once(audit: Path, client: object) -> None:
    from citecheck.cluster import check_on_dask, plan

    warc = str(audit / "c-crawl.warc.gz")
    tasks = list(plan([warc], lambda _s: Settings.model_validate({}), threads=2, chunk_bytes=4096))
    assert len(tasks) > 4 and all(task.archive == warc for task in tasks)
    got = [r.model_dump_json() for r in check_on_dask(client, [str(audit)], chunk_bytes=4096)]  # type: ignore[arg-type]
    want = [r.model_dump_json() for r in check_paths([str(audit)], Settings.model_validate({}), jobs=1)]
    assert got == want


def test_fsspec_urls_are_listed_on_the_client_and_read_on_the_workers(audit: Path, client: object) -> None:
    from citecheck.cluster import check_on_dask

    got = list(check_on_dask(client, [f"file://{audit}"], chunk_bytes=4096))  # type: ignore[arg-type]
    want = list(check_paths([str(audit)], Settings.model_validate({}), jobs=1))
    assert len(got) == len(want)
    for mine, theirs in zip(got, want, strict=True):
        assert mine.source.endswith(theirs.source.split(str(audit), 1)[1])
        assert [f.rule for f in mine.findings] == [f.rule for f in theirs.findings]
        assert mine.embeds == theirs.embeds


def test_resumed_sources_are_not_sent_again(audit: Path, client: object) -> None:
    from citecheck.cluster import check_on_dask

    want = list(check_paths([str(audit)], Settings.model_validate({}), jobs=1))
    done = {report.source for report in want[:50]}
    got = list(check_on_dask(client, [str(audit)], skip=done, chunk_bytes=4096))  # type: ignore[arg-type]
    assert [r.source for r in got] == [r.source for r in want[50:]]


@pytest.mark.parametrize("name", ["ranges.warc.gz", "ranges.warc"])
@pytest.mark.parametrize("chunk", [100, 997, 5000, 1 << 20])
def test_byte_ranges_of_a_warc_hold_each_record_exactly_once(tmp_path: Path, name: str, chunk: int) -> None:
    records = [warc_record(f"https://news.example/{i}", page(i)) for i in range(30)]
    records.insert(7, warc_record("https://news.example/img", b"GIF89a", headers=[("Content-Type", "image/gif")]))
    archive = write_warc(tmp_path / name, records)
    whole = [(p.capture.offset, p.capture.target_uri) for p in read_archive(str(archive), max_bytes=1 << 20)]
    size = archive.stat().st_size
    ranges = []
    for start in range(0, size, chunk):
        found = read_archive(str(archive), max_bytes=1 << 20, start=start, end=start + chunk)
        ranges.extend((p.capture.offset, p.capture.target_uri) for p in found)
    assert ranges == whole and len(whole) == 30


def test_without_dask_the_message_gives_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    err = io.StringIO()
    assert run_check(CheckOptions(paths=[str(EXAMPLE)], engine="dask"), stderr=err) == 2
    assert "pip install 'citecheck-embeds[dask]'" in err.getvalue()


def test_scheduler_without_the_dask_engine_and_stdin_on_dask_are_usage_errors() -> None:
    err = io.StringIO()
    assert run_check(CheckOptions(paths=[str(EXAMPLE)], scheduler="tcp://127.0.0.1:8786"), stderr=err) == 2
    assert "--engine dask" in err.getvalue()
    err = io.StringIO()
    assert run_check(CheckOptions(paths=["-"], engine="dask"), stderr=err) == 2
    assert "standard input" in err.getvalue()


def test_scheduler_option_on_the_command_line_needs_the_dask_engine() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "citecheck", str(EXAMPLE), "--scheduler", "tcp://127.0.0.1:8786"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "--engine dask" in result.stderr
