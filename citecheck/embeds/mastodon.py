"""Mastodon: the 4.3+ blockquote code, the older iframe, the copied "Post by @user@server View on
Mastodon" line, bare status URLs on any server, and the millisecond clock in status IDs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

from citecheck.embeds._base import Platform, utc
from citecheck.embeds._clocks import not_future, numeric_id
from citecheck.embeds._markup import anchors, has_class, source_url, unwrap
from citecheck.models import Document, Embed, EmbedFields, IdClock
from citecheck.text import text_of

# Any server: the path shape is Mastodon's (/@user/ID, /@user@remote/ID, /users/user/statuses/ID).
STATUS_URL = re.compile(
    r"https?://(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)/"
    r"(?:@(?P<user>[\w.]{1,64})(?:@(?P<remote>[a-z0-9-]+(?:\.[a-z0-9-]+)+))?|users/(?P<path_user>[\w.]{1,64})/statuses)"
    r"/(?P<id>\d+)(?P<embed>/embed)?/?(?:[?#]\S*)?$",
    re.I,
)
_POST_BY = re.compile(r"Post by @(?P<user>[\w.]{1,64})@(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)
_FLATTENED = re.compile(_POST_BY.pattern + r"\s*View on Mastodon", re.I)
# The username syntax Mastodon parses every account by (its Account::USERNAME_RE, ASCII letters):
# its own accounts take at most 30 of these characters, but other servers' accounts, shown through
# it, may be longer (it keeps up to 2048): only the characters are checked. The patterns read any
# word character and up to 64, so that an impossible username is kept and reported, not dropped.
_USERNAME = re.compile(r"[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*")
# Statuses before Mastodon 2.0 (October 2017) had small sequential IDs with no clock in them.
_FIRST_SNOWFLAKE_MS = int(dt.datetime(2016, 1, 1, tzinfo=dt.timezone.utc).timestamp() * 1000)


class Mastodon(Platform):
    name = "mastodon"
    title = "Mastodon"
    launched = dt.date(2016, 3, 16)
    launched_source = (
        "development began March 2016, first public release 2016-10-05 (Wikipedia: Mastodon (Software));"
        " the floor is the start of development"
    )
    hosts = ()  # every server is a host: look-ups go to the server in the post URL
    # What docs/platforms.md's table says of this platform (generated from here with cog).
    doc_forms = '`blockquote.mastodon-embed[data-embed-url]` (4.3+), `iframe.mastodon-embed` / any `…/@user/ID/embed` iframe, flattened "Post by @user@server View on Mastodon", bare status URLs on any server'
    doc_date = "never"
    doc_clock = "`id >> 16` Unix ms, ±1 s, **per server**: each server mints its own ID for a status, from the status's claimed time; pre-2.0 small sequential IDs have no clock"
    doc_tolerance = "–"
    doc_handle = "the user part in Mastodon's username syntax (`Account::USERNAME_RE`): ASCII letters, digits and underscores, periods or hyphens only between them; its length is not judged (Mastodon's own accounts take 30, other servers' accounts shown through it up to 2048); read up to 64"
    text_markers: ClassVar[tuple[str, ...]] = ("/@", "Mastodon", "mastodon")
    xpath: ClassVar[str] = "//blockquote | //iframe"

    def from_element(self, element: Any, document: Document) -> EmbedFields | None:
        if element.tag == "blockquote":
            return _blockquote(element) if has_class(element, "mastodon-embed") else None
        match = STATUS_URL.match(source_url(element))
        if not match or not (match.group("embed") or has_class(element, "mastodon-embed")):
            return None
        return {"form": "iframe", **_status_fields(match)}

    def from_text(self, text: str) -> list[tuple[int, int, EmbedFields]]:
        if "Mastodon" not in text:
            return []
        return [
            (m.start(), m.end(), {"form": "flattened-text", "handle": f"{m.group('user')}@{m.group('host')}"})
            for m in _FLATTENED.finditer(text)
        ]

    def from_url(self, url: str) -> EmbedFields | None:
        match = STATUS_URL.match(url.strip())
        return {"form": "bare-url", **_status_fields(match)} if match and not match.group("embed") else None

    def clock(self, post_id: str) -> IdClock | None:
        number = numeric_id(post_id, "status ID")
        ms = number >> 16
        if ms < _FIRST_SNOWFLAKE_MS:
            return None  # a pre-2.0 sequential ID
        time = not_future(utc(ms / 1000), f"status ID {post_id}")
        # Exact to the millisecond on the server that minted it, which sets it from the status's
        # claimed time (remote and backdated statuses included).
        return IdClock(time=time, method="mastodon-snowflake", error_seconds=1.0)

    def handle_problem(self, handle: str) -> str | None:
        user = handle.split("@", 1)[0]
        if not _USERNAME.fullmatch(user):
            return (
                "a Mastodon username has only the letters A-Z, digits and underscores, with periods or"
                f" hyphens only between them; {user!r} is not one"
            )
        return None

    def shows_date(self, embed: Embed) -> bool:
        return False  # the code shows "Post by @user@server"; the date appears only once rendered


PLATFORM = Mastodon()


def _status_fields(match: re.Match[str]) -> EmbedFields:
    host = match.group("host").lower()
    user = match.group("user") or match.group("path_user")
    remote = match.group("remote")
    status = match.group("id")
    account = f"{user}@{remote or host}"
    return {
        "post_id": status,
        "post_url": f"https://{host}/@{user}{'@' + remote if remote else ''}/{status}",
        "url_handle": account,
    }


def _blockquote(element: Any) -> EmbedFields:
    fields: EmbedFields = {"form": "blockquote"}
    candidates = [unwrap(element.get("data-embed-url")), *(href for href, _ in anchors(element))]
    match = next((m for m in map(STATUS_URL.match, candidates) if m), None)
    if match:
        fields.update(_status_fields(match))
    else:
        fields["id_problem"] = "it has no status URL"
    shown = _POST_BY.search(text_of(element))
    if shown:
        fields["handle"] = f"{shown.group('user')}@{shown.group('host')}"
    return fields
