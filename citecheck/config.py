"""Settings for a run: what the command line, a config file and the defaults decide together."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from citecheck.load.read import DEFAULT_MAX_BYTES
from citecheck.models import Severity

FailOn = Literal["error", "warning", "info", "never"]


class NetworkSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timeout: float = Field(10.0, description="Seconds for each phase of a request.")
    concurrency: int = Field(8, description="Requests under way at once, overall.")
    per_host: int = Field(2, description="Requests under way at once to one host.")
    retries: int = Field(2, description="Retries of a failed request, with backoff.")
    max_response_bytes: int = Field(2 * 1024 * 1024, description="Cap on a response body, decoded.")
    cache_dir: str | None = Field(None, description="Where look-ups are cached; default: the user cache folder.")
    cache_max_age: float = Field(7 * 24 * 3600, description="Seconds a cached look-up stays fresh.")
    endpoints: dict[str, str] = Field(default_factory=dict, description="Override a platform endpoint's base URL.")
    cache: bool = Field(True, description="Keep look-ups in the on-disk cache.")
    deadline: float = Field(60.0, description="Seconds one embed's look-ups may take in all, retries included.")
    backoff: float = Field(0.5, description="First retry delay in seconds; doubles each retry.")
    max_retry_after: float = Field(30.0, description="Longest Retry-After honoured; a longer one fails the look-up.")
    max_redirects: int = Field(5, description="Redirect hops followed when fetching an article URL.")
    user_agent: str | None = Field(None, description="User-Agent; default: citecheck/<version> (+project URL).")
    allow_loopback_for_tests: bool = Field(
        False, description="TESTS ONLY: allow http:// and loopback addresses (a local fault server)."
    )


class Settings(BaseModel):
    """Everything that shapes one run. Field names are the config file's keys."""

    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=list, description="Rule codes or prefixes to run; empty: all.")
    ignore: list[str] = Field(default_factory=list, description="Rule codes or prefixes to skip.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Severity overrides by rule code.")
    fail_on: FailOn = "error"
    max_bytes: int = DEFAULT_MAX_BYTES
    published: dt.date | None = None
    online: bool = False
    after_publication_days: float = Field(1.0, description="CC201: how long after publication a post may be.")
    network: NetworkSettings = Field(default_factory=NetworkSettings)  # type: ignore[arg-type]

    def enabled(self, code: str) -> bool:
        selected = not self.select or any(code.startswith(prefix) for prefix in self.select)
        return selected and not any(code.startswith(prefix) for prefix in self.ignore)


# --- Config files -----------------------------------------------------------------------------
#
# ``[tool.citecheck]`` in pyproject.toml, or the top level of citecheck.toml; the one nearest to
# each checked file wins (citecheck.toml before pyproject.toml in the same folder), ``--config``
# overrides the search. Keys may be spelt with hyphens or underscores. Precedence, lowest first:
# defaults, the config file, its matching ``[[overrides]]`` (in order), the command line. ``ignore``
# lists add up; ``select`` is replaced by the most specific one; ``severity`` tables merge.

CONFIG_NAMES = ("citecheck.toml", "pyproject.toml")


class ConfigError(Exception):
    """A config file that cannot be read, or that has keys or values citecheck does not know."""


class PathOverride(BaseModel):
    """``[[tool.citecheck.overrides]]``: settings for the files that match ``paths``."""

    model_config = ConfigDict(extra="forbid")

    paths: list[str] = Field(description="Globs relative to the config file's folder (** spans folders).")
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: FailOn | None = None
    max_bytes: int | None = None
    published: dt.date | None = None
    after_publication_days: float | None = None


class ConfigFile(Settings):
    """A config file's table: every ``Settings`` key plus per-path overrides."""

    overrides: list[PathOverride] = Field(default_factory=list)


def _known_keys(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)


def normalize_keys(table: dict[str, Any], model: type[BaseModel] = ConfigFile) -> dict[str, Any]:
    """``fail-on`` -> ``fail_on`` for known keys, recursively; unknown keys keep their spelling."""
    known = _known_keys(model)
    nested: dict[str, type[BaseModel]] = {"network": NetworkSettings, "overrides": PathOverride}
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_") if key.replace("-", "_") in known else key
        if name in nested and model is not PathOverride:
            if isinstance(value, dict):
                value = normalize_keys(value, nested[name])
            elif isinstance(value, list):
                value = [normalize_keys(v, nested[name]) if isinstance(v, dict) else v for v in value]
        out[name] = value
    return out


def _error_text(path: Path, error: Exception) -> str:
    from pydantic import ValidationError

    if not isinstance(error, ValidationError):
        return f"{path}: {error}"
    unknown = [".".join(str(part) for part in e["loc"]) for e in error.errors() if e["type"] == "extra_forbidden"]
    other = [
        f"'{'.'.join(str(part).replace('_', '-') for part in e['loc'])}': {e['msg']}"
        for e in error.errors()
        if e["type"] != "extra_forbidden"
    ]
    parts = []
    if unknown:
        parts.append(f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(repr(k) for k in unknown)}")
    parts.extend(f"bad value for {text}" for text in other)
    return f"{path}: " + "; ".join(parts)


def _check_codes(path: Path, config: ConfigFile) -> None:
    from citecheck.rules.catalogue import CATALOGUE, names_a_rule

    def bad(codes: list[str]) -> list[str]:
        return [code for code in codes if not names_a_rule(code.upper())]

    tables: list[tuple[str, list[str] | None, list[str], dict[str, Severity]]] = [
        ("", config.select, config.ignore, config.severity)
    ]
    tables += [(f"overrides[{i}].", o.select, o.ignore, o.severity) for i, o in enumerate(config.overrides)]
    for prefix, select, ignore, severity in tables:
        for key, codes in (("select", select or []), ("ignore", ignore), ("severity", list(severity))):
            unknown = bad(codes) if key != "severity" else [c for c in codes if c.upper() not in CATALOGUE]
            if unknown:
                raise ConfigError(
                    f"{path}: '{prefix}{key}' names no rule: {', '.join(unknown)} (see 'citecheck rules')"
                )


def read_config(path: Path) -> ConfigFile | None:
    """The citecheck table of a config file; None for a pyproject.toml without ``[tool.citecheck]``."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found, no-redef, unused-ignore]

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read it ({error})") from None
    if path.name == "pyproject.toml" or ("tool" in data and "citecheck" in data.get("tool", {})):
        table = data.get("tool", {}).get("citecheck")
        if table is None:
            return None
    else:
        table = data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.citecheck] must be a table")
    try:
        config = ConfigFile.model_validate(normalize_keys(table))
    except ValueError as error:
        raise ConfigError(_error_text(path, error)) from None
    _check_codes(path, config)
    return _upper_codes(config)


def _upper_codes(config: ConfigFile) -> ConfigFile:
    config.select = [c.upper() for c in config.select]
    config.ignore = [c.upper() for c in config.ignore]
    config.severity = {c.upper(): s for c, s in config.severity.items()}
    for override in config.overrides:
        override.select = [c.upper() for c in override.select] if override.select is not None else None
        override.ignore = [c.upper() for c in override.ignore]
        override.severity = {c.upper(): s for c, s in override.severity.items()}
    return config


def find_config(start: Path) -> Path | None:
    """The config file nearest to ``start`` (a folder), walking up to the file system's root."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_citecheck_table(candidate)):
                return candidate
    return None


def _has_citecheck_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.citecheck" in text or re.search(r"^\s*tool\s*\.\s*citecheck", text, re.M) is not None


def glob_match(pattern: str, path: str) -> bool:
    """Whether a posix relative ``path`` matches ``pattern``: ``*`` within a folder, ``**`` across
    folders; a pattern without ``/`` matches the file name at any depth; a trailing ``/`` means
    everything under that folder."""
    pattern = pattern.strip().removeprefix("./")
    if pattern.endswith("/"):
        pattern += "**"
    if "/" not in pattern:
        pattern = "**/" + pattern
    return re.fullmatch(_glob_regex(pattern), path) is not None


def _glob_regex(pattern: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def merge(base: dict[str, Any], layer: dict[str, Any]) -> dict[str, Any]:
    """``layer`` over ``base``: ignore lists add up, severity tables merge, the rest is replaced."""
    merged = dict(base)
    for key, value in layer.items():
        if value is None:
            continue
        if key == "ignore":
            merged[key] = [*merged.get(key, []), *(v for v in value if v not in merged.get(key, []))]
        elif key == "severity":
            merged[key] = {**merged.get(key, {}), **value}
        else:
            merged[key] = value
    return merged


class SettingsResolver:
    """The settings for each source: its nearest config (or ``--config``), overrides, command line."""

    def __init__(self, cli: dict[str, Any] | None = None, config: Path | None = None, cwd: Path | None = None) -> None:
        self.cli = cli or {}
        self.config = config
        self.cwd = cwd or Path.cwd()
        self._files: dict[Path, ConfigFile | None] = {}
        self._nearest: dict[str, Path | None] = {}
        self._settings: dict[tuple[Path | None, tuple[int, ...]], Settings] = {}
        if config is not None:
            self._load(config.resolve())
            if self._files[config.resolve()] is None:
                raise ConfigError(f"{config}: has no [tool.citecheck] table")

    def _load(self, path: Path) -> ConfigFile | None:
        if path not in self._files:
            self._files[path] = read_config(path)
        return self._files[path]

    def config_for(self, source: str) -> Path | None:
        """The config file that governs a source (looked up once per folder)."""
        if self.config is not None:
            return self.config.resolve()
        if source == "-" or "://" in source:
            folder = str(self.cwd)
        else:
            folder = source if os.path.isdir(source) else os.path.dirname(source)
        if folder not in self._nearest:
            self._nearest[folder] = find_config(Path(os.path.abspath(os.path.join(self.cwd, folder))).resolve())
        return self._nearest[folder]

    def __call__(self, source: str) -> Settings:
        path = self.config_for(source)
        config = self._load(path) if path is not None else None
        matched: tuple[int, ...] = ()
        if config is not None and path is not None and config.overrides:
            relative = _relative(source, path.parent)
            if relative is not None:
                matched = tuple(
                    i for i, o in enumerate(config.overrides) if any(glob_match(p, relative) for p in o.paths)
                )
        key = (path if config is not None else None, matched)
        if key not in self._settings:
            self._settings[key] = self._build(config, matched)
        return self._settings[key]

    def _build(self, config: ConfigFile | None, matched: tuple[int, ...]) -> Settings:
        values: dict[str, Any] = {}
        if config is not None:
            values = config.model_dump(exclude_unset=True, exclude={"overrides"})
            for i in matched:
                values = merge(values, config.overrides[i].model_dump(exclude_unset=True, exclude={"paths"}))
        values = merge(values, self.cli)
        return Settings.model_validate(values)


def _relative(source: str, root: Path) -> str | None:
    """A source's path relative to a config's folder, with ``/``; None when it lies outside."""
    if source == "-" or "://" in source:
        return None
    relative = os.path.relpath(os.path.realpath(source), root)
    if relative == ".." or relative.startswith(".." + os.sep) or os.path.isabs(relative):
        return None
    return Path(relative).as_posix()
