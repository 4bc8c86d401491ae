"""The seed article and the real saved pages in ../shared (skipped where ../shared is absent)."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict

import pytest

from citecheck.config import Settings
from citecheck.models import FileReport
from citecheck.pipeline import check_paths, check_source

from helpers import shared_path


def test_seed_article_is_read_as_its_readme_says() -> None:
    seed = shared_path("seed", "000_c897fcf79e1402cc.txt")
    report = check_source(str(seed), Settings())
    assert report.published is not None
    assert (report.published.date, report.published.source) == (dt.date(2025, 10, 27), "header")
    first, second = report.embeds
    assert (first.platform, first.handle, first.display_name, first.shown_date) == (
        "twitter",
        "squatsons",
        "ayden",
        dt.date(2025, 10, 17),
    )
    assert first.links == ["https://t.co/dcAffilGRA"]
    assert first.text is not None
    assert first.text.startswith("Trump and Zelensky discussing") and first.text.endswith("defended Israel.")
    assert (second.handle, second.display_name, second.shown_date) == (
        "vioryvideo",
        "Viory Video",
        dt.date(2025, 10, 22),
    )
    assert second.links == ["https://t.co/HilwtyHeCA"]
    assert second.text is not None
    assert second.text.startswith("\u2018Good compromise\u2019") and second.text.endswith("frozen frontline")
    assert first.post_id is None and second.post_id is None
    assert [f for f in report.findings if f.severity in ("error", "warning")] == []


@pytest.fixture(scope="module")
def corpus_reports() -> dict[str, FileReport]:
    pages = shared_path("corpus", "pages")
    return {report.source: report for report in check_paths([str(pages)], Settings())}


def _expected_tweets() -> dict[str, set[str]]:
    expected: dict[str, set[str]] = defaultdict(set)
    with shared_path("corpus", "EMBEDS.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["platform"] == "twitter" and row["post_id"]:
                expected[row["file"]].add(row["post_id"])
    return expected


def test_every_corpus_page_is_read(corpus_reports: dict[str, FileReport]) -> None:
    assert len(corpus_reports) == 144
    unreadable = [
        source for source, report in corpus_reports.items() if any(f.rule == "CC001" for f in report.findings)
    ]
    assert unreadable == []


def test_every_tweet_in_embeds_tsv_is_found(corpus_reports: dict[str, FileReport]) -> None:
    root = shared_path("corpus")
    missing = []
    for file, ids in _expected_tweets().items():
        report = corpus_reports[str(root / file)]
        found = {embed.post_id for embed in report.embeds if embed.platform == "twitter"}
        missing.extend((file, post_id) for post_id in ids - found)
    assert missing == []


def test_every_real_shown_date_is_read(corpus_reports: dict[str, FileReport]) -> None:
    # EMBEDS.tsv's 154 date texts include 12 "Tweet may have been deleted" placeholders and one URL:
    # those are not dates, and citecheck does not read them as any.
    root = shared_path("corpus")
    unread = []
    with shared_path("corpus", "EMBEDS.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text = row["date_text"]
            if row["platform"] != "twitter" or not any(ch.isdigit() for ch in text) or "://" in text:
                continue
            report = corpus_reports[str(root / row["file"])]
            shown = {e.post_id: e.shown_date for e in report.embeds}
            if shown.get(row["post_id"]) is None:
                unread.append((row["file"], row["post_id"], text))
    assert unread == []


def test_no_cc202_on_real_dated_tweets(corpus_reports: dict[str, FileReport]) -> None:
    dated = [
        e for r in corpus_reports.values() for e in r.embeds if e.platform == "twitter" and e.shown_date and e.id_clock
    ]
    assert len(dated) >= 141
    false_alarms = [(s, f.message) for s, r in corpus_reports.items() for f in r.findings if f.rule == "CC202"]
    assert false_alarms == []


def test_known_oddity_posts_long_after_the_stated_date(corpus_reports: dict[str, FileReport]) -> None:
    # Tweet-Finder's time.html embeds posts 275-381 days after its stated date, but the page says it
    # was modified in 2021: CC201 reports them as infos, not errors.
    source = str(
        shared_path("corpus", "pages", "dataculturegroup+Tweet-Finder", "tweetfinder", "test", "fixtures", "time.html")
    )
    late = [f for f in corpus_reports[source].findings if f.rule == "CC201"]
    assert late and all(f.severity == "info" for f in late)
