"""``--resume``: what an interrupted JSON Lines run already wrote, so the run goes on from there.

A run writes whole lines and flushes each one (``render.jsonl``), so a run that is killed leaves
whole records, and at most a part of the line it was writing. That part is cut off here, and the
sources of the whole records are skipped: a resumed run ends with exactly the records of a run
that was never interrupted, none lost, none twice.
"""

from __future__ import annotations

import os
from pathlib import Path

from citecheck.models import FileReport


class ResumeError(Exception):
    """The file to resume is not a citecheck JSON Lines report."""


def previous_reports(path: Path) -> list[FileReport]:
    """The records an earlier run of the same report wrote to ``path`` (none when it does not exist),
    with the file cut back to its last whole line."""
    try:
        with path.open("rb+") as handle:
            data = handle.read()
            whole = data.rfind(b"\n") + 1
            if whole < len(data):  # the line the run was writing when it was stopped
                handle.truncate(whole)
                handle.flush()
                os.fsync(handle.fileno())
    except FileNotFoundError:
        return []
    except OSError as error:
        raise ResumeError(f"cannot resume {path}: {error.strerror or error}") from None
    reports = []
    for number, line in enumerate(data[:whole].splitlines(), 1):
        if not line.strip():
            continue
        try:
            reports.append(FileReport.model_validate_json(line))
        except ValueError:
            raise ResumeError(f"cannot resume {path}: line {number} is not a citecheck JSON Lines record") from None
    return reports
