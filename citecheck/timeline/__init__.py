"""The chronology stage: temporal expressions in an article, resolved TIMEX3-style.

``tag_text`` tags one run of text; ``find_mentions`` walks a Document's paragraphs in order,
carrying the narrative anchor ("the last date mentioned") from one paragraph to the next;
``to_timeml`` writes TempEval-3 style TimeML. Offsets of a mention from ``find_mentions`` are into
its paragraph's text; ``location`` is the paragraph's start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..models import Document, TimeMention
from .tagger import Hit, Narrative, scan

__all__ = ["find_mentions", "tag_text", "to_timeml"]


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


def tag_text(text: str, published: dt.date | None, *, start_offset: int = 0) -> list[TimeMention]:
    """The temporal expressions in one run of text; offsets are into ``text`` plus ``start_offset``."""
    return [_mention(text, hit, start_offset) for hit in scan(text, Narrative(published))]


def find_mentions(document: Document, paragraphs: Iterable[int] | None = None) -> list[TimeMention]:
    """The mentions in a document's paragraphs (all, or only those indices), in reading order.

    ``start``/``end`` are offsets into the paragraph's text and ``paragraph`` its index.
    ``location`` is the mention's own line and column where the paragraph is the source's text
    as written (plain text, Markdown), else the paragraph's start (HTML text is folded). The
    narrative anchor carries across the paragraphs scanned.
    """
    published = document.published.date if document.published else None
    narrative = Narrative(published)
    wanted = None if paragraphs is None else set(paragraphs)
    mentions: list[TimeMention] = []
    for paragraph in document.paragraphs:
        if wanted is not None and paragraph.index not in wanted:
            continue
        for hit in scan(paragraph.text, narrative):
            mention = _mention(paragraph.text, hit, 0)
            mention.paragraph = paragraph.index
            if paragraph.element is None and paragraph.offset is not None:
                mention.location = document.location_at(paragraph.offset + hit.start)
            else:
                mention.location = paragraph.location
            mentions.append(mention)
    return mentions


def to_timeml(text: str, mentions: list[TimeMention], published: dt.date | None, docid: str = "") -> str:
    """TempEval-3 style TimeML of ``text`` with its mentions (see ``timeml.to_timeml``)."""
    # Imported here: the XML writer is only for `citecheck timeline --format timeml`, and a check
    # run should not pay for loading it.
    from .timeml import to_timeml as write

    return write(text, mentions, published, docid)
