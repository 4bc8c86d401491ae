"""Build the cassettes in this folder (and the scenario article they answer) from the scenarios below.

Every body here is CONSTRUCTED, not recorded: shaped field for field after the real responses kept
in ../shared/reference/http (tweepy's oEmbed cassette, reveddit's syndication tweet-result) and
the platforms' documentation, with posts made up to fit the seed article and the scenarios. No
header from a real exchange is copied: no cookie, token, or authorisation is ever written.

    .venv/bin/python cassettes/build.py      # rewrites cassettes/*.yaml and the scenario article
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from citecheck import __version__  # noqa: E402
from citecheck.embeds.twitter import snowflake_id  # noqa: E402
from citecheck.lookup.twitter import syndication_token  # noqa: E402

UA = f"citecheck/{__version__} (+https://pypi.org/project/citecheck/)"
UTC = dt.timezone.utc
YOUTUBE_ACCEPT = "application/json, text/html;q=0.5"  # citecheck.lookup.youtube.ACCEPT


def tid(when: dt.datetime, clock: int = 7) -> str:
    """An AT Protocol TID (a Bluesky record key) of that moment: microseconds << 10 | clock, base 32."""
    number = (int(when.timestamp() * 1_000_000) << 10) | clock
    return "".join("234567abcdefghijklmnopqrstuvwxyz"[(number >> (5 * i)) & 31] for i in range(12, -1, -1))


def mastodon_id(when: dt.datetime, sequence: int = 4321) -> str:
    """A Mastodon (2.0+) status ID of that moment: milliseconds << 16 | sequence."""
    return str((int(when.timestamp() * 1000) << 16) | sequence)


def snowflake(when: dt.datetime, sequence: int = 0) -> str:
    return str(snowflake_id(when, sequence))


def interaction(
    uri: str,
    status: int,
    body: Any,
    headers: dict[str, str] | None = None,
    accept: str = "application/json",
    content_type: str | None = None,
) -> dict[str, Any]:
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    reasons = {200: "OK", 301: "Moved Permanently", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found"}  # fmt: skip
    kind = content_type or (
        "application/json; charset=utf-8" if not isinstance(body, str) else "text/html; charset=utf-8"
    )
    response_headers = {"content-type": [kind]}
    for key, value in (headers or {}).items():
        response_headers[key.lower()] = [value]
    return {
        "request": {
            "body": None,
            "headers": {"Accept": [accept], "User-Agent": [UA]},
            "method": "GET",
            "uri": uri,
        },
        "response": {
            "status": {"code": status, "message": reasons.get(status, "")},
            "headers": response_headers,
            "body": {"string": text},
        },
    }


def write(name: str, interactions: list[dict[str, Any]]) -> None:
    path = HERE / name
    header = (
        "# CONSTRUCTED cassette (not recorded): see cassettes/README.md and cassettes/build.py.\n"
        "# Bodies follow the shapes of the real responses in ../shared/reference/http.\n"
    )
    path.write_text(
        header
        + yaml.safe_dump({"interactions": interactions, "version": 1}, allow_unicode=True, sort_keys=False, width=120),
        encoding="utf-8",
    )
    print(f"wrote {path.relative_to(ROOT)} ({len(interactions)} interactions)")


# -- Twitter bodies, after reference/http/tweepy/testgetoembed.json and reveddit's tweet-result ----


def oembed_uri(handle: str, post_id: str) -> str:
    status = quote(f"https://twitter.com/{handle}/status/{post_id}", safe="")
    return f"https://publish.twitter.com/oembed?url={status}&omit_script=1&dnt=true"


def syndication_uri(post_id: str) -> str:
    return f"https://cdn.syndication.twimg.com/tweet-result?id={post_id}&token={syndication_token(post_id)}"


def oembed(
    handle: str, name: str, post_id: str, text: str, when: dt.datetime, media: str | None = None
) -> dict[str, Any]:
    link = f' <a href="https://t.co/{media}">pic.twitter.com/{media}</a>' if media else ""
    day = f"{when:%B} {when.day}, {when.year}"
    return {
        "url": f"https://twitter.com/{handle}/status/{post_id}",
        "author_name": name,
        "author_url": f"https://twitter.com/{handle}",
        "html": f'<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">{text}{link}</p>&mdash; {name} (@{handle}) '
        f'<a href="https://twitter.com/{handle}/status/{post_id}?ref_src=twsrc%5Etfw">{day}</a></blockquote>\n',
        "width": 550,
        "height": None,
        "type": "rich",
        "cache_age": "3153600000",
        "provider_name": "Twitter",
        "provider_url": "https://twitter.com",
        "version": "1.0",
    }


def tweet(
    handle: str, name: str, post_id: str, text: str, when: dt.datetime, user_id: str, media: str | None = None
) -> dict[str, Any]:
    full = f"{text} https://t.co/{media}" if media else text
    body: dict[str, Any] = {
        "__typename": "Tweet",
        "lang": "en",
        "favorite_count": 0,
        "possibly_sensitive": False,
        "created_at": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "display_text_range": [0, len(text)],
        "entities": {"hashtags": [], "urls": [], "user_mentions": [], "symbols": []},
        "id_str": post_id,
        "text": full,
        "user": {"id_str": user_id, "name": name, "screen_name": handle, "verified": False, "is_blue_verified": False},
        "edit_control": {
            "edit_tweet_ids": [post_id],
            "editable_until_msecs": str(int(when.timestamp() * 1000) + 3600000),
            "is_edit_eligible": False,
            "edits_remaining": "5",
        },
        "conversation_count": 0,
    }
    if media:
        body["entities"]["media"] = [
            {
                "display_url": f"pic.twitter.com/{media}",
                "expanded_url": f"https://x.com/{handle}/status/{post_id}/video/1",
                "indices": [len(text) + 1, len(full)],
                "url": f"https://t.co/{media}",
            }
        ]
    return body


def tco(code: str, target: str) -> dict[str, Any]:
    # t.co answers a non-browser client with a bare 301 (no body worth keeping).
    return interaction(f"https://t.co/{code}", 301, "", {"location": target}, accept="text/html")


def post_interactions(
    handle: str,
    name: str,
    when: dt.datetime,
    text: str,
    user_id: str,
    media: str | None,
    sequence: int,
    current_handle: str | None = None,
) -> tuple[str, list[dict[str, Any]]]:
    post_id = snowflake(when, sequence)
    shown_as = current_handle or handle
    items = []
    if media:
        items.append(tco(media, f"https://x.com/{handle}/status/{post_id}/video/1"))
    items.append(interaction(oembed_uri(handle, post_id), 200, oembed(shown_as, name, post_id, text, when, media)))
    items.append(interaction(syndication_uri(post_id), 200, tweet(shown_as, name, post_id, text, when, user_id, media)))
    return post_id, items


def seed() -> None:
    """The two pic.twitter.com links of ../shared/seed/000_c897fcf79e1402cc.txt."""
    items: list[dict[str, Any]] = []
    _, found = post_interactions(
        "squatsons",
        "ayden",
        dt.datetime(2025, 10, 17, 20, 31, 7, tzinfo=UTC),
        "Trump and Zelensky discussing potential Tomahawks for drones exchange. Trump quickly changes the subject to how strong US jets are and how they defended Israel.",
        "1421918733465174017",
        "dcAffilGRA",
        0,
    )
    items += found
    _, found = post_interactions(
        "vioryvideo",
        "Viory Video",
        dt.datetime(2025, 10, 22, 14, 5, 41, tzinfo=UTC),
        "‘Good compromise’ – Zelensky backs Trump’s call to ‘stay where we are’ after US pres calls for frozen frontline",
        "1278979433412145153",
        "HilwtyHeCA",
        0,
    )
    items += found
    write("twitter_seed.yaml", items)


def blockquote(handle: str, name: str, post_id: str, text: str, day: dt.datetime, ref_src: bool = True) -> str:
    query = "?ref_src=twsrc%5Etfw" if ref_src else ""
    return (
        f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{text}</p>&mdash; {name} (@{handle}) '
        f'<a href="https://twitter.com/{handle}/status/{post_id}{query}">{day:%B} {day.day}, {day.year}</a></blockquote>'
    )


def scenarios() -> None:
    """One article, one embed per way a post can fail verification (tests/online/articles/scenarios.html)."""
    day = dt.datetime(2025, 10, 14, 15, 0, 0, tzinfo=UTC)
    items: list[dict[str, Any]] = []
    parts: list[str] = []

    # 0 deleted: oEmbed 404, syndication 404, and the Wayback Machine has a copy.
    gone = snowflake(day, 1)
    parts += [
        "<p>A deleted post:</p>",
        blockquote("gone_account", "Gone Account", gone, "We will announce the results tomorrow morning.", day),
    ]
    items += [
        interaction(oembed_uri("gone_account", gone), 404, {"errors": [{"message": "Not Found", "code": 34}]}),
        interaction(syndication_uri(gone), 404, {}),
        interaction(
            f"https://archive.org/wayback/available?url={quote(f'https://twitter.com/gone_account/status/{gone}', safe='')}",
            200,
            {
                "url": f"https://twitter.com/gone_account/status/{gone}",
                "archived_snapshots": {
                    "closest": {
                        "status": "200",
                        "available": True,
                        "url": f"http://web.archive.org/web/20251015080000/https://twitter.com/gone_account/status/{gone}",
                        "timestamp": "20251015080000",
                    }
                },
            },
        ),
    ]

    # 1 protected: oEmbed 403 (its documented error), syndication's TweetTombstone.
    private = snowflake(day, 2)
    parts += [
        "<p>A protected post:</p>",
        blockquote("private_person", "Private Person", private, "Only my followers should see this.", day),
    ]
    items += [
        interaction(
            oembed_uri("private_person", private), 403, {"error": "Sorry, you are not authorized to see this status."}
        ),
        interaction(
            syndication_uri(private),
            200,
            {
                "__typename": "TweetTombstone",
                "tombstone": {
                    "text": {
                        "text": "You’re unable to view this Post because this account owner limits who can view their Posts. Learn more",
                        "entities": [],
                        "rtl": False,
                    }
                },
            },
        ),
    ]

    # 2 renamed: an official code (ref_src) made as @old_citydesk; the account is now @citydesk.
    renamed = snowflake(day, 3)
    text = "Press conference at noon in the city hall."
    parts += ["<p>A renamed account:</p>", blockquote("old_citydesk", "City Desk", renamed, text, day)]
    items += [
        interaction(oembed_uri("old_citydesk", renamed), 200, oembed("citydesk", "City Desk", renamed, text, day)),
        interaction(syndication_uri(renamed), 200, tweet("citydesk", "City Desk", renamed, text, day, "98765")),
    ]

    # 3 impostor: a hand-made code (no ref_src) shows @the_minister; the post is @parody_minister's.
    fake = snowflake(day, 4)
    text = "I resign, effective immediately."
    parts += ["<p>An impostor:</p>", blockquote("the_minister", "The Minister", fake, text, day, ref_src=False)]
    items += [
        interaction(
            oembed_uri("the_minister", fake), 200, oembed("parody_minister", "Not The Minister", fake, text, day)
        ),
        interaction(syndication_uri(fake), 200, tweet("parody_minister", "Not The Minister", fake, text, day, "55555")),
    ]

    # 4 misquoted: the embed says 500 generators and drops a clause; the post says 50.
    misquoted = snowflake(day, 5)
    parts += [
        "<p>A misquoted post:</p>",
        blockquote(
            "aid_agency",
            "Aid Agency",
            misquoted,
            "We have delivered 500 generators to the region and more are coming.",
            day,
        ),
    ]
    actual = "We have delivered 50 generators to the region. More are needed before winter."
    items += [
        interaction(
            oembed_uri("aid_agency", misquoted), 200, oembed("aid_agency", "Aid Agency", misquoted, actual, day)
        ),
        interaction(
            syndication_uri(misquoted), 200, tweet("aid_agency", "Aid Agency", misquoted, actual, day, "44444")
        ),
    ]

    # 5 mis-dated: pasted as text, shows October 3; the post (found through its pic link) is of September 28.
    made = dt.datetime(2025, 9, 28, 7, 45, 0, tzinfo=UTC)
    text = "The bridge reopened to traffic this morning."
    parts.append(
        f"<p>A mis-dated post, pasted as text:</p>\n<p>{text} pic.twitter.com/Mdat3dLink &mdash; Roads Office (@roads_office) October 3, 2025</p>"
    )
    _, found = post_interactions("roads_office", "Roads Office", made, text, "33333", "Mdat3dLink", 6)
    items += found

    # 6 link to another post: the pic link shows @street_reporter's post but points to @someone_else's.
    other = dt.datetime(2025, 10, 20, 9, 0, 0, tzinfo=UTC)
    text = "Crowds gathered outside the court."
    parts.append(
        f"<p>A pic link that belongs to someone else:</p>\n<p>{text} pic.twitter.com/0therP0st1 &mdash; Street Reporter (@street_reporter) October 20, 2025</p>"
    )
    _, found = post_interactions("someone_else", "Someone Else", other, text, "22222", "0therP0st1", 7)
    items += found

    # 7 healthy: everything agrees; no finding.
    fine = snowflake(day, 8)
    text = "Polls close at 8 pm tonight."
    parts += ["<p>A post that checks out:</p>", blockquote("election_office", "Election Office", fine, text, day)]
    items += [
        interaction(
            oembed_uri("election_office", fine), 200, oembed("election_office", "Election Office", fine, text, day)
        ),
        interaction(syndication_uri(fine), 200, tweet("election_office", "Election Office", fine, text, day, "11111")),
    ]

    write("twitter_scenarios.yaml", items)
    article = ROOT / "tests" / "online" / "articles" / "scenarios.html"
    article.parent.mkdir(parents=True, exist_ok=True)
    article.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Scenarios</title>\n'
        '<meta property="article:published_time" content="2025-10-27T12:00:00Z"></head>\n<body><article>\n'
        + "\n".join(parts)
        + "\n</article></body></html>\n",
        encoding="utf-8",
    )
    print(f"wrote {article.relative_to(ROOT)}")


def other_platforms() -> None:
    """Bluesky, Mastodon, TikTok, YouTube and Reddit, shaped after their public API documentation."""
    did = "did:plc:z72i7hdynmk6r22z27h6tvur"
    uri = f"at://{did}/app.bsky.feed.post/3l6oveex3ii2l"
    items = [
        interaction(
            "https://public.api.bsky.app/xrpc/com.atproto.identity.resolveHandle?handle=newsdesk.bsky.social",
            200,
            {"did": did},
        ),
        interaction(
            f"https://public.api.bsky.app/xrpc/app.bsky.feed.getPosts?uris={quote(uri, safe='')}",
            200,
            {
                "posts": [
                    {
                        "uri": uri,
                        "cid": "bafyreib2rxk3rh6kzwq",
                        "author": {
                            "did": did,
                            "handle": "newsdesk.bsky.social",
                            "displayName": "News Desk",
                            "labels": [],
                        },
                        "record": {
                            "$type": "app.bsky.feed.post",
                            "createdAt": "2025-10-14T15:00:00.000Z",
                            "langs": ["en"],
                            "text": "The council voted 7 to 2 to approve the budget.",
                        },
                        "replyCount": 0,
                        "repostCount": 0,
                        "likeCount": 0,
                        "indexedAt": "2025-10-14T15:00:01.000Z",
                        "labels": [],
                    }
                ]
            },
        ),
        interaction(
            f"https://public.api.bsky.app/xrpc/app.bsky.feed.getPosts?uris={quote(f'at://{did}/app.bsky.feed.post/3l6ovgone0000', safe='')}",
            200,
            {"posts": []},
        ),
        interaction(
            "https://mastodon.social/api/v1/statuses/113312345678901234",
            200,
            {
                "id": "113312345678901234",
                "created_at": "2025-10-14T15:00:00.000Z",
                "visibility": "public",
                "url": "https://mastodon.social/@reporter/113312345678901234",
                "content": "<p>The road is closed until Friday.</p>",
                "account": {
                    "id": "1",
                    "username": "reporter",
                    "acct": "reporter",
                    "display_name": "A Reporter",
                    "url": "https://mastodon.social/@reporter",
                },
            },
        ),
        interaction("https://mastodon.social/api/v1/statuses/113399999999999999", 404, {"error": "Record not found"}),
        interaction(
            f"https://www.tiktok.com/oembed?url={quote('https://www.tiktok.com/@dancer/video/7430000000000000000', safe='')}",
            200,
            {
                "version": "1.0",
                "type": "video",
                "title": "New routine #dance",
                "author_url": "https://www.tiktok.com/@dancer",
                "author_name": "Dancer",
                "author_unique_id": "dancer",
                "provider_name": "TikTok",
                "provider_url": "https://www.tiktok.com",
                "html": '<blockquote class="tiktok-embed"></blockquote>',
            },
        ),
        interaction(
            f"https://www.youtube.com/oembed?url={quote('https://www.youtube.com/watch?v=dQw4w9WgXcQ', safe='')}&format=json",
            200,
            {
                "title": "The briefing, in full",
                "author_name": "Gov Channel",
                "author_url": "https://www.youtube.com/@govchannel",
                "type": "video",
                "provider_name": "YouTube",
                "provider_url": "https://www.youtube.com/",
                "version": "1.0",
            },
        ),
        interaction(
            f"https://www.youtube.com/oembed?url={quote('https://www.youtube.com/watch?v=priv4teVid0', safe='')}&format=json",
            403,
            "Forbidden",
            content_type="text/plain; charset=utf-8",
            accept=YOUTUBE_ACCEPT,
        ),
        interaction(
            "https://www.reddit.com/comments/1g3abcd.json",
            200,
            [
                {
                    "kind": "Listing",
                    "data": {
                        "children": [
                            {
                                "kind": "t3",
                                "data": {
                                    "id": "1g3abcd",
                                    "author": "city_reporter",
                                    "author_fullname": "t2_abc123",
                                    "created_utc": 1760454000.0,
                                    "title": "Flooding on Main Street",
                                    "selftext": "",
                                    "subreddit": "news",
                                    "permalink": "/r/news/comments/1g3abcd/flooding_on_main_street/",
                                    "removed_by_category": None,
                                },
                            }
                        ]
                    },
                },
                {"kind": "Listing", "data": {"children": []}},
            ],
        ),
    ]
    write("other_platforms.yaml", items)


# -- Real shapes (issue 17): each body written here after a real recording, named in README.md ----


def wayback(post_url: str, snapshot: str | None) -> dict[str, Any]:
    uri = f"https://archive.org/wayback/available?url={quote(post_url, safe='')}"
    closest = (
        {"closest": {"status": "200", "available": True, "url": snapshot, "timestamp": snapshot.split("/")[4]}}
        if snapshot
        else {}
    )
    return interaction(uri, 200, {"url": post_url, "archived_snapshots": closest})


def tombstone(words: str) -> dict[str, Any]:
    # The syndication endpoint's TweetTombstone: {"text": {"text", "entities", "rtl"}}.
    return {"__typename": "TweetTombstone", "tombstone": {"text": {"text": words, "entities": [], "rtl": False}}}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def tiktok_oembed(handle: str, name: str, video: str, caption: str, unique_id: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "version": "1.0",
        "type": "video",
        "title": caption,
        "author_url": f"https://www.tiktok.com/@{handle}",
        "author_name": name,
        "width": "100%",
        "height": "100%",
        "html": f'<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@{handle}/video/{video}" '
        f'data-video-id="{video}" style="max-width: 605px;min-width: 325px;" > <section> '
        f'<a target="_blank" title="@{handle}" href="https://www.tiktok.com/@{handle}?refer=embed">@{handle}</a> '
        f"<p>{caption}</p> </section> </blockquote>",
        "thumbnail_width": 576,
        "thumbnail_height": 1024,
        "thumbnail_url": f"https://p16-sign.tiktokcdn-us.com/obj/{video}.jpeg",
        "provider_url": "https://www.tiktok.com",
        "provider_name": "TikTok",
    }
    if unique_id:  # since 2023: the handle itself, and which embed product answered
        body.update(author_unique_id=handle, embed_product_id=video, embed_type="video")
    return body


def tiktok_blockquote(handle: str, video: str, caption: str) -> str:
    return (
        f'<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@{handle}/video/{video}" data-video-id="{video}"'
        f' style="max-width: 605px;min-width: 325px;"> <section> <a target="_blank" title="@{handle}"'
        f' href="https://www.tiktok.com/@{handle}?refer=embed">@{handle}</a> {caption}'
        f' <a target="_blank" title="♬ original sound - {handle}" href="https://www.tiktok.com/music/original-sound-{video[:12]}?refer=embed">'
        f"♬ original sound - {handle}</a> </section> </blockquote>"
    )


def reddit_listing(post: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "kind": "Listing",
            "data": {"modhash": "", "children": [{"kind": "t3", "data": post}], "after": None, "before": None},
        },
        {"kind": "Listing", "data": {"modhash": "", "children": [], "after": None, "before": None}},
    ]


def real_shapes() -> None:
    """One article embedding one post per real answer shape of issue 17, and the answers."""
    items: list[dict[str, Any]] = []
    parts: list[str] = []
    day = dt.datetime(2025, 3, 4, 16, 20, 0, tzinfo=UTC)

    # 0 oEmbed only (syndication answers {}, its "no such post"): the oEmbed html's byline must not
    #   become part of the text; a short, correct post gives no finding at all.
    only = snowflake(day, 11)
    text = "Lines are long at the east gate."
    parts += ["<p>A post only oEmbed knows:</p>", blockquote("gate_watch", "Gate Watch", only, text, day)]
    items += [
        interaction(
            oembed_uri("gate_watch", only), 200, oembed("gate_watch", "Gate Watch", only, text, day, "Gat3Ph0to1")
        ),
        interaction(syndication_uri(only), 200, {}),
    ]

    # 1 deleted: oEmbed 404 and the deletion tombstone; the Wayback Machine has a copy.
    deleted = snowflake(day, 12)
    parts += [
        "<p>A post its author deleted:</p>",
        blockquote("quick_deleter", "Quick Deleter", deleted, "The mayor will resign on Friday.", day),
    ]
    deleted_url = f"https://twitter.com/quick_deleter/status/{deleted}"
    items += [
        interaction(oembed_uri("quick_deleter", deleted), 404, {"errors": [{"message": "Not Found", "code": 34}]}),
        interaction(syndication_uri(deleted), 200, tombstone("This Post was deleted by the Post author. Learn more")),
        wayback(deleted_url, f"http://web.archive.org/web/20250304170000/{deleted_url}"),
    ]

    # 2 age-restricted: oEmbed 404 and an EMPTY tombstone. Withheld, not deleted: no Wayback look-up.
    gated = snowflake(day, 13)
    parts += [
        "<p>An age-restricted post:</p>",
        blockquote("late_night_tv", "Late Night TV", gated, "Tonight's uncut interview.", day),
    ]
    items += [
        interaction(oembed_uri("late_night_tv", gated), 404, {"errors": [{"message": "Not Found", "code": 34}]}),
        interaction(syndication_uri(gated), 200, tombstone("")),
    ]

    # 3 a tombstone that names no cause, with oEmbed 404: deleted; the archive has no copy.
    vague = snowflake(day, 14)
    parts += [
        "<p>A post that is just unavailable:</p>",
        blockquote("vanishing_ink", "Vanishing Ink", vague, "Meeting moved to the library.", day),
    ]
    vague_url = f"https://twitter.com/vanishing_ink/status/{vague}"
    items += [
        interaction(oembed_uri("vanishing_ink", vague), 404, {"errors": [{"message": "Not Found", "code": 34}]}),
        interaction(syndication_uri(vague), 200, tombstone("This Post is unavailable.")),
        wayback(vague_url, None),
    ]

    # 4 emoji before the media link: display_text_range counts UTF-16 code units.
    emoji = snowflake(day, 15)
    shown = "Power is back on the east side 🎉🎉 thanks to the night crews ⚡"
    parts += ["<p>A post with emoji:</p>", blockquote("grid_updates", "Grid Updates", emoji, shown, day)]
    body = tweet("grid_updates", "Grid Updates", emoji, shown, day, "70707", "Em0j1Med1a")
    body["display_text_range"] = [0, utf16_len(shown)]
    body["entities"]["media"][0]["indices"] = [utf16_len(shown) + 1, utf16_len(body["text"])]
    items += [
        interaction(
            oembed_uri("grid_updates", emoji),
            200,
            oembed("grid_updates", "Grid Updates", emoji, shown, day, "Em0j1Med1a"),
        ),
        interaction(syndication_uri(emoji), 200, body),
    ]

    # 5 one word changed in a 180-character post: wired -> wireless.
    edited = snowflake(day, 16)
    actual = (
        "Starting Monday every bus on routes 4 and 9 gets wireless charging for phones at each seat, the transit"
        " authority says, after a pilot on route 12 last winter that riders rated highly."
    )
    quoted = actual.replace("wireless", "wired")
    parts += [
        "<p>A post quoted with one word changed:</p>",
        blockquote("transit_auth", "Transit Authority", edited, quoted, day),
    ]
    items += [
        interaction(
            oembed_uri("transit_auth", edited), 200, oembed("transit_auth", "Transit Authority", edited, actual, day)
        ),
        interaction(
            syndication_uri(edited), 200, tweet("transit_auth", "Transit Authority", edited, actual, day, "80808")
        ),
    ]

    # 6-8 YouTube: a private video (403 "Forbidden"; 200 text/html "Forbidden"), embedding turned off (401).
    for video, status, body_text, kind in (
        ("pR1vAteViD0", 403, "Forbidden", "text/plain; charset=utf-8"),
        ("pR1vAteViD4", 200, "Forbidden", "text/html; charset=utf-8"),
        ("nOeMb3dViD8", 401, "Unauthorized", "text/plain; charset=utf-8"),
    ):
        parts.append(
            f'<p>A video:</p>\n<iframe width="560" height="315" src="https://www.youtube.com/embed/{video}"'
            ' title="YouTube video player" frameborder="0" allowfullscreen></iframe>'
        )
        watch = quote(f"https://www.youtube.com/watch?v={video}", safe="")
        items.append(
            interaction(
                f"https://www.youtube.com/oembed?url={watch}&format=json",
                status,
                body_text,
                content_type=kind,
                accept=YOUTUBE_ACCEPT,
            )
        )

    # 9 Reddit self-post with a body: the embed shows the title only.
    parts.append(
        '<p>A self-post:</p>\n<blockquote class="reddit-embed-bq" data-embed-height="316"><a href="https://www.reddit.com/r/exampletown/comments/1j3selfp/water_main_break_on_elm/">Water main break on Elm</a><br> by <a href="https://www.reddit.com/user/elm_resident/">u/elm_resident</a> in <a href="https://www.reddit.com/r/exampletown/">exampletown</a></blockquote>'
    )
    items.append(
        interaction(
            "https://www.reddit.com/comments/1j3selfp.json",
            200,
            reddit_listing(
                {
                    "domain": "self.exampletown",
                    "subreddit": "exampletown",
                    "selftext_html": '&lt;!-- SC_OFF --&gt;&lt;div class="md"&gt;&lt;p&gt;Crews say 40 homes have no water until 6 pm.&lt;/p&gt;&lt;/div&gt;&lt;!-- SC_ON --&gt;',
                    "selftext": "Crews say 40 homes have no water until 6 pm. Boil notices went out to 3 streets.",
                    "id": "1j3selfp",
                    "author": "elm_resident",
                    "author_fullname": "t2_9elmres",
                    "name": "t3_1j3selfp",
                    "is_self": True,
                    "title": "Water main break on Elm",
                    "permalink": "/r/exampletown/comments/1j3selfp/water_main_break_on_elm/",
                    "url": "https://www.reddit.com/r/exampletown/comments/1j3selfp/water_main_break_on_elm/",
                    "created_utc": 1741104000.0,
                    "removed_by_category": None,
                    "edited": False,
                }
            ),
        )
    )

    # 10 Reddit, old .json escaping: "&" and ">" arrive as entities.
    parts.append(
        '<p>A post with an ampersand:</p>\n<blockquote class="reddit-embed-bq" data-embed-height="316"><a href="https://www.reddit.com/r/exampletown/comments/1j3qanda/qa_rents_wages/">Q&amp;A: why rents &gt; wages here</a><br> by <a href="https://www.reddit.com/user/town_reporter/">u/town_reporter</a> in <a href="https://www.reddit.com/r/exampletown/">exampletown</a></blockquote>'
    )
    items.append(
        interaction(
            "https://www.reddit.com/comments/1j3qanda.json",
            200,
            reddit_listing(
                {
                    "domain": "self.exampletown",
                    "subreddit": "exampletown",
                    "selftext": "Ask me anything about the 2025 rent survey &amp; the council&#39;s response.",
                    "id": "1j3qanda",
                    "author": "town_reporter",
                    "author_fullname": "t2_7townrp",
                    "name": "t3_1j3qanda",
                    "is_self": True,
                    "title": "Q&amp;A: why rents &gt; wages here",
                    "permalink": "/r/exampletown/comments/1j3qanda/qa_rents_wages/",
                    "created_utc": 1741107600.0,
                    "removed_by_category": None,
                }
            ),
        )
    )

    # 11 Bluesky: facets (a shortened link, a mention) and "embed": null.
    did = "did:plc:k3aw5d2lqb7nvcfx4yjo6hre"
    rkey = tid(dt.datetime(2025, 3, 4, 16, 20, 11, 482000, tzinfo=UTC))
    link = "https://transit.example.org/news/2025/03/night-bus-routes-return"
    record_text = "Night buses return on Friday, thanks @riders.bsky.social: transit.example.org/news/2025/0..."
    start = record_text.encode("utf-8").index(b"transit.example.org")
    mention = record_text.encode("utf-8").index(b"@riders")
    parts.append(
        f'<p>A Bluesky post:</p>\n<blockquote class="bluesky-embed" data-bluesky-uri="at://{did}/app.bsky.feed.post/{rkey}" data-bluesky-cid="bafyreifacetcidfacetcidfacetcidfacetcidfacetcid"><p lang="en">Night buses return on Friday, thanks <a href="https://bsky.app/profile/riders.bsky.social">@riders.bsky.social</a>: <a href="{link}">transit.example.org/news/2025/0...</a></p>&mdash; Transit Desk (<a href="https://bsky.app/profile/{did}?ref_src=embed">@transitdesk.bsky.social</a>) <a href="https://bsky.app/profile/{did}/post/{rkey}?ref_src=embed">March 4, 2025 at 4:20 PM</a></blockquote>'
    )
    uri = f"at://{did}/app.bsky.feed.post/{rkey}"
    items.append(
        interaction(
            f"https://public.api.bsky.app/xrpc/app.bsky.feed.getPosts?uris={quote(uri, safe='')}",
            200,
            {
                "posts": [
                    {
                        "uri": uri,
                        "cid": "bafyreifacetcidfacetcidfacetcidfacetcidfacetcid",
                        "author": {
                            "did": did,
                            "handle": "transitdesk.bsky.social",
                            "displayName": "Transit Desk",
                            "avatar": None,
                            "associated": {"chat": {"allowIncoming": "following"}},
                            "labels": [],
                            "createdAt": "2023-05-01T10:00:00.000Z",
                        },
                        "record": {
                            "$type": "app.bsky.feed.post",
                            "createdAt": "2025-03-04T16:20:11.482Z",
                            "embed": None,
                            "entities": None,
                            "facets": [
                                {
                                    "$type": "app.bsky.richtext.facet",
                                    "features": [
                                        {
                                            "$type": "app.bsky.richtext.facet#mention",
                                            "did": "did:plc:r1ders0000000000000000aa",
                                        }
                                    ],
                                    "index": {"byteEnd": mention + len("@riders.bsky.social"), "byteStart": mention},
                                },
                                {
                                    "$type": "app.bsky.richtext.facet",
                                    "features": [{"$type": "app.bsky.richtext.facet#link", "uri": link}],
                                    "index": {"byteEnd": len(record_text.encode("utf-8")), "byteStart": start},
                                },
                            ],
                            "labels": None,
                            "langs": ["en"],
                            "reply": None,
                            "tags": None,
                            "text": record_text,
                        },
                        "embed": None,
                        "replyCount": 2,
                        "repostCount": 5,
                        "likeCount": 31,
                        "quoteCount": 0,
                        "indexedAt": "2025-03-04T16:20:12.001Z",
                        "viewer": None,
                        "labels": [],
                        "threadgate": None,
                    }
                ],
                "cursor": None,
            },
        )
    )

    # 12 Mastodon, 2017 (before 2.0): numeric IDs, an OStatus "updates" URL, no edited_at.
    parts.append(
        '<p>An early Mastodon post:</p>\n<iframe src="https://mastodon.social/@early_bird/1843210/embed" class="mastodon-embed" style="max-width: 100%; border: 0" width="400" allowfullscreen="allowfullscreen"></iframe><script src="https://mastodon.social/embed.js" async="async"></script>'
    )
    items.append(
        interaction(
            "https://mastodon.social/api/v1/statuses/1843210",
            200,
            {
                "id": 1843210,
                "created_at": "2017-04-10T08:12:45.000Z",
                "in_reply_to_id": None,
                "in_reply_to_account_id": None,
                "sensitive": False,
                "spoiler_text": "",
                "visibility": "public",
                "application": {"name": "Web", "website": None},
                "account": {
                    "id": 48213,
                    "username": "early_bird",
                    "acct": "early_bird",
                    "display_name": "Early Bird",
                    "locked": False,
                    "created_at": "2017-04-03T19:31:02.000Z",
                    "followers_count": 12,
                    "following_count": 30,
                    "statuses_count": 88,
                    "note": "<p>Trying this out.</p>",
                    "url": "https://mastodon.social/@early_bird",
                    "avatar": "https://files.mastodon.social/accounts/avatars/000/048/213/original/early.png",
                    "header": "https://files.mastodon.social/headers/original/missing.png",
                },
                "media_attachments": [],
                "mentions": [],
                "tags": [],
                "uri": "tag:mastodon.social,2017-04-10:objectId=1843210:objectType=Status",
                "content": "<p>The harbour ferry is running again after the storm.</p>",
                "url": "https://mastodon.social/users/early_bird/updates/402117",
                "reblogs_count": 0,
                "favourites_count": 3,
                "reblog": None,
                "favourited": False,
                "reblogged": False,
            },
        )
    )

    # 13 Mastodon, 2026 (4.5): string IDs, edited_at, a quote with its "RE:" fallback in content.
    status_id = mastodon_id(dt.datetime(2026, 1, 15, 9, 41, 2, 118000, tzinfo=UTC))
    quoted_id = mastodon_id(dt.datetime(2026, 1, 14, 18, 5, 0, tzinfo=UTC), 77)
    parts.append(
        f'<p>A recent Mastodon post:</p>\n<blockquote class="mastodon-embed" data-embed-url="https://mastodon.social/@harbourmaster/{status_id}/embed" style="background: #FCF8FF; border-radius: 8px;"> <a href="https://mastodon.social/@harbourmaster/{status_id}" target="_blank"> <div style="color: #787588; margin-top: 16px;">Post by @harbourmaster@mastodon.social</div> <div style="font-weight: 500;">View on Mastodon</div> </a> </blockquote> <script data-allowed-prefixes="https://mastodon.social/" async src="https://mastodon.social/embed.js"></script>'
    )
    quoted_url = f"https://mastodon.social/@ferryfan/{quoted_id}"
    items.append(
        interaction(
            f"https://mastodon.social/api/v1/statuses/{status_id}",
            200,
            {
                "id": status_id,
                "created_at": "2026-01-15T09:41:02.118Z",
                "in_reply_to_id": None,
                "in_reply_to_account_id": None,
                "sensitive": False,
                "spoiler_text": "",
                "visibility": "public",
                "language": "en",
                "uri": f"https://mastodon.social/users/harbourmaster/statuses/{status_id}",
                "url": f"https://mastodon.social/@harbourmaster/{status_id}",
                "replies_count": 1,
                "reblogs_count": 4,
                "favourites_count": 9,
                "quotes_count": 0,
                "edited_at": "2026-01-15T09:44:30.551Z",
                "content": '<p>Winter timetable starts Monday. <a href="https://mastodon.social/tags/ferry" class="mention hashtag" rel="tag">#<span>ferry</span></a></p>'
                f'<p class="quote-inline">RE: <a href="{quoted_url}" target="_blank" rel="nofollow noopener"><span class="invisible">https://</span><span class="ellipsis">mastodon.social/@ferryfan/{quoted_id[:4]}</span><span class="invisible">{quoted_id[4:]}</span></a></p>',
                "filtered": [],
                "reblog": None,
                "application": {"name": "Web", "website": None},
                "account": {
                    "id": "109302211874203377",
                    "username": "harbourmaster",
                    "acct": "harbourmaster",
                    "display_name": "Harbour Master",
                    "locked": False,
                    "bot": False,
                    "discoverable": True,
                    "indexable": True,
                    "group": False,
                    "created_at": "2022-11-08T00:00:00.000Z",
                    "note": "<p>Sailings and notices.</p>",
                    "url": "https://mastodon.social/@harbourmaster",
                    "uri": "https://mastodon.social/users/harbourmaster",
                    "followers_count": 1520,
                    "following_count": 48,
                    "statuses_count": 610,
                    "last_status_at": "2026-01-15",
                    "hide_collections": False,
                    "emojis": [],
                    "fields": [],
                },
                "media_attachments": [],
                "mentions": [],
                "tags": [{"name": "ferry", "url": "https://mastodon.social/tags/ferry"}],
                "emojis": [],
                "quote": {"state": "accepted", "quoted_status": {"id": quoted_id, "url": quoted_url}},
                "quote_approval": {"automatic": ["public"], "manual": [], "current_user": "automatic"},
                "card": None,
                "poll": None,
            },
        )
    )

    # 14-15 TikTok oEmbed without author_unique_id (2022) and with it (since 2023).
    for handle, name, video, caption, unique in (
        ("rooftop_garden", "Rooftop Garden", "7108234567890123456", "Harvest day on the roof #garden #city", False),
        ("night_market", "Night Market", "7478123456789012345", "First night of the spring market #food", True),
    ):
        parts.append(f"<p>A TikTok video:</p>\n{tiktok_blockquote(handle, video, caption)}")
        watch = quote(f"https://www.tiktok.com/@{handle}/video/{video}", safe="")
        items.append(
            interaction(
                f"https://www.tiktok.com/oembed?url={watch}", 200, tiktok_oembed(handle, name, video, caption, unique)
            )
        )

    # 16 Reddit: an embedded comment, looked up as the comment (the second listing).
    parts.append(
        '<p>A comment:</p>\n<blockquote class="reddit-embed-bq" data-embed-showtitle="true" data-embed-context="1" data-embed-depth="2" data-embed-height="316"><a href="https://www.reddit.com/r/exampletown/comments/1j3selfp/comment/mfx2k9a/">Comment</a><br> by<a href="https://www.reddit.com/user/plumber_pat/">u/plumber_pat</a> from discussion<a href="https://www.reddit.com/r/exampletown/comments/1j3selfp/water_main_break_on_elm/"></a><br> in<a href="https://www.reddit.com/r/exampletown/">exampletown</a></blockquote>'
    )
    post_listing = reddit_listing(
        {
            "id": "1j3selfp",
            "author": "elm_resident",
            "title": "Water main break on Elm",
            "is_self": True,
            "created_utc": 1741104000.0,
        }
    )
    post_listing[1]["data"]["children"] = [
        {
            "kind": "t1",
            "data": {
                "id": "mfx2k9a",
                "name": "t1_mfx2k9a",
                "link_id": "t3_1j3selfp",
                "parent_id": "t3_1j3selfp",
                "author": "plumber_pat",
                "author_fullname": "t2_4plmbpt",
                "body": "Valve on 3rd &amp; Elm is shut, expect low pressure till tonight.",
                "body_html": '&lt;div class="md"&gt;&lt;p&gt;Valve on 3rd &amp;amp; Elm is shut, expect low pressure till tonight.&lt;/p&gt;&lt;/div&gt;',
                "created_utc": 1741107000.0,
                "permalink": "/r/exampletown/comments/1j3selfp/comment/mfx2k9a/",
                "replies": "",
                "score": 14,
            },
        }
    ]
    items.append(interaction("https://www.reddit.com/comments/1j3selfp/_/mfx2k9a.json", 200, post_listing))

    # 17 an edited post: the embed quotes the first version; edit_control lists two versions.
    first = snowflake(day, 17)
    latest = snowflake(day + dt.timedelta(minutes=9), 18)
    before = "The pool reopens on Saturday at 9 am."
    after = "The pool reopens on Sunday at 9 am."
    parts += ["<p>An edited post:</p>", blockquote("city_pools", "City Pools", first, before, day)]
    body = tweet("city_pools", "City Pools", first, after, day, "90909")
    body["edit_control"]["edit_tweet_ids"] = [first, latest]
    items += [
        interaction(oembed_uri("city_pools", first), 200, oembed("city_pools", "City Pools", first, after, day)),
        interaction(syndication_uri(first), 200, body),
    ]

    write("real_shapes.yaml", items)
    article = ROOT / "tests" / "online" / "articles" / "real_shapes.html"
    article.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Real answer shapes</title>\n'
        '<meta property="article:published_time" content="2026-02-02T12:00:00Z"></head>\n<body><article>\n'
        + "\n".join(parts)
        + "\n</article></body></html>\n",
        encoding="utf-8",
    )
    print(f"wrote {article.relative_to(ROOT)}")


if __name__ == "__main__":
    seed()
    scenarios()
    other_platforms()
    real_shapes()
