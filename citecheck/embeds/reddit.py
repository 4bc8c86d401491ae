"""Reddit: the blockquote codes (reddit-embed-bq, and the older reddit-card), embed iframes, the copied
"Title by u/user in subreddit" line, and bare post URLs. Reddit IDs are base-36 counters: no clock."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

from citecheck.embeds._base import Platform, handle_length_and_alphabet
from citecheck.embeds._markup import anchors, source_url
from citecheck.errors import InvalidPostId
from citecheck.models import Document, ElementForm, Embed, EmbedFields, IdClock
from citecheck.text import clean, text_of

POST_URL = re.compile(
    r"https?://(?:(?:www|old|new|np|embed|m)\.)?(?:reddit\.com|redditmedia\.com)"
    r"/r/(?P<sub>\w{2,21})/comments/(?P<id>[^/?#\s]+)(?:/(?P<slug>[^/?#\s]*)(?:/(?P<comment>[^/?#\s]+))?)?",
    re.I,
)
SHORT_URL = re.compile(r"https?://(?:www\.)?redd\.it/(?P<id>\w+)/?$", re.I)
# Usernames have 3 to 20 letters A-Z, digits, hyphens and underscores (Reddit's sign-up rules). The
# patterns read up to 40 word characters, so that a longer one is kept and reported, not dropped.
# Only the upper bound and the characters are judged.
MAX_USERNAME = 20
_USERNAME_CHARACTERS = re.compile(r"[A-Za-z0-9_-]+")
_USER_URL = re.compile(r"https?://(?:(?:www|old|new)\.)?reddit\.com/(?:user|u)/(?P<user>[\w-]{1,40})/?", re.I)
_FLATTENED = re.compile(r"^(?P<title>[^\n]{1,300}?)\s+by\s+u/(?P<user>[\w-]{3,40})\s+in\s+(?:r/)?(?P<sub>\w{2,21})\s*$")
_BASE36 = re.compile(r"^[0-9a-z]{1,13}$")


class Reddit(Platform):
    name = "reddit"
    title = "Reddit"
    launched = dt.date(2005, 6, 23)
    launched_source = "reddit.com launched 2005-06-23 (Wikipedia: Reddit)"
    hosts = ("reddit.com", "www.reddit.com", "old.reddit.com", "redd.it", "embed.reddit.com")
    # What docs/platforms.md's table says of this platform (generated from here with cog).
    doc_forms = '`blockquote.reddit-embed-bq`, old `blockquote.reddit-card`, `embed.reddit.com` iframes, flattened "Title by u/user in sub", bare `/r/SUB/comments/ID` and `redd.it` URLs'
    doc_date = "never (reddit-card's `data-card-created` is when the code was made, not the post)"
    doc_clock = "none; IDs must be base 36 (`[0-9a-z]`), else CC104"
    doc_tolerance = "–"
    doc_handle = (
        "at most 20 letters A-Z, digits, hyphens and underscores (Reddit's sign-up rule: 3 to 20); read up to 40"
    )
    text_markers: ClassVar[tuple[str, ...]] = ("reddit", "redd.it", " u/")
    xpath: ClassVar[str] = "//blockquote | //iframe"

    def from_element(self, element: Any, document: Document) -> EmbedFields | None:
        if element.tag == "blockquote":
            classes = (element.get("class") or "").split()
            if "reddit-embed-bq" in classes or "reddit-card" in classes:
                return _blockquote(element, "blockquote" if "reddit-embed-bq" in classes else "card")
            return None
        match = POST_URL.match(source_url(element))
        return {"form": "iframe", **_post_fields(match)} if match else None

    def from_text(self, text: str) -> list[tuple[int, int, EmbedFields]]:
        if " u/" not in text:
            return []
        match = _FLATTENED.match(text.strip())
        if not match:
            return []
        fields: EmbedFields = {
            "form": "flattened-text",
            "handle": match.group("user"),
            "text": clean(match.group("title")),
        }
        return [(0, len(text), fields)]

    def from_url(self, url: str) -> EmbedFields | None:
        url = url.strip()
        match = POST_URL.match(url)
        if match:
            return {"form": "bare-url", **_post_fields(match)}
        short = SHORT_URL.match(url)
        if short:
            return {
                "form": "bare-url",
                "post_id": short.group("id"),
                "post_url": f"https://redd.it/{short.group('id')}",
            }
        return None

    def clock(self, post_id: str) -> IdClock | None:
        if not _BASE36.match(post_id):
            raise InvalidPostId(f"post ID {post_id!r} is not a base-36 Reddit ID (digits and a-z)")
        return None

    def handle_problem(self, handle: str) -> str | None:
        return handle_length_and_alphabet(
            handle,
            "a Reddit username",
            MAX_USERNAME,
            _USERNAME_CHARACTERS,
            "the letters A-Z, digits, hyphens and underscores",
        )

    def shows_date(self, embed: Embed) -> bool:
        return False  # neither code shows the post's date (reddit-card's data-card-created is the code's own)


PLATFORM = Reddit()


def _post_fields(match: re.Match[str]) -> EmbedFields:
    sub, post = match.group("sub"), match.group("id")
    comment = match.group("comment")
    url = f"https://www.reddit.com/r/{sub}/comments/{post}/"
    if comment:
        url += f"{match.group('slug') or '_'}/{comment}/"
    return {"post_id": comment or post, "post_url": url}


def _blockquote(element: Any, form: ElementForm) -> EmbedFields:
    fields: EmbedFields = {"form": form}
    links = anchors(element)
    post = next(((m, a) for m, a in ((POST_URL.match(h), a) for h, a in links) if m), None)
    if post is None:
        fields["id_problem"] = "it has no link to a Reddit post"
    else:
        fields.update(_post_fields(post[0]))
        shown = text_of(post[1])
        # A comment's code links the comment as "Comment": a placeholder widgets.js fills, not a quote.
        if not (post[0].group("comment") and shown.casefold() == "comment"):
            fields["text"] = shown or None
    for href, anchor in links:
        user = _USER_URL.match(href)
        if user:
            shown = text_of(anchor)
            fields["url_handle"] = user.group("user")
            if shown.lower().startswith(("u/", "/u/")):
                fields["handle"] = shown.split("u/", 1)[1]
            break
    return fields
