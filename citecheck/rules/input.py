"""CC001 and CC002: whether the source could be read, and whether it says when it was published."""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.config import Settings
from citecheck.models import Fact, Finding
from citecheck.rules import Context, check, new_finding


def unreadable(source: str, reason: str, settings: Settings) -> Finding:
    """CC001 for a source the load stage could not read; the run goes on with the others."""
    return new_finding("CC001", f"{source} {reason}", settings, evidence={"source": source, "reason": reason})


@check("CC001")
def partly_read(context: Context) -> Iterator[Finding]:
    """A source read in part (a truncated gzip file): what was there is checked, and the report says
    the rest was not. A warning unless the configuration sets CC001's severity: the check ran."""
    reason = context.document.partial
    if reason is None:
        return
    source = context.document.source
    finding = context.finding("CC001", f"{source} {reason}", evidence={"source": source, "reason": reason})
    if "CC001" not in context.settings.severity:
        finding = finding.model_copy(update={"severity": "warning"})
    yield finding


@check("CC002")
def no_publication_date(context: Context) -> Iterator[Finding]:
    published = context.document.published
    if published is not None and published.misread:
        yield context.finding(
            "CC002",
            f"The publication date read from the page ({published.date}, {published.source}) cannot be right:"
            f" {published.misread}. The date was misread; CC201 (embed after publication) is skipped, and"
            " CC205 checks the embeds against the capture time instead. Pass --published YYYY-MM-DD to set it.",
            evidence={
                "published": Fact(value=str(published.datetime or published.date), source=published.source),
                "misread": published.misread,
            },
        )
        return
    if published is not None:
        return
    skipped = " CC201 (embed after publication) is skipped for its embeds." if context.embeds else ""
    yield context.finding(
        "CC002",
        "No publication date found (no date header or dateline, front matter, CMS field, meta tag, JSON-LD or <time>);"
        f" pass --published YYYY-MM-DD to set one.{skipped}",
        evidence={"looked_in": list(_looked_in(context.document.kind))},
    )


def _looked_in(kind: str) -> list[str]:
    return {
        "text": ["'date YYYY-MM-DD' header", "dateline in the first lines ('Published: Oct. 20, 2025')"],
        "markdown": ["front matter date/published", "dateline in the first lines ('*Published Oct. 20, 2025*')"],
        "wordpress": ["date_gmt", "date"],
    }.get(kind, ["meta tags", "JSON-LD", "<time>", "URL path", "htmldate heuristics"])
