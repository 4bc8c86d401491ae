"""A finding's fingerprint: what it is about, not where it sits, so it survives unrelated edits.

Built from the rule, the source (relative to the working folder), what the finding is about (the
embed's platform, post, handle and shown date; an unused suppression's rules; an unreadable
file's reason), the facts it rests on (the ``value`` of each evidence entry: the dates and
handles it compares), and an occurrence number that tells apart findings otherwise the same.
Line numbers and message wording are left out: a paragraph added above an embed changes
neither; a changed date in the text next to it (CC203) or a new publication date (CC201) does.
The JSON report's ``fingerprint``, SARIF's ``partialFingerprints`` and ``--baseline`` use it.
"""

from __future__ import annotations

import hashlib

from citecheck.models import Embed, Fact, FileReport, Finding


def embed_identity(embed: Embed | None) -> str:
    """What an embed is, independent of where it sits: platform, post, handle, shown date."""
    if embed is None:
        return ""
    handle = (embed.handle or embed.url_handle or "").lower()
    return "|".join([embed.platform, embed.post_id or embed.post_url or "", handle, embed.shown_date_text or ""])


def finding_identity(finding: Finding, embed: Embed | None) -> str:
    if finding.rule == "CC003":  # an unused suppression: what it names, not where it is
        rules = finding.evidence.get("rules")
        return f"{finding.evidence.get('scope')}|{','.join(map(str, rules)) if isinstance(rules, list) else ''}"
    if finding.rule == "CC001":
        return str(finding.evidence.get("reason", ""))
    return embed_identity(embed)


def key_facts(finding: Finding) -> str:
    """The values a finding compares (dates, handles), in key order; never where they were read."""
    return "|".join(f"{key}={fact.value}" for key, fact in sorted(finding.evidence.items()) if isinstance(fact, Fact))


def fingerprint(parts: list[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def with_fingerprints(report: FileReport) -> FileReport:
    """``report`` with each finding's ``fingerprint`` set (in place; returned for chaining)."""
    from citecheck.render import relative_source

    source = relative_source(report.source)
    embeds = {embed.index: embed for embed in report.embeds}
    seen: dict[tuple[str, str, str], int] = {}
    for finding in report.findings:
        embed = embeds.get(finding.embed) if finding.embed is not None else None
        what = (finding.rule, finding_identity(finding, embed), key_facts(finding))
        occurrence = seen[what] = seen.get(what, -1) + 1
        rule, identity, facts = what
        finding.fingerprint = fingerprint([rule, source, identity, facts, str(occurrence)])
    return report
