"""Every command-line option is documented in docs/cli.md and used by a test (sqlite-utils' habit)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from citecheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _options() -> list[tuple[str, str]]:
    """(command, option spelling) for every option of the group and of each command."""
    group = typer.main.get_command(app)
    found = []
    commands = {"": group, **getattr(group, "commands", {})}
    for name, command in commands.items():
        for param in command.params:
            if getattr(param, "param_type_name", "") != "option":
                continue
            found.extend((name, spelling) for spelling in (*param.opts, *param.secondary_opts))
    return found


def _section(command: str) -> str:
    heading = "## `citecheck`" if not command else f"## `citecheck {command}"
    start = CLI_DOC.index(heading)
    following = CLI_DOC.find("\n## ", start + 1)
    return CLI_DOC[start : following if following != -1 else None]


OPTIONS = _options()


def test_the_option_list_is_what_the_commands_have() -> None:
    assert ("check", "--baseline") in OPTIONS and ("", "--install-completion") in OPTIONS
    assert {command for command, _ in OPTIONS} == {"", "check", "timeline", "rules"}


@pytest.mark.parametrize(("command", "option"), OPTIONS, ids=[f"{c or 'citecheck'} {o}" for c, o in OPTIONS])
def test_every_option_is_documented_under_its_command(command: str, option: str) -> None:
    assert re.search(rf"`{re.escape(option)}[ `]", _section(command)), f"{option} of {command or 'citecheck'}"


TEST_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").rglob("test_*.py"))


@pytest.mark.parametrize("option", sorted({option for _, option in OPTIONS}))
def test_every_option_is_used_by_a_test(option: str) -> None:
    # As an argument a test passes: "--quiet" or '--quiet' (or "--format=json").
    assert re.search(rf"[\"']{re.escape(option)}[\"'=]", TEST_TEXT), option
