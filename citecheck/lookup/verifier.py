"""The pipeline's entry point to the network: one ``Verifier`` per run (per process with --jobs).

Synchronous outside, async inside: the Verifier owns an event loop and one ``Http`` client, and
each ``verify`` call looks up a document's embeds concurrently on it. Every embed gets an answer:
what the platform said, or ``status="unknown"`` with the reason (CC306); one embed's failure never
stops the others. Identical embeds across the run's files are looked up once.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from citecheck.config import NetworkSettings, Settings
from citecheck.errors import LookupFailed
from citecheck.lookup._common import Session
from citecheck.lookup.cache import DiskCache, default_cache_dir
from citecheck.lookup.endpoints import Endpoints
from citecheck.lookup.http import Http, Resolver, within
from citecheck.models import Embed, PlatformAnswer

T = TypeVar("T")
Lookup = Callable[[Embed, Session], Awaitable[PlatformAnswer]]

# Platforms with a keyless look-up, by the embed's platform name -> module in this package.
LOOKUP_MODULES = {
    "twitter": "twitter",
    "bluesky": "bluesky",
    "mastodon": "mastodon",
    "tiktok": "tiktok",
    "youtube": "youtube",
    "reddit": "reddit",
}
# Why the others are checked offline only.
NO_LOOKUP = {
    "instagram": "Meta's oEmbed needs an app token",
    "threads": "Meta's oEmbed needs an app token",
    "facebook": "Meta's oEmbed needs an app token",
    "linkedin": "LinkedIn offers no keyless look-up",
}
ARTICLE_ACCEPT = "text/html,application/xhtml+xml,application/json;q=0.9,text/plain;q=0.8"


def user_agent(settings: NetworkSettings) -> str:
    from citecheck import PROJECT_URL, __version__

    return settings.user_agent or f"citecheck/{__version__} (+{PROJECT_URL})"


def embed_key(embed: Embed) -> tuple[Any, ...]:
    """What makes two embeds the same look-up, wherever they appear in a run."""
    return (embed.platform, embed.post_id, embed.post_url, embed.url_handle, embed.handle, tuple(embed.links))


class Verifier:
    """Looks embeds up on their platforms and fetches article URLs, safely; use it as a context manager."""

    def __init__(
        self,
        settings: Settings | NetworkSettings,
        *,
        resolver: Resolver | None = None,
        article_cap: int | None = None,
        allow_loopback_for_tests: bool = False,
    ) -> None:
        """``allow_loopback_for_tests`` opens plain http and loopback addresses (nothing else) to a
        test's local server. It is an argument of this constructor only: no setting, config key or
        environment variable reaches it."""
        self.network = settings.network if isinstance(settings, Settings) else settings
        self._allow_loopback = allow_loopback_for_tests
        self.article_cap = article_cap or (settings.max_bytes if isinstance(settings, Settings) else None)
        self.endpoints = Endpoints(self.network.endpoints)
        self._resolver = resolver
        self._loop: asyncio.AbstractEventLoop | None = None
        self._http: Http | None = None
        self._memo: dict[tuple[Any, ...], asyncio.Future[PlatformAnswer]] = {}

    # -- lifecycle -------------------------------------------------------------------------------

    def __enter__(self) -> Verifier:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        loop, self._loop = self._loop, None
        if loop is None:
            return
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            _drive(loop, asyncio.gather(*pending, return_exceptions=True))
        if self._http is not None:
            _drive(loop, self._http.aclose())
            self._http = None
        loop.close()

    @property
    def requests(self) -> int:
        """Requests sent to the network so far (cache hits and memo hits are not requests)."""
        return self._http.requests if self._http else 0

    def _run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
        return _drive(self._loop, coroutine)

    def _client(self) -> Http:
        # Created inside the loop that will drive it.
        if self._http is None:
            cache = None
            if self.network.cache:
                folder = Path(self.network.cache_dir) if self.network.cache_dir else default_cache_dir()
                cache = DiskCache(folder, self.network.cache_max_age)
            self._http = Http(
                self.network,
                user_agent=user_agent(self.network),
                cache=cache,
                resolver=self._resolver,
                allow_loopback_for_tests=self._allow_loopback,
            )
        return self._http

    # -- the pipeline's API ----------------------------------------------------------------------

    def verify(self, embeds: list[Embed]) -> dict[int, PlatformAnswer]:
        """What the platforms say about each embed, by embed index."""
        if not embeds:
            return {}
        return self._run(self._verify_all(embeds))

    def fetch_article(self, url: str) -> tuple[bytes, str]:
        """The body of an article URL and the URL it ended at, every redirect hop checked.

        Raises ``LookupFailed`` (refused address, HTTP error, too large, ...).
        """
        return self._run(self._fetch_article(url))

    # -- async inside ----------------------------------------------------------------------------

    async def _fetch_article(self, url: str) -> tuple[bytes, str]:
        http = self._client()
        reply = await http.get(
            url,
            allowed_hosts=None,
            accept=ARTICLE_ACCEPT,
            schemes=("https", "http"),
            use_cache=False,
            cap=self.article_cap,
        )
        if reply.status != 200:
            raise LookupFailed(f"the server answered HTTP {reply.status}", reply.url)
        return reply.body, reply.url

    async def _verify_all(self, embeds: list[Embed]) -> dict[int, PlatformAnswer]:
        session = Session(self._client(), self.endpoints)
        futures = []
        for embed in embeds:
            key = embed_key(embed)
            if key not in self._memo:
                self._memo[key] = asyncio.ensure_future(self._one(embed, session))
            futures.append(self._memo[key])
        results = await asyncio.gather(*futures)
        return {
            embed.index: result.model_copy(update={"embed": embed.index})
            for embed, result in zip(embeds, results, strict=True)
        }

    async def _one(self, embed: Embed, session: Session) -> PlatformAnswer:
        module = LOOKUP_MODULES.get(embed.platform)
        if module is None:
            why = NO_LOOKUP.get(embed.platform, "citecheck has no keyless look-up for this platform")
            return PlatformAnswer(status="unknown", failure=f"not looked up: {why}; checked offline only")
        lookup: Lookup = importlib.import_module(f"citecheck.lookup.{module}").lookup
        deadline = self.network.deadline
        try:
            return await within(lookup(embed, session), deadline)
        except asyncio.TimeoutError:
            return PlatformAnswer(
                status="unknown", failure=f"gave up after {deadline:g} s (the deadline for one embed)"
            )
        except LookupFailed as error:
            return PlatformAnswer(status="unknown", endpoint=error.url, failure=error.reason)
        except Exception as error:  # noqa: BLE001 - a parser surprise must cost one embed, not the run
            return PlatformAnswer(status="unknown", failure=f"unexpected {type(error).__name__}: {error}")


def _drive(loop: asyncio.AbstractEventLoop, awaitable: Awaitable[T]) -> T:
    """Run the verifier's own loop until ``awaitable`` is done, from a synchronous call.

    A caller that is itself inside a running event loop (a notebook, an async web app, a test
    under Playwright) cannot run a second loop in its thread, so the verifier's loop then runs in a
    short-lived helper thread while the caller waits: a loop may run in any thread, one at a time.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return loop.run_until_complete(awaitable)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="citecheck-verifier") as helper:
        return helper.submit(loop.run_until_complete, awaitable).result()
