"""Markdown drafts: YAML front matter, prose, embed codes pasted as raw HTML, bare post URLs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from citecheck.load.dates import parse_timestamp, publication_date
from citecheck.load.html import parse_html
from citecheck.load.text import read_datelines, text_paragraphs
from citecheck.models import Document, PublicationDate

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_PUBLISHED_KEYS = ("date", "published", "publishdate", "pubdate", "published_at", "date_published")
_MODIFIED_KEYS = ("lastmod", "modified", "updated", "date_modified", "updated_at")
_HAS_TAG = re.compile(r"<[a-zA-Z][^>]*>")


def load_markdown(source: str, text: str) -> Document:
    document = Document(source=source, kind="markdown", text=text)
    body_start = 0
    match = _FRONT_MATTER.match(text)
    if match:
        body_start = match.end()
        meta = _front_matter(match.group(1))
        document.published = _date_field(meta, _PUBLISHED_KEYS)
        document.modified = _date_field(meta, _MODIFIED_KEYS)
        if isinstance(meta.get("url"), str):
            document.url = meta["url"]
        if isinstance(meta.get("title"), str):
            document.title = meta["title"]
    # A draft without front matter (or one that names no date) may keep a dateline, as a copied
    # article does: the front matter's dates come first.
    published, modified, datelines = read_datelines(text, body_start, markdown=True)
    document.published = document.published or published
    document.modified = document.modified or modified
    document.paragraphs = text_paragraphs(document, body_start, skip=datelines)
    if _HAS_TAG.search(text, body_start):
        # Pad with the front matter's newlines so lxml's line numbers are the file's.
        padding = "\n" * text.count("\n", 0, body_start)
        document.tree = parse_html(padding + text[body_start:])
    return document


# Front matter is a few hundred bytes; YAML costs ~3 s a megabyte to build even with libyaml, so a
# block past this is not read (the body still is), rather than stall the run.
MAX_FRONT_MATTER = 512 * 1024


def _front_matter(block: str) -> dict[str, Any]:
    if len(block) > MAX_FRONT_MATTER:
        return {}
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's: 20x faster on a long block
    try:
        data = yaml.load(block, Loader=loader)  # a safe loader: the C one when there is libyaml
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError):
        # Broken YAML, or well-formed YAML naming an impossible value (2024-02-30, 25:00, +99:00
        # zone): the front matter says nothing readable, and CC002 says the date is missing.
        return {}
    return data if isinstance(data, dict) else {}


def _date_field(meta: dict[str, Any], keys: tuple[str, ...]) -> PublicationDate | None:
    for key in keys:
        value = meta.get(key)
        # YAML reads an unquoted date or timestamp itself; a quoted one is a string.
        parsed = parse_timestamp(value) if isinstance(value, str) else value
        if isinstance(parsed, dt.date):
            return publication_date(parsed, "front-matter", f"{key}: {value}")
    return None
