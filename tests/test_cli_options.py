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
    for spelling in ("-o", "--output"):
        target = tmp_path / f"report{spelling}.json"
        result = runner.invoke(app, ["drafts", "-f", "json", spelling, str(target)])
        assert result.exit_code == 1 and result.stdout == ""
        assert json.loads(target.read_text())["summary"]["files"] == 3
    result = runner.invoke(app, ["drafts", "-o", str(tmp_path / "no" / "such" / "folder" / "r.txt")])
    assert result.exit_code == 2 and result.stdout == ""
    assert "citecheck: cannot write the report to" in result.stderr and "No such file or directory" in result.stderr


def test_jobs_short_option(newsroom: Path) -> None:
    assert (
        runner.invoke(app, ["drafts", "-j", "2", "-f", "json"]).stdout
        == runner.invoke(app, ["drafts", "-f", "json"]).stdout
    )
    assert runner.invoke(app, ["drafts", "-j", "-1"]).exit_code == 2


def test_importing_the_command_line_leaves_the_environment_alone() -> None:
    code = "import os, citecheck.cli; print(os.environ.get('PYDANTIC_DISABLE_PLUGINS'))"
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.stdout == "None\n"


def check(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", *args], env=env, input=stdin)
    return result.exit_code, result.stdout, result.stderr


# --- --quiet, --verbose ---------------------------------------------------------------------------


def test_quiet_prints_findings_only(newsroom: Path) -> None:
    code, out, err = check("drafts", "-q")
    assert code == 1 and err == ""
    assert out.splitlines()[0] == "drafts/council.html"
    assert "CC202 date-vs-post-id" in out
    # No embed lines, no suppressed finding, no clean files, no summary.
    for absent in ("embed 0 twitter", "CC103", "harbour.md", "archive.md", "Summary:", "published"):
        assert absent not in out
    code, out, _ = check("drafts/harbour.md", "--quiet")
    assert code == 0 and out == ""
    # Machine formats are the report a program asked for: -q leaves them whole.
    assert check("drafts", "-q", "-f", "json")[1] == check("drafts", "-f", "json")[1]


def test_verbose_says_each_sources_config_and_the_time_on_stderr(newsroom: Path) -> None:
    code, out, err = check("drafts", "--verbose", "-f", "json")
    assert code == 1 and json.loads(out)["summary"]["files"] == 3
    lines = err.splitlines()
    assert lines[0] == "citecheck: drafts/council.html: html, 2 embeds, 2 findings; config pyproject.toml"
    assert lines[2] == "citecheck: drafts/old/archive.md: markdown, 1 embed, 0 findings; config pyproject.toml"
    assert lines[3] == "citecheck: 3 files, 4 embeds, 1 error, 0 warnings, 0 infos, 1 suppressed"
    assert lines[4].startswith("citecheck: checked 3 files in ") and lines[4].endswith(" s")
    code, _, err = check("drafts", "-q", "-v")
    assert code == 2 and "--quiet and --verbose cannot be used together" in err


# --- colour ---------------------------------------------------------------------------------------

ESC = b"\x1b["


def on_a_terminal(*args: str, **env: str) -> bytes:
    """What citecheck writes to a real pseudo-terminal (its stdout is a tty, as in a shell)."""
    pty = pytest.importorskip("pty")  # POSIX only
    del pty
    master, slave = os.openpty()
    clean = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CI")}
    process = subprocess.Popen(
        [sys.executable, "-m", "citecheck", *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env={**clean, "TERM": "xterm-256color", **env},
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child has closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(master)
    assert process.returncode == 1, b"".join(chunks)
    return b"".join(chunks)


EXAMPLE = str(ROOT / "examples" / "harbor-bridge.html")


def test_colour_on_a_terminal_and_no_color_switches_it_off() -> None:
    plain = on_a_terminal(EXAMPLE, NO_COLOR="1")
    assert b"CC202 date-vs-post-id" in plain and ESC not in plain
    assert ESC in on_a_terminal(EXAMPLE)
    assert ESC not in on_a_terminal(EXAMPLE, "--color", "never")
    assert ESC in on_a_terminal(EXAMPLE, "--color", "always", NO_COLOR="1")  # the explicit flag wins


def test_colour_in_a_pipe_only_when_asked() -> None:
    base = {"NO_COLOR": "", "FORCE_COLOR": ""}
    assert "\x1b[" not in runner.invoke(app, [EXAMPLE], env=base).stdout
    assert "\x1b[31merror\x1b[0m" in runner.invoke(app, [EXAMPLE, "--color", "always"], env=base).stdout
    assert "\x1b[" in runner.invoke(app, [EXAMPLE], env={**base, "FORCE_COLOR": "1"}).stdout
    # Colour is for people: machine formats never get it.
    assert "\x1b[" not in runner.invoke(app, [EXAMPLE, "-f", "github", "--color", "always"], env=base).stdout
    assert runner.invoke(app, [EXAMPLE, "--color", "sometimes"]).exit_code == 2


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("mode", "stream", "environ", "expected"),
    [
        ("auto", Terminal(), {}, True),
        ("auto", io.StringIO(), {}, False),
        ("auto", Terminal(), {"NO_COLOR": "1"}, False),
        ("auto", Terminal(), {"NO_COLOR": ""}, True),  # no-color.org: set and not empty
        ("auto", Terminal(), {"TERM": "dumb"}, False),
        ("auto", io.StringIO(), {"FORCE_COLOR": "1"}, True),
        ("auto", Terminal(), {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ("always", io.StringIO(), {"NO_COLOR": "1"}, True),
        ("never", Terminal(), {"FORCE_COLOR": "1"}, False),
    ],
)
def test_wants_color(mode: str, stream: io.StringIO, environ: dict[str, str], expected: bool) -> None:
    from citecheck.run import wants_color

    assert wants_color(mode, stream, environ) is expected  # type: ignore[arg-type]


# --- --stdin-filename -----------------------------------------------------------------------------


def test_stdin_filename_names_the_report_and_config_applies_by_it(newsroom: Path) -> None:
    archive = (newsroom / "drafts" / "old" / "archive.md").read_text()
    code, out, _ = check("-", "-f", "jsonl", stdin=archive)
    assert json.loads(out)["source"] == "-"
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["CC103", "CC202"]
    # Named, it is the archive: the [[overrides]] for drafts/old/** ignore CC1 and CC2.
    code, out, _ = check("-", "--stdin-filename", "drafts/old/archive.md", "-f", "jsonl", stdin=archive)
    report = json.loads(out)
    assert code == 0 and report["source"] == "drafts/old/archive.md" and report["findings"] == []
    # The name's suffix says what the text is.
    _, out, _ = check("-", "--stdin-filename", "notes.md", "-f", "jsonl", stdin="Plain words, no date.\n")
    assert json.loads(out)["kind"] == "markdown" and json.loads(out)["source"] == "notes.md"
    _, out, _ = check("-", "--stdin-filename", "gone.md", "-f", "jsonl", stdin="")
    assert json.loads(out)["findings"][0]["message"] == "gone.md is empty"
    code, _, err = check("drafts", "--stdin-filename", "x.md")
    assert code == 2 and "give - as a path" in err


# --- --statistics, --exit-zero ---------------------------------------------------------------------


def test_statistics_count_findings_per_rule(newsroom: Path) -> None:
    shutil.copy(CI / "wrong-date.html", newsroom / "drafts" / "wrong.html")
    shutil.copy(CI / "no-date.txt", newsroom / "drafts" / "no-date.txt")
    code, out, _ = check("drafts", "--statistics", "--fail-on", "warning")
    lines = out.splitlines()
    assert code == 1
    assert lines[:2] == ["2  CC202  date-vs-post-id            error", "1  CC002  no-publication-date        warning"]
    assert lines[-1].startswith("Summary: 5 files")
    _, out, _ = check("drafts", "--statistics", "-f", "json")
    assert json.loads(out) == [
        {"rule": "CC202", "name": "date-vs-post-id", "severity": "error", "count": 2},
        {"rule": "CC002", "name": "no-publication-date", "severity": "warning", "count": 1},
    ]
    code, _, err = check("drafts", "--statistics", "-f", "junit")
    assert code == 2 and "--statistics writes text or json" in err


def test_exit_zero_keeps_the_report_but_not_the_failure(newsroom: Path) -> None:
    failing = check("drafts")
    code, out, _ = check("drafts", "--exit-zero")
    assert failing[0] == 1 and code == 0 and out == failing[1]
    assert check("missing.html", "--exit-zero")[0] == 2  # nothing readable is not a finding


# --- rules --format json, completion --------------------------------------------------------------


def test_rules_as_json() -> None:
    from citecheck.rules.catalogue import CATALOGUE

    every = json.loads(runner.invoke(app, ["rules", "--format", "json"]).stdout)
    assert [rule["code"] for rule in every] == list(CATALOGUE)
    assert set(every[0]) == {"code", "name", "severity", "summary", "online", "help", "page"}
    one = json.loads(runner.invoke(app, ["rules", "cc202", "-f", "json"]).stdout)
    assert one["name"] == "date-vs-post-id" and one["page"].startswith("# CC202") and one["online"] is False
    family = json.loads(runner.invoke(app, ["rules", "CC3", "-f", "json"]).stdout)
    assert {rule["code"] for rule in family} == {code for code in CATALOGUE if code.startswith("CC3")}
    assert all(rule["online"] for rule in family)


def test_shell_completion_is_offered_and_completes_the_default_command() -> None:
    help_text = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text
    # What --show-completion prints for the shell it detects, asked for bash by name.
    script = subprocess.run(
        [sys.executable, "-m", "citecheck"],
        env={**os.environ, "_CITECHECK_COMPLETE": "source_bash"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert script.returncode == 0 and "_citecheck_completion()" in script.stdout
    assert "_CITECHECK_COMPLETE=complete_bash" in script.stdout
    env = {**os.environ, "_CITECHECK_COMPLETE": "complete_bash", "COMP_WORDS": "citecheck draft.html --stat"}
    result = subprocess.run(
        [sys.executable, "-m", "citecheck"], env={**env, "COMP_CWORD": "2"}, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["--statistics"]
    env["COMP_WORDS"] = "citecheck ru"
    result = subprocess.run(
        [sys.executable, "-m", "citecheck"], env={**env, "COMP_CWORD": "1"}, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["rules"]


# --- --baseline ------------------------------------------------------------------------------------

NEW_WRONG_EMBED = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Still too much.</p>&mdash; Tom Hale (@tomhale)'
    ' <a href="https://twitter.com/tomhale/status/1981031541765050514?ref_src=twsrc%5Etfw">October 25, 2025</a>'
    "</blockquote>\n"
)


def test_baseline_fails_only_on_new_findings(newsroom: Path) -> None:
    code, _, err = check("drafts", "--write-baseline", "citecheck-baseline.json")
    assert code == 0 and err == "citecheck: wrote the baseline citecheck-baseline.json (1 finding)\n"
    recorded = json.loads((newsroom / "citecheck-baseline.json").read_text())
    assert [(e["rule"], e["source"]) for e in recorded["findings"]] == [("CC202", "drafts/council.html")]
    # Unrelated edits move every line: the finding is still the baselined one.
    page = newsroom / "drafts" / "council.html"
    page.write_text(page.read_text().replace("<article>", "<article>\n<p>An editor's note.</p>\n\n"))
    code, out, err = check("drafts", "--baseline", "citecheck-baseline.json")
    assert code == 0 and "CC202" not in out
    assert out.splitlines()[-1].endswith(", 1 suppressed, 1 baselined")
    assert err == "citecheck: 1 finding left out by the baseline\n"
    # A new wrong embed fails, and only it is reported.
    page.write_text(page.read_text().replace("</article>", NEW_WRONG_EMBED + "</article>"))
    code, out, err = check("drafts", "--baseline", "citecheck-baseline.json", "-f", "json")
    report = json.loads(out)
    assert code == 1
    assert [(f["rule"], f["embed"]) for f in report["files"][0]["findings"] if not f["suppressed"]] == [("CC202", 2)]
    assert report["summary"]["baselined"] == 1 and report["summary"]["errors"] == 1
    # Fixed findings are said to be gone from the baseline's file.
    page.write_text(page.read_text().replace("October 24, 2025", "October 21, 2025"))
    _, _, err = check("drafts", "--baseline", "citecheck-baseline.json")
    assert err == "citecheck: 0 findings left out by the baseline; 1 baselined finding no longer found\n"
    # A run over other files (CI checks the changed ones) does not call the baseline's findings gone.
    _, _, err = check("drafts/harbour.md", "--baseline", "citecheck-baseline.json")
    assert err == "citecheck: 0 findings left out by the baseline\n"


def test_bad_baselines_are_usage_errors(newsroom: Path) -> None:
    code, out, err = check("drafts", "--baseline", "missing.json")
    assert code == 2 and out == "" and "baseline missing.json: no such file" in err
    (newsroom / "b.json").write_text('{"findings": []}')
    code, _, err = check("drafts", "--baseline", "b.json")
    assert code == 2 and "not a citecheck baseline" in err
    (newsroom / "b.json").write_text("{not json")
    assert check("drafts", "--baseline", "b.json")[0] == 2
    (newsroom / "b.json").write_text('{"citecheck_baseline": 1, "findings": [{"rule": "CC202"}]}')
    code, _, err = check("drafts", "--baseline", "b.json")
    assert code == 2 and '"fingerprint"' in err


def test_json_fingerprints_are_sarifs_and_in_the_schema(newsroom: Path) -> None:
    import jsonschema

    _, out, _ = check("drafts", "-f", "json")
    report = json.loads(out)
    jsonschema.validate(report, json.loads(runner.invoke(app, ["schema"]).stdout))
    fingerprints = [f["fingerprint"] for r in report["files"] for f in r["findings"]]
    assert len(fingerprints) == len(set(fingerprints)) == 2 and all(len(f) == 32 for f in fingerprints)
    _, out, _ = check("drafts", "-f", "sarif")
    sarif = [r["partialFingerprints"]["citecheckFinding/v1"] for r in json.loads(out)["runs"][0]["results"]]
    assert sarif == fingerprints
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert "fingerprint" in schema["$defs"]["Finding"]["properties"]


def test_fingerprints_follow_the_facts_not_the_lines() -> None:
    import citecheck

    def fingerprint(text: str) -> str | None:
        findings = citecheck.check_text(text).findings
        assert [f.rule for f in findings] == ["CC201"]
        return findings[0].fingerprint

    late = "Storm closes port. — Port Authority (@portauth) March 12, 2024\n"
    first = fingerprint("date 2024-03-05\n\n" + late)
    assert fingerprint("date 2024-03-05\n\nAn editor's note.\n\nAnother one.\n\n" + late) == first
    assert fingerprint("date 2024-03-04\n\n" + late) != first  # another publication date: another finding
