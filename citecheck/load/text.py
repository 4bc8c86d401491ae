"""Plain-text articles: paragraphs separated by blank lines; the publication date from a leading
``date YYYY-MM-DD`` header or from the dateline a copied article keeps in its first lines."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from citecheck.load.dates import as_date, parse_timestamp, publication_date
from citecheck.models import Document, Paragraph, PublicationDate
from citecheck.timeline.languages.en import ENGLISH

# The header may share its line with the first sentence, as in " date 2025-10-27 Ukrainian ...".
_HEADER = re.compile(r"\A\s*date:?\s+(\d{4})-(\d{2})-(\d{2})\b[ \t]*\n?", re.I)
_BLANK_LINES = re.compile(r"\n[ \t\r]*\n\s*")

# A dateline is looked for in the lines above the story: a headline, a byline, the dateline. The
# first line of prose (one that ends a sentence, or as long as a paragraph) ends them, and so does
# one with a link or a handle: a post's flattened tail may break before its date ("— ayden
# (@squatsons)" / "October 17, 2025"), and that date is the post's, not the article's.
DATELINE_ZONE_LINES = 6
DATELINE_ZONE_CHARACTERS = 2_000  # what is further down is the story, however blank the lines
PROSE_LINE_LENGTH = 200
_EMBED_FURNITURE = re.compile(r"https?://|pic\.(?:twitter|x)\.com/|@\w")
_EMPHASIS = re.compile(r"[*_]+")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s*$")


def _dateline_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One dated segment ("Published: Oct. 20, 2025, 2:15 p.m. ET"), and a whole dateline line:
    an optional byline, then one or two segments ("Published Oct. 20, 2025 Updated Oct. 21, 2025")."""
    words = ENGLISH.words
    month = "(?:" + "|".join(sorted(words.months, key=len, reverse=True)) + r")\.?"
    weekday = "(?:" + "|".join(sorted(words.weekdays, key=len, reverse=True)) + r")\.?,?\s+"
    day = r"[0-3]?\d(?:st|nd|rd|th)?"
    year = r"(?:19|20)\d\d"
    date = rf"(?:{weekday})?(?:{month}\s+{day},?\s+{year}|{day}\s+{month},?\s+{year}|{year}-[01]\d-[0-3]\d)"
    clock = r"[0-2]?\d[:.][0-5]\d\s*(?:[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,4}\b)?"
    label = r"(?:first\s+)?published|posted|dated?|(?:last\s+)?updated|modified"
    segment = (
        rf"(?:(?P<label>{label})(?:\s+on)?\s*:?\s*)?(?:{clock}\s*,?\s*)?(?P<date>{date})"
        rf"(?:\s*(?:,|\bat\b|[|·–-])?\s*{clock})?"
    )
    plain = re.sub(r"\(\?P<\w+>", "(?:", segment)  # the same, without names: a line holds two
    byline = r"by\s+[^\n|·•]{1,80}?\s*[|·•,–—-]\s*"
    line = rf"\s*(?:{byline})?{plain}(?:\s*[|·•;,]?\s*{plain})?[ \t]*"
    return re.compile(segment, re.I), re.compile(line, re.I)


_SEGMENT, _DATELINE = _dateline_patterns()
_UPDATE_LABELS = ("updated", "last updated", "modified")


def read_datelines(
    text: str, start: int = 0, *, markdown: bool = False
) -> tuple[PublicationDate | None, PublicationDate | None, list[tuple[int, int]]]:
    """The publication and update dates the dateline lines above the story (from ``start``) give,
    and where those lines are (they are the page's furniture, not its prose: no paragraph holds
    them). ``markdown``: a line's emphasis marks are read past ("*Published Oct. 20, 2025*")."""
    published: PublicationDate | None = None
    modified: PublicationDate | None = None
    spans: list[tuple[int, int]] = []
    position = start
    seen = 0
    while seen < DATELINE_ZONE_LINES and position < min(len(text), start + DATELINE_ZONE_CHARACTERS):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end + 1
        line = text[position:end].rstrip("\r\n")
        if markdown:
            line = _EMPHASIS.sub("", line)
        if len(line) > PROSE_LINE_LENGTH or _EMBED_FURNITURE.search(line):
            break  # a long line is prose: no pattern runs over a page-long first line
        if line.strip():
            seen += 1
            if _DATELINE.fullmatch(line):
                spans.append((position, end))
                for label, day in _dated_segments(line):
                    found = publication_date(day, "header", line.strip())
                    if label in _UPDATE_LABELS:
                        modified = modified or found
                    else:
                        published = published or found
            elif _SENTENCE_END.search(line):
                break
        position = end
    return published, modified, spans


def _dated_segments(line: str) -> list[tuple[str, dt.date]]:
    """Each date of a dateline with its label, lower-case and single-spaced ("" when unlabelled)."""
    dated = []
    for segment in _SEGMENT.finditer(line):
        day = written_date(segment.group("date"))
        if day is not None:
            dated.append((" ".join((segment.group("label") or "").lower().split()), day))
    return dated


def written_date(text: str) -> dt.date | None:
    """The day a dateline's date names: "Oct. 20, 2025", "20 October 2025", "Mon 20 Oct 2025", "2025-10-20"."""
    stamp = parse_timestamp(text)
    if stamp is not None:
        return as_date(stamp)
    numbers = [int(number) for number in re.findall(r"\d+", text)]
    months = [ENGLISH.words.months.get(word.lower()) for word in re.findall(r"[A-Za-z]+", text)]
    month = next((number for number in months if number is not None), None)
    if month is None or len(numbers) != 2:
        return None
    try:
        return dt.date(numbers[1], month, numbers[0])
    except ValueError:  # "Feb. 30, 2025"
        return None


def text_paragraphs(
    document: Document, start: int = 0, end: int | None = None, skip: Iterable[tuple[int, int]] = ()
) -> list[Paragraph]:
    """Blank-line separated blocks of ``document.text[start:end]`` with their locations, leaving
    out the ``skip`` spans (a dateline's lines)."""
    text = document.text
    end = len(text) if end is None else end
    paragraphs: list[Paragraph] = []
    position = start
    for skip_start, skip_end in (*sorted(skip), (end, end)):
        for match in _BLANK_LINES.finditer(text, position, skip_start):
            _add(document, paragraphs, position, match.start())
            position = match.end()
        _add(document, paragraphs, position, skip_start)
        position = max(position, skip_end)
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
            document.published = publication_date(day, "header", header.group(0).strip())
            start = header.end()
        except ValueError:
            pass  # not a real date: leave it in the text, CC002 will say no date was found
    published, document.modified, datelines = read_datelines(text, start)
    document.published = document.published or published
    document.paragraphs = text_paragraphs(document, start, skip=datelines)
    return document
