"""Small helpers the platform files share for reading embed markup and post URLs."""

from __future__ import annotations

import copy
import re
from typing import Any
from urllib.parse import unquote

from citecheck.embeds._shown_dates import parse_shown_date
from citecheck.models import EmbedFields

# Saved pages wrap every URL in the Wayback Machine's: https://web.archive.org/web/2022...if_/https://...
_ARCHIVED = re.compile(r"^(?:https?:)?//web\.archive\.org/web/[^/]+/(?P<url>.+)$", re.I)
# Lazy-loading scripts move an iframe's address out of src until it scrolls into view.
SRC_ATTRIBUTES = ("src", "data-src", "data-lazy-src", "data-original", "data-url")


def unwrap(url: str | None) -> str:
    """A URL as the platform wrote it: no archive wrapper, a scheme, no surrounding space."""
    url = (url or "").strip()
    archived = _ARCHIVED.match(url)
    if archived:
        url = archived.group("url")
        if url.startswith(("http:/", "https:/")) and not url.startswith(("http://", "https://")):
            url = url.replace(":/", "://", 1)  # the Wayback Machine sometimes folds the double slash
    if url.startswith("//"):
        url = "https:" + url
    return url


def source_url(element: Any) -> str:
    """The address an iframe (or lazy iframe, or <embed>) loads."""
    for attribute in SRC_ATTRIBUTES:
        value = element.get(attribute)
        if value and not value.startswith(("data:", "about:")):
            return unwrap(value)
    return ""


def has_class(element: Any, name: str) -> bool:
    return name in (element.get("class") or "").split()


def anchors(element: Any) -> list[tuple[str, Any]]:
    """Every link inside an element, unwrapped, with its anchor."""
    return [(unwrap(a.get("href")), a) for a in element.iter("a") if a.get("href")]


def decoded(url: str) -> str:
    """A URL passed percent-encoded in another's query (``plugins/post.php?href=https%3A%2F%2F...``)."""
    return unquote(url) if "%2F" in url or "%3A" in url else url


def with_shown_date(fields: EmbedFields, text: str | None, lang: str | None = None) -> EmbedFields:
    """``fields`` with the shown date text and, when readable, the date it names."""
    if not text:
        return fields
    fields["shown_date_text"] = text
    shown = parse_shown_date(text, lang)
    if shown is not None:
        fields["shown_date"] = shown.date
        fields["shown_date_language"] = shown.language
    return fields


def byline_name(stop: str = "") -> str:
    """The regex of a display name in a flattened byline ("— Name (@handle)", "Posted by Name on"):
    one line, at most 100 characters, none of ``stop`` (regex class syntax), from a non-space to a
    non-space. Ending on a non-space keeps the name from sharing a run of spaces with the ``\\s``
    around it: where both could take the same spaces, a long run of them cost quadratic time or worse
    (a 1 MB line: minutes)."""
    return rf"[^\s{stop}](?:[^\n{stop}]{{0,98}}?[^\s{stop}])?"


def own_code(element: Any) -> Any:
    """An embed code as written: the element itself, or, when an unclosed code swallowed others,
    a copy without them."""
    return without_nested(element) if element.find(".//blockquote") is not None else element


def without_nested(element: Any) -> Any:
    """A copy of ``element`` without the blockquotes inside it, nor their tails (as ``remove`` drops
    them): an embed code read without the codes an unclosed one swallowed. Only what stays is
    copied: a page whose unclosed codes nest a thousand deep, each swallowing the rest of the page,
    is then linear, not quadratic (20 s)."""
    pruned = _bare_copy(element)
    for child in element:
        if child.tag == "blockquote":
            continue
        pruned.append(copy.deepcopy(child) if child.find(".//blockquote") is None else without_nested(child))
    return pruned


# Third parties that wrap a post's URL in their own: Embedly's and Iframely's players, and every
# platform's oEmbed endpoint (consent placeholders keep that endpoint's address until the reader
# agrees). Their query names the post.
_WRAPPER_HOSTS = ("embedly.com", "embed.ly", "iframe.ly", "iframely.net")
_WRAPPED_PARAMETERS = ("url", "src", "href")
# Embedly's image= is the card's picture: it is read only where the wrapper names no page of its own
# (no url=, src= or href=), and then counts only as a post's own address (Instagram's
# instagram.com/p/CODE/media/): a thumbnail on an image server (i.ytimg.com, pbs.twimg.com) is no post,
# and a page's card whose picture is some post's is that page's, not the post's.
_PICTURE_PARAMETERS = ("image",)
# Attributes that never hold an embed's address.
_NOT_ADDRESSES = frozenset({"class", "style", "id", "alt", "title", "width", "height", "lang", "dir", "role"})


def wrapped_urls(url: str) -> list[str]:
    """The post or player URLs a wrapper URL carries in its query (Embedly, Iframely, oEmbed); the
    picture's address only where it names nothing else."""
    from urllib.parse import parse_qs, urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    host = parts.netloc.lower()
    if not parts.query or not (any(wrapper in host for wrapper in _WRAPPER_HOSTS) or "oembed" in parts.path.lower()):
        return []
    query = parse_qs(parts.query)
    named = [unwrap(value) for name in _WRAPPED_PARAMETERS for value in query.get(name, ()) if "//" in value]
    return named or [unwrap(value) for name in _PICTURE_PARAMETERS for value in query.get(name, ()) if "//" in value]


def attribute_urls(element: Any, read: tuple[str, ...] = ()) -> list[str]:
    """Every address an element's attributes hold, whatever their names (``iframe-src``,
    ``data-lazy``, ``data-oembed-url``...), each followed by those a wrapper carries. Attributes in
    ``read`` (already read by the platforms) give only the addresses their wrapper carries."""
    urls: list[str] = []
    for name, value in element.attrib.items():
        if name in _NOT_ADDRESSES or "//" not in value:
            continue
        url = unwrap(value)
        if not url.startswith(("http://", "https://")):
            continue
        if name not in read:
            urls.append(url)
        if "oembed" in url or any(wrapper in url for wrapper in _WRAPPER_HOSTS):
            urls.extend(wrapped_urls(url))
    return urls


def _bare_copy(element: Any) -> Any:
    """A copy of ``element`` with its text, attributes and tail but none of its children.

    The HTML parser keeps what lxml's element API refuses to set (a tag named ``n,``, an attribute
    named ``a,b``, a vertical tab in the text): ``makeelement`` raised ValueError on such pages.
    Those parts are made settable (a neutral tag, the attribute left out, the control character a
    space); nothing citecheck reads depends on them. Copying the element with its children set
    aside would keep them whole, but detaching a subtree in lxml walks all of it: quadratic when
    a thousand unclosed codes each swallow the rest of the page."""
    try:
        pruned = element.makeelement(element.tag, element.attrib)
    except (ValueError, TypeError):
        pruned = _settable_element(element)
    pruned.text, pruned.tail = _settable(element.text), _settable(element.tail)
    return pruned


# What lxml refuses in text and attribute values: XML 1.0's forbidden characters. Written as the
# characters themselves: the negated class of the allowed ranges is the same set, 10x slower to compile.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _settable(text: str | None) -> str | None:
    return _NOT_XML.sub(" ", text) if text else text


def element_like(element: Any, tag: str, attributes: dict[str, str]) -> Any:
    """A new element of ``tag`` with ``attributes`` (an element's own, some changed), or, where
    lxml refuses some of them (a control character, a name like ``a,b``), with the others."""
    try:
        return element.makeelement(tag, attributes)
    except (ValueError, TypeError):
        made = element.makeelement(tag)
        _set_what_can_be(made, attributes)
        return made


def _settable_element(element: Any) -> Any:
    try:
        pruned = element.makeelement(element.tag)
    except (ValueError, TypeError):
        pruned = element.makeelement("span")
    _set_what_can_be(pruned, element.attrib)
    return pruned


def _set_what_can_be(pruned: Any, attributes: Any) -> None:
    for name, value in attributes.items():
        try:
            pruned.set(name, _settable(value))
        except (ValueError, TypeError):
            continue  # a name lxml cannot set ("a,b")
