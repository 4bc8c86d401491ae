"""The extract stage: every embedded post in a Document, one parser file per platform.

Each module of this package that defines ``PLATFORM`` is a platform; ``platforms()`` finds them, so
adding one is a new file (see docs/platforms.md).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Literal, cast

from citecheck.embeds._base import Platform
from citecheck.errors import InvalidPostId
from citecheck.models import Document, Embed, EmbedFields, HeldForm, Location, Paragraph

__all__ = ["InvalidPostId", "Platform", "extract", "platform", "platforms"]

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BARE_URL = re.compile(r"\A<?(https?://\S+?)>?\Z")


@lru_cache(maxsize=1)
def platforms() -> tuple[Platform, ...]:
    """Every platform, Twitter/X first (the most embedded), then by name."""
    found: list[Platform] = []
    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("_"):
            continue
        loaded = importlib.import_module(f"{__name__}.{module.name}")
        candidate = getattr(loaded, "PLATFORM", None)
        if isinstance(candidate, Platform):
            found.append(candidate)
    return tuple(sorted(found, key=lambda p: (p.name != "twitter", p.name)))


def platform(name: str) -> Platform:
    for candidate in platforms():
        if candidate.name == name:
            return candidate
    raise KeyError(name)


@dataclass(slots=True, eq=False)  # eq=False: found items are told apart by identity, as before
class _Found:
    """An embed found but not yet built: its platform, the fields the platform read, where it is."""

    platform: Platform
    fields: EmbedFields
    location: Location
    element: Any
    paragraph: int | None
    also: list[Location] = field(default_factory=list)


def extract(document: Document) -> list[Embed]:
    """Every embed in the document, in reading order, with its ID's clock decoded."""
    found: list[_Found] = []
    claimed: set[Any] = set()
    if document.tree is not None:
        holders: list[Any] = []
        in_markup, code_in_attributes = _from_markup(document, platforms(), claimed, holders)
        found.extend(in_markup)
        known = {item.fields.get("post_id") for item in found}
        found.extend(_from_scripts(document, platforms(), claimed, known))
        found.extend(_from_hidden(document, platforms(), claimed, known, holders, code_in_attributes))
    # Text inside an embed, or around one (an <li> holding a blockquote), is not the article's.
    skip = _not_article(claimed) if claimed else set()
    in_text = _in_prose(document)
    if in_text:
        found.extend(_from_paragraphs(document, in_text, skip))
    found.sort(key=lambda item: (item.location.line, item.location.offset or 0))
    found = _without_captions(_one_per_sighting(document, found))
    article = _article_paragraphs(document, skip)
    # A paragraph that is itself a flattened embed is not context for its neighbour: the walk
    # from an embed stops at it, as at an embed code.
    quoted = {item.paragraph for item in found if item.paragraph is not None}
    stops = set(claimed)
    for element, paragraph in list(article.items()):
        if paragraph.index in quoted:
            del article[element]
            stops.add(element)
    return [_embed(document, index, item, article, quoted, stops) for index, item in enumerate(found)]


def _one_per_sighting(document: Document, found: list[_Found]) -> list[_Found]:
    """The same post found twice in a row with no prose between, once as a copy a reader does not
    see (a rendered iframe and the blockquote it replaced, a lazy player and its <noscript> copy,
    an AMP element and its fallback), is one embed, seen at both places. The same post shown twice
    in the same form, or again further down the article, stays two."""
    kept: list[_Found] = []
    order: dict[Any, int] | None = None
    for item in found:
        last = kept[-1] if kept else None
        post = item.fields.get("post_id")
        if (
            last is not None
            and post
            and last.platform is item.platform
            and last.fields.get("post_id") == post
            and last.paragraph is None
            and item.paragraph is None
            and last.element is not None
            and item.element is not None
            and (
                last.fields.get("form") != item.fields.get("form") or _fallback(last.element) or _fallback(item.element)
            )
        ):
            if order is None:  # a walk of the page, only on a page that shows a post twice in a row
                order = {element: index for index, element in enumerate(document.tree.iter())}
            if not _prose_between(document, order, last.element, item.element):
                last.also.append(item.location)
                continue
        kept.append(item)
    return kept


def _without_captions(found: list[_Found]) -> list[_Found]:
    """A flattened byline that captions an embed code already found (a <figcaption> or a caption
    paragraph beside the code, naming the same account and day) is that embed's caption, not a
    second embed."""
    codes = [item for item in found if item.paragraph is None and item.element is not None]
    if not codes or len(codes) == len(found):
        return found
    return [item for item in found if not (item.paragraph is not None and _captions(item, codes))]


def _captions(caption: _Found, codes: list[_Found]) -> bool:
    handle = (caption.fields.get("handle") or "").casefold()
    if caption.element is None or not handle:
        return False
    place = {caption.element.getparent(), *list(caption.element.iterancestors())[:2]} - {None}
    for code in codes:
        shown = code.fields.get("handle") or code.fields.get("url_handle") or ""
        if code.platform is not caption.platform or shown.casefold() != handle:
            continue
        day, code_day = caption.fields.get("shown_date"), code.fields.get("shown_date")
        if day is not None and code_day is not None and day != code_day:
            continue
        # Beside the code: in the same parent (a <figure>), or one or two levels up from the caption.
        if code.element.getparent() in place:
            return True
    return False


def _fallback(element: Any) -> bool:
    """Whether an element is a copy for browsers without scripts (inside <noscript>)."""
    return element.tag == "noscript" or next(element.iterancestors("noscript"), None) is not None


def _prose_between(document: Document, order: dict[Any, int], first: Any, second: Any) -> bool:
    """Whether an article paragraph with text lies between two elements in document order
    (neither inside the other)."""
    start, end = sorted((order.get(first, -1), order.get(second, -1)))
    inside = {*first.iter(), *second.iter()}
    return any(
        paragraph.element is not None
        and paragraph.element not in inside
        and start < order.get(paragraph.element, -1) < end
        and paragraph.text
        for paragraph in document.paragraphs
    )


def _not_article(claimed: set[Any]) -> set[Any]:
    """Elements whose text is not the article's own: inside an embed, or holding one (an <li>
    around a blockquote)."""
    return _holders(claimed) | {inner for element in claimed for inner in element.iter()}


def _article_paragraphs(document: Document, skip: set[Any]) -> dict[Any, Paragraph]:
    """The article's own paragraphs, by HTML element."""
    if not document.paragraphs or document.paragraphs[0].element is None:
        return {}
    return {p.element: p for p in document.paragraphs if p.element not in skip}


def _any_in(markers: tuple[str, ...], source: str) -> bool:
    return not markers or any(marker in source for marker in markers)


def _in_prose(document: Document) -> list[Platform]:
    """The platforms whose text markers the paragraphs hold: only their flattened and bare-URL
    forms can be in the running text, a fraction of an HTML page's size."""
    paragraphs = document.paragraphs
    # Folding the white space of every paragraph costs more than the rest of the scan: the
    # unfolded text rules out, in C, the platforms none of whose markers can be in it.
    texts = [paragraph.unfolded() for paragraph in paragraphs]
    unfolded = "\n".join(texts)
    held: dict[str, bool] = {}  # platforms share markers: each is looked for once

    def may_hold(marker: str) -> bool:
        if marker not in held:
            # A character rare in prose ("@", "é", "å") is looked for alone first: a one-character
            # search runs in C at a fraction of the cost, and where it fails the marker cannot be there.
            rare = _rare_character(marker)
            held[marker] = (rare is None or may_hold(rare)) and _may_hold(marker, unfolded)
        return held[marker]

    possible = [p for p in platforms() if not p.text_markers or any(may_hold(m) for m in p.text_markers)]
    if not possible:
        return []
    prose = "\n".join([paragraph.fold(text) for paragraph, text in zip(paragraphs, texts, strict=True)])
    return [p for p in possible if _any_in(p.text_markers, prose)]


def _may_hold(marker: str, unfolded: str) -> bool:
    """False only where no paragraph's text can hold ``marker``: its white space runs are folded
    into one space, and a <br> read as a space, so a space in a marker may be any run of white
    space or none at all in the unfolded text."""
    pieces = marker.split()
    if len(pieces) <= 1:
        return not pieces or pieces[0] in unfolded
    return all(piece in unfolded for piece in pieces) and _spaced(marker).search(unfolded) is not None


@cache
def _rare_character(marker: str) -> str | None:
    """A character of ``marker`` that most pages' prose lacks (a letter outside ASCII, "@", "/"),
    when the marker has one and is longer than it."""
    if len(marker) < 2:
        return None
    for character in marker:
        if not character.isascii() and not character.isspace():
            return character
    for character in "@/":
        if character in marker:
            return character
    return None


@cache
def _spaced(marker: str) -> re.Pattern[str]:
    return re.compile(r"\s*".join(re.escape(piece) for piece in marker.split()))


class _Selectors:
    """Every platform's XPath split into its steps, and the one scan of the source that says which
    predicate steps a page needs.

    Tags (``//iframe``) are gathered in one filtered walk of the tree, in C. A step with a predicate
    (``//*[@data-tweet-id]``) tests every element, so it runs only on a page whose source names one
    of the attributes it tests. Every such name is looked for in a single scan of the source: one
    search per name cost a pass over the page each.
    """

    def __init__(self) -> None:
        from lxml import etree

        steps = {step.strip() for p in platforms() for step in p.xpath.split("|") if step.strip()}
        steps |= set(_PLACEHOLDERS)
        self.tags = tuple(sorted(match.group(1) for step in steps if (match := _TAG_STEP.match(step))))
        predicates = []
        for step in sorted(steps):
            if _TAG_STEP.match(step):
                continue
            # Every element has a class: testing for it would rule out nothing.
            attributes = tuple(sorted(set(_ATTRIBUTE.findall(step)) - {"class"}))
            predicates.append((etree.XPath(step), attributes))
        self.predicates = tuple(predicates)
        names = sorted({name for _, attributes in predicates for name in attributes}, key=len, reverse=True)
        data = [name[len("data-") :] for name in names if name.startswith("data-")]
        other = [re.escape(name) for name in names if not name.startswith("data-")]
        # Every name shares the prefix "data-" (a search for a literal prefix runs in C); the last
        # branch is an attribute whose value starts with markup or base64 ("PG" is "<"), where a
        # consent placeholder keeps an embed code.
        self.gate = re.compile(
            "|".join(
                [
                    r"data-(?:(?P<name>" + "|".join(map(re.escape, data)) + r")|[\w-]*\s*=\s*[\"'](?P<code>&lt;|<|PG))",
                    *other,
                ]
            )
        )

    def present(self, source: str) -> tuple[set[str], bool]:
        """The predicate attributes the source names, and whether an attribute may hold code."""
        names: set[str] = set()
        code = False
        for match in self.gate.finditer(source):
            if match.group("name"):
                names.add("data-" + match.group("name"))
            elif match.group("code"):
                code = True
            else:
                names.add(match.group(0))
        return names, code


@lru_cache(maxsize=1)
def _selectors() -> _Selectors:
    return _Selectors()


# Elements that stand in for an embed until the reader scrolls to it or consents to the platform:
# they keep only the post's address (consent and lazy-loading plugins); a WordPress embed block
# (figure.wp-block-embed) may hold just the post's URL as its text.
_PLACEHOLDERS = (
    "//*[@data-oembed-url]",
    "//*[@data-extcontent_url]",
    "//*[@data-embed-url]",
    "//*[@data-iframely-url]",
    "//figure",
    "//amp-embedly-card",
)
_ADDRESS_ATTRIBUTES = ("data-oembed-url", "data-extcontent_url", "data-embed-url", "data-href", "data-iframely-url")
# Iframely's own short address of what it shows (iframe.ly/ID, cdn.iframe.ly/ID, iframely.net/ID): its
# embed code is <a href="ORIGINAL" data-iframely-url="//iframely.net/ID"> in a div.iframely-embed,
# or an iframe of that address; only the href, or a url= in the address's query, names the post.
_IFRAMELY_ID = re.compile(r"^https?://(?:cdn\.)?(?:iframe\.ly|iframely\.net)/[A-Za-z0-9]+/?(?:[?#]|$)", re.I)
# Elements whose text a consent or two-click placeholder keeps an embed code in.
_TEXT_HOLDERS = ("textarea", "template", "noscript")
# Embedly's card: <a class="embedly-card" href="POST"> (or a blockquote.embedly-card around such a
# link), turned into the card by Embedly's platform.js. Only the class makes a link an embed: the
# links are gathered in the one walk of the tree, and only those with the class are read.
_CARD_CLASS = "embedly-card"

_TAG_STEP = re.compile(r"^//([\w-]+)$")
_ATTRIBUTE = re.compile(r"@([\w-]+)")


def _candidates(root: Any, source: str, holders: list[Any] | None = None) -> tuple[list[Any], bool]:
    """The elements any platform's XPath selects in a tree, once each, in document order; and
    whether an attribute of the page may hold an embed code. ``holders``, when given, receives the
    elements whose text may hold one (gathered in the same walk of the tree)."""
    selectors = _selectors()
    tags = selectors.tags
    if holders is None:
        elements: list[Any] = list(root.iter(*tags))
    else:
        elements = []
        for element in root.iter(*tags, *_TEXT_HOLDERS, "a"):
            tag = element.tag
            if tag == "a":
                if _CARD_CLASS in (element.get("class") or ""):  # _placeholder reads the class exactly
                    elements.append(element)
            else:
                (holders if tag in _TEXT_HOLDERS else elements).append(element)
    present, code = selectors.present(source)
    extra: list[Any] = []
    for selector, attributes in selectors.predicates:
        if attributes and not present.intersection(attributes):
            continue
        extra.extend(cast("list[Any]", selector(root)))
    if extra:
        seen = set(elements)
        elements.extend(element for element in dict.fromkeys(extra) if element not in seen)
        # Every node, not iter(*tags): a tag the HTML parser kept may be one lxml will not look up.
        order = {element: index for index, element in enumerate(root.iter())}
        elements.sort(key=lambda element: order.get(element, 0))
    return elements, code


def _from_markup(
    document: Document, all_platforms: tuple[Platform, ...], claimed: set[Any], holders: list[Any]
) -> tuple[list[_Found], bool]:
    """The embed codes in the page's markup; also fills ``holders`` (elements whose text may keep a
    code) and says whether an attribute may hold one."""
    from citecheck.embeds._base import element_location

    found: list[_Found] = []
    elements, code_in_attributes = _candidates(document.tree, document.text, holders)
    for element in elements:
        if claimed and _inside_another(element, claimed):
            continue  # the iframe inside a rendered embed, the <p> inside a blockquote, ...
        for candidate in all_platforms:
            fields = candidate.from_element(element, document)
            if fields:
                break
        else:
            candidate, fields = _placeholder(element, document, all_platforms)
            if not fields and element.get("srcdoc"):
                holders.append(element)  # a privacy extension keeps the original code in srcdoc
        if fields:
            claimed.add(element)
            location = element_location(document, element, fields.get("post_id"))
            found.append(_Found(candidate, fields, location, element, None))
    return found, code_in_attributes


def _placeholder(
    element: Any, document: Document, all_platforms: tuple[Platform, ...]
) -> tuple[Platform, EmbedFields | None]:
    """An element that holds a post's address where no platform's code reads it: a lazy iframe's
    address in an attribute of any name, an Embedly, Iframely or oEmbed wrapper around it, a
    consent placeholder's or a CMS embed block's post URL."""
    from citecheck.embeds._markup import SRC_ATTRIBUTES, attribute_urls, element_like, has_class

    if element.tag == "amp-embedly-card" or (element.tag in ("a", "blockquote") and has_class(element, _CARD_CLASS)):
        return _embedly_card(element, all_platforms)
    if element.tag == "figure":
        if "wp-block-embed" not in (element.get("class") or ""):
            return all_platforms[0], None
    elif element.tag != "iframe" and not any(name in element.attrib for name in _ADDRESS_ATTRIBUTES):
        return all_platforms[0], None  # a quotation's cite= is a source, not an embed
    read: tuple[str, ...] = ()
    if element.tag == "iframe":  # the address every platform read already (source_url's choice)
        read = next(((name,) for name in SRC_ATTRIBUTES if element.get(name) and "//" in element.get(name)), ())
    urls = attribute_urls(element, read)
    if element.tag == "figure":
        text = " ".join("".join(element.itertext()).split())
        if text.startswith(("http://", "https://")) and " " not in text:
            urls.append(text)  # a WordPress embed block left as its bare post URL
    for url in urls:
        if element.tag == "iframe":
            # The address as the iframe's own: each platform reads its player URLs.
            # items(), not {**attrib}: looking a name up again fails on one with a control character.
            stand_in = element_like(element, "iframe", {**dict(element.items()), "src": url})
            for candidate in all_platforms:
                fields = candidate.from_element(stand_in, document)
                if fields:
                    return candidate, fields
        for candidate in all_platforms:
            fields = candidate.from_url(url)
            if fields:
                fields["form"] = "iframe" if element.tag == "iframe" else "placeholder"
                return candidate, fields
    _note_iframely_id(document, element, [*urls, *(element.get(name) or "" for name in read)])
    return all_platforms[0], None


def _embedly_card(element: Any, all_platforms: tuple[Platform, ...]) -> tuple[Platform, EmbedFields | None]:
    """Embedly's card of a post: ``<a class="embedly-card" href="POST">``, the card generator's
    ``<blockquote class="embedly-card">`` around a link to it, or AMP's ``amp-embedly-card[data-url]``.
    A card of a page that is no post is no embed."""
    from citecheck.embeds._markup import unwrap

    if element.tag == "amp-embedly-card":
        url = element.get("data-url")
    else:
        link = element if element.tag == "a" else next(element.iter("a"), None)
        url = link.get("href") if link is not None else None
    if url:
        for candidate in all_platforms:
            fields = candidate.from_url(unwrap(url))
            if fields:
                fields["form"] = "amp" if element.tag == "amp-embedly-card" else "placeholder"
                return candidate, fields
    return all_platforms[0], None


def _note_iframely_id(document: Document, element: Any, addresses: list[str]) -> None:
    """An Iframely embed that names what it shows only by Iframely's short ID: which post it is cannot
    be known offline. The report's notes say so (no finding: the page may well be right), and
    nothing is checked."""
    from citecheck.embeds._base import element_location
    from citecheck.embeds._markup import unwrap

    addresses = [unwrap(address) for address in addresses if address]
    if addresses and all(_IFRAMELY_ID.match(address) for address in addresses):
        line = element_location(document, element).line
        document.notes.append(
            f"line {line}: an Iframely embed ({addresses[0]}) names what it shows only by Iframely's own ID:"
            " which post it is cannot be known offline, and it is not checked"
        )


# JSON string escapes an embed code picks up when a CMS keeps the article body in a script.
_JSON_ESCAPES = (("\\/", "/"), ('\\"', '"'), ("\\n", "\n"), ("\\t", " "))
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def _unescape(code: str) -> str:
    code = _UNICODE_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), code)
    for escaped, plain in _JSON_ESCAPES:
        code = code.replace(escaped, plain)
    return code


def _from_scripts(
    document: Document, all_platforms: tuple[Platform, ...], claimed: set[Any], known: set[Any]
) -> list[_Found]:
    """Embed codes that live only inside a script (a JSON copy of the article body, a lazy
    loader): unescaped and parsed on their own, located at their script."""
    found: list[_Found] = []
    # A script's text is its source's, as written (no entities): a page whose source never says
    # "blockquote" has no script to read, and reading every script's text costs more than this test.
    if "blockquote" not in document.text:
        return found
    for script in document.tree.iter("script"):
        code = script.text
        if not code or "blockquote" not in code:
            continue
        state = _json_state(code)
        if state is None:  # a lazy loader's string, not a site's state: its codes are this page's
            found.extend(_from_code(document, _unescape(code), script, "script", all_platforms, claimed, known))
            continue
        for markup in _own_markup(document, state):
            found.extend(_from_code(document, markup, script, "script", all_platforms, claimed, known))
    return found


# A site's state in a script: JSON, or JSON assigned to a variable ("var data = {...}",
# "window.__STATE__ = {...}", "Fusion.globalContent={...}").
_ASSIGNED_JSON = re.compile(r"(?:^|[;\n])\s*(?:(?:var|let|const)\s+)?[\w$.\[\]\"']+\s*=\s*(?=[{\[])")
# Keys whose value names the story an object of a site's state is: its address.
_IDENTITY_KEYS = ("canonical_url", "canonicalUrl", "url", "link", "permalink", "website_url", "share_url", "shareUrl")


def _json_state(code: str) -> list[Any] | None:
    """The JSON values a script holds as a site's state; None when it holds none."""
    import json

    text = code.strip()
    if text[:1] in "{[":
        try:
            return [json.loads(text)]
        except ValueError:
            pass
    decoder = json.JSONDecoder()
    values = []
    for match in _ASSIGNED_JSON.finditer(code):
        try:
            value, _ = decoder.raw_decode(code, match.end())
        except ValueError:
            continue
        values.append(value)
    return values or None


def _own_markup(document: Document, state: list[Any]) -> list[str]:
    """The embed codes in a site's state that belong to the page's own article: those inside an
    object whose address is the page's (or inside no object with an address); on a page that
    renders no article body of its own and whose state names no object by the page's address,
    every one. A site's global state also holds teasers and related stories, whose embeds are no
    part of this article."""
    page = _address_path(document.url) if document.url else None
    own: list[str] = []
    others: list[str] = []
    matched = False  # an object of the state is the page's article
    stack: list[tuple[Any, bool | None]] = [(value, None) for value in reversed(state)]  # in reading order
    while stack:
        value, belongs = stack.pop()
        if isinstance(value, dict):
            addresses = [v for k in _IDENTITY_KEYS if isinstance(v := value.get(k), str) and _is_address(v)]
            if addresses and page is not None:
                belongs = any(_address_path(address) == page for address in addresses)
                matched = matched or belongs
            stack.extend((item, belongs) for item in reversed(value.values()))
        elif isinstance(value, list):
            stack.extend((item, belongs) for item in reversed(value))
        elif isinstance(value, str) and "<" in value and _CODE_START.search(value):
            (others if belongs is False else own).append(value)
    if others and not matched and not _renders_article(document):
        own.extend(others)  # an app shell whose state names its story some other way
    return own


def _is_address(value: str) -> bool:
    return value.startswith(("http://", "https://", "//", "/"))


def _address_path(url: str) -> str:
    """A story's address as compared: its path, without the trailing slash."""
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).path.rstrip("/").lower()
    except ValueError:
        return url


def _renders_article(document: Document) -> bool:
    """Whether the page shows an article body of its own (some prose outside scripts), rather than
    one a script renders from its state."""
    total = 0
    for paragraph in document.paragraphs:
        total += len(paragraph.text)
        if total >= 500:
            return True
    return False


_CODE_START = re.compile(r"<(?:blockquote|iframe|amp-)", re.I)


def _from_hidden(
    document: Document,
    all_platforms: tuple[Platform, ...],
    claimed: set[Any],
    known: set[Any],
    holders: list[Any],
    code_in_attributes: bool,
) -> list[_Found]:
    """Embed codes a consent or two-click placeholder keeps as text until the reader agrees:
    escaped in a <textarea>, <template> or <noscript>, escaped or base64 in an attribute (a
    privacy extension's srcdoc too); parsed on their own and located at their holder."""
    texts = [(element, element.get("srcdoc") if element.tag == "iframe" else element.text) for element in holders]
    texts = [(element, text) for element, text in texts if text and "<" in text]
    if code_in_attributes:
        # Rare (the source has an attribute whose value starts with markup or base64): every element.
        texts.extend(
            (element, value)
            for element in document.tree.iter()
            if isinstance(element.tag, str) and element.tag not in ("script", "style")
            for value in element.attrib.values()
            if value[:1] == "<" or value[:2] == "PG"
        )
    found: list[_Found] = []
    for element, value in texts:
        if element in claimed or _inside_another(element, claimed):
            continue
        code = _hidden_code(value)
        if code is not None:
            found.extend(_from_code(document, code, element, "placeholder", all_platforms, claimed, known))
    return found


def _hidden_code(value: str) -> str | None:
    """The embed code an attribute or text holds, plain or base64; None when it holds none."""
    if _CODE_START.search(value):
        return value
    if "<" in value:
        return None
    import base64
    import binascii

    compact = "".join(value.split())
    try:
        data = base64.b64decode(
            compact + "=" * (-len(compact) % 4), altchars=b"-_" if "-" in compact or "_" in compact else None
        )
        text = data.decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    return text if _CODE_START.search(text) else None


def _from_code(
    document: Document,
    code: str,
    holder: Any,
    where: Literal["script", "placeholder"],
    all_platforms: tuple[Platform, ...],
    claimed: set[Any],
    known: set[Any],
) -> list[_Found]:
    """The embeds in a piece of markup kept as text (a script's string, a placeholder's
    attribute), each a post not found already, located at the element that holds the text."""
    from citecheck.embeds._base import element_location
    from citecheck.load.html import parse_html

    found: list[_Found] = []
    root = parse_html(code)
    if root is None:
        return found
    inner: set[Any] = set()
    for element in _candidates(root, code)[0]:
        if inner and _inside_another(element, inner):
            continue
        for candidate in all_platforms:
            fields = candidate.from_element(element, document)
            if fields and fields.get("post_id") not in known:
                inner.add(element)
                known.add(fields.get("post_id"))
                # Every element form has its two held forms in models.HeldForm (a test checks).
                fields["form"] = cast(HeldForm, f"{fields.get('form')}-in-{where}")
                found.append(_Found(candidate, fields, element_location(document, holder), holder, None))
                break
    if inner:
        claimed.add(holder)
    return found


def _inside_another(element: Any, claimed: set[Any]) -> bool:
    """Whether an element belongs to an embed already found. A blockquote inside a blockquote is
    not: an embed code left unclosed swallows the next one, which is still an embed of its own."""
    for ancestor in element.iterancestors():
        if ancestor in claimed:
            return not (element.tag == "blockquote" and ancestor.tag == "blockquote")
    return False


def _holders(claimed: set[Any]) -> set[Any]:
    """Elements that contain an embed (an <li> around a blockquote): their text is not the article's."""
    return {ancestor for element in claimed for ancestor in element.iterancestors()}


def _from_paragraphs(document: Document, all_platforms: list[Platform], skip: set[Any]) -> list[_Found]:
    found: list[_Found] = []
    seen: set[tuple[str, str]] = set()
    for paragraph in document.paragraphs:
        if paragraph.element is not None and paragraph.element in skip:
            continue
        text = paragraph.text
        if paragraph.element is None and "<!--" in text:
            text = _HTML_COMMENT.sub("", text).strip()  # a suppression comment on the line before a URL
        bare = _BARE_URL.match(text)
        if not bare and paragraph.element is None and document.tree is not None and text.startswith("<"):
            continue  # raw HTML in a Markdown draft: the markup pass has read it
        if bare:
            for candidate in all_platforms:
                fields = candidate.from_url(bare.group(1))
                if fields:
                    where = _shift(document, paragraph, max(paragraph.text.find(bare.group(1)), 0))
                    found.append(_Found(candidate, fields, where, paragraph.element, paragraph.index))
                    break
            continue
        for candidate in all_platforms:
            for start, _end, fields in candidate.from_text(paragraph.text):
                # Nested blocks (<li><p>) give the same text twice.
                key = (candidate.name, repr(sorted((k, str(v)) for k, v in fields.items())))
                if key in seen:
                    continue
                seen.add(key)
                found.append(
                    _Found(candidate, fields, _shift(document, paragraph, start), paragraph.element, paragraph.index)
                )
    return found


def _shift(document: Document, paragraph: Paragraph, start: int) -> Location:
    if paragraph.element is not None or paragraph.offset is None:
        return paragraph.location  # HTML text is folded: the paragraph's start is the honest place
    return document.location_at(paragraph.offset + start)


def _embed(
    document: Document, index: int, item: _Found, article: dict[Any, Paragraph], quoted: set[int], stops: set[Any]
) -> Embed:
    fields = item.fields
    unknown = fields.keys() - EmbedFields.__optional_keys__
    if unknown:  # the model would drop them without a word: a parser's misspelt key is a bug, said loudly
        raise TypeError(f"{item.platform.name} gave fields an embed does not have: {', '.join(sorted(unknown))}")
    embed = Embed(index=index, platform=item.platform.name, location=item.location, also_seen_at=item.also, **fields)
    before, after = _neighbours(document, item, article, quoted, stops)
    embed.paragraph_before, embed.paragraph_after = before, after
    embed.handle_problem = _handle_problem(item.platform, embed)
    if embed.post_id:
        try:
            clock = item.platform.clock(embed.post_id)
        except InvalidPostId as problem:
            embed.id_problem = str(problem)
        else:
            if clock is not None:
                embed.id_clock = clock
                embed.id_time = clock.time
    return embed


def _handle_problem(platform: Platform, embed: Embed) -> str | None:
    """Why the account the embed names cannot exist on its platform: the handle shown, or, when none
    is shown or the same one is, the handle in the post URL (a URL naming another account is
    CC103's)."""
    shown, in_url = embed.handle, embed.url_handle
    if shown:
        problem = platform.handle_problem(shown)
        if problem or not in_url or in_url.casefold() != shown.casefold():
            return problem
    return platform.handle_problem(in_url) if in_url else None


def _neighbours(
    document: Document, item: _Found, article: dict[Any, Paragraph], quoted: set[int], stops: set[Any]
) -> tuple[int | None, int | None]:
    """The article paragraphs just before and just after an embed (not its own text, nor another
    flattened embed's)."""
    paragraphs = document.paragraphs
    if not paragraphs:
        return None, None
    if item.paragraph is not None:
        before, after = item.paragraph - 1, item.paragraph + 1
        return (
            None if before in quoted else _valid(before, paragraphs),
            None if after in quoted else _valid(after, paragraphs),
        )
    if item.element is not None and paragraphs[0].element is not None:
        return _walk(item.element, article, stops, backwards=True), _walk(item.element, article, stops, backwards=False)
    # Markup inside a text document (Markdown): by line.
    lines = [p.line for p in paragraphs]
    own = bisect_right(lines, item.location.line) - 1
    if own >= 0 and paragraphs[own].text.startswith("<"):
        return _valid(own - 1, paragraphs), _valid(own + 1, paragraphs)
    return _valid(own, paragraphs), _valid(own + 1, paragraphs)


def _valid(index: int, paragraphs: list[Paragraph]) -> int | None:
    return index if 0 <= index < len(paragraphs) else None


def _walk(
    element: Any, article: dict[Any, Paragraph], stops: set[Any], *, backwards: bool, limit: int = 400
) -> int | None:
    """The nearest article paragraph in document order, walking away from the embed; None when
    another embed comes first (a run of embeds shares no sentence that dates each one)."""
    node = element
    steps = 0
    while node is not None and steps < limit:
        sibling = node.getprevious() if backwards else node.getnext()
        if sibling is None:
            node = node.getparent()
            if node is not None and node in article and article[node].text:
                return article[node].index
            continue
        node = sibling
        steps += 1
        if not isinstance(node.tag, str):
            continue
        candidates = [node, *node.iterdescendants()]
        if backwards:
            candidates.reverse()
        for candidate in candidates:
            if candidate in article and article[candidate].text:  # a spacer <p>&nbsp;</p> is no context
                return article[candidate].index
            if candidate in stops:
                return None
    return None
