"""The README's rule table and option list and docs/platforms.md's table are generated from the code
(cog, as sqlite-utils does): this fails when a page differs from what the code says today.

Rewrite them with: cog -r README.md docs/platforms.md
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cogapp import Cog

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ["README.md", "docs/platforms.md"]


@pytest.mark.parametrize("page", GENERATED)
def test_generated_parts_of_the_docs_match_the_code(page: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = Cog().main(["cog", "--check", "--diff", str(ROOT / page)])
    assert status == 0, f"{page} is out of date with the code; run: cog -r {page}\n{capsys.readouterr().out}"


def test_the_check_catches_drift(tmp_path: Path) -> None:
    page = (
        (ROOT / "README.md").read_text(encoding="utf-8").replace("| CC202 | date-vs-post-id |", "| CC202 | renamed |")
    )
    stale = tmp_path / "README.md"
    stale.write_text(page, encoding="utf-8")
    assert Cog().main(["cog", "--check", str(stale)]) != 0
