"""The hostile-input suite: hand-made inputs that once crashed, hung, or lost results, each kept
fixed here. Every one ends in a report, a finding naming the file and the reason, or a usage
error with a message; never a traceback, an "internal error" CC001, or a silent wrong answer."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.config import Settings
from citecheck.models import FileReport
from citecheck.pipeline import check_source

from helpers import html_article, snowflake, tweet_blockquote

runner = CliRunner()


def checked(tmp_path: Path, name: str, data: str | bytes, **settings: object) -> FileReport:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    report = check_source(str(path), Settings(**settings))  # type: ignore[arg-type]
    internal = [f.message for f in report.findings if "internal error" in f.message]
    assert not internal, internal
    return report


def rules(report: FileReport) -> list[str]:
    return [finding.rule for finding in report.findings]


# --- Internal errors the fuzzer found -------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        # A nested blockquote inside an element lxml's API will not name (the HTML parser does).
        "<n,><blockquote class='twitter-tweet'><p>x</p><blockquote>y</blockquote></blockquote></n,>",
        "<blockquote class='twitter-tweet'><n,>x<blockquote>y</blockquote></n,></blockquote>",
        "<blockquote class='twitter-tweet' a,b='1'><div>x<blockquote>y</blockquote></div></blockquote>",
        # A vertical tab (a control character lxml will not set) beside an unclosed code.
        "<blockquote class='twitter-tweet'>\x0bab<p>x<blockquote>y</blockquote></p>\x0b</blockquote>",
    ],
)
def test_markup_lxml_refuses_to_rebuild(tmp_path: Path, page: str) -> None:
    report = checked(tmp_path, "page.html", f"<html><body>{page}</body></html>")
    assert [embed.platform for embed in report.embeds] == ["twitter"]


def test_a_pruned_copy_leaves_the_page_as_it_was() -> None:
    from lxml import html

    from citecheck.embeds._markup import without_nested

    root = html.fromstring("<div><blockquote>a<n,>b<blockquote>c</blockquote>d</n,>e</blockquote>f</div>")
    before = html.tostring(root)
    pruned = without_nested(root[0])
    assert html.tostring(root) == before
    assert pruned.find(".//blockquote") is None and "c" not in pruned.text_content()


def test_superscript_digit_in_a_shown_date(tmp_path: Path) -> None:
    from citecheck.embeds._shown_dates import parse_shown_date

    assert parse_shown_date("March 1³, 2025") is not None  # int("³") raised ValueError
    post = snowflake("2025-03-01T12:00:00")
    page = html_article("2025-03-02", tweet_blockquote("someone", post, "March 1³, 2025"))
    report = checked(tmp_path, "page.html", page)
    assert [embed.post_id for embed in report.embeds] == [post]


LAST_WEEK = "Last week the council met. On Monday it voted, days earlier, next year, at Christmas.\n\n"


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-03", "9999-12-25", "9999-12-31"])
def test_publication_dates_at_the_calendars_ends(tmp_path: Path, published: str) -> None:
    day = dt.date.fromisoformat(published)
    text = (
        f"date {published}\n\n{LAST_WEEK}Hello — Ann (@ann) March 1, 2025\n\n"
        "A week later, the next day, on Jan. 1, last Easter and next Christmas.\n"
    )
    report = checked(tmp_path, "calendar-ends.txt", text, published=day)
    assert report.kind == "text" and len(report.embeds) == 1


def test_embed_and_context_dates_at_the_calendars_ends(tmp_path: Path) -> None:
    post = snowflake("2025-03-11T02:40:00")
    page = html_article(
        None,
        "<p>Last week, on Dec. 30, the council met. Days earlier it voted.</p>",
        tweet_blockquote("a", post, "9999年12月31日"),
        "<p>On Jan. 1 it ended.</p>",
        tweet_blockquote("b", post, "0001年1月1日"),
        "<p>A week later, the next day.</p>",
    )
    for published in (None, dt.date(1, 1, 1), dt.date(1, 1, 3), dt.date(9999, 12, 31)):
        report = checked(tmp_path, "ends.html", page, published=published)
        assert [str(e.shown_date) for e in report.embeds] == ["9999-12-31", "0001-01-01"]
        assert rules(report).count("CC202") == 2


def test_calendar_arithmetic_holds_at_the_ends() -> None:
    from citecheck.timeline import calendar as cal
    from citecheck.timeline import tag_text

    assert cal.shift(dt.date(1, 1, 3), "W", -1) == dt.date.min
    assert cal.shift(dt.date(9999, 12, 30), "Y", 1) == dt.date.max
    assert cal.shift(dt.date(2020, 1, 1), "D", 10**12) == dt.date.max
    assert cal.week_of(dt.date.max).last == dt.date.max
    (last_week,) = [m for m in tag_text("It happened last week.", dt.date(1, 1, 3)) if m.text == "last week"]
    assert last_week.begin == dt.date.min
    mentions = tag_text("They met on March 3 and will meet again next Christmas.", dt.date(9999, 12, 31))
    assert [m.text for m in mentions] == ["March 3", "next Christmas"]
    assert mentions[0].begin == dt.date(9999, 3, 3)


def test_timeline_command_at_the_calendars_ends(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Last week the council met; days earlier, next year.\n")
    for published in ("0001-01-03", "0001-01-01", "9999-12-31"):
        result = runner.invoke(app, ["timeline", str(path), "--published", published])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["mentions"]


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308", "-1e308", "-1"])
def test_after_publication_days_is_validated_where_it_is_read(tmp_path: Path, value: str) -> None:
    (tmp_path / "citecheck.toml").write_text(f"after_publication_days = {value}\n")
    article = tmp_path / "a.txt"
    article.write_text("date 2025-03-14\n\nHello — Ann (@ann) March 1, 2025\n")
    result = runner.invoke(app, ["check", str(article)])
    assert result.exit_code == 2
    assert "after-publication-days" in result.stderr or "after_publication_days" in result.stderr
    assert "Traceback" not in result.output


def test_after_publication_days_in_range_is_used(tmp_path: Path) -> None:
    post = snowflake("2025-03-20T12:00:00")
    page = html_article("2025-03-14T10:00:00+00:00", tweet_blockquote("a", post, "March 20, 2025"))
    assert "CC201" in rules(checked(tmp_path, "p.html", page))
    assert "CC201" not in rules(checked(tmp_path, "p.html", page, after_publication_days=30))


@pytest.mark.parametrize(
    "url",
    [
        "http://１２７.０.０.１/",  # fullwidth digits
        "https://１２７.０.０.１/",
        "https://①②⑦.0.0.1/x",  # circled digits
        "https://127。0。0。1/",  # ideographic full stops
        "https://a..b/",
        "https://" + "a" * 300 + ".com/",
        "https://exa mple.com/",
    ],
)
def test_hosts_in_other_characters_are_refused_not_crashed(url: str) -> None:
    from citecheck.lookup.safety import url_refusal

    assert url_refusal(url, schemes=("https", "http")) is not None
    report = check_source(url, Settings())
    (finding,) = report.findings
    assert finding.rule == "CC001" and "refused" in finding.message and "internal error" not in finding.message


def test_international_names_still_pass_the_address_policy() -> None:
    from citecheck.lookup.safety import host_refusal

    assert host_refusal("bücher.example") is None
    assert host_refusal("ｅｘａｍｐｌｅ.com") is None


# --- Resources --------------------------------------------------------------------------------------


def test_junit_is_linear_in_embeds(tmp_path: Path) -> None:
    # Every embed's findings were picked out of all the file's findings: 20,000 embeds took 44 s.
    import io

    from citecheck.render import renderer

    lines = ["date 2025-03-14", ""]
    for i in range(20_000):
        lines += [f"Post {i} — Ann (@ann{i}) March {1 + i % 28}, 2025", ""]
    report = checked(tmp_path, "many.txt", "\n".join(lines))
    assert len(report.embeds) == 20_000 and len(report.findings) > 5_000
    out = io.StringIO()
    started = time.perf_counter()
    renderer("junit", out).add(report)
    assert time.perf_counter() - started < 10
    assert out.getvalue().count("<testcase ") == 20_001


def test_timeline_streams_its_mentions(tmp_path: Path) -> None:
    # 2 MB of dates took 1.2 GB: every mention held, then the whole JSON. Now each is written as
    # it is found: what is held does not grow with the number of mentions.
    import tracemalloc

    sentence = "On Monday, March 3, 2024, days earlier, at 10:35 a.m., the following day. "
    path = tmp_path / "dates.txt"
    path.write_text("date 2025-03-14\n\n" + sentence * 2000)  # ~150 KB, 8,000 mentions
    tracemalloc.start()
    try:
        result = runner.invoke(app, ["timeline", str(path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["mentions"]) == 8_000
    assert peak < 12 * 1024 * 1024, peak  # output captured by the runner included


def test_timeline_pieces_of_a_huge_paragraph_read_as_the_whole(tmp_path: Path) -> None:
    from citecheck import timeline
    from citecheck.models import Document
    from citecheck.timeline import find_mentions, iter_mentions

    sentence = "The council met on Monday, March 3, 2024. Days earlier, the mayor spoke. "
    text = sentence * 2000
    document = Document(source="x", kind="text", text=text)
    from citecheck.load.text import text_paragraphs

    document.paragraphs = text_paragraphs(document)
    assert len(document.paragraphs) == 1 and len(text) > timeline.SCAN_PIECE
    whole = list(timeline.scan(text, timeline.Narrative(None)))
    pieces = find_mentions(document)
    assert [(m.start, m.end, m.value) for m in pieces] == [(h.start, h.end, h.period.value) for h in whole]
    assert next(iter(iter_mentions(document))).text == "Monday, March 3, 2024"


# --- Silent or misleading results ----------------------------------------------------------------


def test_crlf_markdown_keeps_its_front_matter(tmp_path: Path) -> None:
    post = snowflake("2026-02-12T09:05:00")
    draft = (
        "---\ntitle: A draft\ndate: 2026-02-13\n---\n\nA commuters' group welcomed the plan on Saturday.\n\n"
        f"<!-- citecheck: ignore CC203 -- checked -->\nhttps://x.com/ansel/status/{post}\n\nThe end.\n"
    )
    lf = checked(tmp_path, "lf.md", draft)
    crlf = checked(tmp_path, "crlf.md", draft.replace("\n", "\r\n"))
    for report in (lf, crlf):
        assert report.published is not None and str(report.published.date) == "2026-02-13"
        assert "CC002" not in rules(report) and "CC003" not in rules(report)
        assert [(f.rule, f.suppressed) for f in report.findings] == [("CC203", True)]


def test_truncated_gzip_is_said_and_what_was_read_is_checked(tmp_path: Path) -> None:
    post = snowflake("2025-03-11T02:40:51")
    rest = "".join(f"<p>Paragraph {i}: {i * 7919 % 10007} boats.</p>" for i in range(2000))
    page = html_article("2025-03-14T10:00:00+00:00", tweet_blockquote("a", post, "March 10, 2025"), rest)
    whole = gzip.compress(page.encode())
    report = checked(tmp_path, "page.html.gz", whole[: len(whole) // 2])
    cc001 = [f for f in report.findings if f.rule == "CC001"]
    assert len(cc001) == 1 and cc001[0].severity == "warning"
    assert "truncated gzip" in cc001[0].message and "page.html.gz" in cc001[0].message
    assert [e.post_id for e in report.embeds] == [post] and "CC202" in rules(report)
    assert "CC001" not in rules(checked(tmp_path, "whole.html.gz", whole))
    # A configured severity is kept.
    assert checked(tmp_path, "page.html.gz", whole[:300], severity={"CC001": "error"}).findings[0].severity == "error"


@pytest.mark.parametrize(
    ("post_id", "problem"),
    [
        ("99999999999999999999123", "larger than any 64-bit ID"),
        ("99999999999999999999", "larger than any 64-bit ID"),
        ("١٨٩٩٢٨٩٣٨٤٩٦٤٨٧٨٣٧٨", "ASCII digits"),  # Arabic-Indic
        ("１８９９２８９３８４９６４８７８３７８", "ASCII digits"),  # fullwidth
    ],
)
def test_post_ids_are_whole_ascii_numbers(tmp_path: Path, post_id: str, problem: str) -> None:
    report = checked(tmp_path, "ids.md", f"---\ndate: 2025-03-14\n---\n\nhttps://twitter.com/a/status/{post_id}\n")
    (embed,) = report.embeds
    assert embed.post_id == post_id and embed.id_time is None
    (cc104,) = [f for f in report.findings if f.rule == "CC104"]
    assert post_id in cc104.message and problem in cc104.message


def test_text_format_escapes_control_characters(tmp_path: Path) -> None:
    name = "bad\x1b]0;owned\x07name.txt"
    path = tmp_path / name
    path.write_text("date 2025-03-14\n\nHello — Ann \x1b[2J\u202e (@ann) March 1, 2025\n")
    result = runner.invoke(app, ["check", str(path)])
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b]0;owned\\x07name.txt" in result.stdout and "\\x1b[2J" in result.stdout and "\\u202e" in result.stdout


def test_published_must_be_written_yyyy_mm_dd(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Hello.\n")
    for value in ("20250314", "2025-W11-5", "2025-03-14T00:00", "２０２５-03-14"):
        result = runner.invoke(app, ["check", str(article), "--published", value])
        assert result.exit_code == 2 and "YYYY-MM-DD" in result.output, value
        assert runner.invoke(app, ["timeline", str(article), "--published", value]).exit_code == 2
    assert runner.invoke(app, ["check", str(article), "--published", "2025-03-14"]).exit_code == 0


def test_rules_with_an_empty_code_is_a_usage_error() -> None:
    for argument in ("", "  "):
        result = runner.invoke(app, ["rules", argument])
        assert result.exit_code == 2 and "empty rule code" in result.stderr
        assert "CC306" not in result.stdout


def test_schema_names_its_dialect() -> None:
    import jsonschema

    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft202012Validator
    jsonschema.Draft202012Validator.check_schema(schema)


# --- The command line: paths, outputs, standard input, processes -----------------------------------


def test_absolute_glob_is_expanded(tmp_path: Path) -> None:
    (tmp_path / "Ea.html").write_text(html_article("2025-03-14", "<p>Hello.</p>"))
    (tmp_path / "Fb.html").write_text(html_article("2025-03-14", "<p>Other.</p>"))
    result = runner.invoke(app, ["check", str(tmp_path / "E*.html"), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert [f["source"] for f in json.loads(result.stdout)["files"]] == [str(tmp_path / "Ea.html")]


def test_a_name_over_the_system_limit_is_cc001(tmp_path: Path) -> None:
    name = str(tmp_path / ("a" * 300 + ".html"))
    result = runner.invoke(app, ["check", name, "-f", "json"])
    assert result.exit_code == 2  # nothing could be read
    (report,) = json.loads(result.stdout)["files"]
    assert [f["rule"] for f in report["findings"]] == ["CC001"] and "too long" in report["findings"][0]["message"]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "junit", "github", "text"])
def test_file_names_that_are_not_utf8(tmp_path: Path, fmt: str) -> None:
    import os

    folder = tmp_path / "drafts"
    folder.mkdir()
    # A CC202 in each, so that every format names both files.
    page = html_article("2025-03-14", tweet_blockquote("a", snowflake("2025-03-12T12:00:00"), "March 10, 2025"))
    (folder / "good.html").write_text(page)
    bad = os.fsencode(folder) + b"/M_badname_\xff\xfe.html"
    with open(bad, "w", encoding="utf-8") as handle:
        handle.write(page)
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["check", str(folder), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 1, result.output
    text = out.read_text(encoding="utf-8")  # valid UTF-8 throughout
    # The name survives, its bad bytes written out (SARIF percent-encodes the backslashes of its URI).
    assert "M_badname_\\xff\\xfe.html" in text.replace("\\\\", "\\").replace("%5C", "\\")
    if fmt == "json":
        assert [Path(f["source"]).name for f in json.loads(text)["files"]] == ["M_badname_\\xff\\xfe.html", "good.html"]
    elif fmt == "jsonl":
        assert len([json.loads(line) for line in text.splitlines()]) == 2
    elif fmt == "sarif":
        json.loads(text)


@pytest.mark.parametrize("output", ["/nonexistent/dir/x.json", "DIR", "/dev/full"])
def test_unwritable_output_is_exit_2_with_a_message(tmp_path: Path, output: str) -> None:
    import subprocess
    import sys

    if output == "/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    article = tmp_path / "a.txt"
    article.write_text("date 2025-03-14\n\nHello — Ann (@ann) March 1, 2025\n")
    target = str(tmp_path) if output == "DIR" else output
    run = subprocess.run(
        [sys.executable, "-m", "citecheck", str(article), "-f", "json", "-o", target], capture_output=True, text=True
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.startswith("citecheck: cannot write the report to")


def test_standard_output_that_cannot_be_written(tmp_path: Path) -> None:
    import subprocess
    import sys

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    article = tmp_path / "a.txt"
    article.write_text("date 2025-03-14\n\nHello — Ann (@ann) March 1, 2025\n")
    for fmt in ("text", "json"):
        with open("/dev/full", "w") as full:
            run = subprocess.run(
                [sys.executable, "-m", "citecheck", str(article), "-f", fmt],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
            )
        assert run.returncode == 2 and "Traceback" not in run.stderr
        assert "cannot write the report to standard output: No space left on device" in run.stderr


def test_output_that_is_one_of_the_inputs_is_refused_untouched(tmp_path: Path) -> None:
    import os

    article = tmp_path / "a.html"
    page = html_article("2025-03-14", "<p>Hello.</p>")
    article.write_text(page)
    (tmp_path / "link.html").symlink_to(article)
    for arguments in (
        [str(article), "-o", str(article)],
        [str(tmp_path / "link.html"), "-o", str(article)],
        [str(article), "-o", os.path.relpath(article)],
    ):
        result = runner.invoke(app, ["check", *arguments])
        assert result.exit_code == 2 and "is one of the inputs" in result.stderr
        assert article.read_text() == page


def test_closed_standard_input(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    for command in (["-"], ["timeline", "-"]):
        run = subprocess.run(
            [sys.executable, "-m", "citecheck", *command], stdin=subprocess.DEVNULL, capture_output=True, text=True
        )
        assert run.returncode == 2  # an empty standard input: the usual "is empty"
        closed = subprocess.run(  # `citecheck - <&-`: Python starts with no standard input at all
            [sys.executable, "-m", "citecheck", *command],
            preexec_fn=lambda: os.close(0),
            capture_output=True,
            text=True,
        )
        assert closed.returncode == 2 and "Traceback" not in closed.stderr, closed.stderr
        assert "standard input) is closed" in closed.stdout + closed.stderr


def test_jobs_are_capped_at_the_cores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent import futures

    from citecheck import pipeline

    started: list[int] = []
    real = futures.ProcessPoolExecutor

    def counting(max_workers: int, **kwargs: object) -> futures.ProcessPoolExecutor:
        started.append(max_workers)
        return real(max_workers=max_workers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(futures, "ProcessPoolExecutor", counting)
    monkeypatch.setattr(pipeline, "usable_cores", lambda: 2)
    for i in range(12):
        (tmp_path / f"a{i}.txt").write_text(f"date 2025-03-14\n\nHello {i} — Ann (@ann) March 1, 2025\n")
    reports = list(pipeline.check_paths([str(tmp_path)], Settings(), jobs=10_000))
    assert len(reports) == 12 and started == [2]


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended; only its exit status is left


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT", "SIGKILL"])
def test_workers_end_with_the_parent(tmp_path: Path, signal_name: str) -> None:
    import signal
    import subprocess
    import sys

    if not Path("/proc/self/task").exists():
        pytest.skip("needs Linux's /proc to list a process's children")
    page = html_article("2025-03-14", "<p>Monday, Tuesday and Friday. </p>" * 400)
    for i in range(3000):
        (tmp_path / f"a{i}.html").write_text(page)
    process = subprocess.Popen(
        [sys.executable, "-m", "citecheck", str(tmp_path), "-j", "2", "-f", "jsonl", "-o", str(tmp_path / "out.x")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.2)
            workers = [pid for pid in _children(process.pid) if _alive(pid)]
        assert len(workers) >= 2, "the run started no workers"
        process.send_signal(getattr(signal, signal_name))
        process.wait(timeout=60)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.2)
        assert not any(_alive(pid) for pid in workers)
    finally:
        if process.poll() is None:
            process.kill()


@pytest.mark.parametrize(
    ("setting", "key"),
    [
        ("max-bytes = -1", "max-bytes"),
        ("max-bytes = 1e400", "max-bytes"),
        ("[network]\ntimeout = nan", "network.timeout"),
        ("[network]\ntimeout = -1", "network.timeout"),
        ("[network]\nconcurrency = 0", "network.concurrency"),
        ("[network]\ndeadline = inf", "network.deadline"),
        ("[[overrides]]\npaths = ['*']\nmax-bytes = 0", "max-bytes"),
        ("[[overrides]]\npaths = ['*']\nafter-publication-days = nan", "after-publication-days"),
    ],
)
def test_config_values_out_of_range_are_refused_where_read(tmp_path: Path, setting: str, key: str) -> None:
    (tmp_path / "citecheck.toml").write_text(setting + "\n")
    article = tmp_path / "a.txt"
    article.write_text("date 2025-03-14\n\nHello — Ann (@ann) March 1, 2025\n")
    result = runner.invoke(app, ["check", str(article)])
    assert result.exit_code == 2 and key in result.stderr and "Traceback" not in result.output


def test_hedged_offsets_at_the_calendars_ends() -> None:
    # Found by the long fuzz run (a TimeML file tagged with --published 9999-12-31): "about a week
    # after <a day>" widens its interval past the calendar's end.
    from citecheck.timeline import tag_text

    (about, _) = tag_text("About a week after the vote on Dec. 30 the council met.", dt.date.max)
    assert about.text == "About a week" and about.last == dt.date.max
    (roughly, _) = tag_text("Roughly two weeks before the vote on Jan. 2 they met.", dt.date(1, 1, 3))
    assert roughly.begin == dt.date.min


def test_lazy_iframe_with_attributes_lxml_will_not_set(tmp_path: Path) -> None:
    # Found by the long fuzz run: the stand-in iframe built for a lazy player's address copied every
    # attribute, a vertical tab or a name like "a,b" included, and lxml refused them.
    page = (
        "<html><body><p>x</p>"
        "<iframe title='a\x0bb' data-lazy='https://www.youtube.com/embed/dQw4w9WgXcQ'></iframe>"
        "<iframe a,b='1' data-lazy='https://www.youtube.com/embed/dQw4w9WgXcQ'></iframe></body></html>"
    )
    report = checked(tmp_path, "lazy.html", page)
    assert [(e.platform, e.post_id) for e in report.embeds] == [("youtube", "dQw4w9WgXcQ")] * 2


def test_lazy_iframe_with_a_control_character_in_an_attribute_name(tmp_path: Path) -> None:
    # Found by the second long fuzz run: copying the attributes looked each name up again, and lxml
    # refuses a name with a control character in it (the HTML parser keeps it).
    page = (
        "<html><body><p>x</p>"
        "<iframe a\x01b='1' data-lazy='https://www.youtube.com/embed/dQw4w9WgXcQ'></iframe></body></html>"
    )
    report = checked(tmp_path, "lazy.html", page)
    assert [(e.platform, e.post_id) for e in report.embeds] == [("youtube", "dQw4w9WgXcQ")]


def test_placeholder_whose_tag_lxml_will_not_look_up(tmp_path: Path) -> None:
    # Found by the second long fuzz run: ordering the placeholders found by XPath looked their tags
    # up again, and a tag with a control character in it (the HTML parser keeps it) is refused.
    page = (
        "<html><body><p>x</p><d\x01v data-oembed-url='https://twitter.com/portauth/status/1899289384964878378'>"
        "</d\x01v><blockquote class='twitter-tweet'><p>y</p>&mdash; Port (@portauth) "
        "<a href='https://twitter.com/portauth/status/1899289384964878379'>March 11, 2025</a></blockquote>"
        "</body></html>"
    )
    report = checked(tmp_path, "placeholder.html", page)
    assert {e.post_id for e in report.embeds} == {"1899289384964878378", "1899289384964878379"}
