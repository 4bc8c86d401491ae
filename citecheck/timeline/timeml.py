"""TimeML out: the text with TIMEX3 elements, as TempEval-3 files have them. (TimeML in is the
load stage's: citecheck/load/timeml.py.)"""

from __future__ import annotations

import datetime as dt
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
