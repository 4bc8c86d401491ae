"""Inline suppressions in drafts: ``<!-- citecheck: ignore CC203 -->`` and ``ignore-file``.

``ignore CODES`` silences those rules on the next embed after the comment; ``ignore-file CODES``
silences them in the whole file. No codes means every rule. Codes may be prefixes (``CC2``), and
may be separated by spaces or commas; anything after `` -- `` is a free-text reason.
"""

from __future__ import annotations

import re
from typing import Literal

from citecheck.models import Document, Suppression

__all__ = ["find_suppressions", "parse_codes"]

_COMMENT = re.compile(r"<!--\s*citecheck:\s*(ignore-file|ignore)(?=\s|-->)(.*?)-->", re.I | re.S)
_OPENING = re.compile(r"<!--\s*citecheck", re.I)
_CODE = re.compile(r"^CC\d{1,3}$", re.I)


def parse_codes(text: str) -> list[str]:
    """The rule codes in a comment's tail, upper-cased; a ``--`` starts a reason that is not read."""
    head = text.split("--", 1)[0]
    words = [word for word in re.split(r"[\s,]+", head) if word]
    return [word.upper() for word in words if _CODE.match(word)]


def find_suppressions(document: Document) -> list[Suppression]:
    """Every suppression comment in the document's text, in order, with where it sits."""
    text = document.text
    # A short literal-led pattern finds the first one fast; nearly every page has none.
    if _OPENING.search(text) is None:
        return []
    found: list[Suppression] = []
    for match in _COMMENT.finditer(text):
        scope: Literal["next-embed", "file"] = "file" if match.group(1).lower() == "ignore-file" else "next-embed"
        location = document.location_at(match.start())
        found.append(Suppression(rules=parse_codes(match.group(2)), scope=scope, location=location))
    return found
