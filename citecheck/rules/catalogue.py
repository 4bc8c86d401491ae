"""The rule catalogue: every code citecheck can report, in one place. Codes never change meaning."""

from __future__ import annotations

from dataclasses import dataclass

from citecheck.models import Severity


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    online: bool = False

    @property
    def help(self) -> str:
        return f"docs/rules/{self.code}.md"


CATALOGUE: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule(
            "CC001",
            "unreadable-input",
            "error",
            "A source cannot be read or decoded, is binary, or is over the size cap.",
        ),
        Rule("CC002", "no-publication-date", "warning", "No publication date could be established for the article."),
        Rule("CC003", "unused-suppression", "warning", "An inline citecheck suppression comment suppresses nothing."),
        Rule("CC101", "embed-date-missing", "warning", "An embed shows no date and its ID has no clock."),
        Rule("CC102", "embed-date-unparseable", "warning", "The shown date is there but cannot be read."),
        Rule("CC103", "handle-mismatch", "error", "The handle shown differs from the handle in the post URL."),
        Rule(
            "CC104",
            "malformed-embed",
            "warning",
            "The post URL or ID is missing or invalid, or the ID or the handle cannot exist.",
        ),
        Rule("CC201", "embed-after-publication", "error", "The post is dated more than a day after the article."),
        Rule("CC202", "date-vs-post-id", "error", "The shown date disagrees with the clock inside the post ID."),
        Rule(
            "CC203",
            "date-vs-context",
            "warning",
            "The text around the embed ties it to a date its own date contradicts.",
        ),
        Rule("CC204", "before-platform-existed", "error", "The post's time precedes the platform's launch."),
        Rule(
            "CC205",
            "embed-after-capture",
            "error",
            "The post's time is after the moment an archived copy of the page was captured.",
        ),
        Rule(
            "CC301",
            "post-unavailable",
            "warning",
            "The post is deleted, protected, suspended, withheld or unavailable.",
            True,
        ),
        Rule("CC302", "author-mismatch", "error", "The platform's author differs from the handle shown.", True),
        Rule("CC303", "text-mismatch", "warning", "The quote changes a word, number or negation of the post.", True),
        Rule("CC304", "link-target-mismatch", "error", "A t.co / pic.twitter.com link points to another post.", True),
        Rule("CC305", "date-vs-platform", "error", "The platform's creation time disagrees with the shown date.", True),
        Rule("CC306", "unverified", "info", "A look-up failed (timeout, rate limit, blocked host).", True),
    )
}


def names_a_rule(code: str) -> bool:
    """Whether an upper-case code or prefix (``CC2``) names at least one rule of the catalogue."""
    return any(known.startswith(code) for known in CATALOGUE)
