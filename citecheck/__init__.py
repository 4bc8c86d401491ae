"""citecheck: check the social-media posts embedded in an article against its own chronology.

The library API (typed; ``py.typed`` ships with the package):

- ``check_source(source, settings)``: one path, URL or ``-`` -> ``FileReport`` (an unreadable
  source gives a CC001 finding, never an exception);
- ``check_paths(paths, settings, jobs=1)``: files, folders and globs -> ``FileReport`` after
  ``FileReport``, in order;
- ``Settings``: what the command line and config files set (the config file's keys);
- the report's models: ``Report``, ``FileReport``, ``Embed``, ``Finding``, ``TimeMention``, and
  ``Document`` (one parsed source).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
# Where the project is published: named in the User-Agent of look-ups and in SARIF rule links.
PROJECT_URL = "https://github.com/citecheck-embeds/citecheck-embeds"

if TYPE_CHECKING:
    from citecheck.config import Settings
    from citecheck.models import Document, Embed, FileReport, Finding, Report, TimeMention
    from citecheck.pipeline import check_paths, check_source

__all__ = [
    "Document",
    "Embed",
    "FileReport",
    "Finding",
    "Report",
    "Settings",
    "TimeMention",
    "__version__",
    "check_paths",
    "check_source",
]


def __getattr__(name: str) -> Any:
    # Imported lazily: a CI gate starts citecheck once per draft, so start-up time matters.
    if name in {"Document", "Embed", "FileReport", "Finding", "Report", "TimeMention"}:
        from citecheck import models

        return getattr(models, name)
    if name == "Settings":
        from citecheck.config import Settings

        return Settings
    if name in {"check_paths", "check_source"}:
        from citecheck import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
