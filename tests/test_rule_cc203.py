"""CC203: an embed's date against the dates the sentences next to it name."""

from __future__ import annotations

from pathlib import Path

from helpers import check, codes, html_article, snowflake, tweet_blockquote

ARTICLE = """date 2025-03-14
The bridge closed on Tuesday.

The mayor wrote on March 3 that the bridge was safe.

The bridge is safe and will stay open. — Mayor Ada Kessling (@mayor_kessling) {shown}

Engineers disagreed.
"""


def test_fires_when_the_embed_contradicts_the_date_its_context_names(tmp_path: Path) -> None:
    report = check(tmp_path, "moved.txt", ARTICLE.format(shown="March 9, 2025"))
    assert codes(report) == ["CC203"]
    finding = report.findings[0]
    assert finding.severity == "warning"
    assert "'March 3' = 2025-03-03" in finding.message and "2025-03-09" in finding.message
    assert finding.evidence["context_date"].value == "2025-03-03"


def test_quiet_when_the_dates_agree_or_the_post_is_a_reaction_days_later(tmp_path: Path) -> None:
    assert codes(check(tmp_path, "same.txt", ARTICLE.format(shown="March 3, 2025"))) == []
    assert codes(check(tmp_path, "next.txt", ARTICLE.format(shown="March 5, 2025"))) == []


def test_fires_when_the_post_predates_the_day_it_is_said_to_be_from(tmp_path: Path) -> None:
    assert codes(check(tmp_path, "early.txt", ARTICLE.format(shown="February 26, 2025"))) == ["CC203"]


def test_today_and_future_mentions_do_not_tie_an_embed(tmp_path: Path) -> None:
    text = "date 2025-03-14\nToday the council will vote, and next week it meets again.\n\nVote today! — Council (@council) March 1, 2025\n"
    assert codes(check(tmp_path, "today.txt", text)) == []


def test_uses_the_shown_date_of_code_embeds(tmp_path: Path) -> None:
    post_id = snowflake("2025-03-03T10:00:00")
    page = html_article(
        "2025-03-14",
        "<p>The mayor wrote on March 3 that the bridge was safe.</p>",
        tweet_blockquote("mayor_kessling", post_id, "March 3, 2025"),
    )
    assert codes(check(tmp_path, "ok.html", page)) == []
    moved = page.replace("March 3, 2025", "March 10, 2025")
    assert codes(check(tmp_path, "moved.html", moved)) == ["CC202", "CC203"]


def test_seed_chronology_keeps_cc203_quiet(tmp_path: Path) -> None:
    from helpers import shared_path

    report = check(tmp_path, "seed.txt", shared_path("seed", "000_c897fcf79e1402cc.txt").read_text())
    assert codes(report) == []


def test_a_neighbouring_flattened_embed_is_not_context(tmp_path: Path) -> None:
    text = (
        "date 2025-03-14\nThe mayor wrote on March 3 that the bridge was safe.\n\n"
        "The bridge is safe. — Mayor Ada Kessling (@mayor_kessling) March 3, 2025\n\n"
        "Not for long, March 9. — Bridge Watch (@bridgewatch) March 4, 2025\n"
    )
    report = check(tmp_path, "two.txt", text)
    assert [(e.paragraph_before, e.paragraph_after) for e in report.embeds] == [(0, None), (None, None)]
    assert codes(report) == []


def test_the_days_of_grace_after_the_context_stop_at_the_article(tmp_path: Path) -> None:
    # "Last week" in a Monday story is 2025-03-03..09. A post three days after that span would be a
    # late reaction in a later story, but this one is dated after the article itself.
    text = (
        "date 2025-03-10\nThe mayor wrote last week that the bridge was safe.\n\n"
        "The bridge is safe. — Mayor Ada Kessling (@mayor_kessling) {shown}\n"
    )
    assert codes(check(tmp_path, "inside.txt", text.format(shown="March 7, 2025"))) == []
    assert codes(check(tmp_path, "next_day.txt", text.format(shown="March 11, 2025"))) == []
    after = check(tmp_path, "after.txt", text.format(shown="March 12, 2025"))
    assert "CC203" in codes(after)
