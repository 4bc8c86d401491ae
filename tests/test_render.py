"""The machine formats: SARIF (against the official schema), GitHub annotations, JUnit, JSONL."""

from __future__ import annotations

import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from citecheck.config import Settings
from citecheck.models import FileReport, Finding, Location, Summary
from citecheck.pipeline import check_source, summarize
from citecheck.render import FORMATS, renderer
from citecheck.render.github import annotation, escape_data, escape_property
from citecheck.render.sarif import full_description
from citecheck.rules.catalogue import CATALOGUE

CI = Path(__file__).parent / "fixtures" / "ci"
SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "reference" / "sarif-schema-2.1.0.json"


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[FileReport]:
    shutil.copytree(CI, tmp_path / "ci")
    monkeypatch.chdir(tmp_path)
    names = ["ci/clean.md", "ci/wrong-date.html", "ci/stale-suppression.md", "ci/no-date.txt", "ci/missing.html"]
    return [check_source(name, Settings()) for name in names]


def render(name: str, reports: list[FileReport], **options: Any) -> str:
    out = io.StringIO()
    target = renderer(name, out, **options)
    for report in reports:
        target.add(report)
    target.finish(summarize(reports))
    return out.getvalue()


def sarif_results(text: str) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = json.loads(text)["runs"][0]["results"]
    return results


def test_every_format_of_the_command_line_is_registered() -> None:
    assert set(FORMATS) == {"text", "json", "jsonl", "sarif", "github", "junit", "parquet", "html"}


def test_jsonl_is_one_file_report_per_line(reports: list[FileReport]) -> None:
    lines = render("jsonl", reports).splitlines()
    assert len(lines) == len(reports)
    assert [FileReport.model_validate_json(line) for line in lines] == reports


def test_sarif_validates_against_the_official_schema(reports: list[FileReport]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"{SARIF_SCHEMA} is not available")
    schema = json.loads(SARIF_SCHEMA.read_text())
    document = json.loads(render("sarif", reports))
    validator = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(document)] == []
    empty = json.loads(render("sarif", []))
    assert [error.message for error in validator.iter_errors(empty)] == []


def test_sarif_rules_results_regions_and_suppressions(reports: list[FileReport]) -> None:
    run = json.loads(render("sarif", reports))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(CATALOGUE)
    cc003 = rules[[rule["id"] for rule in rules].index("CC003")]
    assert cc003["helpUri"].endswith("docs/rules/CC003.md")
    assert cc003["fullDescription"]["text"].startswith("Every inline suppression comment")
    assert cc003["defaultConfiguration"] == {"level": "warning"}
    by_rule = {result["ruleId"]: result for result in run["results"]}
    assert set(by_rule) == {"CC001", "CC002", "CC003", "CC103", "CC202"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    cc202 = by_rule["CC202"]
    assert cc202["level"] == "error"
    assert cc202["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "ci/wrong-date.html"},
        "region": {"startLine": 12, "startColumn": 1},
    }
    assert by_rule["CC103"]["suppressions"] == [{"kind": "inSource", "status": "accepted"}]
    assert "suppressions" not in cc202
    assert by_rule["CC002"]["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}


def test_sarif_fingerprints_survive_moved_lines_and_differ_between_findings(
    reports: list[FileReport], tmp_path: Path
) -> None:
    before = {r["ruleId"]: r["partialFingerprints"] for r in sarif_results(render("sarif", reports))}
    page = Path("ci/wrong-date.html")
    page.write_text(page.read_text().replace("<article>", "<article>\n<p>A new first paragraph.</p>\n\n"))
    moved = check_source("ci/wrong-date.html", Settings())
    after = {r["ruleId"]: r for r in sarif_results(render("sarif", [moved]))}
    assert after["CC202"]["locations"][0]["physicalLocation"]["region"]["startLine"] == 15
    assert after["CC202"]["partialFingerprints"] == before["CC202"]
    assert after["CC103"]["partialFingerprints"] == before["CC103"]
    values = [r["partialFingerprints"]["citecheckFinding/v1"] for r in sarif_results(render("sarif", reports))]
    assert len(values) == len(set(values))


def test_github_escaping() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    finding = Finding(
        rule="CC203",
        name="date-vs-context",
        severity="info",
        message="50% off:\nsee, here",
        location=Location(line=3, column=7),
    )
    assert annotation("drafts/a,b.md", finding) == (
        "::notice file=drafts/a%2Cb.md,line=3,col=7,title=CC203 date-vs-context::"
        "50%25 off:%0Asee, here [CC203, see 'citecheck rules CC203']"
    )


def test_github_annotations_skip_suppressed_and_end_with_counts(reports: list[FileReport]) -> None:
    lines = render("github", reports).splitlines()
    assert lines[-1] == "citecheck: 5 files, 4 embeds, 2 errors, 2 warnings, 0 infos, 1 suppressed"
    commands = lines[:-1]
    assert [line.split(" ", 1)[0] for line in commands] == ["::error", "::warning", "::warning", "::error"]
    assert commands[0].startswith("::error file=ci/wrong-date.html,line=12,col=1,title=CC202 date-vs-post-id::")
    assert commands[1].startswith("::warning file=ci/stale-suppression.md,line=7,col=1,title=CC003")
    assert commands[2].startswith("::warning file=ci/no-date.txt,title=CC002 no-publication-date::")
    assert commands[3].startswith("::error file=ci/missing.html,title=CC001 unreadable-input::")
    assert not any("CC103" in line for line in commands)


def test_junit_suites_cases_and_failures(reports: list[FileReport]) -> None:
    root = ET.fromstring(render("junit", reports))
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root}
    assert list(suites) == [
        "ci/clean.md",
        "ci/wrong-date.html",
        "ci/stale-suppression.md",
        "ci/no-date.txt",
        "ci/missing.html",
    ]
    wrong = suites["ci/wrong-date.html"]
    assert (wrong.get("tests"), wrong.get("failures")) == ("3", "1")
    cases = {case.get("name"): case for case in wrong}
    assert list(cases) == ["document", "embed 0 twitter @mayorreyes (line 12)", "embed 1 twitter @tomhale (line 15)"]
    failure = cases["embed 0 twitter @mayorreyes (line 12)"].find("failure")
    assert failure is not None and failure.get("type") == "CC202" and "CC202 date-vs-post-id" in (failure.text or "")
    suppressed = cases["embed 1 twitter @tomhale (line 15)"]
    assert suppressed.find("failure") is None and "(suppressed) CC103" in (suppressed.findtext("system-out") or "")
    assert suites["ci/stale-suppression.md"].get("failures") == "0"  # a warning, below --fail-on error
    assert suites["ci/missing.html"].get("failures") == "1"


def test_junit_follows_fail_on(reports: list[FileReport]) -> None:
    root = ET.fromstring(render("junit", reports, fail_on="warning"))
    assert {suite.get("name"): suite.get("failures") for suite in root}["ci/stale-suppression.md"] == "1"
    root = ET.fromstring(render("junit", reports, fail_on=lambda source: "never"))
    assert {suite.get("failures") for suite in root} == {"0"}


def test_junit_drops_characters_xml_cannot_hold() -> None:
    report = FileReport(
        source="a.txt",
        findings=[Finding(rule="CC001", name="unreadable-input", severity="error", message="bad \x00\x0b byte <&>")],
    )
    failure = ET.fromstring(render("junit", [report])).find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "bad  byte <&>"


def test_renderers_stream_file_by_file(reports: list[FileReport]) -> None:
    for name in ("json", "jsonl", "sarif", "github", "junit"):
        out = io.StringIO()
        target = renderer(name, out)
        target.add(reports[1])
        written = out.getvalue()
        assert "mayorreyes" in written or "wrong-date.html" in written, name
        target.finish(Summary())


def test_full_description_is_the_first_prose_paragraph() -> None:
    page = "# CC1 x\n\n**Default severity:** error\n\n## What\n\n- a list\n\nThe first\nparagraph.\n\nMore."
    assert full_description(page, "fallback") == "The first paragraph."
    assert full_description("# title only\n", "fallback") == "fallback"
