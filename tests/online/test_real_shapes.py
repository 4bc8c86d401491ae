"""--online against the answers the platforms really give (issue 17), replayed, never the network.

``cassettes/real_shapes.yaml`` answers ``articles/real_shapes.html``: one embed per real answer
shape (cassettes/README.md names the recording each follows). The article is checked once; each
test reads the outcome for its embed. The pure readers of those answers are tested beside them.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import vcr

from citecheck.config import NetworkSettings, Settings
from citecheck.lookup import http
from citecheck.lookup.bluesky import text_with_links
from citecheck.lookup.http import Response
from citecheck.lookup.mastodon import from_status, status_text
from citecheck.lookup.reddit import from_listing
from citecheck.lookup.twitter import _from_oembed, combine, tombstone_cause, tombstone_words, utf16_slice
from citecheck.lookup.youtube import says_forbidden
from citecheck.models import FileReport, Finding, PlatformAnswer
from citecheck.pipeline import check_source
from citecheck.rules.quote import compare

HERE = Path(__file__).resolve().parent
ARTICLE = HERE / "articles" / "real_shapes.html"
CASSETTE = HERE.parents[1] / "cassettes" / "real_shapes.yaml"


@pytest.fixture(scope="module")
def report() -> FileReport:
    # Checked once for the module, so without the vcr marker: the replayable transport is set here,
    # as conftest's _replayable_transport does for marked tests (vcrpy patches httpx's own transport
    # class), and record_mode "none" makes a request the cassette does not hold fail.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(http, "guarded_transport", lambda backend, connections: httpx.AsyncHTTPTransport())
        with vcr.VCR(record_mode="none").use_cassette(str(CASSETTE)) as cassette:
            result = check_source(str(ARTICLE), Settings(online=True, network=NetworkSettings(cache=False, retries=0)))
            assert cassette.all_played, "every recorded answer was asked for"
    assert len(result.embeds) == 18
    return result


def codes(report: FileReport, embed: int) -> dict[str, str]:
    return {f.rule: f.severity for f in report.findings if f.embed == embed}


def finding(report: FileReport, embed: int, rule: str) -> Finding:
    return next(f for f in report.findings if f.embed == embed and f.rule == rule)


def evidence(report: FileReport, embed: int) -> PlatformAnswer:
    return next(e for e in report.evidence if e.embed == embed)


# -- 1. Twitter oEmbed text without the byline -----------------------------------------------------


def test_oembed_only_post_text_has_no_byline_and_checks_out(report: FileReport) -> None:
    found = evidence(report, 0)
    assert found.status == "exists" and found.author_handle == "gate_watch"
    assert found.text == "Lines are long at the east gate. pic.twitter.com/Gat3Ph0to1"
    assert "Gate Watch" not in found.text and "@gate_watch" not in found.text
    assert codes(report, 0) == {}  # a correct short embed: no CC303, no CC305 from oEmbed's noon


def test_oembed_html_paragraph_is_read_without_its_tail() -> None:
    html = (
        '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Short &amp; true.</p>&mdash; A Name (@a_name) '
        '<a href="https://twitter.com/a_name/status/1?ref_src=twsrc%5Etfw">March 4, 2025</a></blockquote>\n'
    )
    fields = _from_oembed({"author_url": "https://twitter.com/a_name", "author_name": "A Name", "html": html})
    assert fields["text"] == "Short & true."
    assert fields["created"].isoformat() == "2025-03-04T12:00:00+00:00"


# -- 2. Tombstones: deleted, withheld / age-restricted, no cause given --------------------------------


def test_deletion_tombstone_with_oembed_404_is_deleted_and_asks_the_archive(report: FileReport) -> None:
    found = evidence(report, 1)
    assert found.status == "deleted"
    assert found.archived_url and found.archived_url.startswith("https://web.archive.org/web/20250304170000/")
    message = finding(report, 1, "CC301").message
    assert "is deleted" in message and "deleted by the Post author" in message and "web.archive.org" in message
    assert "protected" not in message


def test_empty_tombstone_is_withheld_or_age_restricted_not_protected(report: FileReport) -> None:
    found = evidence(report, 2)
    assert found.status == "withheld" and found.archived_url is None  # no Wayback look-up (cassette has none)
    message = finding(report, 2, "CC301").message
    assert "withheld or age-restricted" in message and "protected" not in message


def test_tombstone_without_a_cause_takes_oembed_404_as_deleted(report: FileReport) -> None:
    found = evidence(report, 3)
    assert found.status == "deleted" and found.archived_url is None  # asked; the archive has no copy
    assert "This Post is unavailable." in (found.reason or "") and "404" in (found.reason or "")


@pytest.mark.parametrize(
    ("tombstone", "cause"),
    [
        ({"text": {"text": "This Post was deleted by the Post author. Learn more", "entities": []}}, "deleted"),
        ({"text": {"text": "This Tweet was deleted by the Tweet author. Learn more"}}, "deleted"),
        ({"text": {"text": "This Post is from an account that no longer exists. Learn more"}}, "deleted"),
        ({"text": {"text": "This Post is from a suspended account. Learn more"}}, "suspended"),
        (
            {
                "text": {
                    "text": "You\u2019re unable to view this Post because this account owner limits who can view their Posts. Learn more"
                }
            },
            "protected",
        ),
        ({"text": {"text": "This Post has been withheld in Germany in response to a legal demand."}}, "withheld"),
        (
            {
                "text": {
                    "text": "Age-restricted adult content. This content might not be appropriate for people under 18 years old."
                }
            },
            "withheld",
        ),
        ({"text": {"text": "This Post violated the X Rules. Learn more"}}, "withheld"),
        ({"text": {"text": "", "entities": [], "rtl": False}}, "withheld"),
        ({}, "withheld"),
        ({"text": {"text": "This Post is unavailable."}}, "unavailable"),
        ({"text": "private"}, "unavailable"),  # a bare string, as some older answers have it
    ],
)
def test_tombstone_causes(tombstone: dict[str, object], cause: str) -> None:
    assert tombstone_cause(tombstone_words(tombstone)) == cause


def test_ranking_of_the_two_answers() -> None:
    deletion = {"status": "deleted", "reason": "deleted by the author", "tombstone": True}
    unnamed = {"status": "unavailable", "reason": "unavailable", "tombstone": True}
    missing = {"status": "deleted", "reason": "oEmbed answers 404"}
    closed = {"status": "protected", "reason": "oEmbed answers 403"}
    assert combine(missing, dict(deletion))["status"] == "deleted"
    assert combine(closed, dict(deletion))["status"] == "deleted"  # the tombstone names its cause
    assert combine(missing, dict(unnamed))["status"] == "deleted"
    assert combine(closed, dict(unnamed))["status"] == "protected"
    assert combine(ConnectionError("down"), dict(unnamed))["status"] == "unavailable"
    assert "tombstone" not in combine(missing, dict(deletion))  # no internal key reaches the PlatformAnswer


def test_a_post_without_its_author_is_from_a_suspended_account() -> None:
    verdict = combine(ConnectionError("down"), {"status": "suspended", "reason": "no author"})
    assert verdict["status"] == "suspended"


# -- 3. YouTube: private is 403 "Forbidden" or 200 text/html "Forbidden"; 401 is embedding off -------


def test_youtube_private_403_is_cc301(report: FileReport) -> None:
    assert evidence(report, 6).status == "protected"
    assert codes(report, 6) == {"CC301": "warning"}


def test_youtube_private_200_html_forbidden_is_cc301(report: FileReport) -> None:
    assert evidence(report, 7).status == "protected"
    assert codes(report, 7) == {"CC301": "warning"}
    assert "Forbidden" in finding(report, 7, "CC301").message


def test_youtube_embedding_turned_off_is_unverified_with_its_reason(report: FileReport) -> None:
    assert codes(report, 8) == {"CC306": "info"}
    assert "embedding off" in finding(report, 8, "CC306").message


def test_says_forbidden_reads_only_the_bare_answer() -> None:
    assert says_forbidden(Response("u", 200, {"content-type": "text/html"}, b"Forbidden\n"))
    assert not says_forbidden(Response("u", 200, {"content-type": "text/html"}, b"<html><title>Consent</title>"))


# -- 4. Reddit: the title only; old .json text unescaped ----------------------------------------------


def test_reddit_self_post_with_a_body_compares_the_title_only(report: FileReport) -> None:
    found = evidence(report, 9)
    assert found.text == "Water main break on Elm"  # not title + selftext (its numbers are not the embed's)
    assert codes(report, 9) == {}


def test_reddit_escaped_title_is_unescaped(report: FileReport) -> None:
    assert evidence(report, 10).text == "Q&A: why rents > wages here"
    assert codes(report, 10) == {}


def test_reddit_removed_post_names_its_cause() -> None:
    listing = [
        {"data": {"children": [{"data": {"author": "someone", "title": "t", "removed_by_category": "moderator"}}]}}
    ]
    fields = from_listing(listing)
    assert fields["status"] == "withheld" and "moderator" in fields["reason"]


def test_reddit_embedded_comment_is_looked_up_as_the_comment(report: FileReport) -> None:
    found = evidence(report, 16)
    assert found.endpoint == "https://www.reddit.com/comments/1j3selfp/_/mfx2k9a.json"
    assert (found.status, found.author_handle) == ("exists", "plumber_pat")  # not the post's author
    assert found.text == "Valve on 3rd & Elm is shut, expect low pressure till tonight."
    assert found.created and found.created.isoformat().startswith("2025-03-04T16:50")
    assert report.embeds[16].text is None  # the code's "Comment" link is a placeholder, not a quote
    assert codes(report, 16) == {}


# -- 5. Word-level quote comparison -----------------------------------------------------------------


def test_one_changed_word_in_a_long_post_is_reported_with_the_words(report: FileReport) -> None:
    assert len(evidence(report, 5).text or "") >= 170
    assert codes(report, 5) == {"CC303": "warning"}
    cc303 = finding(report, 5, "CC303")
    assert cc303.evidence["changes"] == [{"kind": "word", "shown": "wired", "post": "wireless"}]
    assert '"wired" where the post has "wireless"' in cc303.message


POST = "We will not close the north bridge on Friday, and 1,200 drivers a day can use it https://t.co/Ab12Cd34Ef"


@pytest.mark.parametrize(
    "quote",
    [
        "We  will not close the\nnorth bridge on Friday, and 1,200 drivers a day can use it",  # white space
        "We will not close the north bridge on Friday, and 1,200 drivers a day can use it pic.twitter.com/Xy12",
        "We will not close the north bridge on Friday, and 1,200 drivers a day can use it https://example.org/a-long-story",
        "We will not close the north bridge on Friday, and 1,200 drivers a day can use it example.org/a-long-st…",
        "We will not close the north bridge on Friday, and 1,200 drivers a day can use it 👍",  # an emoji kept
        "We won\u2019t close the north bridge on Friday, and 1200 drivers a day can use it",  # contraction, separator
        "We will not close the north bridge on Friday, &amp; 1,200 drivers a day can use it".replace("&amp;", "and"),
        "We will not close the north bridge on Friday...",  # cut by the quoter
        "@mayor @council We will not close the north bridge on Friday, and 1,200 drivers a day can use it",
    ],
)
def test_legitimate_embed_changes_pass(quote: str) -> None:
    assert compare(quote, POST) is None


def test_entities_and_emoji_variants_pass() -> None:
    assert compare("Rock &amp; roll \u2764\ufe0f tonight 👍🏽", "Rock & roll \u2764 tonight 👍") is None
    assert compare("Q&amp;amp;A at noon", "Q&A at noon") is None


def test_an_edited_post_is_named_as_edited(report: FileReport) -> None:
    assert evidence(report, 17).edited is True and evidence(report, 5).edited is False
    cc303 = finding(report, 17, "CC303")
    assert '"saturday" where the post has "sunday"' in cc303.message
    assert "edited after it was made" in cc303.message
    assert "edited" not in finding(report, 5, "CC303").message


@pytest.mark.parametrize(
    ("quote", "kind", "shown", "post"),
    [
        (POST.replace("will not", "will"), "negation", (), ("not",)),
        (POST.replace("1,200", "12,000"), "number", ("12000",), ("1200",)),
        (POST.replace("north", "south"), "word", ("south",), ("north",)),
        (POST.replace("Friday", "Monday"), "word", ("monday",), ("friday",)),
    ],
)
def test_changed_content_word_number_or_negation_is_reported(
    quote: str, kind: str, shown: tuple[str, ...], post: tuple[str, ...]
) -> None:
    difference = compare(quote, POST)
    assert difference is not None
    assert [(c.kind, c.shown, c.post) for c in difference.changes] == [(kind, shown, post)]


def test_unspaced_scripts_are_compared_by_character() -> None:
    difference = compare("東京で地震があった", "大阪で地震があった")
    assert difference is not None
    assert [(c.shown, c.post) for c in difference.changes] == [(("東", "京"), ("大", "阪"))]
    assert compare("東京で地震があった 🙏", "東京で地震があった") is None


def test_articles_alone_may_change() -> None:
    assert compare("Crews cleared a road by noon", "Crews cleared the road by noon") is None


# -- 6. display_text_range counts UTF-16 code units -------------------------------------------------


def test_emoji_post_keeps_no_fragment_of_its_media_link(report: FileReport) -> None:
    found = evidence(report, 4)
    assert found.text == "Power is back on the east side 🎉🎉 thanks to the night crews ⚡"
    assert codes(report, 4) == {}


def test_utf16_slice() -> None:
    text = "Go 🎉🎉 now https://t.co/x"
    assert utf16_slice(text, 0, 11) == "Go 🎉🎉 now"
    assert text[0:11] != "Go 🎉🎉 now"  # what slicing characters did


# -- Bluesky, Mastodon and TikTok shapes ------------------------------------------------------------


def test_bluesky_post_with_facets_and_null_embed(report: FileReport) -> None:
    found = evidence(report, 11)
    assert (found.status, found.author_handle) == ("exists", "transitdesk.bsky.social")
    assert found.text and "https://transit.example.org/news/2025/03/night-bus-routes-return" in found.text
    assert codes(report, 11) == {}


def test_bluesky_link_facets_count_utf8_bytes() -> None:
    text = "Café ☕ reopens: cafe.example/menu..."
    start = text.encode("utf-8").index(b"cafe.example")
    facets = [
        {
            "index": {"byteStart": start, "byteEnd": len(text.encode("utf-8"))},
            "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://cafe.example/menu/spring"}],
        }
    ]
    assert text_with_links(text, facets) == "Café ☕ reopens: https://cafe.example/menu/spring"
    assert text_with_links(text, None) == text


def test_mastodon_2017_status_with_numeric_ids(report: FileReport) -> None:
    found = evidence(report, 12)
    assert (found.status, found.author_handle) == ("exists", "early_bird@mastodon.social")
    assert found.created and found.created.isoformat().startswith("2017-04-10T08:12:45")
    assert codes(report, 12) == {}
    fields = from_status({"account": {"id": 48213, "acct": "early_bird"}, "content": "<p>x</p>"}, "mastodon.social")
    assert fields["author_id"] == "48213"


def test_mastodon_2026_status_without_its_quote_fallback(report: FileReport) -> None:
    found = evidence(report, 13)
    assert (found.status, found.author_handle) == ("exists", "harbourmaster@mastodon.social")
    assert found.text == "Winter timetable starts Monday. #ferry"
    assert found.edited is True and evidence(report, 12).edited is None  # 2017 statuses had no edited_at
    assert codes(report, 13) == {}
    assert status_text('<p>Yes.</p><p class="quote-inline">RE: <a href="https://a.example/@b/1">x</a></p>') == "Yes."


def test_tiktok_oembed_without_author_unique_id(report: FileReport) -> None:
    assert (evidence(report, 14).status, evidence(report, 14).author_handle) == ("exists", "rooftop_garden")
    assert codes(report, 14) == {}


def test_tiktok_oembed_with_author_unique_id(report: FileReport) -> None:
    assert (evidence(report, 15).status, evidence(report, 15).author_handle) == ("exists", "night_market")
    assert codes(report, 15) == {}
