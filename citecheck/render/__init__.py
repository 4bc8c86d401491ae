"""The render stage: reports out, one module per format, each streaming file by file."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from citecheck.models import FileReport, Summary

FORMATS = {
    "text": "citecheck.render.text:TextRenderer",
    "json": "citecheck.render.json:JsonRenderer",
    "jsonl": "citecheck.render.jsonl:JsonlRenderer",
    "sarif": "citecheck.render.sarif:SarifRenderer",
    "github": "citecheck.render.github:GithubRenderer",
    "junit": "citecheck.render.junit:JunitRenderer",
    "parquet": "citecheck.render.parquet:ParquetRenderer",
    "html": "citecheck.render.html:HtmlRenderer",
}


class RendererUnavailable(Exception):
    """A format that cannot be written here (its extra is missing, or it needs a file): a usage error."""


FailOnFor = Callable[[str], str]


class Renderer:
    """Writes one run's output: ``add`` once per file as results arrive, then ``finish``."""

    # The lowest severity that fails a source's check (config may set it per file); the factory sets it.
    fail_on_for: FailOnFor = staticmethod(lambda _source: "error")

    def __init__(self, out: TextIO, *, color: bool = False) -> None:
        self.out = out
        self.color = color
        # Findings only (--quiet): formats written for people leave out the rest.
        self.quiet = False

    def add(self, report: FileReport) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


def renderer(
    name: str, out: TextIO, *, color: bool = False, fail_on: str | FailOnFor = "error", quiet: bool = False
) -> Renderer:
    """The renderer for a format name; ``fail_on`` is a severity, or a function of the source."""
    module_name, _, class_name = FORMATS[name].partition(":")
    cls: type[Renderer] = getattr(importlib.import_module(module_name), class_name)
    instance = cls(out, color=color)
    instance.quiet = quiet
    instance.fail_on_for = fail_on if callable(fail_on) else (lambda _source: str(fail_on))  # type: ignore[method-assign]
    return instance


def relative_source(source: str) -> str:
    """A source as a CI service wants it: a path relative to the working folder, with ``/``."""
    if source == "-" or "://" in source:
        return source
    from pathlib import Path, PurePath

    path = Path(source)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_posix()
    return PurePath(path).as_posix().removeprefix("./")
