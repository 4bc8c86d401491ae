"""Which files a run reads: the paths named, folders walked for article files, globs expanded.

A folder walk reads only articles: files with an article suffix (``.gz`` of them too), ``.json``
only when it is shaped as a WordPress post or a list of posts, and files without a suffix only when
they start like an HTML page (saved pages often have none). It skips hidden files and folders,
what ``.gitignore`` files ignore (those of the walked folders, and of the folders above up to the
repository's root, with ``.git/info/exclude``), and what the ``exclude`` patterns name.

A file named on the command line is read whatever its name, except two kinds of non-article that
pre-commit hooks and CI jobs hand over by the dozen: a file with a suffix citecheck does not read
(``.py``, ``.png``) and JSON that is not a WordPress post (``package.json``). Those get a note and
are skipped, without failing the run. ``force_exclude`` applies the exclude patterns to named files
too, as the pre-commit hook and the GitHub Action need.
"""

from __future__ import annotations

import functools
import glob
import gzip
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from citecheck.load.patterns import PatternList, split_path

# The suffixes of the article formats the load stage reads (``.gz`` of any of them too), and of
# the web archives whose pages it reads (``.warc.gz``, ``.arc.gz`` too).
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown", ".mdx", ".json", ".tml"})
ARCHIVE_SUFFIXES = frozenset({".warc", ".arc", ".wacz"})

# How much of a file the shape checks read: enough for a WordPress post's first fields.
_SNIFF_BYTES = 1 << 20
_LOOKS_HTML = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|\?xml)", re.I | re.S)
_WORDPRESS_CONTENT = re.compile(rb'"content"\s*:\s*\{\s*"(?:rendered|raw|protected)"')

# Why a path was left out (None: it is read); for the notes and the tests.
Exclusion = Callable[[str, bool], "str | None"]
Note = Callable[[str, str], None]


def article_suffix(name: str) -> str:
    """A file name's format suffix, lower case, ``.gz`` aside (``page.HTML.gz`` -> ``.html``)."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    return os.path.splitext(lowered)[1]


def not_an_article(path: str, *, named: bool) -> str | None:
    """Why a file is not an article citecheck reads, or None when it is (or may be).

    ``named``: the file was named on the command line, so a suffix-less one is read as it is.
    """
    suffix = article_suffix(os.path.basename(path))
    if suffix == ".json":
        return None if _json_is_wordpress(path) else "JSON, but not a WordPress post or a list of posts"
    if suffix in ARTICLE_SUFFIXES or suffix in ARCHIVE_SUFFIXES:
        return None
    if not suffix or suffix == ".gz":
        if named or _starts_like_html(path):
            return None
        return "no article suffix, and it does not start like an HTML page"
    return f"'{suffix}' is not an article format (.html, .md, .txt, WordPress .json, .tml, web archives; .gz of them)"


def _head(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
            if head[:2] == b"\x1f\x8b":
                handle.seek(0)
                with gzip.GzipFile(fileobj=handle) as unzipped:
                    head = unzipped.read(_SNIFF_BYTES)
    except (OSError, EOFError, gzip.BadGzipFile):
        return None  # unreadable: not for the shape checks to say; the load stage will
    return head


def _starts_like_html(path: str) -> bool:
    head = _head(path)
    return head is not None and _LOOKS_HTML.match(head[:4096]) is not None


def _json_is_wordpress(path: str) -> bool:
    """A WordPress REST post (``content.rendered``) or a list of them; an unreadable file counts as
    one, so that the load stage names what is wrong with it."""
    from citecheck.load.wordpress import is_wordpress_post

    head = _head(path)
    if head is None:
        return True
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start not in (b"{", b"["):
        return False
    try:
        data = json.loads(head) if len(head) < _SNIFF_BYTES else None
    except (ValueError, RecursionError):
        data = None
    if data is None:  # larger than the sniff, or broken: the first post's content field decides
        return _WORDPRESS_CONTENT.search(head) is not None
    if isinstance(data, list):
        # A list with one malformed post is still a list of posts: that post gets its own CC001.
        return any(is_wordpress_post(item) for item in data)
    return is_wordpress_post(data)


class _GitIgnores:
    """The .gitignore files that govern a folder: its own and those above it, up to the
    repository's root (with ``.git/info/exclude``); outside a repository, up to the walked folder."""

    def __init__(self) -> None:
        self._chains: dict[str, tuple[tuple[str, PatternList], ...]] = {}
        self.tops: set[str] = set()

    def chain(self, folder: str) -> tuple[tuple[str, PatternList], ...]:
        folder = os.path.abspath(folder)
        if folder not in self._chains:
            parent = os.path.dirname(folder)
            is_root = os.path.exists(os.path.join(folder, ".git"))
            above: tuple[tuple[str, PatternList], ...] = ()
            inside_walk = folder not in self.tops and any(folder.startswith(top + os.sep) for top in self.tops)
            if parent != folder and not is_root and (inside_walk or _in_repository(parent)):
                above = self.chain(parent)
            own = _read_patterns(os.path.join(folder, ".gitignore"))
            if is_root:
                own = _read_patterns(os.path.join(folder, ".git", "info", "exclude")) + own
            self._chains[folder] = (*above, (folder, PatternList(own))) if own else above
        return self._chains[folder]

    def ignored(self, path: str, is_dir: bool) -> str | None:
        """The pattern that ignores a path (with the file it is in), or None."""
        absolute = os.path.abspath(path)
        decided: str | None = None
        for base, patterns in self.chain(os.path.dirname(absolute)):
            parts = split_path(os.path.relpath(absolute, base))
            # Within one file the last match decides; a deeper file overrides the ones above.
            for pattern in patterns.patterns:
                if pattern.matches(parts, is_dir):
                    decided = f"{os.path.join(base, '.gitignore')}: {pattern.text}" if pattern.include else None
        return decided


@functools.lru_cache(maxsize=256)
def _in_repository(folder: str) -> bool:
    here = Path(folder)
    return any((candidate / ".git").exists() for candidate in (here, *here.parents))


def _read_patterns(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(_SNIFF_BYTES).splitlines()
    except OSError:
        return []


def expand_sources(
    paths: Iterable[str],
    *,
    excluded: Exclusion | None = None,
    force_exclude: bool = False,
    gitignore: bool = True,
    note: Note | None = None,
) -> Iterator[str]:
    """The sources to check, in a stable order: files as named, folders walked (sorted), globs expanded.

    ``excluded(path, is_dir)`` says why a path is excluded (the pattern), or None; ``note(path,
    reason)`` hears of each named file that is skipped.
    """
    ignores = _GitIgnores() if gitignore else None
    for raw in paths:
        if raw == "-" or "://" in raw:
            yield raw
            continue
        if os.path.isdir(raw):
            if ignores is not None:
                ignores.tops.add(os.path.abspath(raw))
            if force_exclude and excluded is not None and (why := excluded(raw, True)):
                _tell(note, raw, f"excluded by '{why}'")
                continue
            yield from _walk(raw, excluded, ignores)
        elif any(ch in raw for ch in "*?[") and not os.path.exists(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield raw  # the load stage says "no such file"
            for match in matches:
                if os.path.isdir(match):
                    if ignores is not None:
                        ignores.tops.add(os.path.abspath(match))
                    yield from _walk(match, excluded, ignores)
                elif _found_file(match, excluded, ignores):
                    yield match
        else:
            if force_exclude and excluded is not None and (why := excluded(raw, False)):
                _tell(note, raw, f"excluded by '{why}'")
                continue
            if os.path.isfile(raw) and (reason := not_an_article(raw, named=True)):
                _tell(note, raw, f"not an article ({reason})")
                continue
            yield raw


def _tell(note: Note | None, path: str, reason: str) -> None:
    if note is not None:
        note(path, reason)


def _found_file(path: str, excluded: Exclusion | None, ignores: _GitIgnores | None) -> bool:
    """Whether a file a walk or a glob came upon is to be read."""
    if os.path.basename(path).startswith("."):
        return False
    if excluded is not None and excluded(path, False):
        return False
    if ignores is not None and ignores.ignored(path, False):
        return False
    return not_an_article(path, named=False) is None


def _walk(top: str, excluded: Exclusion | None, ignores: _GitIgnores | None) -> Iterator[str]:
    for root, dirs, files in os.walk(top):
        kept = []
        for name in sorted(dirs):
            folder = os.path.join(root, name)
            if name.startswith(".") or (excluded is not None and excluded(folder, True)):
                continue
            if ignores is not None and ignores.ignored(folder, True):
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            path = str(Path(root) / name)
            if _found_file(path, excluded, ignores):
                yield path
