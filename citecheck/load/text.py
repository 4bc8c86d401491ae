"""Plain-text articles: paragraphs separated by blank lines, an optional ``date YYYY-MM-DD`` header."""

from __future__ import annotations

import datetime as dt
import re

from citecheck.models import Document, Paragraph, PublicationDate

# The header may share its line with the first sentence, as in " date 2025-10-27 Ukrainian ...".
_HEADER = re.compile(r"\A\s*date:?\s+(\d{4})-(\d{2})-(\d{2})\b[ \t]*\n?", re.I)
_BLANK_LINES = re.compile(r"\n[ \t\r]*\n\s*")


def text_paragraphs(document: Document, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """Blank-line separated blocks of ``document.text[start:end]`` with their locations."""
    text = document.text
    end = len(text) if end is None else end
    paragraphs: list[Paragraph] = []
    position = start
    for match in _BLANK_LINES.finditer(text, start, end):
        _add(document, paragraphs, position, match.start())
        position = match.end()
    _add(document, paragraphs, position, end)
    return paragraphs


def _add(document: Document, paragraphs: list[Paragraph], start: int, end: int) -> None:
    block = document.text[start:end]
    stripped = block.strip()
    if not stripped:
        return
    start += len(block) - len(block.lstrip())
    where = document.location_at(start)
    paragraphs.append(Paragraph(len(paragraphs), stripped, where.line, where.column, start))


def load_text(source: str, text: str) -> Document:
    document = Document(source=source, kind="text", text=text)
    start = 0
    header = _HEADER.match(text)
    if header:
        try:
            day = dt.date(int(header.group(1)), int(header.group(2)), int(header.group(3)))
            document.published = PublicationDate(date=day, source="header", detail=header.group(0).strip())
            start = header.end()
        except ValueError:
            pass  # not a real date: leave it in the text, CC002 will say no date was found
    document.paragraphs = text_paragraphs(document, start)
    return document
