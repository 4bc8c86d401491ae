"""Path patterns (.gitignore semantics): the same answers as pathspec, in time linear in the path."""

from __future__ import annotations

import time

import pathspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.load.patterns import PatternList

SEGMENTS = st.sampled_from(["a", "b", "*", "**", "?", "[ab]", "[!a]", "[0-9]", "a*", "*.md", "x.md", "7.md"])
NAMES = st.sampled_from(["a", "b", "ab", "x.md", "a.md", "7.md", "c"])


@st.composite
def patterns(draw: st.DrawFn) -> str:
    text = "/".join(draw(st.lists(SEGMENTS, min_size=1, max_size=4)))
    text = draw(st.sampled_from(["", "/", "**/"])) + text + draw(st.sampled_from(["", "", "/"]))
    return draw(st.sampled_from(["", "", "!"])) + text


@settings(max_examples=800, deadline=None)
@given(st.lists(patterns(), min_size=1, max_size=3), st.lists(NAMES, min_size=1, max_size=5))
def test_same_answer_as_pathspec(lines: list[str], parts: list[str]) -> None:
    path = "/".join(parts)
    assert PatternList(lines).matches(path) == pathspec.GitIgnoreSpec.from_lines(lines).match_file(path), (lines, path)


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("drafts/old", "drafts/old/a.md", True),  # a folder pattern covers the files under it
        ("drafts/old", "drafts/old/2019/b.md", True),
        ("drafts/old", "drafts/older/a.md", False),
        ("drafts/old", "x/drafts/old/a.md", False),  # a "/" inside anchors it to the base folder
        ("old/", "drafts/old/a.md", True),  # no "/" inside: any depth; trailing "/": folders only
        ("a.md/", "drafts/a.md", False),
        ("[0-9]*.md", "drafts/2019.md", True),  # a class, not the literal text "[0-9]"
        ("[0-9]*.md", "drafts/x2019.md", False),
        ("\\[0-9].md", "[0-9].md", True),
        ("drafts/**/final.md", "drafts/final.md", True),
        ("drafts/**/final.md", "drafts/a/b/final.md", True),
        ("drafts/**", "drafts", False),
        ("*.json", "deep/package.json", True),
    ],
)
def test_semantics(pattern: str, path: str, expected: bool) -> None:
    assert PatternList([pattern]).matches(path) is expected


def test_negation_re_includes() -> None:
    patterns = PatternList(["archive/", "!archive/2025/"])
    assert patterns.matches("archive/2019/a.md") and not patterns.matches("archive/2025/a.md")


def test_many_double_stars_take_linear_time() -> None:
    # A backtracking regular expression (pathspec's own, or a glob translated by hand) takes
    # minutes on this: each "**" may take any span of the 60 segments.
    pattern = "/".join(["**/a"] * 10) + "/z.md"
    path = "/".join(["a"] * 60) + "/y.md"
    started = time.perf_counter()
    for _ in range(100):
        assert not PatternList([pattern]).matches(path)
    assert PatternList([pattern]).matches("/".join(["a"] * 60) + "/z.md")
    assert time.perf_counter() - started < 5
