"""The on-disk cache: a second run makes no request; failures are never cached; one request per run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from faultserver import FaultServer, snowflake

from citecheck.config import NetworkSettings
from citecheck.lookup import Verifier
from citecheck.lookup.cache import CachedResponse, DiskCache
from citecheck.models import Embed, Location

DAY = dt.datetime(2025, 10, 14, 15, 0, tzinfo=dt.timezone.utc)


def network(server: FaultServer, cache_dir: Path, **extra: object) -> NetworkSettings:
    options: dict[str, object] = {
        "endpoints": server.endpoints(),
        "cache_dir": str(cache_dir),
        "timeout": 0.5,
        "retries": 0,
    }
    return NetworkSettings(**{**options, **extra})  # type: ignore[arg-type]


def embeds(ids: list[str], start: int = 0) -> list[Embed]:
    return [
        Embed(index=start + n, platform="twitter", form="blockquote", post_id=i, handle="someone", location=Location(line=1, column=1))
        for n, i in enumerate(ids)
    ]  # fmt: skip


def test_second_run_makes_no_request(fault_server: FaultServer, tmp_path: Path) -> None:
    ids = [snowflake(DAY, 500 + k) for k in range(5)]
    before = fault_server.requests
    with Verifier(network(fault_server, tmp_path), allow_loopback_for_tests=True) as first:
        answers = first.verify(embeds(ids))
        assert first.requests == 10  # oEmbed and syndication for each
    assert fault_server.requests - before == 10
    with Verifier(network(fault_server, tmp_path), allow_loopback_for_tests=True) as second:
        again = second.verify(embeds(ids))
        assert second.requests == 0
    assert fault_server.requests - before == 10
    assert [a.model_dump() for a in answers.values()] == [a.model_dump() for a in again.values()]


def test_failures_are_never_cached(fault_server: FaultServer, tmp_path: Path) -> None:
    post = snowflake(DAY, 600)
    fault_server.faults[post] = "500"
    with Verifier(network(fault_server, tmp_path), allow_loopback_for_tests=True) as first:
        assert first.verify(embeds([post]))[0].status == "unknown"
    del fault_server.faults[post]
    with Verifier(network(fault_server, tmp_path), allow_loopback_for_tests=True) as second:
        assert second.verify(embeds([post]))[0].status == "exists"
        assert second.requests == 2


def test_same_post_in_many_files_is_looked_up_once_per_run(fault_server: FaultServer, tmp_path: Path) -> None:
    post = snowflake(DAY, 700)
    with Verifier(network(fault_server, tmp_path, cache=False), allow_loopback_for_tests=True) as verifier:
        for start in range(0, 30, 3):  # ten "files", each embedding the same post three times
            found = verifier.verify(embeds([post, post, post], start))
            assert [e.embed for e in found.values()] == [start, start + 1, start + 2]
        assert verifier.requests == 2


def test_cache_entries_expire(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path, max_age=60)
    cache.put("k" * 64, CachedResponse("https://x", 200, {}, b"{}"))
    assert cache.get("k" * 64) is not None
    import time

    assert cache.get("k" * 64, now=time.time() + 120) is None
    (next(tmp_path.rglob("*.json"))).write_text("{broken", encoding="utf-8")
    assert cache.get("k" * 64) is None
