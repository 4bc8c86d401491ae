"""Reddit look-ups: ``https://www.reddit.com/comments/ID.json`` (author, created_utc, title, text)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from citecheck.lookup._common import Session
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
    if author == "[deleted]" or removed == "deleted":
        status = "deleted"
    elif removed:
        status = "withheld"  # removed by moderators, admins or a legal request
    else:
        status = "exists"
    created = post.get("created_utc")
    text = "\n\n".join(t for t in (post.get("title"), post.get("selftext")) if t)
    return {
        "status": status,
        "author_handle": None if author == "[deleted]" else author,
        "author_id": post.get("author_fullname"),
        "created": dt.datetime.fromtimestamp(created, dt.timezone.utc) if isinstance(created, int | float) else None,
        "text": text or None,
        "post_url": f"https://www.reddit.com{post['permalink']}" if post.get("permalink") else None,
    }


async def lookup(embed: Embed, session: Session) -> Evidence:
    post_id = post_id_of(embed)
    if not post_id:
        return Evidence(status="unknown", failure="the embed has no Reddit post URL or ID to look up")
    url = f"{session.endpoints['reddit.api']}/comments/{post_id}.json"
    reply = await session.get_json(PLATFORM, url)
    if reply.status == 404:
        return Evidence(status="deleted", endpoint=url)
    if reply.status == 403:
        return Evidence(status="protected", endpoint=url, failure=None)
    if reply.status != 200:
        return Evidence(status="unknown", endpoint=url, failure=f"Reddit answered HTTP {reply.status}")
    return Evidence(endpoint=url, **from_listing(reply.json()))
