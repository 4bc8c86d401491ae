"""citecheck: check the social-media posts embedded in an article against its own chronology.

The library API (typed; ``py.typed`` ships with the package; docs/api.md):

- ``check_html(html, *, url=None, published=None, settings=None)``: an HTML page held in memory;
- ``check_text(text, *, published=None, settings=None)``: plain text;
- ``check_file(path, *, published=None, settings=None)``: one article file;
- ``check_url(url, *, published=None, settings=None)``: a page fetched from the web;
- ``check_paths(paths, settings, jobs=1)``: files, folders and globs -> ``FileReport`` after
  ``FileReport``, in order; ``check_source(source, settings)``: one path, URL or ``-``;
- ``Settings``: what the command line and config files set (the config file's keys);
- the report's models: ``Report``, ``FileReport``, ``Embed``, ``Finding``, ``TimeMention``.

Each returns a ``FileReport`` (or several); an article that cannot be read gives a CC001 finding,
never an exception.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
# Where the project is published: named in the User-Agent of look-ups and in SARIF rule links.
PROJECT_URL = "https://github.com/citecheck-embeds/citecheck-embeds"

if TYPE_CHECKING:
    from citecheck.api import check_file, check_html, check_text, check_url
    from citecheck.config import Settings
    from citecheck.models import Embed, FileReport, Finding, Report, TimeMention
    from citecheck.pipeline import check_paths, check_source

__all__ = [
    "Embed",
    "FileReport",
    "Finding",
    "Report",
    "Settings",
    "TimeMention",
    "__version__",
    "check_file",
    "check_html",
    "check_paths",
    "check_source",
    "check_text",
    "check_url",
]

# Imported on first use: a CI gate starts citecheck once per draft, so start-up time matters.
_LAZY = {
    "Embed": "citecheck.models",
    "FileReport": "citecheck.models",
    "Finding": "citecheck.models",
    "Report": "citecheck.models",
    "TimeMention": "citecheck.models",
    "Settings": "citecheck.config",
    "check_paths": "citecheck.pipeline",
    "check_source": "citecheck.pipeline",
    "check_file": "citecheck.api",
    "check_html": "citecheck.api",
    "check_text": "citecheck.api",
    "check_url": "citecheck.api",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'citecheck' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_LAZY[name]), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
