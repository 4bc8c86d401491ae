"""SARIF 2.1.0 for code-scanning services, written result by result as files arrive.

Every catalogue rule is in ``tool.driver.rules`` (so ``ruleIndex`` is stable); each result has a
region with line and column, a ``partialFingerprints`` entry that is the finding's ``fingerprint``
(citecheck.fingerprint: what the finding is about, not where it sits, so an alert keeps its
identity when lines move); suppressed findings carry an ``inSource`` suppression.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

from citecheck import PROJECT_URL, __version__
from citecheck.fingerprint import with_fingerprints
from citecheck.models import Capture, FileReport, Finding, Summary, listed_post, listed_post_name
from citecheck.render import Renderer, relative_source
from citecheck.rules.catalogue import CATALOGUE, Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = PROJECT_URL
DOCS_URL = INFORMATION_URI + "/blob/main/{path}"
FINGERPRINT_KEY = "citecheckFinding/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_RULE_INDEX = {code: index for index, code in enumerate(CATALOGUE)}


def artifact_uri(source: str) -> str:
    """The URI of a source: a relative path (percent-encoded), a file: URI, or the URL itself."""
    from pathlib import Path
    from urllib.parse import quote

    if "://" in source:
        return source
    if source == "-":
        return "stdin"
    relative = relative_source(source)
    if Path(relative).is_absolute():
        return Path(relative).as_uri()
    return quote(relative, safe="/")


def full_description(page: str, fallback: str) -> str:
    """The first paragraph of prose in a rule page (not a heading, a bold line or a list)."""
    for block in re.split(r"\n\s*\n", page):
        text = block.strip()
        if text and not text.startswith(("#", "**", "- ", "* ", "```", "|", "<")):
            return " ".join(line.strip() for line in text.splitlines())
    return fallback


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    from citecheck.docs import rule_page

    page = rule_page(rule.code)
    tags = ["citecheck", "online" if rule.online else "offline"]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full_description(page, rule.summary)},
        "help": {"text": page, "markdown": page},
        "helpUri": DOCS_URL.format(path=rule.help),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": tags},
    }


def result(source: str, finding: Finding, post: Capture | None = None) -> dict[str, Any]:
    """One SARIF result. A finding in a post of a saved list of WordPress posts is located on the
    file itself, the post (``FILE#INDEX``) being its logical location."""
    region: dict[str, int] = {"startLine": 1}
    if finding.location is not None and post is None:
        region = {"startLine": finding.location.line, "startColumn": finding.location.column}
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": _RULE_INDEX[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(post.archive if post else source)},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
    }
    if post is not None:
        out["locations"][0]["logicalLocations"] = [
            {"name": listed_post_name(post), "fullyQualifiedName": source, "kind": "object"}
        ]
    if finding.suppressed:
        out["suppressions"] = [{"kind": "inSource", "status": "accepted"}]
    properties: dict[str, Any] = {"name": finding.name}
    if finding.embed is not None:
        properties["embed"] = finding.embed
    if finding.evidence:
        properties["evidence"] = finding.model_dump(mode="json", include={"evidence"})["evidence"]
    out["properties"] = properties
    return out


def file_results(report: FileReport) -> list[dict[str, Any]]:
    if any(finding.fingerprint is None for finding in report.findings):
        # A report built by hand, not by the pipeline: fingerprinted here, the caller's copy untouched.
        report = with_fingerprints(report.model_copy(deep=True))
    return [result(report.source, finding, listed_post(report)) for finding in report.findings]


class SarifRenderer(Renderer):
    def __init__(self, out: TextIO, *, color: bool = False) -> None:
        super().__init__(out, color=color)
        self._count = 0
        driver = {
            "name": "citecheck",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [rule_descriptor(rule) for rule in CATALOGUE.values()],
        }
        head = {"$schema": SCHEMA_URI, "version": "2.1.0"}
        run_head = json.dumps({"tool": {"driver": driver}, "columnKind": "unicodeCodePoints"}, ensure_ascii=False)
        self.out.write(json.dumps(head)[:-1] + ', "runs": [' + run_head[:-1] + ', "results": [')

    def add(self, report: FileReport) -> None:
        for item in file_results(report):
            self.out.write(("," if self._count else "") + "\n" + json.dumps(item, ensure_ascii=False))
            self._count += 1

    def finish(self, summary: Summary) -> None:
        invocation = {"executionSuccessful": True, "properties": {"summary": summary.model_dump()}}
        self.out.write("\n], " + f'"invocations": [{json.dumps(invocation)}]' + "}]}\n")
