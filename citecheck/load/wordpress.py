"""WordPress REST API post objects (``/wp-json/wp/v2/posts/ID``), and saved lists of them
(``/wp-json/wp/v2/posts``): each post of a list is one article, located as a page of a web
archive is (``Capture``: the file, the post's index in the list, its ``id`` and ``link``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from citecheck.errors import LoadError
from citecheck.load.dates import parse_timestamp, publication_date
from citecheck.load.html import html_paragraphs, parse_html
from citecheck.load.published import page_dates
from citecheck.models import Capture, Document, PublicationDate


def is_wordpress_post(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("content"), dict) and "rendered" in data["content"]


@dataclass(frozen=True, slots=True)
class ListedPost:
    """One item of a saved list of posts, ready for the load stage (picklable: it crosses processes).
    ``capture.offset`` is the item's index in the list; ``post`` the item as the JSON holds it."""

    capture: Capture
    post: Any
    notes: tuple[str, ...] = ()  # what decoding the file met, said in each post's report

    @property
    def source(self) -> str:
        from citecheck.load.archive import page_source

        return page_source(self.capture)


def listed_posts(source: str, text: str) -> list[ListedPost] | None:
    """The items of a JSON list of several WordPress posts, each to be checked as its own article;
    None for anything else (one post, a list of one, JSON that is no list of posts, broken JSON),
    which the load stage reads, or names what is wrong with, as one source."""
    if not text.lstrip("\ufeff \t\r\n").startswith("["):
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, list) or len(data) < 2 or not any(is_wordpress_post(item) for item in data):
        return None
    return [ListedPost(capture=_locator(source, index, item), post=item) for index, item in enumerate(data)]


def _locator(source: str, index: int, item: Any) -> Capture:
    fields = item if isinstance(item, dict) else {}
    post_id, link = fields.get("id"), fields.get("link")
    return Capture(
        archive=source,
        offset=index,
        target_uri=link if isinstance(link, str) else None,
        record_id=str(post_id) if isinstance(post_id, (int, str)) and not isinstance(post_id, bool) else None,
    )


def load_wordpress(source: str, text: str) -> Document:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise LoadError(source, f"is not valid JSON ({exc})") from None
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if isinstance(data, list) and data and any(is_wordpress_post(item) for item in data):
        # A check of the file (``citecheck posts.json``) reads each post as its own article; this
        # reads one source as one article (standard input, ``check_file``, ``citecheck timeline``).
        raise LoadError(
            source,
            f"is a list of {len(data)} WordPress posts, read here as one article: check the file itself"
            " (citecheck FILE) to check each post, or save one post (/wp-json/wp/v2/posts/ID)",
        )
    return post_document(source, data)


def post_document(source: str, data: Any) -> Document:
    """One WordPress post object as a document; a ``LoadError`` when it is not one."""
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
