"""Reading text the way a reader sees it, shared by the stages that read HTML and posts."""

from __future__ import annotations

import re
from typing import Any

_WHITESPACE = re.compile(r"\s+")
_string_value: Any = None


def clean(text: str | None) -> str:
    """Text with runs of white space folded, as a reader sees it."""
    return _WHITESPACE.sub(" ", text or "").strip()


def text_of(element: Any) -> str:
    """All the text inside an HTML element, white space folded (what lxml.html's text_content()
    reads, with plain lxml elements)."""
    global _string_value
    if _string_value is None:
        from lxml import etree  # imported here: a plain-text draft never loads lxml

        _string_value = etree.XPath("string()", smart_strings=False)
    return clean(_string_value(element))
