"""Facebook: the XFBML post code (div.fb-post with its fallback blockquote), the post plugin iframe,
copied "Posted by ... on ..." lines in several languages, and bare post URLs. IDs carry no clock."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from citecheck.embeds._base import Platform
from citecheck.embeds._markup import anchors, byline_name, decoded, source_url, unwrap, with_shown_date
from citecheck.models import Document, Embed, EmbedFields, EmbedForm, IdClock, element_form
from citecheck.text import clean, text_of

_HOST = r"https?://(?:(?:www|m|web|mbasic|business|developers)\.)?facebook\.com"
POST_URL = re.compile(
    _HOST + r"/(?:"
    r"(?P<user>[\w.-]{1,80})/(?:posts|videos|photos(?:/[\w.-]+)?|activity)/(?P<id>pfbid\w+|[\w.-]*\d)"
    r"|(?:permalink|story|photo|video)\.php\?(?P<query>[^\s#]+)"
    r"|watch/?\?v=(?P<watch>\d+)"
    r"|share/[pvr]/(?P<share>\w+)"
    r"|groups/(?P<group>[\w.-]+)/(?:posts|permalink)/(?P<gid>\d+)"
    r")",
    re.I,
)
_PLUGIN = re.compile(_HOST + r"/plugins/(?:post|video)\.php\?", re.I)
# The byline of a copied code, in the interface languages its codes are generated in.
_POSTED_BY = re.compile(
    r"(?:Posted by|Gepostet von|Veröffentlicht von|Publiée? par|Publicado por|Pubblicato da|Geplaatst door"
    r"|Opublikowany przez|Опубликовано|Postado por|Publicerat av|Slået op af)\s+(?P<name>" + byline_name() + r")\s+"
    r"(?:on|am|sur|le|en|em|su|il|op|w dniu|dnia|den|på)\s+(?P<date>[^\n]{6,50}?\d{4})",
    re.I,
)
# Substrings one of which every byline above holds: most paragraphs are skipped without the regex.
_HINTS = (
    "osted by",
    "epostet von",
    "eröffentlicht von",
    "ublié",
    "ublicado por",
    "ubblicato da",
    "eplaatst door",
    "публиковано",
    "ostado por",
    "ublicerat av",
    "publikowany przez",
    "lået op af",
)
_WEEKDAY = re.compile(r"^[^\W\d_]+\.?,\s*")
_NOT_HANDLES = {"profile.php", "permalink.php", "story.php", "photo.php", "watch", "groups", "pages", "share"}
# The forms that show a date: only the XFBML code carries its fallback byline; the iframe and a bare URL show none.
_DATED_FORMS: tuple[EmbedForm, ...] = ("xfbml", "flattened-text")


class Facebook(Platform):
    name = "facebook"
    title = "Facebook"
    launched = dt.date(2004, 2, 4)
    launched_source = "thefacebook.com launched 2004-02-04 (Wikipedia: Facebook)"
    hosts = ("facebook.com", "www.facebook.com", "m.facebook.com", "fb.watch")
    # What docs/platforms.md's table says of this platform (generated from here with cog).
    doc_forms = '`div.fb-post`/`fb-video[data-href]` with its `blockquote.fb-xfbml-parse-ignore`, `iframe` of `plugins/post.php?href=`, `amp-facebook`, flattened "Posted by Name on Thursday, September 7, 2023" (several languages), bare post URLs'
    doc_date = '"Posted by … on DATE", localised, weekday tolerated'
    doc_clock = "none (IDs are not time-ordered)"
    doc_tolerance = "–"
    doc_handle = "not judged: the name in a post or profile URL may be a username (5 or more letters, digits and periods), a Page's name-and-number slug or a short name older than the rule (`zuck`)"
    # Bare URLs name the host; copied codes carry a byline (see _HINTS, the same phrases).
    text_markers: ClassVar[tuple[str, ...]] = ("facebook.com", "fb.watch", *_HINTS)
    xpath: ClassVar[str] = "//div[@data-href] | //iframe | //amp-facebook"

    def from_element(self, element: Any, document: Document) -> EmbedFields | None:
        if element.tag == "div":
            classes = (element.get("class") or "").split()
            if not any(c in ("fb-post", "fb-video", "fb-embedded-post") for c in classes):
                return None
            return _xfbml(element)
        if element.tag == "amp-facebook":
            return _from_post_url(element.get("data-href") or "", "amp")
        src = source_url(element)
        if not _PLUGIN.match(src):
            return None
        href = (parse_qs(urlsplit(src).query).get("href") or [""])[0]
        return _from_post_url(decoded(href), "iframe")

    def from_text(self, text: str) -> list[tuple[int, int, EmbedFields]]:
        found: list[tuple[int, int, EmbedFields]] = []
        if not any(hint in text for hint in _HINTS):
            return found
        for match in _POSTED_BY.finditer(text):
            fields: EmbedFields = {"form": "flattened-text", "display_name": clean(match.group("name"))}
            _date_fields(fields, match.group("date"))
            if "shown_date" in fields:  # "posted by ... on" is common prose; a real byline ends in a date
                found.append((match.start(), match.end(), fields))
        return found

    def from_url(self, url: str) -> EmbedFields | None:
        if not POST_URL.match(url.strip()):
            return None
        return _from_post_url(url.strip(), "bare-url")

    def clock(self, post_id: str) -> IdClock | None:
        return None  # Facebook IDs are not time-ordered in any documented way

    def shows_date(self, embed: Embed) -> bool:
        return element_form(embed.form) in _DATED_FORMS  # a held code shows what the code shows


PLATFORM = Facebook()


def _from_post_url(url: str, form: EmbedForm) -> EmbedFields:
    url = unwrap(url)
    fields: EmbedFields = {"form": form, "post_url": url or None}
    match = POST_URL.match(url)
    if match is None:
        fields["id_problem"] = f"its URL {url!r} is not a Facebook post URL" if url else "it names no post"
        return fields
    user = match.group("user")
    if user and user.lower() not in _NOT_HANDLES and not user.isdigit():
        fields["url_handle"] = user
    post_id = match.group("id") or match.group("watch") or match.group("share") or match.group("gid")
    if match.group("query"):
        query = parse_qs(match.group("query"))
        post_id = next((query[k][0] for k in ("story_fbid", "fbid", "v") if query.get(k)), None)
    if post_id:
        fields["post_id"] = post_id
    else:
        fields["id_problem"] = f"its URL {url!r} names no post ID"
    return fields


def _xfbml(element: Any) -> EmbedFields:
    fields = _from_post_url(element.get("data-href") or "", "xfbml")
    body = element.find(".//blockquote")
    if body is None:
        fields["form"] = "xfbml-empty"  # the fallback byline was stripped: nothing dated to read
        return fields
    paragraph = body.find(".//p")
    if paragraph is not None:
        fields["text"] = text_of(paragraph) or None
    links = [(href, a) for href, a in anchors(body) if paragraph is None or a not in paragraph.iter("a")]
    if links:
        _, date_anchor = links[-1]
        date_text = text_of(date_anchor)
        if any(ch.isdigit() for ch in date_text):
            _date_fields(fields, date_text)
            links = links[:-1]
    if links:
        author_href, author_anchor = links[-1]
        fields["display_name"] = text_of(author_anchor) or None
        handle = _profile_handle(author_href)
        if handle:
            fields["handle"] = handle
    if "shown_date_text" not in fields:
        byline = _POSTED_BY.search(text_of(body))
        if byline:
            _date_fields(fields, byline.group("date"))
    return fields


def _profile_handle(url: str) -> str | None:
    match = re.match(_HOST + r"/([\w.-]{1,80})/?(?:[?#]|$)", url, re.I)
    if match and match.group(1).lower() not in _NOT_HANDLES and not match.group(1).isdigit():
        return match.group(1)
    return None


def _date_fields(fields: EmbedFields, text: str) -> None:
    text = clean(text)
    # "Thursday, September 7, 2023": a weekday is no month, and one English does not know would send
    # the parser through every locale; read the date without it, show it as written.
    with_shown_date(fields, _WEEKDAY.sub("", text))
    fields["shown_date_text"] = text
