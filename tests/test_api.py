"""The library API as a Python caller uses it: the exported names, docs/api.md's examples, typing."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import citecheck

ROOT = Path(__file__).resolve().parents[1]
API_DOC = ROOT / "docs" / "api.md"


def test_exported_names_are_pinned() -> None:
    assert sorted(citecheck.__all__) == [
        "Embed",
        "FileReport",
        "Finding",
        "Report",
        "Settings",
        "TimeMention",
        "__version__",
        "check_file",
        "check_html",
        "check_paths",
        "check_source",
        "check_text",
        "check_url",
    ]
    for name in citecheck.__all__:
        assert getattr(citecheck, name) is not None
    with pytest.raises(AttributeError):
        _ = citecheck.Document  # type: ignore[attr-defined]  # built by the load stage, not by callers


def _examples() -> list[tuple[int, str]]:
    """docs/api.md's python blocks, with their line, except those marked 'not run'."""
    text = API_DOC.read_text(encoding="utf-8")
    blocks = []
    for match in re.finditer(r"(<!-- not run[^>]*-->\n)?```python\n(.*?)```", text, re.S):
        if match.group(1) is None:
            blocks.append((text.count("\n", 0, match.start()) + 1, match.group(2)))
    return blocks


EXAMPLES = _examples()


def test_the_doc_has_examples_to_run() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("line", "code"), EXAMPLES, ids=[f"docs/api.md:{line}" for line, _ in EXAMPLES])
def test_api_doc_examples_run(line: int, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(code, f"docs/api.md:{line}", "exec"), {"__name__": "docs_api_example"})


def test_check_html_takes_bytes_with_their_charset_and_text_as_text() -> None:
    page = '<html><head><meta charset="iso-8859-1"><meta property="article:published_time" content="2024-05-02">'
    latin1 = (page + "</head><body><p>Caf\xe9 news</p></body></html>").encode("latin-1")
    report = citecheck.check_html(latin1)
    assert report.kind == "html" and report.published is not None and report.findings == []
    # A str is already decoded: its <meta charset> does not make it mojibake.
    assert citecheck.check_html(latin1.decode("latin-1")).kind == "html"


def test_strings_over_the_size_cap_and_empty_ones_are_cc001() -> None:
    small = citecheck.Settings(max_bytes=10)
    assert citecheck.check_html("<p>" + "x" * 20 + "</p>", settings=small).findings[0].rule == "CC001"
    assert citecheck.check_text("   \n").findings[0].message == "<text> is empty"


def test_published_overrides_and_settings_are_not_changed() -> None:
    settings = citecheck.Settings()
    report = citecheck.check_text("A line.\n", published=dt.date(2020, 1, 2), settings=settings)
    assert report.published is not None and report.published.date == dt.date(2020, 1, 2)
    assert settings.published is None


def test_check_url_refuses_a_path() -> None:
    with pytest.raises(ValueError, match="not a URL"):
        citecheck.check_url("examples/harbor-bridge.html")


CALLER = """
import datetime as dt
from pathlib import Path

import citecheck
from citecheck import FileReport, Finding, Settings


def errors(report: FileReport) -> list[Finding]:
    return [f for f in report.findings if f.severity == "error" and not f.suppressed]


settings = Settings()
strict = Settings(select=["CC2"], fail_on="warning", published=dt.date(2025, 3, 14))
reports: list[FileReport] = [
    citecheck.check_html("<p>x</p>", url="https://example.org/a", published=dt.date(2025, 1, 1), settings=settings),
    citecheck.check_text("words", settings=strict),
    citecheck.check_file(Path("examples/harbor-bridge.html")),
    citecheck.check_file("examples/ferry-draft.md", settings=strict),
]
line: int | None = reports[0].findings[0].location.line if reports[0].findings[0].location else None
count: int = sum(len(errors(report)) for report in reports)
fingerprint: str | None = reports[2].findings[0].fingerprint
for report in citecheck.check_paths(["examples"], settings):
    print(report.source, report.embeds[0].platform if report.embeds else None)
"""


def test_a_callers_code_passes_mypy_strict_without_the_pydantic_plugin(tmp_path: Path) -> None:
    (tmp_path / "caller.py").write_text(textwrap.dedent(CALLER))
    # Beside it, a caller with one type error: the check bites, and only there.
    (tmp_path / "wrong.py").write_text("import citecheck\n\nwrong: int = citecheck.check_text('x').source\n")
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\nstrict = True\n")  # no plugins
    mypy = [sys.executable, "-m", "mypy", "--config-file", str(config), "--cache-dir", str(tmp_path / "cache")]
    result = subprocess.run(
        [*mypy, "caller.py", "wrong.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": ""},
        timeout=300,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout + result.stderr
    assert errors[0].startswith("wrong.py:3: error: Incompatible types in assignment")


@pytest.fixture
def article_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The example article served on 127.0.0.1 (the address guard opened for it, as the online tests do)."""
    import http.server
    import threading

    from citecheck import pipeline
    from citecheck.lookup import Verifier

    page = (ROOT / "examples" / "harbor-bridge.html").read_bytes()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = self.path == "/2025/03/14/harbor-bridge"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page if found else b"")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    verifiers: list[Verifier] = []

    def loopback_verifier(settings: citecheck.Settings) -> Verifier:
        verifiers.append(Verifier(settings, allow_loopback_for_tests=True))
        return verifiers[-1]

    monkeypatch.setattr(pipeline, "shared_verifier", loopback_verifier)
    try:
        yield f"http://127.0.0.1:{server.server_port}/2025/03/14/harbor-bridge"
    finally:
        server.shutdown()
        for verifier in verifiers:
            verifier.close()


def test_check_url_fetches_and_checks_a_page(article_url: str) -> None:
    report = citecheck.check_url(article_url)
    assert report.source == article_url and [f.rule for f in report.findings] == ["CC202"]
    missing = citecheck.check_url(article_url + "-gone")
    assert missing.findings[0].rule == "CC001" and "cannot be fetched" in missing.findings[0].message


def test_check_url_from_inside_a_running_event_loop(article_url: str) -> None:
    # A notebook or an async web app calls the synchronous API with its own loop running.
    import asyncio

    from citecheck.config import NetworkSettings
    from citecheck.lookup import Verifier

    async def caller() -> tuple[citecheck.FileReport, bytes]:
        # The verifier's own lifecycle too: closed while the caller's loop runs.
        with Verifier(NetworkSettings(cache=False), allow_loopback_for_tests=True) as verifier:
            body, _ = verifier.fetch_article(article_url)
        return citecheck.check_url(article_url), body

    report, body = asyncio.run(caller())
    assert [f.rule for f in report.findings] == ["CC202"] and b"harbor" in body.lower()
