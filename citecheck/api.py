"""The library API: check an article held in memory, a file, or a URL, and get its ``FileReport``.

Like the command line, these never raise for a bad article: what cannot be read is a CC001
finding in the report. Settings come from the caller (``Settings(...)``, default: citecheck's
defaults); config files are the command line's business and are not read here.
"""

from __future__ import annotations

import datetime as dt
import os

from citecheck.config import Settings
from citecheck.models import DocumentKind, FileReport

__all__ = ["check_file", "check_html", "check_text", "check_url"]

# What a report calls an article that came as a string, when no URL names it.
HTML_SOURCE = "<html>"
TEXT_SOURCE = "<text>"


def check_html(
    html: str | bytes,
    *,
    url: str | None = None,
    published: dt.date | None = None,
    settings: Settings | None = None,
) -> FileReport:
    """Check an HTML page given as text (or as bytes, decoded as a browser would).

    ``url`` is where the page lives: the report's source, and a publication date when the page
    gives none but its URL holds one (/2025/10/27/). ``published`` overrides the page's date.
    """
    return _check_string(html, "html", url or HTML_SOURCE, url, published, settings)


def check_text(
    text: str,
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
) -> FileReport:
    """Check plain text: paragraphs separated by blank lines, embeds as copied pages leave them
    (``— Name (@handle) October 17, 2025``) and bare post URLs. A first line ``date YYYY-MM-DD``
    gives the publication date, as in a .txt file."""
    return _check_string(text, "text", TEXT_SOURCE, None, published, settings)


def check_file(
    path: str | os.PathLike[str],
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
) -> FileReport:
    """Check one article file (.html, .htm, .txt, .md, WordPress .json, .tml, any of them .gz)."""
    from citecheck.pipeline import check_source

    return check_source(os.fspath(path), _settings(settings, published))


def check_url(
    url: str,
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
) -> FileReport:
    """Fetch a page and check it. This goes on the network (every redirect hop's address checked,
    see docs/online.md); look-ups on the platforms too only with ``Settings(online=True)``."""
    from citecheck.pipeline import check_source

    if "://" not in url:
        raise ValueError(f"{url!r} is not a URL (http:// or https://); use check_file for a path")
    return check_source(url, _settings(settings, published))


def _settings(settings: Settings | None, published: dt.date | None) -> Settings:
    settings = settings if settings is not None else Settings()
    return settings if published is None else settings.model_copy(update={"published": published})


def _check_string(
    content: str | bytes,
    kind: DocumentKind,
    source: str,
    url: str | None,
    published: dt.date | None,
    settings: Settings | None,
) -> FileReport:
    from citecheck.load import LoadError, load_bytes
    from citecheck.pipeline import check_document, unreadable_report

    chosen = _settings(settings, published)
    # Text arrives decoded: it is read back as UTF-8 whatever its <meta charset> says.
    data, charset = (content.encode("utf-8", "surrogatepass"), "utf-8") if isinstance(content, str) else (content, None)
    try:
        if len(data) > chosen.max_bytes:
            raise LoadError(source, f"larger than the size cap of {chosen.max_bytes} bytes (Settings.max_bytes)")
        document = load_bytes(source, data, published=chosen.published, url=url, kind=kind, charset=charset)
        return check_document(document, chosen)
    except LoadError as error:
        return unreadable_report(source, error.reason, chosen)
    except Exception as error:  # noqa: BLE001 - as check_source: a bug in one article is a finding, not a crash
        reason = f"could not be checked: internal error {type(error).__name__}: {error} (a bug in citecheck)"
        return unreadable_report(source, reason, chosen)
