"""The user's cache folder, shared by the caches citecheck keeps between runs."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["user_cache_dir"]


def user_cache_dir(*parts: str) -> Path:
    """``$XDG_CACHE_HOME/citecheck/...`` (else ``~/.cache/citecheck/...``); ``%LOCALAPPDATA%`` on Windows."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return (Path(base) if base else Path.home() / ".cache").joinpath("citecheck", *parts)
