"""The data that flows through the pipeline, as plain pydantic models.

source --load--> Document --extract--> [Embed] --+
                    |                            +--> rules --> [Finding] --> FileReport --> renderer
                    +--timeline--> [TimeMention] +
                          (optional) lookup ----+ PlatformAnswer per embed

Every model here is part of the JSON report (schema_version 1) except ``Document`` and
``Paragraph``, which carry the parsed tree and never leave the process.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from itertools import accumulate
from typing import Annotated, Any, Literal, TypedDict

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from citecheck.text import raw_text_of, text_of

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}

DocumentKind = Literal["text", "html", "markdown", "wordpress", "timeml"]

# Where a publication date came from, in the words a user reads in the report.
DateSource = Literal[
    "option",  # --published
    "header",  # leading "date YYYY-MM-DD" line of a .txt, or the dateline of a text or Markdown draft
    "front-matter",  # YAML front matter of a Markdown draft
    "cms",  # WordPress REST fields (date_gmt, modified_gmt)
    "meta",  # <meta> tags (article:published_time, ...)
    "json-ld",  # schema.org datePublished / dateModified
    "time",  # <time datetime> / itemprop
    "htmldate",  # htmldate's heuristics over the page
    "url",  # a /YYYY/MM/DD/ path in the page's URL
    "dct",  # the document creation time of a TimeML file
]


class Location(BaseModel):
    """Where something sits in the source: 1-based line and column, 0-based character offset."""

    line: int
    column: int
    offset: int | None = None


class PublicationDate(BaseModel):
    """A page's publication (or modification) date and where it was read from."""

    date: dt.date
    source: DateSource
    detail: str | None = Field(default=None, description="The field or tag it came from.")
    datetime: dt.datetime | None = Field(default=None, description="The full timestamp when the source gives one.")
    misread: str | None = Field(
        default=None,
        exclude_if=lambda value: value is None,  # only archived pages can have one: other reports stay as they were
        description="Why this date cannot be the page's (it is later than the moment an archive captured the page),"
        " when it cannot.",
    )


class Capture(BaseModel):
    """Where an archived copy of a page came from: enough to reopen the record, and when it was taken.
    A post of a saved list of WordPress posts is located the same way: the file, the post's index in
    the list (``offset``), its ``link`` (``target_uri``) and ``id`` (``record_id``)."""

    archive: str = Field(description="The archive file (a path or URL) the record is in (or the list of posts).")
    member: str | None = Field(default=None, description="The WARC inside a WACZ file, when the archive is one.")
    offset: int = Field(
        description="The record's byte offset in the (compressed) archive file or WACZ member; a listed post's index."
    )
    target_uri: str | None = Field(default=None, description="WARC-Target-URI: the page's address (a post's link).")
    captured: dt.datetime | None = Field(default=None, description="WARC-Date: when the page was captured.")
    record_id: str | None = Field(default=None, description="WARC-Record-ID (a listed post's id).")


class Paragraph:
    """One block of running text, with its place in the source.

    Not a pydantic model: a long page has thousands of paragraphs, they never leave the process,
    and building them is on the hot path of every check. The text of an HTML paragraph is read
    from its element on first use: most paragraphs of a page are never looked at.
    """

    __slots__ = ("_line", "_text", "column", "element", "index", "offset")

    def __init__(
        self,
        index: int,
        text: str | None = None,
        line: int | None = 1,
        column: int = 1,
        offset: int | None = None,
        element: Any = None,
    ) -> None:
        self.index = index
        self._text = text
        # None: the element's source line, read on first use (most paragraphs are never located).
        self._line = line
        self.column = column
        self.offset = offset
        # The HTML element the text comes from; lets the extract stage tell embeds from prose.
        self.element = element

    @property
    def line(self) -> int:
        """The 1-based line the paragraph starts on."""
        if self._line is None:
            self._line = (self.element.sourceline or 1) if self.element is not None else 1
        return self._line

    @property
    def text(self) -> str:
        """The paragraph's text, white space folded as a reader sees it."""
        if self._text is None:
            self._text = text_of(self.element) if self.element is not None else ""
        return self._text

    def unfolded(self) -> str:
        """The text as the element holds it, before white space is folded and <br> read as a
        space: cheaper than ``text``, and every run of non-space characters of ``text`` is in it."""
        if self._text is not None:
            return self._text
        return raw_text_of(self.element) if self.element is not None else ""

    def fold(self, unfolded: str) -> str:
        """``text``, given what ``unfolded`` returned: the element's text is not read again."""
        if self._text is None:
            self._text = text_of(self.element, unfolded) if self.element is not None else ""
        return self._text

    @property
    def location(self) -> Location:
        return Location(line=self.line, column=self.column, offset=self.offset)

    def __repr__(self) -> str:
        return f"Paragraph(index={self.index}, line={self.line}, text={self.text[:40]!r})"


class Suppression(BaseModel):
    """An inline ``<!-- citecheck: ignore CC203 -->`` comment in a draft."""

    rules: list[str]
    scope: Literal["next-embed", "file"]
    location: Location
    used: bool = False


class Document(BaseModel):
    """One source, parsed once. Every later stage reads this and nothing else of the source."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    source: str
    kind: DocumentKind
    text: str = Field(repr=False, description="The decoded source text.")
    paragraphs: list[Paragraph] = Field(default_factory=list, repr=False)
    tree: Any = Field(default=None, exclude=True, repr=False)  # lxml root for HTML inputs
    url: str | None = None
    title: str | None = None
    published: PublicationDate | None = None
    modified: PublicationDate | None = None
    capture: Capture | None = None
    notes: list[str] = Field(default_factory=list, description="What reading the source met (bytes replaced).")
    suppressions: list[Suppression] = Field(default_factory=list)
    # Why only part of the source was read (a truncated gzip file), when it was: CC001 says so.
    partial: str | None = None
    # Newlines before each block of _BLOCK characters, counted on first use and only as far as a
    # location needs: most pages need none, and a line's place is then found within one block.
    _newlines: list[int] = PrivateAttr(default_factory=lambda: [0])

    def location_at(self, offset: int) -> Location:
        """The line and column of a character offset into ``text``."""
        if offset < 0:
            sums = self._line_sums()
            return Location(line=0, column=offset - (sums[-1] - 1) + 1, offset=offset)
        text = self.text
        block = min(offset, len(text)) // _BLOCK
        line = self._count_newlines(block=block)[block] + text.count("\n", block * _BLOCK, offset) + 1
        return Location(line=line, column=offset - text.rfind("\n", 0, offset), offset=offset)

    def line_offset(self, line: int) -> int:
        """The offset of the first character of a 1-based line."""
        # The start of 0-based line i is just after the i-th newline.
        wanted = max(line, 1) - 1
        if wanted == 0:
            return 0
        newlines = self._count_newlines(newlines=wanted)
        if newlines[-1] < wanted:  # the text has fewer lines: its last line
            wanted = newlines[-1]
            if wanted == 0:
                return 0
        block = bisect_left(newlines, wanted) - 1
        text = self.text
        at = block * _BLOCK - 1
        for _ in range(wanted - newlines[block]):
            at = text.find("\n", at + 1)
        return at + 1

    def _count_newlines(self, *, block: int = 0, newlines: int = 0) -> list[int]:
        """Newlines before the start of each block (the last entry, once the end is reached, is the
        whole text's), counted in C up to ``block`` or until there are ``newlines`` of them."""
        counted = self._newlines
        text = self.text
        end = len(text)
        while (len(counted) - 1) * _BLOCK < end and (len(counted) - 1 < block or counted[-1] < newlines):
            start = (len(counted) - 1) * _BLOCK
            counted.append(counted[-1] + text.count("\n", start, start + _BLOCK))
        return counted

    def _line_sums(self) -> list[int]:
        # Running sums of line lengths: only for an offset before the text (never on the hot path).
        return list(accumulate(map(len, self.text.split("\n")), initial=0))[:-1] or [0]


# Characters per block of Document._count_newlines.
_BLOCK = 8192


class IdClock(BaseModel):
    """The creation time a post ID encodes, and how it was decoded."""

    time: dt.datetime
    method: str = Field(description="snowflake, interpolated, tid, shortcode, ...")
    error_seconds: float = Field(default=0.0, description="How far the decoded time may be from the true one.")


class ContextDate(BaseModel):
    """A date named by the sentence that touches an embed: the last one before it or the first after."""

    text: str = Field(description="The words, as the article has them: 'on Sunday', 'Oct. 17'.")
    value: str = Field(description="Their TIMEX3 value.")
    begin: dt.date | None = None
    last: dt.date | None = None
    side: Literal["before", "after"]
    line: int | None = None
    compared: bool = Field(
        description="Whether CC203 compares the embed's date with it (a day or a week before publication: a month,"
        " a year, 'today' or a future date says nothing about when a post was made)."
    )


# How an embed sits in the page (Embed.form). An embed code or player, as the platform's markup has it:
ElementForm = Literal[
    "blockquote",  # the platform's embed code before its script runs
    "blockquote-classless",  # the same with its class stripped (Twitter)
    "iframe",  # the platform's player or rendered post
    "rendered",  # the post as the platform's script left it (Twitter's data-tweet-id markup)
    "div-embed",  # a CMS's <div data-embed-id> stand-in for a tweet
    "amp",  # an AMP element: amp-twitter, amp-instagram, amp-youtube, ...
    "card",  # a CMS's or the platform's own card (Substack's tweet card, reddit-card)
    "xfbml",  # Facebook's <div class="fb-post">
    "xfbml-empty",  # the same with its fallback byline stripped: nothing dated to read
    "lite",  # <lite-youtube>
    "flash",  # <embed> of an old YouTube player
]
# An embed code kept as text, in a script's string (an article body held as JSON) or in a lazy
# placeholder's attribute: "<element form>-in-script", "<element form>-in-placeholder".
HeldForm = Literal[
    "blockquote-in-script",
    "blockquote-classless-in-script",
    "iframe-in-script",
    "rendered-in-script",
    "div-embed-in-script",
    "amp-in-script",
    "card-in-script",
    "xfbml-in-script",
    "xfbml-empty-in-script",
    "lite-in-script",
    "flash-in-script",
    "blockquote-in-placeholder",
    "blockquote-classless-in-placeholder",
    "iframe-in-placeholder",
    "rendered-in-placeholder",
    "div-embed-in-placeholder",
    "amp-in-placeholder",
    "card-in-placeholder",
    "xfbml-in-placeholder",
    "xfbml-empty-in-placeholder",
    "lite-in-placeholder",
    "flash-in-placeholder",
]
EmbedForm = Literal[
    ElementForm,
    HeldForm,
    "placeholder",  # a lazy-loading element that holds only the post's address
    "flattened-text",  # the embed as text: the quote, then "— Name (@handle) date"
    "bare-url",  # the post's address alone in a paragraph
]


def element_form(form: str) -> str:
    """The embed code's own form, wherever the page held it: "xfbml-in-placeholder" -> "xfbml"."""
    return form.removesuffix("-in-script").removesuffix("-in-placeholder")


class Embed(BaseModel):
    """One embedded post as the article shows it."""

    index: int
    platform: str
    form: EmbedForm = Field(
        description="How the embed sits in the page: an embed code or player (blockquote, iframe, amp, ...),"
        " the same kept as text in a script or a placeholder (blockquote-in-script), a placeholder holding only"
        " the address, the embed flattened to text, or a bare URL."
    )
    post_id: str | None = None
    post_url: str | None = None
    url_handle: str | None = Field(default=None, description="The handle inside the post URL.")
    handle: str | None = Field(default=None, description="The handle as the embed shows it.")
    display_name: str | None = None
    shown_date: dt.date | None = None
    shown_date_text: str | None = None
    shown_date_language: str | None = None
    shown_time: dt.datetime | None = Field(
        default=None, description="A full timestamp when the markup carries one (Instagram <time>, data-datetime)."
    )
    shown_time_precision: float | None = Field(
        default=None,
        description="Seconds the shown timestamp is truncated to (1 for Instagram's <time datetime>, 60 for"
        " its '7:30am PDT' text), when the platform file knows.",
    )
    ref_src: bool = Field(default=False, description="The date link carries ?ref_src: an official, unedited code.")
    links: list[str] = Field(default_factory=list)
    text: str | None = None
    lang: str | None = None
    location: Location
    also_seen_at: list[Location] = Field(
        default_factory=list,
        description="Where else the page shows this same post, right beside it: a rendered iframe and its"
        " leftover blockquote, a lazy player and its <noscript> copy, an AMP element and its fallback.",
    )
    paragraph_before: int | None = Field(default=None, description="The article paragraph just before the embed.")
    paragraph_after: int | None = Field(default=None, description="The article paragraph just after the embed.")
    id_time: dt.datetime | None = None
    id_clock: IdClock | None = None
    id_problem: str | None = Field(default=None, description="Why the ID cannot exist, when it cannot.")
    handle_problem: str | None = Field(
        default=None, description="Why the handle shown cannot exist on the platform (too long, say), when it cannot."
    )
    context_dates: list[ContextDate] = Field(
        default_factory=list,
        description="The dates the sentences next to the embed name (read for dated embeds when CC203 runs).",
        exclude_if=lambda value: not value,  # an embed with none reports as it did before
    )


class EmbedFields(TypedDict, total=False):
    """What a platform file reads from an embed: ``Embed``'s fields but the four the extract stage
    sets itself (index, platform, location, also_seen_at).

    Typed so that mypy catches a misspelt key in a parser (``shown_dat=``); the extract stage also
    refuses, at run time, a key that is not one of these, rather than letting the model drop it.
    """

    form: EmbedForm
    post_id: str | None
    post_url: str | None
    url_handle: str | None
    handle: str | None
    display_name: str | None
    shown_date: dt.date | None
    shown_date_text: str | None
    shown_date_language: str | None
    shown_time: dt.datetime | None
    shown_time_precision: float | None
    ref_src: bool
    links: list[str]
    text: str | None
    lang: str | None
    paragraph_before: int | None
    paragraph_after: int | None
    id_time: dt.datetime | None
    id_clock: IdClock | None
    id_problem: str | None
    handle_problem: str | None
    context_dates: list[ContextDate]


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
# What a mention's value was counted from: the publication date, the last date the text named
# before it ("two days earlier"), or a date it names after it ("a week after the 4 March vote").
Anchor = Literal["publication", "previous-mention", "following-mention"]


class TimeMention(BaseModel):
    """A temporal expression in the article, resolved TIMEX3-style."""

    start: int = Field(description="Character offset into the paragraph-joined text or source.")
    end: int
    text: str
    type: TimexType
    value: str = Field(description="TIMEX3 value: 2025-10-17, 2025-W43, 2025-10, P1W, PAST_REF, ...")
    begin: dt.date | None = Field(default=None, description="First day of the interval meant.")
    last: dt.date | None = Field(default=None, description="Last day of the interval meant.")
    anchor: Anchor | None = Field(
        default=None, description="publication, previous-mention, following-mention, or none (an absolute date)."
    )
    anchor_value: str | None = None
    paragraph: int | None = None
    location: Location | None = None


# In the report: files[].evidence (a name kept for schema_version 1). Not a finding's evidence,
# which is the facts a rule read (Finding.evidence).
class PlatformAnswer(BaseModel):
    """What a platform said about one embed (online only)."""

    status: Literal["exists", "deleted", "protected", "suspended", "withheld", "unavailable", "unknown"] = Field(
        description="exists; or gone: deleted, protected (followers only, private), suspended, withheld (legal"
        " demand, age restriction, removed by moderators) or unavailable (the platform gives no cause);"
        " unknown when the look-up got no usable answer."
    )
    embed: int | None = Field(default=None, description="The index of the embed it is about.")
    endpoint: str | None = None
    post_id: str | None = Field(default=None, description="The post the look-up found (from a t.co link, say).")
    post_url: str | None = None
    author_id: str | None = Field(default=None, description="The platform's stable account ID (user id, DID).")
    author_handle: str | None = None
    author_name: str | None = None
    created: dt.datetime | None = None
    text: str | None = None
    resolved_links: dict[str, str] = Field(default_factory=dict)
    archived_url: str | None = None
    reason: str | None = Field(
        default=None, description="For a post that is gone: the platform's own words, or how citecheck read its answer."
    )
    edited: bool | None = Field(
        default=None, description="True when the platform says the post was edited after it was made."
    )
    failure: str | None = Field(default=None, description="Why the look-up failed, when it did.")


class Fact(BaseModel):
    """One thing a rule read: what was seen (a date, a time, a handle) and where it was read.

    A finding's evidence holds its facts by name (``post_time``, ``published``) next to plain values
    (the other mentions nearby, a tolerance in seconds, what the platform said). In the report a fact
    is ``{"value": ..., "source": ...}``; ``text``, ``begin`` and ``last`` appear only when a rule gives them.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: str = Field(description="What was seen: an ISO date or time, a handle, a TIMEX3 value.")
    text: str | None = Field(default=None, description="The words as the page shows them.")
    source: str | None = Field(description="Where it was read: the embed's byline, the ID's clock, a meta tag.")
    begin: str | None = Field(default=None, description="The first day a date of the text means.")
    last: str | None = Field(default=None, description="The last day a date of the text means.")

    @model_serializer(mode="wrap")
    def _given_only(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # value and source always; the details only when a rule gave them (the report's shape since 0.1).
        data: dict[str, Any] = handler(self)
        return {key: item for key, item in data.items() if key in _ALWAYS or key in self.model_fields_set}


_ALWAYS = ("value", "source")

# A finding's evidence entry: a Fact, or any other JSON value. Facts are tried first, so a report
# read back (resume, the job summary) gets its facts back as Fact; a dict that is not one stays a dict.
EvidenceEntry = Annotated[Fact | JsonValue, Field(union_mode="left_to_right")]


class Finding(BaseModel):
    """One thing wrong (or worth knowing) about an embed or a file."""

    rule: str
    name: str
    severity: Severity
    message: str
    embed: int | None = None
    location: Location | None = None
    evidence: dict[str, EvidenceEntry] = Field(default_factory=dict)
    suppressed: bool = False
    help: str | None = Field(default=None, description="Where the rule's documentation page is.")
    fingerprint: str | None = Field(
        default=None,
        description="Stable across unrelated edits (moved lines): rule, source, what the finding is about."
        " SARIF's partialFingerprints and --baseline use it.",
    )


class FileReport(BaseModel):
    """Everything citecheck found in one source."""

    source: str
    kind: DocumentKind | None = None
    published: PublicationDate | None = None
    modified: PublicationDate | None = None
    capture: Capture | None = Field(
        default=None,
        description="The web-archive record the page was read from (pages of web archives only), or where in a"
        " saved list of WordPress posts the post is (its index, id and link).",
        exclude_if=lambda value: value is None,
    )
    notes: list[str] = Field(
        default_factory=list,
        description="What reading the source met that the reader should know (bytes that could not be decoded).",
        exclude_if=lambda value: not value,
    )
    embeds: list[Embed] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    evidence: list[PlatformAnswer] = Field(default_factory=list, description="What the platforms said (--online).")


def listed_post(report: FileReport) -> Capture | None:
    """Where a report's post is in a saved list of WordPress posts, when it is one of those."""
    return report.capture if report.capture is not None and report.kind == "wordpress" else None


def listed_post_name(capture: Capture) -> str:
    """A post of a list as a reader names it: "post 1 (id 9344)"."""
    return f"post {capture.offset}" + (f" (id {capture.record_id})" if capture.record_id else "")


class Tool(BaseModel):
    name: str = "citecheck"
    version: str


class Summary(BaseModel):
    files: int = 0
    embeds: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    suppressed: int = 0
    baselined: int = Field(default=0, description="Findings left out because --baseline lists them.")

    def describe(self) -> str:
        """The counts as a reader says them: "1 file, 3 embeds, 1 error, 0 warnings, 0 infos"."""
        counts = [(self.files, "file"), (self.embeds, "embed"), (self.errors, "error")]
        counts += [(self.warnings, "warning"), (self.infos, "info")]
        words = [f"{count} {word}{'' if count == 1 else 's'}" for count, word in counts]
        if self.suppressed:
            words.append(f"{self.suppressed} suppressed")
        if self.baselined:
            words.append(f"{self.baselined} baselined")
        return ", ".join(words)


class Report(BaseModel):
    """The JSON report: a stable interface, additive changes only."""

    model_config = ConfigDict(defer_build=True)  # built by the formats that write it

    schema_version: Literal[1] = 1
    tool: Tool
    files: list[FileReport] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
