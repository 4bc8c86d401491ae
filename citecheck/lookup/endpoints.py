"""Where each look-up goes by default, and which hosts each platform's look-ups may reach.

Users (and tests) point an endpoint elsewhere with ``[tool.citecheck.network] endpoints``; the host
of a configured endpoint joins that platform's allowlist, because it comes from the operator's own
configuration, never from a draft.
"""

from __future__ import annotations

from urllib.parse import urlsplit

DEFAULT_ENDPOINTS: dict[str, str] = {
    "twitter.tco": "https://t.co",
    "twitter.oembed": "https://publish.twitter.com/oembed",
    "twitter.syndication": "https://cdn.syndication.twimg.com/tweet-result",
    "bluesky.appview": "https://public.api.bsky.app/xrpc",
    "tiktok.oembed": "https://www.tiktok.com/oembed",
    "youtube.oembed": "https://www.youtube.com/oembed",
    "reddit.api": "https://www.reddit.com",
    "wayback.available": "https://archive.org/wayback/available",
    # Empty: each Mastodon post is looked up on its own server (checked like an article URL).
    "mastodon.api": "",
}

ALLOWED_HOSTS: dict[str, frozenset[str]] = {
    "twitter": frozenset({"t.co", "publish.twitter.com", "cdn.syndication.twimg.com"}),
    "bluesky": frozenset({"public.api.bsky.app", "api.bsky.app"}),
    "tiktok": frozenset({"www.tiktok.com"}),
    "youtube": frozenset({"www.youtube.com"}),
    "reddit": frozenset({"www.reddit.com"}),
    "wayback": frozenset({"archive.org"}),
}


class Endpoints:
    """The endpoints of one run: defaults overlaid with the configured ones."""

    def __init__(self, overrides: dict[str, str] | None = None) -> None:
        unknown = set(overrides or {}) - set(DEFAULT_ENDPOINTS)
        if unknown:
            raise ValueError(f"unknown endpoint(s) {', '.join(sorted(unknown))}; known: {', '.join(DEFAULT_ENDPOINTS)}")
        self.urls = {**DEFAULT_ENDPOINTS, **{k: v.rstrip("/") for k, v in (overrides or {}).items()}}
        self.overridden = frozenset(overrides or {})

    def __getitem__(self, name: str) -> str:
        return self.urls[name]

    def allowed_hosts(self, platform: str) -> frozenset[str]:
        extra = {
            (urlsplit(url).hostname or "").lower()
            for name, url in self.urls.items()
            if name.split(".", 1)[0] == platform and name in self.overridden and url
        }
        return ALLOWED_HOSTS.get(platform, frozenset()) | extra
