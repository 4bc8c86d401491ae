"""The on-disk cache of look-ups: one JSON file per request, so a CI re-run asks the platforms nothing.

Only answers are stored (a post's JSON, a 404 that says it is gone, t.co's 301); failures (time-outs,
429s, 5xx, refused hosts, bodies of the wrong type) never are, so a re-run tries them again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citecheck.cachedir import user_cache_dir


@dataclass(frozen=True, slots=True)
class CachedResponse:
    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


def default_cache_dir() -> Path:
    """``lookups`` in the user's cache folder (see ``citecheck.cachedir``)."""
    return user_cache_dir("lookups")


def cache_key(method: str, url: str, accept: str) -> str:
    return hashlib.sha256(f"{method} {url}\n{accept}".encode()).hexdigest()


class DiskCache:
    """JSON files under ``folder``, fresh for ``max_age`` seconds; a corrupt file is a miss."""

    def __init__(self, folder: Path, max_age: float) -> None:
        self.folder = folder
        self.max_age = max_age

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, now: float | None = None) -> CachedResponse | None:
        path = self._path(key)
        try:
            record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            if (now or time.time()) - float(record["stored"]) > self.max_age:
                return None
            return CachedResponse(
                url=str(record["url"]),
                status=int(record["status"]),
                headers={str(k): str(v) for k, v in record["headers"].items()},
                body=base64.b64decode(record["body"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, response: CachedResponse) -> None:
        record = {
            "stored": time.time(),
            "url": response.url,
            "status": response.status,
            "headers": response.headers,
            "body": base64.b64encode(response.body).decode("ascii"),
        }
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename: parallel --jobs processes never read half a file.
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(record), encoding="utf-8")
            temporary.replace(path)
        except OSError:
            pass  # a read-only cache folder costs requests, not the run
