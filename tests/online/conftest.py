"""Online tests: cassettes replayed through pytest-recording (record mode none), and a local fault server.

Nothing here reaches the real network: cassette tests only replay, and the fault tests point every
endpoint at 127.0.0.1 through the test-only ``allow_loopback_for_tests`` setting.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from citecheck.lookup import http

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CASSETTES = ROOT / "cassettes"
sys.path.insert(0, str(HERE))

from faultserver import FaultServer, gzip_bomb  # noqa: E402

# Never written to a cassette, should one ever be re-recorded with --record-mode=once.
SECRET_HEADERS = ["authorization", "cookie", "set-cookie", "x-csrf-token", "x-guest-token", "proxy-authorization"]


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": SECRET_HEADERS,
        "filter_query_parameters": ["access_token", "api_key", "key"],
        "decode_compressed_response": False,
    }


@pytest.fixture(autouse=True)
def _replayable_transport(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    # vcrpy replays by patching httpx's own transport class; citecheck's guarded transport is its
    # own class, so a cassette test swaps it for httpx's (the guard has tests of its own, with the
    # fault server). Nothing connects either way: record mode none refuses what is not in the cassette.
    if request.node.get_closest_marker("vcr"):
        monkeypatch.setattr(http, "guarded_transport", lambda backend, connections: httpx.AsyncHTTPTransport())


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


@pytest.fixture(scope="module")
def fault_server() -> Iterator[FaultServer]:
    gzip_bomb()  # build the bomb once, before any timing starts
    with FaultServer() as server:
        yield server
