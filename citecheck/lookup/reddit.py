"""Reddit look-ups: ``https://www.reddit.com/comments/ID.json`` (author, created_utc, title).

The text compared with the embed is the post's title, for link posts and self-posts alike: a Reddit
embed shows the title and the byline, never a self-post's body. This endpoint (without
``raw_json=1``) escapes ``&``, ``<`` and ``>`` in text fields as HTML entities, as Reddit's JSON
always has; they are unescaped here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from citecheck.lookup._common import LookupFailed, Response, Session
from citecheck.models import Embed, Evidence

PLATFORM = "reddit"
POST_ID = re.compile(r"(?:/comments/|redd\.it/)(?P<id>[a-z0-9]{2,10})(?:[/?#]|$)", re.IGNORECASE)


def post_id_of(embed: Embed) -> str | None:
    match = POST_ID.search(embed.post_url or "")
    return match.group("id").lower() if match else embed.post_id


def from_listing(data: Any) -> dict[str, Any]:
    """Evidence fields from the post listing (the first of the two listings Reddit sends)."""
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


async def lookup(embed: Embed, session: Session) -> Evidence:
    post_id = post_id_of(embed)
    if not post_id:
        return Evidence(status="unknown", failure="the embed has no Reddit post URL or ID to look up")
    url = f"{session.endpoints['reddit.api']}/comments/{post_id}.json"
    reply = await session.get_json(PLATFORM, url)
    if reply.status == 404:
        return Evidence(status="deleted", endpoint=url, reason="Reddit answers 404")
    if reply.status == 403:
        # {"reason": "private" | "quarantined" | "gold_only", "message": "Forbidden", "error": 403}
        said = _error_reason(reply)
        return Evidence(status="protected", endpoint=url, reason=f"Reddit answers 403{f' ({said})' if said else ''}")
    if reply.status != 200:
        return Evidence(status="unknown", endpoint=url, failure=f"Reddit answered HTTP {reply.status}")
    return Evidence(endpoint=url, **from_listing(reply.json()))
