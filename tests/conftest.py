"""Shared fixtures. Helpers to import live in tests/helpers.py (a conftest is not importable
once a sub-folder has its own)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
