"""The command line's shape and options as a user meets them: the default command, run_check, -o."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.run import CheckOptions, run_check

ROOT = Path(__file__).resolve().parents[1]
CI = Path(__file__).parent / "fixtures" / "ci"
runner = CliRunner()


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "newsroom"
    shutil.copytree(CI / "newsroom", repo)
    monkeypatch.chdir(repo)
    monkeypatch.delenv("CI", raising=False)
    return repo


@pytest.mark.parametrize(
    "args",
    [
        ["drafts/council.html", "-f", "jsonl"],
        ["-f", "jsonl", "drafts/council.html"],
        ["--format=jsonl", "drafts/council.html"],
    ],
)
def test_paths_alone_mean_the_check_command(newsroom: Path, args: list[str]) -> None:
    short = runner.invoke(app, args)
    explicit = runner.invoke(app, ["check", *args])
    assert short.exit_code == explicit.exit_code == 1
    assert short.stdout == explicit.stdout and json.loads(short.stdout)["source"] == "drafts/council.html"


def test_group_options_and_commands_keep_their_meaning() -> None:
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout.startswith("citecheck ")
    help_ = runner.invoke(app, ["--help"])
    assert help_.exit_code == 0 and "Commands" in help_.stdout and "timeline" in help_.stdout
    check_help = runner.invoke(app, ["check", "--help"])
    assert check_help.exit_code == 0 and "--fail-on" in check_help.stdout
    assert runner.invoke(app, ["rules", "CC202"]).stdout.startswith("# CC202")


def test_run_check_is_callable_without_a_command_line(newsroom: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run_check(CheckOptions(paths=["drafts"], output_format="jsonl", overrides={"fail_on": "never"}), out, err)
    assert code == 0 and err.getvalue() == ""
    assert [json.loads(line)["source"] for line in out.getvalue().splitlines()] == [
        "drafts/council.html",
        "drafts/harbour.md",
        "drafts/old/archive.md",
    ]
    out, err = io.StringIO(), io.StringIO()
    assert run_check(CheckOptions(paths=["drafts/council.html"]), out, err) == 1
    assert "CC202 date-vs-post-id" in out.getvalue()


def test_run_check_usage_errors_exit_2_with_a_reason(newsroom: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out, err = io.StringIO(), io.StringIO()
    assert run_check(CheckOptions(paths=[str(empty)]), out, err) == 2
    assert err.getvalue() == f"citecheck: no articles found in {empty}\n"
    (newsroom / "citecheck.toml").write_text("nonsense = 1\n")
    err = io.StringIO()
    assert run_check(CheckOptions(paths=["drafts"]), io.StringIO(), err) == 2
    assert "unknown key 'nonsense'" in err.getvalue()


def test_output_file_is_written_and_closed_and_an_unwritable_one_is_a_usage_error(
    newsroom: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.json"
    result = runner.invoke(app, ["drafts", "-f", "json", "-o", str(target)])
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text())["summary"]["files"] == 3
    result = runner.invoke(app, ["drafts", "-o", str(tmp_path / "no" / "such" / "folder" / "r.txt")])
    assert result.exit_code == 2 and result.stdout == ""
    assert "citecheck: cannot write the report to" in result.stderr and "No such file or directory" in result.stderr


def test_importing_the_command_line_leaves_the_environment_alone() -> None:
    code = "import os, citecheck.cli; print(os.environ.get('PYDANTIC_DISABLE_PLUGINS'))"
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.stdout == "None\n"
