"""Mastodon look-ups: ``GET https://SERVER/api/v1/statuses/ID`` on the post's own server.

The server comes from the draft, so it gets the same treatment as an article URL: https only, no
IP literals, and its resolved addresses checked at connect time. A 404 is "deleted" (Mastodon also
answers 404 for followers-only posts: the message says so).

Shapes over the years: before Mastodon 2.0 (October 2017) IDs were JSON numbers, not strings, and
a status's ``url`` could be an OStatus ``/users/NAME/updates/N`` page; since 4.4 (2025) a quoting
post carries a ``quote`` object, and its ``content`` ends with a ``<p class="quote-inline">RE: …</p>``
fallback that Mastodon hides wherever it shows the quote (as its embed does), so it is not part
of the text compared.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from citecheck.lookup._common import Session, html_text, iso_time
from citecheck.models import Embed, PlatformAnswer

PLATFORM = "mastodon"
POST_PATH = re.compile(r"^/(?:@(?P<user>[^/]+)|users/(?P<user2>[^/]+)/statuses)/(?P<id>\d+)/?$")


def post_ref(url: str | None) -> tuple[str, str, str] | None:
    """(server, account, status ID) from a post URL such as https://mastodon.social/@user/123."""
    if not url:
        return None
    parts = urlsplit(url)
    match = POST_PATH.match(parts.path)
    if not parts.hostname or not match:
        return None
    return parts.hostname.lower(), match.group("user") or match.group("user2"), match.group("id")


def status_text(content: str) -> str:
    """What a reader sees of a status's HTML ``content``, without the quote-post fallback line."""
    if "quote-inline" in content:
        import lxml.html

        root = lxml.html.fragment_fromstring(content, create_parent="div")
        for fallback in root.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " quote-inline ")]'):
            fallback.drop_tree()
        content = lxml.html.tostring(root, encoding="unicode")
    return html_text(content)


def _text_id(value: Any) -> str | None:
    # A number before Mastodon 2.0, a string since.
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None


def from_status(data: Any, server: str) -> dict[str, Any]:
    account = data.get("account") or {}
    acct = str(account.get("acct") or "")
    return {
        "status": "exists",
        # acct is "user" for the server's own accounts, "user@other" for remote ones.
        "author_handle": acct if "@" in acct else f"{acct}@{server}" if acct else None,
        "author_name": account.get("display_name"),
        "author_id": account.get("url") or _text_id(account.get("id")),
        "created": iso_time(data.get("created_at")),
        "text": status_text(str(data.get("content") or "")) or None,
        "post_url": data.get("url") if isinstance(data.get("url"), str) else None,
        "edited": bool(data.get("edited_at")) if "edited_at" in data else None,
    }


async def lookup(embed: Embed, session: Session) -> PlatformAnswer:
    ref = post_ref(embed.post_url)
    if ref is None:
        return PlatformAnswer(status="unknown", failure="the embed has no Mastodon post URL (https://SERVER/@user/ID)")
    server, _user, status_id = ref
    base = session.endpoints["mastodon.api"] or f"https://{server}"
    url = f"{base}/api/v1/statuses/{status_id}"
    # No host allowlist (any server may host a post); the address policy still applies.
    allowed = session.endpoints.allowed_hosts(PLATFORM) if session.endpoints["mastodon.api"] else None
    reply = await session.http.get(url, allowed_hosts=allowed)
    if reply.status in (404, 410):
        return PlatformAnswer(
            status="deleted",
            endpoint=url,
            reason=f"the server answers {reply.status} (deleted, or visible to followers only)",
        )
    if reply.status in (401, 403):
        return PlatformAnswer(status="protected", endpoint=url, reason=f"the server answers {reply.status}")
    if reply.status != 200:
        return PlatformAnswer(status="unknown", endpoint=url, failure=f"the server answered HTTP {reply.status}")
    data = reply.json()
    if not isinstance(data, dict):
        return PlatformAnswer(status="unknown", endpoint=url, failure="the status is not a JSON object")
    return PlatformAnswer(endpoint=url, **from_status(data, server))
