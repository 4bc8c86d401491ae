"""The load stage: a source (path, ``-``, URL bytes) becomes one parsed ``Document``."""

from __future__ import annotations

import datetime as dt
import re

from citecheck.errors import LoadError
from citecheck.load.read import DEFAULT_MAX_BYTES, decode_source, read_source
from citecheck.load.suppressions import find_suppressions
from citecheck.models import Document, DocumentKind, PublicationDate

__all__ = ["DEFAULT_MAX_BYTES", "LoadError", "finish_document", "kind_of", "load", "load_bytes"]

_SUFFIX_KIND: dict[str, DocumentKind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".json": "wordpress",
    ".tml": "timeml",
}
_LOOKS_HTML = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|meta|div|p|article|blockquote|\?xml)", re.I | re.S
)


def _kind_by_name(name: str) -> DocumentKind | None:
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    for suffix, kind in _SUFFIX_KIND.items():
        if lowered.endswith(suffix):
            return kind
    return None


def kind_of(name: str, text: str | None = None) -> DocumentKind:
    """The kind of a source, by its name's suffix (``.gz`` aside), else by a look at its text."""
    by_name = _kind_by_name(name)
    if by_name is not None:
        return by_name
    if text is not None:
        head = text.lstrip()[:1]
        if "<TimeML" in text[:2000]:
            return "timeml"
        if head in "{[" and head:
            return "wordpress"
        if text.lstrip().startswith(("---\n", "---\r\n")):
            return "markdown"
        if _LOOKS_HTML.match(text):
            return "html"
    # Saved pages without an extension are nearly always HTML; plain text stays text.
    return "html" if text is not None and "<" in text[:2048] and ">" in text[:2048] else "text"


def load(source: str, *, max_bytes: int = DEFAULT_MAX_BYTES, published: dt.date | None = None) -> Document:
    """Read, decode and parse one source. Raises ``LoadError`` naming the reason."""
    data, partial = read_source(source, max_bytes)
    document = load_bytes(source, data, published=published)
    document.partial = partial
    return document


def load_bytes(
    source: str,
    data: bytes,
    *,
    published: dt.date | None = None,
    url: str | None = None,
    kind: DocumentKind | None = None,
    charset: str | None = None,
) -> Document:
    """Decode and parse bytes already read; ``kind`` and ``charset`` when the caller knows them (an
    archived page's HTTP headers say both)."""
    # isspace() stops at the first other character; strip() would copy the whole page.
    if not data or data.isspace():
        raise LoadError(source, "is empty")
    guess = kind or (_kind_by_name(source) if source != "-" else None)
    notes: list[str] = []
    text, as_utf8 = decode_source(source, data, html=guess in (None, "html", "wordpress"), charset=charset, notes=notes)
    kind = guess or kind_of(source, text)
    if not text or text.isspace():
        raise LoadError(source, "is empty")
    try:
        document = _parse(source, kind, text, data if as_utf8 else None, find_dates=published is None)
    except RecursionError:  # JSON or markup nested thousands deep: said here, for check and timeline alike
        raise LoadError(source, "is nested too deeply to parse") from None
    document.notes = notes
    return finish_document(document, published=published, url=url)


def finish_document(document: Document, *, published: dt.date | None = None, url: str | None = None) -> Document:
    """What every parsed source gets: its suppressions, its address, and its publication date
    (``--published`` over the source's own, else a date in its address)."""
    document.suppressions = find_suppressions(document)
    if url and not document.url:
        document.url = url
    if published is not None:
        document.published = PublicationDate(date=published, source="option", detail="--published")
    elif document.published is None and document.url:
        from citecheck.load.dates import publication_date
        from citecheck.load.published import url_date

        found = url_date(document.url)
        if found:
            document.published = publication_date(*found)
    return document


def _parse(source: str, kind: DocumentKind, text: str, utf8: bytes | None, *, find_dates: bool) -> Document:
    if kind == "html":
        from citecheck.load.html import load_html

        return load_html(source, text, utf8=utf8, find_dates=find_dates)
    if kind == "markdown":
        from citecheck.load.markdown import load_markdown

        return load_markdown(source, text)
    if kind == "wordpress":
        from citecheck.load.wordpress import load_wordpress

        return load_wordpress(source, text)
    if kind == "timeml":
        from citecheck.load.timeml import load_timeml

        return load_timeml(source, text)
    from citecheck.load.text import load_text

    return load_text(source, text)
