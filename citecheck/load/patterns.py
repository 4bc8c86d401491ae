"""Path patterns with .gitignore semantics: ``exclude``, ``.gitignore`` files and ``[[overrides]] paths``.

Each segment of a pattern (``*``, ``?``, ``[0-9]``, ``[!a]``, ``\\*``) is translated by the
pathspec library, so a segment means exactly what it means to git. The ``**`` segments between them
are matched here, by a walk over the path's segments that keeps the set of pattern positions still
possible: time grows with (path segments x pattern segments), never exponentially, however many
``**`` a pattern holds (a backtracking regular expression takes minutes on ten of them).

The rules, as in .gitignore:

- a pattern without a ``/`` (other than a trailing one) matches a name at any depth (``*.json``,
  ``node_modules``); one with a ``/`` is anchored to its base folder (``drafts/old``, ``/build``);
- a pattern that matches a folder matches everything under it (``drafts/old`` matches
  ``drafts/old/a.md``); a trailing ``/`` matches folders only;
- ``*`` and ``?`` stay within a segment, ``[...]`` is a character class, ``\\`` escapes;
- ``**/`` at the start or ``/**/`` inside match zero or more folders; ``/**`` at the end matches
  everything inside;
- ``!`` re-includes what an earlier pattern excluded: the last pattern that matches the path itself
  decides; when none does, the last that matches a folder above it (as pathspec's GitIgnoreSpec
  decides). A folder walk never enters an excluded folder, so nothing
  under it comes back (as in git).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_ANY_DEPTH = None  # a ``**`` segment: zero or more path segments
_GLOB_CHARS = re.compile(r"[*?\[\\]")
_Segment = re.Pattern[str] | None


@functools.lru_cache(maxsize=4096)
def _segment_regex(segment: str) -> re.Pattern[str]:
    """One segment's glob as pathspec reads it (the pattern ``/segment``, so anchored and alone)."""
    if not _GLOB_CHARS.search(segment):  # a plain name: no need to import pathspec for it
        return re.compile(re.escape(segment) + r"\Z")
    from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern

    regex, _ = GitIgnoreSpecPattern.pattern_to_regex("/" + segment)
    if regex is None:  # pathspec returns None for what matches nothing (a comment, an empty line)
        return re.compile(r"(?!)")
    # The regex ends with "(?:/|$)": on a segment, which holds no "/", that is its end.
    return re.compile(regex)


_ONE_OR_MORE = re.compile(r"[^/]+")  # a trailing ``/**``: everything inside, not the folder itself


@dataclass(frozen=True, slots=True)
class PathPattern:
    """One pattern line, compiled."""

    text: str
    include: bool  # False for a ``!`` pattern
    dir_only: bool
    anchored: bool  # holds a "/" (not only a trailing one): matched from the base folder only
    segments: tuple[_Segment, ...]
    inside_only: bool = False  # "drafts/**/": what is inside, as folder matches (pathspec's reading)
    name: str | None = None  # a bare name without glob characters ("node_modules"): matched by equality

    def matches(self, parts: Sequence[str], is_dir: bool = False) -> bool:
        """Whether the path (its segments, relative to the pattern's base) or a folder above it matches."""
        return self.level(parts, is_dir) > 0

    def level(self, parts: Sequence[str], is_dir: bool = False) -> int:
        """2 when the pattern matches the path itself, 1 when only a folder above it, 0 when neither."""
        if self.name is not None:  # the common case (the default excludes), without the walk below
            if parts and parts[-1] == self.name and (is_dir or not self.dir_only):
                return 2
            return 1 if self.name in parts[:-1] else 0
        segments = self.segments
        end = len(segments)
        states = _closure(segments, {0})
        last = len(parts)
        above = False
        for depth, part in enumerate(parts, 1):
            following: set[int] = set()
            for state in states:
                if state == end:
                    continue
                segment = segments[state]
                if segment is _ANY_DEPTH:
                    following.add(state)
                elif segment.match(part):
                    following.add(state + 1)
            states = _closure(segments, following)
            if not states:
                break
            if end in states:
                if depth < last:
                    above = True  # a folder above the path matches: it covers the path
                elif is_dir or not self.dir_only:  # a folder-only pattern needs a folder
                    return 1 if self.inside_only else 2
        return 1 if above else 0


def _closure(segments: Sequence[_Segment], states: set[int]) -> set[int]:
    """The states reachable by letting ``**`` segments match nothing."""
    out = set(states)
    for state in sorted(states):
        while state < len(segments) and segments[state] is _ANY_DEPTH:
            state += 1
            out.add(state)
    return out


def compile_pattern(line: str) -> PathPattern | None:
    """A pattern line as in .gitignore; None for a blank line or a comment."""
    text = line.rstrip("\n").rstrip("\r")
    if not text.endswith("\\ "):
        text = text.rstrip(" ")
    if not text or text.startswith("#"):
        return None
    include = True
    if text.startswith("!"):
        include, text = False, text[1:]
    elif text.startswith(("\\!", "\\#")):
        text = text[1:]
    text = text.removeprefix("./") if text.startswith("./") else text
    dir_only = text.endswith("/")
    body = text.rstrip("/")
    if not body:
        return None
    anchored = "/" in body
    raw = [part for part in body.strip("/").split("/") if part]
    if not raw:
        return None
    segments: list[_Segment] = [] if anchored else [_ANY_DEPTH]
    for part in raw:
        if part == "**":
            if segments and segments[-1] is _ANY_DEPTH:
                continue  # "**/**" is one "**"
            segments.append(_ANY_DEPTH)
        else:
            segments.append(_segment_regex(part))
    inside_only = False
    if segments[-1] is _ANY_DEPTH:  # a trailing "**": one segment or more, so not the folder itself
        segments[-1:] = [_ONE_OR_MORE, _ANY_DEPTH]
        inside_only = dir_only and len(segments) > 2
        dir_only = (
            dir_only and len(segments) == 2
        )  # "**/" alone: every folder  # "drafts/**/" is "drafts/**"; "**/" is every folder
    return PathPattern(
        text=line.strip(),
        include=include,
        dir_only=dir_only,
        anchored=anchored,
        segments=tuple(segments),
        inside_only=inside_only,
        name=raw[0] if not anchored and len(raw) == 1 and not _GLOB_CHARS.search(raw[0]) else None,
    )


class PatternList:
    """Pattern lines read in order; the last one that matches a path decides."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.patterns = [p for p in (compile_pattern(line) for line in lines) if p is not None]

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def match(self, parts: Sequence[str], is_dir: bool = False, *, anchored: bool = True) -> PathPattern | None:
        """The pattern that decides a path, when it includes it (excludes, for an exclude list); else None.

        ``anchored=False`` for a path outside the patterns' base: only patterns without a ``/`` apply,
        to its last segments."""
        decided: PathPattern | None = None
        decided_level = 0
        for pattern in self.patterns:
            if not anchored and pattern.anchored:
                continue
            level = pattern.level(parts, is_dir)
            # As pathspec decides: the last pattern that matches the path itself wins; when none
            # does, the last that matches a folder above it.
            if level and level >= decided_level:
                decided, decided_level = pattern, level
        return decided if decided is not None and decided.include else None

    def matches(self, path: str, is_dir: bool = False) -> bool:
        """Whether a ``/``-separated relative path matches."""
        return self.match(split_path(path), is_dir) is not None


def split_path(path: str) -> list[str]:
    return [part for part in path.replace("\\", "/").split("/") if part and part != "."]
