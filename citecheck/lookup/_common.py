"""What every platform look-up shares: the session it runs in and small pure parsing helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from citecheck.errors import LookupFailed
from citecheck.lookup.endpoints import Endpoints
from citecheck.lookup.http import Http, Response
from citecheck.text import clean

__all__ = ["LookupFailed", "Response", "Session", "html_text", "iso_time", "path_tail"]


@dataclass(slots=True)
class Session:
    """One run's HTTP client and endpoints, as the platform files see them."""

    http: Http
    endpoints: Endpoints

    async def get_json(self, platform: str, url: str) -> Response:
        return await self.http.get(url, allowed_hosts=self.endpoints.allowed_hosts(platform))


def iso_time(value: Any) -> dt.datetime | None:
    """An ISO-8601 timestamp ("2025-10-17T20:31:07.000Z") as an aware UTC datetime; None if unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(dt.timezone.utc)


def html_text(fragment: str) -> str:
    """The text a reader sees in an HTML fragment (oEmbed html, a Mastodon status's content)."""
    if not fragment.strip():
        return ""
    import lxml.html

    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter("p"):
        block.tail = "\n" + (block.tail or "")
    return clean(root.text_content())


def path_tail(url: Any) -> str | None:
    """The last path segment of a profile URL ("https://twitter.com/Name" -> "Name")."""
    if not isinstance(url, str) or not url:
        return None
    tail = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return tail.lstrip("@") or None
