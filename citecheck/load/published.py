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


# What a JSON-LD node is, for the page's own dates: the article first (schema.org's Article and its
# news, blog and report kinds), the page next, untyped nodes, then anything else. A post the article
# quotes (SocialMediaPosting, a Comment) is never the page; a VideoObject or an Event listed before
# the article gave its own date before.
_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "report",
        "techarticle",
        "scholarlyarticle",
    }
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "collectionpage", "profilepage", "qapage", "faqpage"})
_NEVER_THE_PAGE = frozenset({"socialmediaposting", "discussionforumposting", "comment"})


def _type_rank(node: dict[str, Any]) -> int | None:
    """0 for an article, 1 for a web page, 2 untyped, 3 anything else; None for a quoted post."""
    kinds = node.get("@type")
    names = {str(kind).rsplit("/", 1)[-1].lower() for kind in (kinds if isinstance(kinds, list) else [kinds]) if kind}
    if not names:
        return 2
    if names & _ARTICLE_TYPES:
        return 0
    if names & _PAGE_TYPES:
        return 1
    return None if names & _NEVER_THE_PAGE else 3


def _json_ld_dates(root: Any) -> tuple[Found | None, Found | None]:
    """The page's own dates from its JSON-LD: the best-ranked node that states each (the article
    over the page over anything else), the first of a rank."""
    best: dict[str, tuple[int, Found]] = {}
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for node in _walk(data):
            rank = None
            for key in ("datePublished", "dateModified"):
                stamp = node.get(key)
                if not isinstance(stamp, str):
                    continue
                rank = _type_rank(node) if rank is None else rank
                if rank is None or (key in best and best[key][0] <= rank):
                    continue
                value = parse_timestamp(stamp)
                if value is not None:
                    best[key] = (rank, (value, "json-ld", f'{key} "{stamp}"'))
        if all(key in best and best[key][0] == 0 for key in ("datePublished", "dateModified")):
            break
    published = best.get("datePublished")
    modified = best.get("dateModified")
    return (published[1] if published else None), (modified[1] if modified else None)


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
    """htmldate's heuristics, only when the metadata is silent: its fast mode first (original date:
    the page's publication, not its last update), then its extensive search of the page's text and
    links, which costs more and falls only on pages neither finds a date in."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - htmldate is a dependency
        return None
    for extensive, mode in ((False, "htmldate original date"), (True, "htmldate extensive search")):
        try:
            # The extensive search reads every date in the text: not those of the posts it quotes.
            tree = _without_quotes(root) if extensive else root
            found = find_date(tree, original_date=True, extensive_search=extensive, outputformat="%Y-%m-%d")
        except Exception:  # noqa: BLE001 - a heuristic failing must not lose the file
            continue
        if found:
            try:
                return dt.date.fromisoformat(found), "htmldate", mode
            except ValueError:
                continue
    return None


def _without_quotes(root: Any) -> Any:
    """A copy of the page without its blockquotes and iframes (embedded posts carry their own dates)."""
    import copy

    pruned = copy.deepcopy(root)
    # The outermost ones only: an unclosed code nests the rest of the page inside it.
    outermost = [e for e in pruned.iter("blockquote", "iframe") if next(e.iterancestors("blockquote"), None) is None]
    for element in outermost:
        if element.getparent() is not None:
            element.drop_tree()  # lxml.html's: keeps the tail text, which is the article's
    return pruned


def _as_publication(found: Found | None) -> PublicationDate | None:
    return publication_date(*found) if found is not None else None
