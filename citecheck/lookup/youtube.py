"""YouTube look-ups: the keyless oEmbed endpoint (channel and title; no date).

401 is a private video; 403 a video whose owner turned embedding off (it exists, oEmbed just says
nothing more); 404 a removed one.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from citecheck.lookup._common import Session, path_tail
from citecheck.models import Embed, Evidence

PLATFORM = "youtube"


def from_oembed(data: Any) -> dict[str, Any]:
    return {
        "status": "exists",
        "author_handle": path_tail(data.get("author_url")),
        "author_name": data.get("author_name"),
        "text": data.get("title") or None,
    }


async def lookup(embed: Embed, session: Session) -> Evidence:
    target = embed.post_url or (f"https://www.youtube.com/watch?v={embed.post_id}" if embed.post_id else None)
    if not target:
        return Evidence(status="unknown", failure="the embed has no YouTube video URL or ID to look up")
    url = f"{session.endpoints['youtube.oembed']}?url={quote(target, safe='')}&format=json"
    reply = await session.get_json(PLATFORM, url)
    if reply.status == 404:
        return Evidence(status="deleted", endpoint=url)
    if reply.status == 401:
        return Evidence(status="protected", endpoint=url)
    if reply.status == 403:
        return Evidence(status="unknown", endpoint=url, failure="embedding is disabled: oEmbed gives no details")
    data = reply.json()
    if reply.status != 200 or not isinstance(data, dict):
        return Evidence(status="unknown", endpoint=url, failure=f"oEmbed answered HTTP {reply.status}")
    return Evidence(endpoint=url, post_url=target, **from_oembed(data))
