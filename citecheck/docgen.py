"""The tables and lists the documentation shows, generated from the code with cog.

The README and docs/platforms.md call these between their ``[[[cog`` markers, and
tests/test_docs.py fails when a page differs from what they print (``cog -r README.md
docs/platforms.md`` rewrites them). Not imported by the command line itself.
"""

from __future__ import annotations

from typing import Any


def rules_table() -> str:
    """The README's rule table: every rule of the catalogue, its default severity and summary."""
    from citecheck.rules.catalogue import CATALOGUE

    rows = ["| code | name | default severity | fires when |", "|---|---|---|---|"]
    for rule in CATALOGUE.values():
        summary = rule.summary.rstrip(".")
        summary = summary[:1].lower() + summary[1:]
        rows.append(f"| {rule.code} | {rule.name} | {rule.severity} | {'online: ' if rule.online else ''}{summary} |")
    return "\n".join(rows)


def command_options(command: str) -> str:
    """A command's options as ``citecheck COMMAND --help`` names them, for the README's list."""
    import typer

    from citecheck.cli import app

    found: Any = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    context = found.make_context(command, [], resilient_parsing=True)
    names = []
    for param in found.params:
        if param.param_type_name != "option" or param.hidden or "--help" in param.opts:
            continue
        names.append(f"`{param.get_help_record(context)[0].replace('<', '').replace('>', '')}`")
    return ", ".join(names)


def platforms_table() -> str:
    """docs/platforms.md's table: what each platform module says it reads and checks."""
    from citecheck.embeds import platforms

    rows = [
        "| platform | forms read | date shown (source) | ID clock and its error | CC202 tolerance | launched (source) |",
        "|---|---|---|---|---|---|",
    ]
    for platform in platforms():
        rows.append(
            f"| {platform.title} | {platform.doc_forms} | {platform.doc_date} | {platform.doc_clock}"
            f" | {platform.doc_tolerance} | {platform.launched_source} |"
        )
    return "\n".join(rows)


def handles_table() -> str:
    """docs/platforms.md's handle table: the rule each platform module applies to a handle (CC104)."""
    from citecheck.embeds import platforms

    rows = ["| platform | a handle that can exist (else CC104) |", "|---|---|"]
    rows.extend(f"| {platform.title} | {platform.doc_handle} |" for platform in platforms())
    return "\n".join(rows)
