"""TimeML out: the text with TIMEX3 elements, as TempEval-3 files have them. (TimeML in is the
load stage's: citecheck/load/timeml.py.)"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from ..models import TimeMention


def to_timeml(text: str, mentions: list[TimeMention], published: dt.date | None, docid: str = "") -> str:
    """The text with a TIMEX3 element around each mention (offsets into ``text``), XML-escaped."""
    out = io.StringIO()
    write_timeml(out, text, sorted(mentions, key=lambda m: m.start), published, docid)
    return out.getvalue()


def write_timeml(
    out: TextIO, text: str, mentions: Iterable[TimeMention], published: dt.date | None, docid: str = ""
) -> None:
    """``to_timeml`` written to ``out`` piece by piece; ``mentions`` come in order of their offsets
    (a megabyte of dates is too many to hold at once)."""
    dct = published.isoformat() if published else ""
    write = out.write
    write('<?xml version="1.0" ?>\n<TimeML>\n')
    write(f"<DOCID>{escape(docid)}</DOCID>\n")
    write(
        f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(dct)} temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3></DCT>\n'
    )
    write("<TEXT>")
    position = 0
    for tid, mention in enumerate(mentions, start=1):
        if mention.start < position or mention.end > len(text):
            continue  # overlapping spans cannot nest in TimeML
        write(escape(text[position : mention.start]))
        attributes = f'tid="t{tid}" type="{mention.type}" value={quoteattr(mention.value)}'
        if mention.anchor == "publication":
            attributes += ' temporalFunction="true" anchorTimeID="t0"'
        write(f"<TIMEX3 {attributes}>{escape(text[mention.start : mention.end])}</TIMEX3>")
        position = mention.end
    write(escape(text[position:]))
    write("</TEXT>\n</TimeML>\n")
