"""The publication and modification dates a page states about itself.

A fast pass over the metadata newsrooms' CMSs write (meta tags, JSON-LD, ``<time>``) runs first;
htmldate's heuristics, on the tree already parsed, only when that pass finds nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from citecheck.load.dates import parse_timestamp, publication_date
from citecheck.models import DateSource, PublicationDate

# Meta names and properties, most specific first. Both lists are the common CMS vocabularies
# (Open Graph article:*, Dublin Core, Parse.ly, Sailthru, schema.org microdata).
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "date",
    "dc.date",
    "article.published",
    "cxenseparse:recs:publishtime",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
    "article.updated",
)
_PUBLISHED_RANK = {name: rank for rank, name in enumerate(_PUBLISHED_META)}
_MODIFIED_RANK = {name: rank for rank, name in enumerate(_MODIFIED_META)}
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)")

Found = tuple[dt.datetime | dt.date, DateSource, str]


def page_dates(root: Any, url: str | None = None) -> tuple[PublicationDate | None, PublicationDate | None]:
    """(published, modified) for an HTML page parsed by lxml."""
    published: Found | None = None
    modified: Found | None = None
    p_rank = m_rank = len(_PUBLISHED_META) + len(_MODIFIED_META)
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if not key:
            continue
        content = meta.get("content")
        if not content:
            continue
        if key in _PUBLISHED_RANK and _PUBLISHED_RANK[key] < p_rank:
            value = parse_timestamp(content)
            if value is not None:
                published, p_rank = (value, "meta", f'<meta {key}="{content.strip()}">'), _PUBLISHED_RANK[key]
        elif key in _MODIFIED_RANK and _MODIFIED_RANK[key] < m_rank:
            value = parse_timestamp(content)
            if value is not None:
                modified, m_rank = (value, "meta", f'<meta {key}="{content.strip()}">'), _MODIFIED_RANK[key]
    if published is None or modified is None:
        ld_published, ld_modified = _json_ld_dates(root)
        published = published or ld_published
        modified = modified or ld_modified
    if published is None:
        published = _time_element(root)
    if published is None and url:
        published = url_date(url)
    if published is None:
        published = _htmldate(root)
    return _as_publication(published), _as_publication(modified)


def url_date(url: str) -> Found | None:
    """A date written into the page's path, as many CMSs do (/2019/07/03/...)."""
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return day, "url", url


def _json_ld_dates(root: Any) -> tuple[Found | None, Found | None]:
    published: Found | None = None
    modified: Found | None = None
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for node in _walk(data):
            if published is None and isinstance(node.get("datePublished"), str):
                value = parse_timestamp(node["datePublished"])
                if value is not None:
                    published = (value, "json-ld", f'datePublished "{node["datePublished"]}"')
            if modified is None and isinstance(node.get("dateModified"), str):
                value = parse_timestamp(node["dateModified"])
                if value is not None:
                    modified = (value, "json-ld", f'dateModified "{node["dateModified"]}"')
        if published and modified:
            break
    return published, modified


def _walk(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _walk(value, depth + 1)
    elif isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)


def _time_element(root: Any) -> Found | None:
    first: Found | None = None
    for time in root.iter("time"):
        stamp = time.get("datetime")
        if not stamp:
            continue
        value = parse_timestamp(stamp)
        if value is None:
            continue
        marked = (time.get("itemprop") or "").lower() == "datepublished" or time.get("pubdate") is not None
        if marked:
            return value, "time", f'<time datetime="{stamp}">'
        if first is None and not _inside_embed(time):
            first = (value, "time", f'<time datetime="{stamp}">')
    return first


def _inside_embed(element: Any) -> bool:
    # An Instagram embed's <time> is the post's date, not the page's.
    return next(element.iterancestors("blockquote"), None) is not None


def _htmldate(root: Any) -> Found | None:
    # Heuristics over the page's text and links: slower, so only when the metadata is silent.
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - htmldate is a dependency
        return None
    try:
        found = find_date(root, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a heuristic failing must not lose the file
        return None
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found), "htmldate", "htmldate original date"
    except ValueError:
        return None


def _as_publication(found: Found | None) -> PublicationDate | None:
    return publication_date(*found) if found is not None else None
