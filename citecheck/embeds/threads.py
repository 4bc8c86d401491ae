"""Threads: the blockquote code (threads.com, formerly threads.net), iframes, the copied "View on
Threads" line, bare post URLs, and the Instagram-scheme clock in the shortcode."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

from citecheck.embeds._base import Platform
from citecheck.embeds._clocks import shortcode_time
from citecheck.embeds._markup import anchors, has_class, source_url, unwrap
from citecheck.embeds.instagram import username_problem
from citecheck.models import Document, Embed, EmbedFields, IdClock
from citecheck.text import clean, text_of

POST_URL = re.compile(
    r"https?://(?:www\.)?threads\.(?:net|com)/(?:@(?P<user>[\w.]{1,60})/post|t)/(?P<code>[\w-]{5,60})"
    r"(?P<embed>/embed)?",
    re.I,
)
# Up to 60 characters, and never cut short: a username longer than Instagram allows is kept and reported.
_FLATTENED = re.compile(r"(?:Post by @(?P<handle>[\w.]{1,60})(?!\w)\s*)?View on Threads\b")
_POST_BY = re.compile(r"Post by @(?P<handle>[\w.]{1,60})(?!\w)")


class Threads(Platform):
    name = "threads"
    title = "Threads"
    launched = dt.date(2023, 7, 1)
    launched_source = (
        "public launch 2023-07-05 (Wikipedia: Threads (social network)); staff posted from early July,"
        " so the floor is 2023-07-01"
    )
    hosts = ("threads.com", "www.threads.com", "threads.net", "www.threads.net")
    # What docs/platforms.md's table says of this platform (generated from here with cog).
    doc_forms = '`blockquote.text-post-media[data-text-post-permalink]` (threads.com or threads.net), `…/embed` iframes, flattened "Post by @user View on Threads", bare `/@user/post/CODE` and `/t/CODE` URLs'
    doc_date = "never"
    doc_clock = "shortcode, Instagram's scheme (inferred, unconfirmed by any source; real codes decode to their posting day), ±1 h"
    doc_tolerance = "–"
    doc_handle = "the account's Instagram username: Instagram's rule; read up to 60"
    text_markers: ClassVar[tuple[str, ...]] = ("threads", "Threads")
    xpath: ClassVar[str] = "//blockquote | //iframe"

    def from_element(self, element: Any, document: Document) -> EmbedFields | None:
        if element.tag == "blockquote":
            return _blockquote(element) if has_class(element, "text-post-media") else None
        match = POST_URL.match(source_url(element))
        return {"form": "iframe", **_url_fields(match)} if match and match.group("embed") else None

    def from_text(self, text: str) -> list[tuple[int, int, EmbedFields]]:
        if "Threads" not in text:
            return []
        found: list[tuple[int, int, EmbedFields]] = []
        for match in _FLATTENED.finditer(text):
            # "View on Threads" alone is a flattened code only when it is all the paragraph says.
            if match.group("handle") or clean(text) == "View on Threads":
                found.append((match.start(), match.end(), {"form": "flattened-text", "handle": match.group("handle")}))
        return found

    def from_url(self, url: str) -> EmbedFields | None:
        match = POST_URL.match(url.strip())
        return {"form": "bare-url", **_url_fields(match)} if match and not match.group("embed") else None

    def clock(self, post_id: str) -> IdClock | None:
        time = shortcode_time(post_id)
        # Threads posts are Instagram media: real codes decode to their posting day, but no source
        # documents it, so the clock is trusted to within an hour rather than a second.
        return IdClock(time=time, method="shortcode", error_seconds=3600.0) if time else None

    def handle_problem(self, handle: str) -> str | None:
        # A Threads profile is an Instagram account's: its username is the Instagram one.
        return username_problem(handle, "a Threads username (the account's Instagram username)")

    def shows_date(self, embed: Embed) -> bool:
        return False  # the code shows only "View on Threads" until embed.js renders it


PLATFORM = Threads()


def _url_fields(match: re.Match[str]) -> EmbedFields:
    user, code = match.group("user"), match.group("code")
    url = f"https://www.threads.com/@{user}/post/{code}" if user else f"https://www.threads.com/t/{code}"
    return {"post_id": code, "post_url": url, "url_handle": user}


def _blockquote(element: Any) -> EmbedFields:
    fields: EmbedFields = {"form": "blockquote"}
    permalink = POST_URL.match(unwrap(element.get("data-text-post-permalink")))
    links = [m for m in (POST_URL.match(href) for href, _ in anchors(element)) if m]
    if permalink is None and links:
        permalink = links[-1]
    if permalink is None:
        fields["id_problem"] = "it has no Threads post permalink"
        return fields
    fields.update(_url_fields(permalink))
    for link in links:
        if link.group("code") != permalink.group("code"):
            fields["id_problem"] = (
                f"its permalink names post {permalink.group('code')} but its link goes to post {link.group('code')}"
            )
    shown = _POST_BY.search(text_of(element))
    if shown:
        fields["handle"] = shown.group("handle")
    return fields
