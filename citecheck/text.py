"""Reading text the way a reader sees it, shared by the stages that read HTML and posts."""

from __future__ import annotations

from typing import Any

_tostring: Any = None


def clean(text: str | None) -> str:
    """Text with runs of white space folded, as a reader sees it."""
    # split() and join() fold white space in C, several times faster than a regex over 24,000
    # paragraphs of a page.
    return " ".join(text.split()) if text else ""


def text_of(element: Any, unfolded: str | None = None) -> str:
    """All the text inside an HTML element, white space folded, a line break read as a space (a
    post's "$566,103<br>He's" is two words, where lxml.html's text_content() makes one).

    ``unfolded``, when given, is ``raw_text_of(element)`` already read."""
    # The C iterator ElementPath's ".//br" runs, without parsing the path on every call.
    if next(element.iterdescendants("br"), None) is None:
        return clean(unfolded if unfolded is not None else raw_text_of(element))
    return clean("".join(_pieces(element)))


def raw_text_of(element: Any) -> str:
    """The string value of an element: its text nodes as the tree holds them, white space not
    folded and no space for a <br>. One call in C, a fraction of ``text_of``'s cost: every word
    ``text_of`` reads is in it, so a search for a word can ask this first."""
    global _tostring
    if _tostring is None:
        from lxml import etree  # imported here: a plain-text draft never loads lxml

        _tostring = etree.tostring
    # The text serialiser reads the same text nodes as XPath's string() (libxml2's node content:
    # no comments), at about half the cost of an XPath call.
    return str(_tostring(element, method="text", encoding="unicode", with_tail=False))


def _pieces(element: Any) -> list[str]:
    # The string value of an element (its text nodes, not its comments), with a space for each
    # <br>; walked without recursion, as pages nest elements thousands deep.
    from lxml import etree

    pieces: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            if isinstance(node.tag, str):
                pieces.append(node.text or "")
                if node.tag == "br":
                    pieces.append(" ")
        elif node is not element:
            pieces.append(node.tail or "")
    return pieces
