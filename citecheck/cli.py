"""The command line: ``citecheck [check] PATHS...``, ``timeline``, ``rules``, ``schema``."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import textwrap
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from citecheck.run import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from collections.abc import Callable

    from citecheck.models import Document, TimeMention

DEFAULT_COMMAND = "check"


class DefaultCommandGroup(TyperGroup):
    """A group whose arguments go to ``check`` when they do not start with a command.

    ``citecheck draft.html -f json`` is ``citecheck check draft.html -f json``; the group's own
    options (``--help``, ``--version``, completion) and the command names keep their meaning.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0].split("=", 1)[0] not in self._own_options(ctx):
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)

    def _own_options(self, ctx: Any) -> set[str]:
        return {name for param in self.get_params(ctx) for name in (*param.opts, *param.secondary_opts)}


app = typer.Typer(
    name="citecheck",
    cls=DefaultCommandGroup,
    help="Check the social-media posts embedded in articles against the article's chronology.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        from citecheck import __version__

        typer.echo(f"citecheck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", help="Print citecheck's version and exit.", is_eager=True, callback=_print_version),
    ] = False,
) -> None:
    """Check the social-media posts embedded in articles against the article's chronology.

    `citecheck PATHS...` is short for `citecheck check PATHS...`.
    """


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    parquet = "parquet"
    html = "html"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class RulesFormat(str, Enum):
    text = "text"
    json = "json"


class TimelineFormat(str, Enum):
    json = "json"
    timeml = "timeml"
    html = "html"


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        # fromisoformat also reads 20250314 and 2025-W11-5 (Python 3.11+): the help says YYYY-MM-DD.
        if not _ISO_DAY.fullmatch(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _codes(values: list[str] | None) -> list[str]:
    from citecheck.rules.catalogue import names_a_rule

    codes = [code.strip().upper() for value in values or [] for code in value.split(",") if code.strip()]
    for code in codes:
        if not names_a_rule(code):
            raise typer.BadParameter(f"{code} matches no rule (see 'citecheck rules')")
    return codes


def _patterns(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [pattern.strip() for value in values for pattern in value.split(",") if pattern.strip()]


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATHS", help="Files, directories, globs, URLs, or - for standard input.")
    ],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    online: Annotated[bool, typer.Option("--online", help="Also verify each embed against its platform.")] = False,
    published: Annotated[
        str | None, typer.Option("--published", metavar="YYYY-MM-DD", help="Publication date to use.")
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", metavar="CODES", help="Only these rule codes or prefixes (CC2), comma-separated."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="CODES", help="Skip these rule codes or prefixes, comma-separated."),
    ] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1 [default: error].")
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            metavar="N",
            help="Processes to use. 0: one per CPU core when the run is offline and large enough to gain, else one.",
        ),
    ] = 0,
    config: Annotated[
        Path | None, typer.Option("--config", metavar="FILE", help="Config file (pyproject.toml or citecheck.toml).")
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option("--max-bytes", min=1, metavar="N", help="Size cap per source, in bytes [default: 20 MiB]."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the report to this file.")
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="Where checks run: local (--jobs processes) or dask (a Dask cluster; pip install 'citecheck-embeds[dask]').",
        ),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="With --engine dask: the scheduler's address (tcp://host:8786); none starts a LocalCluster"
            " of --jobs workers.",
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume", help="With -f jsonl -o FILE: skip the sources FILE already holds and append the rest."
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Findings only: no embeds, clean files, summary or progress.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also each source's config and counts, and the time (stderr).")
    ] = False,
    color: Annotated[
        ColorChoice, typer.Option("--color", help="Colour the text report: auto (a terminal, unless NO_COLOR is set).")
    ] = ColorChoice.auto,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename", metavar="NAME", help="The file standard input (-) stands for: named in the report."
        ),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Count the findings per rule instead of listing them.")
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when findings fail the check (usage errors exit 2).")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", metavar="FILE", help="Leave out the findings this baseline records."),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", metavar="FILE", help="Record this run's findings as a baseline; exit 0."),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            metavar="PATTERNS",
            help="Skip these paths in folder walks (.gitignore patterns, comma-separated).",
        ),
    ] = None,
    extend_exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--extend-exclude", metavar="PATTERNS", help="Skip these paths too, besides the configs' exclude."
        ),
    ] = None,
    force_exclude: Annotated[
        bool,
        typer.Option("--force-exclude", help="Apply the exclude patterns to files named here too (for hooks, CI)."),
    ] = False,
) -> None:
    """Check the embeds in articles (the default command).

    Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 a usage error, or no input could be read.
    """
    from citecheck.run import CheckOptions, run_check

    overrides: dict[str, object] = {}
    if select:
        overrides["select"] = _codes(select)
    if ignore:
        overrides["ignore"] = _codes(ignore)
    if fail_on is not None:
        overrides["fail_on"] = fail_on.value
    if max_bytes is not None:
        overrides["max_bytes"] = max_bytes
    if published is not None:
        overrides["published"] = _date(published)
    if online:
        overrides["online"] = True
    if config is not None and not config.is_file():
        raise typer.BadParameter(f"{config} does not exist", param_hint="--config")
    options = CheckOptions(
        paths=paths,
        output_format=output_format.value,
        overrides=overrides,
        config=config,
        jobs=jobs,
        output=output,
        resume=resume,
        engine=engine.value,
        scheduler=scheduler,
        color=color.value,
        quiet=quiet,
        verbose=verbose,
        stdin_filename=stdin_filename,
        statistics=statistics,
        exit_zero=exit_zero,
        baseline=baseline,
        write_baseline=write_baseline,
        exclude=_patterns(exclude),
        extend_exclude=_patterns(extend_exclude) or (),
        force_exclude=force_exclude,
    )
    raise typer.Exit(run_check(options))


@app.command()
def timeline(
    path: Annotated[str, typer.Argument(metavar="FILE", help="An article file, or - for standard input.")],
    published: Annotated[
        str | None,
        typer.Option(
            "--published", metavar="YYYY-MM-DD", help="Publication date to resolve against (overrides the article's)."
        ),
    ] = None,
    output_format: Annotated[
        TimelineFormat,
        typer.Option(
            "--format",
            "-f",
            help="json (one object per mention), TimeML (TempEval-3), or html (the text marked, and a time axis).",
        ),
    ] = TimelineFormat.json,
) -> None:
    """Print the article's chronology: every date and time its text mentions, resolved.

    Exit code 2 when the file cannot be read or the date is not YYYY-MM-DD.
    """
    import json

    from citecheck.load import LoadError, load
    from citecheck.timeline import iter_mentions, write_timeml

    try:
        document = load(path, published=_date(published))
    except LoadError as error:
        typer.echo(f"citecheck: {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    if document.partial:
        typer.echo(f"citecheck: warning: {document.source} {document.partial}", err=True)
    # Mentions are written as they are found: a megabyte of dates is ~70,000 of them, and holding
    # them all (then their JSON) took 1.2 GB for 2 MB of text.
    mentions = iter_mentions(document)
    day = document.published.date if document.published else None
    out = sys.stdout
    if output_format is TimelineFormat.timeml:
        text, rebase = _timeml_text(document)
        docid = document.title if document.kind == "timeml" else None
        based = (rebase(m) for m in mentions if m.paragraph is not None)
        write_timeml(out, text, based, day, docid or Path(document.source).stem)
        return
    if output_format is TimelineFormat.html:
        from citecheck.embeds import extract
        from citecheck.render.timeline_html import timeline_page

        text, rebase = _timeml_text(document)
        based_list = [rebase(m) for m in mentions if m.paragraph is not None]
        page = timeline_page(document.source, text, based_list, extract(document), document.published)
        typer.echo(page, nl=False)
        return
    head = {
        "source": document.source,
        "published": document.published.model_dump(mode="json") if document.published else None,
    }
    # json.dumps(..., indent=2) of the whole, one mention at a time.
    out.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "mentions": [')
    separator = "\n"
    for mention in mentions:
        body = json.dumps(mention.model_dump(mode="json", exclude_none=True), ensure_ascii=False, indent=2)
        out.write(separator + textwrap.indent(body, "    "))
        separator = ",\n"
    out.write("\n  ]\n}\n" if separator != "\n" else "]\n}\n")


def _timeml_text(document: Document) -> tuple[str, Callable[[TimeMention], TimeMention]]:
    """The text TimeML wraps, and how a mention is re-based onto it.

    Plain text, Markdown and TimeML keep their text exactly as written (the TempEval scorer aligns
    by it): from the first paragraph on, or all of a TimeML file's <TEXT>. HTML's folded
    paragraphs are joined by blank lines.
    """
    paragraphs = document.paragraphs
    if paragraphs and all(p.element is None and p.offset is not None for p in paragraphs):
        base = 0 if document.kind == "timeml" else (paragraphs[0].offset or 0)
        starts = [(p.offset or 0) - base for p in paragraphs]
        text = document.text[base:]
    else:
        starts, position = [], 0
        for paragraph in paragraphs:
            starts.append(position)
            position += len(paragraph.text) + 2
        text = "\n\n".join(p.text for p in paragraphs)

    def rebase(mention: TimeMention) -> TimeMention:
        assert mention.paragraph is not None
        start = starts[mention.paragraph]
        return mention.model_copy(update={"start": start + mention.start, "end": start + mention.end})

    return text, rebase


@app.command()
def rules(
    code: Annotated[
        str | None, typer.Argument(metavar="CODE", help="A rule code, e.g. CC203, or a prefix, e.g. CC2.")
    ] = None,
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="text, or json: each rule with its page as Markdown.")
    ] = RulesFormat.text,
) -> None:
    """List every rule, or print one rule's documentation page."""
    from citecheck.rules.catalogue import CATALOGUE

    wanted = (code or "").strip().upper()
    if code is not None and not wanted:  # an empty argument (an unset shell variable) names no rule
        typer.echo("citecheck: an empty rule code; 'citecheck rules' lists them", err=True)
        raise typer.Exit(EXIT_USAGE)
    found = CATALOGUE.get(wanted)
    listed = [found] if found is not None else [rule for rule in CATALOGUE.values() if rule.code.startswith(wanted)]
    if not listed:
        typer.echo(f"citecheck: no rule {code!r}; 'citecheck rules' lists them", err=True)
        raise typer.Exit(EXIT_USAGE)
    if output_format is RulesFormat.json:
        import json

        described = [_rule_json(rule.code) for rule in listed]
        typer.echo(json.dumps(described[0] if found is not None else described, ensure_ascii=False, indent=2))
        return
    if found is not None:
        from citecheck.docs import rule_page

        typer.echo(rule_page(found.code).rstrip("\n"))
        return
    typer.echo(f"{'code':<6} {'name':<26} {'severity':<8} what it flags")
    for rule in listed:
        online = " (online)" if rule.online else ""
        typer.echo(f"{rule.code:<6} {rule.name:<26} {rule.severity:<8} {rule.summary}{online}")
    typer.echo("\n'citecheck rules CODE' prints a rule's page: what it checks, examples, how to silence it.")


def _rule_json(code: str) -> dict[str, object]:
    """One rule as ``rules --format json`` gives it: the catalogue's entry and its page."""
    from citecheck.docs import rule_page
    from citecheck.rules.catalogue import CATALOGUE

    rule = CATALOGUE[code]
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "summary": rule.summary,
        "online": rule.online,
        "help": rule.help,
        "page": rule_page(rule.code),
    }


# The dialect pydantic writes its schemas in, named so validators need not guess.
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@app.command()
def schema() -> None:
    """Print the JSON Schema of the JSON report."""
    import json

    from citecheck.models import Report

    typer.echo(json.dumps({"$schema": JSON_SCHEMA_DIALECT, **Report.model_json_schema()}, indent=2))


def main() -> None:
    """The ``citecheck`` command."""
    # The command line uses no pydantic plugins; looking for them scans every installed package's
    # metadata at the first model (5-10 ms of each run here). Set for this process only, by its
    # entry point: importing citecheck as a library changes nothing. A user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app(prog_name="citecheck")
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
