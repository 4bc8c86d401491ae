"""TimeML in and out: TempEval-3 style output, and a reader for the annotated corpora."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

from ..models import TimeMention


def to_timeml(text: str, mentions: list[TimeMention], published: dt.date | None, docid: str = "") -> str:
    """The text with a TIMEX3 element around each mention (offsets into ``text``), XML-escaped."""
    dct = published.isoformat() if published else ""
    out = [
        '<?xml version="1.0" ?>\n<TimeML>\n',
        f"<DOCID>{escape(docid)}</DOCID>\n",
        f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(dct)} temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3></DCT>\n',
        "<TEXT>",
    ]
    position = 0
    for tid, mention in enumerate(sorted(mentions, key=lambda m: m.start), start=1):
        if mention.start < position or mention.end > len(text):
            continue  # overlapping spans cannot nest in TimeML
        out.append(escape(text[position : mention.start]))
        attributes = f'tid="t{tid}" type="{mention.type}" value={quoteattr(mention.value)}'
        if mention.anchor == "publication":
            attributes += ' temporalFunction="true" anchorTimeID="t0"'
        out.append(f"<TIMEX3 {attributes}>{escape(text[mention.start : mention.end])}</TIMEX3>")
        position = mention.end
    out.append(escape(text[position:]))
    out.append("</TEXT>\n</TimeML>\n")
    return "".join(out)


class GoldTimex(NamedTuple):
    start: int
    end: int
    type: str
    value: str


class TimeMLDocument(NamedTuple):
    docid: str
    dct: dt.date | None
    text: str
    timexes: list[GoldTimex]


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _unescape(s: str) -> str:
    return _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], s)


def read_timeml(source: str) -> TimeMLDocument:
    """The plain text of <TEXT>, its TIMEX3 spans (offsets into that text), and the DCT."""
    docid = re.search(r"<DOCID>(.*?)</DOCID>", source, re.S)
    dct_match = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d\d-\d\d)", source)
    dct = dt.date.fromisoformat(dct_match.group(1)) if dct_match else None
    body_match = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    body = body_match.group(1) if body_match else ""
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
    return TimeMLDocument(docid.group(1).strip() if docid else "", dct, "".join(pieces), timexes)
