"""The clocks inside post IDs that several platforms share (reference/embeds.md section 2).

Pure functions from an ID to a UTC time; each raises ``InvalidPostId`` for an ID that cannot exist.
"""

from __future__ import annotations

import datetime as dt

from citecheck.embeds._base import utc
from citecheck.errors import InvalidPostId

# An ID minted "in the future" by more than this cannot exist yet (server clocks run a little apart).
FUTURE_SLACK = dt.timedelta(days=1)

SHORTCODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_SHORTCODE_VALUE = {ch: i for i, ch in enumerate(SHORTCODE_ALPHABET)}
# Instagram's sharded media IDs: 41 bits of milliseconds since this epoch above 23 bits of shard and
# sequence (unfurl parse_instagram.py). Threads posts are Instagram media and share the scheme.
INSTAGRAM_EPOCH_MS = 1314220021721
# Media IDs minted before the sharded scheme (2010-2011) were small sequential numbers: no clock.
_FIRST_SHARDED_MEDIA_ID = 1000 << 23
# A public shortcode is at most 11 characters; private posts append a 28-character tail.
_PRIVATE_TAIL = 28

TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
_TID_VALUE = {ch: i for i, ch in enumerate(TID_ALPHABET)}


def not_future(time: dt.datetime, what: str) -> dt.datetime:
    """``time`` unchanged, or ``InvalidPostId`` when the ID claims a time that has not come yet."""
    if time > dt.datetime.now(dt.timezone.utc) + FUTURE_SLACK:
        raise InvalidPostId(f"{what} decodes to {time:%Y-%m-%d}, a time that has not come yet")
    return time


def numeric_id(post_id: str, what: str, max_bits: int = 64) -> int:
    """A decimal post ID as an int, or ``InvalidPostId`` when it is not one."""
    if not post_id.isascii() or not post_id.isdigit():
        # Arabic-Indic or fullwidth digits are digits to Python's int(), never in a platform's URL.
        digits = " in ASCII digits, as the platform writes its IDs" if post_id.isdigit() else ""
        raise InvalidPostId(f"{what} {post_id!r} is not a number{digits}")
    number = int(post_id)
    if number >= 1 << max_bits:
        raise InvalidPostId(f"{what} {post_id} is larger than any {max_bits}-bit ID")
    return number


def shortcode_media_id(shortcode: str) -> int:
    """The media ID an Instagram / Threads shortcode spells in URL-safe base64."""
    code = shortcode[:-_PRIVATE_TAIL] if len(shortcode) > 12 else shortcode
    if not code or len(code) > 12 or any(ch not in _SHORTCODE_VALUE for ch in code):
        raise InvalidPostId(f"shortcode {shortcode!r} is not a post shortcode (1-12 of A-Z a-z 0-9 - _)")
    number = 0
    for ch in code:
        number = number * 64 + _SHORTCODE_VALUE[ch]
    if number >= 1 << 64:
        raise InvalidPostId(f"shortcode {shortcode!r} spells a number beyond any 64-bit media ID")
    return number


def shortcode_time(shortcode: str) -> dt.datetime | None:
    """When an Instagram-scheme media was created; None for pre-2011 sequential media IDs."""
    media_id = shortcode_media_id(shortcode)
    if media_id < _FIRST_SHARDED_MEDIA_ID:
        return None
    return not_future(utc(((media_id >> 23) + INSTAGRAM_EPOCH_MS) / 1000), f"shortcode {shortcode}")


def tid_time(tid: str) -> dt.datetime:
    """The microsecond clock in an AT Protocol TID (atproto.com/specs/tid)."""
    if len(tid) != 13 or any(ch not in _TID_VALUE for ch in tid):
        raise InvalidPostId(f"record key {tid!r} is not a TID (13 of 2-7 a-z)")
    if _TID_VALUE[tid[0]] >= 16:
        raise InvalidPostId(f"record key {tid!r} sets the top bit a TID keeps at zero")
    number = 0
    for ch in tid:
        number = number * 32 + _TID_VALUE[ch]
    return not_future(utc((number >> 10) / 1_000_000), f"record key {tid}")


def shifted_time(post_id: str, what: str, shift: int, epoch_ms: int = 0, unit: float = 1000.0) -> dt.datetime:
    """Snowflake-style clocks: ``(id >> shift) + epoch_ms`` counted in 1/``unit`` seconds."""
    number = numeric_id(post_id, what)
    return not_future(utc(((number >> shift) + epoch_ms) / unit), f"{what} {post_id}")
