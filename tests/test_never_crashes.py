"""Whatever bytes a source holds, a check ends in a report, never a traceback (property tests)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.config import Settings
from citecheck.models import FileReport
from citecheck.pipeline import check_source

# Pieces real pages are made of, embed codes and their broken halves included: random mixes of
# them reach the parsers' corners faster than random bytes alone.
PIECES = [
    "<p>",
    "</p>",
    "<blockquote class='twitter-tweet'>",
    "</blockquote>",
    "<blockquote class='instagram-media' data-instgrm-permalink='https://www.instagram.com/p/B1z2x3C4d5E/'>",
    "<a href='https://twitter.com/someone/status/1899289384964878378?ref_src=twsrc%5Etfw'>",
    "<a href='https://x.com/a/status/200000000000000'>",
    "</a>",
    "&mdash; Name (@handle) ",
    " — Name (@handle) October 17, 2025",
    "pic.twitter.com/AbCdEf1234",
    "March 10, 2025",
    "16 мая 2018 г.",
    "<iframe src='https://www.youtube.com/embed/dQw4w9WgXcQ'></iframe>",
    "<div class='fb-post' data-href='https://www.facebook.com/page/posts/1234'>",
    '<script>var x = "\\u003cblockquote class=\\"twitter-tweet\\"\\u003e";</script>',
    "<!-- citecheck: ignore CC202 -->",
    "<meta property='article:published_time' content='2025-10-27'>",
    "date 2025-10-27 ",
    "on Sunday, days earlier, last week, Oct. 17-19",
    "\n\n",
    "https://bsky.app/profile/a.bsky.social/post/3kabcdefghij2",
    "\x00",
    "\ufffd",
]

quick = settings(
    max_examples=int(os.environ.get("CITECHECK_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _check(tmp_path: Path, name: str, data: bytes) -> FileReport:
    path = tmp_path / name
    path.write_bytes(data)
    report = check_source(str(path), Settings())
    assert report.source == str(path)
    return report


@quick
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".html", ".txt", ".md", ".json", ".html.gz", ""]))
def test_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    if suffix.endswith(".gz") and data[:1] != b"\x1f":
        data = gzip.compress(data)
    report = _check(tmp_path, "page" + suffix, data)
    assert report.kind is not None or [f.rule for f in report.findings] == ["CC001"]


@quick
@given(parts=st.lists(st.sampled_from(PIECES), max_size=40), suffix=st.sampled_from([".html", ".txt", ".md"]))
def test_pieces_of_real_pages(tmp_path: Path, parts: list[str], suffix: str) -> None:
    report = _check(tmp_path, "page" + suffix, "".join(parts).encode("utf-8", "surrogatepass"))
    for finding in report.findings:
        assert finding.message
        assert finding.embed is None or 0 <= finding.embed < len(report.embeds)
