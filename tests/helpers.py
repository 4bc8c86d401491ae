"""Small builders for tests: an article on disk, checked end to end."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from citecheck.config import Settings
from citecheck.embeds.twitter import snowflake_id
from citecheck.models import FileReport
from citecheck.pipeline import check_source

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a clean skip when this checkout has none (a user's clone)."""
    import pytest

    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is only beside CI and development checkouts)")
    return path


def snowflake(when: str, low_bits: int = 4242) -> str:
    """A status ID minted at an ISO time (UTC), as Twitter's snowflake scheme would."""
    return str(snowflake_id(dt.datetime.fromisoformat(when).replace(tzinfo=dt.timezone.utc), low_bits))


def tweet_blockquote(
    handle: str,
    post_id: str,
    shown: str,
    *,
    url_handle: str | None = None,
    ref_src: bool = True,
    host: str = "twitter.com",
) -> str:
    query = "?ref_src=twsrc%5Etfw" if ref_src else ""
    return (
        '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">A post about the harbour.</p>'
        f"&mdash; Some Name (@{handle}) "
        f'<a href="https://{host}/{url_handle or handle}/status/{post_id}{query}">{shown}</a></blockquote>'
    )


def html_article(published: str | None, *body: str) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paragraphs = "\n".join(body)
    return f"<!DOCTYPE html><html><head><title>t</title>{meta}</head><body><article>\n{paragraphs}\n</article></body></html>\n"


def check(tmp_path: Path, name: str, content: str | bytes, **settings: object) -> FileReport:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return check_source(str(path), Settings(**settings))  # type: ignore[arg-type]


def codes(report: FileReport) -> list[str]:
    return [finding.rule for finding in report.findings]


# Web archives, written here so each test says exactly which records it holds.


def warc_record(
    uri: str,
    body: bytes,
    *,
    warc_type: str = "response",
    date: str = "2026-01-15T12:00:00Z",
    status: str = "200 OK",
    headers: list[tuple[str, str]] | None = None,
    http: bool = True,
) -> bytes:
    """One WARC/1.0 record as a crawler writes it: WARC headers, then the HTTP response (or, with
    ``http=False``, the bare block of a resource record), then two CRLFs."""
    import uuid

    if http:
        head = [("Content-Type", "text/html; charset=utf-8")] if headers is None else headers
        lines = [f"HTTP/1.1 {status}", *(f"{name}: {value}" for name, value in head)]
        block = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        content_type = "application/http; msgtype=response"
    else:
        block = body
        content_type = (headers or [("Content-Type", "text/html")])[0][1]
    fields = [
        "WARC/1.0",
        f"WARC-Type: {warc_type}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri + date + warc_type)}>",
        f"WARC-Date: {date}",
        f"WARC-Target-URI: {uri}",
        f"Content-Type: {content_type}",
        f"Content-Length: {len(block)}",
    ]
    return ("\r\n".join(fields) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def write_warc(path: Path, records: list[bytes]) -> Path:
    """A WARC file; ``.gz`` in the name gzips each record on its own (a member per record), as crawlers do."""
    import gzip

    with path.open("wb") as out:
        for record in records:
            out.write(gzip.compress(record) if path.name.endswith(".gz") else record)
    return path


def arc_record(uri: str, body: bytes, *, date: str = "20260115120000", content_type: str = "text/html") -> bytes:
    """One ARC v1 record: the URL line, then the HTTP response it archived, then a newline."""
    http = f"HTTP/1.0 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
    return f"{uri} 192.0.2.1 {date} {content_type} {len(http)}\n".encode() + http + b"\n"


def write_arc(path: Path, records: list[bytes]) -> Path:
    """An ARC v1 file: its filedesc header, then the records (``.gz``: a gzip member each)."""
    import gzip

    header_body = b"1 0 citecheck tests\nURL IP-address Archive-date Content-type Archive-length\n"
    first = f"filedesc://{path.name} 0.0.0.0 20260115120000 text/plain {len(header_body)}\n".encode() + header_body
    with path.open("wb") as out:
        for record in [first + b"\n", *records]:
            out.write(gzip.compress(record) if path.name.endswith(".gz") else record)
    return path


# A headless browser that makes no request of its own (updates, sync, field trials).
BROWSER_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """Debian's Chromium (or the one CITECHECK_CHROMIUM names) for the browser tests and benchmark."""
    named = os.environ.get("CITECHECK_CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None
