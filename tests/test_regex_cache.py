"""The compiled-pattern cache behaves exactly like ``re.compile``, whatever state its folder is in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from citecheck import regex_cache
from citecheck.regex_cache import compile_cached

# Named groups, a look-behind, an inline flag and a global one: what the chronology pattern uses.
PATTERN = r"(?<![\d-])(?P<day>\d{1,2})\s+(?P<month>(?i:oct|nov)\.?)(?:,?\s+(?P<year>\d{4}))?"
TEXT = "Filed 17 Oct., then 3 NOV 2025, not 1-17 Oct or 2017."


def matches(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(TEXT)]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "citecheck" / "regex"


def test_same_pattern_as_re_compile_and_stored_once(cache_home: Path) -> None:
    expected = re.compile(PATTERN, re.M)
    first = compile_cached(PATTERN, re.M)
    assert matches(first) == matches(expected) and len(matches(expected)) == 2
    assert (first.flags, first.groups, first.groupindex) == (expected.flags, expected.groups, expected.groupindex)
    stored = list(cache_home.iterdir())
    assert len(stored) == 1
    second = compile_cached(PATTERN, re.M)
    assert matches(second) == matches(expected)
    assert list(cache_home.iterdir()) == stored


def test_second_compile_comes_from_the_file(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compile_cached(PATTERN)

    def no_compiling(*_args: object) -> None:
        raise AssertionError("compiled again instead of reading the cache")

    monkeypatch.setattr(regex_cache, "_program", no_compiling)
    assert matches(compile_cached(PATTERN)) == matches(re.compile(PATTERN))


def test_flags_are_part_of_the_key(cache_home: Path) -> None:
    assert compile_cached("oct", re.I).search("OCT") is not None
    assert compile_cached("oct").search("OCT") is None


def test_damaged_file_is_recompiled_and_replaced(cache_home: Path) -> None:
    compile_cached(PATTERN)
    (stored,) = cache_home.iterdir()
    stored.write_bytes(b"\x00 not a program")
    assert matches(compile_cached(PATTERN)) == matches(re.compile(PATTERN))
    assert stored.read_bytes() != b"\x00 not a program"


def test_unwritable_cache_folder_still_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert matches(compile_cached(PATTERN)) == matches(re.compile(PATTERN))
    assert blocker.is_file()


def test_programs_of_old_versions_are_pruned_when_a_new_one_is_written(cache_home: Path) -> None:
    import os
    import time

    compile_cached("old|pattern")
    compile_cached("recent|pattern")
    (old,) = [path for path in cache_home.iterdir() if path.read_bytes().startswith(b'["old|pattern"')]
    (recent,) = [path for path in cache_home.iterdir() if path != old]
    month_ago = time.time() - regex_cache.STALE_SECONDS - 60
    os.utime(old, (month_ago, month_ago))
    compile_cached("new|pattern")
    assert not old.exists() and recent.exists() and len(list(cache_home.iterdir())) == 2
