"""TikTok: the blockquote code, player iframes, the copied "@user caption ♬ sound" line, bare video URLs,
and the seconds clock in the top 32 bits of video IDs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

from citecheck.embeds._base import Platform, handle_length_and_alphabet, utc
from citecheck.embeds._clocks import not_future, numeric_id
from citecheck.embeds._markup import has_class, source_url, unwrap
from citecheck.errors import InvalidPostId
from citecheck.models import Document, Embed, EmbedFields, IdClock
from citecheck.text import clean, text_of

# Usernames have letters, digits, underscores and periods: at least 2, and at most 24 by the
# long-standing rule or about 30 since TikTok raised it (accounts of both show in pages). Only what no
# rule allows is reported: over 30. The patterns read up to 48, so a longer one is kept and reported.
MIN_USERNAME, MAX_USERNAME = 2, 30
_USERNAME_CHARACTERS = re.compile(r"[A-Za-z0-9._]+")
POST_URL = re.compile(r"https?://(?:(?:www|m)\.)?tiktok\.com/@(?P<user>[\w.]{1,48})/(?:video|photo)/(?P<id>\d+)", re.I)
PLAYER_URL = re.compile(r"https?://(?:www\.)?tiktok\.com/(?:embed(?:/v2)?|player/v1)/(?P<id>\d+)", re.I)
# Copied out of the page the code becomes "@user caption #tags ♬ original sound - user".
_FLATTENED = re.compile(
    r"(?<![\w@])@(?P<handle>[\w.]{2,48})\s+(?P<caption>[^\n♬]{0,2200}?)\s*♬\s*(?P<sound>[^\n]{1,120})"
)


class TikTok(Platform):
    name = "tiktok"
    title = "TikTok"
    launched = dt.date(2016, 9, 1)
    launched_source = (
        "Douyin, whose video IDs TikTok shares, launched September 2016; TikTok abroad 2017 (Wikipedia: TikTok)"
    )
    hosts = ("tiktok.com", "www.tiktok.com", "m.tiktok.com", "vm.tiktok.com")
    # What docs/platforms.md's table says of this platform (generated from here with cog).
    doc_forms = '`blockquote.tiktok-embed[cite][data-video-id]`, `iframe` of `/embed/v2/ID`, flattened "@user caption ♬ sound", bare `/@user/video/ID` URLs'
    doc_date = "never"
    doc_clock = "`id >> 32` Unix seconds, ±60 s"
    doc_tolerance = "–"
    doc_handle = (
        "2 to 30 letters A-Z, digits, underscores and periods (the limit was 24 until TikTok raised it:"
        " a 25-30 character handle is not reported); read up to 48"
    )
    text_markers: ClassVar[tuple[str, ...]] = ("tiktok", "♬")
    xpath: ClassVar[str] = "//blockquote | //iframe | //amp-tiktok"

    def from_element(self, element: Any, document: Document) -> EmbedFields | None:
        if element.tag == "blockquote":
            return _blockquote(element) if has_class(element, "tiktok-embed") else None
        if element.tag == "amp-tiktok":
            return _amp(element)
        match = PLAYER_URL.match(source_url(element))
        if not match:
            return None
        video = match.group("id")
        return {"form": "iframe", "post_id": video, "post_url": f"https://www.tiktok.com/embed/v2/{video}"}

    def from_text(self, text: str) -> list[tuple[int, int, EmbedFields]]:
        if "♬" not in text:
            return []
        return [(m.start(), m.end(), _flattened(m)) for m in _FLATTENED.finditer(text)]

    def from_url(self, url: str) -> EmbedFields | None:
        match = POST_URL.match(url.strip())
        return {"form": "bare-url", **_url_fields(match)} if match else None

    def clock(self, post_id: str) -> IdClock | None:
        number = numeric_id(post_id, "video ID")
        if number < 1 << 32:
            raise InvalidPostId(f"video ID {post_id} is too small to carry TikTok's clock")
        time = not_future(utc(number >> 32), f"video ID {post_id}")
        # The top 32 bits count whole seconds; uploads showed under a minute to the displayed time.
        return IdClock(time=time, method="tiktok-seconds", error_seconds=60.0)

    def handle_problem(self, handle: str) -> str | None:
        letters = "the letters A-Z, digits, underscores and periods"
        return handle_length_and_alphabet(
            handle, "a TikTok username", MAX_USERNAME, _USERNAME_CHARACTERS, letters, least=MIN_USERNAME
        )

    def shows_date(self, embed: Embed) -> bool:
        return False  # the code and its copy show handle, caption and sound, never a date


PLATFORM = TikTok()


def _amp(element: Any) -> EmbedFields | None:
    """<amp-tiktok data-src>: a video ID, or the video's URL (which names its author)."""
    source = (element.get("data-src") or "").strip()
    if source.isdigit():
        return {"form": "amp", "post_id": source, "post_url": f"https://www.tiktok.com/embed/v2/{source}"}
    match = POST_URL.match(unwrap(source))
    return {"form": "amp", **_url_fields(match)} if match else None


def _url_fields(match: re.Match[str]) -> EmbedFields:
    user, video = match.group("user"), match.group("id")
    return {"post_id": video, "post_url": f"https://www.tiktok.com/@{user}/video/{video}", "url_handle": user}


def _blockquote(element: Any) -> EmbedFields:
    fields: EmbedFields = {"form": "blockquote"}
    cite = POST_URL.match(unwrap(element.get("cite")))
    video = (element.get("data-video-id") or "").strip()
    if cite:
        fields.update(_url_fields(cite))
        if video and video != cite.group("id"):
            fields["id_problem"] = f"its data-video-id {video} and its cite URL's video {cite.group('id')} differ"
    elif video:
        fields.update({"post_id": video, "post_url": f"https://www.tiktok.com/embed/v2/{video}"})
    else:
        fields["id_problem"] = "it has no video URL or data-video-id"
    section = element.find(".//section")
    if section is not None:
        author = section.find("a")
        shown = text_of(author) if author is not None else ""
        if shown.startswith("@"):
            fields["handle"] = shown[1:]
        caption = text_of(section)
        caption = caption.removeprefix(shown).split("♬", 1)[0].strip()
        fields["text"] = caption or None
    return fields


def _flattened(match: re.Match[str]) -> EmbedFields:
    return {
        "form": "flattened-text",
        "handle": match.group("handle"),
        "text": clean(match.group("caption")) or None,
    }
