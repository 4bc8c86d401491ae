"""Inline suppressions: parsed in the load stage, applied after the rules, CC003 when unused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from citecheck.config import Settings
from citecheck.load import load_bytes
from citecheck.load.suppressions import find_suppressions, parse_codes
from citecheck.models import Finding
from citecheck.pipeline import check_source

CI = Path(__file__).parent / "fixtures" / "ci"


@pytest.fixture
def ci(tmp_path: Path) -> Path:
    shutil.copytree(CI, tmp_path / "ci")
    return tmp_path / "ci"


def active(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings if not f.suppressed]


def test_parse_codes_spaces_commas_prefixes_and_reason() -> None:
    assert parse_codes(" CC203, cc2  CC101 -- checked by J.D. CC999 ") == ["CC203", "CC2", "CC101"]
    assert parse_codes("   ") == []


def test_load_stage_fills_document_suppressions_with_locations() -> None:
    text = "Intro.\n\n<!-- citecheck: ignore CC203 -->\n<p>x</p>\n<!--citecheck:ignore-file-->\n"
    document = load_bytes("draft.html", text.encode())
    assert [(s.scope, s.rules, s.location.line, s.location.column) for s in document.suppressions] == [
        ("next-embed", ["CC203"], 3, 1),
        ("file", [], 5, 1),
    ]


def test_lookalike_comments_are_not_suppressions() -> None:
    document = load_bytes("draft.html", b"<p>a</p><!-- citecheck: ignored CC203 --><!-- citecheck ignore CC1 -->")
    assert find_suppressions(document) == []


def test_ignore_before_an_embed_suppresses_its_finding_and_keeps_it_in_the_report(ci: Path) -> None:
    report = check_source(str(ci / "wrong-date.html"), Settings())
    handle = [f for f in report.findings if f.rule == "CC103"]
    assert len(handle) == 1 and handle[0].suppressed and handle[0].embed == 1
    assert active(report.findings) == ["CC202"]  # embed 0's wrong date is not covered


def test_ignore_applies_to_the_next_embed_only(ci: Path) -> None:
    page = ci / "wrong-date.html"
    text = page.read_text().replace("<!-- citecheck: ignore CC103", "<!-- citecheck: ignore CC202 CC103")
    page.write_text(text)
    report = check_source(str(page), Settings())
    assert active(report.findings) == ["CC202"]  # CC202 is on embed 0, the comment sits before embed 1
    assert any(f.rule == "CC003" for f in report.findings) is False  # CC103 was used, so the comment was


def test_ignore_file_without_codes_silences_everything(ci: Path) -> None:
    page = ci / "wrong-date.html"
    page.write_text(page.read_text().replace("<body>", "<body>\n<!-- citecheck: ignore-file -->"))
    report = check_source(str(page), Settings())
    assert report.findings and active(report.findings) == []


def test_ignore_file_with_a_prefix(ci: Path) -> None:
    page = ci / "wrong-date.html"
    page.write_text(page.read_text().replace("<body>", "<body>\n<!-- citecheck: ignore-file CC2 -->"))
    report = check_source(str(page), Settings())
    assert active(report.findings) == []
    assert sorted(f.rule for f in report.findings if f.suppressed) == ["CC103", "CC202"]


def test_unused_suppression_is_a_cc003_warning_at_the_comment(ci: Path) -> None:
    report = check_source(str(ci / "stale-suppression.md"), Settings())
    assert [(f.rule, f.severity, f.location.line if f.location else None) for f in report.findings] == [
        ("CC003", "warning", 7)
    ]
    assert "embed 0, line 8" in report.findings[0].message


def test_unknown_code_and_trailing_comment_are_unused(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("---\ndate: 2025-10-27\n---\nText.\n\n<!-- citecheck: ignore CC999 -->\n")
    messages = [f.message for f in check_source(str(page), Settings()).findings]
    assert len(messages) == 1 and "CC999 is not a rule" in messages[0]
    page.write_text("---\ndate: 2025-10-27\n---\nText.\n\n<!-- citecheck: ignore CC103 -->\n")
    messages = [f.message for f in check_source(str(page), Settings()).findings]
    assert len(messages) == 1 and "there is no embed after it" in messages[0]


def test_no_cc003_for_rules_this_run_could_not_produce(ci: Path) -> None:
    page = ci / "stale-suppression.md"
    assert check_source(str(page), Settings(ignore=["CC202"])).findings == []
    page.write_text(page.read_text().replace("ignore CC202", "ignore CC301"))  # online rule, offline run
    assert check_source(str(page), Settings()).findings == []
    assert check_source(str(page), Settings(ignore=["CC003"])).findings == []


def test_cc003_can_itself_be_silenced_file_wide(ci: Path) -> None:
    page = ci / "stale-suppression.md"
    page.write_text(page.read_text().replace("Sailings", "<!-- citecheck: ignore-file CC003 -->\nSailings"))
    findings = check_source(str(page), Settings()).findings
    assert [f.rule for f in findings] == ["CC003"] and findings[0].suppressed


def test_suppressed_findings_do_not_fail_the_run(ci: Path) -> None:
    from citecheck.pipeline import fails

    report = check_source(str(ci / "wrong-date.html"), Settings())
    assert [f.rule for f in report.findings if fails(f, "error")] == ["CC202"]
