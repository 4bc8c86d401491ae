"""Web archives in: each HTML page a WARC, ARC or WACZ captured is one article, with its capture."""

from __future__ import annotations

import gzip
import json
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.config import Settings
from citecheck.load.archive import read_archive
from citecheck.models import FileReport
from citecheck.pipeline import check_paths, check_source

from helpers import ROOT, arc_record, warc_record, write_arc, write_warc

runner = CliRunner()
EXAMPLE_PAGES = [ROOT / "examples" / "harbor-bridge.html", *sorted((ROOT / "tests" / "fixtures").rglob("*.html"))]
# Later than every post in the pages above, so that only CC205's own tests see a capture before a post.
LATE_CAPTURE = "2030-01-01T00:00:00Z"


def jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def judged(report: FileReport | dict[str, object]) -> dict[str, object]:
    """What a check concluded about a page, without where the page was read from."""
    data = report.model_dump(mode="json") if isinstance(report, FileReport) else dict(report)
    findings = [
        {key: finding[key] for key in ("rule", "severity", "embed", "message", "location")}
        for finding in data["findings"]  # type: ignore[union-attr]
    ]
    return {"published": data["published"], "embeds": data["embeds"], "findings": findings}


def example_warc(path: Path) -> Path:
    records = [
        warc_record(f"https://news.example/story-{i}", page.read_bytes(), date=LATE_CAPTURE)
        for i, page in enumerate(EXAMPLE_PAGES)
    ]
    return write_warc(path, records)


@pytest.mark.parametrize("name", ["pages.warc.gz", "pages.warc"])
def test_each_page_of_a_warc_is_judged_as_the_same_page_checked_as_a_file(tmp_path: Path, name: str) -> None:
    archive = example_warc(tmp_path / name)
    reports = list(check_paths([str(archive)], Settings(), jobs=1))
    assert len(reports) == len(EXAMPLE_PAGES)
    for page, report in zip(EXAMPLE_PAGES, reports, strict=True):
        alone = check_source(str(page), Settings())
        assert judged(report) == judged(alone), page.name
        assert report.capture is not None
        assert report.source == f"{archive}#{report.capture.offset}"
    # The example's one wrong embed is found in its own record, not merged with another page's.
    first = reports[0]
    assert [f.rule for f in first.findings] == ["CC202"]
    assert first.capture is not None and first.capture.target_uri == "https://news.example/story-0"


def test_the_report_names_archive_offset_and_uri_enough_to_reopen_the_record(tmp_path: Path) -> None:
    archive = example_warc(tmp_path / "pages.warc.gz")
    result = runner.invoke(app, ["check", str(archive), "-f", "jsonl", "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1, result.output
    lines = jsonl(tmp_path / "out.jsonl")
    assert len(lines) == len(EXAMPLE_PAGES)
    for line, page in zip(lines, EXAMPLE_PAGES, strict=True):
        capture = line["capture"]
        assert isinstance(capture, dict)
        assert capture["archive"] == str(archive)
        assert capture["captured"] == "2030-01-01T00:00:00Z"
        # Reopen: the member starting at that offset is this very record.
        with archive.open("rb") as raw:
            raw.seek(capture["offset"])
            record = gzip.GzipFile(fileobj=raw).read(4096)
        assert f"WARC-Target-URI: {capture['target_uri']}".encode() in record
        assert page.read_bytes()[:200] in gzip.decompress(archive.read_bytes()[capture["offset"] :])


def test_only_successful_html_responses_are_articles_with_their_encodings_undone(tmp_path: Path) -> None:
    page = b"<html><head><meta name='date' content='2025-03-14'></head><body><p>Caf\xe9 news.</p></body></html>"
    chunk = b"<html><body><p>Chunked page.</p></body></html>"
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(chunk), chunk)
    html = [("Content-Type", "text/html")]
    records = [
        warc_record("https://a.example/request", b"", warc_type="request", headers=[]),
        warc_record("https://a.example/latin", page, headers=[("Content-Type", "text/html; charset=windows-1252")]),
        warc_record("https://a.example/img.png", b"\x89PNG....", headers=[("Content-Type", "image/png")]),
        warc_record("https://a.example/data", b"{}", headers=[("Content-Type", "application/json")]),
        warc_record("https://a.example/missing", b"<html><p>gone</p></html>", status="404 Not Found", headers=html),
        warc_record("https://a.example/moved", b"", status="301 Moved", headers=[("Location", "/x"), *html]),
        warc_record("https://a.example/chunked", chunked, headers=[*html, ("Transfer-Encoding", "chunked")]),
        warc_record(
            "https://a.example/gzipped",
            gzip.compress(b"<html><body><p>Gzipped page.</p></body></html>"),
            headers=[*html, ("Content-Encoding", "gzip")],
        ),
        warc_record("https://a.example/latin", b"", warc_type="revisit", headers=[]),
        warc_record(
            "https://a.example/saved", b"<html><p>Saved by a browser.</p></html>", warc_type="resource", http=False
        ),
    ]
    archive = write_warc(tmp_path / "mixed.warc.gz", records)
    pages = list(read_archive(str(archive), max_bytes=1 << 20))
    uris = [p.capture.target_uri for p in pages]
    assert uris == [
        "https://a.example/latin",
        "https://a.example/chunked",
        "https://a.example/gzipped",
        "https://a.example/saved",
    ]
    bodies = [p.data for p in pages]
    assert bodies[1] == chunk and bodies[2].startswith(b"<html><body><p>Gzipped")
    reports = list(check_paths([str(archive)], Settings(), jobs=1))
    assert [r.kind for r in reports] == ["html"] * 4
    assert reports[0].published is not None and str(reports[0].published.date) == "2025-03-14"
    # The HTTP header's charset decodes the page: é, not a replacement character.
    assert all(f.rule != "CC001" for r in reports for f in r.findings)


def test_windows_1252_page_is_decoded_by_its_http_charset(tmp_path: Path) -> None:
    from citecheck.load import load_bytes

    page = b"<html><body><p>\x93Caf\xe9\x94 opened.</p></body></html>"
    archive = write_warc(
        tmp_path / "latin.warc",
        [warc_record("https://a.example/", page, headers=[("Content-Type", "text/html; charset=windows-1252")])],
    )
    (found,) = read_archive(str(archive), max_bytes=1 << 20)
    assert found.charset == "windows-1252"
    document = load_bytes(found.source, found.data, kind="html", charset=found.charset)
    assert "\u201cCafé\u201d opened." in document.text


def test_a_folder_mixing_archives_and_pages_checks_both(tmp_path: Path) -> None:
    example_warc(tmp_path / "crawl.warc.gz")
    (tmp_path / "loose.html").write_bytes(EXAMPLE_PAGES[0].read_bytes())
    reports = list(check_paths([str(tmp_path)], Settings(), jobs=1))
    sources = [r.source for r in reports]
    assert len(sources) == len(EXAMPLE_PAGES) + 1
    assert sources[-1] == str(tmp_path / "loose.html")
    assert all(s.startswith(str(tmp_path / "crawl.warc.gz#")) for s in sources[:-1])
    assert judged(reports[0]) == judged(reports[-1])


def test_jobs_2_gives_the_records_of_one_process(tmp_path: Path) -> None:
    archive = example_warc(tmp_path / "pages.warc.gz")
    one = [r.model_dump_json() for r in check_paths([str(archive)], Settings(), jobs=1)]
    two = [r.model_dump_json() for r in check_paths([str(archive)], Settings(), jobs=2)]
    assert one == two


def test_arc_files_are_read_with_their_capture_time(tmp_path: Path) -> None:
    page = EXAMPLE_PAGES[0].read_bytes()
    records = [
        arc_record("http://news.example/a", page, date="20300101000000"),
        arc_record("http://news.example/logo.gif", b"GIF89a", content_type="image/gif"),
    ]
    for name in ("old.arc", "old.arc.gz"):
        path = write_arc(tmp_path / name, records)
        (report,) = check_paths([str(path)], Settings(), jobs=1)
        assert report.capture is not None
        assert report.capture.target_uri == "http://news.example/a"
        assert (
            report.capture.captured is not None and report.capture.captured.isoformat() == "2030-01-01T00:00:00+00:00"
        )
        assert judged(report) == judged(check_source(str(EXAMPLE_PAGES[0]), Settings()))
    # Gzipped whole instead of record by record: archive tools refuse it, and say how to fix it.
    whole = tmp_path / "whole.arc.gz"
    whole.write_bytes(gzip.compress((tmp_path / "old.arc").read_bytes() * 2))
    (report,) = check_paths([str(whole)], Settings(), jobs=1)
    assert report.findings[0].rule == "CC001" and "warcio recompress" in report.findings[0].message


def test_wacz_reads_the_warcs_under_archive(tmp_path: Path) -> None:
    warc = example_warc(tmp_path / "data.warc.gz")
    wacz = tmp_path / "site.wacz"
    with zipfile.ZipFile(wacz, "w") as bundle:
        bundle.write(warc, "archive/data.warc.gz")
        bundle.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0"}\n')
        bundle.writestr("datapackage.json", "{}")
    reports = list(check_paths([str(wacz)], Settings(), jobs=1))
    assert len(reports) == len(EXAMPLE_PAGES)
    assert reports[0].source.startswith(f"{wacz}!archive/data.warc.gz#")
    assert reports[0].capture is not None and reports[0].capture.member == "archive/data.warc.gz"
    assert judged(reports[0]) == judged(check_source(str(EXAMPLE_PAGES[0]), Settings()))


def test_a_broken_archive_is_a_cc001_naming_it_and_the_run_goes_on(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(gzip.compress(b"this is not a web archive\r\n" * 20))
    not_gzip = tmp_path / "fake.warc.gz"
    not_gzip.write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 50)
    good = example_warc(tmp_path / "good.warc")
    wacz = tmp_path / "notzip.wacz"
    wacz.write_bytes(b"plain text")
    reports = list(check_paths([str(garbage), str(not_gzip), str(wacz), str(good)], Settings(), jobs=1))
    broken = reports[:3]
    for report, path in zip(broken, (garbage, not_gzip, wacz), strict=True):
        assert report.source == str(path)
        (finding,) = report.findings
        assert finding.rule == "CC001" and str(path) in finding.message
    assert len(reports) == 3 + len(EXAMPLE_PAGES)


def test_a_page_over_the_size_cap_is_a_cc001_on_its_record(tmp_path: Path) -> None:
    big = b"<html><body>" + b"<p>words</p>" * 2000 + b"</body></html>"
    archive = write_warc(tmp_path / "big.warc", [warc_record("https://a.example/big", big)])
    (report,) = check_paths([str(archive)], Settings(max_bytes=1000), jobs=1)
    assert report.findings[0].rule == "CC001" and "size cap" in report.findings[0].message
    assert report.capture is not None and report.capture.target_uri == "https://a.example/big"


def test_without_the_archive_extra_the_message_gives_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = example_warc(tmp_path / "pages.warc.gz")
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
    (report,) = check_paths([str(archive)], Settings(), jobs=1)
    (finding,) = report.findings
    assert finding.rule == "CC001"
    assert "pip install 'citecheck-embeds[archive]'" in finding.message
