"""One ``citecheck check`` run: settings, sources, reports out, and the exit code.

The command line maps its options onto ``CheckOptions`` and calls ``run_check``; everything a run
decides (which config applies, what is written where, the exit code) is here, testable without
a command line. Output goes to the streams given, errors to ``stderr`` as ``citecheck: ...``.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from citecheck.config import SettingsResolver
    from citecheck.models import FileReport

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class CheckOptions:
    """What one run checks and how it reports: the command line's options, already validated."""

    paths: Sequence[str]
    output_format: str = "text"
    # Settings from the command line; they win over every config file's.
    overrides: Mapping[str, object] = field(default_factory=dict)
    config: Path | None = None
    jobs: int = 0  # pipeline.AUTO_JOBS
    output: Path | None = None
    # Go on from the records an interrupted JSON Lines run already wrote to ``output``.
    resume: bool = False


class UsageError(Exception):
    """Something the user asked for cannot be done; the run stops with exit code 2."""


def run_check(options: CheckOptions, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Check ``options.paths`` and write the report; return the exit code.

    0: nothing at or above the fail-on severity; 1: something is; 2: a usage error (a bad config,
    an output file that cannot be written), no articles found, or none could be read.
    """
    from citecheck.config import ConfigError

    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    from citecheck.resume import ResumeError, previous_reports

    try:
        resolve = _resolver(options)
        previous = []
        if options.resume:
            if options.output_format != "jsonl" or options.output is None:
                raise UsageError("--resume goes on from a JSON Lines report: give --format jsonl and --output FILE")
            previous = previous_reports(options.output)
        with _report_stream(options.output, stdout, append=options.resume) as stream:
            return _check_and_report(options, resolve, stream, stderr, previous)
    except (ConfigError, UsageError, ResumeError) as error:
        stderr.write(f"citecheck: {error}\n")
        return EXIT_USAGE


def _resolver(options: CheckOptions) -> SettingsResolver:
    from citecheck.config import SettingsResolver

    resolve = SettingsResolver(dict(options.overrides), config=options.config)
    # The configs the arguments fall under are read now, so a bad key stops the run before output.
    for path in options.paths:
        resolve(path)
    return resolve


@contextlib.contextmanager
def _report_stream(output: Path | None, stdout: TextIO, append: bool = False) -> Iterator[TextIO]:
    if output is None:
        yield stdout
        return
    try:
        handle = output.open("a" if append else "w", encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write the report to {output}: {error.strerror or error}") from None
    with handle:
        yield handle


def _check_and_report(
    options: CheckOptions,
    resolve: SettingsResolver,
    stream: TextIO,
    stderr: TextIO,
    previous: Sequence[FileReport] = (),
) -> int:
    from citecheck.load.archive import is_archive
    from citecheck.models import Summary
    from citecheck.pipeline import add_to_summary, check_paths, expand_paths, fails
    from citecheck.progress import progress_wanted, summary_line, with_progress
    from citecheck.render import renderer

    to_terminal = options.output is None and _isatty(stream)
    color = to_terminal and options.output_format == "text"
    out = renderer(options.output_format, stream, color=color, fail_on=lambda source: resolve(source).fail_on)
    summary = Summary()
    failed = False
    readable = 0
    for report in previous:  # a resumed run's summary and exit code are the whole audit's
        add_to_summary(summary, report)
        failed = failed or any(fails(finding, resolve(report.source).fail_on) for finding in report.findings)
        readable += report.kind is not None
    done = {report.source for report in previous}
    # The bar shares the terminal with nothing: when the report itself streams to it, that is the progress.
    show_progress = progress_wanted(stderr) and not to_terminal
    paths = list(options.paths)
    sources = list(expand_paths(paths)) if show_progress else paths
    # Each source gets the settings of its nearest config; the first path's stand in for the rest.
    reports = check_paths(sources, resolve(paths[0]), jobs=options.jobs, settings_for=resolve, skip=done)
    # An archive holds an unknown number of pages: then the bar counts without a total.
    total = None if done or any(is_archive(source) for source in sources) else len(sources)
    for report in with_progress(reports, total, stderr) if show_progress else reports:
        out.add(report)
        add_to_summary(summary, report)
        fail_on_here = resolve(report.source).fail_on
        failed = failed or any(fails(finding, fail_on_here) for finding in report.findings)
        readable += report.kind is not None
    out.finish(summary)
    if not summary.files:
        raise UsageError(f"no articles found in {', '.join(paths)}")
    if show_progress and (options.output is not None or options.output_format != "text"):
        stderr.write(summary_line(summary) + "\n")
    if not readable:
        return EXIT_USAGE
    return EXIT_FINDINGS if failed else EXIT_OK


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
