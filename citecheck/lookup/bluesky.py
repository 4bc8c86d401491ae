"""Bluesky look-ups through the public AppView (no account, no key).

A post URL names its author by handle or by DID; a handle is first resolved to the DID
(``com.atproto.identity.resolveHandle``), since the post's AT URI needs the DID. Then
``app.bsky.feed.getPosts`` gives the author's current handle, the record's ``createdAt`` and text;
an empty ``posts`` list means the post is gone.

A record's text shows a link the way the app does, shortened ("example.com/story-ab..."); its
``facets`` hold the full URL, located by UTF-8 byte offsets. The text is read with each link
facet's span replaced by its URL, so a quote that shows the link in another form still matches.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from citecheck.lookup._common import LookupFailed, Session, iso_time
from citecheck.models import Embed, PlatformAnswer

PLATFORM = "bluesky"
POST_URL = re.compile(
    r"(?:https?://(?:www\.)?(?:bsky\.app|staging\.bsky\.app)/profile/(?P<actor>[^/?#]+)/post/(?P<rkey>[A-Za-z0-9._~:-]+)"
    r"|at://(?P<did>[^/]+)/app\.bsky\.feed\.post/(?P<rkey2>[A-Za-z0-9._~:-]+))",
    re.IGNORECASE,
)


def post_ref(embed: Embed) -> tuple[str, str] | None:
    """(actor, record key) from the embed's post URL; the actor is a handle or a DID."""
    match = POST_URL.search(embed.post_url or "")
    if not match:
        return None
    actor = match.group("actor") or match.group("did")
    rkey = match.group("rkey") or match.group("rkey2")
    return actor, rkey


LINK_FACET = "app.bsky.richtext.facet#link"


def text_with_links(text: str, facets: Any) -> str:
    """The record's text with each link facet's span (UTF-8 byte offsets) replaced by its full URL."""
    if not isinstance(facets, list) or not facets:
        return text
    data = text.encode("utf-8")
    spans: list[tuple[int, int, str]] = []
    for facet in facets:
        index = facet.get("index") if isinstance(facet, dict) else None
        features = facet.get("features") if isinstance(facet, dict) else None
        if not isinstance(index, dict) or not isinstance(features, list):
            continue
        start, end = index.get("byteStart"), index.get("byteEnd")
        uri = next(
            (f.get("uri") for f in features if isinstance(f, dict) and f.get("$type") == LINK_FACET),
            None,
        )
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(data) and isinstance(uri, str):
            spans.append((start, end, uri))
    for start, end, uri in sorted(spans, reverse=True):  # from the end, so earlier offsets stay right
        data = data[:start] + uri.encode("utf-8") + data[end:]
    return data.decode("utf-8", "replace")


def from_post(post: Any) -> dict[str, Any]:
    author = post.get("author") or {}
    record = post.get("record") or {}
    return {
        "status": "exists",
        "author_handle": author.get("handle"),
        "author_name": author.get("displayName"),
        "author_id": author.get("did"),
        "created": iso_time(record.get("createdAt")),
        "text": text_with_links(str(record.get("text") or ""), record.get("facets")) or None,
        "post_url": f"https://bsky.app/profile/{author.get('handle') or author.get('did')}/post/"
        + str(post.get("uri", "")).rsplit("/", 1)[-1],
    }


async def resolve_handle(handle: str, session: Session) -> str:
    url = f"{session.endpoints['bluesky.appview']}/com.atproto.identity.resolveHandle?handle={quote(handle)}"
    reply = await session.get_json(PLATFORM, url)
    data = reply.json()
    if reply.status == 200 and isinstance(data, dict) and isinstance(data.get("did"), str):
        return str(data["did"])
    message = data.get("message") if isinstance(data, dict) else None
    raise LookupFailed(
        f"the handle @{handle} does not resolve (HTTP {reply.status}: {message or 'no DID'}); "
        "the account may have changed its handle or been deleted",
        url,
    )


async def lookup(embed: Embed, session: Session) -> PlatformAnswer:
    ref = post_ref(embed)
    if ref is None:
        return PlatformAnswer(status="unknown", failure="the embed has no bsky.app or at:// post URL to look up")
    actor, rkey = ref
    try:
        did = actor if actor.startswith("did:") else await resolve_handle(actor, session)
    except LookupFailed as error:
        return PlatformAnswer(status="unknown", endpoint=error.url, failure=error.reason)
    uri = f"at://{did}/app.bsky.feed.post/{rkey}"
    url = f"{session.endpoints['bluesky.appview']}/app.bsky.feed.getPosts?uris={quote(uri, safe='')}"
    reply = await session.get_json(PLATFORM, url)
    data = reply.json()
    if reply.status != 200 or not isinstance(data, dict):
        return PlatformAnswer(status="unknown", endpoint=url, failure=f"getPosts answered HTTP {reply.status}")
    posts = data.get("posts") or []
    if not posts:
        return PlatformAnswer(
            status="deleted", endpoint=url, author_id=did, reason="getPosts answers no post for this URI"
        )
    return PlatformAnswer(endpoint=url, **from_post(posts[0]))
