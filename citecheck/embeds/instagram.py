"""Instagram: blockquote codes (versions 3 to 14), rendered iframes, AMP, copied bylines, bare URLs,
and the clock in the shortcode."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

from citecheck.embeds._base import Platform, handle_length_and_alphabet
from citecheck.embeds._clocks import shortcode_time
from citecheck.embeds._markup import anchors, byline_name, has_class, own_code, source_url, unwrap, with_shown_date
from citecheck.models import Document, Embed, EmbedFields, EmbedForm, IdClock, element_form
from citecheck.text import clean, text_of

POST_URL = re.compile(
    r"https?://(?:www\.)?instagr(?:am\.com|\.am)/(?:(?P<user>(?!p/|reels?/|tv/)[\w.]{1,60})/)?"
    r"(?:p|reels?|tv)/(?P<code>[\w-]{1,60})",
    re.I,
)
# The byline, in the interface languages met in real codes: "A post shared by Name (@handle) on ...".
_SHARED_BY = (
    r"(?:A (?:post|photo|video) (?:shared|posted) by|Ein Beitrag (?:geteilt )?von|Une publication partagée par"
    r"|Una publicación compartida (?:de|por)|Uma publicação compartilhada por|Un post condiviso da"
    r"|Een bericht gedeeld door|Публикация (?:от|пользователя)|Post udostępniony przez|Ett inlägg delat av"
    r"|Et opslag delt af|Et innlegg delt av)"
)
# Up to 60 characters: a username longer than Instagram allows is kept and reported, not dropped.
_HANDLE = r"\(\s*@(?P<handle>[\w.]{1,60})\s*\)"
# What follows the handle: an optional connector ("on", "am", ...) and the date, with the time of day
# and zone when the code shows them ("Jun 16, 2019 at 7:30am PDT", "23. Okt 2017 um 0:31 Uhr").
_DATE_AFTER = (
    r"(?:\s*(?:on|am|le|el|em|il|op|в|dnia|den)\s+|\s+)?"
    r"(?P<date>[^\s()][^\n()]{0,40}?\d{4}(?:,?\s+\S{1,6}\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*Uhr)?"
    r"(?:\s*P[DS]T)?)?)"
)
_BYLINE = re.compile(
    _SHARED_BY + r"\s+(?:(?P<name>" + byline_name("()") + r")\s*)?" + _HANDLE + r"(?:" + _DATE_AFTER + r")?",
    re.I,
)
_TIME_OF_DAY = re.compile(r"(?<![\d:])(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ampm>[ap])?\.?m?\.?", re.I)
_PACIFIC_OFFSETS = {"PDT": -7, "PST": -8}
# The forms that show a date (the blockquote's <time>, a flattened byline).
_DATED_FORMS: tuple[EmbedForm, ...] = ("blockquote", "flattened-text")


class Instagram(Platform):
    name = "instagram"
    title = "Instagram"
    launched = dt.date(2010, 10, 6)
    launched_source = "iOS app released 2010-10-06 (Wikipedia: Instagram)"
    hosts = ("instagram.com", "www.instagram.com", "instagr.am")
    # What docs/platforms.md's table says of this platform (generated from here with cog).
    doc_forms = '`blockquote.instagram-media` (v3-v14), rendered `iframe …/p/CODE/embed`, `amp-instagram`, flattened "A post shared by Name (@handle) on …" (and its German, French, Spanish, Russian, … forms), bare `/p/`, `/reel/`, `/tv/` URLs'
    doc_date = 'v7/v12: `<time datetime>` (exact second); "Jun 16, 2019 at 7:30am PDT" text (US Pacific in every language, to the minute); v14: none'
    doc_clock = (
        "shortcode, base64 → media id, `(id >> 23) + 1314220021721` ms, ±1 s; pre-2011 sequential codes: no clock"
    )
    doc_tolerance = "`<time datetime>`: 2 s; text time: 61 s"
    doc_handle = "at most 30 letters A-Z, digits, periods and underscores; no period first, last or twice in a row (Instagram's sign-up messages); read up to 60"
    text_markers: ClassVar[tuple[str, ...]] = ("instagr", "(@", "( @")
    xpath: ClassVar[str] = "//blockquote | //iframe | //amp-instagram"

    def from_element(self, element: Any, document: Document) -> EmbedFields | None:
        if element.tag == "blockquote":
            return _blockquote(element) if has_class(element, "instagram-media") else None
        if element.tag == "amp-instagram":
            code = element.get("data-shortcode")
            return {"form": "amp", **_code_fields(code, None)} if code else None
        match = POST_URL.match(source_url(element))
        return {"form": "iframe", **_url_fields(match)} if match and "/embed" in match.string else None

    def from_text(self, text: str) -> list[tuple[int, int, EmbedFields]]:
        if "(@" not in text and "( @" not in text:
            return []
        return [(m.start(), m.end(), _byline_fields(m, {"form": "flattened-text"})) for m in _BYLINE.finditer(text)]

    def from_url(self, url: str) -> EmbedFields | None:
        match = POST_URL.match(url.strip())
        return {"form": "bare-url", **_url_fields(match)} if match else None

    def clock(self, post_id: str) -> IdClock | None:
        time = shortcode_time(post_id)
        # The media ID counts milliseconds; 5 of 5 real <time datetime> stamps matched to the second.
        return IdClock(time=time, method="shortcode", error_seconds=1.0) if time else None

    def handle_problem(self, handle: str) -> str | None:
        return username_problem(handle, "an Instagram username")

    def shows_date(self, embed: Embed) -> bool:
        return element_form(embed.form) in _DATED_FORMS  # a held code shows what the code shows

    def time_tolerance(self, embed: Embed) -> dt.timedelta:
        # <time datetime> is the media's own second; the text form shows the minute.
        return dt.timedelta(seconds=(embed.shown_time_precision or 1.0) + 1.0)


PLATFORM = Instagram()

# Usernames (Instagram's sign-up rules, as its error messages state them): at most 30 letters A-Z,
# digits, periods and underscores; no period first or last, nor two in a row.
MAX_USERNAME = 30
_USERNAME_CHARACTERS = re.compile(r"[A-Za-z0-9._]+")


def username_problem(name: str, what: str) -> str | None:
    """Why ``name`` cannot be an Instagram username (``what`` names it in the reason: Threads
    accounts carry their Instagram username); None when it can be one."""
    letters = "the letters A-Z, digits, periods and underscores"
    problem = handle_length_and_alphabet(name, what, MAX_USERNAME, _USERNAME_CHARACTERS, letters)
    if problem:
        return problem
    if name.startswith(".") or name.endswith("."):
        return f"{what} neither starts nor ends with a period"
    if ".." in name:
        return f"{what} has no two periods in a row"
    return None


def _code_fields(code: str, user: str | None) -> EmbedFields:
    return {"post_id": code, "post_url": f"https://www.instagram.com/p/{code}/", "url_handle": user}


def _url_fields(match: re.Match[str]) -> EmbedFields:
    return _code_fields(match.group("code"), match.group("user"))


def _blockquote(element: Any) -> EmbedFields:
    fields: EmbedFields = {"form": "blockquote"}
    permalink = POST_URL.match(unwrap(element.get("data-instgrm-permalink")))
    if permalink is None:
        permalink = next((m for m in (POST_URL.match(href) for href, _ in anchors(element)) if m), None)
    if permalink is not None:
        fields.update(_url_fields(permalink))
    else:
        fields["id_problem"] = "it has no link to an Instagram post"
    caption = _caption(element)
    if caption:
        fields["text"] = caption
    # The byline of this code, not of one an unclosed code swallowed (a thousand of those, each
    # holding the rest of the page, made reading the whole text every time quadratic: 10 s).
    byline = _BYLINE.search(text_of(own_code(element)))
    if byline:
        _byline_fields(byline, fields)
    stamp = element.find(".//time")
    if stamp is not None:
        _time_fields(stamp, fields)
    return fields


def _caption(element: Any) -> str | None:
    # Captioned codes (v7, v12) put the caption in the first <p>'s link; v14 and v3 carry none.
    for paragraph in element.iter("p"):
        text = text_of(paragraph)
        if text and not _BYLINE.search(text) and "(@" not in text and not text.lower().startswith("view "):
            return text
    return None


def _byline_fields(match: re.Match[str], fields: EmbedFields) -> EmbedFields:
    fields["handle"] = match.group("handle")
    fields["display_name"] = clean(match.group("name")) or None
    date_text = match.group("date")
    if date_text and "shown_date_text" not in fields:
        with_shown_date(fields, date_text.strip())
        pacific = _pacific_time(date_text, fields.get("shown_date"))
        if pacific is not None:
            fields["shown_time"] = pacific
            fields["shown_time_precision"] = 60.0
    return fields


def _time_fields(stamp: Any, fields: EmbedFields) -> None:
    from citecheck.load.dates import parse_timestamp

    text = text_of(stamp)
    fields.pop("shown_time", None)
    fields.pop("shown_date", None)
    fields.pop("shown_date_text", None)
    with_shown_date(fields, text or None)
    value = parse_timestamp(stamp.get("datetime") or "")
    if isinstance(value, dt.datetime):
        fields["shown_time"] = value
        fields["shown_time_precision"] = 1.0
        fields.setdefault("shown_date_text", stamp.get("datetime"))
    elif text and fields.get("shown_date"):
        pacific = _pacific_time(text, fields["shown_date"])
        if pacific is not None:
            fields["shown_time"] = pacific
            fields["shown_time_precision"] = 60.0


def _pacific_time(text: str, day: dt.date | None) -> dt.datetime | None:
    """The instant "Jun 16, 2019 at 7:30am PDT" names: Instagram shows US Pacific time in every language."""
    if day is None:
        return None
    after_year = text.split(str(day.year), 1)[-1]
    clock = _TIME_OF_DAY.search(after_year)
    if not clock:
        return None
    hour, minute = int(clock.group("h")), int(clock.group("m"))
    ampm = (clock.group("ampm") or "").lower()
    if ampm:
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    local = dt.datetime.combine(day, dt.time(hour, minute))
    zone = next((name for name in _PACIFIC_OFFSETS if name in text.upper()), None)
    if zone:
        return (local - dt.timedelta(hours=_PACIFIC_OFFSETS[zone])).replace(tzinfo=dt.timezone.utc)
    try:
        from zoneinfo import ZoneInfo

        return local.replace(tzinfo=ZoneInfo("America/Los_Angeles")).astimezone(dt.timezone.utc)
    except (ImportError, KeyError, OSError):
        return None  # no time-zone database: the date alone is still checked
