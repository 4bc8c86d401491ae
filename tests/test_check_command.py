"""`citecheck` as a user runs it: the example article, exit codes, the JSON report and its schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from citecheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbor-bridge.html"
ARTICLES = Path(__file__).parent / "fixtures" / "articles"
runner = CliRunner()


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citecheck", *args], capture_output=True, text=True, input=stdin, cwd=ROOT, timeout=60
    )


def test_example_article_reports_the_wrong_embed_and_exits_1() -> None:
    result = run(str(EXAMPLE))
    assert result.returncode == 1
    assert "CC202 date-vs-post-id" in result.stdout
    assert "embed 0 (Twitter / X, @wexleydot_demo)" in result.stdout
    assert "Summary: 1 file, 3 embeds, 1 error, 0 warnings, 0 infos" in result.stdout


def test_clean_article_exits_0_and_fail_on_never_always_0() -> None:
    assert run(str(ARTICLES / "council-vote.txt")).returncode == 0
    assert run(str(EXAMPLE), "--fail-on", "never").returncode == 0


def test_fail_on_warning(tmp_path: Path) -> None:
    page = tmp_path / "undated.html"
    page.write_text("<html><body><p>No date here.</p></body></html>")
    assert run(str(page)).returncode == 0
    assert run(str(page), "--fail-on", "warning").returncode == 1


def test_no_readable_input_exits_2_and_names_the_file(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing.html"))
    assert result.returncode == 2
    assert "missing.html no such file" in result.stdout


def test_one_bad_file_does_not_stop_the_run(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run(str(bad), str(ARTICLES / "council-vote.txt"), "-f", "json")
    report = json.loads(result.stdout)
    assert [f["source"].rsplit("/", 1)[-1] for f in report["files"]] == ["bad.html", "council-vote.txt"]
    assert report["files"][0]["findings"][0]["rule"] == "CC001"
    assert len(report["files"][1]["embeds"]) == 2
    assert result.returncode == 1  # CC001 is an error


def test_usage_errors_exit_2() -> None:
    assert run(str(EXAMPLE), "--published", "yesterday").returncode == 2
    assert run(str(EXAMPLE), "--select", "XX999").returncode == 2


def test_json_report_matches_design_and_schema() -> None:
    import jsonschema

    result = run(str(ARTICLES / "council-vote.txt"), "--format", "json")
    report = json.loads(result.stdout)
    schema = json.loads(run("schema").stdout)
    jsonschema.validate(report, schema)
    assert report["schema_version"] == 1 and report["tool"]["name"] == "citecheck"
    embed = report["files"][0]["embeds"][0]
    assert embed["shown_date"] == "2024-06-03" and embed["shown_date_text"] == "June 3, 2024"
    assert embed["location"]["line"] == 6
    assert report["summary"] == {
        "files": 1,
        "embeds": 2,
        "errors": 0,
        "warnings": 0,
        "infos": 0,
        "suppressed": 0,
        "baselined": 0,
    }


def test_standard_input_and_published_override() -> None:
    text = "Storm closes port. — Port Authority (@portauth) March 12, 2024\n"
    result = run("-", "--published", "2024-03-05", "-f", "json", stdin=text)
    report = json.loads(result.stdout)
    assert report["files"][0]["published"] == {
        "date": "2024-03-05",
        "source": "option",
        "detail": "--published",
        "datetime": None,
    }
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["CC201"]


def test_directory_is_walked_in_order() -> None:
    result = runner.invoke(app, ["check", str(ARTICLES), "-f", "json"])
    names = [f["source"].rsplit("/", 1)[-1] for f in json.loads(result.stdout)["files"]]
    assert names == sorted(names) and "draft.md" in names and "wordpress-post.json" in names


def test_rules_list_and_page() -> None:
    listing = run("rules").stdout
    assert "CC202  date-vs-post-id" in listing
    page = run("rules", "CC202").stdout
    assert page.startswith("# CC202")


def test_fail_on_info(tmp_path: Path) -> None:
    # A config that lowers CC002 to an info: only --fail-on info makes it fail the run.
    page = tmp_path / "undated.html"
    page.write_text("<html><body><p>No date here.</p></body></html>")
    (tmp_path / "citecheck.toml").write_text('severity = { CC002 = "info" }\n')
    assert run(str(page), "--fail-on", "warning").returncode == 0
    assert run(str(page), "--fail-on", "info").returncode == 1


TIMELINE_ARTICLE = "date 2025-10-27\n\nOn Sunday the mayor spoke. On Oct. 17 the council voted.\n"


def test_timeline_prints_the_chronology_as_json(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TIMELINE_ARTICLE)
    result = run("timeline", str(article))
    assert result.returncode == 0
    payload = json.loads(result.stdout)
    assert payload["published"]["date"] == "2025-10-27" and payload["published"]["source"] == "header"
    values = {m["text"]: m["value"] for m in payload["mentions"]}
    assert values["Sunday"] == "2025-10-26" and values["Oct. 17"] == "2025-10-17"


def test_timeline_published_option_moves_the_anchor(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TIMELINE_ARTICLE)
    payload = json.loads(run("timeline", str(article), "--published", "2025-11-05").stdout)
    assert payload["published"] == {"date": "2025-11-05", "source": "option", "detail": "--published", "datetime": None}
    assert {m["text"]: m["value"] for m in payload["mentions"]}["Sunday"] == "2025-11-02"


def test_timeline_timeml_from_standard_input() -> None:
    result = run("timeline", "-", "--format", "timeml", stdin=TIMELINE_ARTICLE)
    assert result.returncode == 0
    assert 'functionInDocument="CREATION_TIME">2025-10-27</TIMEX3></DCT>' in result.stdout
    assert 'value="2025-10-17"' in result.stdout and ">Oct. 17</TIMEX3>" in result.stdout


def test_timeline_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = run("timeline", str(tmp_path / "missing.txt"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert run("timeline", str(EXAMPLE), "--published", "yesterday").returncode == 2


def test_help_version_and_an_empty_folder(tmp_path: Path) -> None:
    assert "Commands:" in run("-h").stdout
    assert "--fail-on" in run("check", "-h").stdout
    assert run("--version").stdout.strip().startswith("citecheck ")
    empty = run(str(tmp_path))
    assert empty.returncode == 2
    assert "no articles found" in empty.stderr


def test_markdown_example_draft_has_one_finding_a_person_suppressed() -> None:
    result = run(str(ROOT / "examples" / "ferry-draft.md"), "-f", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)["files"][0]
    assert [(e["form"], e["handle"] or e["url_handle"]) for e in report["embeds"]] == [
        ("blockquote", "wexharbour"),
        ("bare-url", "ansel_commute"),
    ]
    assert [(f["rule"], f["embed"], f["suppressed"]) for f in report["findings"]] == [("CC203", 1, True)]
