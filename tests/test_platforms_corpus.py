"""The real Instagram, Facebook and YouTube embeds in ../shared/corpus: every one found, and no false
CC202 on Instagram's dated ones. Skipped when ../shared is absent."""

from __future__ import annotations

import csv
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

import pytest

from citecheck.config import Settings
from citecheck.models import FileReport
from citecheck.pipeline import check_source

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
PLATFORMS = ("instagram", "facebook", "youtube")

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / "EMBEDS.tsv").is_file(), reason="../shared/corpus is absent"),
]


@lru_cache(maxsize=1)
def expected() -> dict[str, Counter[str]]:
    wanted: dict[str, Counter[str]] = {}
    with (CORPUS / "EMBEDS.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["platform"] in PLATFORMS:
                wanted.setdefault(row["file"], Counter())[row["platform"]] += 1
    return wanted


@cache
def report(file: str) -> FileReport:
    return check_source(str(CORPUS / file), Settings())


def test_the_corpus_has_what_the_issue_counts() -> None:
    totals = sum(expected().values(), Counter())
    assert totals == Counter({"youtube": 131, "instagram": 26, "facebook": 4})


def test_every_embed_is_found() -> None:
    for file, wanted in expected().items():
        # The index counts each copy of a post seen twice in a row (a lazy player and its <noscript>
        # copy); citecheck reports one embed seen at both places.
        got = Counter(
            e.platform for e in report(file).embeds if e.platform in PLATFORMS for _ in range(1 + len(e.also_seen_at))
        )
        assert got == wanted, file


def test_instagram_dated_embeds_agree_with_their_shortcodes() -> None:
    dated = []
    for file, wanted in expected().items():
        if not wanted["instagram"]:
            continue
        result = report(file)
        for embed in result.embeds:
            if embed.platform == "instagram" and (embed.shown_time or embed.shown_date):
                dated.append(embed)
                assert embed.id_clock is not None, (file, embed.post_id)
                assert not [f for f in result.findings if f.rule == "CC202" and f.embed == embed.index], file
    assert len(dated) == 6


def test_no_finding_on_a_real_player_or_post() -> None:
    # The corpus's Instagram, Facebook and YouTube embeds are all well formed and dated before their
    # pages: none of them should raise anything offline.
    for file in expected():
        result = report(file)
        noisy = [f for f in result.findings if f.embed is not None and result.embeds[f.embed].platform in PLATFORMS]
        assert not noisy, (file, [f.message for f in noisy])
