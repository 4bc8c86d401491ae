"""LinkedIn: the embed iframe (share, ugcPost or activity URNs), bare post URLs, and the millisecond
clock in the top bits of those IDs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

from citecheck.embeds._base import Platform
from citecheck.embeds._clocks import shifted_time
from citecheck.embeds._markup import source_url
from citecheck.models import Document, Embed, EmbedFields, IdClock

_URN = r"urn:li:(?P<kind>share|ugcPost|activity):(?P<id>\d+)"
EMBED_URL = re.compile(r"https?://(?:www\.)?linkedin\.com/embed/feed/update/" + _URN, re.I)
POST_URL = re.compile(
    r"https?://(?:[a-z]{2,3}\.|www\.)?linkedin\.com/(?:"
    r"feed/update/" + _URN + r"|posts/(?P<user>[\w%-]{1,100}?)_[^\s/]*?-(?P<kind2>activity|share|ugcPost)-(?P<id2>\d+)"
    r")",
    re.I,
)


class LinkedIn(Platform):
    name = "linkedin"
    title = "LinkedIn"
    launched = dt.date(2003, 5, 5)
    launched_source = "linkedin.com launched 2003-05-05 (Wikipedia: LinkedIn)"
    hosts = ("linkedin.com", "www.linkedin.com")
    # What docs/platforms.md's table says of this platform (generated from here with cog).
    doc_forms = "`iframe` of `linkedin.com/embed/feed/update/urn:li:share:ID` (or `ugcPost`, `activity`), bare `feed/update/urn:li:…` and `posts/USER_…-activity-ID` URLs"
    doc_date = "never"
    doc_clock = "`id >> 22` Unix ms, ±1 s"
    doc_tolerance = "–"
    doc_handle = (
        "not judged: the name in a `posts/NAME_…` URL is a profile's custom address, not a handle an embed shows"
    )
    text_markers: ClassVar[tuple[str, ...]] = ("linkedin",)
    xpath: ClassVar[str] = "//iframe"

    def from_element(self, element: Any, document: Document) -> EmbedFields | None:
        match = EMBED_URL.match(source_url(element))
        return {"form": "iframe", **_urn_fields(match.group("kind"), match.group("id"))} if match else None

    def from_url(self, url: str) -> EmbedFields | None:
        match = POST_URL.match(url.strip())
        if not match:
            return None
        if match.group("id"):
            return {"form": "bare-url", **_urn_fields(match.group("kind"), match.group("id"))}
        fields = _urn_fields(match.group("kind2"), match.group("id2"))
        fields["url_handle"] = match.group("user")
        return {"form": "bare-url", **fields}

    def clock(self, post_id: str) -> IdClock | None:
        time = shifted_time(post_id, "post ID", shift=22)
        # The top 41 bits are Unix milliseconds (unfurl parse_linkedin.py).
        return IdClock(time=time, method="linkedin-ms", error_seconds=1.0)

    def shows_date(self, embed: Embed) -> bool:
        return False  # the iframe is the whole code: nothing shown in the article's markup


PLATFORM = LinkedIn()


def _urn_fields(kind: str, post_id: str) -> EmbedFields:
    return {"post_id": post_id, "post_url": f"https://www.linkedin.com/feed/update/urn:li:{kind}:{post_id}/"}
