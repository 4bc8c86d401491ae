"""The HTML report and timeline in a real browser: headless Chromium (Debian's ``chromium``) driven by
Playwright's Python API with the system browser (Playwright never downloads one here).

For the reports of examples/ and of a generated 1,000-file batch: every embed and finding is in the
rendered DOM, the SVG axis puts the dates in the order the report gives them, the filter hides and
shows, no request leaves the page, the console stays clean, and axe-core finds no violation. The
screenshots docs/ci.md shows are saved by these tests into docs/images/.

Skipped, saying why, only where no Chromium is installed (``.ci/run`` installs one with apt-get
where it can) or Playwright is missing. ``CITECHECK_CHROMIUM`` names another Chromium binary.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import itertools
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citecheck.config import Settings
from citecheck.models import FileReport, Report
from citecheck.pipeline import check_source, summarize
from citecheck.render import renderer

from helpers import BROWSER_ARGS, FIXTURES, ROOT, chromium_path, html_article, snowflake, tweet_blockquote

AXE = FIXTURES / "axe" / "axe.min.js"
AXE_SRI = "sha256-KTSJmUUM3yhJqOcLeRL8LahahJ2jnA0NU5T1HUqe2Vw="  # axe-core 4.14.1, from its sri-history.json
SCREENSHOTS = ROOT / "docs" / "images"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install -e '.[test]' installs it)")
    path = chromium_path()
    if path is None:
        pytest.skip(
            "no Chromium to run the browser tests: install Debian's package (apt-get install -y chromium;"
            " .ci/run does where apt-get is available) or set CITECHECK_CHROMIUM to a Chromium binary"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=BROWSER_ARGS)
        yield launched
        launched.close()


class Opened:
    """A page opened from disk, with every request it made and every console error it logged."""

    def __init__(self, browser: Any, path: Path, width: int = 1200, height: int = 900) -> None:
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.requests: list[str] = []
        self.errors: list[str] = []
        # Anything but the file itself is recorded and refused, so nothing can reach the network.
        self.context.route("**/*", self._refuse)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(self.url, wait_until="load")

    def _refuse(self, route: Any) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url]

    def axe_violations(self, within: list[str] | None = None) -> list[dict[str, Any]]:
        """axe-core's violations on the page, or within the elements of these selectors."""
        self.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        found: list[dict[str, Any]] = self.page.evaluate(
            """async (within) => {
              const scope = within ? {include: within.map(s => [s])} : document;
              const result = await axe.run(scope, {resultTypes: ["violations"]});
              return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
            }""",
            within,
        )
        return found

    def close(self) -> None:
        self.context.close()


def write_report(reports: list[FileReport], path: Path) -> Path:
    out = io.StringIO()
    target = renderer("html", out)
    for report in reports:
        target.add(report)
    target.finish(summarize(reports))
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def examples_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[FileReport], Path]:
    here = Path.cwd()
    os.chdir(ROOT)  # the sources read as a user running it from the checkout would see them
    try:
        reports = [
            check_source(name, Settings()) for name in ("examples/ferry-draft.md", "examples/harbor-bridge.html")
        ]
    finally:
        os.chdir(here)
    return reports, write_report(reports, tmp_path_factory.mktemp("examples") / "report.html")


def batch_article(i: int) -> tuple[str, str]:
    """One of a varied batch: right and wrong dates, a date its context contradicts, no date, unreadable."""
    day = dt.datetime(2025, 1, 6, 15, 0) + dt.timedelta(days=i % 300)
    post = snowflake(day.isoformat())
    shown = day + dt.timedelta(days=3) if i % 7 == 0 else day  # a retyped date: CC202 (and CC201 sometimes)
    published = (day + dt.timedelta(days=2)).date().isoformat()
    if i % 250 == 249:
        return "html", "\x00\x01binary\x00" * 20
    if i % 11 == 0:
        tail = f"{day:%B} {day.day}, {day.year}"
        text = f"Officials spoke on {(day - dt.timedelta(days=9)):%B} {(day - dt.timedelta(days=9)).day}.\n\n"
        return "txt", f"date {published}\n\n{text}Quiet day. pic.twitter.com/a{i} — Desk (@desk{i % 89}) {tail}\n"
    if i % 13 == 0:
        return "md", f"---\ntitle: Story {i}\n---\nNo date here.\n\nhttps://twitter.com/desk/status/{post}\n"
    embed = tweet_blockquote(f"desk{i % 97}", post, f"{shown:%B} {shown.day}, {shown.year}")
    return "html", html_article(published, f"<p>The council met for the {i}th time.</p>", embed, "<p>It ran late.</p>")


@pytest.fixture(scope="module")
def batch_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[FileReport], Path]:
    # Checked by the command line, as a CI job would (and apart from the browser's event loop).
    folder = tmp_path_factory.mktemp("batch")
    for i in range(1000):
        kind, text = batch_article(i)
        (folder / f"story-{i:04d}.{kind}").write_text(text, encoding="utf-8", errors="surrogateescape")
    page = folder.parent / "batch-report.html"
    command = [sys.executable, "-m", "citecheck", str(folder), "--fail-on", "never", "--jobs", "1"]
    subprocess.run([*command, "--format", "html", "-o", str(page)], check=True, capture_output=True)
    report = subprocess.run([*command, "--format", "json"], check=True, capture_output=True, text=True).stdout
    reports = Report.model_validate_json(report).files
    assert len(reports) == 1000
    return reports, page


# Each file's embeds, each embed's findings (rules in order), and the file's own findings.
DOM_CONTENTS = """() => Array.from(document.querySelectorAll("section.file")).map(s => ({
  id: s.id, source: s.querySelector("h3").textContent,
  embeds: Array.from(s.querySelectorAll("li.embed")).map(e => Array.from(e.querySelectorAll(".finding")).map(f => f.dataset.rule)),
  whole: Array.from(s.querySelectorAll(".file-findings .finding")).map(f => f.dataset.rule)}))"""


def expected_contents(reports: list[FileReport]) -> list[dict[str, Any]]:
    return [
        {
            "id": f"file-{number}",
            "source": report.source,
            "embeds": [[f.rule for f in report.findings if f.embed == embed.index] for embed in report.embeds],
            "whole": [f.rule for f in report.findings if f.embed is None],
        }
        for number, report in enumerate(reports, 1)
    ]


def test_the_vendored_axe_core_is_the_released_file() -> None:
    digest = base64.b64encode(hashlib.sha256(AXE.read_bytes()).digest()).decode()
    assert f"sha256-{digest}" == AXE_SRI


def test_the_request_watch_catches_a_page_that_reaches_out(browser: Any, tmp_path: Path) -> None:
    # The guard the other tests rely on: a page that loads an image from elsewhere is caught.
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<!DOCTYPE html><html lang="en"><title>x</title><img src="https://example.org/x.png" alt="x">')
    opened = Opened(browser, leaky)
    try:
        assert opened.outside_requests() == ["https://example.org/x.png"]
    finally:
        opened.close()


def test_examples_report_in_the_browser(browser: Any, examples_report: tuple[list[FileReport], Path]) -> None:
    reports, path = examples_report
    opened = Opened(browser, path)
    page = opened.page
    try:
        assert page.evaluate(DOM_CONTENTS) == expected_contents(reports)
        # the index is moved above the articles, and lists each with its counts
        assert page.evaluate("document.querySelector('main').firstElementChild.id") == "index"
        rows = page.locator("#file-index tbody tr").all_inner_texts()
        assert [row.split("\t")[0] for row in rows] == [r.source for r in reports]
        assert page.locator("#pages").is_hidden()  # one page: no page buttons
        assert opened.outside_requests() == []
        assert opened.errors == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": 1100, "height": 1300})
        page.goto(opened.url + "#file-2")
        page.screenshot(path=str(SCREENSHOTS / "html-report.png"))
    finally:
        opened.close()


def mark_positions(page: Any, axis_id: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate(
        """(id) => Array.from(document.getElementById(id).querySelectorAll("[data-kind]")).map(g => {
             const box = g.firstElementChild.getBBox();
             return {kind: g.dataset.kind, embed: g.dataset.embed === undefined ? null : Number(g.dataset.embed),
                     left: box.x, middle: box.x + box.width / 2, right: box.x + box.width};
           })""",
        axis_id,
    )
    return found


def report_times(report: FileReport) -> dict[tuple[str, int | None], dt.datetime]:
    """When each drawn thing is, from the report itself (UTC; a date is its day's start)."""

    def utc(value: dt.date | dt.datetime) -> dt.datetime:
        if isinstance(value, dt.datetime):
            return value.astimezone(dt.timezone.utc) if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)

    times: dict[tuple[str, int | None], dt.datetime] = {}
    if report.published:
        times["published", None] = utc(report.published.datetime or report.published.date)
    for embed in report.embeds:
        shown = embed.shown_time or embed.shown_date
        if shown is not None:
            times["shown", embed.index] = utc(shown)
        if embed.id_time is not None:
            times["id-clock", embed.index] = utc(embed.id_time)
    return times


def assert_axis_order(page: Any, axis_id: str, report: FileReport) -> int:
    """Every pair of dated things the report gives is drawn left to right in time order."""
    marks = {(m["kind"], m["embed"]): m for m in mark_positions(page, axis_id)}
    times = report_times(report)
    assert set(times) <= set(marks), (axis_id, set(times) - set(marks))
    # An instant sits at its point; a day (shown date, date-only publication) starts at its left edge.
    at = {key: marks[key]["middle"] if key[0] == "id-clock" else marks[key]["left"] for key in times}
    ordered = sorted(times, key=lambda key: times[key])
    for earlier, later in itertools.pairwise(ordered):
        if times[earlier] < times[later]:
            assert at[earlier] < at[later] + 0.5, (axis_id, earlier, later, at)
    return len(times)


def test_the_axis_orders_the_dates_as_the_report_says(
    browser: Any, examples_report: tuple[list[FileReport], Path]
) -> None:
    reports, path = examples_report
    opened = Opened(browser, path)
    try:
        drawn = sum(assert_axis_order(opened.page, f"axis-{n}", report) for n, report in enumerate(reports, 1))
        assert drawn == 2 + 4 + 4  # two publications, four shown dates (a bare URL shows none), four ID clocks
        # the CC202 of the example, at a glance: the ID's clock lies beyond the day the embed shows
        marks = {(m["kind"], m["embed"]): m for m in mark_positions(opened.page, "axis-2")}
        assert marks["id-clock", 0]["middle"] > marks["shown", 0]["right"]
        assert marks["shown", 1]["left"] < marks["id-clock", 1]["middle"] < marks["shown", 1]["right"]
    finally:
        opened.close()


def visible_rules(page: Any) -> list[str]:
    found: list[str] = page.evaluate(
        "() => Array.from(document.querySelectorAll('.finding')).filter(f => f.offsetParent !== null)"
        ".map(f => f.dataset.rule + ':' + f.dataset.cat)"
    )
    return found


def test_the_filter_hides_and_shows(browser: Any, examples_report: tuple[list[FileReport], Path]) -> None:
    _, path = examples_report
    opened = Opened(browser, path)
    page = opened.page
    try:
        assert visible_rules(page) == ["CC203:suppressed", "CC202:error"]
        page.get_by_label("error", exact=True).uncheck()
        assert visible_rules(page) == ["CC203:suppressed"]
        page.get_by_label("only those with a finding shown").check()
        assert page.locator("#file-2").is_hidden() and page.locator("#file-1").is_visible()
        page.get_by_label("CC203", exact=True).uncheck()
        assert visible_rules(page) == [] and page.locator("#file-1").is_hidden()
        assert "Showing 0 findings in 0 of 2 articles" in page.locator("#filter-status").inner_text()
        page.get_by_label("error", exact=True).check()
        page.get_by_label("CC203", exact=True).check()
        page.get_by_label("only those with a finding shown").uncheck()
        assert visible_rules(page) == ["CC203:suppressed", "CC202:error"]
        assert opened.errors == []
    finally:
        opened.close()


def test_no_accessibility_violations(browser: Any, examples_report: tuple[list[FileReport], Path]) -> None:
    _, path = examples_report
    opened = Opened(browser, path)
    try:
        assert opened.axe_violations() == []
    finally:
        opened.close()


def test_printing_keeps_the_articles_and_drops_the_controls(
    browser: Any, examples_report: tuple[list[FileReport], Path]
) -> None:
    _, path = examples_report
    opened = Opened(browser, path)
    try:
        opened.page.emulate_media(media="print")
        assert opened.page.locator("#controls").is_hidden()
        assert opened.page.locator("#file-2 .finding").is_visible()
        pdf = opened.page.pdf()
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    finally:
        opened.close()


def test_a_thousand_file_batch(browser: Any, batch_report: tuple[list[FileReport], Path]) -> None:
    from playwright.sync_api import expect

    reports, path = batch_report
    opened = Opened(browser, path, height=1000)
    page = opened.page
    try:
        assert page.evaluate(DOM_CONTENTS) == expected_contents(reports)
        assert opened.outside_requests() == [] and opened.errors == []
        # fifty articles a page
        assert page.locator("#page-status").inner_text() == "Articles 1–50 of 1000 (page 1 of 20)"
        shown = "() => Array.from(document.querySelectorAll('section.file')).filter(s => s.offsetParent).map(s => s.id)"
        assert page.evaluate(shown) == [f"file-{n}" for n in range(1, 51)]
        page.get_by_role("button", name="Next page").click()
        assert page.evaluate(shown) == [f"file-{n}" for n in range(51, 101)]
        # an index link to an article on another page opens that page
        page.locator("#file-index a[href='#file-777']").click()
        expect(page.locator("#file-777")).to_be_visible()  # the hash changes after the click returns
        assert page.locator("#page-status").inner_text().endswith("(page 16 of 20)")
        # only the articles with an error, across pages
        for name in ("warning", "info", "suppressed"):
            page.get_by_label(name, exact=True).uncheck()
        page.get_by_label("only those with a finding shown").check()
        with_errors = [n for n, r in enumerate(reports, 1) if any(f.severity == "error" for f in r.findings)]
        assert page.evaluate(shown) == [f"file-{n}" for n in with_errors[:50]]
        # the index sorts: most errors first
        errors_head = page.locator("#file-index th", has_text="Errors")
        errors_head.get_by_role("button").click()
        errors_head.get_by_role("button").click()
        assert errors_head.get_attribute("aria-sort") == "descending"
        most = max(sum(f.severity == "error" and not f.suppressed for f in r.findings) for r in reports)
        first_row = page.locator("#file-index tbody tr").first.locator("td").nth(2).inner_text()
        assert int(first_row) == most
        # the axis of a sample of articles, in the report's order
        for number in range(1, 1001, 37):
            if reports[number - 1].embeds:
                assert_axis_order(page, f"axis-{number}", reports[number - 1])
        assert opened.errors == []
    finally:
        opened.close()


def test_a_thousand_file_batch_has_no_accessibility_violations(
    browser: Any, batch_report: tuple[list[FileReport], Path]
) -> None:
    # What a reader sees first: the summary, the filter, the index's head and first fifty rows, the
    # first page of articles (all of it takes axe 47 s here; every row and article is built alike).
    _, path = batch_report
    opened = Opened(browser, path)
    try:
        first_page = [f"#file-{n}" for n in range(1, 51)]
        index = [
            "#index > ul",
            "#controls",
            "#file-index thead",
            "#file-index tbody tr:nth-child(-n+50)",
            "#rule-index",
        ]
        assert opened.axe_violations(["header", *index, *first_page]) == []
    finally:
        opened.close()


def test_timeline_page_in_the_browser(browser: Any, tmp_path: Path) -> None:
    page_file = tmp_path / "timeline.html"
    run = subprocess.run(
        [sys.executable, "-m", "citecheck", "timeline", "examples/harbor-bridge.html", "--format", "html"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    page_file.write_text(run.stdout, encoding="utf-8")
    opened = Opened(browser, page_file)
    page = opened.page
    try:
        first = page.locator("mark.tx").first
        tip = first.locator(".tip")
        assert tip.is_hidden()
        page.keyboard.press("Tab")  # the skip link
        page.keyboard.press("Tab")  # the first expression
        assert tip.is_visible() and "anchored to" in tip.inner_text()
        page.keyboard.press("Escape")
        assert tip.is_hidden()
        page.locator("mark.tx").nth(3).hover()
        assert page.locator("mark.tx").nth(3).locator(".tip").is_visible()
        assert opened.outside_requests() == [] and opened.errors == []
        assert opened.axe_violations() == []
        page.set_viewport_size({"width": 1100, "height": 900})
        page.locator("mark.tx").nth(2).focus()
        page.screenshot(path=str(SCREENSHOTS / "html-timeline.png"))
    finally:
        opened.close()


def test_the_axe_check_catches_a_violation(browser: Any, tmp_path: Path) -> None:
    # The check the reports pass is a real one: a page without a language or an image's text fails it.
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><title>x</title><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')
    opened = Opened(browser, bad)
    try:
        assert {"html-has-lang", "image-alt"} <= {v["id"] for v in opened.axe_violations()}
    finally:
        opened.close()


def test_articles_past_the_live_ones_are_built_when_their_page_is_shown(browser: Any, tmp_path: Path) -> None:
    # A 10,000-file report keeps its first 1,000 articles live and the rest as inert text; here the
    # same with 60 live articles of 130, so that pages straddle the boundary.
    from playwright.sync_api import expect

    folder = tmp_path / "drafts"
    folder.mkdir()
    for i in range(130):
        kind, text = batch_article(i)
        (folder / f"story-{i:04d}.{kind}").write_text(text, encoding="utf-8", errors="surrogateescape")
    reports = [check_source(str(path), Settings()) for path in sorted(folder.iterdir())]
    out = io.StringIO()
    target = renderer("html", out)
    target.live_articles = 60  # type: ignore[attr-defined]
    for report in reports:
        target.add(report)
    target.finish(summarize(reports))
    path = tmp_path / "report.html"
    path.write_text(out.getvalue(), encoding="utf-8")
    import lxml.html

    parsed = lxml.html.fromstring(out.getvalue())  # 60 articles as markup, the rest as script text
    assert len(parsed.xpath("//section[@class='file']")) == 60 and len(parsed.xpath("//script[@class='later']")) == 2

    opened = Opened(browser, path)
    page = opened.page
    shown = "() => Array.from(document.querySelectorAll('section.file')).filter(s => s.offsetParent).map(s => s.id)"
    try:
        assert page.locator("#page-status").inner_text() == "Articles 1–50 of 130 (page 1 of 3)"
        assert page.evaluate("document.querySelectorAll('section.file').length") == 60
        page.get_by_role("button", name="Next page").click()
        assert page.evaluate(shown) == [f"file-{n}" for n in range(51, 101)]
        page.locator("#file-index a[href='#file-125']").click()
        expect(page.locator("#file-125")).to_be_visible()
        assert page.locator("#page-status").inner_text() == "Articles 101–130 of 130 (page 3 of 3)"
        page.get_by_label("only those with a finding shown").check()  # a filter reads every article
        assert page.evaluate(DOM_CONTENTS) == expected_contents(reports)
        with_findings = [n for n, r in enumerate(reports, 1) if r.findings]
        assert page.evaluate(shown) == [f"file-{n}" for n in with_findings[:50]]
        assert opened.outside_requests() == [] and opened.errors == []
    finally:
        opened.close()
