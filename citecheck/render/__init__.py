"""The render stage: reports out, one module per format, each streaming file by file."""

from __future__ import annotations

import importlib
from typing import TextIO

from citecheck.models import FileReport, Summary

FORMATS = {
    "text": "citecheck.render.text:TextRenderer",
    "json": "citecheck.render.json:JsonRenderer",
}


class Renderer:
    """Writes one run's output: ``add`` once per file as results arrive, then ``finish``."""

    def __init__(self, out: TextIO, *, color: bool = False) -> None:
        self.out = out
        self.color = color

    def add(self, report: FileReport) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


def renderer(name: str, out: TextIO, *, color: bool = False) -> Renderer:
    module_name, _, class_name = FORMATS[name].partition(":")
    cls: type[Renderer] = getattr(importlib.import_module(module_name), class_name)
    return cls(out, color=color)
