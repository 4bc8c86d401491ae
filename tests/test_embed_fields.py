"""A platform parser's fields reach the Embed model whole: a key the model does not have is an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from citecheck.embeds import extract, platform
from citecheck.load import load
from citecheck.models import Document, Embed, EmbedFields

from helpers import html_article, snowflake, tweet_blockquote


def _article(tmp_path: Path) -> Document:
    path = tmp_path / "a.html"
    post_id = snowflake("2025-10-17T09:00:00")
    path.write_text(
        html_article("2025-10-18", tweet_blockquote("harbour", post_id, "October 17, 2025")), encoding="utf-8"
    )
    return load(str(path))


def test_a_misspelt_field_from_a_parser_is_an_error_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    twitter = platform("twitter")
    parse = twitter.from_element

    def misspelt(element: Any, document: Document) -> Any:
        fields = parse(element, document)
        if fields:
            fields["shown_dat"] = fields.pop("shown_date", None)
        return fields

    document = _article(tmp_path)
    [embed] = extract(document)  # the real parser: the date shown is read
    assert str(embed.shown_date) == "2025-10-17"
    monkeypatch.setattr(twitter, "from_element", misspelt)
    with pytest.raises(TypeError, match="twitter gave fields an embed does not have: shown_dat"):
        extract(_article(tmp_path))


def test_the_parsers_shape_is_the_embed_model_but_what_extract_sets() -> None:
    set_by_extract = {"index", "platform", "location", "also_seen_at"}
    assert set(EmbedFields.__annotations__) == set(Embed.model_fields) - set_by_extract
    assert EmbedFields.__optional_keys__ == frozenset(EmbedFields.__annotations__)  # a parser gives what it read
