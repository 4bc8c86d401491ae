"""Web archives (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``, ``.wacz``): each HTML page an archive
captured becomes one article, with the record's capture time and address kept as evidence.

WARC is read with FastWARC (twice as fast as warcio on gzipped WARCs, the common case: see
docs/archives.md), ARC, which FastWARC does not read, with warcio. Both come with citecheck's
``archive`` extra; without it an archive becomes a CC001 that gives the install command.

What is an article here is what a replay tool would show as a page: a ``response`` record with a
2xx HTTP status and an HTML content type (or a ``resource`` record of HTML, as wget and browser
crawlers write for pages they saved themselves), its transfer and content encodings undone.
Revisit records are skipped: they carry no page, only "unchanged since" an earlier capture, which
is checked in its own record. Requests, metadata, images, scripts, redirects and errors are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from citecheck.models import Capture

if TYPE_CHECKING:
    from collections.abc import Callable

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz", ".wacz")
INSTALL_HINT = "pip install 'citecheck-embeds[archive]'"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


class ArchiveError(Exception):
    """An archive that cannot be read (on from some point): a CC001 on the archive file."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ArchivedPage:
    """One HTML page out of an archive, ready for the load stage (picklable: it crosses processes)."""

    capture: Capture
    data: bytes
    charset: str | None = None
    too_large: bool = False

    @property
    def source(self) -> str:
        return page_source(self.capture)


def page_source(capture: Capture) -> str:
    """The name a page of an archive goes by in reports: the archive, the WACZ member, the offset."""
    member = f"!{capture.member}" if capture.member else ""
    return f"{capture.archive}{member}#{capture.offset}"


def is_archive(source: str) -> bool:
    return source.lower().split("?", 1)[0].endswith(ARCHIVE_SUFFIXES)


def _is_arc(name: str) -> bool:
    return name.lower().split("?", 1)[0].endswith((".arc", ".arc.gz"))


def read_archive(
    source: str,
    *,
    max_bytes: int,
    start: int = 0,
    end: int | None = None,
    opener: Callable[[str], IO[bytes]] | None = None,
) -> Iterator[ArchivedPage]:
    """The HTML pages of one archive, in file order. Only records that begin at an offset in
    ``[start, end)`` are read (a slice of a large WARC, for spreading it over workers); ``opener``
    opens the archive (a local path by default, an fsspec URL on a cluster).

    Raises ``ArchiveError`` when the archive cannot be read, after the pages read before the fault.
    """
    open_ = opener or _open_local
    try:
        if source.lower().split("?", 1)[0].endswith(".wacz"):
            yield from _read_wacz(source, open_, max_bytes, start, end)
            return
        with open_(source) as stream:
            if _is_arc(source):
                yield from _read_arc(source, None, stream, max_bytes, start, end)
            else:
                yield from _read_warc(source, None, stream, max_bytes, start, end)
    except ArchiveError:
        raise
    except ImportError as error:
        raise ArchiveError(f"is a web archive; reading it needs the archive extra ({INSTALL_HINT})") from error
    except FileNotFoundError:
        raise ArchiveError("no such file") from None
    except PermissionError:
        raise ArchiveError("permission denied") from None
    except (OSError, ValueError, EOFError) as error:  # FastWARC and zlib report a broken archive as these
        raise ArchiveError(f"is not a readable web archive ({error or type(error).__name__})") from None


def _open_local(source: str) -> IO[bytes]:
    return open(source, "rb")  # the caller closes it


def _read_wacz(
    source: str, open_: Callable[[str], IO[bytes]], max_bytes: int, start: int, end: int | None
) -> Iterator[ArchivedPage]:
    # A WACZ is a zip of WARCs under archive/ (plus indexes and pages.jsonl, which add no pages).
    # Offsets there are within each WARC, so ranges do not apply: a WACZ is read whole.
    import zipfile

    with open_(source) as raw:
        try:
            bundle = zipfile.ZipFile(raw)
        except zipfile.BadZipFile:
            raise ArchiveError("is not a readable WACZ file (not a zip archive)") from None
        with bundle:
            members = sorted(
                name
                for name in bundle.namelist()
                if name.startswith("archive/") and name.lower().endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))
            )
            if not members:
                raise ArchiveError("is a WACZ file with no WARC under archive/")
            for member in members:
                with bundle.open(member) as stream:
                    read = _read_arc if _is_arc(member) else _read_warc
                    yield from read(source, member, stream, max_bytes, 0, None)


def _read_warc(
    source: str, member: str | None, stream: IO[bytes], max_bytes: int, start: int, end: int | None
) -> Iterator[ArchivedPage]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    if start:
        found = next_record_start(stream, start, end)
        if found is None:
            return
        stream.seek(found)
    wanted = WarcRecordType.response | WarcRecordType.resource
    # auto_decode undoes chunked transfer and gzip/deflate/brotli content encodings, as replay does.
    records = ArchiveIterator(stream, record_types=wanted, parse_http=True, auto_decode="all", fsspec_args=False)
    for record in records:
        offset = record.stream_pos  # from the file's start: FastWARC counts from where the stream stood
        if end is not None and offset >= end:
            return
        if record.is_http:
            status = record.http_headers.status_code or 0
            if not 200 <= status < 300 or not _is_html(record.http_content_type):
                continue
            charset = record.http_charset
        else:  # a resource record: the page itself, typed by the WARC's Content-Type
            content_type = record.headers.get("Content-Type")
            if not _is_html(content_type):
                continue
            charset = _charset_of(content_type)
        body = record.reader.read(max_bytes + 1)
        capture = Capture(
            archive=source,
            member=member,
            offset=offset,
            target_uri=record.headers.get("WARC-Target-URI"),
            captured=_warc_date(record.headers.get("WARC-Date")),
            record_id=record.record_id,
        )
        yield _page(capture, body, charset, max_bytes)


# How far ahead of a range's start its first record is looked for, per read.
_SCAN_BLOCK = 1 << 20
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = re.compile(rb"WARC/1\.[01]\r?\n")


def next_record_start(stream: IO[bytes], position: int, end: int | None = None) -> int | None:
    """The offset of the first WARC record that starts at or after ``position`` (and before ``end``),
    found without reading the file from its start: so that workers can each take a byte range of a
    large WARC, and agree on where one range's records end and the next one's begin.

    In a gzipped WARC each record is a gzip member: a candidate is a gzip header whose member
    inflates to a WARC version line. In a plain WARC, a version line after the blank line that ends
    every record. (A payload that itself holds a WARC record could be taken for one: a WARC of WARCs
    is best checked in one range.)
    """
    stream.seek(0)
    compressed = stream.read(2) == b"\x1f\x8b"
    at = position
    while end is None or at < end:
        # A plain record is known by the blank line before it: read from a few bytes earlier.
        back = 0 if compressed else min(at, 4)
        stream.seek(at - back)
        block = stream.read(back + _SCAN_BLOCK + 64)
        if len(block) <= back:
            return None
        found = _gzip_record_in(block) if compressed else _plain_record_in(block, at - back, back)
        if found is not None:
            start = at - back + found
            return start if end is None or start < end else None
        at += _SCAN_BLOCK
    return None


def _gzip_record_in(block: bytes) -> int | None:
    import zlib

    at = block.find(_GZIP_MAGIC)
    while at != -1:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(block[at : at + 4096], 16)
        except zlib.error:
            head = b""
        if _WARC_LINE.match(head) or head.startswith(b"WARC/1."):
            return at
        at = block.find(_GZIP_MAGIC, at + 1)
    return None


def _plain_record_in(block: bytes, offset: int, skip: int) -> int | None:
    """The first record in ``block`` (read from ``offset``) that starts at or after index ``skip``."""
    if offset == 0 and skip == 0 and _WARC_LINE.match(block):
        return 0
    for match in _WARC_LINE.finditer(block, skip):
        if block[max(0, match.start() - 4) : match.start()] == b"\r\n\r\n":
            return match.start()
    return None


def _read_arc(
    source: str, member: str | None, stream: IO[bytes], max_bytes: int, start: int, end: int | None
) -> Iterator[ArchivedPage]:
    del end  # an ARC is read whole (below)
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        yield from _arc_pages(ArchiveIterator, source, member, stream, max_bytes, start)
    except ArchiveLoadFailed as error:
        if "non-chunked gzip" in str(error):
            raise ArchiveError(
                "is gzipped whole rather than record by record, which archive tools do not read"
                " (warcio recompress rewrites it)"
            ) from None
        raise ArchiveError(f"is not a readable ARC file ({' '.join(str(error).split())})") from None


def _arc_pages(
    ArchiveIterator: Any, source: str, member: str | None, stream: IO[bytes], max_bytes: int, start: int
) -> Iterator[ArchivedPage]:
    # ARC is legacy and small next to today's WARCs: it is read whole, by the range that starts it.
    if start:
        return
    iterator = ArchiveIterator(stream, arc2warc=True)
    for record in iterator:
        if record.rec_type != "response" or record.http_headers is None:
            continue
        status = record.http_headers.get_statuscode()
        content_type = record.http_headers.get_header("Content-Type")
        if not status.isdigit() or not 200 <= int(status) < 300 or not _is_html(content_type):
            continue
        body = record.content_stream().read(max_bytes + 1)
        offset = iterator.get_record_offset()  # only after the content: asking first loses the content
        capture = Capture(
            archive=source,
            member=member,
            offset=offset,
            target_uri=record.rec_headers.get_header("WARC-Target-URI"),
            captured=_warc_date(record.rec_headers.get_header("WARC-Date")),
            record_id=None,  # ARC has none (warcio makes up a new one at every read)
        )
        yield _page(capture, body, _charset_of(content_type), max_bytes)


def _page(capture: Capture, body: bytes, charset: str | None, max_bytes: int) -> ArchivedPage:
    if len(body) > max_bytes:
        return ArchivedPage(capture=capture, data=b"", charset=charset, too_large=True)
    return ArchivedPage(capture=capture, data=body, charset=charset)


def _is_html(content_type: Any) -> bool:
    if not content_type:
        return False
    return str(content_type).split(";", 1)[0].strip().lower() in _HTML_TYPES


def _charset_of(content_type: str | None) -> str | None:
    match = _CHARSET.search(content_type or "")
    return match.group(1).lower() if match else None


def _warc_date(value: str | None) -> dt.datetime | None:
    """WARC-Date (W3C-ISO8601, UTC, seconds or finer); ARC's 14-digit dates arrive converted by warcio."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit() and len(text) >= 14:
        text = f"{text[:4]}-{text[4:6]}-{text[6:8]}T{text[8:10]}:{text[10:12]}:{text[12:14]}Z"
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
