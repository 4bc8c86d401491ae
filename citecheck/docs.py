"""The rule documentation pages (docs/rules/CCxxx.md), from a wheel or from a source checkout."""

from __future__ import annotations

from pathlib import Path


def rules_folder() -> Path:
    packaged = Path(__file__).with_name("_rule_docs")  # where the wheel puts docs/rules
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "docs" / "rules"


def rule_page(code: str) -> str:
    page = rules_folder() / f"{code}.md"
    try:
        return page.read_text(encoding="utf-8")
    except OSError:
        from citecheck.rules.catalogue import CATALOGUE

        rule = CATALOGUE[code]
        return f"# {rule.code} {rule.name}\n\n{rule.summary}\n"
