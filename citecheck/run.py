"""One ``citecheck check`` run: settings, sources, reports out, and the exit code.

The command line maps its options onto ``CheckOptions`` and calls ``run_check``; everything a run
decides (which config applies, what is written where, colour, baseline, the exit code) is here,
testable without a command line. Output goes to the streams given, errors to ``stderr`` as
``citecheck: ...``.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO, cast

if TYPE_CHECKING:
    from citecheck.config import Settings, SettingsResolver
    from citecheck.models import FileReport, Summary

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

ColorMode = Literal["auto", "always", "never"]
# The formats --statistics can write its table in.
STATISTICS_FORMATS = ("text", "json")


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """What one run checks and how it reports: the command line's options, already validated."""

    paths: Sequence[str]
    output_format: str = "text"
    # Settings from the command line; they win over every config file's.
    overrides: Mapping[str, object] = field(default_factory=dict)
    config: Path | None = None
    jobs: int = 0  # pipeline.AUTO_JOBS
    output: Path | None = None
    color: ColorMode = "auto"
    quiet: bool = False  # findings only: no embeds, clean files, summary or progress
    verbose: bool = False  # also, on stderr: each source's config and counts, and the run's time
    stdin_filename: str | None = None  # what the report calls standard input; config applies by it
    statistics: bool = False  # counts per rule instead of the report
    exit_zero: bool = False  # exit 0 even when findings fail the check (usage errors still exit 2)
    baseline: Path | None = None  # leave out the findings this baseline records
    write_baseline: Path | None = None  # record this run's findings as the baseline
    # Go on from the records an interrupted JSON Lines run already wrote to ``output``.
    resume: bool = False
    # Where the checks run: this machine (``jobs`` processes), or a Dask cluster (``scheduler``'s,
    # or a LocalCluster of ``jobs`` workers when there is none).
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None
    # Exclude patterns (.gitignore syntax): --exclude replaces the configs' (None: theirs), and
    # --extend-exclude adds to them; --force-exclude applies them to the paths named too.
    exclude: Sequence[str] | None = None
    extend_exclude: Sequence[str] = ()
    force_exclude: bool = False


class UsageError(Exception):
    """Something the user asked for cannot be done; the run stops with exit code 2."""


def run_check(
    options: CheckOptions,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Check ``options.paths`` and write the report; return the exit code.

    0: nothing at or above the fail-on severity (or ``exit_zero``, or a baseline was written);
    1: something is; 2: a usage error (a bad config or baseline, an output file that cannot be
    written), no articles found, or none could be read.
    """
    from citecheck.baseline import BaselineError
    from citecheck.errors import ClusterUnavailable, ConfigError
    from citecheck.render import RendererUnavailable
    from citecheck.resume import ResumeError, previous_reports

    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    environ = environ if environ is not None else os.environ
    try:
        _check_options(options)
        resolve = _resolver(options)
        baseline = _read_baseline(options.baseline)
        previous: list[FileReport] = []
        if options.resume:
            if options.output_format != "jsonl" or options.output is None:
                raise UsageError("--resume goes on from a JSON Lines report: give --format jsonl and --output FILE")
            previous = previous_reports(options.output)
        _refuse_output_among_inputs(options)
        with _report_stream(options.output, stdout, append=options.resume) as stream:
            guarded = _Guarded(stream, str(options.output) if options.output else "standard output")
            code = _Run(options, resolve, baseline, cast(TextIO, guarded), stderr, environ).go(previous)
            guarded.flush()
            return code
    except ReportUnwritable as error:
        if error.broken_pipe:  # `citecheck ... | head`: the reader has all it wanted
            _silence(stdout)
        else:
            stderr.write(f"citecheck: {error}\n")
        return EXIT_USAGE
    except (ConfigError, UsageError, BaselineError, ResumeError, RendererUnavailable, ClusterUnavailable) as error:
        stderr.write(f"citecheck: {error}\n")
        return EXIT_USAGE


class ReportUnwritable(Exception):
    """The report cannot be written (a full disk, /dev/full, a closed pipe): exit 2, said once."""

    def __init__(self, where: str, error: OSError) -> None:
        super().__init__(f"cannot write the report to {where}: {error.strerror or error}")
        self.broken_pipe = isinstance(error, BrokenPipeError)


class _Guarded:
    """A report stream whose write errors stop the run as ``ReportUnwritable``, naming the
    output: an OSError from the middle of a renderer was a traceback and exit 1, read by CI as
    "findings"."""

    def __init__(self, stream: TextIO, where: str) -> None:
        self._stream, self._where = stream, where

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            raise ReportUnwritable(self._where, error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise ReportUnwritable(self._where, error) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _silence(stream: TextIO) -> None:
    """Point a stream that can no longer be written at /dev/null, so the interpreter's flush at
    exit does not fail again with a traceback of its own."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def _refuse_output_among_inputs(options: CheckOptions) -> None:
    """``citecheck a.html -o a.html`` opened (and so emptied) the draft before reading it."""
    output = options.output
    if output is None or options.resume:
        return
    try:
        target = output.resolve()
        exists = output.exists()
    except (OSError, RuntimeError):
        return  # opening it will say what is wrong
    for path in options.paths:
        if path == "-" or "://" in path:
            continue
        try:
            named = Path(path).resolve()
            same = named == target or (exists and Path(path).exists() and os.path.samefile(path, output))
        except (OSError, RuntimeError, ValueError):
            continue
        if same:
            raise UsageError(f"the output {output} is one of the inputs: it would be emptied before it is read")


def _check_options(options: CheckOptions) -> None:
    if options.quiet and options.verbose:
        raise UsageError("--quiet and --verbose cannot be used together")
    if options.statistics and options.output_format not in STATISTICS_FORMATS:
        raise UsageError(f"--statistics writes text or json, not {options.output_format}")
    if options.stdin_filename is not None and "-" not in options.paths:
        raise UsageError("--stdin-filename names standard input: give - as a path")
    if options.scheduler is not None and options.engine != "dask":
        raise UsageError("--scheduler is the address of a Dask scheduler: give --engine dask too")
    if options.engine == "dask" and "-" in options.paths:
        raise UsageError("--engine dask checks files and URLs, not standard input")


def wants_color(mode: ColorMode, stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Whether to colour what goes to ``stream``.

    ``always`` and ``never`` decide; ``auto`` colours a terminal, unless NO_COLOR is set to
    anything (no-color.org) or TERM is dumb; FORCE_COLOR colours a pipe too.
    """
    if mode != "auto":
        return mode == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return _isatty(stream) and environ.get("TERM") != "dumb"


def _resolver(options: CheckOptions) -> SettingsResolver:
    from citecheck.config import SettingsResolver

    resolve = SettingsResolver(
        dict(options.overrides),
        config=options.config,
        exclude=list(options.exclude) if options.exclude is not None else None,
        extend_exclude=list(options.extend_exclude),
    )
    # The configs the arguments fall under are read now, so a bad key stops the run before output.
    for path in options.paths:
        resolve(_named(path, options.stdin_filename))
    return resolve


def _named(source: str, stdin_filename: str | None) -> str:
    return stdin_filename if source == "-" and stdin_filename is not None else source


def _read_baseline(path: Path | None) -> dict[str, str] | None:
    from citecheck.baseline import read_baseline

    return read_baseline(path) if path is not None else None


@contextlib.contextmanager
def _report_stream(output: Path | None, stdout: TextIO, append: bool = False) -> Iterator[TextIO]:
    if output is None:
        yield stdout
        return
    try:
        handle = output.open("a" if append else "w", encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write the report to {output}: {error.strerror or error}") from None
    try:
        yield handle
    except BaseException:
        with contextlib.suppress(OSError):
            handle.close()
        raise
    try:  # closing writes what is still buffered: /dev/full fails here
        handle.close()
    except OSError as error:
        raise ReportUnwritable(str(output), error) from None


class _Run:
    """The state of one run as reports arrive: the renderer, the counts, the exit code's inputs."""

    def __init__(
        self,
        options: CheckOptions,
        resolve: SettingsResolver,
        baseline: dict[str, str] | None,
        stream: TextIO,
        stderr: TextIO,
        environ: Mapping[str, str],
    ) -> None:
        from citecheck.models import Summary
        from citecheck.progress import progress_wanted
        from citecheck.render import renderer

        self.options, self.resolve, self.baseline, self.stderr = options, resolve, baseline, stderr
        self.stream = stream
        self.to_terminal = options.output is None and _isatty(stream)
        color = options.output_format == "text" and wants_color(options.color, stream, environ)
        # --statistics writes a table of its own instead of the report.
        self.out = None
        if not options.statistics:
            self.out = renderer(options.output_format, stream, color=color, fail_on=self._fail_on, quiet=options.quiet)
        self.summary = Summary()
        self.failed = False
        self.readable = 0
        self.per_rule: Counter[tuple[str, str, str]] = Counter()
        self.recorded: list[dict[str, str]] = []
        self.baseline_seen: set[str] = set()
        self.checked: set[str] = set()  # sources (relative) this run checked: a baseline's others are not stale
        # The bar shares the terminal with nothing: when the report itself streams to it, that is the progress.
        self.show_progress = progress_wanted(stderr, environ) and not self.to_terminal and not options.quiet
        self.progress_color = wants_color(options.color, stderr, environ)

    def _fail_on(self, source: str) -> str:
        return self.resolve(source).fail_on

    def go(self, previous: Sequence[FileReport] = ()) -> int:
        from citecheck.load.archive import is_archive
        from citecheck.pipeline import add_to_summary, check_paths, expand_paths, fails
        from citecheck.progress import with_progress

        options = self.options
        started = time.perf_counter()
        for report in previous:  # a resumed run's summary and exit code are the whole audit's
            add_to_summary(self.summary, report)
            self.failed = self.failed or any(fails(f, self._fail_on(report.source)) for f in report.findings)
            self.readable += report.kind is not None
        done = {report.source for report in previous}
        paths = list(options.paths)
        skipped: list[str] = []

        def note(path: str, reason: str) -> None:  # a named file that is not read: said, never a failure
            skipped.append(path)
            if not options.quiet:
                self.stderr.write(f"citecheck: note: {path}: skipped, {reason}\n")

        found = expand_paths(paths, excluded=self.resolve.excluded, force_exclude=options.force_exclude, note=note)
        sources = list(found) if self.show_progress else found
        stdin_name = options.stdin_filename

        def settings_for(source: str) -> Settings:
            return self.resolve(_named(source, stdin_name))

        # Each source gets the settings of its nearest config; the first path's stand in for the rest.
        if options.engine == "dask":
            from citecheck.cluster import reports_on_dask
            from citecheck.pipeline import usable_cores

            workers = options.jobs or usable_cores()
            reports = reports_on_dask(sources, settings_for, scheduler=options.scheduler, workers=workers, skip=done)
        else:
            reports = check_paths(
                sources,
                settings_for(paths[0]),
                jobs=options.jobs,
                settings_for=settings_for,
                skip=done,
                stdin_name=stdin_name,
                expand=False,
            )
        if isinstance(sources, list):
            # An archive holds an unknown number of pages, a list of WordPress posts an unknown
            # number of posts: then the bar counts without a total.
            unknown = any(is_archive(s) or s.lower().endswith((".json", ".json.gz")) for s in sources)
            total = None if done or unknown else len(sources)
            reports = with_progress(reports, total, self.stderr, color=self.progress_color)
        for report in reports:
            self.add(report)
        self.finish()
        if not self.summary.files and skipped:
            return EXIT_OK  # every file named was a non-article: nothing to check is no failure
        if not self.summary.files:
            raise UsageError(f"no articles found in {', '.join(paths)}")
        self.say_after(time.perf_counter() - started)
        if not self.readable:
            return EXIT_USAGE
        if options.write_baseline is not None or options.exit_zero:
            return EXIT_OK
        return EXIT_FINDINGS if self.failed else EXIT_OK

    def add(self, report: FileReport) -> None:
        from citecheck.baseline import entries, without_baselined
        from citecheck.pipeline import add_to_summary, fails

        if self.options.write_baseline is not None:
            self.recorded.extend(entries(report))
        baselined = 0
        if self.baseline is not None:
            from citecheck.render import relative_source

            self.checked.add(relative_source(report.source))
            self.baseline_seen.update(f.fingerprint for f in report.findings if f.fingerprint in self.baseline)
            report, baselined = without_baselined(report, self.baseline)
        self.summary.baselined += baselined
        add_to_summary(self.summary, report)
        fail_on = self._fail_on(report.source)
        self.failed = self.failed or any(fails(finding, fail_on) for finding in report.findings)
        self.readable += report.kind is not None
        for finding in report.findings:
            if not finding.suppressed:
                self.per_rule[finding.rule, finding.name, finding.severity] += 1
        if self.options.verbose:
            self._say_source(report, baselined)
        if self.out is not None:
            self.out.add(report)

    def finish(self) -> None:
        if self.out is not None:
            self.out.finish(self.summary)
        elif self.options.output_format == "json":
            write_statistics_json(self.per_rule, self.stream)
        else:
            write_statistics_text(self.per_rule, self.summary, self.stream, quiet=self.options.quiet)

    def say_after(self, seconds: float) -> None:
        """What stderr gets once the report is out: the summary, the baseline, the time."""
        from citecheck.progress import summary_line

        options, say = self.options, self.stderr.write
        machine = options.output is not None or options.output_format != "text"
        if (self.show_progress and machine) or (options.verbose and machine):
            say(summary_line(self.summary) + "\n")
        if options.write_baseline is not None:
            from citecheck.baseline import write_baseline

            try:
                count = write_baseline(options.write_baseline, self.recorded)
            except OSError as error:
                raise UsageError(f"cannot write the baseline {options.write_baseline}: {error.strerror}") from None
            say(f"citecheck: wrote the baseline {options.write_baseline} ({_count(count, 'finding')})\n")
        if self.baseline is not None and not options.quiet:
            # Only what this run checked can have gone: CI often checks the changed files alone.
            stale = sum(
                1
                for fingerprint, source in self.baseline.items()
                if source in self.checked and fingerprint not in self.baseline_seen
            )
            fixed = f"; {_count(stale, 'baselined finding')} no longer found" if stale else ""
            say(f"citecheck: {_count(self.summary.baselined, 'finding')} left out by the baseline{fixed}\n")
        if options.verbose:
            say(f"citecheck: checked {_count(self.summary.files, 'file')} in {seconds:.2f} s\n")

    def _say_source(self, report: FileReport, baselined: int) -> None:
        from citecheck.render import relative_source

        config = self.resolve.config_for(report.source)
        kind = report.kind or "unreadable"
        counts = f"{_count(len(report.embeds), 'embed')}, {_count(len(report.findings), 'finding')}"
        extra = f", {baselined} baselined" if baselined else ""
        self.stderr.write(
            f"citecheck: {report.source}: {kind}, {counts}{extra}; config {relative_source(str(config)) if config else 'none'}\n"
        )


def write_statistics_text(
    per_rule: Counter[tuple[str, str, str]], summary: Summary, out: TextIO, *, quiet: bool
) -> None:
    """The findings counted per rule, most first: ``count  code  name  severity``."""
    rows = _rows(per_rule)
    width = max((len(str(count)) for *_, count in rows), default=1)
    for code, name, severity, count in rows:
        out.write(f"{count:>{width}}  {code}  {name:<26} {severity}\n")
    if not quiet:
        out.write(("\n" if rows else "") + "Summary: " + summary.describe() + "\n")


def write_statistics_json(per_rule: Counter[tuple[str, str, str]], out: TextIO) -> None:
    import json

    rows = [{"rule": code, "name": name, "severity": sev, "count": count} for code, name, sev, count in _rows(per_rule)]
    out.write(json.dumps(rows, indent=2) + "\n")


def _rows(per_rule: Counter[tuple[str, str, str]]) -> list[tuple[str, str, str, int]]:
    return sorted(((*key, count) for key, count in per_rule.items()), key=lambda row: (-row[3], row[0], row[2]))


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
