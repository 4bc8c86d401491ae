"""The GitHub Action's report: from one run's JSON report, the annotations, a SARIF file and the
job summary in Markdown (findings per file and per rule), so that citecheck runs once.

``python -m citecheck.render.job_summary REPORT.json --summary FILE [--annotations] [--sarif FILE]
[--html FILE] [--scope TEXT] [--exit-code N]``; the Action calls it after ``citecheck -f json -o REPORT.json``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from citecheck.models import FileReport, Finding, Report
from citecheck.render import relative_source, renderer

# GitHub shows at most 1 MiB of a step's summary: the findings listed stop well before that.
MAX_LISTED = 500
ICONS = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}


def cell(text: str) -> str:
    """Text for a Markdown table cell or list item: one line, pipes and markup escaped."""
    flat = " ".join(text.split())
    for char in "\\|*_`[]<>":
        flat = flat.replace(char, "\\" + char)
    return flat


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _active(report: FileReport) -> list[Finding]:
    return [f for f in report.findings if not f.suppressed]


def markdown_summary(report: Report, *, scope: str = "", exit_code: int | None = None) -> str:
    """The job summary: the run's counts, then findings per rule and per file, then the findings."""
    summary = report.summary
    lines = ["## citecheck", ""]
    if scope:
        lines += [scope, ""]
    verdict = {0: "passed", 1: "failed: findings at or above `--fail-on`", 2: "failed: usage error or nothing readable"}
    counts = (
        f"**{summary.files}** {_plural(summary.files, 'file')}, {summary.embeds} {_plural(summary.embeds, 'embed')}: "
        f"**{summary.errors}** {_plural(summary.errors, 'error')}, "
        f"**{summary.warnings}** {_plural(summary.warnings, 'warning')}, "
        f"{summary.infos} {_plural(summary.infos, 'info')}, {summary.suppressed} suppressed"
    )
    lines.append(counts + (f" — {verdict.get(exit_code, f'exit code {exit_code}')}" if exit_code is not None else ""))
    lines.append("")
    per_rule: Counter[tuple[str, str, str]] = Counter(
        (f.rule, f.name, f.severity) for file in report.files for f in _active(file)
    )
    if not per_rule:
        lines.append("No findings.")
        return "\n".join(lines) + "\n"
    lines += ["### Findings per rule", "", "| rule | name | severity | findings |", "|---|---|---|---:|"]
    for (rule, name, severity), count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"| {rule} | {name} | {ICONS[severity]} {severity} | {count} |")
    lines += ["", "### Findings per file", "", "| file | errors | warnings | infos |", "|---|---:|---:|---:|"]
    for file in report.files:
        found = Counter(f.severity for f in _active(file))
        if found:
            name = cell(relative_source(file.source))
            lines.append(f"| {name} | {found['error']} | {found['warning']} | {found['info']} |")
    lines += ["", "### Findings", ""]
    listed = 0
    total = sum(per_rule.values())
    for file in report.files:
        for finding in _active(file):
            if listed == MAX_LISTED:
                lines.append(f"- … and {total - listed} more: see the job's log")
                return "\n".join(lines) + "\n"
            where = relative_source(file.source)
            if finding.location is not None:
                where += f":{finding.location.line}:{finding.location.column}"
            lines.append(
                f"- {ICONS[finding.severity]} `{where.replace('`', '')}` **{finding.rule}** {finding.name}: {cell(finding.message)}"
            )
            listed += 1
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m citecheck.render.job_summary", description=__doc__)
    parser.add_argument("report", type=Path, help="citecheck's JSON report")
    parser.add_argument("--summary", type=Path, help="append the Markdown summary to this file")
    parser.add_argument("--annotations", action="store_true", help="print GitHub annotations")
    parser.add_argument("--sarif", type=Path, help="write SARIF 2.1.0 to this file")
    parser.add_argument("--html", type=Path, help="write the HTML report to this file")
    parser.add_argument("--scope", default="", help="a line that says what was checked")
    parser.add_argument("--exit-code", type=int, help="citecheck's exit code")
    args = parser.parse_args(argv)
    try:
        report = Report.model_validate_json(args.report.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        sys.stderr.write(f"citecheck: cannot read the report {args.report}: {error}\n")
        return 2
    if args.annotations:
        _rerender(report, "github", sys.stdout)
    for output_format, target in (("sarif", args.sarif), ("html", args.html)):
        if target is not None:
            with target.open("w", encoding="utf-8") as handle:
                _rerender(report, output_format, handle)
    if args.summary is not None:
        with args.summary.open("a", encoding="utf-8") as handle:
            handle.write(markdown_summary(report, scope=args.scope, exit_code=args.exit_code))
    return 0


def _rerender(report: Report, output_format: str, out: TextIO) -> None:
    """Write a report read back from JSON in another format, as the run would have written it."""
    writer = renderer(output_format, out)
    for file in report.files:
        writer.add(file)
    writer.finish(report.summary)


if __name__ == "__main__":
    sys.exit(main())
