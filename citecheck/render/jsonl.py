"""JSON Lines for archives: one line per source, each a complete file report (schema_version 1)."""

from __future__ import annotations

from citecheck.models import FileReport
from citecheck.render import Renderer


class JsonlRenderer(Renderer):
    def add(self, report: FileReport) -> None:
        # One write of a whole line, flushed: a run killed at any moment leaves whole records
        # (and at most part of the one being written, which --resume cuts off).
        self.out.write(report.model_dump_json() + "\n")
        self.out.flush()
