"""--online replayed from cassettes: the seed article, and one embed per way verification can fail."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from citecheck.config import NetworkSettings, Settings
from citecheck.lookup import Verifier
from citecheck.models import Embed, FileReport, Location
from citecheck.pipeline import check_source

from helpers import SHARED

HERE = Path(__file__).resolve().parent
SEED = SHARED / "seed" / "000_c897fcf79e1402cc.txt"
SCENARIOS = HERE / "articles" / "scenarios.html"


def online(**network: object) -> Settings:
    return Settings(online=True, network=NetworkSettings(cache=False, **network))  # type: ignore[arg-type]


def codes(report: FileReport, embed: int) -> dict[str, str]:
    return {f.rule: f.severity for f in report.findings if f.embed == embed}


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not here")
@pytest.mark.vcr("twitter_seed.yaml")
def test_seed_resolves_both_pic_links_and_checks_handle_date_text() -> None:
    report = check_source(str(SEED), online())
    assert [e.links for e in report.embeds] == [["https://t.co/dcAffilGRA"], ["https://t.co/HilwtyHeCA"]]
    first, second = report.evidence
    assert first.resolved_links["https://t.co/dcAffilGRA"].startswith("https://x.com/squatsons/status/")
    assert second.resolved_links["https://t.co/HilwtyHeCA"].startswith("https://x.com/vioryvideo/status/")
    assert first.post_id and second.post_id
    assert (first.status, first.author_handle, str(first.created.date() if first.created else None)) == (
        "exists",
        "squatsons",
        "2025-10-17",
    )
    assert (second.status, second.author_handle, str(second.created.date() if second.created else None)) == (
        "exists",
        "vioryvideo",
        "2025-10-22",
    )
    assert first.text and first.text.startswith("Trump and Zelensky")
    # handle, date and text all agree: no CC3xx finding, not even "unverified".
    assert not [f for f in report.findings if f.rule.startswith("CC3")], report.findings


@pytest.mark.vcr("twitter_scenarios.yaml")
def test_each_scenario_gives_its_code() -> None:
    report = check_source(str(SCENARIOS), online())
    assert len(report.embeds) == 8
    assert codes(report, 0) == {"CC301": "warning"}  # deleted
    deleted = next(f for f in report.findings if f.embed == 0)
    assert "web.archive.org" in deleted.message and deleted.evidence["platform"]["endpoint"]
    assert codes(report, 1) == {"CC301": "warning"}  # protected
    assert report.evidence[1].status == "protected"
    assert codes(report, 2) == {"CC302": "info"}  # renamed: info, with both names
    renamed = next(f for f in report.findings if f.embed == 2)
    assert "@old_citydesk" in renamed.message and "@citydesk" in renamed.message
    assert codes(report, 3) == {"CC302": "error"}  # impostor
    assert codes(report, 4) == {"CC303": "warning"}  # misquoted
    misquote = next(f for f in report.findings if f.embed == 4)
    assert "500" in misquote.message and "50" in misquote.message
    assert codes(report, 5) == {"CC305": "error"}  # mis-dated
    assert "2025-09-28" in next(f for f in report.findings if f.embed == 5).message
    assert codes(report, 6) == {"CC304": "error"}  # pic link of another author's post
    assert codes(report, 7) == {}  # all agree
    for finding in report.findings:
        assert finding.evidence.get("platform", {}).get("endpoint") or finding.rule == "CC304"


@pytest.mark.vcr("twitter_scenarios.yaml")
def test_ignore_silences_platform_rules() -> None:
    settings = online()
    settings.ignore = ["CC30"]
    report = check_source(str(SCENARIOS), settings)
    assert not [f for f in report.findings if f.rule.startswith("CC30")]


def embed(index: int, platform: str, url: str, handle: str | None = None, text: str | None = None) -> Embed:
    return Embed(
        index=index, platform=platform, form="blockquote", post_url=url, handle=handle, text=text,
        location=Location(line=1, column=1),
    )  # fmt: skip


@pytest.mark.vcr("other_platforms.yaml")
def test_other_platforms() -> None:
    embeds = [
        embed(0, "bluesky", "https://bsky.app/profile/newsdesk.bsky.social/post/3l6oveex3ii2l", "newsdesk.bsky.social"),
        embed(1, "bluesky", "https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3l6ovgone0000"),
        embed(2, "mastodon", "https://mastodon.social/@reporter/113312345678901234", "reporter@mastodon.social"),
        embed(3, "mastodon", "https://mastodon.social/@reporter/113399999999999999"),
        embed(4, "tiktok", "https://www.tiktok.com/@dancer/video/7430000000000000000", "dancer"),
        embed(5, "youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        embed(6, "youtube", "https://www.youtube.com/watch?v=priv4teVid0"),
        embed(7, "reddit", "https://www.reddit.com/r/news/comments/1g3abcd/flooding_on_main_street/"),
        embed(8, "instagram", "https://www.instagram.com/p/C0abcdEFG12/"),
    ]
    with Verifier(NetworkSettings(cache=False)) as verifier:
        found = verifier.verify(embeds)
    assert (found[0].status, found[0].author_handle, found[0].author_id) == (
        "exists",
        "newsdesk.bsky.social",
        "did:plc:z72i7hdynmk6r22z27h6tvur",
    )
    assert found[0].created and found[0].created.isoformat().startswith("2025-10-14T15:00")
    assert found[1].status == "deleted"
    assert (found[2].status, found[2].author_handle, found[2].text) == (
        "exists",
        "reporter@mastodon.social",
        "The road is closed until Friday.",
    )
    assert found[3].status == "deleted"
    assert (found[4].status, found[4].author_handle) == ("exists", "dancer")
    assert (found[5].status, found[5].author_handle) == ("exists", "govchannel")
    assert found[6].status == "protected"
    assert (found[7].status, found[7].author_handle) == ("exists", "city_reporter")
    assert found[8].status == "unknown" and "app token" in (found[8].failure or "")


def test_cassettes_hold_no_secrets() -> None:
    for path in (HERE.parents[1] / "cassettes").glob("*.yaml"):
        text = path.read_text(encoding="utf-8").lower()
        for header in ("authorization", "cookie", "x-csrf-token", "x-guest-token", "bearer "):
            assert header not in text, f"{path.name} mentions {header}"


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not here")
def test_cli_online_without_cassette_never_reaches_the_network(tmp_path: Path) -> None:
    # Endpoints pointed at a closed local port: refused (no config can lower the guard), CC306, quickly.
    config = tmp_path / "citecheck.toml"
    config.write_text(
        "[network]\ncache = false\nretries = 0\ntimeout = 1\n"
        '[network.endpoints]\n"twitter.tco" = "http://127.0.0.1:9"\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "citecheck",
            "check",
            "--online",
            "--format",
            "json",
            "--config",
            str(config),
            str(SEED),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    data = json.loads(result.stdout)
    rules = [f["rule"] for f in data["files"][0]["findings"]]
    assert rules.count("CC306") == 2, result.stdout + result.stderr
