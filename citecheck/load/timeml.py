"""TimeML documents (TempEval-3 ``.tml``): the text of <TEXT>, its annotations, and the DCT.

``read_timeml`` serves both citecheck's loader (``citecheck timeline file.tml``: the DCT is the
publication date, the text is read as plain text) and the chronology benchmark (the gold TIMEX3s).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass

from citecheck.models import Document, PublicationDate


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One annotated TIMEX3: its span in the text (tags removed), its type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML file read: its id, its document creation time, the text and the gold TIMEX3s."""

    docid: str
    dct: dt.date | None
    text: str
    timexes: list[GoldTimex]


# [^<>] and (?<!\w): a "<" that never closes, or a long word that is no attribute, is given up at
# once; "[^>]*?" and "\w+" from every position made text full of them quadratic (minutes a megabyte).
# Neither can change a match: XML allows no "<" inside a tag, and an attribute name is a whole word.
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^<>]*?)(/?)>")
_ATTR = re.compile(r'(?<!\w)(\w+)="([^"]*)"')
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


# Only the DCT's own opening tag: [^<>] keeps a search from running on across the file from every
# "<DCT>" (a file of thousands of them and no TIMEX3 made the old pattern quadratic).
_DCT = re.compile(r"<DCT>\s*<TIMEX3[^<>]*value=\"(\d{4}-\d\d-\d\d)")


def _between(source: str, open_tag: str, close_tag: str, *, last: bool = False) -> str | None:
    """The text from the first ``open_tag`` to the first (or ``last``) ``close_tag`` after it.

    Found with str.find, not a lazy regex: ``<X>(.*?)</X>`` retries from every ``<X>`` in a file
    that never closes it, quadratic in their number."""
    start = source.find(open_tag)
    if start < 0:
        return None
    start += len(open_tag)
    end = source.rfind(close_tag) if last else source.find(close_tag, start)
    if end < start:
        return None
    return source[start:end]


def _unescape(s: str) -> str:
    return _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], s)


def read_timeml(source: str) -> TimeMLDocument:
    """The plain text of <TEXT>, its TIMEX3 spans (offsets into that text), and the DCT."""
    docid = _between(source, "<DOCID>", "</DOCID>")
    dct_match = _DCT.search(source)
    dct = None
    if dct_match:
        with contextlib.suppress(ValueError):  # "2020-02-30" names no day: no DCT, as if there were none
            dct = dt.date.fromisoformat(dct_match.group(1))
    body = _between(source, "<TEXT>", "</TEXT>", last=True) or ""
    pieces: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for tag in _TAG.finditer(body):
        chunk = _unescape(body[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):
            if open_timex is not None:
                start, attrs = open_timex
                timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
        elif not tag.group(4):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
    pieces.append(_unescape(body[position:]))
    return TimeMLDocument(docid.strip() if docid else "", dct, "".join(pieces), timexes)


def load_timeml(source: str, text: str) -> Document:
    """The <TEXT> as a plain-text document (tags removed, offsets of the text itself), the DCT as its
    publication date and the DOCID as its title."""
    from citecheck.load.text import text_paragraphs

    parsed = read_timeml(text)
    document = Document(source=source, kind="timeml", text=parsed.text, title=parsed.docid or None)
    if parsed.dct is not None:
        document.published = PublicationDate(date=parsed.dct, source="dct", detail="TimeML DCT")
    document.paragraphs = text_paragraphs(document)
    return document
