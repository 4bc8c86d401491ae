"""JUnit XML a CI server renders: one testsuite per source, one testcase per embed plus one for
the document itself; a testcase fails when it has a finding at or above ``--fail-on``. Findings
below it, and suppressed ones, are listed in the testcase's ``system-out``.
"""

from __future__ import annotations

import re
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from citecheck.models import Embed, FileReport, Finding, Summary
from citecheck.pipeline import fails
from citecheck.render import Renderer, relative_source

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """Text XML 1.0 can hold (control characters dropped)."""
    return _NOT_XML.sub("", text)


def attr(value: object) -> str:
    return quoteattr(clean(str(value)))


def describe(finding: Finding) -> str:
    where = f"line {finding.location.line}, column {finding.location.column}" if finding.location else "file"
    state = " (suppressed)" if finding.suppressed else ""
    return f"{finding.severity}{state} {finding.rule} {finding.name} at {where}: {finding.message}"


def case_name(embed: Embed | None) -> str:
    if embed is None:
        return "document"
    who = embed.handle or embed.url_handle
    handle = f" @{who}" if who else ""
    return f"embed {embed.index} {embed.platform}{handle} (line {embed.location.line})"


def testcase(source: str, embed: Embed | None, findings: list[Finding], fail_on: str, *, where: str = "") -> str:
    """One testcase; ``where`` is its classname and file attributes, when the caller made them once."""
    if not where:
        classname = attr(relative_source(source))
        where = f"classname={classname} file={classname}"
    line = f' line="{embed.location.line}"' if embed is not None else ""
    head = f"    <testcase name={attr(case_name(embed))} {where}{line}"
    failures = [f for f in findings if fails(f, fail_on)]
    others = [f for f in findings if not fails(f, fail_on)]
    if not findings:
        return head + "/>\n"
    body = []
    if failures:
        first = failures[0]
        kinds = " ".join(sorted({f.rule for f in failures}))
        text = "\n".join(describe(f) for f in failures)
        body.append(
            f"      <failure message={attr(first.message)} type={attr(kinds)}>{escape(clean(text))}</failure>\n"
        )
    if others:
        body.append(f"      <system-out>{escape(clean(chr(10).join(describe(f) for f in others)))}</system-out>\n")
    return head + ">\n" + "".join(body) + "    </testcase>\n"


def testsuite(report: FileReport, fail_on: str) -> str:
    # Findings grouped in one pass: matching them to each embed in turn was quadratic (20,000 embeds: 44 s).
    by_embed: dict[int | None, list[Finding]] = {}
    for finding in report.findings:
        by_embed.setdefault(finding.embed, []).append(finding)
    groups: list[tuple[Embed | None, list[Finding]]] = [(None, by_embed.get(None, []))]
    groups += [(embed, by_embed.get(embed.index, [])) for embed in report.embeds]
    failures = sum(any(fails(f, fail_on) for f in findings) for _, findings in groups)
    name = attr(relative_source(report.source))
    where = f"classname={name} file={name}"
    cases = "".join(testcase(report.source, embed, findings, fail_on, where=where) for embed, findings in groups)
    head = f'  <testsuite name={name} tests="{len(groups)}" failures="{failures}" errors="0" skipped="0">\n'
    return head + cases + "  </testsuite>\n"


class JunitRenderer(Renderer):
    def __init__(self, out: TextIO, *, color: bool = False) -> None:
        super().__init__(out, color=color)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="citecheck">\n')

    def add(self, report: FileReport) -> None:
        self.out.write(testsuite(report, self.fail_on_for(report.source)))

    def finish(self, summary: Summary) -> None:
        self.out.write("</testsuites>\n")
