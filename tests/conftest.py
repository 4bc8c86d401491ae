"""Shared fixtures. Helpers to import live in tests/helpers.py (a conftest is not importable
once a sub-folder has its own)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import FIXTURES


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom's drafts repository: drafts, a pyproject.toml with [tool.citecheck], a suppression."""
    repo = tmp_path / "newsroom"
    shutil.copytree(FIXTURES / "ci" / "newsroom", repo)
    monkeypatch.chdir(repo)
    monkeypatch.delenv("CI", raising=False)
    return repo
