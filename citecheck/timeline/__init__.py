"""The chronology stage: temporal expressions in an article, resolved TIMEX3-style.

``tag_text`` tags one run of text; ``find_mentions`` walks a Document's paragraphs in order,
carrying the narrative anchor ("the last date mentioned") from one paragraph to the next;
``to_timeml`` writes TempEval-3 style TimeML. Offsets of a mention from ``find_mentions`` are into
its paragraph's text; ``location`` is the paragraph's start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TextIO

from ..models import Document, TimeMention
from .languages import ENGLISH, Language
from .narrative import Hit, Narrative
from .scan import scan

__all__ = ["find_mentions", "iter_mentions", "tag_text", "to_timeml", "write_timeml"]


def _mention(text: str, hit: Hit, start_offset: int) -> TimeMention:
    return TimeMention(
        start=hit.start + start_offset,
        end=hit.end + start_offset,
        text=text[hit.start : hit.end],
        type=hit.type,  # type: ignore[arg-type]
        value=hit.period.value,
        begin=hit.period.begin,
        last=hit.period.last,
        anchor=hit.anchor,
        anchor_value=hit.anchor_value,
    )


def tag_text(
    text: str, published: dt.date | None, *, start_offset: int = 0, language: Language = ENGLISH
) -> list[TimeMention]:
    """The temporal expressions in one run of text, read by ``language``'s tables; offsets are
    into ``text`` plus ``start_offset``."""
    return [_mention(text, hit, start_offset) for hit in scan(text, Narrative(published, language=language))]


def find_mentions(
    document: Document,
    paragraphs: Iterable[int] | None = None,
    *,
    edge: int | None = None,
    language: Language = ENGLISH,
) -> list[TimeMention]:
    """The mentions in a document's paragraphs (all, or only those indices), in reading order.

    ``start``/``end`` are offsets into the paragraph's text and ``paragraph`` its index.
    ``location`` is the mention's own line and column where the paragraph is the source's text
    as written (plain text, Markdown), else the paragraph's start (HTML text is folded). The
    narrative anchor carries across the paragraphs scanned.

    ``edge``: of a paragraph longer than twice this, only the first and the last ``edge``
    characters (cut at a space) are scanned, for a caller that reads only a paragraph's first and
    last sentences. The tagger costs ~0.3 ms a mention: a megabyte of dates in one paragraph next
    to an embed took 40 s to check.

    ``language``: whose tables read the text (``languages.LANGUAGES``); English unless told.
    """
    return list(iter_mentions(document, paragraphs, edge=edge, language=language))


def iter_mentions(
    document: Document,
    paragraphs: Iterable[int] | None = None,
    *,
    edge: int | None = None,
    language: Language = ENGLISH,
) -> Iterator[TimeMention]:
    """``find_mentions`` one at a time, for a caller that writes each out as it comes: a
    megabyte of dates is ~70,000 mentions, 150 MB as a list."""
    published = document.published.date if document.published else None
    narrative = Narrative(published, language=language)
    wanted = None if paragraphs is None else set(paragraphs)
    for paragraph in document.paragraphs:
        if wanted is not None and paragraph.index not in wanted:
            continue
        for hit in _scan_edges(paragraph.text, narrative, edge):
            mention = _mention(paragraph.text, hit, 0)
            mention.paragraph = paragraph.index
            if paragraph.element is None and paragraph.offset is not None:
                mention.location = document.location_at(paragraph.offset + hit.start)
            else:
                mention.location = paragraph.location
            yield mention


# A paragraph longer than this is scanned a piece at a time, each cut at a sentence end: the hits of
# a whole paragraph are held until it is scanned, ~250 bytes each, and a paragraph can be megabytes
# of dates. No article's paragraph comes near it, so what the tagger reads of real text is unchanged.
SCAN_PIECE = 64 * 1024


def _scan_edges(text: str, narrative: Narrative, edge: int | None) -> Iterable[Hit]:
    if edge is None or len(text) <= 2 * edge:
        yield from _scan_pieces(text, narrative)
        return
    head_end = text.rfind(" ", 0, edge) + 1 or edge
    tail_start = text.find(" ", len(text) - edge) + 1 or len(text) - edge
    yield from scan(text[:head_end], narrative)
    for hit in scan(text[tail_start:], narrative):
        yield replace(hit, start=hit.start + tail_start, end=hit.end + tail_start)


def _scan_pieces(text: str, narrative: Narrative) -> Iterator[Hit]:
    if len(text) <= SCAN_PIECE:
        yield from scan(text, narrative)
        return
    start = 0
    while start < len(text):
        end = _piece_end(text, start, narrative.language)
        for hit in scan(text[start:end], narrative):
            yield replace(hit, start=hit.start + start, end=hit.end + start)
        start = end


def _piece_end(text: str, start: int, language: Language) -> int:
    """Where a piece from ``start`` ends: after the first sentence end past ``SCAN_PIECE`` characters,
    else (a run-on "Monday, Tuesday and ..." of a megabyte) at a space, else anywhere."""
    limit = start + SCAN_PIECE
    if limit >= len(text):
        return len(text)
    found = language.tense.sentence_end.search(text, limit, limit + SCAN_PIECE)
    if found:
        return found.end()
    space = text.find(" ", limit, limit + SCAN_PIECE)
    return space + 1 if space >= 0 else limit


def to_timeml(text: str, mentions: list[TimeMention], published: dt.date | None, docid: str = "") -> str:
    """TempEval-3 style TimeML of ``text`` with its mentions (see ``timeml.to_timeml``)."""
    # Imported here: the XML writer is only for `citecheck timeline --format timeml`, and a check
    # run should not pay for loading it.
    from .timeml import to_timeml as write

    return write(text, mentions, published, docid)


def write_timeml(
    out: TextIO, text: str, mentions: Iterable[TimeMention], published: dt.date | None, docid: str = ""
) -> None:
    """``to_timeml`` written to ``out`` as it goes; ``mentions`` in order of their offsets."""
    from .timeml import write_timeml as write

    write(out, text, mentions, published, docid)
