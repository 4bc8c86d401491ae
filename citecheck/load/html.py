"""HTML pages and CMS fragments, parsed once with lxml."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree, html

from citecheck.load.published import page_dates
from citecheck.models import Document, Paragraph
from citecheck.text import text_of

# Elements whose text is running prose; nested ones (a <p> in a <blockquote>) are kept too, so the
# extract stage can tell the text inside an embed from the article's own.
PARAGRAPH_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "pre", "dd")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
# No stage looks elements up by id: not hashing every id attribute saves ~5% of the parse.
_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=False, remove_pis=True, huge_tree=True, collect_ids=False)
# lxml.html's element classes (htmldate, the fallback for pages that state no date, reads only
# those), chosen in C: lxml.html's own lookup calls Python for every element a stage touches.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity
    )
)


def parse_html(text: str, utf8: bytes | None = None) -> Any:
    """The lxml root of a page or fragment; None when there is no markup at all.

    ``utf8``, when given, is ``text`` as UTF-8 bytes already (the file as read): parsed as it is.
    """
    data = utf8 if utf8 is not None else _XML_DECLARATION.sub("", text, count=1).encode("utf-8", "surrogatepass")
    if not data or data.isspace():  # strip() would copy the whole page
        return None
    try:
        return etree.fromstring(data, _PARSER)
    except (etree.ParserError, ValueError):
        return None


def html_paragraphs(document: Document, root: Any) -> list[Paragraph]:
    """Every block of prose, in document order; its text is read when first asked for."""
    return [Paragraph(index, None, None, 1, None, element) for index, element in enumerate(root.iter(*PARAGRAPH_TAGS))]


def canonical_url(root: Any) -> str | None:
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return str(link.get("href")).strip()
    for meta in root.iter("meta"):
        if (meta.get("property") or "").lower() == "og:url" and meta.get("content"):
            return str(meta.get("content")).strip()
    return None


def page_title(root: Any) -> str | None:
    for title in root.iter("title"):
        text = text_of(title)
        if text:
            return text
    return None


def load_html(source: str, text: str, *, utf8: bytes | None = None, find_dates: bool = True) -> Document:
    from citecheck.errors import LoadError

    root = parse_html(text, utf8)
    if root is None:
        raise LoadError(source, "is empty: no markup and no text")
    if root.find("body") is None and root.tag == "html" and not "".join(root.itertext()).strip():
        raise LoadError(source, "is HTML with no body or text")
    document = Document(source=source, kind="html", text=text, tree=root)
    document.url = canonical_url(root)
    document.title = page_title(root)
    if find_dates:
        document.published, document.modified = page_dates(root, document.url)
    document.paragraphs = html_paragraphs(document, root)
    return document
