"""Bluesky: the blockquote code, embed.bsky.app iframes, the copied "— Name (@handle) date" tail, bare
post URLs, and the microsecond clock in the post's TID record key."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

from citecheck.embeds._base import Platform
from citecheck.embeds._clocks import tid_time
from citecheck.embeds._markup import anchors, byline_name, has_class, source_url, with_shown_date
from citecheck.embeds.twitter import twitter_tail
from citecheck.models import Document, Embed, EmbedFields, IdClock
from citecheck.text import clean, text_of

POST_URL = re.compile(
    r"https?://(?:www\.)?(?:bsky\.app|staging\.bsky\.app|main\.bsky\.dev)/profile/(?P<actor>[\w.:%-]{3,253})"
    r"/post/(?P<rkey>[\w.~:-]{1,512})(?P<rest>[^\s\"'<>]*)",
    re.I,
)
AT_URI = re.compile(r"at://(?P<actor>[\w.:%-]{3,253})/app\.bsky\.feed\.post/(?P<rkey>[\w.~:-]{1,512})")
EMBED_URL = re.compile(
    r"https?://embed\.bsky\.app/embed/(?P<actor>[\w.:%-]{3,253})/app\.bsky\.feed\.post/(?P<rkey>\w+)"
)
# Handles are domain names, so they always hold a dot: a Twitter tail "(@handle)" never does.
_TAIL = re.compile(
    r"(?:\u2014|\u2013|--)\s*(?:(?P<name>"
    + byline_name(r"()\u2014")
    + r")\s*)?\(\s*@(?P<handle>[\w-]+(?:\.[\w-]+)+)\s*\)\s*"
    r"(?P<date>[^\n]{0,30}?\d{4}(?:,?\s+(?:at\s+|um\s+|à\s+|a las\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?)?)"
)


class Bluesky(Platform):
    name = "bluesky"
    title = "Bluesky"
    launched = dt.date(2022, 10, 18)
    launched_source = (
        "AT Protocol and Bluesky network announced 2022-10-18 (blueskyweb.xyz); team posts predate the"
        " invite-only app beta of 2023-02-17 (Wikipedia: Bluesky)"
    )
    hosts = ("bsky.app", "embed.bsky.app", "public.api.bsky.app")
    # What docs/platforms.md's table says of this platform (generated from here with cog).
    doc_forms = '`blockquote.bluesky-embed[data-bluesky-uri]`, `iframe` of embed.bsky.app, flattened "— Name (@handle.domain) date", bare `bsky.app/profile/…/post/RKEY` URLs'
    doc_date = 'the date link: indexedAt in the embedder\'s zone and locale ("November 4, 2024 at 9:09 AM")'
    doc_clock = "TID record key: base32-sortable → `n >> 10` µs, ±1 s (client-chosen)"
    doc_tolerance = "±1 day"
    doc_handle = "a domain name (atproto.com/specs/handle): ASCII, at most 253 characters, two labels or more of 1 to 63 letters, digits and hyphens (no hyphen first or last), a top-level label that does not start with a digit"
    text_markers: ClassVar[tuple[str, ...]] = ("bsky", "(@", "( @")
    xpath: ClassVar[str] = "//blockquote | //iframe"

    def from_element(self, element: Any, document: Document) -> EmbedFields | None:
        if element.tag == "blockquote":
            return _blockquote(element) if has_class(element, "bluesky-embed") else None
        match = EMBED_URL.match(source_url(element))
        return {"form": "iframe", **_post_fields(match.group("actor"), match.group("rkey"))} if match else None

    def from_text(self, text: str) -> list[tuple[int, int, EmbedFields]]:
        if "(@" not in text and "( @" not in text:
            return []
        found: list[tuple[int, int, EmbedFields]] = []
        previous_end = 0
        for match in _TAIL.finditer(text):
            if twitter_tail(match.group("handle"), text[: match.start()]):
                continue  # a tweet whose handle has a period: Twitter's, with its handle reported
            fields = _tail_fields(match, {"form": "flattened-text"})
            fields["text"] = clean(text[previous_end : match.start()]) or None
            found.append((previous_end, match.end(), fields))
            previous_end = match.end()
        return found

    def from_url(self, url: str) -> EmbedFields | None:
        match = POST_URL.match(url.strip())
        if not match:
            return None
        return {"form": "bare-url", **_post_fields(match.group("actor"), match.group("rkey"))}

    def clock(self, post_id: str) -> IdClock | None:
        # Clients choose the TID; the official ones use the current time in microseconds.
        return IdClock(time=tid_time(post_id), method="tid", error_seconds=1.0)

    def handle_problem(self, handle: str) -> str | None:
        return _domain_problem(handle)

    def date_tolerance(self, embed: Embed) -> dt.timedelta:
        # The shown date is the AppView's indexedAt in the embedder's local zone: any day on Earth.
        return dt.timedelta(days=1)


PLATFORM = Bluesky()

# A handle is a domain name (the AT Protocol's handle syntax): ASCII, at most 253 characters, two
# or more labels of 1 to 63 letters, digits and hyphens, no hyphen first or last in a label, and a
# last label (the top-level domain) that does not start with a digit. The patterns above read any
# word character (an underscore, an accented letter), so that such a handle is kept and reported.
_MAX_HANDLE, _MAX_LABEL = 253, 63
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?")


def _domain_problem(handle: str) -> str | None:
    if len(handle) > _MAX_HANDLE:
        return f"a Bluesky handle is a domain name of at most {_MAX_HANDLE} characters; @{handle} has {len(handle)}"
    labels = handle.split(".")
    if len(labels) < 2:
        return "a Bluesky handle is a domain name of two labels or more"
    for label in labels:
        if len(label) > _MAX_LABEL:
            return f"a Bluesky handle is a domain name, whose labels have at most {_MAX_LABEL} characters"
        if not _LABEL.fullmatch(label):
            return (
                "a Bluesky handle is a domain name: letters A-Z, digits and hyphens between its dots,"
                f" no hyphen at a label's start or end ({label or 'an empty label'!r} is not one)"
            )
    if labels[-1][0].isdigit():
        return f"a Bluesky handle is a domain name, whose top-level domain does not start with a digit ({labels[-1]!r})"
    return None


def _post_fields(actor: str, rkey: str) -> EmbedFields:
    actor = actor.replace("%3A", ":").replace("%3a", ":")
    fields: EmbedFields = {"post_id": rkey, "post_url": f"https://bsky.app/profile/{actor}/post/{rkey}"}
    if not actor.startswith("did:"):
        fields["url_handle"] = actor  # a DID names the account without its handle: nothing to compare
    return fields


def _blockquote(element: Any) -> EmbedFields:
    fields: EmbedFields = {"form": "blockquote"}
    uri = AT_URI.match(element.get("data-bluesky-uri") or "")
    post_links = [(m, a) for m, a in ((POST_URL.match(h), a) for h, a in anchors(element)) if m]
    if uri:
        fields.update(_post_fields(uri.group("actor"), uri.group("rkey")))
    elif post_links:
        fields.update(_post_fields(post_links[-1][0].group("actor"), post_links[-1][0].group("rkey")))
    else:
        fields["id_problem"] = "it has no at:// URI and no link to a post"
    if post_links:
        link, anchor = post_links[-1]  # the date link closes the code
        if "url_handle" not in fields and not link.group("actor").startswith("did:"):
            fields["url_handle"] = link.group("actor")
        fields["ref_src"] = "ref_src=" in link.group("rest")
        if uri and link.group("rkey") != uri.group("rkey"):
            fields["id_problem"] = (
                f"its date link names post {link.group('rkey')} but its at:// URI names post {uri.group('rkey')}"
            )
        date_text = text_of(anchor)
        if any(ch.isdigit() for ch in date_text):
            with_shown_date(fields, date_text, element.get("lang"))
    paragraph = element.find(".//p")
    if paragraph is not None:
        fields["text"] = text_of(paragraph) or None
        fields["lang"] = paragraph.get("lang")
    # The last tail: the quoted text may hold a dash and an @mention.
    tails = list(_TAIL.finditer(text_of(element)))
    tail = tails[-1] if tails else None
    if tail is not None:
        _tail_fields(tail, fields)
    else:
        fields.update(_byline(element))
    return fields


def _byline(element: Any) -> EmbedFields:
    """Handle and name from the "— Name (<a>@handle</a>)" tail when the dash was lost."""
    for _href, anchor in anchors(element):
        text = text_of(anchor)
        if text.startswith("@") and "." in text:
            return {"handle": text[1:]}
    return {}


def _tail_fields(match: re.Match[str], fields: EmbedFields) -> EmbedFields:
    fields["display_name"] = clean(match.group("name")) or None
    fields["handle"] = match.group("handle")
    if "shown_date_text" not in fields and match.group("date"):
        with_shown_date(fields, clean(match.group("date")), fields.get("lang"))
    return fields
