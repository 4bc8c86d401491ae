"""CC101-CC104: whether each embed is well formed: a date, a readable date, a consistent handle, a real ID."""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.embeds import platform
from citecheck.models import Embed, EmbedForm, Fact, Finding
from citecheck.rules import Context, check

# Forms that never carry a post ID offline: a flattened tail only names the author and the day.
_ID_OPTIONAL_FORMS: frozenset[EmbedForm] = frozenset({"flattened-text"})


def describe(embed: Embed) -> str:
    """How a finding names an embed for a reader: "embed 2 (Twitter / X, @handle)"."""
    who = f", @{embed.handle}" if embed.handle else (f", @{embed.url_handle}" if embed.url_handle else "")
    return f"embed {embed.index} ({platform(embed.platform).title}{who})"


@check("CC101")
def date_missing(context: Context) -> Iterator[Finding]:
    for embed in context.embeds:
        if embed.shown_date_text or embed.shown_time or embed.id_clock:
            continue
        if not platform(embed.platform).shows_date(embed):
            continue  # a video player, say: nothing to check, nothing missing
        yield context.finding(
            "CC101",
            f"{describe(embed)} shows no date and has no post ID with a clock: its date cannot be checked.",
            embed=embed,
            evidence={"form": embed.form, "post_id": embed.post_id},
        )


@check("CC102")
def date_unparseable(context: Context) -> Iterator[Finding]:
    for embed in context.embeds:
        if embed.shown_date_text and embed.shown_date is None and embed.shown_time is None:
            yield context.finding(
                "CC102",
                f"{describe(embed)} shows the date {embed.shown_date_text!r}, which cannot be read as a date"
                " in any of the platform's interface languages.",
                embed=embed,
                evidence={"shown_date_text": embed.shown_date_text, "lang": embed.lang},
            )


def _handles_differ(embed: Embed) -> bool:
    return bool(embed.handle and embed.url_handle and embed.handle.casefold() != embed.url_handle.casefold())


@check("CC103")
def handle_mismatch(context: Context) -> Iterator[Finding]:
    for embed in context.embeds:
        if _handles_differ(embed):
            assert embed.handle and embed.url_handle
            yield context.finding(
                "CC103",
                f"{describe(embed)} shows the handle @{embed.handle}, but its post URL belongs to"
                f" @{embed.url_handle} ({embed.post_url}).",
                embed=embed,
                evidence={
                    "shown_handle": Fact(value=embed.handle, source="the embed's '(@handle)' byline"),
                    "url_handle": Fact(value=embed.url_handle, source=embed.post_url),
                },
            )


@check("CC104")
def malformed(context: Context) -> Iterator[Finding]:
    for embed in context.embeds:
        if embed.id_problem:
            yield context.finding(
                "CC104",
                f"{describe(embed)}: {embed.id_problem}.",
                embed=embed,
                evidence={"post_id": embed.post_id, "post_url": embed.post_url, "problem": embed.id_problem},
            )
        elif embed.handle_problem and not _handles_differ(embed):
            # When the URL names another account, CC103 says so; this is for a handle alone.
            named = (
                f"shows the handle @{embed.handle}"
                if embed.handle
                else f"has the handle @{embed.url_handle} in its post URL"
            )
            yield context.finding(
                "CC104",
                f"{describe(embed)} {named}, which cannot exist: {embed.handle_problem}.",
                embed=embed,
                evidence={
                    "handle": embed.handle or embed.url_handle,
                    "post_url": embed.post_url,
                    "problem": embed.handle_problem,
                },
            )
        elif not embed.post_id and embed.form not in _ID_OPTIONAL_FORMS:
            yield context.finding(
                "CC104",
                f"{describe(embed)} is a {embed.form} embed code with no post URL or ID: the platform"
                " cannot show it and nobody can check it.",
                embed=embed,
                evidence={"form": embed.form, "post_url": embed.post_url},
            )
