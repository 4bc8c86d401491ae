"""--format parquet: one row per embed and per finding, the source on every row, streamed in row groups."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from citecheck.config import Settings
from citecheck.pipeline import check_paths
from citecheck.run import CheckOptions, run_check

from helpers import ROOT, warc_record, write_warc

pq = pytest.importorskip("pyarrow.parquet")
EXAMPLE = ROOT / "examples" / "harbor-bridge.html"


def audit_inputs(tmp_path: Path) -> list[str]:
    empty = tmp_path / "nothing.html"
    empty.write_text("<html><head><meta name='date' content='2025-01-02'></head><body><p>No embeds.</p></body></html>")
    archive = write_warc(
        tmp_path / "crawl.warc.gz",
        [warc_record("https://news.example/2025/03/14/bridge", EXAMPLE.read_bytes(), date="2025-03-14T18:00:00Z")],
    )
    return [str(EXAMPLE), str(empty), str(archive)]


def table_rows(path: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = pq.read_table(path).to_pylist()
    return rows


def test_one_row_per_embed_and_per_finding_with_the_source_on_every_row(tmp_path: Path) -> None:
    inputs = audit_inputs(tmp_path)
    out = tmp_path / "audit.parquet"
    assert run_check(CheckOptions(paths=inputs, output_format="parquet", output=out, jobs=1)) == 1
    rows = table_rows(out)
    reports = list(check_paths(inputs, Settings(), jobs=1))
    for report in reports:
        mine = [row for row in rows if row["source"] == report.source]
        expected = len(report.embeds) + len(report.findings) or 1
        assert len(mine) == expected, report.source
        assert [r["embed"] for r in mine if r["row"] == "embed"] == [e.index for e in report.embeds]
        assert [r["rule"] for r in mine if r["row"] == "finding"] == [f.rule for f in report.findings]
    assert all(row["source"] for row in rows)
    # The example's wrong embed: the finding row carries its embed's columns, no join needed.
    (cc202,) = [row for row in rows if row["rule"] == "CC202" and row["source"] == str(EXAMPLE)]
    assert cc202["platform"] == "twitter" and cc202["post_id"] == "1899289384964878378"
    assert cc202["severity"] == "error" and cc202["line"] == 19
    # The evidence column is the JSON report's evidence: each fact a {"value", "source"} object.
    evidence = json.loads(str(cc202["evidence"]))
    assert set(evidence) == {"shown_date", "id_time"} and set(evidence["id_time"]) == {"value", "source"}
    assert "snowflake" in evidence["id_time"]["source"]
    assert str(cc202["published"]) == "2025-03-14"
    # A page with nothing to report still has its row.
    assert [row["row"] for row in rows if row["source"] == inputs[1]] == ["file"]
    # Pages of an archive carry their capture.
    archived = [row for row in rows if str(row["source"]).startswith(inputs[2])]
    assert archived and all(row["target_uri"] == "https://news.example/2025/03/14/bridge" for row in archived)
    assert all(str(row["captured"]) == "2025-03-14 18:00:00+00:00" for row in archived)


def test_rows_are_written_in_row_groups_as_files_arrive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import citecheck.render.parquet as parquet

    inputs = audit_inputs(tmp_path)
    whole = tmp_path / "whole.parquet"
    run_check(CheckOptions(paths=inputs, output_format="parquet", output=whole, jobs=1))
    monkeypatch.setattr(parquet, "ROWS_PER_GROUP", 2)
    grouped = tmp_path / "grouped.parquet"
    run_check(CheckOptions(paths=inputs, output_format="parquet", output=grouped, jobs=1))
    assert pq.ParquetFile(grouped).num_row_groups > 1
    assert table_rows(grouped) == table_rows(whole)


def test_without_pyarrow_the_message_gives_the_install_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    err = io.StringIO()
    options = CheckOptions(paths=[str(EXAMPLE)], output_format="parquet", output=tmp_path / "a.parquet")
    assert run_check(options, stderr=err) == 2
    assert "pip install 'citecheck-embeds[parquet]'" in err.getvalue()


def test_the_columns_are_documented_beside_the_json_report() -> None:
    from citecheck.render.parquet import COLUMNS

    documented = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    for name, _kind, _what in COLUMNS:
        assert f"| `{name}` |" in documented, name


def test_from_the_command_line(tmp_path: Path) -> None:
    import subprocess

    out = tmp_path / "example.parquet"
    command = [sys.executable, "-m", "citecheck", str(EXAMPLE), "-f", "parquet", "-o", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert [row["row"] for row in table_rows(out)] == ["embed", "embed", "embed", "finding"]
