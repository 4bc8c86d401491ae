"""GitHub Actions workflow commands: one ``::error file=,line=,col=,title=::message`` a finding.

Suppressed findings are not annotated. Infos become notices. The last line is a plain summary.
"""

from __future__ import annotations

from citecheck.models import Capture, FileReport, Finding, Summary, listed_post, listed_post_name
from citecheck.progress import summary_line
from citecheck.render import Renderer, relative_source

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """A command's message, as GitHub's runner decodes it."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A command property (file, title): the message escapes plus ``:`` and ``,``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(source: str, finding: Finding, post: Capture | None = None) -> str:
    """One workflow command line for a finding. A finding in a post of a saved list of WordPress
    posts is annotated on the file itself (GitHub knows no ``FILE#INDEX``), the post named in
    the title; without a line, since its lines are those of the post's content, not of the file."""
    properties = [f"file={escape_property(relative_source(post.archive if post else source))}"]
    if finding.location is not None and post is None:
        properties.append(f"line={finding.location.line}")
        properties.append(f"col={finding.location.column}")
    title = f"{finding.rule} {finding.name}" + (f" in {listed_post_name(post)}" if post else "")
    properties.append(f"title={escape_property(title)}")
    message = f"{finding.message} [{finding.rule}, see 'citecheck rules {finding.rule}']"
    return f"::{LEVELS[finding.severity]} {','.join(properties)}::{escape_data(message)}"


class GithubRenderer(Renderer):
    def add(self, report: FileReport) -> None:
        for finding in report.findings:
            if not finding.suppressed:
                self.out.write(annotation(report.source, finding, listed_post(report)) + "\n")

    def finish(self, summary: Summary) -> None:
        self.out.write(summary_line(summary) + "\n")
