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
from citecheck.lookup.twitter import syndication_token  # noqa: E402

TWITTER_EPOCH_MS = 1288834974657
UA = f"citecheck/{__version__} (+https://pypi.org/project/citecheck/)"
UTC = dt.timezone.utc


def snowflake(when: dt.datetime, sequence: int = 0) -> str:
    return str(((int(when.timestamp() * 1000) - TWITTER_EPOCH_MS) << 22) | sequence)


def interaction(
    uri: str, status: int, body: Any, headers: dict[str, str] | None = None, accept: str = "application/json"
) -> dict[str, Any]:
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    reasons = {200: "OK", 301: "Moved Permanently", 403: "Forbidden", 404: "Not Found"}
    response_headers = {
        "content-type": ["application/json; charset=utf-8" if not isinstance(body, str) else "text/html; charset=utf-8"]
    }
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
            401,
            "Unauthorized",
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


if __name__ == "__main__":
    seed()
    scenarios()
    other_platforms()
