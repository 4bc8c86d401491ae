"""The Wayback Machine's availability API: an archived copy of a post that is gone."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from citecheck.lookup._common import LookupFailed, Session

PLATFORM = "wayback"


def closest_snapshot(data: Any) -> str | None:
    """``archived_snapshots.closest.url`` when the archive says it is available."""
    if not isinstance(data, dict):
        return None
    closest = (data.get("archived_snapshots") or {}).get("closest") or {}
    if closest.get("available") and isinstance(closest.get("url"), str):
        url: str = closest["url"]
        return url.replace("http://web.archive.org/", "https://web.archive.org/", 1)
    return None


async def closest(post_url: str, session: Session) -> str | None:
    """The archived copy's URL, or None; the archive being unreachable is not the post's problem."""
    url = f"{session.endpoints['wayback.available']}?url={quote(post_url, safe='')}"
    try:
        reply = await session.get_json(PLATFORM, url)
        return closest_snapshot(reply.json()) if reply.status == 200 else None
    except LookupFailed:
        return None
