"""Twitter / X: every form its posts take in an article, and the clock inside status IDs."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any, ClassVar, Literal

from citecheck.embeds._base import Platform, handle_length_and_alphabet, utc
from citecheck.embeds._clocks import not_future, numeric_id
from citecheck.embeds._markup import attribute_urls, byline_name, has_class, own_code, source_url, with_shown_date
from citecheck.errors import InvalidPostId
from citecheck.models import Document, ElementForm, Embed, EmbedFields, IdClock
from citecheck.text import clean, text_of

# Snowflake: 41 bits of milliseconds since the Twitter epoch, above 22 bits of worker and sequence.
TWITTER_EPOCH_MS = 1288834974657
SNOWFLAKE_START = dt.datetime(2010, 11, 4, 21, 2, 48, tzinfo=dt.timezone.utc)
FIRST_SNOWFLAKE_ID = (int(SNOWFLAKE_START.timestamp() * 1000) - TWITTER_EPOCH_MS) << 22


def snowflake_id(when: dt.datetime, low_bits: int = 0) -> int:
    """The status ID Twitter mints at ``when`` (aware; naive is UTC), worker and sequence bits
    ``low_bits``: the inverse of the ID clock, for tests, benchmarks and constructed cassettes."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return ((int(when.timestamp() * 1000) - TWITTER_EPOCH_MS) << 22) | low_bits


STATUS_URL = re.compile(
    r"https?://(?:(?:www|mobile|m)\.)?(?:twitter|x)\.com/"
    r"(?:#!/)?(?:(?P<handle>\w{1,50})/status(?:es)?|i/web/status|i/status|statuses)/(?P<id>\d+)"
    r"(?P<rest>[^\s\"'<>]*)",
    re.I,
)
# Handles are 1-15 letters, digits or underscores (Twitter's help centre: "Your username cannot be
# longer than 15 characters").
MAX_HANDLE = 15
# The same help page: "only ... letters A-Z, numbers 0-9" and underscores; the patterns below read
# any word character (an accented letter too), so that such a handle is kept and reported.
_HANDLE_CHARACTERS = re.compile(r"[A-Za-z0-9_]+")
_TCO = re.compile(r"(?:https?://)?(?:t\.co|pic\.twitter\.com|pic\.x\.com)/(\w{4,20})", re.I)
# The tail a copied embed leaves: "— Display Name (@handle) October 17, 2025".
_DASH = r"(?:\u2014|\u2013|\u2015|--|&mdash;)"
# The name is optional as a whole, with the white space after it (an empty name is None).
_TAIL = re.compile(
    _DASH
    + r"\s*(?:(?P<name>"
    + byline_name(r"()\u2014")
    # Up to 50 characters, hyphens and periods too: a handle Twitter would refuse (too long, "ana-ruiz")
    # is kept and reported, not dropped with its byline.
    + r")\s*)?\(\s*@(?P<handle>[\w.-]{1,50})\s*\)\s*(?P<rest>[^\n]{0,60})",
)
# A handle of labels joined by periods has a domain name's shape: in a flattened tail it is a Bluesky
# handle ("(@harbourwatch.bsky.social)", bluesky.py reads it), unless the quoted post carries Twitter's
# own links (pic.twitter.com, t.co, a status URL). Both platforms ask twitter_tail, so one reads each.
_DOMAIN_SHAPED = re.compile(r"[\w-]+(?:\.[\w-]+)+")


def twitter_tail(handle: str, before: str) -> bool:
    """Whether a flattened "— Name (@handle) date" tail after the text ``before`` is a tweet's, not a
    Bluesky post's. Only the quoted post counts: the text after the previous byline's "(@"."""
    if not _DOMAIN_SHAPED.fullmatch(handle):
        return True
    quoted = before[before.rfind("(@") + 1 :]
    return "bsky" not in quoted and (_TCO.search(quoted) is not None or STATUS_URL.search(quoted) is not None)


_DATE_END = re.compile(
    r"^(?:(?:[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4})"  # October 17, 2025
    r"|(?:\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]+\.?,?\s+(?:de\s+)?\d{4}(?:\s*(?:г\.|y\.|m\.))?)"  # 17. Oktober 2025
    r"|(?:\d{4}\s*[年년.]\s*\d{1,2}\s*[月월.]\s*\d{1,2}\s*[日일.]?)"  # 2025年10月17日
    r"|(?:\d{4}\.?\s+[^\W\d_]+\.?\s+\d{1,2}\.?))"  # 2025. október 17.
)


class Twitter(Platform):
    name = "twitter"
    title = "Twitter / X"
    launched = dt.date(2006, 3, 21)
    launched_source = "First post, status 20, 2006-03-21 (TweetedAt timeline; Wikipedia: Twitter)"
    hosts = ("twitter.com", "x.com", "www.twitter.com", "mobile.twitter.com", "t.co", "pic.twitter.com")
    # What docs/platforms.md's table says of this platform (generated from here with cog).
    doc_forms = '`blockquote.twitter-tweet`/`-video` (also lazy `blockquote[data-twitter="twitter-tweet"]` holding only the status link), class-less quotes with a status link, `div.embed-twitter`, rendered `data-tweet-id`, the widget\'s rendered `iframe` of `platform.twitter.com/embed/Tweet.html?id=ID`, `amp-twitter` (handle, name, date and text from its fallback blockquote or a status URL in its attributes), Substack\'s `div.tweet[data-attrs]` card (its JSON: URL, handle, name, date, text), flattened "— Name (@handle) date", bare URLs'
    doc_date = "date link text, UTC day (any language)"
    doc_clock = "snowflake: `(id >> 22) + 1288834974657` ms, ±1 ms; before 2010-11-04 interpolated (median 37 min)"
    doc_tolerance = "exact UTC day with `?ref_src`, else ±1 day; interpolated: ±1 day + its error"
    doc_handle = "1 to 15 letters A-Z, digits and underscores (the X help centre); read up to 50 word characters, hyphens and periods (a flattened byline's handle shaped like a domain name is Bluesky's, unless the quoted post holds a pic.twitter.com, t.co or status link)"
    text_markers = ("(@", "( @", "/status")
    xpath: ClassVar[str] = (
        "//blockquote | //amp-twitter | //iframe | //div[@data-embed-id] | //*[@data-tweet-id] | //div[@data-attrs]"
    )

    def from_element(self, element: Any, document: Document) -> EmbedFields | None:
        tag = element.tag
        if tag == "blockquote":
            return _blockquote(element)
        if tag == "amp-twitter":
            return _amp(element)
        if tag == "iframe" and not element.get("data-tweet-id"):
            return _rendered_iframe(source_url(element))
        if element.get("data-attrs") is not None:
            return _substack_card(element) if has_class(element, "tweet") else None
        post_id = element.get("data-tweet-id") or (element.get("data-embed-id") if _marked_twitter(element) else None)
        if not post_id:
            return None
        if element.get("data-permalink-path") or element.get("data-screen-name"):
            return _rendered_timeline_tweet(element, post_id)
        form: ElementForm = (
            "iframe" if tag == "iframe" else ("rendered" if element.get("data-tweet-id") else "div-embed")
        )
        return _from_id(post_id, form)

    def from_text(self, text: str) -> list[tuple[int, int, EmbedFields]]:
        found: list[tuple[int, int, EmbedFields]] = []
        if "(@" not in text and "( @" not in text:
            return found
        previous_end = 0
        for match in _TAIL.finditer(text):
            date_text = _date_prefix(match.group("rest"))
            if date_text is None:
                continue
            end = match.start("rest") + len(date_text)
            quoted = text[previous_end : match.start()]
            if not twitter_tail(match.group("handle"), text[: match.start()]):
                continue  # a Bluesky byline
            fields = _tail_fields(quoted, match.group("name") or "", match.group("handle"), date_text)
            fields["form"] = "flattened-text"
            found.append((previous_end, end, fields))
            previous_end = end
        return found

    def from_url(self, url: str) -> EmbedFields | None:
        match = STATUS_URL.match(url.strip())
        if not match:
            return None
        return {"form": "bare-url", **_url_fields(match)}

    def clock(self, post_id: str) -> IdClock | None:
        return snowflake_clock(post_id)

    def handle_problem(self, handle: str) -> str | None:
        letters = "the letters A-Z, digits and underscores"
        return handle_length_and_alphabet(handle, "a Twitter/X handle", MAX_HANDLE, _HANDLE_CHARACTERS, letters)

    def date_tolerance(self, embed: Embed) -> dt.timedelta:
        # Official codes show the post's UTC calendar day; hand-made ones may show a local day.
        if embed.id_clock and embed.id_clock.method == "interpolated":
            return dt.timedelta(days=1, seconds=embed.id_clock.error_seconds)
        return dt.timedelta(0) if embed.ref_src else dt.timedelta(days=1)


PLATFORM = Twitter()


def _marked_twitter(element: Any) -> bool:
    # A CMS's generic embed wrapper (div.embed-twitter[data-embed-id]): its ID is a tweet's only
    # when the wrapper says so; other platforms' wrappers carry data-embed-id too.
    return element.get("data-embed-type") == "twitter" or "embed-twitter" in (element.get("class") or "")


def snowflake_clock(post_id: str) -> IdClock:
    """The creation time in a status ID: snowflake since 2010-11-04, interpolated before."""
    # IDs are ASCII digits as the platform writes them: "١٨٩٩..." or "１８９９..." is no status ID,
    # nor is a number of more than 64 bits (it was read cut to 20 digits before).
    number = numeric_id(post_id, "status ID")
    if number >= FIRST_SNOWFLAKE_ID:
        time = not_future(utc(((number >> 22) + TWITTER_EPOCH_MS) / 1000), f"status ID {post_id}")
        return IdClock(time=time, method="snowflake", error_seconds=0.001)
    from citecheck.embeds import _pre_snowflake as pre_snowflake

    if number > pre_snowflake.LAST_PRE_SNOWFLAKE_ID:
        raise InvalidPostId(
            f"status ID {post_id} lies in the gap between the last sequential ID "
            f"({pre_snowflake.LAST_PRE_SNOWFLAKE_ID}) and the first snowflake ID ({FIRST_SNOWFLAKE_ID}): "
            "no post ever had it"
        )
    estimate = pre_snowflake.interpolate(number)
    if estimate is None:
        raise InvalidPostId(f"status ID {post_id} is below the first post's ID (20)")
    time, error = estimate
    return IdClock(time=time, method="interpolated", error_seconds=error)


def _url_fields(match: re.Match[str]) -> EmbedFields:
    handle = match.group("handle")
    post_id = match.group("id")
    return {
        "post_id": post_id,
        "post_url": f"https://twitter.com/{handle or 'i/web'}/status/{post_id}",
        "url_handle": handle,
        "ref_src": "ref_src=" in (match.group("rest") or ""),
    }


# The iframe Twitter's widget script renders in place of a blockquote: the status ID is in its query.
_RENDERED_IFRAME = re.compile(
    r"https?://platform\.(?:twitter|x)\.com/embed/(?:Tweet|index)\.html\?(?P<query>\S*)", re.I
)


def _rendered_iframe(src: str) -> EmbedFields | None:
    match = _RENDERED_IFRAME.match(src)
    if not match:
        return None
    from urllib.parse import parse_qs

    post_id = (parse_qs(match.group("query")).get("id") or [""])[0]
    return _from_id(post_id, "iframe") if post_id.isdigit() else None


def _amp(element: Any) -> EmbedFields | None:
    """<amp-twitter data-tweetid>: the ID, and what its fallback blockquote or a status URL in its
    attributes shows (handle, name, date, text)."""
    post_id = (element.get("data-tweetid") or element.get("data-tweet-id") or "").strip()
    fallback = element.find(".//blockquote")
    fields = _blockquote(fallback) if fallback is not None else None
    if fields is None:
        status = next((m for m in map(STATUS_URL.match, attribute_urls(element)) if m), None)
        fields = _url_fields(status) if status else {}
    if post_id:
        if fields.get("post_id") not in (None, post_id):
            fields = {}  # a fallback about another post says nothing about this one
        fields["post_id"] = post_id
        fields.setdefault("post_url", f"https://twitter.com/i/web/status/{post_id}")
        fields.pop("id_problem", None)
    if not fields.get("post_id"):
        return None
    fields["form"] = "amp"
    return fields


def _substack_card(element: Any) -> EmbedFields | None:
    """Substack's own tweet card, <div class="tweet" data-attrs="{JSON}">: the post as Substack
    fetched it (URL, handle, name, date, text)."""
    import json

    try:
        data = json.loads(element.get("data-attrs") or "")
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    match = STATUS_URL.match(str(data.get("url") or ""))
    if not match:
        return None
    fields: EmbedFields = {"form": "card", **_url_fields(match)}
    said: tuple[tuple[str, Literal["handle", "display_name", "text"]], ...] = (
        ("username", "handle"),
        ("name", "display_name"),
        ("full_text", "text"),
    )
    for key, field in said:
        if isinstance(data.get(key), str) and data[key].strip():
            fields[field] = clean(data[key])
    stamp = data.get("date")
    if isinstance(stamp, str):
        from citecheck.load.dates import parse_timestamp

        value = parse_timestamp(stamp)
        if value is None:  # the API's created_at, "Wed Mar 05 12:00:00 +0000 2025"
            with contextlib.suppress(ValueError):
                value = dt.datetime.strptime(stamp.strip(), "%a %b %d %H:%M:%S %z %Y")
        if isinstance(value, dt.datetime):
            fields["shown_time"] = value
    return _with_date(fields)


def _from_id(post_id: str, form: ElementForm) -> EmbedFields | None:
    post_id = post_id.strip()
    return {"form": form, "post_id": post_id, "post_url": f"https://twitter.com/i/web/status/{post_id}"}


def _links(element: Any) -> list[str]:
    links: list[str] = []
    for anchor in element.iter("a"):
        href = anchor.get("href") or ""
        match = _TCO.search(href) or _TCO.search(text_of(anchor))
        if match:
            link = f"https://t.co/{match.group(1)}"
            if link not in links:
                links.append(link)
    return links


def _blockquote(element: Any) -> EmbedFields | None:
    element = own_code(element)  # without the codes an unclosed one swallowed
    classes = (element.get("class") or "").split()
    # Lazy-loading and consent plugins move the class to data-twitter until the script runs.
    classes += (element.get("data-twitter") or "").split()
    official = "twitter-tweet" in classes or "twitter-video" in classes
    status_anchor = None
    for anchor in element.iter("a"):
        if STATUS_URL.match((anchor.get("href") or "").strip()):
            status_anchor = anchor  # the last one is the date link
    tweet_marked = official or element.get("data-tweetid") or any("tweet" in c for c in classes)
    if status_anchor is None and not official:
        return None
    fields: EmbedFields = {"form": "blockquote" if official else "blockquote-classless"}
    if status_anchor is not None:
        match = STATUS_URL.match(status_anchor.get("href").strip())
        assert match is not None
        fields.update(_url_fields(match))
        date_text = text_of(status_anchor)
        # Only text with a digit is a date; CMSs put "Tweet may have been deleted" or the URL there.
        if date_text and any(ch.isdigit() for ch in date_text) and not _LINK_TEXT.match(date_text):
            fields["shown_date_text"] = date_text
        stamp = status_anchor.get("data-datetime")
        if stamp:
            from citecheck.load.dates import parse_timestamp

            value = parse_timestamp(stamp)
            if isinstance(value, dt.datetime):
                fields["shown_time"] = value
    else:
        broken = _broken_post_url(element)
        fields["post_url"] = broken
        fields["id_problem"] = (
            f"its post URL {broken!r} is not a status URL" if broken else "it has no link to the post"
        )
    paragraph = element.find(".//p")
    whole = text_of(element)
    # The last tail is the byline: the quoted text may itself contain a dash and an @mention.
    tails = list(_TAIL.finditer(whole))
    tail = tails[-1] if tails else None
    if paragraph is not None:
        fields["text"] = _strip_links(text_of(paragraph))
        fields["lang"] = paragraph.get("lang") or element.get("data-lang") or element.get("lang")
    elif tail is not None:
        fields["text"] = _strip_links(whole[: tail.start()]) or None
    if tail is not None:
        fields["display_name"] = clean(tail.group("name")) or None
        fields["handle"] = tail.group("handle")
        if "shown_date_text" not in fields:
            fields["shown_date_text"] = _date_prefix(tail.group("rest"))
    else:
        fields.update(_byline(element))
    if not tweet_marked and "handle" not in fields:
        # A quote that merely links a post is not an embed: no byline, no embed markers.
        return None
    fields["links"] = _links(element)
    return _with_date(fields)


_LINK_TEXT = re.compile(r"^(?:https?://|www\.|pic\.twitter\.com|t\.co/)", re.I)
_PROFILE_URL = re.compile(r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(\w{1,50})/?$", re.I)


def _byline(element: Any) -> EmbedFields:
    """Handle and name from a publisher's own tweet card ("Name" and "@handle" profile links)."""
    found: EmbedFields = {}
    for anchor in element.iter("a"):
        profile = _PROFILE_URL.match((anchor.get("href") or "").strip())
        if not profile:
            continue
        text = text_of(anchor)
        if text.startswith("@"):
            found.setdefault("handle", text[1:])
        elif text:
            found.setdefault("display_name", text)
    return found


def _broken_post_url(element: Any) -> str | None:
    candidates = [element.get("data-url"), *(a.get("href") for a in element.iter("a"))]
    for url in candidates:
        # A link that tries to be a post URL; profile links of @mentions in the text are not.
        if url and re.search(r"(?:twitter|x)\.com/", url) and "status" in url:
            return str(url).strip()
    return None


def _rendered_timeline_tweet(element: Any, post_id: str) -> EmbedFields:
    # A page saved from twitter.com itself: the tweet's own markup, with a precise data-time.
    fields: EmbedFields = {
        "form": "rendered",
        "post_id": post_id,
        "handle": element.get("data-screen-name"),
        "display_name": element.get("data-name"),
    }
    path = element.get("data-permalink-path")
    if path:
        match = STATUS_URL.match("https://twitter.com" + path)
        if match:
            fields.update(_url_fields(match))
    for stamp in element.xpath(".//*[@data-time][1]"):
        # A number no clock reaches (99999999999999999999) is no time: OverflowError, or OSError on some systems.
        with contextlib.suppress(TypeError, ValueError, OverflowError, OSError):
            fields["shown_time"] = utc(int(stamp.get("data-time")))
    texts = element.xpath(".//p[contains(@class,'tweet-text')]")
    if texts:
        fields["text"] = text_of(texts[0])
        fields["lang"] = texts[0].get("lang")
    fields["links"] = _links(element)
    return _with_date(fields)


def _with_date(fields: EmbedFields) -> EmbedFields:
    """The shown date read from its text, else the UTC day of a precise timestamp."""
    text = fields.get("shown_date_text")
    if text:
        with_shown_date(fields, text, fields.get("lang"))
    elif isinstance(shown_time := fields.get("shown_time"), dt.datetime):
        fields["shown_date"] = shown_time.astimezone(dt.timezone.utc).date()
    return fields


def _date_prefix(rest: str) -> str | None:
    """The date at the start of what follows "(@handle)", or None when there is none."""
    rest = rest.strip()
    match = _DATE_END.match(rest)
    if match:
        return match.group(0).strip()
    return None


def _strip_links(text: str) -> str:
    """Quoted text without the trailing pic.twitter.com / t.co links a copied embed carries."""
    words = text.split()
    while words and (_TCO.fullmatch(words[-1].rstrip(".,")) or STATUS_URL.fullmatch(words[-1])):
        words.pop()
    return " ".join(words)


def _tail_fields(quoted: str, name: str, handle: str, date_text: str) -> EmbedFields:
    quoted = quoted.strip()
    links = [f"https://t.co/{code}" for code in _TCO.findall(quoted)]
    fields: EmbedFields = {
        "display_name": clean(name) or None,
        "handle": handle,
        "shown_date_text": date_text,
        "text": _strip_links(clean(quoted)) or None,
        "links": links,
    }
    status = STATUS_URL.search(quoted)
    if status:
        fields.update(_url_fields(status))
    return _with_date(fields)
