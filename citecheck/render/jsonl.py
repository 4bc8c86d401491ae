"""JSON Lines for archives: one line per source, each a complete file report (schema_version 1)."""

from __future__ import annotations

from citecheck.models import FileReport
from citecheck.render import Renderer


class JsonlRenderer(Renderer):
    def add(self, report: FileReport) -> None:
        self.out.write(report.model_dump_json() + "\n")
