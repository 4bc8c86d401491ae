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


PACKAGE_JSON = '{"name": "newsroom-site", "version": "1.0.0", "scripts": {"build": "eleventy"}}\n'
needs_git = pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash")


def action_steps() -> dict[str, dict[str, str]]:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {"paths", "args", "version", "cache", "sarif"}
    return {step.get("id", step.get("name", "")): step for step in action["runs"]["steps"]}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@x"
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


class Runner:
    """The Action's shell steps run as the runner runs them: bash, GITHUB_* files, RUNNER_TEMP."""

    def __init__(self, tmp: Path, repo: Path) -> None:
        self.repo, self.temp = repo, tmp / "runner-temp"
        self.temp.mkdir()
        self.summary = tmp / "step-summary.md"
        self.summary.touch()
        self.steps = action_steps()

    def run(
        self, step: str, env: dict[str, str], path: str | None = None
    ) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
        outputs = self.temp / f"{step}-outputs.txt"
        outputs.write_text("")
        full = {**os.environ, **env, "GITHUB_OUTPUT": str(outputs), "RUNNER_TEMP": str(self.temp)}
        full["GITHUB_STEP_SUMMARY"] = str(self.summary)
        # The citecheck installed beside this interpreter stands in for the install step's.
        full["PATH"] = f"{path or Path(sys.executable).parent}{os.pathsep}{full['PATH']}"
        done = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", self.steps[step]["run"]],
            cwd=self.repo,
            env=full,
            capture_output=True,
            text=True,
        )
        read = dict(line.split("=", 1) for line in outputs.read_text().splitlines() if "=" in line)
        return done, read

    def files_then_check(
        self, paths: str, base: str = "", args: str = "", sarif: str = "false"
    ) -> tuple[subprocess.CompletedProcess[str], dict[str, str], subprocess.CompletedProcess[str], dict[str, str]]:
        found, listed = self.run("files", {"INPUT_PATHS": paths, "BASE_SHA": base})
        assert found.returncode == 0, found.stderr
        env = {"CITECHECK_ARGS": args, "LIST": listed["list"], "COUNT": listed["count"], "SCOPE": listed["scope"]}
        checked, outputs = self.run("check", {**env, "SARIF": sarif})
        return found, listed, checked, outputs


def newsroom_repo(tmp_path: Path) -> tuple[Path, str, str]:
    """A drafts repository with a package.json beside the drafts; a pull request adds a draft
    with a stale suppression (CC003, a warning the config fails on) and touches package.json."""
    if not (Path(sys.executable).parent / "citecheck").exists():
        pytest.skip("citecheck is not installed next to this interpreter")
    repo = tmp_path / "newsroom"
    shutil.copytree(CI / "newsroom", repo)
    (repo / "package.json").write_text(PACKAGE_JSON)
    (repo / "tsconfig.json").write_text('{"compilerOptions": {"strict": true}}\n')
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    base = git(repo, "rev-parse", "HEAD")
    shutil.copy(CI / "stale-suppression.md", repo / "drafts" / "ferry.md")
    (repo / "drafts" / "notes.py").write_text("print('not a draft')\n")
    (repo / "package.json").write_text(PACKAGE_JSON.replace("1.0.0", "1.0.1"))
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "pr")
    return repo, base, git(repo, "rev-parse", "HEAD")


@needs_git
def test_action_on_a_pull_request_checks_the_changed_drafts_and_writes_a_job_summary(tmp_path: Path) -> None:
    repo, base, _ = newsroom_repo(tmp_path)
    runner = Runner(tmp_path, repo)
    _, listed, checked, outputs = runner.files_then_check(".", base)
    assert listed["mode"] == "changed"
    # notes.py is no draft; package.json has a draft's suffix, and citecheck reads its shape.
    assert Path(listed["list"]).read_text().split() == ["drafts/ferry.md", "package.json"]
    # The repository's config says fail-on = "warning": the stale suppression fails the job.
    assert checked.returncode == 1 and outputs["exit-code"] == "1", checked.stderr
    annotations = [line for line in checked.stdout.splitlines() if line.startswith("::")]
    assert annotations == [
        line for line in annotations if line.startswith("::warning file=drafts/ferry.md,line=7,col=1,title=CC003")
    ]
    assert len(annotations) == 1 and "CC001" not in checked.stdout
    assert "citecheck: note: package.json: skipped, not an article" in checked.stderr
    summary = runner.summary.read_text()
    assert summary.startswith("## citecheck\n\nChecked the drafts this pull request adds or changes under: .")
    assert (
        "**1** file, 1 embed: **0** errors, **1** warning, 0 infos" in summary
        and "failed: findings at or above" in summary
    )
    assert "| CC003 | unused-suppression | ⚠️ warning | 1 |" in summary  # per rule
    assert "| drafts/ferry.md | 0 | 1 | 0 |" in summary  # per file
    assert "`drafts/ferry.md:7:1` **CC003** unused-suppression:" in summary
    assert "package.json" not in summary


@needs_git
def test_action_sarif_input_writes_the_sarif_of_the_same_run(tmp_path: Path) -> None:
    import json

    repo, base, _ = newsroom_repo(tmp_path)
    _, _, checked, outputs = Runner(tmp_path, repo).files_then_check(".", base, args="--fail-on error", sarif="true")
    assert checked.returncode == 0 and outputs["exit-code"] == "0"
    sarif = json.loads(Path(outputs["sarif-file"]).read_text())
    (result,) = sarif["runs"][0]["results"]
    assert (
        result["ruleId"] == "CC003"
        and result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/ferry.md"
    )


@needs_git
def test_action_on_a_push_walks_the_paths_and_skips_package_json(tmp_path: Path) -> None:
    repo, _, _ = newsroom_repo(tmp_path)
    runner = Runner(tmp_path, repo)
    _, listed, checked, _ = runner.files_then_check(".")
    assert listed["mode"] == "all" and Path(listed["list"]).read_text().split() == ["."]
    assert "CC001" not in checked.stdout and "package.json" not in checked.stdout + checked.stderr
    summary = runner.summary.read_text()
    assert "Checked every path given (.): not a pull request." in summary
    assert "| drafts/ferry.md |" in summary and "tsconfig" not in summary


@needs_git
def test_action_in_a_shallow_clone_fetches_the_base(tmp_path: Path) -> None:
    origin, base, head = newsroom_repo(tmp_path)
    git(origin, "config", "uploadpack.allowAnySHA1InWant", "true")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth=1", f"file://{origin}", str(clone))  # actions/checkout's default depth
    assert git(clone, "rev-parse", "HEAD") == head
    assert subprocess.run(["git", "cat-file", "-e", f"{base}^{{commit}}"], cwd=clone).returncode != 0
    runner = Runner(tmp_path, clone)
    found, listed, _, _ = runner.files_then_check(".", base)
    assert listed["mode"] == "changed" and f"fetching the pull request's base {base}" in found.stdout
    assert Path(listed["list"]).read_text().split() == ["drafts/ferry.md", "package.json"]


@needs_git
def test_action_says_so_when_it_cannot_diff_and_checks_every_path(tmp_path: Path) -> None:
    origin, base, _ = newsroom_repo(tmp_path)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth=1", f"file://{origin}", str(clone))
    git(clone, "remote", "remove", "origin")  # nothing to fetch the base from
    runner = Runner(tmp_path, clone)
    found, listed, checked, _ = runner.files_then_check(".", base)
    assert listed["mode"] == "all"
    assert "::warning title=citecheck checks every path::" in found.stdout and "fetch-depth: 0" in found.stdout
    assert "**Checked every path given** (.), not only the changed drafts" in runner.summary.read_text()
    assert checked.returncode == 1  # the whole repository, package.json skipped, the stale suppression found


@needs_git
def test_action_keeps_citecheck_exit_code_when_there_is_no_report_to_summarize(tmp_path: Path) -> None:
    repo, base, _ = newsroom_repo(tmp_path)
    (repo / "pyproject.toml").write_text(
        '[tool.citecheck]\nignroe = ["CC1"]\n'
    )  # a bad config: exit 2, before any report
    runner = Runner(tmp_path, repo)
    _, _, checked, outputs = runner.files_then_check(".", base)
    assert checked.returncode == 2 and outputs["exit-code"] == "2"
    assert "unknown key 'ignroe'" in checked.stderr
    assert "citecheck ended with exit code 2 and no report to summarize" in runner.summary.read_text()
    # --statistics (via args) writes counts, not a report: the summary says so, the job keeps citecheck's code.
    (repo / "pyproject.toml").write_text('[tool.citecheck]\nfail-on = "warning"\n')
    _, _, checked, outputs = runner.files_then_check(".", base, args="--statistics")
    assert checked.returncode == 1 and outputs["exit-code"] == "1"


@needs_git
def test_action_with_no_changed_draft_passes_and_says_so(tmp_path: Path) -> None:
    repo, _, head = newsroom_repo(tmp_path)
    runner = Runner(tmp_path, repo)
    _, listed, checked, outputs = runner.files_then_check("drafts/old", head)
    assert listed["count"] == "0" and checked.returncode == 0 and outputs["exit-code"] == "0"
    assert "No changed drafts to check." in runner.summary.read_text()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(
    ("version", "requirement"),
    [
        ("", "ACTION_PATH"),
        ("latest", "citecheck-embeds"),
        ("0.2.0", "citecheck-embeds==0.2.0"),
        ("./vendor/cc", "./vendor/cc"),
    ],
)
def test_action_installs_its_own_checkout_by_default(tmp_path: Path, version: str, requirement: str) -> None:
    fake = tmp_path / "bin"
    fake.mkdir()
    log = tmp_path / "pip-args.txt"
    (fake / "python").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {log}\n')
    (fake / "citecheck").write_text("#!/bin/sh\necho citecheck 0.1.0\n")
    for script in fake.iterdir():
        script.chmod(0o755)
    action_path = str(tmp_path / "action-checkout")
    done, _ = Runner(tmp_path, tmp_path).run(
        "install", {"CITECHECK_VERSION": version, "ACTION_PATH": action_path}, path=str(fake)
    )
    assert done.returncode == 0, done.stderr
    assert log.read_text().splitlines()[-1] == (action_path if requirement == "ACTION_PATH" else requirement)


# --- pre-commit ----------------------------------------------------------------------------------


def hook() -> dict[str, object]:
    (found,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    return dict(found)


def hook_selects(path: Path, relative: str) -> bool:
    """Whether pre-commit hands this staged file to the hook: pre-commit's own filter (files and
    exclude regexes, then types, types_or and exclude_types against identify's tags)."""
    import re

    from identify.identify import tags_from_path

    spec = hook()
    if not re.search(str(spec.get("files", "")), relative) or re.search(str(spec.get("exclude", "^$")), relative):
        return False
    tags = tags_from_path(str(path))
    types, types_or = set(spec.get("types", ["file"])), set(spec.get("types_or", []))  # type: ignore[call-overload]
    return types <= tags and (not types_or or bool(types_or & tags)) and not (set(spec.get("exclude_types", [])) & tags)  # type: ignore[call-overload]


def test_pre_commit_hook_entry() -> None:
    spec = hook()
    assert (spec["id"], spec["language"]) == ("citecheck", "python")
    assert spec["entry"] == "citecheck --force-exclude"


@needs_git
def test_pre_commit_hook_on_a_repository_with_package_json(tmp_path: Path) -> None:
    repo, _, _ = newsroom_repo(tmp_path)
    (repo / ".vscode").mkdir()
    (repo / ".vscode" / "settings.json").write_text('{"editor.tabSize": 2}\n')
    (repo / "drafts" / "wires.tml").write_text("<TimeML><TEXT>On Monday.</TEXT></TimeML>\n")
    (repo / "drafts" / "post.json").write_text(
        '{"date_gmt": "2025-03-14T10:00:00", "content": {"rendered": "<p>Hi.</p>"}}\n'
    )
    git(repo, "add", ".")
    staged = git(repo, "ls-files").split()
    selected = [name for name in staged if hook_selects(repo / name, name)]
    assert (
        "package.json" not in selected and "tsconfig.json" not in selected and ".vscode/settings.json" not in selected
    )
    assert "drafts/notes.py" not in selected
    assert {"drafts/ferry.md", "drafts/council.html", "drafts/wires.tml", "drafts/post.json"} <= set(selected)
    # The hook's entry, as pre-commit runs it: the selected files as arguments.
    entry = str(hook()["entry"]).split()
    bin_dir = Path(sys.executable).parent
    run = subprocess.run([str(bin_dir / entry[0]), *entry[1:], *selected], cwd=repo, capture_output=True, text=True)
    assert run.returncode == 1 and "CC003" in run.stdout and "CC001" not in run.stdout  # the stale suppression only
    # Were a manifest handed over all the same (a hook of another version), it is harmless: a note, exit 0.
    run = subprocess.run(
        [str(bin_dir / entry[0]), *entry[1:], "package.json", "tsconfig.json"], cwd=repo, capture_output=True, text=True
    )
    assert run.returncode == 0 and "skipped, not an article" in run.stderr


# --- the CI examples in docs/ci.md ---------------------------------------------------------------


def ci_doc_commands() -> list[str]:
    """The shell commands of docs/ci.md's workflow examples: GitHub `run:` steps, GitLab `script:`."""
    import re

    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    commands: list[str] = []
    for block in re.findall(r"```yaml\n(.*?)```", text, flags=re.S):
        loaded = yaml.safe_load(block)
        if isinstance(loaded, list):  # a list of GitHub steps
            commands += [step["run"] for step in loaded if isinstance(step, dict) and "run" in step]
        elif isinstance(loaded, dict):
            commands += [line for job in loaded.values() if isinstance(job, dict) for line in job.get("script", [])]
    return commands


def test_ci_examples_install_this_distribution_and_hide_no_failure() -> None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    name = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"]
    commands = ci_doc_commands()
    installs = [c for c in commands if c.startswith("pip install")]
    assert installs and all(c == f"pip install {name}" for c in installs), installs
    assert not [c for c in commands if "|| true" in c or "; true" in c]


def test_ci_examples_run_and_write_their_reports(tmp_path: Path) -> None:
    import json
    import shlex
    import xml.etree.ElementTree as ET

    if not (Path(sys.executable).parent / "citecheck").exists():
        pytest.skip("citecheck is not installed next to this interpreter")
    (tmp_path / "drafts").mkdir()
    shutil.copy(CI / "wrong-date.html", tmp_path / "drafts" / "council.html")
    (tmp_path / "package.json").write_text(PACKAGE_JSON)
    runs = [c for c in ci_doc_commands() if c.startswith("citecheck ")]
    assert len(runs) == 2
    codes = {}
    for command in runs:
        args = shlex.split(command)
        done = subprocess.run(
            [str(Path(sys.executable).parent / args[0]), *args[1:]], cwd=tmp_path, capture_output=True, text=True
        )
        codes[args[args.index("--format") + 1]] = done.returncode
        assert "Traceback" not in done.stderr
    assert codes == {"sarif": 0, "junit": 1}  # --exit-zero lets the upload run; the JUnit job fails on the error
    sarif = json.loads((tmp_path / "citecheck.sarif").read_text())
    assert "CC202" in [r["ruleId"] for r in sarif["runs"][0]["results"]]
    suite = ET.parse(tmp_path / "citecheck.xml").getroot()
    assert "CC202" in ET.tostring(suite, encoding="unicode")


def test_job_summary_escapes_markdown_and_caps_the_list() -> None:
    from citecheck.models import FileReport, Finding, Location, Report, Summary, Tool
    from citecheck.render import job_summary

    findings = [
        Finding(rule="CC202", name="date-vs-post-id", severity="error", message=f"a | b <i>{n}</i>\nnext", location=Location(line=n + 1, column=1))
        for n in range(job_summary.MAX_LISTED + 3)
    ]  # fmt: skip
    report = Report(
        tool=Tool(version="0"),
        files=[FileReport(source="drafts/a|b.md", findings=findings)],
        summary=Summary(files=1, errors=len(findings)),
    )
    text = job_summary.markdown_summary(report, exit_code=1)
    assert "| drafts/a\\|b.md | 503 | 0 | 0 |" in text and "| CC202 | date-vs-post-id | ❌ error | 503 |" in text
    assert "a \\| b \\<i\\>0\\</i\\> next" in text  # one line, no table break, no HTML
    assert text.count("**CC202**") == job_summary.MAX_LISTED and "… and 3 more: see the job's log" in text


@needs_git
def test_action_writes_uploads_and_links_the_html_report(tmp_path: Path) -> None:
    import lxml.html

    repo, base, _ = newsroom_repo(tmp_path)
    runner = Runner(tmp_path, repo)
    found, listed = runner.run("files", {"INPUT_PATHS": ".", "BASE_SHA": base})
    assert found.returncode == 0, found.stderr
    env = {"CITECHECK_ARGS": "", "LIST": listed["list"], "COUNT": listed["count"], "SCOPE": listed["scope"]}
    checked, outputs = runner.run("check", {**env, "SARIF": "false", "HTML": "true"})
    assert checked.returncode == 1, checked.stderr  # the report is written when the check fails too
    page = lxml.html.fromstring(Path(outputs["html-file"]).read_text(encoding="utf-8"))
    assert page.xpath("//section[@id='file-1']//h3")[0].text_content() == "drafts/ferry.md"
    assert page.xpath("//article[@data-rule='CC003']")
    # The upload takes that file, whatever the check's exit code; the link step then names it.
    steps = action_steps()
    upload = steps["upload-html"]
    assert upload["uses"].startswith("actions/upload-artifact@") and "always()" in upload["if"]
    assert upload["with"]["path"] == "${{ steps.check.outputs.html-file }}"  # type: ignore[index]
    url = "https://github.com/newsroom/drafts/actions/runs/1/artifacts/2"
    linked, _ = runner.run("link-html", {"URL": url, "NAME": "citecheck-report"})
    assert linked.returncode == 0, linked.stderr
    assert f"**The HTML report**: [citecheck-report]({url})" in runner.summary.read_text()
    # html-report: false writes none
    _, outputs = runner.run("check", {**env, "SARIF": "false", "HTML": "false"})
    assert "html-file" not in outputs
