"""The exceptions citecheck raises on purpose, in one place (as httpx's ``_exceptions.py``).

    CitecheckError
    ├── LoadError       a source cannot be read or parsed: a CC001 finding on that source, the run goes on
    ├── ConfigError     a config file or option citecheck cannot use: exit 2, naming the file and key
    ├── LookupFailed    a look-up got no usable answer (--online): a CC306 finding on that embed
    ├── ClusterUnavailable  --engine dask without Dask, or no scheduler at the address: exit 2
    └── InvalidPostId   a post ID no platform could have made (also a ValueError): a CC104 finding

Each carries the sentence a user is shown (``reason`` where there is one). Anything else escaping
a check is a bug: the pipeline turns it into a CC001 "internal error" for that file.
"""

from __future__ import annotations

__all__ = ["CitecheckError", "ClusterUnavailable", "ConfigError", "InvalidPostId", "LoadError", "LookupFailed"]


class CitecheckError(Exception):
    """The base of every exception citecheck raises on purpose."""


class LoadError(CitecheckError):
    """A source that cannot be read; becomes a CC001 finding on that source."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(CitecheckError):
    """A config file that cannot be read, or that has keys or values citecheck does not know."""


class LookupFailed(CitecheckError):
    """A look-up that got no usable answer; ``reason`` is the sentence CC306 shows."""

    def __init__(self, reason: str, url: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url


class InvalidPostId(CitecheckError, ValueError):
    """A post ID that cannot exist (wrong shape, in a gap of the ID scheme, in the future)."""


class ClusterUnavailable(CitecheckError):
    """Dask is not installed, or the scheduler cannot be reached: a usage error."""
