"""A saved list of WordPress posts (``/wp-json/wp/v2/posts``): each post is one article, named and
located as a page of a web archive is (the file, the post's index, its id and link)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import citecheck
from citecheck.cluster import Task, run_task
from citecheck.config import Settings
from citecheck.models import FileReport
from citecheck.pipeline import check_paths

from helpers import ROOT

POSTS = ROOT / "tests" / "fixtures" / "articles" / "wordpress-posts.json"


def cli(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citecheck", *args], cwd=cwd, capture_output=True, text=True, input=stdin
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copy(POSTS, tmp_path / "posts.json")
    return tmp_path


def rules_by_source(reports: list[FileReport]) -> dict[str, list[str]]:
    return {report.source: [f.rule for f in report.findings] for report in reports}


def test_each_post_is_one_article_with_its_own_date_and_locator() -> None:
    reports = list(check_paths([str(POSTS)], Settings()))
    sources = [f"{POSTS}#{i}" for i in range(4)]
    assert [r.source for r in reports] == sources
    # The wrong date fires in post 1 only; the malformed post 2 is a CC001; post 3 is still checked.
    assert rules_by_source(reports) == {sources[0]: [], sources[1]: ["CC202"], sources[2]: ["CC001"], sources[3]: []}
    assert [r.published.date.isoformat() if r.published else None for r in reports] == [
        "2024-05-02",
        "2024-06-11",
        None,
        "2024-07-20",
    ]
    locators = [(r.capture.archive, r.capture.offset, r.capture.record_id) for r in reports if r.capture]
    assert locators == [(str(POSTS), i, post_id) for i, post_id in enumerate(["9301", "9344", "9350", "9372"])]
    assert reports[1].capture is not None
    assert reports[1].capture.target_uri == "https://riverton-ledger.example/2024/06/11/bridge-closure/"
    assert reports[1].capture.captured is None  # a post was not captured: CC205 has nothing to compare with
    assert [len(r.embeds) for r in reports] == [1, 1, 0, 1]


def test_the_malformed_post_names_the_file_and_its_index() -> None:
    report = list(check_paths([str(POSTS)], Settings()))[2]
    (finding,) = report.findings
    assert finding.severity == "error"
    assert finding.message.startswith(f"{POSTS}#2 (post 2 of the list in {POSTS}) ")
    assert "no content.rendered" in finding.message
    assert report.kind == "wordpress" and report.capture is not None and report.capture.offset == 2


def test_two_processes_give_the_reports_of_one() -> None:
    one = [r.model_dump() for r in check_paths([str(POSTS)] * 3, Settings(), jobs=1)]
    two = [r.model_dump() for r in check_paths([str(POSTS)] * 3, Settings(), jobs=2)]
    assert len(one) == 12 and one == two


def test_a_dask_task_reads_the_list_on_its_worker_one_report_a_post() -> None:
    reports = run_task(Task(settings=Settings(), sources=(str(POSTS),)))
    assert [r.model_dump() for r in reports] == [r.model_dump() for r in check_paths([str(POSTS)], Settings())]


def test_fingerprints_differ_per_post_even_for_the_same_finding(tmp_path: Path) -> None:
    posts = json.loads(POSTS.read_text(encoding="utf-8"))
    twin = {**posts[1], "id": 9999, "link": "https://riverton-ledger.example/?p=9999"}
    (tmp_path / "posts.json").write_text(json.dumps([posts[1], twin]), encoding="utf-8")
    first, second = check_paths([str(tmp_path / "posts.json")], Settings())
    assert [f.rule for f in first.findings] == [f.rule for f in second.findings] == ["CC202"]
    assert first.findings[0].fingerprint != second.findings[0].fingerprint


def test_a_baseline_lets_through_old_posts_and_fails_on_a_new_post_with_the_same_error(site: Path) -> None:
    assert cli("posts.json", "--write-baseline", "baseline.json", cwd=site).returncode == 0
    assert cli("posts.json", "--baseline", "baseline.json", cwd=site).returncode == 0
    posts = json.loads((site / "posts.json").read_text(encoding="utf-8"))
    posts.append({**posts[1], "id": 9400, "link": "https://riverton-ledger.example/?p=9400"})
    (site / "posts.json").write_text(json.dumps(posts), encoding="utf-8")
    result = cli("posts.json", "--baseline", "baseline.json", "-f", "json", cwd=site)
    assert result.returncode == 1
    failing = [(f["source"], x["rule"]) for f in json.loads(result.stdout)["files"] for x in f["findings"]]
    assert failing == [("posts.json#4", "CC202")]


def test_every_format_names_the_post(site: Path) -> None:
    def run(fmt: str) -> str:
        result = cli("posts.json", "-f", fmt, cwd=site)
        assert result.returncode == 1, (fmt, result.stderr)
        return result.stdout

    report = json.loads(run("json"))
    assert [f["source"] for f in report["files"]] == [f"posts.json#{i}" for i in range(4)]
    assert report["files"][1]["capture"] == {
        "archive": "posts.json",
        "member": None,
        "offset": 1,
        "target_uri": "https://riverton-ledger.example/2024/06/11/bridge-closure/",
        "captured": None,
        "record_id": "9344",
    }
    records = [json.loads(line) for line in run("jsonl").splitlines()]
    assert [r["source"] for r in records] == [f"posts.json#{i}" for i in range(4)]
    sarif = json.loads(run("sarif"))
    # Code scanning and annotations land on the file in the repository, the post named beside it.
    results = sarif["runs"][0]["results"]
    assert sorted(r["ruleId"] for r in results) == ["CC001", "CC202"]
    locations = {r["ruleId"]: r["locations"][0] for r in results}
    assert {rule: loc["physicalLocation"]["artifactLocation"]["uri"] for rule, loc in locations.items()} == {
        "CC001": "posts.json",
        "CC202": "posts.json",
    }
    assert locations["CC202"]["logicalLocations"] == [
        {"name": "post 1 (id 9344)", "fullyQualifiedName": "posts.json#1", "kind": "object"}
    ]
    annotations = [line for line in run("github").splitlines() if line.startswith("::")]
    assert [line.split("::", 2)[1] for line in annotations] == [
        "error file=posts.json,title=CC202 date-vs-post-id in post 1 (id 9344)",
        "error file=posts.json,title=CC001 unreadable-input in post 2 (id 9350)",
    ]
    text = run("text")
    assert (
        "posts.json#1\n" in text and "post 1 id 9344 of posts.json https://riverton-ledger.example/2024/06/11/" in text
    )
    html = run("html")
    assert "posts.json#1" in html and "CC202" in html and "posts.json#3" in html
    assert "post 1, id 9344 of posts.json" in html and "Captured" not in html


def test_resume_goes_on_post_by_post(site: Path) -> None:
    whole = cli("posts.json", "-f", "jsonl", "-o", "whole.jsonl", cwd=site)
    assert whole.returncode == 1
    lines = (site / "whole.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    # Stopped after two posts, halfway through writing the third.
    (site / "part.jsonl").write_text("".join(lines[:2]) + lines[2][:40], encoding="utf-8")
    resumed = cli("posts.json", "-f", "jsonl", "-o", "part.jsonl", "--resume", cwd=site)
    assert resumed.returncode == 1
    assert (site / "part.jsonl").read_text(encoding="utf-8") == "".join(lines)


def test_one_post_read_as_one_article_says_to_check_the_file(site: Path) -> None:
    report = citecheck.check_file(str(site / "posts.json"))
    (finding,) = report.findings
    assert finding.rule == "CC001" and "is a list of 4 WordPress posts" in finding.message
    assert "citecheck FILE" in finding.message


@pytest.mark.parametrize("items", [[], [{"a": 1}, {"b": 2}]])
def test_a_list_that_holds_no_post_is_not_split(tmp_path: Path, items: list[Any]) -> None:
    path = tmp_path / "data.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    # (A walk skips such a file as no article; checked all the same, it is one source.)
    (report,) = check_paths([str(path)], Settings(), expand=False)
    assert report.source == str(path) and [f.rule for f in report.findings] == ["CC001"]


def test_a_list_of_one_post_stays_the_file_s_article(tmp_path: Path) -> None:
    posts = json.loads(POSTS.read_text(encoding="utf-8"))
    path = tmp_path / "one.json"
    path.write_text(json.dumps([posts[1]]), encoding="utf-8")
    (report,) = check_paths([str(path)], Settings())
    assert report.source == str(path) and [f.rule for f in report.findings] == ["CC202"]
