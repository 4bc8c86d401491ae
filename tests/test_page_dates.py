"""The page's own publication date from JSON-LD, chosen by the node's type (issue 11, item 12)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from citecheck.load import load


def page(tmp_path: Path, graph: list[dict[str, object]]) -> Path:
    data = json.dumps({"@context": "https://schema.org", "@graph": graph})
    path = tmp_path / "story.html"
    path.write_text(
        f'<html><head><script type="application/ld+json">{data}</script></head>'
        "<body><article><p>The harbour reopened.</p></article></body></html>",
        encoding="utf-8",
    )
    return path


def test_the_article_node_wins_over_a_post_or_video_listed_first(tmp_path: Path) -> None:
    graph = [
        {"@type": "SocialMediaPosting", "datePublished": "2025-03-20T08:00:00Z", "dateModified": "2025-03-21"},
        {"@type": "VideoObject", "datePublished": "2025-02-01", "uploadDate": "2025-02-01"},
        {"@type": "WebPage", "datePublished": "2025-03-13", "dateModified": "2025-03-13"},
        {
            "@type": ["NewsArticle", "ReportageNewsArticle"],
            "datePublished": "2025-03-14T09:00:00Z",
            "dateModified": "2025-03-15T10:00:00Z",
        },
    ]
    document = load(str(page(tmp_path, graph)))
    assert document.published is not None and document.modified is not None
    assert document.published.date == dt.date(2025, 3, 14)
    assert document.published.source == "json-ld"
    assert document.modified.date == dt.date(2025, 3, 15)


def test_the_web_page_comes_before_other_kinds_and_a_quoted_post_never_dates_the_page(tmp_path: Path) -> None:
    graph = [
        {"@type": "Event", "datePublished": "2025-01-05"},
        {"@type": "https://schema.org/WebPage", "datePublished": "2025-03-13"},
    ]
    assert load(str(page(tmp_path, graph))).published.date == dt.date(2025, 3, 13)  # type: ignore[union-attr]
    only_a_post = [{"@type": "SocialMediaPosting", "datePublished": "2025-03-20"}]
    published = load(str(page(tmp_path, only_a_post))).published
    assert published is None or published.source != "json-ld"


PAGE_WITHOUT_METADATA = """<html><head><title>Harbour notes</title></head><body><article><h1>Harbour notes</h1>
<p>The ferry timetable changes again next month, the operator said.</p>
<p>Route 4 will run every 20 minutes. {line}</p>
<blockquote class="twitter-tweet"><p>Quay 3 closes on Tuesday.</p>&mdash; Port Authority (@portauthority_x)
<a href="https://twitter.com/portauthority_x/status/1898741079864369728">March 9, 2025</a></blockquote>
</article></body></html>"""


def test_without_metadata_htmldate_searches_the_text_and_the_report_says_so(tmp_path: Path) -> None:
    path = tmp_path / "notes.html"
    path.write_text(PAGE_WITHOUT_METADATA.format(line="Last reviewed 14/03/2025 by the desk."), encoding="utf-8")
    published = load(str(path)).published
    assert published is not None
    assert (published.date, published.source, published.detail) == (
        dt.date(2025, 3, 14),
        "htmldate",
        "htmldate extensive search",
    )


def test_the_extensive_search_never_takes_a_quoted_post_s_date_for_the_page_s(tmp_path: Path) -> None:
    path = tmp_path / "notes.html"
    path.write_text(PAGE_WITHOUT_METADATA.format(line=""), encoding="utf-8")
    assert load(str(path)).published is None  # the only date is the tweet's: CC002, not 2025-03-09


def test_a_guess_an_embedded_post_proves_wrong_is_not_used(tmp_path: Path) -> None:
    from citecheck.config import Settings
    from citecheck.pipeline import check_source

    path = tmp_path / "notes.html"
    # The only date in the text is a week before the post the page embeds (2025-03-09).
    path.write_text(PAGE_WITHOUT_METADATA.format(line="Last reviewed 01/03/2025 by the desk."), encoding="utf-8")
    assert load(str(path)).published is not None  # the load stage's guess...
    report = check_source(str(path), Settings())
    assert report.published is None  # ...which the embed's ID clock contradicts
    rules = {f.rule for f in report.findings}
    assert "CC002" in rules and "CC201" not in rules
    assert report.notes == [
        "htmldate (extensive search) guessed the publication date 2025-03-01, but embed 0 was posted"
        " 2025-03-09 (its ID's clock): the guess is not used"
    ]


# A platform's own page of posts (what a saved timeline looks like): no article metadata, and an
# old date in a profile's "joined" line that htmldate's fast mode reads as the page's.
TIMELINE_PAGE = """<html><head><title>Port Authority on X</title>
<link rel="canonical" href="https://twitter.com/portauthority_x/status/1898741079864369728"></head><body>
<div class="ProfileHeaderCard"><span class="ProfileHeaderCard-joinDate">
<span class="date" title="Joined {joined}">Joined {joined}</span></span></div>
<blockquote class="twitter-tweet"><p>Quay 3 closes on Tuesday.</p>&mdash; Port Authority (@portauthority_x)
<a href="https://twitter.com/portauthority_x/status/1898741079864369728">March 9, 2025</a></blockquote>
</body></html>"""


def test_a_fast_mode_guess_an_embedded_post_proves_wrong_is_not_used(tmp_path: Path) -> None:
    from citecheck.config import Settings
    from citecheck.pipeline import check_source

    path = tmp_path / "timeline.html"
    path.write_text(TIMELINE_PAGE.format(joined="20 October 2011"), encoding="utf-8")
    guess = load(str(path)).published
    assert guess is not None and (guess.date, guess.detail) == (dt.date(2011, 10, 20), "htmldate original date")
    report = check_source(str(path), Settings())
    assert report.published is None
    rules = {f.rule for f in report.findings}
    assert "CC002" in rules and "CC201" not in rules  # was: a CC201 warning 13 years "after publication"
    assert report.notes == [
        "htmldate (original date) guessed the publication date 2011-10-20, but embed 0 was posted"
        " 2025-03-09 (its ID's clock): the guess is not used"
    ]


def test_a_guess_the_embeds_agree_with_stays(tmp_path: Path) -> None:
    from citecheck.config import Settings
    from citecheck.pipeline import check_source

    path = tmp_path / "timeline.html"
    path.write_text(TIMELINE_PAGE.format(joined="10 March 2025"), encoding="utf-8")
    report = check_source(str(path), Settings())
    assert report.published is not None and report.published.date == dt.date(2025, 3, 10)
    assert report.notes == []


def test_a_fast_mode_guess_on_an_article_stays_and_cc201_warns(tmp_path: Path) -> None:
    from citecheck.config import Settings
    from citecheck.pipeline import check_source

    # The same page as an article's (its own URL, not the post's): the byline's date is the lead.
    path = tmp_path / "article.html"
    article = TIMELINE_PAGE.format(joined="20 October 2011").replace(
        'https://twitter.com/portauthority_x/status/1898741079864369728">', 'https://news.example/harbour">', 1
    )
    path.write_text(article, encoding="utf-8")
    report = check_source(str(path), Settings())
    assert report.published is not None and report.published.date == dt.date(2011, 10, 20)
    assert [(f.rule, f.severity) for f in report.findings] == [("CC201", "warning")]


def test_the_saved_twitter_timeline_page_gives_no_cc201() -> None:
    # A real page: Twitter's own page of a status (a timeline), with no article metadata; htmldate's
    # fast mode read a profile's 2011 date as the page's and gave twelve CC201 warnings.
    from citecheck.config import Settings
    from citecheck.pipeline import check_source

    from helpers import shared_path

    page = shared_path("corpus", "pages", "postlight+parser", "fixtures", "twitter.com.html")
    report = check_source(str(page), Settings())
    assert len(report.embeds) == 12
    assert report.published is None and "CC201" not in {f.rule for f in report.findings}
    assert any("the guess is not used" in note for note in report.notes)
