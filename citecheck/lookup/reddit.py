"""Reddit look-ups: ``https://www.reddit.com/comments/ID.json`` (author, created_utc, title).

The text compared with the embed is the post's title, for link posts and self-posts alike: a Reddit
embed shows the title and the byline, never a self-post's body. This endpoint (without
``raw_json=1``) escapes ``&``, ``<`` and ``>`` in text fields as HTML entities, as Reddit's JSON
always has; they are unescaped here.

An embedded comment (``/comments/POST/comment/ID/`` or ``/comments/POST/SLUG/ID/``) is looked up as
the comment, ``/comments/POST/_/ID.json``: its author, time and body are in the second listing.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from citecheck.lookup._common import LookupFailed, Response, Session
from citecheck.models import Embed, PlatformAnswer

PLATFORM = "reddit"
POST_ID = re.compile(r"(?:/comments/|redd\.it/)(?P<id>[a-z0-9]{2,10})(?:[/?#]|$)", re.IGNORECASE)
COMMENT = re.compile(
    r"/comments/(?P<post>[a-z0-9]{2,10})/[^/?#]*/(?P<comment>[a-z0-9]{2,12})/?(?:[?#]|$)", re.IGNORECASE
)


def post_id_of(embed: Embed) -> str | None:
    match = POST_ID.search(embed.post_url or "")
    return match.group("id").lower() if match else embed.post_id


def comment_of(embed: Embed) -> tuple[str, str] | None:
    """(post ID, comment ID) when the embed is a comment's."""
    match = COMMENT.search(embed.post_url or "")
    return (match.group("post").lower(), match.group("comment").lower()) if match else None


def from_comment_listing(data: Any) -> dict[str, Any]:
    """PlatformAnswer fields from the comment listing (the second of the two listings Reddit sends)."""
    try:
        comment = data[1]["data"]["children"][0]["data"]
    except (KeyError, IndexError, TypeError):
        return {"status": "deleted", "reason": "Reddit's answer holds no such comment"}
    author, body = comment.get("author"), html.unescape(str(comment.get("body") or ""))
    status, reason = "exists", None
    if author == "[deleted]" or body == "[deleted]":
        status, reason = "deleted", "the comment's author or body is [deleted]"
    elif body == "[removed]":
        status, reason = "withheld", "the comment's body is [removed]"
    created = comment.get("created_utc")
    return {
        "status": status,
        "author_handle": None if author == "[deleted]" else author,
        "author_id": comment.get("author_fullname"),
        "created": dt.datetime.fromtimestamp(created, dt.timezone.utc) if isinstance(created, int | float) else None,
        "text": body or None if status == "exists" else None,
        "post_url": f"https://www.reddit.com{comment['permalink']}" if comment.get("permalink") else None,
        "reason": reason,
    }


def from_listing(data: Any) -> dict[str, Any]:
    """PlatformAnswer fields from the post listing (the first of the two listings Reddit sends)."""
    try:
        post = data[0]["data"]["children"][0]["data"]
    except (KeyError, IndexError, TypeError):
        return {"status": "deleted"}
    author = post.get("author")
    removed = post.get("removed_by_category")
    reason = None
    if author == "[deleted]" or removed == "deleted":
        status, reason = "deleted", "the post's author is [deleted]"
    elif removed:
        status, reason = "withheld", f"removed_by_category is {removed!r}"  # moderators, admins, a legal request
    else:
        status = "exists"
    created = post.get("created_utc")
    title = html.unescape(str(post.get("title") or ""))
    return {
        "status": status,
        "author_handle": None if author == "[deleted]" else author,
        "author_id": post.get("author_fullname"),
        "created": dt.datetime.fromtimestamp(created, dt.timezone.utc) if isinstance(created, int | float) else None,
        "text": title or None,
        "post_url": f"https://www.reddit.com{post['permalink']}" if post.get("permalink") else None,
        "reason": reason,
    }


def _error_reason(reply: Response) -> str | None:
    try:
        data = reply.json()
    except LookupFailed:
        return None
    return str(data["reason"]) if isinstance(data, dict) and data.get("reason") else None


async def lookup(embed: Embed, session: Session) -> PlatformAnswer:
    post_id, comment = post_id_of(embed), comment_of(embed)
    if not post_id:
        return PlatformAnswer(status="unknown", failure="the embed has no Reddit post URL or ID to look up")
    if comment:
        url = f"{session.endpoints['reddit.api']}/comments/{comment[0]}/_/{comment[1]}.json"
    else:
        url = f"{session.endpoints['reddit.api']}/comments/{post_id}.json"
    reply = await session.get_json(PLATFORM, url)
    if reply.status == 404:
        return PlatformAnswer(status="deleted", endpoint=url, reason="Reddit answers 404")
    if reply.status == 403:
        # {"reason": "private" | "quarantined" | "gold_only", "message": "Forbidden", "error": 403}
        said = _error_reason(reply)
        return PlatformAnswer(
            status="protected", endpoint=url, reason=f"Reddit answers 403{f' ({said})' if said else ''}"
        )
    if reply.status != 200:
        return PlatformAnswer(status="unknown", endpoint=url, failure=f"Reddit answered HTTP {reply.status}")
    read = from_comment_listing if comment else from_listing
    return PlatformAnswer(endpoint=url, **read(reply.json()))
