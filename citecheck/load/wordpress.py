"""WordPress REST API post objects (``/wp-json/wp/v2/posts/ID``)."""

from __future__ import annotations

import json
from typing import Any

from citecheck.errors import LoadError
from citecheck.load.dates import parse_timestamp, publication_date
from citecheck.load.html import html_paragraphs, parse_html
from citecheck.load.published import page_dates
from citecheck.models import Document, PublicationDate


def is_wordpress_post(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("content"), dict) and "rendered" in data["content"]


def load_wordpress(source: str, text: str) -> Document:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise LoadError(source, f"is not valid JSON ({exc})") from None
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if isinstance(data, list) and data and all(is_wordpress_post(item) for item in data):
        raise LoadError(
            source,
            f"is a list of {len(data)} WordPress posts; citecheck reads one post a file "
            "(save each post from /wp-json/wp/v2/posts/ID)",
        )
    if not is_wordpress_post(data):
        raise LoadError(source, "is JSON but not a WordPress REST post object (no content.rendered)")
    content = data["content"]["rendered"] or ""
    if not isinstance(content, str):
        raise LoadError(source, f"is a WordPress post whose content.rendered is {type(content).__name__}, not text")
    # Locations in a WordPress post are lines of its rendered content, the HTML an editor sees.
    document = Document(source=source, kind="wordpress", text=content)
    document.url = data.get("link") if isinstance(data.get("link"), str) else None
    title = data.get("title")
    if isinstance(title, dict) and isinstance(title.get("rendered"), str):
        document.title = title["rendered"]
    document.published = _field(data, "date_gmt", "date")
    document.modified = _field(data, "modified_gmt", "modified")
    root = parse_html(content) if content.strip() else None
    if root is not None:
        document.tree = root
        document.paragraphs = html_paragraphs(document, root)
        if document.published is None:
            document.published, _ = page_dates(root, document.url)
    return document


def _field(data: dict[str, Any], gmt_key: str, local_key: str) -> PublicationDate | None:
    for key in (gmt_key, local_key):
        value = data.get(key)
        if not isinstance(value, str):
            continue
        parsed = parse_timestamp(value + ("Z" if key == gmt_key and value[-1:].isdigit() else ""))
        if parsed is not None:
            return publication_date(parsed, "cms", f'{key} "{value}"')
    return None
