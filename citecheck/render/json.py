"""The JSON report (schema_version 1), written as files arrive so an archive run stays small."""

from __future__ import annotations

import json
from typing import TextIO

from citecheck import __version__
from citecheck.models import FileReport, Summary
from citecheck.render import Renderer


class JsonRenderer(Renderer):
    def __init__(self, out: TextIO, *, color: bool = False) -> None:
        super().__init__(out, color=color)
        self._count = 0
        tool = json.dumps({"name": "citecheck", "version": __version__})
        self.out.write(f'{{"schema_version": 1, "tool": {tool}, "files": [')

    def add(self, report: FileReport) -> None:
        self.out.write(("," if self._count else "") + "\n  " + report.model_dump_json())
        self._count += 1

    def finish(self, summary: Summary) -> None:
        self.out.write(("\n" if self._count else "") + f'], "summary": {summary.model_dump_json()}}}\n')
