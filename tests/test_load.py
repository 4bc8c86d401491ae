"""The load stage: every input kind, its publication date and where it came from, bad input."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from citecheck.load import LoadError, load

from helpers import check, codes, html_article

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def test_text_header_sets_publication_date_and_is_not_a_paragraph() -> None:
    document = load(str(ARTICLES / "council-vote.txt"))
    assert document.published is not None
    assert (document.published.date, document.published.source) == (dt.date(2024, 6, 5), "header")
    assert document.paragraphs[0].text.startswith("The Millbrook town council")
    assert document.paragraphs[0].location.line == 2


def test_header_may_share_its_line_with_the_first_sentence(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2025-10-27 Officials said on Sunday that the plan stands.\n\nSecond paragraph.\n")
    document = load(str(path))
    assert document.published is not None and document.published.date == dt.date(2025, 10, 27)
    assert document.paragraphs[0].text == "Officials said on Sunday that the plan stands."


@pytest.mark.parametrize(
    ("dateline", "published", "modified"),
    [
        ("Published: 20 October 2025", "2025-10-20", None),
        ("By Ana Ruiz | Oct. 20, 2025, 2:15 p.m. ET", "2025-10-20", None),
        ("Mon 20 Oct 2025 14.05 BST", "2025-10-20", None),
        ("Published Oct. 20, 2025 Updated Oct. 21, 2025, 9:04 a.m. ET", "2025-10-20", "2025-10-21"),
        ("Updated 3:15 PM EDT, Mon October 20, 2025", None, "2025-10-20"),
        ("Posted on Sept. 3rd, 2024", "2024-09-03", None),
        ("2025-10-20", "2025-10-20", None),
    ],
)
def test_a_copied_articles_dateline_gives_its_dates(
    tmp_path: Path, dateline: str, published: str | None, modified: str | None
) -> None:
    path = tmp_path / "copied.txt"
    path.write_text(f"Harbor bridge to close for repairs\n{dateline}\n\nThe bridge closes on Monday.\n")
    document = load(str(path))
    assert (document.published.date.isoformat() if document.published else None) == published
    assert (document.modified.date.isoformat() if document.modified else None) == modified
    dated = document.published or document.modified
    assert dated is not None and dated.source == "header" and dated.detail == dateline
    # The dateline is the page's furniture: the headline and the story stay, each its own paragraph.
    assert [(p.text, p.location.line) for p in document.paragraphs] == [
        ("Harbor bridge to close for repairs", 1),
        ("The bridge closes on Monday.", 4),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A post's flattened tail broken before its date: the date is the post's.
        "Loved this pic.twitter.com/dcAffilGRA\n— ayden (@squatsons)\nOctober 17, 2025\n\nThe team won.\n",
        # Below a paragraph of prose, a date alone on its line is the story's.
        "The council met for hours and argued over the budget, the bridge, the harbor, the schools, "
        "the roads, the parks and the library before it voted, late in the evening, to delay the decision.\n"
        "October 17, 2025\n",
        # A date inside a sentence is no dateline.
        "The vote was held on October 17, 2025 after a long debate.\n",
        # Below the head of the text, however blank the lines above it, a date is the story's.
        "\n" * 3_000 + "October 17, 2025\n",
    ],
)
def test_a_date_that_is_no_dateline_is_left_to_the_chronology(tmp_path: Path, text: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(text)
    document = load(str(path))
    assert document.published is None and document.modified is None
    assert "October 17, 2025" in " ".join(p.text for p in document.paragraphs)


@pytest.mark.parametrize(
    ("name", "text", "published", "modified"),
    [
        # A Markdown copy: the dateline in emphasis.
        (
            "copy.md",
            "# Harbor bridge to close\n\n*Published Oct. 20, 2025*\n\nThe bridge closes.\n",
            "2025-10-20",
            None,
        ),
        # Front matter's date comes first; the dateline's update still counts, and is no paragraph.
        (
            "draft.md",
            "---\ndate: 2025-10-19\n---\n_Updated: Oct. 21, 2025_\n\nThe bridge closes.\n",
            "2025-10-19",
            "2025-10-21",
        ),
        # A text's header comes first, the same way.
        ("copy.txt", "date 2025-10-19\nUpdated Oct. 21, 2025\n\nThe bridge closes.\n", "2025-10-19", "2025-10-21"),
    ],
)
def test_a_dateline_below_a_header_or_in_markdown(
    tmp_path: Path, name: str, text: str, published: str, modified: str | None
) -> None:
    path = tmp_path / name
    path.write_text(text)
    document = load(str(path))
    assert document.published is not None and document.published.date.isoformat() == published
    assert (document.modified.date.isoformat() if document.modified else None) == modified
    assert document.paragraphs[-1].text == "The bridge closes."
    assert not any("Oct." in paragraph.text for paragraph in document.paragraphs)


def test_a_dateline_dates_the_check_and_is_not_the_context_of_the_embed_below_it(tmp_path: Path) -> None:
    # Read as prose, the dateline became the "paragraph before" the post and CC203 contradicted it.
    report = check(
        tmp_path,
        "copied.txt",
        "Published: 20 October 2025\n\nFans reacted the next day. The comeback is real "
        "pic.twitter.com/dcAffilGRA — ayden (@squatsons) October 17, 2025\n",
    )
    assert report.published is not None and report.published.date == dt.date(2025, 10, 20)
    assert [embed.shown_date for embed in report.embeds] == [dt.date(2025, 10, 17)]
    assert codes(report) == []


def test_markdown_front_matter_and_raw_html(tmp_path: Path) -> None:
    document = load(str(ARTICLES / "draft.md"))
    assert document.published is not None
    assert (document.published.date, document.published.source) == (dt.date(2023, 9, 18), "front-matter")
    assert document.url == "https://news.example/2023/09/18/river-cleanup/"
    assert document.tree is not None


def test_wordpress_post_dates_come_from_the_gmt_fields() -> None:
    document = load(str(ARTICLES / "wordpress-post.json"))
    assert document.kind == "wordpress"
    assert document.published is not None and document.modified is not None
    assert document.published.date == dt.date(2022, 2, 9)
    assert document.published.source == "cms"
    assert document.modified.date == dt.date(2022, 2, 10)
    assert document.url == "https://weekly.example/2022/02/09/snow-day/"


@pytest.mark.parametrize(
    ("head", "source", "expected"),
    [
        ('<meta property="article:published_time" content="2021-05-04T10:00:00Z">', "meta", dt.date(2021, 5, 4)),
        (
            '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",'
            '"datePublished":"2020-01-31T23:30:00-05:00","dateModified":"2020-02-02"}]}</script>',
            "json-ld",
            dt.date(2020, 1, 31),
        ),
        (
            '</head><body><time datetime="2019-07-03" itemprop="datePublished">July 3</time>',
            "time",
            dt.date(2019, 7, 3),
        ),
    ],
)
def test_html_publication_date_sources(tmp_path: Path, head: str, source: str, expected: dt.date) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head>{head}</head><body><p>Text.</p></body></html>")
    document = load(str(path))
    assert document.published is not None
    assert (document.published.source, document.published.date) == (source, expected)


def test_json_ld_modified_date_is_kept_separately(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        '<html><head><script type="application/ld+json">{"datePublished":"2020-01-31","dateModified":"2020-03-01"}'
        "</script></head><body><p>Text.</p></body></html>"
    )
    document = load(str(path))
    assert document.modified is not None and document.modified.date == dt.date(2020, 3, 1)


def test_published_option_overrides_the_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(html_article("2021-05-04T10:00:00Z", "<p>Text.</p>"))
    document = load(str(path), published=dt.date(2022, 1, 1))
    assert document.published is not None
    assert (document.published.date, document.published.source) == (dt.date(2022, 1, 1), "option")


def test_gzip_and_windows_1252_are_decoded(tmp_path: Path) -> None:
    page = html_article(None, "<p>Caf\u00e9 owners said \u201cno\u201d on Monday.</p>")
    page = page.replace("<head>", '<head><meta charset="windows-1252">')
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page.encode("cp1252")))
    document = load(str(path))
    assert "Caf\u00e9 owners said \u201cno\u201d" in document.paragraphs[0].text


def test_undeclared_legacy_encoding_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(
        "<html><body><p>Z\u00fcrich m\u00e4rz \u00e9t\u00e9 \u00e0 la for\u00eat</p></body></html>".encode("latin-1")
    )
    document = load(str(path))
    assert "Z\u00fcrich" in document.paragraphs[0].text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.html", b"", "is empty"),
        ("blank.txt", b"  \n\n ", "is empty"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("nul.txt", b"text\x00with\x00nuls", "binary"),
        ("bad.gz", b"\x1f\x8b\x08\x00garbage", "gzip"),
        ("nobody.html", b"<html><head><title></title></head></html>", "no body"),
        ("broken.json", b"{not json", "not valid JSON"),
        ("other.json", b'{"hello": "world"}', "WordPress"),
        ("bad-bom.txt", b"\xef\xbb\xbfok \xff\xfe\xfa", "not valid utf-8"),
    ],
)
def test_bad_input_becomes_cc001_naming_the_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    report = check(tmp_path, name, content)
    assert codes(report) == ["CC001"]
    assert reason in report.findings[0].message
    assert name in report.findings[0].message


def test_size_cap(tmp_path: Path) -> None:
    report = check(tmp_path, "big.txt", "date 2024-01-01\n" + "word " * 5000, max_bytes=1000)
    assert codes(report) == ["CC001"]
    assert "size cap of 1000 bytes" in report.findings[0].message


def test_gzip_bomb_stops_at_the_cap(tmp_path: Path) -> None:
    report = check(tmp_path, "bomb.html.gz", gzip.compress(b"<p>" + b"a" * 5_000_000), max_bytes=100_000)
    assert codes(report) == ["CC001"]
    assert "decompresses to more than" in report.findings[0].message


def test_missing_file_and_directory_as_file() -> None:
    with pytest.raises(LoadError, match="no such file"):
        load("/nonexistent/article.html")
    with pytest.raises(LoadError, match="is a directory"):
        load(str(ARTICLES))


def test_utf8_with_a_few_broken_bytes_stays_utf8(tmp_path: Path) -> None:
    sentence = "Nie daj się zwyciężyć złu, ale zło dobrem zwyciężaj. " * 40
    data = sentence.encode() + b"\xc3(" + sentence.encode()  # one broken sequence in the middle
    path = tmp_path / "page.html"
    path.write_bytes(b"<html><body><p>" + data + b"</p></body></html>")
    text = load(str(path)).paragraphs[0].text
    assert text.startswith("Nie daj się zwyciężyć") and "\ufffd" in text


def test_a_legacy_page_with_one_accent_is_not_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(
        b"<html><body><p>" + b"Plain English text. " * 50 + "Caf\u00e9.".encode("cp1252") + b"</p></body></html>"
    )
    assert load(str(path)).paragraphs[0].text.endswith("Caf\u00e9.")
