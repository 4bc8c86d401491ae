"""Settings for a run: what the command line, a config file and the defaults decide together."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from citecheck.load.read import DEFAULT_MAX_BYTES
from citecheck.models import Severity

FailOn = Literal["error", "warning", "info", "never"]


class NetworkSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timeout: float = Field(10.0, description="Seconds for each phase of a request.")
    concurrency: int = Field(8, description="Requests under way at once, overall.")
    per_host: int = Field(2, description="Requests under way at once to one host.")
    retries: int = Field(2, description="Retries of a failed request, with backoff.")
    max_response_bytes: int = Field(2 * 1024 * 1024, description="Cap on a response body, decoded.")
    cache_dir: str | None = Field(None, description="Where look-ups are cached; default: the user cache folder.")
    cache_max_age: float = Field(7 * 24 * 3600, description="Seconds a cached look-up stays fresh.")
    endpoints: dict[str, str] = Field(default_factory=dict, description="Override a platform endpoint's base URL.")
    cache: bool = Field(True, description="Keep look-ups in the on-disk cache.")
    deadline: float = Field(60.0, description="Seconds one embed's look-ups may take in all, retries included.")
    backoff: float = Field(0.5, description="First retry delay in seconds; doubles each retry.")
    max_retry_after: float = Field(30.0, description="Longest Retry-After honoured; a longer one fails the look-up.")
    max_redirects: int = Field(5, description="Redirect hops followed when fetching an article URL.")
    user_agent: str | None = Field(None, description="User-Agent; default: citecheck/<version> (+project URL).")
    allow_loopback_for_tests: bool = Field(
        False, description="TESTS ONLY: allow http:// and loopback addresses (a local fault server)."
    )


class Settings(BaseModel):
    """Everything that shapes one run. Field names are the config file's keys."""

    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=list, description="Rule codes or prefixes to run; empty: all.")
    ignore: list[str] = Field(default_factory=list, description="Rule codes or prefixes to skip.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Severity overrides by rule code.")
    fail_on: FailOn = "error"
    max_bytes: int = DEFAULT_MAX_BYTES
    published: dt.date | None = None
    online: bool = False
    after_publication_days: float = Field(1.0, description="CC201: how long after publication a post may be.")
    network: NetworkSettings = Field(default_factory=NetworkSettings)

    def enabled(self, code: str) -> bool:
        selected = not self.select or any(code.startswith(prefix) for prefix in self.select)
        return selected and not any(code.startswith(prefix) for prefix in self.ignore)
