"""The CI-gate options as a user runs them: formats, config, suppressions, rules, --jobs, progress."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.progress import progress_wanted, summary_line, with_progress
from citecheck.rules.catalogue import CATALOGUE

ROOT = Path(__file__).resolve().parents[1]
CI = Path(__file__).parent / "fixtures" / "ci"
runner = CliRunner()


def cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", *args])
    return result.exit_code, result.stdout


def annotations(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("::")]


def test_newsroom_ci_run_gives_exit_code_and_annotations(newsroom: Path) -> None:
    code, out = cli("--format", "github", "drafts")
    assert code == 1
    assert annotations(out) == [
        "::error file=drafts/council.html,line=12,col=1,title=CC202 date-vs-post-id::embed 0 (Twitter / X,"
        " @mayorreyes) shows 'October 24, 2025' (2025-10-24), but its post ID 1980567232312250514 was made"
        " 2025-10-21 09:30 UTC (snowflake clock); it should show exactly its UTC day (official code, ?ref_src)."
        " Off by 62 h beyond the tolerance. [CC202, see 'citecheck rules CC202']"
    ]
    assert out.splitlines()[-1] == "citecheck: 3 files, 4 embeds, 1 error, 0 warnings, 0 infos, 1 suppressed"


def test_newsroom_config_and_suppression_change_exactly_what_they_say(newsroom: Path) -> None:
    def rules_of(out: str) -> list[tuple[str, str, bool]]:
        return [
            (f["rule"], report["source"], f["suppressed"])
            for report in json.loads(out)["files"]
            for f in report["findings"]
        ]

    _, out = cli("--format", "json", "drafts")
    assert rules_of(out) == [("CC103", "drafts/council.html", True), ("CC202", "drafts/council.html", False)]
    # Without the override, the archive's two problems come back; nothing else changes.
    (newsroom / "pyproject.toml").write_text(
        (newsroom / "pyproject.toml").read_text().split("[[tool.citecheck.overrides]]")[0]
    )
    _, out = cli("--format", "json", "drafts")
    assert rules_of(out) == [
        ("CC103", "drafts/council.html", True),
        ("CC202", "drafts/council.html", False),
        ("CC103", "drafts/old/archive.md", False),
        ("CC202", "drafts/old/archive.md", False),
    ]
    # Without the suppression comment, CC103 is active again.
    page = newsroom / "drafts" / "council.html"
    page.write_text("\n".join(line for line in page.read_text().splitlines() if "citecheck:" not in line))
    _, out = cli("--format", "json", "drafts/council.html")
    assert rules_of(out) == [("CC103", "drafts/council.html", False), ("CC202", "drafts/council.html", False)]


def test_config_fail_on_warning_and_command_line_override(newsroom: Path) -> None:
    shutil.copy(CI / "stale-suppression.md", newsroom / "drafts" / "ferry.md")
    assert cli("drafts/ferry.md")[0] == 1  # fail-on = "warning" in the repo's config: CC003 fails
    assert cli("drafts/ferry.md", "--fail-on", "error")[0] == 0
    assert cli("drafts/council.html", "--fail-on", "never")[0] == 0


def test_config_option_and_errors(newsroom: Path, tmp_path: Path) -> None:
    lenient = tmp_path / "lenient.toml"
    lenient.write_text('fail-on = "never"\n')
    assert cli("--config", str(lenient), "drafts")[0] == 0
    bad = tmp_path / "bad.toml"
    bad.write_text('fail-on = "error"\nignroe = ["CC101"]\n')
    result = runner.invoke(app, ["check", "--config", str(bad), "drafts"])
    assert result.exit_code == 2 and "unknown key 'ignroe'" in result.stderr and result.stdout == ""
    result = runner.invoke(app, ["check", "--config", str(tmp_path / "nope.toml"), "drafts"])
    assert result.exit_code == 2


def test_nested_config_with_an_unknown_key_stops_the_run(newsroom: Path) -> None:
    (newsroom / "drafts" / "old" / "citecheck.toml").write_text("severity_of = {}\n")
    result = runner.invoke(app, ["check", "drafts/old/archive.md"])
    assert result.exit_code == 2 and "unknown key 'severity_of'" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github", "junit"])
def test_every_format_from_the_command_line(newsroom: Path, fmt: str, tmp_path: Path) -> None:
    code, out = cli("--format", fmt, "drafts")
    assert code == 1 and "council.html" in out
    target = tmp_path / f"report.{fmt}"
    code, out = cli("-f", fmt, "-o", str(target), "drafts")
    assert code == 1 and out == "" and "council.html" in target.read_text()


def test_select_and_ignore_options(newsroom: Path) -> None:
    assert cli("--ignore", "CC202", "drafts")[0] == 0
    assert cli("--select", "CC1", "drafts")[0] == 0
    code, out = cli("--select", "CC2", "-f", "jsonl", "drafts/council.html")
    assert code == 1 and {f["rule"] for f in json.loads(out)["findings"]} == {"CC202"}


def test_published_and_max_bytes_options(newsroom: Path) -> None:
    _, out = cli("-f", "jsonl", "--published", "2025-10-01", "drafts/harbour.md")
    report = json.loads(out)
    assert report["published"] == {"date": "2025-10-01", "source": "option", "detail": "--published", "datetime": None}
    assert [f["rule"] for f in report["findings"]] == ["CC201"]
    code, out = cli("-f", "jsonl", "--max-bytes", "100", "drafts/harbour.md")
    assert code == 2 and json.loads(out)["findings"][0]["rule"] == "CC001"


def test_jobs_two_is_byte_identical_to_one(newsroom: Path) -> None:
    for i in range(6):
        shutil.copy(CI / "wrong-date.html", newsroom / "drafts" / f"copy{i}.html")
        shutil.copy(CI / "no-date.txt", newsroom / "drafts" / f"copy{i}.txt")
    one = cli("-f", "json", "--jobs", "1", "drafts")
    two = cli("-f", "json", "--jobs", "2", "drafts")
    every_core = cli("-f", "json", "--jobs", "0", "drafts")
    default = cli("-f", "json", "drafts")
    assert one == two == every_core == default and one[0] == 1


def test_workers_fork_only_while_the_process_runs_one_thread() -> None:
    # In a fresh interpreter: the test runner's own process may hold threads left by other tests.
    code = (
        "import threading\n"
        "from citecheck.pipeline import worker_start_method\n"
        "alone = worker_start_method().get_start_method()\n"
        "threading.Thread(target=threading.Event().wait, daemon=True).start()\n"
        "print(alone, worker_start_method().get_start_method())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    alone = "spawn" if sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods() else "fork"
    assert out == [alone, "spawn"]


def test_spawned_workers_give_the_same_reports(newsroom: Path) -> None:
    from citecheck.config import Settings
    from citecheck.pipeline import check_paths, worker_start_method

    for i in range(4):
        shutil.copy(CI / "wrong-date.html", newsroom / "drafts" / f"copy{i}.html")
    one = [report.model_dump_json() for report in check_paths(["drafts"], Settings(), jobs=1)]
    release = threading.Event()
    threading.Thread(target=release.wait, daemon=True).start()  # as pyarrow's writer pool would be
    try:
        assert worker_start_method().get_start_method() == "spawn"
        two = [report.model_dump_json() for report in check_paths(["drafts"], Settings(), jobs=2)]
    finally:
        release.set()
    assert two == one and len(one) == 7


def test_default_jobs_start_processes_only_for_enough_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from citecheck import pipeline

    monkeypatch.setattr(pipeline, "usable_cores", lambda: 4)
    drafts = []
    for i in range(60):
        draft = tmp_path / f"draft{i}.md"
        draft.write_text("A short draft.\n")
        drafts.append(str(draft))
    sources, jobs = pipeline._auto_jobs(iter(drafts))
    assert jobs == 1 and list(sources) == drafts  # a pool would cost more than sixty drafts take
    archive = tmp_path / "archive.html"
    with archive.open("wb") as handle:  # 20 MB of pages' worth, without writing them
        handle.truncate(20_000_000)
    sources, jobs = pipeline._auto_jobs(iter([*drafts[:3], str(archive), *drafts[3:]]))
    assert jobs == 4 and list(sources) == [*drafts[:3], str(archive), *drafts[3:]]  # nothing lost or reordered
    monkeypatch.setattr(pipeline, "usable_cores", lambda: 1)
    assert pipeline._auto_jobs(iter([str(archive)]))[1] == 1


def test_default_jobs_stay_in_one_process_online(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from citecheck import pipeline
    from citecheck.config import Settings

    pools: list[int] = []
    monkeypatch.setattr(pipeline, "usable_cores", lambda: 4)
    monkeypatch.setattr(pipeline, "_in_processes", lambda work, jobs: pools.append(jobs) or iter(()))
    missing = [str(tmp_path / f"gone{i}.txt") for i in range(600)]
    online = list(pipeline.check_paths(missing, Settings(online=True), jobs=pipeline.AUTO_JOBS))
    assert pools == [] and [r.findings[0].rule for r in online] == ["CC001"] * len(missing)
    list(pipeline.check_paths(missing, Settings(), jobs=pipeline.AUTO_JOBS))
    assert pools == [4]


def test_rules_lists_every_rule_and_prints_a_page() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()[1:] if line.startswith("CC")]
    assert listed == list(CATALOGUE)
    result = runner.invoke(app, ["rules", "cc003"])
    assert result.exit_code == 0 and result.stdout.startswith("# CC003 unused-suppression")
    assert "Silence it" in result.stdout
    result = runner.invoke(app, ["rules", "CC3"])
    assert [line.split()[0] for line in result.stdout.splitlines()[1:] if line.startswith("CC")] == [
        code for code in CATALOGUE if code.startswith("CC3")
    ]
    result = runner.invoke(app, ["rules", "CC999"])
    assert result.exit_code == 2 and "no rule 'CC999'" in result.stderr


def test_every_rule_page_resolves() -> None:
    from citecheck.docs import rule_page

    for code in CATALOGUE:
        assert rule_page(code).startswith(f"# {code}")


def test_summary_line_for_terminals() -> None:
    from citecheck.models import Summary

    line = summary_line(Summary(files=2, embeds=3, errors=1, warnings=0, infos=0, suppressed=2))
    assert line == "citecheck: 2 files, 3 embeds, 1 error, 0 warnings, 0 infos, 2 suppressed"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci() -> None:
    assert progress_wanted(FakeTerminal(), {})
    assert not progress_wanted(FakeTerminal(), {"CI": "true"})
    assert not progress_wanted(FakeTerminal(), {"TERM": "dumb"})
    assert not progress_wanted(io.StringIO(), {})


def test_progress_bar_passes_reports_through(newsroom: Path) -> None:
    from citecheck.config import Settings
    from citecheck.pipeline import check_paths

    terminal = FakeTerminal()
    reports = list(with_progress(check_paths(["drafts"], Settings()), 3, terminal))
    assert [r.source for r in reports] == ["drafts/council.html", "drafts/harbour.md", "drafts/old/archive.md"]


def test_progress_bar_starts_no_thread(newsroom: Path) -> None:
    # The workers of --jobs fork while the bar is drawn: a fork is only safe from one thread.
    from citecheck.config import Settings
    from citecheck.pipeline import check_paths, running_threads

    before = running_threads()
    seen = [running_threads() for _ in with_progress(check_paths(["drafts"], Settings()), 3, FakeTerminal())]
    assert seen == [before] * 3


def test_piped_run_has_no_progress_bar_and_a_summary_in_the_report() -> None:
    env = {**os.environ, "CI": "true"}
    result = subprocess.run(
        [sys.executable, "-m", "citecheck", "--format", "github", str(CI / "clean.md")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.endswith("citecheck: 1 file, 1 embed, 0 errors, 0 warnings, 0 infos\n")


def test_default_command_with_machine_format_as_a_subprocess(tmp_path: Path) -> None:
    shutil.copytree(CI / "newsroom", tmp_path / "newsroom")
    result = subprocess.run(
        [sys.executable, "-m", "citecheck", "drafts", "--format", "sarif"],
        capture_output=True,
        text=True,
        cwd=tmp_path / "newsroom",
        timeout=60,
    )
    assert result.returncode == 1
    run = json.loads(result.stdout)["runs"][0]
    assert [(r["ruleId"], "suppressions" in r) for r in run["results"]] == [("CC103", True), ("CC202", False)]


def test_codes_may_be_comma_separated_prefixes_in_any_case(newsroom: Path) -> None:
    assert cli("--ignore", "cc2,CC103", "drafts")[0] == 0
    code, out = cli("--select", "CC103,cc202", "-f", "jsonl", "drafts/council.html")
    assert code == 1 and [f["rule"] for f in json.loads(out)["findings"]] == ["CC103", "CC202"]


def test_every_rule_page_has_the_five_sections() -> None:
    from citecheck.docs import rule_page
    from citecheck.rules.catalogue import CATALOGUE

    sections = ["## What it checks", "## Why it matters", "## Fires", "## Does not fire", "## Silence it"]
    for code in CATALOGUE:
        headings = [line for line in rule_page(code).splitlines() if line.startswith("## ")]
        assert headings == sections, code
