"""Inline suppressions applied to a document's findings, and CC003 for those that silence nothing.

Runs after every rule: a suppressed finding stays in the report with ``suppressed: true`` (JSON,
SARIF) but no longer counts towards the exit code.
"""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.config import Settings
from citecheck.models import Embed, Finding, Suppression
from citecheck.rules import new_finding
from citecheck.rules.catalogue import CATALOGUE, names_a_rule

__all__ = ["apply_suppressions", "covers", "target_embed"]


def covers(suppression: Suppression, code: str) -> bool:
    """Whether a suppression names this rule (no codes: every rule; a code may be a prefix)."""
    return not suppression.rules or any(code.startswith(rule) for rule in suppression.rules)


def target_embed(suppression: Suppression, embeds: Sequence[Embed]) -> Embed | None:
    """The embed a ``next-embed`` suppression applies to: the first one after the comment."""
    where = suppression.location.offset
    after = [
        embed
        for embed in embeds
        if (embed.location.offset is not None and where is not None and embed.location.offset > where)
        or (
            (embed.location.offset is None or where is None)
            and (embed.location.line, embed.location.column) > (suppression.location.line, suppression.location.column)
        )
    ]
    return min(after, key=lambda embed: (embed.location.line, embed.location.column), default=None)


def _matches(suppression: Suppression, finding: Finding, target: Embed | None) -> bool:
    if not covers(suppression, finding.rule):
        return False
    if suppression.scope == "file":
        return True
    return target is not None and finding.embed == target.index


def _checkable(suppression: Suppression, settings: Settings) -> bool:
    """Whether this run could have produced a finding the suppression names (else it is not 'unused')."""
    if not suppression.rules or not all(names_a_rule(code) for code in suppression.rules):
        return True
    return any(
        settings.enabled(code) and (settings.online or not rule.online)
        for code, rule in CATALOGUE.items()
        if any(code.startswith(prefix) for prefix in suppression.rules)
    )


def _unused(suppression: Suppression, target: Embed | None, settings: Settings) -> Finding:
    codes = " ".join(suppression.rules) or "(all rules)"
    form = "ignore-file" if suppression.scope == "file" else "ignore"
    unknown = [code for code in suppression.rules if not names_a_rule(code)]
    if unknown:
        why = (
            f"{', '.join(unknown)} {'is not a rule' if len(unknown) == 1 else 'are not rules'} (see 'citecheck rules')"
        )
    elif suppression.scope == "file":
        why = f"no {codes} finding in this file"
    elif target is None:
        why = "there is no embed after it"
    else:
        why = f"the next embed (embed {target.index}, line {target.location.line}) has no {codes} finding"
    return new_finding(
        "CC003",
        f"The suppression '<!-- citecheck: {form} {codes} -->' suppresses nothing: {why}. Remove it.",
        settings,
        location=suppression.location,
        evidence={
            "scope": suppression.scope,
            "rules": list(suppression.rules),
            "embed": target.index if target is not None else None,
        },
    )


def apply_suppressions(
    suppressions: Sequence[Suppression], embeds: Sequence[Embed], findings: list[Finding], settings: Settings
) -> list[Finding]:
    """Findings with the suppressed ones marked, plus CC003 for every suppression that matched none."""
    if not suppressions:
        return findings
    targets = [target_embed(s, embeds) if s.scope == "next-embed" else None for s in suppressions]
    used = [False] * len(suppressions)
    marked: list[Finding] = []
    for finding in findings:
        hits = [i for i, s in enumerate(suppressions) if _matches(s, finding, targets[i])]
        for i in hits:
            used[i] = True
        marked.append(finding.model_copy(update={"suppressed": True}) if hits else finding)
    if settings.enabled("CC003"):
        marked.extend(_unused_findings(suppressions, targets, used, settings))
    return sorted(marked, key=lambda finding: finding.rule)


def _unused_findings(
    suppressions: Sequence[Suppression], targets: list[Embed | None], used: list[bool], settings: Settings
) -> list[Finding]:
    """CC003 for each unused suppression; an ``ignore-file CC003`` silences the others (and is used then)."""
    stale = [i for i, s in enumerate(suppressions) if not used[i] and _checkable(s, settings)]
    silencers = {i for i, s in enumerate(suppressions) if s.scope == "file" and covers(s, "CC003")}
    if any(i not in silencers for i in stale):
        stale = [i for i in stale if i not in silencers]
    out = []
    for i in stale:
        finding = _unused(suppressions[i], targets[i], settings)
        silenced = any(j != i for j in silencers)
        out.append(finding.model_copy(update={"suppressed": True}) if silenced else finding)
    return out
