"""Parquet for analysis in DuckDB, pandas or Spark: one row per embed and one per finding, each
with its source, written in row groups as files arrive (memory stays flat however long the audit).

The columns are ``COLUMNS`` below and docs/report.md lists them beside the JSON report. A finding
about an embed carries that embed's columns too, so most questions need no join; a source with
neither embeds nor findings still has one ``file`` row, so no source is missing from the table.
pyarrow comes with citecheck's ``parquet`` extra.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from citecheck.models import Embed, FileReport, Finding, Summary
from citecheck.render import Renderer, RendererUnavailable

INSTALL_HINT = "pip install 'citecheck-embeds[parquet]'"
# Rows buffered before a row group is written: about a megabyte or two of pages' results.
ROWS_PER_GROUP = 20_000

# (name, pyarrow type name, what it holds) — the table's schema, in order.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("source", "string", "the file, URL, or page of an archive (ARCHIVE#OFFSET) the row is about"),
    ("row", "string", "embed, finding, or file (a source with neither)"),
    ("kind", "string", "html, text, markdown, wordpress, timeml; null when the source could not be read"),
    ("published", "date32", "the publication date"),
    ("published_source", "string", "where it was read from (meta, json-ld, header, option, ...)"),
    ("published_misread", "string", "why the date cannot be right (later than the capture), when it cannot"),
    ("archive", "string", "web archives: the archive file"),
    ("archive_offset", "int64", "web archives: the record's byte offset"),
    ("target_uri", "string", "web archives: WARC-Target-URI"),
    ("captured", "timestamp", "web archives: WARC-Date (UTC)"),
    ("embed", "int32", "the embed's index in its source (a finding's: the embed it is about)"),
    ("platform", "string", "twitter, instagram, ..."),
    ("form", "string", "how the embed sits in the page: blockquote, iframe, amp, blockquote-in-script, bare-url, ..."),
    ("post_id", "string", "the post's ID"),
    ("post_url", "string", "the post's canonical URL"),
    ("handle", "string", "the handle the embed shows"),
    ("display_name", "string", "the name the embed shows"),
    ("shown_date", "date32", "the date the embed shows"),
    ("shown_date_text", "string", "that date as written"),
    ("id_time", "timestamp", "the clock in the post's ID (UTC)"),
    ("line", "int32", "the line of the embed, or of the finding"),
    ("rule", "string", "a finding's rule code (CC201, ...)"),
    ("name", "string", "the rule's name"),
    ("severity", "string", "error, warning, info"),
    ("message", "string", "the finding's message"),
    ("suppressed", "bool", "the finding was suppressed by an inline comment"),
    ("evidence", "string", "the finding's evidence, as in the JSON report (facts as {value, source})"),
)


def arrow_schema() -> Any:
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "date32": pa.date32(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "bool": pa.bool_(),
        "timestamp": pa.timestamp("us", tz="UTC"),
    }
    return pa.schema([pa.field(name, types[kind]) for name, kind, _ in COLUMNS])


def rows_of(report: FileReport) -> list[dict[str, Any]]:
    """The table rows of one file report: one per embed, one per finding."""
    published, capture = report.published, report.capture
    base: dict[str, Any] = {
        "source": report.source,
        "kind": report.kind,
        "published": published.date if published else None,
        "published_source": published.source if published else None,
        "published_misread": published.misread if published else None,
        "archive": capture.archive if capture else None,
        "archive_offset": capture.offset if capture else None,
        "target_uri": capture.target_uri if capture else None,
        "captured": capture.captured if capture else None,
    }
    embeds = {embed.index: embed for embed in report.embeds}
    rows = [{**base, "row": "embed", **_embed_columns(embed)} for embed in report.embeds]
    for finding in report.findings:
        about = embeds.get(finding.embed) if finding.embed is not None else None
        rows.append({**base, "row": "finding", **(_embed_columns(about) if about else {}), **_finding_columns(finding)})
    return rows or [{**base, "row": "file"}]


def _embed_columns(embed: Embed) -> dict[str, Any]:
    return {
        "embed": embed.index,
        "platform": embed.platform,
        "form": embed.form,
        "post_id": embed.post_id,
        "post_url": embed.post_url,
        "handle": embed.handle,
        "display_name": embed.display_name,
        "shown_date": embed.shown_date,
        "shown_date_text": embed.shown_date_text,
        "id_time": embed.id_time,
        "line": embed.location.line,
    }


def _finding_columns(finding: Finding) -> dict[str, Any]:
    return {
        "embed": finding.embed,
        "line": finding.location.line if finding.location else None,
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity,
        "message": finding.message,
        "suppressed": finding.suppressed,
        "evidence": json.dumps(finding.model_dump(mode="json", include={"evidence"})["evidence"], ensure_ascii=False)
        if finding.evidence
        else None,
    }


class ParquetRenderer(Renderer):
    def __init__(self, out: TextIO, *, color: bool = False) -> None:
        super().__init__(out, color=color)
        try:
            import pyarrow
            import pyarrow.parquet
        except ImportError:
            raise RendererUnavailable(f"--format parquet needs the parquet extra: {INSTALL_HINT}") from None
        binary = getattr(out, "buffer", None)
        if binary is None or out.isatty():
            raise RendererUnavailable("--format parquet writes a binary file: give --output FILE (or pipe it)")
        self._schema = arrow_schema()
        self._writer = pyarrow.parquet.ParquetWriter(binary, self._schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []

    def add(self, report: FileReport) -> None:
        self._rows.extend(rows_of(report))
        if len(self._rows) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def finish(self, summary: Summary) -> None:
        self._flush()
        self._writer.close()
