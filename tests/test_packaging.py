"""The pre-commit hook and the composite GitHub Action, run the way their hosts run them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CI = Path(__file__).parent / "fixtures" / "ci"


def test_pre_commit_hook_entry() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert (hook["id"], hook["entry"], hook["language"]) == ("citecheck", "citecheck", "python")
    assert hook["types_or"] == ["html", "markdown", "text", "json"]


def action_steps() -> dict[str, dict[str, str]]:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {"paths", "args", "version"}
    return {step.get("id", step.get("name", "")): step for step in action["runs"]["steps"]}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@x"
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


def run_step(script: str, repo: Path, env: dict[str, str], outputs: Path) -> subprocess.CompletedProcess[str]:
    bin_dir = Path(sys.executable).parent
    full = {**os.environ, **env, "GITHUB_OUTPUT": str(outputs), "RUNNER_TEMP": str(outputs.parent)}
    full["PATH"] = f"{bin_dir}{os.pathsep}{full['PATH']}"
    return subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=repo, env=full, capture_output=True, text=True)


def read_outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash")
def test_action_checks_only_the_changed_drafts_and_fails_per_exit_code(tmp_path: Path) -> None:
    if not (Path(sys.executable).parent / "citecheck").exists():
        pytest.skip("citecheck is not installed next to this interpreter")
    steps = action_steps()
    repo = tmp_path / "newsroom"
    shutil.copytree(CI / "newsroom", repo)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    base = git(repo, "rev-parse", "HEAD")
    shutil.copy(CI / "stale-suppression.md", repo / "drafts" / "ferry.md")  # a new draft: CC003 warning
    (repo / "drafts" / "notes.py").write_text("print('not a draft')\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "pr")
    head = git(repo, "rev-parse", "HEAD")

    outputs = tmp_path / "out.txt"
    outputs.touch()
    env = {"INPUT_PATHS": "drafts", "BASE_SHA": base, "HEAD_SHA": head}
    found = run_step(steps["files"]["run"], repo, env, outputs)
    assert found.returncode == 0, found.stderr
    listed = read_outputs(outputs)
    assert listed["mode"] == "changed" and listed["count"] == "1"
    assert Path(listed["list"]).read_text().split() == ["drafts/ferry.md"]

    outputs.write_text("")
    env = {"CITECHECK_ARGS": "", "LIST": listed["list"], "COUNT": listed["count"]}
    checked = run_step(steps["check"]["run"], repo, env, outputs)
    # The repo's config says fail-on = "warning": the stale suppression fails the job.
    assert checked.returncode == 1
    assert checked.stdout.startswith("::warning file=drafts/ferry.md,line=7,col=1,title=CC003 unused-suppression::")
    assert read_outputs(outputs)["exit-code"] == "1"

    outputs.write_text("")
    env["CITECHECK_ARGS"] = "--fail-on error"
    assert run_step(steps["check"]["run"], repo, env, outputs).returncode == 0

    outputs.write_text("")
    found = run_step(steps["files"]["run"], repo, {"INPUT_PATHS": "drafts", "BASE_SHA": ""}, outputs)
    assert read_outputs(outputs)["mode"] == "all" and Path(read_outputs(outputs)["list"]).read_text().split() == [
        "drafts"
    ]
