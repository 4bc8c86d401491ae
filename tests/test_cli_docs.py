"""Every command-line option is documented in docs/cli.md and used by a test (sqlite-utils' habit)."""

from __future__ import annotations

import re
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer

from citecheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _params() -> list[tuple[str, Any]]:
    """(command, option) for every option of the group and of each command."""
    group = typer.main.get_command(app)
    commands = {"": group, **getattr(group, "commands", {})}
    return [
        (name, param)
        for name, command in commands.items()
        for param in command.params
        if getattr(param, "param_type_name", "") == "option"
    ]


def _options() -> list[tuple[str, str]]:
    """(command, option spelling) for every option of the group and of each command."""
    return [(name, spelling) for name, param in _params() for spelling in (*param.opts, *param.secondary_opts)]


def _section(command: str) -> str:
    heading = "## `citecheck`" if not command else f"## `citecheck {command}"
    start = CLI_DOC.index(heading)
    following = CLI_DOC.find("\n## ", start + 1)
    return CLI_DOC[start : following if following != -1 else None]


OPTIONS = _options()


def test_the_option_list_is_what_the_commands_have() -> None:
    assert ("check", "--baseline") in OPTIONS and ("", "--install-completion") in OPTIONS
    assert {(command, option) for command, option, _ in CHOICES} >= {
        ("check", "--format"),
        ("check", "--fail-on"),
        ("check", "--color"),
        ("timeline", "--format"),
        ("rules", "--format"),
    }
    assert {command for command, _ in OPTIONS} == {"", "check", "timeline", "rules"}


@pytest.mark.parametrize(("command", "option"), OPTIONS, ids=[f"{c or 'citecheck'} {o}" for c, o in OPTIONS])
def test_every_option_is_documented_under_its_command(command: str, option: str) -> None:
    assert re.search(rf"`{re.escape(option)}[ `]", _section(command)), f"{option} of {command or 'citecheck'}"


def _choices() -> list[tuple[str, str, list[str]]]:
    """(command, long option, values) for each option whose values are an Enum, read from the
    commands' annotations (``Annotated[Enum, typer.Option("--format", ...)]``)."""
    group = typer.main.get_command(app)
    found = []
    for name, command in getattr(group, "commands", {}).items():
        for hint in typing.get_type_hints(command.callback, include_extras=True).values():
            base, *extras = typing.get_args(hint) or (hint,)
            enum = next(
                (t for t in (base, *typing.get_args(base)) if isinstance(t, type) and issubclass(t, Enum)), None
            )
            info = next((e for e in extras if isinstance(e, typer.models.OptionInfo)), None)
            if enum is not None and info is not None:
                # With Annotated, typer keeps the first spelling where the default would go.
                long = next(d for d in (info.default, *info.param_decls) if str(d).startswith("--"))
                found.append((name, long, [member.value for member in enum]))
    return found


CHOICES = _choices()


@pytest.mark.parametrize(("command", "option", "choices"), CHOICES, ids=[f"{c} {o}" for c, o, _ in CHOICES])
def test_every_choice_is_documented(command: str, option: str, choices: list[str]) -> None:
    listed = "\\|".join(choices)  # a | in a Markdown table is written \|
    assert f"`{option} {listed}`" in _section(command)


TEST_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").rglob("test_*.py"))


@pytest.mark.parametrize("option", sorted({option for _, option in OPTIONS}))
def test_every_option_is_used_by_a_test(option: str) -> None:
    # As an argument a test passes: "--quiet" or '--quiet' (or "--format=json").
    assert re.search(rf"[\"']{re.escape(option)}[\"'=]", TEST_TEXT), option
