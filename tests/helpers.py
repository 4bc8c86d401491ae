"""Small builders for tests: an article on disk, checked end to end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from citecheck.config import Settings
from citecheck.models import FileReport
from citecheck.pipeline import check_source

TWITTER_EPOCH_MS = 1288834974657
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a clean skip when this checkout has none (a user's clone)."""
    import pytest

    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is only beside CI and development checkouts)")
    return path


def snowflake(when: str, low_bits: int = 4242) -> str:
    """A status ID minted at an ISO time (UTC), as Twitter's snowflake scheme would."""
    moment = dt.datetime.fromisoformat(when).replace(tzinfo=dt.timezone.utc)
    return str(((int(moment.timestamp() * 1000) - TWITTER_EPOCH_MS) << 22) | low_bits)


def tweet_blockquote(
    handle: str,
    post_id: str,
    shown: str,
    *,
    url_handle: str | None = None,
    ref_src: bool = True,
    host: str = "twitter.com",
) -> str:
    query = "?ref_src=twsrc%5Etfw" if ref_src else ""
    return (
        '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">A post about the harbour.</p>'
        f"&mdash; Some Name (@{handle}) "
        f'<a href="https://{host}/{url_handle or handle}/status/{post_id}{query}">{shown}</a></blockquote>'
    )


def html_article(published: str | None, *body: str) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paragraphs = "\n".join(body)
    return f"<!DOCTYPE html><html><head><title>t</title>{meta}</head><body><article>\n{paragraphs}\n</article></body></html>\n"


def check(tmp_path: Path, name: str, content: str | bytes, **settings: object) -> FileReport:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return check_source(str(path), Settings(**settings))  # type: ignore[arg-type]


def codes(report: FileReport) -> list[str]:
    return [finding.rule for finding in report.findings]
