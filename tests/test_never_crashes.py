"""Whatever bytes a source holds, a check ends in a report, never a traceback (property tests)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest
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
    # check_source turns a bug into a CC001 "internal error" so a run keeps its other files: here
    # that would be a failure, not a report.
    assert not any("internal error" in finding.message for finding in report.findings)
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


# Hostile inputs found by fuzzing: each ends in a report (or CC001), never a traceback or a hang.


def _rules(report: FileReport) -> list[str]:
    return [f.rule for f in report.findings]


def test_impossible_time_zone_is_a_date_without_a_time(tmp_path: Path) -> None:
    # dt.timezone refuses offsets of a day or more: "+99:99" raised ValueError out of the load stage.
    head = "<meta property='article:published_time' content='2024-03-01T10:00:00+99:99'>"
    for page in (
        head,
        '<script type=\'application/ld+json\'>{"datePublished": "2024-03-01T10:00+2400"}</script>',
        "<time itemprop='datePublished' datetime='2024-03-01T10:00-77:00'>x</time>",
    ):
        report = _check(tmp_path, "page.html", f"<html><head>{page}</head><body><p>x</p></body></html>".encode())
        assert report.published is not None and str(report.published.date) == "2024-03-01"
        assert report.published.datetime is None


def test_front_matter_naming_impossible_values_is_no_front_matter(tmp_path: Path) -> None:
    # YAML's own constructors raise ValueError (not YAMLError) for these.
    for value in ("2024-02-30", "0000-00-00", "2024-03-01T99:99:99", "2001-12-14 21:59:43.10 +99:00"):
        report = _check(tmp_path, "draft.md", f"---\ndate: {value}\n---\n\nhello\n".encode())
        assert report.kind == "markdown" and "CC002" in _rules(report)


def test_front_matter_nested_too_deeply_or_too_long(tmp_path: Path) -> None:
    deep = "---\ndate: " + "[" * 20000 + "]" * 20000 + "\n---\n\nhello\n"
    assert "CC002" in _rules(_check(tmp_path, "deep.md", deep.encode()))
    long = "---\n" + "".join(f"k{i}: [{i}, {{a: b}}]\n" for i in range(40000)) + "date: 2020-01-01\n---\n\nhi\n"
    report = _check(tmp_path, "long.md", long.encode())  # ~1 MB of YAML: 3 s to build, so not read
    assert report.kind == "markdown"


def test_yaml_bomb_in_front_matter(tmp_path: Path) -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "---\n" + "\n".join(lines) + "\ndate: *i\ntitle: *i\nurl: *i\nlastmod: *i\n---\n\nhello\n"
    report = _check(tmp_path, "bomb.md", text.encode())
    assert report.kind == "markdown" and "CC002" in _rules(report)


def test_wordpress_content_of_the_wrong_type(tmp_path: Path) -> None:
    for content in ("5", "true", '["<p>x</p>"]', '{"a": 1}'):
        data = '{"content": {"rendered": ' + content + '}, "date_gmt": 5, "link": 7, "title": "t"}'
        report = _check(tmp_path, "post.json", data.encode())
        assert _rules(report) == ["CC001"] and "content.rendered" in report.findings[0].message


def test_json_nested_too_deeply_is_cc001_for_check_and_timeline(tmp_path: Path) -> None:
    from citecheck.load import LoadError, load

    path = tmp_path / "deep.json"
    path.write_text("[" * 100000 + "]" * 100000)
    report = check_source(str(path), Settings())
    assert _rules(report) == ["CC001"] and "nested too deeply" in report.findings[0].message
    try:
        load(str(path))
    except LoadError as error:
        assert "nested too deeply" in error.reason
    else:  # pragma: no cover
        raise AssertionError("no LoadError")


def test_timeml_with_an_impossible_dct_or_unclosed_tags(tmp_path: Path) -> None:
    import time

    bad_dct = '<TimeML><DOCID>x</DOCID><DCT><TIMEX3 value="2020-02-30">x</TIMEX3></DCT><TEXT>On Monday</TEXT></TimeML>'
    report = _check(tmp_path, "a.tml", bad_dct.encode())
    assert report.kind == "timeml" and report.published is None
    for filler in ("<DOCID>", "<TEXT>", "<DCT> <TIMEX3 "):
        started = time.perf_counter()
        report = _check(tmp_path, "b.tml", ("<TimeML>" + filler * 50000 + "</TimeML>").encode())
        assert time.perf_counter() - started < 5  # the lazy-regex searches were quadratic: minutes


def test_tweet_data_time_beyond_any_clock(tmp_path: Path) -> None:
    tweet = (
        "<div class='tweet' data-tweet-id='1234567890123456789' data-screen-name='a'"
        " data-permalink-path='/a/status/1234567890123456789'><span data-time='{}'>x</span></div>"
    )
    page = "".join(tweet.format(t) for t in ("99999999999999999999", "-99999999999999"))
    report = _check(tmp_path, "page.html", f"<html><body><p>x</p>{page}</body></html>".encode())
    assert report.kind == "html"


def test_named_pipe_without_a_writer_does_not_hang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from citecheck.load import read

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    monkeypatch.setattr(read, "PIPE_WAIT_SECONDS", 0.1)
    fifo = tmp_path / "fifo.html"
    os.mkfifo(fifo)
    report = check_source(str(fifo), Settings())
    assert _rules(report) == ["CC001"] and "named pipe" in report.findings[0].message


def test_named_pipe_with_a_writer_is_read(tmp_path: Path) -> None:
    import threading

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w") as handle:
            handle.write("date 2025-10-27\n\nhello\n")

    writer = threading.Thread(target=write)
    writer.start()
    report = check_source(str(fifo), Settings())
    writer.join()
    assert report.kind == "text" and report.published is not None


def test_symlink_loop_is_cc001(tmp_path: Path) -> None:
    loop = tmp_path / "loop.html"
    loop.symlink_to(loop)
    report = check_source(str(loop), Settings())
    assert _rules(report) == ["CC001"]


def test_flattened_tail_with_a_long_run_of_spaces_is_linear(tmp_path: Path) -> None:
    # The tail and byline patterns let \s*, the display name and \s* share one run of spaces:
    # quadratic or worse in its length (a 1 MB flattened line never finished).
    import time

    spaces = " " * 200_000
    for line in (
        f"pic.twitter.com/abc \u2014 {spaces}(@a)",
        f"\u2014 Name{spaces}x (@a.bsky.social)",
        f"A post shared by {spaces}x",
        f"A post shared by Name{spaces}x",
        f"Posted by {spaces}x",
        f"Posted by Name{spaces}x",
    ):
        started = time.perf_counter()
        report = _check(tmp_path, "page.txt", f"date 2024-03-01\n\n{line}\n".encode())
        assert report.kind == "text"
        assert time.perf_counter() - started < 5, line[:30]


def test_unclosed_embed_codes_nested_a_thousand_deep_are_linear(tmp_path: Path) -> None:
    # Each unclosed code swallows the rest of the page: reading (or deep-copying) all of it for
    # every code was quadratic, 10-20 s on a real page.
    import time

    rest = "<p>The council met on Monday and again on Tuesday.</p>" * 2000
    for code in (
        "<blockquote class='instagram-media' data-instgrm-permalink='https://www.instagram.com/p/B1z2x3C4d5E/'>",
        "<blockquote class='twitter-tweet'><a href='https://twitter.com/a/status/1234567890123456789'>x</a>",
    ):
        started = time.perf_counter()
        report = _check(tmp_path, "page.html", f"<html><body>{code * 1000}{rest}</body></html>".encode())
        assert len(report.embeds) == 1000
        assert time.perf_counter() - started < 5


def test_a_megabyte_of_dates_next_to_an_embed(tmp_path: Path) -> None:
    # The tagger costs ~0.3 ms a mention: CC203 tagged the whole of both paragraphs around an embed,
    # 40 s for 2 MB of "Monday, Tuesday and ...". It reads their ends only now.
    import time

    dates = "Monday, Tuesday and " * 50_000
    text = f"date 2024-03-01\n\n{dates}pic.twitter.com/abc \u2014 Ann (@ann) February 27, 2024\n\n{dates}\n"
    started = time.perf_counter()
    report = _check(tmp_path, "page.txt", text.encode())
    assert len(report.embeds) == 1
    assert time.perf_counter() - started < 8


def test_mentions_at_the_edges_of_a_long_paragraph() -> None:
    from citecheck.models import Document
    from citecheck.timeline import find_mentions

    text = "On March 3, 2024 it began. " + "Nothing happened then. " * 2000 + "It ended on March 9, 2024."
    document = Document(source="x", kind="text", text=text)
    from citecheck.load.text import text_paragraphs

    document.paragraphs = text_paragraphs(document)
    whole = [(m.start, m.text) for m in find_mentions(document)]
    edges = [(m.start, m.text) for m in find_mentions(document, edge=1000)]
    assert edges == whole and [t for _, t in whole] == ["March 3, 2024", "March 9, 2024"]
    assert text[edges[-1][0] :].startswith("March 9, 2024")


def test_timeml_tags_that_never_close_are_linear(tmp_path: Path) -> None:
    import time

    for body in ("<a " * 100_000, "<TIMEX3 " + "a" * 300_000 + ">May 5</TIMEX3>"):
        started = time.perf_counter()
        text = f'<TimeML><DCT><TIMEX3 value="2020-01-01"/></DCT><TEXT>{body}</TEXT></TimeML>'
        report = _check(tmp_path, "a.tml", text.encode())
        assert report.kind == "timeml"
        assert time.perf_counter() - started < 5  # quadratic before: 5 s for 30 KB


def test_repeated_modifier_words_are_linear_for_the_tagger() -> None:
    # "last last last ... quarter": the quarter pattern's modifiers repeated without bound.
    import time

    from citecheck.timeline import tag_text

    started = time.perf_counter()
    tag_text("last " * 20_000, None)
    assert time.perf_counter() - started < 5  # quadratic before: 20 KB took 4 s, 100 KB ~100 s
    assert [m.text for m in tag_text("in the same year-ago fiscal quarter", None)] == [
        "the same year-ago fiscal quarter"
    ]


def test_a_bug_on_one_file_costs_only_that_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from citecheck import pipeline
    from citecheck.embeds import twitter

    def broken(*_args: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(twitter.Twitter, "from_text", broken)
    flattened = tmp_path / "flattened.txt"
    flattened.write_text("date 2025-10-27\n\nHello — Ayden (@squatsons) October 17, 2025\n")
    plain = tmp_path / "plain.html"
    plain.write_text("<p>No embeds here.</p>")
    first, second = pipeline.check_paths([str(flattened), str(plain)], Settings())
    (finding,) = first.findings
    assert finding.rule == "CC001" and "internal error KeyError" in finding.message
    assert str(flattened) in finding.message
    assert second.source == str(plain) and second.kind == "html"


def test_a_file_of_several_gzip_members_is_read_whole(tmp_path: Path) -> None:
    head = gzip.compress(b"<html><head><meta property='article:published_time' content='2025-10-27'></head>")
    # The embed is in the second member only.
    body = gzip.compress("<body><p>Hello — Ayden (@squatsons) October 17, 2025</p></body></html>".encode())
    report = _check(tmp_path, "page.html.gz", head + body)
    assert report.published is not None and report.published.date.isoformat() == "2025-10-27"
    assert [embed.handle for embed in report.embeds] == ["squatsons"]
