"""Every platform beyond Twitter/X, end to end on hand-made articles built from the documented markup
(reference/embeds.md section 3), with IDs whose clocks were computed for the dates they show."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from citecheck.config import Settings
from citecheck.embeds import InvalidPostId, platform, platforms
from citecheck.models import FileReport
from citecheck.pipeline import check_source

FIXTURES = Path(__file__).parent / "fixtures" / "platforms"
UTC = dt.timezone.utc


def check(name: str) -> FileReport:
    return check_source(str(FIXTURES / name), Settings())


def codes(report: FileReport, embed: int) -> set[str]:
    return {f.rule for f in report.findings if f.embed == embed}


def test_every_platform_is_registered_with_a_sourced_launch_date() -> None:
    names = {p.name for p in platforms()}
    assert {
        "instagram",
        "tiktok",
        "bluesky",
        "mastodon",
        "threads",
        "facebook",
        "youtube",
        "reddit",
        "linkedin",
    } <= names
    for p in platforms():
        assert p.launched_source and p.doc_forms and p.doc_date and p.doc_clock and p.doc_tolerance and p.title


@pytest.mark.parametrize(
    ("name", "platform_name", "expected"),
    [
        # (fixture, platform, the codes each embed must raise, in order; an empty set means quiet)
        ("bluesky.html", "bluesky", [set(), {"CC202"}, {"CC103"}]),
        ("mastodon.html", "mastodon", [set(), {"CC103"}, {"CC201"}]),
        ("threads.html", "threads", [set(), {"CC201"}]),
        ("tiktok.html", "tiktok", [set(), {"CC103"}, {"CC201"}]),
        ("linkedin.html", "linkedin", [set(), {"CC201"}, {"CC204"}]),
        ("reddit.html", "reddit", [set(), {"CC103"}, {"CC104"}]),
    ],
)
def test_right_and_wrong_embeds(name: str, platform_name: str, expected: list[set[str]]) -> None:
    report = check(name)
    assert [e.platform for e in report.embeds] == [platform_name] * len(expected)
    assert [codes(report, e.index) for e in report.embeds] == expected


def test_meta_and_youtube_hand_made() -> None:
    report = check("meta_google.html")
    assert [e.platform for e in report.embeds] == ["instagram"] * 3 + ["facebook"] * 2 + ["youtube"] * 2
    assert [codes(report, i) for i in range(7)] == [set(), {"CC202"}, {"CC202"}, set(), {"CC201"}, set(), {"CC104"}]
    exact, _, typed = report.embeds[:3]
    assert exact.shown_time == dt.datetime(2023, 3, 10, 20, 5, 40, tzinfo=UTC)
    assert typed.shown_time == dt.datetime(2023, 3, 9, 20, 5, tzinfo=UTC)  # 12:05pm PST
    assert typed.shown_time_precision == 60.0
    assert report.embeds[3].shown_date == dt.date(2023, 3, 15)
    assert report.embeds[5].text == "River Fest 2023 teaser"


def test_bluesky_fields() -> None:
    embed = check("bluesky.html").embeds[0]
    assert embed.handle == "harbourwatch.bsky.social"
    assert embed.display_name == "Harbour Watch"
    assert embed.post_id == "3la57gkk3rv2l"
    assert embed.shown_date == dt.date(2024, 11, 4)
    assert embed.url_handle is None  # the code links by DID: nothing to compare the handle with
    assert embed.id_clock is not None and embed.id_clock.method == "tid"
    assert embed.id_time == dt.datetime(2024, 11, 4, 17, 9, 30, 123, tzinfo=UTC)


def test_bare_urls_in_markdown() -> None:
    report = check("bare_urls.md")
    assert [e.platform for e in report.embeds] == [
        "bluesky", "mastodon", "threads", "tiktok", "linkedin", "reddit", "instagram", "facebook", "youtube", "tiktok",
    ]  # fmt: skip
    assert all(e.form == "bare-url" for e in report.embeds)
    assert [f.rule for f in report.findings] == ["CC201"]
    assert report.findings[0].embed == 9
    mastodon = report.embeds[1]
    assert mastodon.url_handle == "citylibrary@mastodon.social"
    assert mastodon.id_time == dt.datetime(2024, 11, 3, 12, 0, tzinfo=UTC)


def test_flattened_text_forms() -> None:
    report = check("flattened.txt")
    found = [(e.platform, e.handle) for e in report.embeds]
    assert found == [
        ("bluesky", "harbourwatch.bsky.social"),
        ("mastodon", "citylibrary@mastodon.social"),
        ("threads", "millstreetbakery"),
        ("tiktok", "eastsidedance"),
        ("reddit", "cyclist_ana"),
        ("instagram", "riverfest"),
        ("facebook", None),
    ]
    assert all(e.form == "flattened-text" for e in report.embeds)
    assert report.embeds[0].shown_date == dt.date(2024, 11, 4)
    assert report.embeds[5].shown_time == dt.datetime(2023, 3, 10, 20, 5, tzinfo=UTC)
    assert report.embeds[6].shown_date == dt.date(2024, 11, 6)
    # Flattened copies carry no post ID and, but for Bluesky, Instagram and Facebook, no date.
    assert not report.findings


@pytest.mark.parametrize(
    ("platform_name", "post_id", "expected"),
    [
        ("instagram", "ByxilPNJK3M", dt.datetime(2019, 6, 16, 14, 30, 55, 603000, tzinfo=UTC)),
        ("threads", "DVdP2dCE_kf", dt.datetime(2026, 3, 4, 9, 10, 27, 677000, tzinfo=UTC)),
        ("bluesky", "3mh7y62ycxw2b", dt.datetime(2026, 3, 17, 3, 0, 1, 759164, tzinfo=UTC)),
        ("mastodon", "116242278064339656", dt.datetime(2026, 3, 17, 3, 0, 1, 128000, tzinfo=UTC)),
        ("tiktok", "7432383783650617521", dt.datetime(2024, 11, 1, 18, 45, tzinfo=UTC)),
        ("linkedin", "7259466969908434567", dt.datetime(2024, 11, 5, 7, 30, tzinfo=UTC)),
    ],
)
def test_id_clocks(platform_name: str, post_id: str, expected: dt.datetime) -> None:
    clock = platform(platform_name).clock(post_id)
    assert clock is not None
    assert abs(clock.time - expected) < dt.timedelta(milliseconds=1)


@pytest.mark.parametrize(
    ("platform_name", "post_id"),
    [
        ("instagram", "Bad*Code"),
        ("bluesky", "3la57gkk3rv2"),  # 12 characters
        ("bluesky", "zzzzzzzzzzzzz"),  # top bit set
        ("mastodon", "12ab"),
        ("mastodon", str(1 << 62)),  # far in the future
        ("tiktok", "123"),
        ("linkedin", "99999999999999999999"),
        ("youtube", "dQw4w9WgXcZ"),
        ("reddit", "ABC"),
    ],
)
def test_ids_that_cannot_exist(platform_name: str, post_id: str) -> None:
    with pytest.raises(InvalidPostId):
        platform(platform_name).clock(post_id)


def test_ids_without_a_clock() -> None:
    assert platform("mastodon").clock("12345") is None  # pre-2.0 sequential
    assert platform("instagram").clock("d") is None  # pre-2011 sequential media
    assert platform("youtube").clock("PLDEBB741B42EDED3D") is None
    assert platform("facebook").clock("10207393772231779") is None


def test_players_never_ask_for_a_date() -> None:
    report = check("meta_google.html")
    assert not any(f.rule == "CC101" for f in report.findings)
    assert not platform("youtube").shows_date(report.embeds[5])


def test_impossible_handles_are_kept_and_reported_on_every_platform() -> None:
    # Each platform's own rule: Instagram 30 characters, Threads (Instagram's usernames) no two
    # periods in a row, TikTok 24, Bluesky a domain name (no underscore), Mastodon ASCII, Reddit 20,
    # Twitter/X letters A-Z; a bare URL's handle too. The last one has exactly 30: a real username.
    report = check("impossible_handles_all.html")
    shown = [(e.platform, e.handle or e.url_handle) for e in report.embeds]
    assert shown == [
        ("instagram", "mill.street.bakery.riverton.official"),
        ("threads", "mill..street"),
        ("tiktok", "eastside_dance_academy_riverton"),
        ("bluesky", "harbour_watch.bsky.social"),
        ("mastodon", "bibliothèque@mastodon.social"),
        ("reddit", "riverton_cycling_collective"),
        ("twitter", "analópez"),
        ("twitter", "harbour_night_desk_x"),
        ("instagram", "millstreet_bakery_riverton_ltd"),
    ]
    assert report.embeds[0].display_name == "Mill Street Bakery"  # the byline is kept whole
    assert [codes(report, e.index) for e in report.embeds] == [{"CC104"}] * 8 + [set()]
    reasons = [f.message for f in sorted(report.findings, key=lambda f: f.embed or 0)]
    for reason, says in zip(
        reasons,
        [
            "at most 30 characters",
            "no two periods in a row",
            "2 to 30 characters",
            "domain name",
            "'bibliothèque' is not one",
            "at most 20 characters",
            "only the letters A-Z",
            "@harbour_night_desk_x in its post URL",
        ],
        strict=True,
    ):
        assert says in reason


@pytest.mark.parametrize(
    ("platform_name", "handle", "possible"),
    [
        ("instagram", "a" * 30, True),
        ("instagram", "a" * 31, False),
        ("instagram", ".mill", False),
        ("instagram", "mill.", False),
        ("instagram", "mill.street_1", True),
        ("threads", "mill.street", True),
        ("tiktok", "ab", True),
        ("tiktok", "a", False),
        ("tiktok", "a" * 24, True),
        ("tiktok", "a" * 30, True),  # the limit since TikTok raised it from 24
        ("tiktok", "a" * 31, False),
        ("bluesky", "harbourwatch.bsky.social", True),
        ("bluesky", "4chan.org", True),
        ("bluesky", "harbour.123", False),
        ("bluesky", "-harbour.bsky.social", False),
        ("bluesky", "a" * 64 + ".com", False),
        ("bluesky", "localhost", False),
        ("mastodon", "city.library@example.social", True),
        ("mastodon", "city_library@example.social", True),
        ("mastodon", ".city@example.social", False),
        ("reddit", "cyclist-ana_2", True),
        ("reddit", "a" * 21, False),
        ("twitter", "a" * 15, True),
        ("twitter", "a" * 16, False),
    ],
)
def test_each_platform_s_username_rule(platform_name: str, handle: str, possible: bool) -> None:
    assert (platform(platform_name).handle_problem(handle) is None) is possible


def test_third_party_wrappers_read_the_post_or_say_it_cannot_be_known() -> None:
    report = check("wrappers.html")
    assert [(e.platform, e.form, e.post_id) for e in report.embeds] == [
        ("instagram", "iframe", "DB37A6TktaH"),  # Embedly's image= as the post's own media address
        ("tiktok", "placeholder", "7432383783650617521"),  # Iframely: the original's link inside
        ("mastodon", "placeholder", "113418908467204321"),  # Iframely: url= of data-iframely-url
    ]
    assert report.embeds[1].url_handle == "eastsidedance"
    # A story's card whose picture is a post's, an image server's thumbnail and an Iframely card of a
    # web page are no embeds; the two short IDs are notes, with their lines, and no findings.
    notes = [note for note in report.notes if "Iframely" in note]
    assert len(notes) == 2
    assert notes[0].startswith("line 18: ") and "https://cdn.iframe.ly/Qm8vL2r" in notes[0]
    assert notes[1].startswith("line 19: ") and "https://iframe.ly/Zr4TnW9?card=small" in notes[1]
    assert all("cannot be known offline" in note for note in notes)
    assert report.findings == []


def test_embedly_cards_are_embeds_of_the_post_they_link() -> None:
    # Embedly's card code (the link, the card generator's blockquote, AMP's element) names the post
    # by its address; a link in the article's text and a card of a news page are no embeds.
    report = check("embedly_cards.html")
    assert [(e.platform, e.form, e.post_id, e.location.line) for e in report.embeds] == [
        ("twitter", "placeholder", "1899763424688745276", 8),
        ("instagram", "placeholder", "DG4kT2nMqZx", 11),
        ("youtube", "amp", "M7lc1UVf-VE", 13),
    ]
    card = report.embeds[0]
    assert card.url_handle == "rivertonferry"
    assert card.id_time == dt.datetime(2025, 3, 12, 10, 4, 31, tzinfo=UTC)  # checked like any tweet
    assert report.findings == []


def test_a_twitter_byline_with_a_hyphen_or_period_is_kept_and_reported() -> None:
    report = check("hyphenated_handles.txt")
    assert [(e.platform, e.handle, e.display_name, e.shown_date) for e in report.embeds] == [
        ("twitter", "ana-ruiz", "Ana Ruiz", dt.date(2025, 3, 3)),
        # a period, and the quoted post carries Twitter's own link: a tweet, not a Bluesky post
        ("twitter", "harbour.desk", "Harbour Desk", dt.date(2025, 3, 4)),
        # a domain-shaped handle with no Twitter link stays Bluesky's, hyphen and all
        ("bluesky", "harbour-watch.bsky.social", "Harbour Watch", dt.date(2025, 3, 4)),
        # a tweet and a Bluesky post in one paragraph: the tweet's link is not the Bluesky post's
        ("twitter", "harbour_desk", "Harbour Desk", dt.date(2025, 3, 4)),
        ("bluesky", "harbourwatch.bsky.social", "Harbour Watch", dt.date(2025, 3, 4)),
    ]
    # The hyphenated handle inside a sentence, with no date after it, is no byline.
    assert [(f.embed, f.rule) for f in report.findings] == [(0, "CC104"), (1, "CC104")]
    assert all("only the letters A-Z" in f.message for f in report.findings)
