"""Twitter/X look-ups: t.co and pic.twitter.com links, oEmbed, and the syndication endpoint.

- t.co answers a non-browser User-Agent with a 301 whose Location is the real target; for a
  pic.twitter.com link that is ``https://x.com/HANDLE/status/ID/photo/1``: the post's ID and the
  handle it had when it was posted. Nothing is fetched from the target.
- oEmbed (publish.twitter.com, documented): author and text; 404 missing, 403 protected post or
  closed account. The date in its html is a day, no time.
- syndication (cdn.syndication.twimg.com/tweet-result, undocumented, used by react-tweet): the exact
  ``created_at`` and a ``TweetTombstone`` for protected, withheld and suspended posts.
Both are asked at once; either answer is enough, and their reasons are kept when both fail.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
import re
from typing import Any
from urllib.parse import quote

from citecheck.lookup import wayback
from citecheck.lookup._common import LookupFailed, Response, Session, html_text, iso_time, path_tail
from citecheck.lookup.http import REDIRECTS
from citecheck.models import Embed, PlatformAnswer

PLATFORM = "twitter"
STATUS_URL = re.compile(
    r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?P<handle>[A-Za-z0-9_]{1,15}|i/web|i)"
    r"/status(?:es)?/(?P<id>\d{1,20})(?P<media>/(?:photo|video)/\d+)?",
    re.IGNORECASE,
)
_TCO_CODE = re.compile(r"(?:t\.co|pic\.twitter\.com|pic\.x\.com)/([A-Za-z0-9]+)", re.IGNORECASE)
_META_REFRESH = re.compile(rb"""URL=([^"'>\s]+)""", re.IGNORECASE)
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def js_radix(value: float, radix: int) -> str:
    """``Number.prototype.toString(radix)`` as V8 writes it (DoubleToRadixCString)."""
    negative = value < 0
    value = abs(value)
    integer = math.floor(value)
    fraction = value - integer
    delta = max(0.5 * (math.nextafter(value, math.inf) - value), math.nextafter(0.0, 1.0))
    digits: list[str] = []
    if fraction >= delta:
        while True:
            fraction *= radix
            delta *= radix
            digit = int(fraction)
            digits.append(_DIGITS[digit])
            fraction -= digit
            if (fraction > 0.5 or (fraction == 0.5 and digit & 1)) and fraction + delta > 1:
                # round up, carrying through the digits already written
                while True:
                    if not digits:
                        integer += 1
                        break
                    last = _DIGITS.index(digits.pop())
                    if last + 1 < radix:
                        digits.append(_DIGITS[last + 1])
                        break
                break
            if fraction < delta:
                break
    whole = ""
    number = float(integer)
    while number / radix >= 2**53:  # digits a double cannot represent are written as zeros, as V8 does
        number /= radix
        whole = "0" + whole
    number = float(math.floor(number))
    while True:
        remainder = math.fmod(number, radix)
        whole = _DIGITS[int(remainder)] + whole
        number = (number - remainder) / radix
        if number <= 0:
            break
    text = whole + ("." + "".join(digits) if digits else "")
    return "-" + text if negative else text


def syndication_token(post_id: str) -> str:
    """react-tweet's token: ``((id / 1e15) * Math.PI).toString(36)`` without zeros and the point."""
    return re.sub(r"(0+|\.)", "", js_radix((float(int(post_id)) / 1e15) * math.pi, 36))


def status_of(url: str) -> re.Match[str] | None:
    return STATUS_URL.match(url)


def tco_code(link: str) -> str | None:
    match = _TCO_CODE.search(link)
    return match.group(1) if match else None


async def resolve_link(link: str, session: Session) -> str:
    """Where a t.co / pic.twitter.com link points ("" when t.co knows no such link)."""
    code = tco_code(link)
    if code is None:
        raise LookupFailed(f"{link} is not a t.co or pic.twitter.com link")
    url = f"{session.endpoints['twitter.tco']}/{code}"
    reply = await session.http.get(
        url, allowed_hosts=session.endpoints.allowed_hosts(PLATFORM), accept="text/html", follow=False
    )
    if reply.status in REDIRECTS and reply.location:
        return reply.location
    if reply.status == 200:
        # A browser-like answer: the target sits in a meta refresh.
        found = _META_REFRESH.search(reply.body)
        if found:
            return found.group(1).decode("utf-8", "replace")
    if reply.status == 404:
        return ""
    raise LookupFailed(f"t.co answered HTTP {reply.status} without a target", url)


# What a TweetTombstone's words say happened, most specific first. The words change over the years
# ("Tweet" became "Post" in 2023, "You're" has a curly apostrophe); the keys are what stays.
TOMBSTONE_CAUSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("deleted", ("deleted by", "was deleted", "no longer exists")),
    ("suspended", ("suspended",)),
    ("protected", ("limits who can view", "protected", "not authorized")),
    ("withheld", ("withheld", "legal demand", "age-restricted", "adult content", "violated", "sensitive")),
)
_LEARN_MORE = re.compile(r"\s*Learn more\.?\s*$", re.IGNORECASE)


def tombstone_words(tombstone: Any) -> str:
    """The text of a tombstone: ``{"text": {"text": ...}}``, or a bare string in older answers."""
    said = tombstone.get("text") if isinstance(tombstone, dict) else tombstone
    if isinstance(said, dict):
        said = said.get("text")
    return _LEARN_MORE.sub("", str(said or "")).strip()


def tombstone_cause(words: str) -> str:
    """deleted / suspended / protected / withheld from a tombstone's words; "unavailable" when they
    give no cause ("This Post is unavailable."). An empty tombstone is what an age-restricted or
    withheld post answers: "withheld"."""
    if not words:
        return "withheld"
    lowered = words.casefold().replace("’", "'")
    for cause, keys in TOMBSTONE_CAUSES:
        if any(key in lowered for key in keys):
            return cause
    return "unavailable"


def _from_syndication(data: Any) -> dict[str, Any]:
    """PlatformAnswer fields from a tweet-result body; {"status": "deleted"} when it has no tweet."""
    if not isinstance(data, dict) or not data:
        return {"status": "deleted", "reason": "the syndication endpoint has no such post"}
    if data.get("__typename") == "TweetTombstone":
        words = tombstone_words(data.get("tombstone"))
        cause = tombstone_cause(words)
        reason = (
            f'the platform says: "{words}"'
            if words
            else "the syndication endpoint answers an empty tombstone, as it does for age-restricted and withheld posts"
        )
        return {"status": cause, "reason": reason, "tombstone": True}
    user = data.get("user")
    if not isinstance(user, dict) or not user.get("screen_name"):
        # What a suspended account's post answers: the tweet without its author (react-tweet #144).
        return {"status": "suspended", "reason": "the syndication endpoint answers the post without its author"}
    text = str(data.get("text") or "")
    span = data.get("display_text_range")
    if isinstance(span, list) and len(span) == 2 and all(isinstance(i, int) for i in span):
        text = utf16_slice(text, span[0], span[1])  # drops reply @mentions and the trailing media link
    return {
        "status": "exists",
        "author_handle": user.get("screen_name"),
        "author_name": user.get("name"),
        "author_id": user.get("id_str"),
        "created": iso_time(data.get("created_at")),
        "text": text or None,
        "edited": _edited(data.get("edit_control")),
    }


def _edited(control: Any) -> bool | None:
    """Whether a tweet-result's ``edit_control`` lists more than one version of the post."""
    versions = control.get("edit_tweet_ids") if isinstance(control, dict) else None
    if not isinstance(versions, list):
        initial = control.get("initial_tweet_id") if isinstance(control, dict) else None
        return True if initial else None  # a later version names the first one
    return len(versions) > 1


def utf16_slice(text: str, start: int, end: int) -> str:
    """``text[start:end]`` where start and end count UTF-16 code units, as Twitter's indices do
    (an emoji outside the Basic Multilingual Plane is two of them, and one Python character)."""
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le", "ignore")


def _from_oembed(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise LookupFailed("oEmbed answered something other than a JSON object")
    fields: dict[str, Any] = {
        "status": "exists",
        "author_handle": path_tail(data.get("author_url")),
        "author_name": data.get("author_name"),
    }
    html = str(data.get("html") or "")
    if html:
        import lxml.html

        root = lxml.html.fragment_fromstring(html, create_parent="div")
        paragraphs = root.xpath("//blockquote/p")
        if paragraphs:
            # Without its tail: after the </p> comes the byline, "&mdash; Name (@handle) <a>date</a>".
            fields["text"] = html_text(lxml.html.tostring(paragraphs[0], encoding="unicode", with_tail=False))
        anchors = root.xpath("//blockquote/a[last()]")
        if anchors:
            try:
                day = dt.datetime.strptime(anchors[0].text_content().strip(), "%B %d, %Y")
                # A day, no time: noon UTC keeps it within a day of the post's every time zone.
                fields["created"] = day.replace(hour=12, tzinfo=dt.timezone.utc)
            except ValueError:
                pass
    return fields


async def _oembed(status_url: str, session: Session) -> dict[str, Any]:
    url = f"{session.endpoints['twitter.oembed']}?url={quote(status_url, safe='')}&omit_script=1&dnt=true"
    reply = await session.get_json(PLATFORM, url)
    if reply.status == 404:
        return {"status": "deleted", "endpoint": url, "reason": "oEmbed answers 404: no such post"}
    if reply.status == 403:
        said = _error_text(reply)
        why = f'oEmbed answers 403: "{said}"' if said else "oEmbed answers 403"
        return {"status": "protected", "endpoint": url, "reason": f"{why} (a protected post or a closed account)"}
    if reply.status != 200:
        raise LookupFailed(f"oEmbed answered HTTP {reply.status}", url)
    return {**_from_oembed(reply.json()), "endpoint": url}


def _error_text(reply: Response) -> str | None:
    try:
        data = reply.json()
    except LookupFailed:
        return None
    return str(data.get("error")) if isinstance(data, dict) and data.get("error") else None


async def _syndication(post_id: str, session: Session) -> dict[str, Any]:
    url = f"{session.endpoints['twitter.syndication']}?id={post_id}&token={syndication_token(post_id)}"
    reply = await session.get_json(PLATFORM, url)
    if reply.status == 404:
        return {"status": "deleted", "endpoint": url, "reason": "the syndication endpoint answers 404"}
    if reply.status != 200:
        raise LookupFailed(f"syndication answered HTTP {reply.status}", url)
    return {**_from_syndication(reply.json()), "endpoint": url}


def combine(oembed: dict[str, Any] | BaseException, syndication: dict[str, Any] | BaseException) -> dict[str, Any]:
    """One verdict from two sources: a tweet from either wins; else the most specific cause of absence.

    A tombstone that names its cause (deleted by the author, suspended, protected, withheld or
    age-restricted) is the most specific answer there is. A tombstone that names none ("This Post is
    unavailable.") and syndication's "no such post" take their cause from oEmbed: 404 is deleted,
    403 protected. oEmbed's answer alone is the last resort.
    """
    answers = [a for a in (syndication, oembed) if isinstance(a, dict)]
    for answer in answers:
        if answer["status"] == "exists":
            merged = dict(answer)
            for other in answers:  # the other source fills what this one lacks (oEmbed has no time)
                for key, value in other.items():
                    if other["status"] == "exists" and merged.get(key) is None:
                        merged[key] = value
            return merged
    if answers:
        return _absence(
            oembed if isinstance(oembed, dict) else None, syndication if isinstance(syndication, dict) else None
        )
    reasons = [
        f"{name}: {getattr(error, 'reason', None) or error}"
        for name, error in (("oEmbed", oembed), ("syndication", syndication))
        if isinstance(error, BaseException)
    ]
    endpoint = next((getattr(e, "url", None) for e in (oembed, syndication) if getattr(e, "url", None)), None)
    return {"status": "unknown", "failure": "; ".join(reasons), "endpoint": endpoint}


def _absence(oembed: dict[str, Any] | None, syndication: dict[str, Any] | None) -> dict[str, Any]:
    """The verdict when neither source has the post (see ``combine``)."""
    if syndication is None:
        return oembed or {"status": "unknown"}
    named = syndication.get("tombstone") and syndication["status"] != "unavailable"
    verdict = {key: value for key, value in syndication.items() if key != "tombstone"}
    if oembed is not None and not named:
        # Both say it is gone; oEmbed's status code names the cause the syndication answer lacks.
        verdict.update(status=oembed["status"], reason=f"{syndication['reason']}; {oembed['reason']}")
    return verdict


async def lookup(embed: Embed, session: Session) -> PlatformAnswer:
    links = [link for link in embed.links if tco_code(link)]
    results = await asyncio.gather(*(resolve_link(link, session) for link in links), return_exceptions=True)
    resolved: dict[str, str] = {}
    problems: list[str] = []
    for link, result in zip(links, results, strict=True):
        if isinstance(result, BaseException):
            if not isinstance(result, LookupFailed):
                raise result
            problems.append(f"{link}: {result.reason}")
        else:
            resolved[link] = result
    post_id, handle = embed.post_id, embed.url_handle or embed.handle
    if not post_id:
        # A flattened embed names no post; its pic.twitter.com link (a media URL) does.
        for target in resolved.values():
            match = status_of(target)
            if match and match.group("media"):
                post_id, handle = match.group("id"), match.group("handle")
                break
    tco = session.endpoints["twitter.tco"]
    if not post_id:
        why = "; ".join(problems) or "the embed names no post and has no pic.twitter.com link that resolves to one"
        return PlatformAnswer(status="unknown", endpoint=tco, resolved_links=resolved, failure=why)
    status_url = f"https://twitter.com/{handle if handle and '/' not in handle else 'i'}/status/{post_id}"
    answers: tuple[dict[str, Any] | BaseException, dict[str, Any] | BaseException] = await asyncio.gather(
        _oembed(status_url, session), _syndication(post_id, session), return_exceptions=True
    )
    oembed, syndication = answers
    for answer in answers:
        if isinstance(answer, BaseException) and not isinstance(answer, LookupFailed):
            raise answer
    fields = combine(oembed, syndication)
    if problems and fields["status"] == "exists":
        fields["failure"] = "; ".join(problems)
    evidence = PlatformAnswer(post_id=post_id, post_url=status_url, resolved_links=resolved, **fields)
    if evidence.status == "deleted":
        evidence.archived_url = await wayback.closest(status_url, session)
    return evidence
