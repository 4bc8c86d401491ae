"""Twitter/X embeds in every form an article carries them, and the clock inside status IDs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from citecheck.embeds import InvalidPostId, extract
from citecheck.embeds.twitter import FIRST_SNOWFLAKE_ID, snowflake_clock
from citecheck.load import load

from helpers import check, codes, html_article, snowflake, tweet_blockquote

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def embeds_of(tmp_path: Path, body: str, name: str = "a.html") -> list:  # type: ignore[type-arg]
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return extract(load(str(path)))


def test_flattened_tails_in_a_text_article() -> None:
    embeds = extract(load(str(ARTICLES / "council-vote.txt")))
    assert [(e.handle, e.display_name, e.shown_date) for e in embeds] == [
        ("rheavantong", "Rhea Vantongeren", dt.date(2024, 6, 3)),
        ("millbrookherald", "Millbrook Herald", dt.date(2024, 6, 2)),
    ]
    first, second = embeds
    assert first.form == "flattened-text"
    assert first.links == ["https://t.co/Lm3xQ8vTr2"]
    assert first.text == "Three hundred people a week walk through those doors. We are closing a room that works."
    assert (first.location.line, first.location.column) == (6, 1)
    assert first.post_id is None and first.id_time is None
    # "--" for the dash and no space before it.
    assert second.text == "Packed hearing tonight on the annex. Standing room only."


def test_official_blockquote_on_x_com_with_ref_src(tmp_path: Path) -> None:
    post_id = snowflake("2024-02-01T12:00:00")
    (embed,) = embeds_of(
        tmp_path, html_article("2024-02-02", tweet_blockquote("harbourlog", post_id, "February 1, 2024", host="x.com"))
    )
    assert embed.form == "blockquote"
    assert (embed.handle, embed.url_handle, embed.post_id) == ("harbourlog", "harbourlog", post_id)
    assert embed.ref_src is True
    assert embed.shown_date == dt.date(2024, 2, 1)
    assert embed.id_clock is not None and embed.id_clock.method == "snowflake"
    assert embed.id_time == dt.datetime(2024, 2, 1, 12, 0, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("markup", "form"),
    [
        (
            '<blockquote class="twitter-video"><p>Clip</p>&mdash; N (@vidhandle) <a href="https://twitter.com/vidhandle/status/{id}">May 5, 2021</a></blockquote>',
            "blockquote",
        ),
        (
            '<blockquote><p>Quoted</p>&mdash; N (@plainquote) <a href="https://twitter.com/plainquote/status/{id}">May 5, 2021</a></blockquote>',
            "blockquote-classless",
        ),
        ('<div class="component embed-twitter" data-embed-type="twitter" data-embed-id="{id}"></div>', "div-embed"),
        ('<div class="embed-twitter" data-embed-id="{id}"></div>', "div-embed"),  # no data-embed-type on the page
        ('<div data-embed-type="twitter" data-embed-id="{id}"></div>', "div-embed"),
        (
            '<div class="twitter-tweet twitter-tweet-rendered"><iframe id="twitter-widget-0" data-tweet-id="{id}"></iframe></div>',
            "iframe",
        ),
        ('<amp-twitter width="375" height="472" layout="responsive" data-tweetid="{id}"></amp-twitter>', "amp"),
    ],
)
def test_embed_code_variants(tmp_path: Path, markup: str, form: str) -> None:
    post_id = snowflake("2021-05-05T15:00:00")
    (embed,) = embeds_of(
        tmp_path, html_article("2021-05-06", "<p>Before.</p>", markup.format(id=post_id), "<p>After.</p>")
    )
    assert (embed.form, embed.post_id) == (form, post_id)
    assert embed.id_time is not None and embed.id_time.date() == dt.date(2021, 5, 5)
    assert (embed.paragraph_before, embed.paragraph_after) == (
        0,
        1 if form != "blockquote" and form != "blockquote-classless" else 2,
    )


def test_quote_that_merely_links_a_post_is_not_an_embed(tmp_path: Path) -> None:
    quote = '<blockquote><p>As the minister wrote, <a href="https://twitter.com/min/status/1234567890123456789">on Twitter</a>, the plan stands.</p></blockquote>'
    assert embeds_of(tmp_path, html_article("2021-05-06", quote)) == []


def test_localised_dates_from_cldr(tmp_path: Path) -> None:
    post_id = snowflake("2018-05-16T09:00:00")
    page = html_article(
        "2018-05-17",
        tweet_blockquote("ru_handle", post_id, "16 мая 2018 г."),
        tweet_blockquote("de_handle", post_id, "16. Mai 2018"),
        tweet_blockquote("ja_handle", post_id, "2018年5月16日"),
        tweet_blockquote("es_handle", post_id, "16 de mayo de 2018"),
    )
    embeds = embeds_of(tmp_path, page)
    assert [e.shown_date for e in embeds] == [dt.date(2018, 5, 16)] * 4
    assert [e.shown_date_language for e in embeds[:2]] == ["ru", "de"]


def test_bare_status_url_on_its_own_line_in_markdown() -> None:
    embeds = extract(load(str(ARTICLES / "draft.md")))
    assert [(e.form, e.post_id) for e in embeds] == [
        ("blockquote", "1703068724229050514"),
        ("bare-url", "1703417816150970514"),
    ]
    blockquote, bare = embeds
    assert blockquote.location.line == 9
    assert (blockquote.paragraph_before, blockquote.paragraph_after) == (0, 2)
    assert bare.url_handle == "tarnkeepers" and bare.handle is None


def test_snowflake_clock_and_its_limits() -> None:
    clock = snowflake_clock("1899289384964878378")
    assert clock.time.strftime("%Y-%m-%d %H:%M") == "2025-03-11 02:40"
    with pytest.raises(InvalidPostId, match="gap"):
        snowflake_clock(str(FIRST_SNOWFLAKE_ID - 10**12))
    with pytest.raises(InvalidPostId, match="not come yet"):
        snowflake_clock(snowflake("2099-01-01T00:00:00"))
    with pytest.raises(InvalidPostId, match="not a number"):
        snowflake_clock("12ab")


def test_pre_snowflake_ids_are_interpolated() -> None:
    clock = snowflake_clock("1093333849")
    assert clock.method == "interpolated"
    assert clock.time.date() == dt.date(2009, 1, 3)
    assert clock.error_seconds >= 3600


def test_whole_page_embeds_are_ordered_and_numbered(tmp_path: Path) -> None:
    report = check(tmp_path, "harbor.html", (Path(__file__).parents[1] / "examples" / "harbor-bridge.html").read_text())
    assert [e.index for e in report.embeds] == [0, 1, 2]
    assert [e.form for e in report.embeds] == ["blockquote", "blockquote", "flattened-text"]
    assert codes(report) == ["CC202"]


def test_markdown_autolink_and_the_gap(tmp_path: Path) -> None:
    draft = "---\ndate: 2024-05-01\n---\n\nText.\n\n<https://twitter.com/a/status/200000000000000>\n"
    report = check(tmp_path, "d.md", draft)
    assert [(e.form, e.post_id) for e in report.embeds] == [("bare-url", "200000000000000")]
    assert "CC104" in codes(report)


def test_no_space_before_the_dash_and_double_hyphen(tmp_path: Path) -> None:
    text = (
        "date 2025-10-27\nIntro.\n\nSomething happened pic.twitter.com/AbCdEf1234\u2014 Some One (@someone) October 22, 2025\n\n"
        "Other -- Two (@two_h) 22 octobre 2025\n"
    )
    report = check(tmp_path, "t.txt", text)
    assert [(e.handle, e.shown_date) for e in report.embeds] == [
        ("someone", dt.date(2025, 10, 22)),
        ("two_h", dt.date(2025, 10, 22)),
    ]
    assert report.embeds[0].links == ["https://t.co/AbCdEf1234"]


def test_embed_code_kept_only_inside_a_script(tmp_path: Path) -> None:
    post_id = snowflake("2024-02-01T12:00:00")
    code = tweet_blockquote("harbourlog", post_id, "February 1, 2024").replace("/", "\\/").replace('"', '\\"')
    code = code.replace("<", "\\u003c").replace(">", "\\u003e")
    script = f'<script>window.__ARTICLE__ = {{"body": "<p>Intro</p>{code}"}};</script>'
    (embed,) = embeds_of(tmp_path, html_article("2024-02-02", "<p>Visible text.</p>", script))
    assert embed.form == "blockquote-in-script"
    assert (embed.handle, embed.post_id, embed.shown_date) == ("harbourlog", post_id, dt.date(2024, 2, 1))


def test_the_same_code_in_markup_and_script_is_one_embed(tmp_path: Path) -> None:
    post_id = snowflake("2024-02-01T12:00:00")
    code = tweet_blockquote("harbourlog", post_id, "February 1, 2024")
    script = '<script>var body = "' + code.replace('"', '\\"') + '";</script>'
    embeds = embeds_of(tmp_path, html_article("2024-02-02", code, script))
    assert [e.form for e in embeds] == ["blockquote"]


def test_an_unclosed_code_does_not_swallow_the_next(tmp_path: Path) -> None:
    second = snowflake("2024-02-01T12:00:00")
    unclosed = '<blockquote class="twitter-tweet"><p>First post, its byline lost.</p><p>Article text.</p>'
    page = html_article(
        "2024-02-02", unclosed + tweet_blockquote("second", second, "February 1, 2024") + "</blockquote>"
    )
    embeds = embeds_of(tmp_path, page)
    assert [(e.handle, e.post_id) for e in embeds] == [(None, None), ("second", second)]
    assert embeds[0].id_problem == "it has no link to the post"


def test_line_breaks_in_a_post_are_spaces(tmp_path: Path) -> None:
    post_id = snowflake("2016-11-29T12:00:00")
    code = tweet_blockquote("netwatch", post_id, "November 29, 2016").replace(
        "A post about the harbour.", "Net worth = $566,1038<br>He's cheering"
    )
    (embed,) = embeds_of(tmp_path, html_article("2016-11-30", code))
    assert embed.text == "Net worth = $566,1038 He's cheering"


@pytest.mark.parametrize(
    "markup",
    [
        '<div class="embed-youtube" data-embed-type="youtube" data-embed-id="{id}"></div>',
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" data-embed-id="{id}"></iframe>',
    ],
)
def test_other_platforms_embed_wrappers_are_not_tweets(tmp_path: Path, markup: str) -> None:
    # A CMS gives every embed wrapper a data-embed-id; only a Twitter-marked one holds a status ID.
    post_id = snowflake("2021-05-05T15:00:00")
    body = html_article("2021-05-06", "<p>Before.</p>", markup.format(id=post_id), "<p>After.</p>")
    assert [embed.platform for embed in embeds_of(tmp_path, body)] in ([], ["youtube"])


def test_a_blockquote_byline_with_a_hyphenated_handle_keeps_name_and_handle(tmp_path: Path) -> None:
    post_id = snowflake("2025-03-03T17:45:02")
    quote = (
        '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The pier closes at noon.</p>'
        f'&mdash; Ana Ruiz (@ana-ruiz) <a href="https://twitter.com/ana_ruiz/status/{post_id}">March 3, 2025</a>'
        "</blockquote>"
    )
    report = check(tmp_path, "a.html", html_article("2025-03-14", quote))
    assert [(e.handle, e.display_name, e.url_handle) for e in report.embeds] == [("ana-ruiz", "Ana Ruiz", "ana_ruiz")]
    # Shown beside another account's URL, the impossible handle is CC103's (once), as item 7 asks.
    assert codes(report) == ["CC103"]
