"""CC205 embed-after-capture, and a publication date later than the capture said to be misread."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.config import Settings
from citecheck.models import FileReport
from citecheck.pipeline import check_paths

from helpers import html_article, snowflake, tweet_blockquote, warc_record, write_warc


def archived(tmp_path: Path, page: str, captured: str, **settings: object) -> FileReport:
    archive = write_warc(
        tmp_path / "crawl.warc.gz", [warc_record("https://news.example/2025/story", page.encode(), date=captured)]
    )
    (report,) = check_paths([str(archive)], Settings(**settings), jobs=1)  # type: ignore[arg-type]
    return report


def rules(report: FileReport) -> list[str]:
    return [finding.rule for finding in report.findings]


def test_a_post_made_after_the_capture_fires_with_both_times_as_evidence(tmp_path: Path) -> None:
    post = snowflake("2025-03-12T14:05:00")
    page = html_article(
        "2025-03-09T10:00:00Z", "<p>The mayor spoke.</p>", tweet_blockquote("mara", post, "March 12, 2025")
    )
    report = archived(tmp_path, page, "2025-03-10T08:00:00Z")
    assert "CC205" in rules(report)
    finding = next(f for f in report.findings if f.rule == "CC205")
    assert finding.severity == "error" and finding.embed == 0
    assert "2025-03-10 08:00:00 UTC" in finding.message and "2025-03-12T14:05" in finding.message
    assert finding.evidence["captured"].value == "2025-03-10T08:00:00+00:00"
    assert "crawl.warc.gz" in finding.evidence["captured"].source
    assert "snowflake" in finding.evidence["post_time"].source


def test_a_post_made_a_minute_before_the_capture_does_not_fire(tmp_path: Path) -> None:
    post = snowflake("2025-03-10T07:59:00")
    page = html_article("2025-03-10T07:00:00Z", tweet_blockquote("mara", post, "March 10, 2025"))
    assert "CC205" not in rules(archived(tmp_path, page, "2025-03-10T08:00:00Z"))


def test_a_shown_date_alone_fires_only_when_no_zone_could_make_it_the_capture_day(tmp_path: Path) -> None:
    # A flattened tail: no ID, so only the shown date says when the post was made.
    same_day = "<p>All clear at the port. — Port Authority (@portauth) March 10, 2025</p>"
    next_week = "<p>All clear at the port. — Port Authority (@portauth) March 17, 2025</p>"
    quiet = archived(tmp_path, html_article("2025-03-09", same_day), "2025-03-10T00:30:00Z")
    assert [e.shown_date_text for e in quiet.embeds] == ["March 10, 2025"]
    assert "CC205" not in rules(quiet)
    report = archived(tmp_path, html_article("2025-03-09", next_week), "2025-03-10T00:30:00Z")
    assert "CC205" in rules(report)


def test_the_same_page_as_a_file_has_no_capture_and_never_fires(tmp_path: Path) -> None:
    from helpers import check

    post = snowflake("2025-03-12T14:05:00")
    page = html_article("2025-03-12T15:00:00Z", tweet_blockquote("mara", post, "March 12, 2025"))
    assert "CC205" not in rules(check(tmp_path, "story.html", page))
    assert "CC205" in rules(archived(tmp_path, page, "2025-03-10T08:00:00Z"))


def test_a_publication_date_after_the_capture_is_reported_misread_and_cc201_stands_down(tmp_path: Path) -> None:
    post = snowflake("2025-03-09T09:00:00")
    page = html_article("2025-03-20T09:00:00Z", tweet_blockquote("mara", post, "March 9, 2025"))
    report = archived(tmp_path, page, "2025-03-10T08:00:00Z")
    assert report.published is not None and report.published.misread is not None
    assert "2025-03-10 08:00:00 UTC" in report.published.misread
    cc002 = next(f for f in report.findings if f.rule == "CC002")
    assert "misread" in cc002.message and "2025-03-20" in cc002.message
    assert "CC201" not in rules(report) and "CC205" not in rules(report)


def test_a_date_only_publication_the_next_local_day_is_not_misread(tmp_path: Path) -> None:
    # Captured late on the 10th UTC: in Auckland the page may already say the 11th.
    page = html_article("2025-03-11", "<p>Nothing embedded.</p>")
    report = archived(tmp_path, page, "2025-03-10T20:00:00Z")
    assert report.published is not None and report.published.misread is None
    assert "CC002" not in rules(report)


def test_published_option_is_the_users_word_and_never_misread(tmp_path: Path) -> None:
    import datetime as dt

    page = html_article(None, "<p>Nothing embedded.</p>")
    report = archived(tmp_path, page, "2025-03-10T08:00:00Z", published=dt.date(2025, 4, 1))
    assert report.published is not None and report.published.misread is None


@pytest.mark.corpus
def test_real_pages_captured_after_publication_never_fire(tmp_path: Path) -> None:
    # The corpus's saved news articles, each archived two days after its known publication date, as
    # a crawl would: none quotes a post from after that, so CC205 stays quiet on every one.
    import csv
    import datetime as dt

    from helpers import shared_path

    corpus = shared_path("corpus")
    with (corpus / "INDEX.tsv").open(encoding="utf-8") as index:
        dated = [
            row
            for row in csv.DictReader(index, delimiter="\t")
            if row["expected_pub_date_if_known"] and row["page_kind"] == "article"
        ]
    records = []
    for number, row in enumerate(dated):
        published = dt.date.fromisoformat(row["expected_pub_date_if_known"][:10])
        captured = f"{published + dt.timedelta(days=2)}T00:00:00Z"
        page = corpus / row["file"]
        records.append(warc_record(f"https://news.example/{number}", page.read_bytes(), date=captured))
    assert records, "the corpus index names no publication dates"
    archive = write_warc(tmp_path / "crawl.warc.gz", records)
    reports = list(check_paths([str(archive)], Settings(), jobs=1))
    assert len(reports) == len(records) and sum(len(report.embeds) for report in reports) > 0
    assert [(report.source, rules(report)) for report in reports if "CC205" in rules(report)] == []
