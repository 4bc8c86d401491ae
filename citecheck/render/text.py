"""The terminal report: what is wrong, with which embed, why, and the evidence."""

from __future__ import annotations

import re

from citecheck.models import Embed, Fact, FileReport, Finding, Summary
from citecheck.render import Renderer

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "dim": "\033[2m", "bold": "\033[1m"}
_RESET = "\033[0m"
# What a page, a display name or a file name could use to drive the terminal: C0 and C1 controls
# (ESC starts an escape sequence that can retitle the window, rewrite lines, or hide text), DEL,
# and the bidirectional overrides that reorder what is shown. A lone surrogate (a file name that
# is not UTF-8) cannot be written at all.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def shown(text: object) -> str:
    """Text from the input as the terminal may show it: each control character written out as
    an escape (``\x1b``), so it is seen, never obeyed."""
    return _UNSAFE.sub(_escaped, str(text))


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class TextRenderer(Renderer):
    def _c(self, style: str, text: str) -> str:
        return f"{_COLORS[style]}{text}{_RESET}" if self.color else text

    def add(self, report: FileReport) -> None:
        if self.quiet:
            self._findings_only(report)
            return
        write = self.out.write
        write(self._c("bold", shown(report.source)) + "\n")
        if report.published:
            detail = f", {report.published.detail}" if report.published.detail else ""
            misread = " - misread: later than the capture" if report.published.misread else ""
            write(
                shown(f"  published {report.published.date} (from {report.published.source}{detail}){misread}") + "\n"
            )
        for note in report.notes:
            write(shown(f"  note: {note}") + "\n")
        if report.capture and report.kind == "wordpress":  # a post of a saved list of posts
            capture = report.capture
            post_id = f" id {capture.record_id}" if capture.record_id else ""
            write(
                shown(f"  post {capture.offset}{post_id} of {capture.archive} {capture.target_uri or ''}".rstrip())
                + "\n"
            )
        elif report.capture:
            capture = report.capture
            when = f"{capture.captured:%Y-%m-%d %H:%M:%S} UTC " if capture.captured else ""
            write(shown(f"  captured {when}{capture.target_uri or ''}") + "\n")
        if report.modified and report.published and report.modified.date != report.published.date:
            write(shown(f"  modified  {report.modified.date} (from {report.modified.source})") + "\n")
        for embed in report.embeds:
            write("  " + self._c("dim", shown(_embed_line(embed))) + "\n")
        for finding in report.findings:
            self._finding(finding)
        if report.kind is not None and not report.findings:
            write("  " + ("no embeds" if not report.embeds else "no problems found") + "\n")
        write("\n")

    def _findings_only(self, report: FileReport) -> None:
        active = [finding for finding in report.findings if not finding.suppressed]
        if active:
            self.out.write(self._c("bold", shown(report.source)) + "\n")
            for finding in active:
                self._finding(finding)
            self.out.write("\n")

    def _finding(self, finding: Finding) -> None:
        where = f"{finding.location.line}:{finding.location.column}" if finding.location else "-"
        label = finding.severity + (" (suppressed)" if finding.suppressed else "")
        head = f"  {where:>7}  {self._c(finding.severity, label)}  {finding.rule} {finding.name}"
        self.out.write(head + "\n")
        self.out.write(f"           {shown(finding.message)}\n")
        for key, fact in finding.evidence.items():
            if isinstance(fact, Fact):
                self.out.write(self._c("dim", shown(f"           {key}: {fact.value} <- {fact.source or ''}")) + "\n")
        if finding.help:
            self.out.write(self._c("dim", f"           see {finding.help} (citecheck rules {finding.rule})") + "\n")

    def finish(self, summary: Summary) -> None:
        if self.quiet:
            return
        self.out.write(self._c("bold", "Summary: " + summary.describe()) + "\n")


def _embed_line(embed: Embed) -> str:
    who = f"@{embed.handle}" if embed.handle else (f"@{embed.url_handle}" if embed.url_handle else "?")
    name = f' "{embed.display_name}"' if embed.display_name else ""
    shown = (
        f" shows {embed.shown_date}"
        if embed.shown_date
        else (f" shows {embed.shown_date_text!r}" if embed.shown_date_text else "")
    )
    post = f" id {embed.post_id}" if embed.post_id else ""
    clock = f" (id clock {embed.id_time:%Y-%m-%d %H:%M} UTC)" if embed.id_time else ""
    return (
        f"embed {embed.index} {embed.platform} {embed.form} {who}{name}{shown}{post}{clock}, line {embed.location.line}"
    )
