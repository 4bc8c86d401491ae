"""Every fault against the local server ends in CC306 with its reason, in bounded time, while the
other embeds of the same article still get verified."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from faultserver import FaultServer, snowflake

from citecheck.config import NetworkSettings, Settings
from citecheck.lookup import Verifier
from citecheck.models import FileReport
from citecheck.pipeline import check_source

DAY = dt.datetime(2025, 10, 14, 15, 0, tzinfo=dt.timezone.utc)

FAULTS = {
    "slow": "timed out",  # no answer at all
    "drip": "timed out",  # a byte at a time: per-phase timeouts never fire, the attempt bound does
    "reset": "connection broken",
    "429": "Retry-After asks for 3600 s",
    "500": "HTTP 503 after 2 attempts",
    "html": "HTML where JSON was expected",
    "big": "over the cap",
    "big-chunked": "over the cap",
    "bomb": "over the cap",
}


def article(tmp_path: Path, ids: list[str]) -> Path:
    quotes = "\n".join(
        f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Post number {i[-4:]}</p>&mdash; Some One (@someone) '
        f'<a href="https://twitter.com/someone/status/{i}?ref_src=twsrc%5Etfw">October 14, 2025</a></blockquote>'
        for i in ids
    )
    path = tmp_path / "article.html"
    path.write_text(f"<html><body><p>date</p>{quotes}</body></html>", encoding="utf-8")
    return path


def settings(server: FaultServer, **extra: object) -> Settings:
    options: dict[str, object] = {
        "endpoints": server.endpoints(),
        "cache": False,
        "timeout": 0.5,
        "retries": 1,
        "backoff": 0.05,
        "max_retry_after": 2,
        "deadline": 20,
        "per_host": 8,
        "concurrency": 16,
    }
    network = NetworkSettings(**{**options, **extra})  # type: ignore[arg-type]
    return Settings(online=True, published=dt.date(2025, 10, 27), network=network)


def checked(source: str, settings: Settings) -> FileReport:
    # The local fault server is on loopback: only a Verifier built by code may reach it.
    with Verifier(settings, allow_loopback_for_tests=True) as verifier:
        return check_source(source, settings, verifier=verifier)


@pytest.mark.parametrize(("fault", "reason"), sorted(FAULTS.items()))
def test_fault_ends_in_cc306_and_the_others_are_verified(
    fault_server: FaultServer, tmp_path: Path, fault: str, reason: str
) -> None:
    sequence = sorted(FAULTS).index(fault) * 3 + 100
    broken, healthy_a, healthy_b = (snowflake(DAY, sequence + k) for k in range(3))
    fault_server.faults[broken] = fault
    started = time.monotonic()
    report = checked(str(article(tmp_path, [healthy_a, broken, healthy_b])), settings(fault_server))
    elapsed = time.monotonic() - started
    assert elapsed < 10, f"{fault} took {elapsed:.1f} s"
    unverified = [f for f in report.findings if f.rule == "CC306"]
    assert [f.embed for f in unverified] == [1], report.findings
    assert reason in unverified[0].message, unverified[0].message
    assert unverified[0].severity == "info"
    assert [e.status for e in report.evidence] == ["exists", "unknown", "exists"]


def test_429_with_a_short_retry_after_is_retried(fault_server: FaultServer, tmp_path: Path) -> None:
    post = snowflake(DAY, 200)
    fault_server.faults[post] = "429-once"
    report = checked(str(article(tmp_path, [post])), settings(fault_server))
    assert report.evidence[0].status == "exists"
    assert not [f for f in report.findings if f.rule == "CC306"]


def test_dead_port_is_a_connect_failure(tmp_path: Path) -> None:
    with FaultServer() as server:
        dead = settings(server)
    # the server is gone: nothing listens on its port any more
    post = snowflake(DAY, 300)
    report = checked(str(article(tmp_path, [post])), dead)
    (finding,) = [f for f in report.findings if f.rule == "CC306"]
    assert "could not connect" in finding.message


def test_embed_deadline(fault_server: FaultServer, tmp_path: Path) -> None:
    post = snowflake(DAY, 400)
    fault_server.faults[post] = "slow"
    started = time.monotonic()
    report = checked(str(article(tmp_path, [post])), settings(fault_server, deadline=1.0))
    assert time.monotonic() - started < 5
    (finding,) = [f for f in report.findings if f.rule == "CC306"]
    assert "gave up after 1 s" in finding.message
