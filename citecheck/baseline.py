"""Baselines: adopt citecheck on an archive that already has findings, and fail only on new ones.

``--write-baseline FILE`` records the fingerprint of every finding of a run (suppressed ones
aside); a later run with ``--baseline FILE`` leaves out the findings whose fingerprint is recorded
and says how many it left out. Fingerprints (citecheck.fingerprint) are about what a finding is,
not where it sits, so moved lines and edits elsewhere in a file keep a finding baselined.

The file is JSON, sorted, one finding an entry, so that a review sees what was accepted::

    {"citecheck_baseline": 1, "findings": [
      {"fingerprint": "...", "rule": "CC202", "source": "drafts/council.html", "message": "..."}]}
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterable
from pathlib import Path

from citecheck.models import FileReport, Finding

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or is not one."""


def entries(report: FileReport) -> list[dict[str, str]]:
    """What a baseline records of one file's report: its active findings."""
    from citecheck.render import relative_source

    source = relative_source(report.source)
    return [
        {"fingerprint": f.fingerprint, "rule": f.rule, "source": source, "message": f.message}
        for f in report.findings
        if not f.suppressed and f.fingerprint
    ]


def write_baseline(path: Path, recorded: Iterable[dict[str, str]]) -> int:
    """Write the entries to ``path``; returns how many. Raises OSError when it cannot be written."""
    ordered = sorted(recorded, key=lambda e: (e["source"], e["rule"], e["fingerprint"]))
    lines = ",\n".join("  " + json.dumps(entry, ensure_ascii=False) for entry in ordered)
    body = f"\n{lines}\n" if lines else ""
    path.write_text(f'{{"citecheck_baseline": {BASELINE_VERSION}, "findings": [{body}]}}\n', encoding="utf-8")
    return len(ordered)


def read_baseline(path: Path) -> dict[str, str]:
    """The fingerprints a baseline file records, each with the source it was found in."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"baseline {path}: no such file (write one with --write-baseline)") from None
    except OSError as error:
        raise BaselineError(f"baseline {path}: cannot be read ({error.strerror or error})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"baseline {path}: not a citecheck baseline (not JSON: {error})") from None
    if not isinstance(data, dict) or data.get("citecheck_baseline") != BASELINE_VERSION:
        raise BaselineError(f'baseline {path}: not a citecheck baseline (no "citecheck_baseline": 1)')
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in findings
    ):
        raise BaselineError(f'baseline {path}: "findings" must be a list of objects with a "fingerprint"')
    return {e["fingerprint"]: str(e.get("source", "")) for e in findings}


def without_baselined(report: FileReport, baseline: Container[str]) -> tuple[FileReport, int]:
    """The report without the findings the baseline records, and how many were left out."""
    kept: list[Finding] = [f for f in report.findings if f.suppressed or f.fingerprint not in baseline]
    left_out = len(report.findings) - len(kept)
    if not left_out:
        return report, 0
    return report.model_copy(update={"findings": kept}), left_out
