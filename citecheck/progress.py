"""A progress bar for batch runs: on a terminal only (stderr), never when piped or in CI."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from typing import TextIO

from citecheck.models import FileReport, Summary


def progress_wanted(stream: TextIO | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to draw a bar: the stream is a terminal, and this is not CI (CI=true/1) or a dumb terminal."""
    stream = stream if stream is not None else sys.stderr
    env = environ if environ is not None else os.environ
    if env.get("CI", "").lower() in ("true", "1", "yes") or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def with_progress(
    reports: Iterator[FileReport], total: int | None, stream: TextIO | None = None, *, color: bool = True
) -> Iterator[FileReport]:
    """Yield ``reports`` unchanged while a rich bar on ``stream`` counts them (rich imported only here).

    ``color=False`` draws it without colour (``--color never``, NO_COLOR)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=stream if stream is not None else sys.stderr, color_system="auto" if color else None)
    columns = (
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[problems]} with findings"),
    )
    # Redrawn as each report arrives, not by rich's refresh thread: the process pool behind
    # --jobs forks its workers while the bar is up, and a fork is only safe with one thread.
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("check", total=total, problems=0)
        progress.refresh()
        problems = 0
        for report in reports:
            problems += any(not finding.suppressed for finding in report.findings)
            progress.update(task, advance=1, problems=problems, refresh=True)
            yield report


def summary_line(summary: Summary) -> str:
    """The end-of-run counts, for stderr when the report itself is machine output."""
    return f"citecheck: {summary.describe()}"
