"""Online look-ups against a local server with injected latency.

DESIGN's bar: N look-ups finish within 1.25x of N x latency / concurrency, and a second run served
from the disk cache makes no request. Run:

    .venv/bin/python benchmarks/bench_lookup.py [N] [latency_s] [concurrency]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from citecheck.config import NetworkSettings  # noqa: E402
from citecheck.lookup import Verifier  # noqa: E402
from citecheck.models import Embed, Location  # noqa: E402


class ServerProcess:
    """A minimal asyncio HTTP/1.1 server with injected latency, in its own process.

    The fault server of the tests answers from threads, which is right for faults but costs more
    CPU per request than the client being measured; this one costs almost none, so the figure is
    the client's own overhead.
    """

    def __init__(self, latency: float) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._parent, child = context.Pipe()
        self._count = context.Value("i", 0)
        self._process = context.Process(target=self._serve, args=(child, latency, self._count), daemon=True)

    @staticmethod
    def _serve(pipe, latency: float, count) -> None:  # type: ignore[no-untyped-def]
        import asyncio
        import json

        body = json.dumps({"title": "A video", "author_name": "Channel", "author_url": "https://www.youtube.com/@c"})
        response = (
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n{body}"
        ).encode()

        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while await reader.readuntil(b"\r\n\r\n"):
                    with count.get_lock():
                        count.value += 1
                    await asyncio.sleep(latency)
                    writer.write(response)
                    await writer.drain()
            except (asyncio.IncompleteReadError, ConnectionError):
                writer.close()

        async def serve() -> None:
            server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=512)
            pipe.send(f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}")
            await server.serve_forever()

        asyncio.run(serve())

    def __enter__(self) -> ServerProcess:
        self._process.start()
        self.url = self._parent.recv()
        return self

    @property
    def requests(self) -> int:
        return int(self._count.value)

    def __exit__(self, *exc: object) -> None:
        self._process.kill()


def main(n: int = 400, latency: float = 0.1, concurrency: int = 16) -> int:
    embeds = [
        Embed(
            index=i,
            platform="youtube",
            form="iframe",
            post_url=f"https://www.youtube.com/watch?v=bench{i:06d}",
            location=Location(line=1, column=1),
        )
        for i in range(n)
    ]
    with ServerProcess(latency) as server, tempfile.TemporaryDirectory() as cache_dir:
        network = NetworkSettings(
            endpoints={"youtube.oembed": f"{server.url}/youtube"},
            cache_dir=cache_dir,
            concurrency=concurrency,
            per_host=concurrency,  # one local host stands in for many platforms
        )
        ideal = n * latency / concurrency
        with Verifier(network, allow_loopback_for_tests=True) as verifier:
            started = time.perf_counter()
            found = verifier.verify(embeds)
            elapsed = time.perf_counter() - started
            sent = verifier.requests
        ok = sum(e.status == "exists" for e in found.values())
        before = server.requests
        with Verifier(network, allow_loopback_for_tests=True) as verifier:
            started = time.perf_counter()
            verifier.verify(embeds)
            cached = time.perf_counter() - started
            second = verifier.requests
        ratio = elapsed / ideal
        print(f"look-ups: {n}, latency {latency * 1000:.0f} ms, concurrency {concurrency}")
        print(f"first run: {elapsed:.3f} s for {sent} requests ({ok} verified); ideal {ideal:.3f} s; ratio {ratio:.3f}")
        print(f"second run (cache): {cached:.3f} s, {second} requests (server saw {server.requests - before})")
        good = ratio <= 1.25 and second == 0 and server.requests == before and ok == n
        print("PASS" if good else "FAIL")
        return 0 if good else 1


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(
        main(
            int(args[0]) if args else 400,
            float(args[1]) if len(args) > 1 else 0.1,
            int(args[2]) if len(args) > 2 else 16,
        )
    )
