"""YouTube: player iframes (youtube.com, youtube-nocookie.com, lazy and archived), AMP and lite-youtube
elements, old Flash players, bare video URLs. Video IDs carry no clock, but their shape is checked."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from citecheck.embeds._base import Platform
from citecheck.embeds._markup import source_url
from citecheck.errors import InvalidPostId
from citecheck.models import Document, Embed, EmbedFields, IdClock
from citecheck.text import clean

_HOST = r"(?:https?:)?//(?:(?:www|m|music)\.)?(?:youtube(?:-nocookie)?\.com|youtu\.be)"
PLAYER_URL = re.compile(_HOST + r"/(?:embed|v|e)/(?P<id>[\w-]*)(?P<rest>[^\s\"'<>]*)", re.I)
POST_URL = re.compile(
    _HOST
    + r"/(?:watch\?(?:[^\s#]*&)?v=|shorts/|live/|embed/|(?=[\w-]{11}(?:[?&#]|$)))(?P<id>[\w-]{11})(?:[?&#/]\S*)?$",
    re.I,
)
# A video ID is 64 bits in 11 URL-safe base64 characters: the last one carries 4 bits, so it can only
# be one of these 16.
_VIDEO_ID = re.compile(r"^[\w-]{10}[AEIMQUYcgkosw048]$")
_PLAYLIST_ID = re.compile(r"^(?:PL|UU|LL|FL|OL|RD|UL|OLAK5uy_)[\w-]{8,}$")


class YouTube(Platform):
    name = "youtube"
    title = "YouTube"
    launched = dt.date(2005, 2, 14)
    launched_source = "youtube.com activated 2005-02-14; first video 2005-04-23 (Wikipedia: YouTube)"
    hosts = ("youtube.com", "www.youtube.com", "youtube-nocookie.com", "youtu.be")
    # What docs/platforms.md's table says of this platform (generated from here with cog).
    doc_forms = "`iframe` of `youtube.com/embed/ID` or youtube-nocookie.com (also `data-src`, Wayback-wrapped, `videoseries?list=`), `amp-youtube`, `lite-youtube`, Flash `embed`, bare `watch?v=`, `youtu.be`, `shorts/`, `live/` URLs"
    doc_date = "never"
    doc_clock = (
        "none; a video ID must be 11 base64 characters ending in one of `AEIMQUYcgkosw048` (64 bits), else CC104"
    )
    doc_tolerance = "–"
    doc_handle = "none read: a player shows no handle"
    text_markers: ClassVar[tuple[str, ...]] = ("youtu",)
    xpath: ClassVar[str] = "//iframe | //amp-youtube | //lite-youtube | //embed"

    def from_element(self, element: Any, document: Document) -> EmbedFields | None:
        if element.tag in ("amp-youtube", "lite-youtube"):
            video = element.get("data-videoid") or element.get("videoid")
            return (
                {"form": "amp" if element.tag == "amp-youtube" else "lite", **_video_fields(video)} if video else None
            )
        match = PLAYER_URL.match(source_url(element))
        if not match:
            return None
        fields: EmbedFields = {"form": "iframe" if element.tag == "iframe" else "flash", **_player_fields(match)}
        title = clean(element.get("title"))
        if title and title.casefold() not in ("youtube video player", "youtube player", "youtube"):
            fields["text"] = title
        return fields

    def from_url(self, url: str) -> EmbedFields | None:
        match = POST_URL.match(url.strip())
        return {"form": "bare-url", **_video_fields(match.group("id"))} if match else None

    def clock(self, post_id: str) -> IdClock | None:
        if not (_VIDEO_ID.match(post_id) or _PLAYLIST_ID.match(post_id)):
            raise InvalidPostId(
                f"{post_id!r} is neither a video ID (11 URL-safe base64 characters, the last one of"
                " AEIMQUYcgkosw048) nor a playlist ID"
            )
        return None

    def shows_date(self, embed: Embed) -> bool:
        return False  # a player shows a title and a thumbnail, never a date


PLATFORM = YouTube()


def _video_fields(video: str) -> EmbedFields:
    return {"post_id": video, "post_url": f"https://www.youtube.com/watch?v={video}"}


def _player_fields(match: re.Match[str]) -> EmbedFields:
    video = match.group("id")
    query = parse_qs(urlsplit(match.group("rest")).query)
    playlist = (query.get("list") or [""])[0]
    if video and video != "videoseries":
        return _video_fields(video)
    if playlist:
        # /embed/videoseries?list= and /embed?listType=playlist&list= play a list, not one video.
        return {"post_id": playlist, "post_url": f"https://www.youtube.com/playlist?list={playlist}"}
    return {"post_url": match.group(0), "id_problem": "its player URL names no video and no playlist"}
