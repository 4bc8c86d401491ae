"""TikTok look-ups: the keyless oEmbed endpoint (author and caption; no date)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from citecheck.lookup._common import Session, path_tail
from citecheck.models import Embed, PlatformAnswer

PLATFORM = "tiktok"


def from_oembed(data: Any) -> dict[str, Any]:
    return {
        "status": "exists",
        "author_handle": data.get("author_unique_id") or path_tail(data.get("author_url")),
        "author_name": data.get("author_name"),
        "text": data.get("title") or None,
    }


async def lookup(embed: Embed, session: Session) -> PlatformAnswer:
    if not embed.post_url:
        return PlatformAnswer(status="unknown", failure="the embed has no TikTok video URL to look up")
    url = f"{session.endpoints['tiktok.oembed']}?url={quote(embed.post_url, safe='')}"
    reply = await session.get_json(PLATFORM, url)
    if reply.status in (400, 404):
        return PlatformAnswer(status="deleted", endpoint=url, reason=f"oEmbed answers {reply.status}")
    if reply.status == 403:
        return PlatformAnswer(status="protected", endpoint=url, reason="oEmbed answers 403")
    data = reply.json()
    if reply.status != 200 or not isinstance(data, dict):
        return PlatformAnswer(status="unknown", endpoint=url, failure=f"oEmbed answered HTTP {reply.status}")
    if data.get("status_msg") or data.get("code"):  # TikTok's error bodies come with 200 too
        said = data.get("status_msg") or data.get("message") or data.get("code")
        return PlatformAnswer(status="deleted", endpoint=url, reason=f"oEmbed answers 200 with an error: {said}")
    return PlatformAnswer(endpoint=url, post_url=embed.post_url, **from_oembed(data))
