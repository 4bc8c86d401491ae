"""CC301-CC306: what the platform itself says about each embed (``--online`` only).

Every finding carries ``evidence["platform"]``: what the look-up found and at which endpoint, so a
reader can see the answer the rule is based on, not just the verdict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from citecheck.embeds import platform
from citecheck.embeds.twitter import STATUS_URL
from citecheck.models import Embed, EvidenceEntry, Fact, Finding, PlatformAnswer
from citecheck.rules import Context, check
from citecheck.rules.chronology import aware, shown_day_window
from citecheck.rules.embed import describe

GONE = ("deleted", "protected", "suspended", "withheld", "unavailable")
# How CC301 words each status.
GONE_WORDS = {
    "deleted": "deleted",
    "protected": "protected (or private)",
    "suspended": "from a suspended account",
    "withheld": "withheld or age-restricted",
    "unavailable": "unavailable (the platform gives no cause)",
}
# CC303: an edited post may have said what the embed quotes when the embed was made.
EDITED = " The post was edited after it was made: the embed may quote an earlier version."
# CC303's evidence lists at most this many changes; the message names the first few.
CHANGES_SHOWN = 12
_MEDIA = re.compile(r"/(?:photo|video)/\d+", re.IGNORECASE)


def said(evidence: PlatformAnswer) -> dict[str, Any]:
    """The platform's answer as a finding shows it: only what it said, endpoint included."""
    fields = evidence.model_dump(mode="json", exclude_none=True, exclude={"embed"})
    if not fields.get("resolved_links"):
        fields.pop("resolved_links", None)
    return fields


def handle_key(handle: str | None) -> str:
    return (handle or "").strip().lstrip("@").casefold()


def same_handle(shown: str, platform: str) -> bool:
    """Handles compared case-insensitively; "user" matches "user@server" (Mastodon's local form)."""
    a, b = handle_key(shown), handle_key(platform)
    if a == b:
        return True
    if ("@" in a) != ("@" in b):
        return a.split("@", 1)[0] == b.split("@", 1)[0]
    return False


def shown_handle(embed: Embed) -> str | None:
    return embed.handle or embed.url_handle


def recorded_handles(embed: Embed, evidence: PlatformAnswer) -> set[str]:
    """Handles the platform itself recorded for this post when it was made or embedded.

    A pic.twitter.com link's target (t.co stores the URL as it was at posting time) and the post
    URL of an official embed code (``ref_src``: written by the platform when the code was made).
    """
    found = set()
    for target in evidence.resolved_links.values():
        match = STATUS_URL.match(target)
        if match and match.group("handle") and match.group("id") == evidence.post_id:
            found.add(handle_key(match.group("handle")))
    if embed.ref_src and embed.url_handle:
        found.add(handle_key(embed.url_handle))
    if embed.url_handle and embed.url_handle.startswith("did:") and embed.url_handle == evidence.author_id:
        found.add(handle_key(shown_handle(embed)))
    return found


def _evidence_of(context: Context) -> Iterator[tuple[Embed, PlatformAnswer]]:
    for embed in context.embeds:
        evidence = context.evidence.get(embed.index)
        if evidence is not None:
            yield embed, evidence


@check("CC301")
def post_unavailable(context: Context) -> Iterator[Finding]:
    for embed, evidence in _evidence_of(context):
        if evidence.status not in GONE:
            continue
        archived = f" An archived copy: {evidence.archived_url}." if evidence.archived_url else ""
        why = f" ({evidence.reason})" if evidence.reason else ""
        yield context.finding(
            "CC301",
            f"{describe(embed)} is {GONE_WORDS[evidence.status]} on the platform{why}, at {evidence.endpoint}:"
            f" readers will see an empty or broken embed.{archived}",
            embed=embed,
            evidence={"platform": said(evidence)},
        )


@check("CC302")
def author_mismatch(context: Context) -> Iterator[Finding]:
    for embed, evidence in _evidence_of(context):
        shown = shown_handle(embed)
        actual = evidence.author_handle
        if evidence.status != "exists" or not shown or not actual or same_handle(shown, actual):
            continue
        if not embed.post_id and any(
            _link_problem(t, evidence.post_id, shown, actual) for t in evidence.resolved_links.values()
        ):
            continue  # the post was found through a link that is not the embed's: CC304 says so
        renamed = handle_key(shown) in recorded_handles(embed, evidence)
        details: dict[str, EvidenceEntry] = {
            "shown_handle": Fact(value=shown, source="the embed"),
            "platform_handle": Fact(value=actual, source=evidence.endpoint),
            "platform": said(evidence),
        }
        if renamed:
            finding = context.finding(
                "CC302",
                f"{describe(embed)}: the account was renamed: the post was made as @{shown}, and the"
                f" same account is now @{actual} ({evidence.endpoint}).",
                embed=embed,
                evidence={**details, "renamed": True},
            )
            if "CC302" not in context.settings.severity:
                finding.severity = "info"  # a rename is news, not an error in the draft
            yield finding
        else:
            yield context.finding(
                "CC302",
                f"{describe(embed)} shows @{shown}, but the platform says the post is by @{actual}"
                f" ({evidence.endpoint}).",
                embed=embed,
                evidence=details,
            )


@check("CC303")
def text_mismatch(context: Context) -> Iterator[Finding]:
    for embed, evidence in _evidence_of(context):
        if evidence.status != "exists" or not embed.text or not evidence.text:
            continue
        # The word-level comparison is needed only here, with a platform's answer (--online).
        from citecheck.rules.quote import compare

        difference = compare(embed.text, evidence.text)
        if difference is None:
            continue
        changes = difference.changes
        kinds = sorted({c.kind for c in changes}, key=("number", "negation", "word").index)
        what = {"number": "a number", "negation": "a negation", "word": "a word"}
        listed = "; ".join(c.describe() for c in changes[:3]) + ("; ..." if len(changes) > 3 else "")
        yield context.finding(
            "CC303",
            f"{describe(embed)} quotes the post with {' and '.join(what[k] for k in kinds)} changed:"
            f' {listed}. The post says: "{evidence.text}"{EDITED if evidence.edited else ""}',
            embed=embed,
            evidence={
                "shown_text": embed.text,
                "platform_text": evidence.text,
                "changes": [
                    {"kind": c.kind, "shown": " ".join(c.shown), "post": " ".join(c.post)}
                    for c in changes[:CHANGES_SHOWN]
                ],
                "similarity": difference.similarity,
                "platform": said(evidence),
            },
        )


@check("CC304")
def link_target_mismatch(context: Context) -> Iterator[Finding]:
    for embed, evidence in _evidence_of(context):
        claimed_id = embed.post_id or evidence.post_id
        claimed_handle = shown_handle(embed)
        for link, target in evidence.resolved_links.items():
            problem = _link_problem(target, claimed_id, claimed_handle, evidence.author_handle)
            if problem:
                yield context.finding(
                    "CC304",
                    f"{describe(embed)}: {link} {problem}",
                    embed=embed,
                    evidence={"link": link, "resolves_to": target, "platform": said(evidence)},
                )


def _link_problem(target: str, claimed_id: str | None, claimed: str | None, current: str | None) -> str | None:
    if not target:
        return "leads nowhere: t.co knows no such link, so it belongs to no post."
    match = STATUS_URL.match(target)
    if not match or not _MEDIA.match(match.group("rest") or ""):
        return None  # a link to a page or a quoted post, not the post's own media
    post_id, handle = match.group("id"), match.group("handle")
    if claimed_id and post_id != claimed_id:
        return f"resolves to the media of another post ({target}), not post {claimed_id}."
    if claimed and handle and not same_handle(claimed, handle) and not (current and same_handle(claimed, current)):
        return f"resolves to a post by @{handle} ({target}), but the embed shows @{claimed}."
    return None


@check("CC305")
def date_vs_platform(context: Context) -> Iterator[Finding]:
    for embed, evidence in _evidence_of(context):
        created = evidence.created
        if evidence.status != "exists" or created is None:
            continue
        if embed.shown_time is not None:
            shown = aware(embed.shown_time)
            tolerance = platform(embed.platform).time_tolerance(embed)
            if abs(created - shown) <= tolerance:
                continue
            what = f"the time {shown:%Y-%m-%d %H:%M} UTC"
        elif embed.shown_date is not None:
            tolerance = platform(embed.platform).date_tolerance(embed)
            earliest, latest = shown_day_window(embed.shown_date, tolerance)
            if earliest <= created < latest:
                continue
            what = f"the date {embed.shown_date_text or embed.shown_date}"
        else:
            continue
        yield context.finding(
            "CC305",
            f"{describe(embed)} shows {what}, but the platform says the post was made"
            f" {created:%Y-%m-%d %H:%M} UTC ({evidence.endpoint}).",
            embed=embed,
            evidence={
                "shown": Fact(
                    value=str(embed.shown_time or embed.shown_date), text=embed.shown_date_text, source="the embed"
                ),
                "platform_created": Fact(value=created.isoformat(), source=evidence.endpoint),
                "tolerance_seconds": tolerance.total_seconds(),
                "platform": said(evidence),
            },
        )


@check("CC306")
def unverified(context: Context) -> Iterator[Finding]:
    for embed, evidence in _evidence_of(context):
        if evidence.status != "unknown" and not evidence.failure:
            continue
        partly = "" if evidence.status == "unknown" else " in part"
        where = f" ({evidence.endpoint})" if evidence.endpoint else ""
        yield context.finding(
            "CC306",
            f"{describe(embed)} could not be verified{partly}: {evidence.failure or 'no answer'}{where}.",
            embed=embed,
            evidence={"reason": evidence.failure, "platform": said(evidence)},
        )
