"""The exception tree drawn in citecheck/errors.py's docstring is the tree the code defines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from citecheck import errors
from citecheck.config import read_config
from citecheck.errors import CitecheckError, ConfigError, InvalidPostId, LoadError
from citecheck.load import load


def test_the_docstring_draws_every_exception_and_its_parent() -> None:
    drawn = re.findall(r"[├└]── (\w+)", errors.__doc__ or "")
    defined = [cls.__name__ for cls in CitecheckError.__subclasses__()]
    assert sorted(drawn) == sorted(defined) == sorted(name for name in errors.__all__ if name != "CitecheckError")


def test_an_unreadable_source_raises_a_load_error_with_its_reason() -> None:
    with pytest.raises(LoadError) as raised:
        load("/nonexistent/draft.html")
    assert isinstance(raised.value, CitecheckError)
    assert raised.value.source == "/nonexistent/draft.html" and raised.value.reason


def test_a_config_with_an_unknown_key_raises_a_config_error(tmp_path: Path) -> None:
    folder = tmp_path
    (folder / "citecheck.toml").write_text("no_such_key = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no_such_key"):
        read_config(folder / "citecheck.toml")


def test_an_impossible_post_id_is_both_a_citecheck_error_and_a_value_error() -> None:
    assert issubclass(InvalidPostId, CitecheckError) and issubclass(InvalidPostId, ValueError)
