"""The one HTTP client of a run: polite, bounded, cached, and safe with URLs from untrusted drafts.

- concurrency bounded overall and per host; a timeout on every phase (connect, read, write, pool)
  and a deadline over each embed's look-ups, so a server that drips bytes cannot hold a run;
- retries with exponential backoff on time-outs, resets, 429 and 5xx, honouring Retry-After up to
  ``max_retry_after`` (a longer wait fails the look-up at once: a CI run must not sleep for hours);
- bodies streamed and cut at ``max_response_bytes``, both as sent and as decoded, so neither a huge
  body nor a gzip bomb gets into memory; only gzip and deflate are asked for;
- every URL checked against the policy in ``safety`` before it is requested (each redirect hop too),
  and every address checked again at connect time (``GuardedBackend``): a name that resolves to a
  private address, or re-resolves to one (DNS rebinding), is refused where the socket is opened;
- answers (not failures) stored in the on-disk cache, and every request made at most once per run.
"""

from __future__ import annotations

import asyncio
import email.utils
import http.cookiejar
import ipaddress
import json
import random
import socket
import sys
import time
import zlib
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from citecheck.config import NetworkSettings
from citecheck.errors import LookupFailed
from citecheck.lookup.cache import CachedResponse, DiskCache, cache_key
from citecheck.lookup.safety import IPAddress, address_refusal, url_refusal

Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]
T = TypeVar("T")


# Statuses that are answers about the post, worth keeping; 429, 5xx and errors are not.
CACHEABLE = frozenset({200, 203, 301, 302, 303, 307, 308, 401, 403, 404, 410})
RETRYABLE = frozenset({429, 500, 502, 503, 504})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
_BLOCKED = "refused: "
ATTEMPT_PHASES = 3  # one attempt may take this many per-phase timeouts in all
_KEPT_HEADERS = ("content-type", "location", "retry-after")


async def within(awaitable: Awaitable[T], seconds: float) -> T:
    """``await`` with a time limit; raises ``asyncio.TimeoutError``. No extra task on 3.11+."""
    if sys.version_info >= (3, 11):
        async with asyncio.timeout(seconds):
            return await awaitable
    return await asyncio.wait_for(awaitable, seconds)


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    from_cache: bool = False

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            raise LookupFailed(_not_json(self), self.url) from None

    @property
    def location(self) -> str | None:
        target = self.headers.get("location")
        return urljoin(self.url, target) if target else None


def _not_json(response: Response) -> str:
    kind = response.headers.get("content-type", "").split(";")[0] or "no content type"
    head = response.body[:200].lstrip().lower()
    what = "HTML" if head.startswith((b"<!doctype", b"<html", b"<")) else f"a body of {kind}"
    return f"{what} where JSON was expected (HTTP {response.status})"


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now or time.time()))


class BodyTooLarge(Exception):
    pass


class BoundedDecoder:
    """Content-Encoding decoding that stops at ``limit`` decoded bytes (gzip bombs included)."""

    def __init__(self, encoding: str, limit: int) -> None:
        encoding = encoding.strip().lower()
        self.limit = limit
        self.size = 0
        self.chunks: list[bytes] = []
        if encoding in ("", "identity"):
            self._inflater: Any = None
        elif encoding in ("gzip", "x-gzip"):
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._inflater = zlib.decompressobj()
        else:
            raise LookupFailed(f"the server sent content-encoding {encoding!r}, which was not asked for")

    def feed(self, data: bytes) -> None:
        if self._inflater is None:
            self._add(data)
            return
        try:
            out = self._inflater.decompress(data, self.limit - self.size + 1)
        except zlib.error as error:
            raise LookupFailed(f"the body is not valid compressed data ({error})") from None
        if self._inflater.unconsumed_tail:
            raise BodyTooLarge
        self._add(out)

    def _add(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise BodyTooLarge
        self.chunks.append(data)

    def body(self) -> bytes:
        return b"".join(self.chunks)


async def system_resolver(host: str, port: int) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]  # a literal needs no resolver
    except ValueError:
        pass
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves each host itself, refuses non-public addresses, and connects to the vetted address.

    Checking at connect time, not before the request, closes the gap a rebinding DNS server would
    use between "the name looked public" and "the socket went to 127.0.0.1".
    """

    def __init__(self, resolver: Resolver, *, allow_loopback: bool, resolve_timeout: float) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._resolve = resolver
        self._allow_loopback = allow_loopback
        self._resolve_timeout = resolve_timeout

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await asyncio.wait_for(self._resolve(host, port), self._resolve_timeout)
        except (OSError, asyncio.TimeoutError) as error:
            raise httpcore.ConnectError(f"{host} does not resolve ({error or 'timed out'})") from None
        if not addresses:
            raise httpcore.ConnectError(f"{host} does not resolve")
        for address in addresses:
            why = address_refusal(address, allow_loopback=self._allow_loopback)
            if why:
                raise httpcore.ConnectError(f"{_BLOCKED}{host} resolves to {why}")
        last: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(str(address), port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                last = error
        assert last is not None
        raise last

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError(f"{_BLOCKED}unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncBaseTransport):
    """httpx's transport interface over an httpcore pool that connects through ``GuardedBackend``.

    httpx offers no public way to give its own transport a network backend, so this is the small
    bridge httpx's transport is: an httpx request becomes an httpcore request, httpcore's errors
    become httpx's of the same name, and the body streams through.
    """

    def __init__(self, backend: GuardedBackend, connections: int) -> None:
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=connections,
            max_keepalive_connections=connections,
            keepalive_expiry=5.0,
            network_backend=backend,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,  # type: ignore[arg-type]  # an httpx stream is an async byte iterable
            extensions=request.extensions,
        )
        try:
            reply = await self._pool.handle_async_request(core_request)
        except httpcore.TimeoutException as error:
            raise as_httpx_error(error) from error
        except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as error:
            raise as_httpx_error(error) from error
        return httpx.Response(
            status_code=reply.status,
            headers=reply.headers,
            stream=_ReplyBody(reply.stream),  # type: ignore[arg-type]  # httpcore's stream is async
            extensions=reply.extensions,
        )

    async def aclose(self) -> None:
        await self._pool.aclose()


class _ReplyBody(httpx.AsyncByteStream):
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    async def __aiter__(self) -> Any:
        try:
            async for part in self._stream:
                yield part
        except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError) as error:
            raise as_httpx_error(error) from error

    async def aclose(self) -> None:
        await self._stream.aclose()


def as_httpx_error(error: Exception) -> httpx.TransportError:
    """httpcore's exception as httpx's of the same name (both libraries name them alike)."""
    for kind in type(error).__mro__:
        same: Any = getattr(httpx, kind.__name__, None)
        if isinstance(same, type) and issubclass(same, httpx.TransportError):
            return same(str(error))
    return httpx.TransportError(str(error))


def guarded_transport(backend: GuardedBackend, connections: int) -> httpx.AsyncBaseTransport:
    """The transport every look-up goes through (tests that replay cassettes swap it for httpx's own)."""
    return GuardedTransport(backend, connections)


def _no_cookies() -> http.cookiejar.CookieJar:
    return http.cookiejar.CookieJar(policy=http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))


def _retrieve(future: asyncio.Future[Response]) -> None:
    if not future.cancelled():
        future.exception()


class Http:
    """Async GETs with every safeguard above; create it inside the event loop that will use it."""

    def __init__(
        self,
        settings: NetworkSettings,
        *,
        user_agent: str,
        cache: DiskCache | None = None,
        resolver: Resolver | None = None,
        allow_loopback_for_tests: bool = False,
    ) -> None:
        self.settings = settings
        self.cache = cache
        self.requests = 0  # requests that went to the network: what tests and the benchmark count
        # Only code can lower the guard (tests and benchmarks, for their local server): never a
        # config file or the environment, which a pull request checked by CI controls.
        self.allow_loopback = allow_loopback_for_tests
        self._limit = asyncio.Semaphore(max(1, settings.concurrency))
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._memo: dict[tuple[str, str, bool], asyncio.Future[Response]] = {}
        backend = GuardedBackend(
            resolver or system_resolver, allow_loopback=self.allow_loopback, resolve_timeout=settings.timeout
        )
        self.client = httpx.AsyncClient(
            transport=guarded_transport(backend, max(1, settings.concurrency)),
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=False,
            trust_env=False,  # no proxy, no .netrc credentials picked up from the environment
            cookies=_no_cookies(),  # nothing a platform sets is kept or sent back
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    async def aclose(self) -> None:
        await self.client.aclose()

    async def get(
        self,
        url: str,
        *,
        allowed_hosts: frozenset[str] | None,
        accept: str = "application/json",
        follow: bool = True,
        schemes: tuple[str, ...] = ("https",),
        use_cache: bool = True,
        cap: int | None = None,
    ) -> Response:
        """GET ``url`` once per run: from the memo, the disk cache or the network.

        ``allowed_hosts`` None means any public host (article URLs, a Mastodon post's own server);
        the address policy applies either way. Raises ``LookupFailed`` with the reason.
        """
        key = (url, accept, follow)
        memo = self._memo.get(key)
        if memo is None:
            memo = asyncio.ensure_future(self._get(url, allowed_hosts, accept, follow, schemes, use_cache, cap))
            memo.add_done_callback(_retrieve)  # a failure nobody waits for any more is not an error
            self._memo[key] = memo
        # shield: one caller's deadline must not cancel the shared request for the others.
        return await asyncio.shield(memo)

    async def _get(
        self,
        url: str,
        allowed: frozenset[str] | None,
        accept: str,
        follow: bool,
        schemes: tuple[str, ...],
        use_cache: bool,
        cap: int | None,
    ) -> Response:
        seen: list[str] = []
        current = url
        while True:
            response = await self._cached_or_fetched(current, allowed, accept, schemes, use_cache, cap)
            if not follow or response.status not in REDIRECTS or not response.location:
                return response
            seen.append(current)
            current = response.location
            if current in seen:
                raise LookupFailed(f"redirect loop: {' -> '.join([*seen, current])}", url)
            if len(seen) > self.settings.max_redirects:
                raise LookupFailed(f"more than {self.settings.max_redirects} redirects", url)

    def check_url(self, url: str, allowed: frozenset[str] | None, schemes: tuple[str, ...]) -> None:
        why = url_refusal(url, schemes=schemes, allow_loopback=self.allow_loopback)
        if why:
            raise LookupFailed(f"{_BLOCKED}{url}: {why}", url)
        host = (urlsplit(url).hostname or "").lower()
        if allowed is not None and host not in allowed:
            raise LookupFailed(f"{_BLOCKED}{host} is not an allowed host for this look-up", url)

    async def _cached_or_fetched(
        self,
        url: str,
        allowed: frozenset[str] | None,
        accept: str,
        schemes: tuple[str, ...],
        use_cache: bool,
        cap: int | None,
    ) -> Response:
        self.check_url(url, allowed, schemes)
        key = cache_key("GET", url, accept)
        cache = self.cache if use_cache else None
        if cache is not None:
            hit = cache.get(key)
            if hit is not None:
                return Response(hit.url, hit.status, hit.headers, hit.body, from_cache=True)
        response = await self._with_retries(url, accept, cap or self.settings.max_response_bytes)
        if 200 <= response.status < 300 and accept == "application/json":
            response.json()  # HTML where JSON was expected is a failure: raise before caching it
        if cache is not None and response.status in CACHEABLE:
            # Off the event loop: a file write per answer would otherwise serialise the run.
            await asyncio.to_thread(
                cache.put, key, CachedResponse(response.url, response.status, response.headers, response.body)
            )
        return response

    async def _with_retries(self, url: str, accept: str, cap: int) -> Response:
        attempt = 0
        while True:
            wait: float | None = None
            try:
                response = await self._once(url, accept, cap)
            except LookupFailed:
                raise
            except httpx.TimeoutException as error:
                reason = f"timed out ({error or type(error).__name__}; {self.settings.timeout:g} s per phase)"
            except httpx.ConnectError as error:
                if str(error).startswith(_BLOCKED):
                    raise LookupFailed(str(error), url) from None
                reason = f"could not connect ({error})"
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as error:
                reason = f"connection broken ({str(error) or type(error).__name__})"
            except httpx.HTTPError as error:
                raise LookupFailed(f"HTTP error ({str(error) or type(error).__name__})", url) from None
            except (
                httpx.InvalidURL,
                UnicodeError,
            ) as error:  # a host name the safety policy let by but httpx cannot encode
                raise LookupFailed(f"{_BLOCKED}{url}: not a valid URL ({error})", url) from None
            else:
                if response.status not in RETRYABLE:
                    return response
                reason = f"HTTP {response.status}" + (" (rate limited)" if response.status == 429 else "")
                wait = retry_after(response.headers.get("retry-after"))
            if attempt >= self.settings.retries:
                tries = f" after {attempt + 1} attempts" if attempt else ""
                raise LookupFailed(f"{reason}{tries}", url)
            if wait is not None and wait > self.settings.max_retry_after:
                raise LookupFailed(
                    f"{reason}; Retry-After asks for {wait:g} s, more than the {self.settings.max_retry_after:g} s"
                    " citecheck waits",
                    url,
                )
            if wait is None:
                wait = self.settings.backoff * (2**attempt) * random.uniform(0.8, 1.2)
            await asyncio.sleep(wait)
            attempt += 1

    def _host_limit(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc.lower()
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(max(1, self.settings.per_host))
        return self._hosts[host]

    async def _once(self, url: str, accept: str, cap: int) -> Response:
        async with self._host_limit(url), self._limit:
            self.requests += 1
            # Per-phase timeouts reset on every byte; this bound stops a server that drips them.
            bound = ATTEMPT_PHASES * self.settings.timeout
            try:
                return await within(self._read(url, accept, cap), bound)
            except asyncio.TimeoutError:
                raise httpx.ReadTimeout(f"no complete answer within {bound:g} s") from None

    async def _read(self, url: str, accept: str, cap: int) -> Response:
        async with self.client.stream("GET", url, headers={"Accept": accept}) as reply:
            length = reply.headers.get("content-length", "")
            if length.isdigit() and int(length) > cap:
                raise LookupFailed(f"the response is {int(length)} bytes, over the cap of {cap}", url)
            decoder = BoundedDecoder(reply.headers.get("content-encoding", ""), cap)
            raw = 0
            try:
                async for chunk in reply.aiter_raw():
                    raw += len(chunk)
                    if raw > cap:
                        raise BodyTooLarge
                    decoder.feed(chunk)
            except BodyTooLarge:
                raise LookupFailed(f"the response is over the cap of {cap} bytes (decoded)", url) from None
            headers = {name: reply.headers[name] for name in _KEPT_HEADERS if name in reply.headers}
            return Response(url, reply.status_code, headers, decoder.body())
