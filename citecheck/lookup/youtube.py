"""YouTube look-ups: the keyless oEmbed endpoint (channel and title; no date).

What ``/oembed`` answers (ruby-oembed's cassettes and issue #79, Ghost, YoutubeExplode):

- 200 JSON: the video, its title and channel;
- 403 "Forbidden", or 200 ``text/html`` whose body is just "Forbidden" (what YouTube has answered
  for private videos since December 2020): a private video;
- 401 "Unauthorized": the owner turned embedding off; the video may well exist, but oEmbed says
  nothing more, and the embed will not play in the article;
- 404 "Not Found": removed, or never existed; 400 "Bad Request": not a video URL YouTube knows.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from citecheck.lookup._common import LookupFailed, Response, Session, path_tail
from citecheck.models import Embed, PlatformAnswer

PLATFORM = "youtube"
# JSON, and the bare HTML "Forbidden" a private video answers with HTTP 200.
ACCEPT = "application/json, text/html;q=0.5"


def from_oembed(data: Any) -> dict[str, Any]:
    return {
        "status": "exists",
        "author_handle": path_tail(data.get("author_url")),
        "author_name": data.get("author_name"),
        "text": data.get("title") or None,
    }


def says_forbidden(reply: Response) -> bool:
    """The plain "Forbidden" body YouTube sends for a private video (with 403, or with 200 as HTML)."""
    return reply.body[:200].strip().lower() in (b"forbidden", b"<html><body>forbidden</body></html>")


def verdict(reply: Response, url: str, target: str) -> PlatformAnswer:
    """PlatformAnswer from one oEmbed answer (see the module's docstring)."""
    if reply.status == 404:
        return PlatformAnswer(status="deleted", endpoint=url, reason="oEmbed answers 404: removed or never existed")
    if reply.status == 403 or (reply.status == 200 and says_forbidden(reply)):
        how = "403" if reply.status == 403 else 'HTTP 200 with the page "Forbidden"'
        return PlatformAnswer(status="protected", endpoint=url, reason=f"oEmbed answers {how}: a private video")
    if reply.status == 401:
        return PlatformAnswer(
            status="unknown",
            endpoint=url,
            failure="the owner turned embedding off (oEmbed answers 401): the embed will not play in the"
            " article, and oEmbed gives no details to check",
        )
    if reply.status == 400:
        return PlatformAnswer(
            status="unknown", endpoint=url, failure="oEmbed answers 400: not a video URL YouTube knows"
        )
    if reply.status != 200:
        return PlatformAnswer(status="unknown", endpoint=url, failure=f"oEmbed answered HTTP {reply.status}")
    try:
        data = reply.json()
    except LookupFailed as error:
        return PlatformAnswer(status="unknown", endpoint=url, failure=error.reason)
    if not isinstance(data, dict):
        return PlatformAnswer(
            status="unknown", endpoint=url, failure="oEmbed answered something other than a JSON object"
        )
    return PlatformAnswer(endpoint=url, post_url=target, **from_oembed(data))


async def lookup(embed: Embed, session: Session) -> PlatformAnswer:
    target = embed.post_url or (f"https://www.youtube.com/watch?v={embed.post_id}" if embed.post_id else None)
    if not target:
        return PlatformAnswer(status="unknown", failure="the embed has no YouTube video URL or ID to look up")
    url = f"{session.endpoints['youtube.oembed']}?url={quote(target, safe='')}&format=json"
    reply = await session.http.get(url, allowed_hosts=session.endpoints.allowed_hosts(PLATFORM), accept=ACCEPT)
    return verdict(reply, url, target)
