"""What every platform file provides, and the small helpers they share.

A platform is one module in this package that defines ``PLATFORM``, an instance of a ``Platform``
subclass. The extract stage finds them by themselves: adding a platform touches no other file.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

from citecheck.models import Document, Embed, EmbedFields, IdClock, Location


class Platform:
    """A social platform's embed codes, flattened text forms, post URLs and ID clock."""

    name: ClassVar[str]
    title: ClassVar[str]
    launched: ClassVar[dt.date]
    launched_source: ClassVar[str]
    # Hosts its posts live on, for recognising bare URLs and for the online allowlist.
    hosts: ClassVar[tuple[str, ...]] = ()
    # XPath selecting the elements where this platform's embed codes start; "" for none.
    xpath: ClassVar[str] = ""
    # Strings (case as written) at least one of which every flattened-text or bare-URL form of this
    # platform contains. A document whose paragraphs have none of them skips this platform's
    # paragraph scan: most pages of an archive quote nothing. Empty: always scan.
    text_markers: ClassVar[tuple[str, ...]] = ()
    # What docs/platforms.md's table says of the platform (generated from these with cog): the
    # forms read, the date shown and where it comes from, the ID clock and its error, CC202's tolerance.
    doc_forms: ClassVar[str] = ""
    doc_date: ClassVar[str] = ""
    doc_clock: ClassVar[str] = ""
    doc_tolerance: ClassVar[str] = ""
    # The handle rule ``handle_problem`` applies, with its source (CC104), for the same page.
    doc_handle: ClassVar[str] = ""

    def from_element(self, element: Any, document: Document) -> EmbedFields | None:
        """The embed's fields when ``element`` is this platform's embed code."""
        return None

    def from_text(self, text: str) -> list[tuple[int, int, EmbedFields]]:
        """Flattened embeds in a run of text: (start, end, fields) each."""
        return []

    def from_url(self, url: str) -> EmbedFields | None:
        """The fields a bare post URL gives (post id, canonical URL, handle in it)."""
        return None

    def clock(self, post_id: str) -> IdClock | None:
        """The creation time inside a post ID; None where the ID has no clock.

        Raises ``InvalidPostId`` for an ID that cannot exist.
        """
        return None

    def handle_problem(self, handle: str) -> str | None:
        """Why a shown handle cannot exist on this platform (too long, a character it forbids); None
        when it can."""
        return None

    def shows_date(self, embed: Embed) -> bool:
        """Whether this kind of embed normally shows a date (CC101 stays quiet where it never does)."""
        return True

    def date_tolerance(self, embed: Embed) -> dt.timedelta:
        """How far a shown date may be from the ID's clock before CC202 fires."""
        return dt.timedelta(days=1)

    def time_tolerance(self, embed: Embed) -> dt.timedelta:
        """How far a shown timestamp (not just a day) may be from the ID's clock."""
        return dt.timedelta(minutes=2)


# Helpers shared by the platform files.


def element_offset(document: Document, element: Any, needle: str | None = None) -> int:
    """The character offset of an element's start tag in the document's text.

    lxml knows only the line; on minified pages many embeds share one, so ``needle`` (a post ID,
    say) finds the right start tag: the last one before the needle.
    """
    line = element.sourceline or 1
    start = document.line_offset(line)
    tag = element.tag if isinstance(element.tag, str) else ""
    end = document.text.find("\n", start)
    if needle:
        at = document.text.find(needle, start)
        if at >= 0:
            found = document.text.rfind("<" + tag, start, at)
            if found >= 0:
                return found
    found = document.text.find("<" + tag, start, end if end >= 0 else len(document.text))
    if found < 0:
        # lxml lowercases tags; a source written <BLOCKQUOTE> needs the slow search.
        lowered = document.text[start : end if end >= 0 else None].lower()
        position = lowered.find("<" + tag)
        found = start + position if position >= 0 else start
    return found


def element_location(document: Document, element: Any, needle: str | None = None) -> Location:
    return document.location_at(element_offset(document, element, needle))


def handle_length_and_alphabet(
    handle: str, what: str, most: int, alphabet: re.Pattern[str], letters: str, least: int = 1
) -> str | None:
    """Why ``handle`` breaks a username rule of ``least`` to ``most`` characters of ``alphabet``
    (``what`` names the handle, ``letters`` the alphabet, in the reason); None when it keeps it.
    Each platform file holds its own numbers and alphabet."""
    if not least <= len(handle) <= most:
        span = f"at most {most}" if least == 1 else f"{least} to {most}"
        return f"{what} has {span} characters; @{handle} has {len(handle)}"
    if not alphabet.fullmatch(handle):
        return f"{what} has only {letters}"
    return None


def utc(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
