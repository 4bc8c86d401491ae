"""A fault-injecting HTTP server on 127.0.0.1 for the online tests and the benchmark.

It speaks just enough HTTP/1.1 by hand to misbehave on purpose: answer late, never answer, drip,
reset the connection, loop redirects, send too much or a gzip bomb, HTML where JSON is expected,
429 with Retry-After, 5xx. Which fault a request gets depends on the tweet ID in it (``faults``), so
one document can mix broken and healthy embeds.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import socket
import socketserver
import struct
import threading
import time
from collections import Counter
from urllib.parse import parse_qs, unquote, urlsplit

from citecheck.embeds.twitter import TWITTER_EPOCH_MS, snowflake_id


def snowflake(when: dt.datetime, sequence: int = 0) -> str:
    """A status ID whose clock reads ``when``."""
    return str(snowflake_id(when, sequence))


def id_time(post_id: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(((int(post_id) >> 22) + TWITTER_EPOCH_MS) / 1000, dt.timezone.utc)


def oembed_body(post_id: str, handle: str, name: str, text: str) -> dict[str, object]:
    day = id_time(post_id).strftime("%B %-d, %Y")
    return {
        "url": f"https://twitter.com/{handle}/status/{post_id}",
        "author_name": name,
        "author_url": f"https://twitter.com/{handle}",
        "html": f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{text}</p>&mdash; {name} (@{handle}) '
        f'<a href="https://twitter.com/{handle}/status/{post_id}?ref_src=twsrc%5Etfw">{day}</a></blockquote>\n',
        "width": 550,
        "height": None,
        "type": "rich",
        "cache_age": "3153600000",
        "provider_name": "Twitter",
        "provider_url": "https://twitter.com",
        "version": "1.0",
    }


def syndication_body(post_id: str, handle: str, name: str, text: str) -> dict[str, object]:
    created = id_time(post_id).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return {
        "__typename": "Tweet",
        "lang": "en",
        "created_at": created,
        "display_text_range": [0, len(text)],
        "entities": {"hashtags": [], "urls": [], "user_mentions": [], "symbols": []},
        "id_str": post_id,
        "text": text,
        "user": {"id_str": "1000" + post_id[-6:], "name": name, "screen_name": handle, "verified": False},
    }


_BOMB: list[bytes] = []


def gzip_bomb() -> bytes:
    """About 100 KB of gzip that inflates to 100 MB."""
    if not _BOMB:
        _BOMB.append(gzip.compress(b'{"pad":"' + b"0" * (100 * 1024 * 1024) + b'"}', compresslevel=9))
    return _BOMB[0]


class FaultServer:
    """``with FaultServer() as server:`` ... ``server.url``; set ``faults[id] = "reset"`` and so on."""

    def __init__(self, latency: float = 0.0, keep_alive: bool = False) -> None:
        self.latency = latency
        self.keep_alive = keep_alive  # healthy answers keep the connection open, as real servers do
        self.faults: dict[str, str] = {}
        self.posts: dict[str, tuple[str, str, str]] = {}  # id -> (handle, name, text)
        self.hits: Counter[str] = Counter()
        self.requests = 0
        self._lock = threading.Lock()
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                outer._handle(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True
            request_queue_size = 128

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def endpoints(self) -> dict[str, str]:
        return {
            "twitter.tco": f"{self.url}/tco",
            "twitter.oembed": f"{self.url}/oembed",
            "twitter.syndication": f"{self.url}/syndication",
            "wayback.available": f"{self.url}/wayback",
        }

    # -- request handling ---------------------------------------------------------------------

    def _handle(self, sock: socket.socket) -> None:
        data = b""
        while True:
            while b"\r\n\r\n" not in data:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, data = data.split(b"\r\n\r\n", 1)
            if not self._handle_one(sock, head) or not self.keep_alive:
                return

    def _handle_one(self, sock: socket.socket, data: bytes) -> bool:
        line = data.split(b"\r\n", 1)[0].decode("latin-1")
        target = line.split(" ")[1]
        with self._lock:
            self.requests += 1
        parts = urlsplit(target)
        query = unquote(parts.query)
        found = re.search(r"\d{6,20}", query) or re.search(r"\d{6,20}", parts.path)
        post_id = found.group(0) if found else ""
        fault = self.faults.get(post_id) or self.faults.get(parts.path, "ok")
        with self._lock:
            self.hits[f"{fault}:{post_id or parts.path}"] += 1
            count = self.hits[f"{fault}:{post_id or parts.path}"]
        try:
            self._respond(sock, parts.path, parse_qs(parts.query), post_id, fault, count)
        except OSError:
            return False
        return fault == "ok"

    def _respond(
        self, sock: socket.socket, path: str, query: dict[str, list[str]], post_id: str, fault: str, count: int
    ) -> None:
        if self.latency:
            time.sleep(self.latency)
        if fault == "slow":
            time.sleep(30)
            return
        if fault == "drip":
            sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
            for _ in range(600):
                sock.sendall(b" ")
                time.sleep(0.05)
            return
        if fault == "reset":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()
            return
        if fault == "429":
            self._send(sock, 429, b'{"errors":[{"message":"Rate limit exceeded","code":88}]}', {"Retry-After": "3600"})
            return
        if fault == "429-once" and count == 1:
            self._send(sock, 429, b"{}", {"Retry-After": "1"})
            return
        if fault == "500":
            self._send(sock, 503, b"<html><body>Service Unavailable</body></html>", {"Content-Type": "text/html"})
            return
        if fault == "html":
            self._send(
                sock, 200, b"<!DOCTYPE html><html><body>Log in to X</body></html>", {"Content-Type": "text/html"}
            )
            return
        if fault == "big":
            self._send(sock, 200, b'{"pad":"' + b"x" * (8 * 1024 * 1024) + b'"}')
            return
        if fault == "big-chunked":
            sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
            piece = b"x" * 65536
            for _ in range(200):
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            sock.sendall(b"0\r\n\r\n")
            return
        if fault == "bomb":
            self._send(sock, 200, gzip_bomb(), {"Content-Encoding": "gzip"})
            return
        if fault == "loop":
            self._send(sock, 302, b"", {"Location": path})
            return
        if fault.startswith("redirect:"):
            self._send(sock, 302, b"", {"Location": fault.split(":", 1)[1]})
            return
        self._ok(sock, path, post_id)

    def _ok(self, sock: socket.socket, path: str, post_id: str) -> None:
        handle, name, text = self.posts.get(post_id, ("someone", "Some One", f"Post number {post_id[-4:]}"))
        if path.startswith("/oembed"):
            body = oembed_body(post_id, handle, name, text)
        elif path.startswith("/syndication"):
            body = syndication_body(post_id, handle, name, text)
        elif path.startswith("/wayback"):
            body = {"archived_snapshots": {}}
        elif path.startswith("/article"):
            page = b"<html><head><title>A</title></head><body><p>An article.</p></body></html>"
            self._send(sock, 200, page, {"Content-Type": "text/html; charset=utf-8"})
            return
        else:
            body = {"ok": True, "path": path}
        self._send(sock, 200, json.dumps(body).encode())

    def _send(self, sock: socket.socket, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        connection = "keep-alive" if self.keep_alive and status == 200 else "close"
        head = {"Content-Type": "application/json", "Content-Length": str(len(body)), "Connection": connection}
        head.update(headers or {})
        reason = {200: "OK", 302: "Found", 429: "Too Many Requests", 503: "Service Unavailable"}.get(status, "X")
        lines = [f"HTTP/1.1 {status} {reason}", *(f"{k}: {v}" for k, v in head.items()), "", ""]
        sock.sendall("\r\n".join(lines).encode("latin-1") + body)
