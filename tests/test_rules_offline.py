"""Each offline rule fires on a wrong embed and stays quiet on a right one (articles built here)."""

from __future__ import annotations

from pathlib import Path

from helpers import check, codes, html_article, snowflake, tweet_blockquote

LATE_EVENING = "2024-03-05T23:30:00"  # UTC: still March 5 in UTC, already March 6 in Asia


def test_cc202_official_code_must_show_the_utc_day(tmp_path: Path) -> None:
    post_id = snowflake(LATE_EVENING)
    wrong = check(
        tmp_path, "w.html", html_article("2024-03-07", tweet_blockquote("portauth", post_id, "March 6, 2024"))
    )
    assert codes(wrong) == ["CC202"]
    finding = wrong.findings[0]
    assert finding.severity == "error" and finding.embed == 0
    assert "March 6, 2024" in finding.message and "2024-03-05 23:30 UTC" in finding.message
    assert set(finding.evidence) == {"shown_date", "id_time"}
    right = check(
        tmp_path, "r.html", html_article("2024-03-07", tweet_blockquote("portauth", post_id, "March 5, 2024"))
    )
    assert codes(right) == []


def test_cc202_hand_made_code_gets_one_day(tmp_path: Path) -> None:
    post_id = snowflake(LATE_EVENING)
    local_day = tweet_blockquote("portauth", post_id, "March 6, 2024", ref_src=False)
    assert codes(check(tmp_path, "a.html", html_article("2024-03-07", local_day))) == []
    two_days = tweet_blockquote("portauth", post_id, "March 8, 2024", ref_src=False)
    assert codes(check(tmp_path, "b.html", html_article("2024-03-09", two_days))) == ["CC202"]


def test_cc201_post_after_publication(tmp_path: Path) -> None:
    post_id = snowflake("2024-03-09T10:00:00")
    page = html_article("2024-03-05T12:00:00Z", tweet_blockquote("portauth", post_id, "March 9, 2024"))
    report = check(tmp_path, "late.html", page)
    assert codes(report) == ["CC201"]
    assert report.findings[0].severity == "error"
    assert "2024-03-05" in report.findings[0].message
    assert report.findings[0].evidence["published"].value == "2024-03-05"


def test_cc201_flattened_tail_without_id_uses_the_shown_date(tmp_path: Path) -> None:
    text = "date 2024-03-05\nThe port reopened.\n\nAll clear at the port. pic.twitter.com/Zz9Yy8Xx7W — Port Authority (@portauth) March 12, 2024\n"
    assert codes(check(tmp_path, "a.txt", text)) == ["CC201"]
    same_day = text.replace("March 12", "March 6")
    assert codes(check(tmp_path, "b.txt", same_day)) == []


def test_cc201_is_info_when_the_page_was_updated_after_the_post(tmp_path: Path) -> None:
    post_id = snowflake("2024-03-09T10:00:00")
    page = html_article("2024-03-05T12:00:00Z", tweet_blockquote("portauth", post_id, "March 9, 2024")).replace(
        "</head>", '<meta property="article:modified_time" content="2024-03-10T08:00:00Z"></head>'
    )
    report = check(tmp_path, "updated.html", page)
    assert [(f.rule, f.severity) for f in report.findings] == [("CC201", "info")]
    assert "2024-03-10" in report.findings[0].message


def test_cc201_after_an_update_keeps_a_severity_the_user_set(tmp_path: Path) -> None:
    post_id = snowflake("2024-03-09T10:00:00")
    page = html_article("2024-03-05T12:00:00Z", tweet_blockquote("portauth", post_id, "March 9, 2024")).replace(
        "</head>", '<meta property="article:modified_time" content="2024-03-10T08:00:00Z"></head>'
    )
    for configured in ("error", "warning"):
        report = check(tmp_path, f"updated-{configured}.html", page, severity={"CC201": configured})
        assert [(f.rule, f.severity) for f in report.findings] == [("CC201", configured)]


def test_cc201_within_a_day_is_quiet(tmp_path: Path) -> None:
    post_id = snowflake("2024-03-05T20:00:00")
    page = html_article("2024-03-05T12:00:00Z", tweet_blockquote("portauth", post_id, "March 5, 2024"))
    assert codes(check(tmp_path, "a.html", page)) == []


def test_cc103_handle_differs_from_the_url(tmp_path: Path) -> None:
    post_id = snowflake("2024-03-05T10:00:00")
    wrong = tweet_blockquote("portauth", post_id, "March 5, 2024", url_handle="someoneelse")
    report = check(tmp_path, "a.html", html_article("2024-03-06", wrong))
    assert codes(report) == ["CC103"]
    assert "@portauth" in report.findings[0].message and "@someoneelse" in report.findings[0].message
    case_only = tweet_blockquote("portauth", post_id, "March 5, 2024", url_handle="PortAuth")
    assert codes(check(tmp_path, "b.html", html_article("2024-03-06", case_only))) == []


def test_cc104_id_in_the_pre_snowflake_gap(tmp_path: Path) -> None:
    gap_id = "200000000000000"  # after the last sequential ID, before the first snowflake
    report = check(
        tmp_path, "a.html", html_article("2011-01-01", tweet_blockquote("oldhand", gap_id, "December 1, 2010"))
    )
    assert codes(report) == ["CC104"]
    assert "gap" in report.findings[0].message


def test_cc104_and_cc101_for_an_official_code_without_link_or_date(tmp_path: Path) -> None:
    stripped = '<blockquote class="twitter-tweet"><p>Text only.</p>&mdash; Port (@portauth)</blockquote>'
    report = check(tmp_path, "a.html", html_article("2024-03-06", stripped))
    assert codes(report) == ["CC101", "CC104"]


def test_cc102_unreadable_shown_date(tmp_path: Path) -> None:
    post_id = snowflake("2024-03-05T10:00:00")
    page = html_article("2024-03-06", tweet_blockquote("portauth", post_id, "5 Smarch 2024"))
    report = check(tmp_path, "a.html", page)
    assert codes(report) == ["CC102"]
    assert "5 Smarch 2024" in report.findings[0].message


def test_cc204_before_twitter_existed(tmp_path: Path) -> None:
    text = "date 2006-08-01\nA look back.\n\nFirst! — Early Bird (@earlybird) May 3, 2005\n"
    report = check(tmp_path, "a.txt", text)
    assert "CC204" in codes(report)
    assert "2006-03-21" in next(f.message for f in report.findings if f.rule == "CC204")


def test_cc002_no_publication_date_and_cc201_skipped(tmp_path: Path) -> None:
    post_id = snowflake("2024-03-05T10:00:00")
    report = check(tmp_path, "a.html", html_article(None, tweet_blockquote("portauth", post_id, "March 5, 2024")))
    assert codes(report) == ["CC002"]
    assert "--published" in report.findings[0].message
    dated = check(
        tmp_path,
        "b.html",
        html_article(None, tweet_blockquote("portauth", post_id, "March 5, 2024")),
        published="2024-03-01",
    )
    assert codes(dated) == ["CC201"]


def test_select_and_ignore(tmp_path: Path) -> None:
    post_id = snowflake(LATE_EVENING)
    page = html_article(None, tweet_blockquote("portauth", post_id, "March 6, 2024"))
    assert codes(check(tmp_path, "a.html", page)) == ["CC002", "CC202"]
    assert codes(check(tmp_path, "b.html", page, ignore=["CC0"])) == ["CC202"]
    assert codes(check(tmp_path, "c.html", page, select=["CC002"])) == ["CC002"]


def test_cc201_is_a_warning_when_the_publication_date_is_a_guess(tmp_path: Path) -> None:
    post_id = snowflake("2024-03-09T10:00:00")
    # No metadata: the date comes from htmldate's reading of the visible text.
    page = (
        '<html><head><title>t</title></head><body><article><div class="byline"><span class="date">March 1, 2024</span></div>'
        + tweet_blockquote("portauth", post_id, "March 9, 2024")
        + "</article></body></html>"
    )
    report = check(tmp_path, "guess.html", page)
    assert report.published is not None and report.published.source == "htmldate"
    assert [(f.rule, f.severity) for f in report.findings] == [("CC201", "warning")]
    assert "--published" in report.findings[0].message
