"""CC301-CC306: what the platform itself says about each embed (``--online`` only).

Every finding carries ``evidence["platform"]``: what the look-up found and at which endpoint, so a
reader can see the answer the rule is based on, not just the verdict.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import Any

from citecheck.embeds import platform
from citecheck.embeds.twitter import STATUS_URL
from citecheck.models import Embed, Evidence, Finding
from citecheck.rules import Context, check
from citecheck.rules.chronology import aware, shown_day_window
from citecheck.rules.embed import describe
from citecheck.text import clean

GONE = ("deleted", "protected", "suspended", "withheld")
# CC303: below this similarity (difflib ratio of the normalised texts) a quote differs materially.
# 0.90 lets through what copying does to a post (a dropped emoji, "&amp;", curly quotes, a trailing
# link) and catches a changed clause; numbers are compared on their own, since "5" -> "50" is tiny
# to difflib and material to a reader.
TEXT_SIMILARITY = 0.90

_LINK = re.compile(r"(?:https?://|(?:pic\.twitter|pic\.x|t)\.co(?:m)?/)\S*", re.IGNORECASE)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "–": "-", "—": "-", "…": "..."})  # fmt: skip
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_MEDIA = re.compile(r"/(?:photo|video)/\d+", re.IGNORECASE)


def said(evidence: Evidence) -> dict[str, Any]:
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


def recorded_handles(embed: Embed, evidence: Evidence) -> set[str]:
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


def normalise(text: str) -> str:
    """Text as compared by CC303: entities decoded, links dropped, quotes straightened, case folded."""
    text = html.unescape(text).translate(_QUOTES)
    return clean(_LINK.sub(" ", text)).casefold()


def text_difference(shown: str, actual: str) -> tuple[float, list[str], list[str]] | None:
    """(similarity, numbers only shown, numbers only on the platform) when the texts differ materially."""
    a, b = normalise(shown), normalise(actual)
    if not a or not b:
        return None
    if a.endswith("...") and len(a) > 3:  # a truncated quote is compared with the start of the post
        a = a[:-3].rstrip()
        b = b[: len(a)]
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    numbers_a, numbers_b = _NUMBER.findall(a), _NUMBER.findall(b)
    only_a = [n for n in numbers_a if n not in numbers_b]
    only_b = [n for n in numbers_b if n not in numbers_a]
    if ratio >= TEXT_SIMILARITY and not only_a and not only_b:
        return None
    return round(ratio, 3), only_a, only_b


def _evidence_of(context: Context) -> Iterator[tuple[Embed, Evidence]]:
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
        note = f' It says: "{evidence.text}".' if evidence.text else ""
        yield context.finding(
            "CC301",
            f"{describe(embed)} is {evidence.status} on the platform ({evidence.endpoint}):"
            f" readers will see an empty or broken embed.{note}{archived}",
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
        details = {
            "shown_handle": {"value": shown, "source": "the embed"},
            "platform_handle": {"value": actual, "source": evidence.endpoint},
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
        difference = text_difference(embed.text, evidence.text)
        if difference is None:
            continue
        ratio, only_shown, only_platform = difference
        numbers = ""
        if only_shown or only_platform:
            numbers = f" Numbers differ: the embed has {only_shown or 'none'}, the post has {only_platform or 'none'}."
        yield context.finding(
            "CC303",
            f"{describe(embed)} quotes text that differs from the post ({ratio:.0%} similar,"
            f' threshold {TEXT_SIMILARITY:.0%}).{numbers} The post says: "{evidence.text}"',
            embed=embed,
            evidence={
                "shown_text": embed.text,
                "platform_text": evidence.text,
                "similarity": ratio,
                "threshold": TEXT_SIMILARITY,
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
                "shown": {
                    "value": str(embed.shown_time or embed.shown_date),
                    "text": embed.shown_date_text,
                    "source": "the embed",
                },
                "platform_created": {"value": created.isoformat(), "source": evidence.endpoint},
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
