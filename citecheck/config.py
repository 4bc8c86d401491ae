"""Settings for a run: what the command line, a config file and the defaults decide together."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from citecheck.errors import ConfigError
from citecheck.load.patterns import PatternList, split_path
from citecheck.load.read import DEFAULT_MAX_BYTES
from citecheck.models import Severity

FailOn = Literal["error", "warning", "info", "never"]


class NetworkSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timeout: float = Field(default=10.0, gt=0, allow_inf_nan=False, description="Seconds for each phase of a request.")
    concurrency: int = Field(default=8, ge=1, description="Requests under way at once, overall.")
    per_host: int = Field(default=2, ge=1, description="Requests under way at once to one host.")
    retries: int = Field(default=2, ge=0, description="Retries of a failed request, with backoff.")
    max_response_bytes: int = Field(default=2 * 1024 * 1024, ge=1, description="Cap on a response body, decoded.")
    cache_dir: str | None = Field(
        default=None, description="Where look-ups are cached; default: the user cache folder."
    )
    cache_max_age: float = Field(
        default=7 * 24 * 3600, ge=0, allow_inf_nan=False, description="Seconds a cached look-up stays fresh."
    )
    endpoints: dict[str, str] = Field(default_factory=dict, description="Override a platform endpoint's base URL.")
    cache: bool = Field(default=True, description="Keep look-ups in the on-disk cache.")
    deadline: float = Field(
        default=60.0,
        gt=0,
        allow_inf_nan=False,
        description="Seconds one embed's look-ups may take in all, retries included.",
    )
    backoff: float = Field(
        default=0.5, ge=0, allow_inf_nan=False, description="First retry delay in seconds; doubles each retry."
    )
    max_retry_after: float = Field(
        default=30.0,
        ge=0,
        allow_inf_nan=False,
        description="Longest Retry-After honoured; a longer one fails the look-up.",
    )
    max_redirects: int = Field(default=5, ge=0, description="Redirect hops followed when fetching an article URL.")
    user_agent: str | None = Field(default=None, description="User-Agent; default: citecheck/<version> (+project URL).")


# A century: beyond it the rule says nothing, and a larger count (1e308, inf) overflowed the date
# arithmetic of every file's check.
MAX_AFTER_PUBLICATION_DAYS = 36525


class Settings(BaseModel):
    """Everything that shapes one run. Field names are the config file's keys."""

    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=list, description="Rule codes or prefixes to run; empty: all.")
    ignore: list[str] = Field(default_factory=list, description="Rule codes or prefixes to skip.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Severity overrides by rule code.")
    fail_on: FailOn = "error"
    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, ge=1)
    published: dt.date | None = None
    online: bool = False
    after_publication_days: float = Field(
        default=1.0,
        ge=0,
        le=MAX_AFTER_PUBLICATION_DAYS,
        allow_inf_nan=False,
        description="CC201: how long after publication a post may be, in days (0 to 36525).",
    )
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


class PathOverride(BaseModel):
    """``[[tool.citecheck.overrides]]``: settings for the files that match ``paths``."""

    # Built when a config file is first read: a run without one never needs it.
    model_config = ConfigDict(extra="forbid", defer_build=True)

    paths: list[str] = Field(description="Globs relative to the config file's folder (** spans folders).")
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: FailOn | None = None
    max_bytes: int | None = Field(default=None, ge=1)
    published: dt.date | None = None
    after_publication_days: float | None = Field(default=None, ge=0, le=MAX_AFTER_PUBLICATION_DAYS, allow_inf_nan=False)


# What a folder walk skips unless ``exclude`` says otherwise: version control, dependencies,
# virtual environments and tool caches, whose HTML and JSON are nobody's articles.
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".bzr",
    "node_modules",
    "bower_components",
    ".venv",
    "venv",
    "site-packages",
    "__pycache__",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
)


class ConfigFile(Settings):
    """A config file's table: every ``Settings`` key plus per-path overrides and the walk's excludes."""

    model_config = ConfigDict(defer_build=True)  # built when a config file is first read

    overrides: list[PathOverride] = Field(default_factory=list)
    exclude: list[str] | None = Field(
        None, description="Patterns (.gitignore syntax) a folder walk skips; replaces the default list."
    )
    extend_exclude: list[str] = Field(default_factory=list, description="Patterns skipped besides `exclude`.")


# The keys of a config file that are not settings of a file's check.
_WALK_KEYS = {"overrides", "exclude", "extend_exclude"}


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


def _parse_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found, no-redef, unused-ignore]

    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
        return data
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read it ({error})") from None
    except RecursionError:  # arrays or inline tables nested thousands deep
        raise ConfigError(f"{path}: cannot read it (nested too deeply)") from None


def read_config(path: Path) -> ConfigFile | None:
    """The citecheck table of a config file; None for a pyproject.toml without ``[tool.citecheck]``."""
    data = _parse_toml(path)
    tool = data.get("tool")
    if path.name == "pyproject.toml" or (isinstance(tool, dict) and "citecheck" in tool):
        table = tool.get("citecheck") if isinstance(tool, dict) else None
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
    except RecursionError:
        raise ConfigError(f"{path}: cannot read it (nested too deeply)") from None
    _check_codes(path, config)
    _check_patterns(path, config)
    return _upper_codes(config)


def _check_patterns(path: Path, config: ConfigFile) -> None:
    """Every ``paths`` list of an override holds at least one pattern, so that it can match."""
    from citecheck.load.patterns import compile_pattern

    for i, override in enumerate(config.overrides):
        if not any(compile_pattern(pattern) is not None for pattern in override.paths):
            raise ConfigError(f"{path}: 'overrides[{i}].paths' holds no pattern")


def _upper_codes(config: ConfigFile) -> ConfigFile:
    config.select = [c.upper() for c in config.select]
    config.ignore = [c.upper() for c in config.ignore]
    config.severity = {c.upper(): s for c, s in config.severity.items()}
    for override in config.overrides:
        override.select = [c.upper() for c in override.select] if override.select is not None else None
        override.ignore = [c.upper() for c in override.ignore]
        override.severity = {c.upper(): s for c, s in override.severity.items()}
    return config


def find_config(start: Path, known: dict[str, Path | None] | None = None) -> Path | None:
    """The config file nearest to ``start`` (a folder), walking up to the file system's root.

    ``known`` remembers the answer for each folder on the way, so that a walk over many folders
    looks at each folder once."""
    known = {} if known is None else known
    seen: list[str] = []
    found: Path | None = None
    for folder in (start, *start.parents):
        key = str(folder)
        if key in known:
            found = known[key]
            break
        seen.append(key)
        found = _config_in_folder(folder)
        if found is not None:
            break
    for key in seen:
        known[key] = found
    return found


def _config_in_folder(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_citecheck_table(candidate)):
            return candidate
    return None


def _has_citecheck_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a ``[tool.citecheck]`` table, by parsing it (a comment that
    names the table is not one). One that never mentions citecheck is someone else's file, and is
    not parsed; one that cannot be parsed counts when it mentions citecheck at all, so that reading
    it says what is wrong."""
    try:
        if "citecheck" not in pyproject.read_text(encoding="utf-8", errors="replace"):
            return False
    except OSError:
        return False
    try:
        data = _parse_toml(pyproject)
    except ConfigError:
        return True
    tool = data.get("tool")
    return isinstance(tool, dict) and "citecheck" in tool


def glob_match(pattern: str, path: str) -> bool:
    """Whether a ``/``-separated relative ``path`` matches ``pattern`` (.gitignore semantics,
    see ``citecheck.load.patterns``)."""
    from citecheck.load.patterns import PatternList

    return PatternList([pattern]).matches(path)


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

    def __init__(
        self,
        cli: dict[str, Any] | None = None,
        config: Path | None = None,
        cwd: Path | None = None,
        *,
        exclude: list[str] | None = None,
        extend_exclude: list[str] | None = None,
    ) -> None:
        self.cli = cli or {}
        self.config = config
        self.cwd = cwd or Path.cwd()
        self.exclude = exclude  # --exclude: replaces the configs' and the default list
        self.extend_exclude = extend_exclude or []  # --extend-exclude: added to them
        self._exclusions: dict[Path | None, list[tuple[Path, PatternList]]] = {}
        self._overrides: dict[Path, list[PatternList]] = {}
        self._files: dict[Path, ConfigFile | None] = {}
        self._nearest: dict[str, Path | None] = {}
        self._found: dict[str, Path | None] = {}  # the nearest config of each folder looked at
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
        return self._config_in(folder)

    def _config_in(self, folder: str) -> Path | None:
        if self.config is not None:
            return self.config.resolve()
        if folder not in self._nearest:
            start = Path(os.path.abspath(os.path.join(self.cwd, folder))).resolve()
            self._nearest[folder] = find_config(start, self._found)
        return self._nearest[folder]

    def excluded(self, path: str, is_dir: bool = False) -> str | None:
        """The exclude pattern that names a path (a walk skips it), or None.

        The patterns of the config that governs the path's folder apply from that config's folder;
        those of the command line and the default list from the working folder."""
        config_path = self._config_in(os.path.dirname(path) or ".")
        if config_path not in self._exclusions:
            self._exclusions[config_path] = self._exclusion_lists(config_path)
        for base, patterns in self._exclusions[config_path]:
            relative = _relative(path, base, resolve=False)
            parts = split_path(relative) if relative is not None else split_path(path)[-1:]
            found = patterns.match(parts, is_dir, anchored=relative is not None)
            if found is not None:
                return found.text
        return None

    def _exclusion_lists(self, config_path: Path | None) -> list[tuple[Path, PatternList]]:
        config = self._load(config_path) if config_path is not None else None
        here = self.cwd.resolve()
        lists: list[tuple[Path, list[str]]] = []
        if self.exclude is not None:
            lists.append((here, self.exclude))
        elif config is not None and config_path is not None and config.exclude is not None:
            lists.append((config_path.parent, config.exclude))
        else:
            lists.append((here, list(DEFAULT_EXCLUDE)))
        if config is not None and config_path is not None and config.extend_exclude:
            lists.append((config_path.parent, config.extend_exclude))
        if self.extend_exclude:
            lists.append((here, self.extend_exclude))
        return [(base, PatternList(patterns)) for base, patterns in lists if patterns]

    def __call__(self, source: str) -> Settings:
        path = self.config_for(source)
        config = self._load(path) if path is not None else None
        matched: tuple[int, ...] = ()
        if config is not None and path is not None and config.overrides:
            relative = _relative(source, path.parent)
            if relative is not None:
                if path not in self._overrides:
                    self._overrides[path] = [PatternList(o.paths) for o in config.overrides]
                parts = split_path(relative)
                matched = tuple(i for i, paths in enumerate(self._overrides[path]) if paths.match(parts))
        key = (path if config is not None else None, matched)
        if key not in self._settings:
            self._settings[key] = self._build(config, matched)
        return self._settings[key]

    def _build(self, config: ConfigFile | None, matched: tuple[int, ...]) -> Settings:
        values: dict[str, Any] = {}
        if config is not None:
            values = config.model_dump(exclude_unset=True, exclude=_WALK_KEYS)
            for i in matched:
                values = merge(values, config.overrides[i].model_dump(exclude_unset=True, exclude={"paths"}))
        values = merge(values, self.cli)
        return Settings.model_validate(values)


@functools.lru_cache(maxsize=1024)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def _relative(source: str, root: Path, *, resolve: bool = True) -> str | None:
    """A source's path relative to a config's folder, with ``/``; None when it lies outside.

    ``resolve=False`` tries the path as written first (a walk asks for every file and folder: the
    symbolic links are resolved only when the path seems to lie outside)."""
    if source == "-" or "://" in source:
        return None
    if not resolve:
        relative = os.path.relpath(os.path.abspath(source), root)
        if not (relative == ".." or relative.startswith(".." + os.sep) or os.path.isabs(relative)):
            return Path(relative).as_posix()
        head, tail = os.path.split(os.path.abspath(source))
        relative = os.path.relpath(os.path.join(_real_folder(head), tail), root)
    else:
        relative = os.path.relpath(os.path.realpath(source), root)
    if relative == ".." or relative.startswith(".." + os.sep) or os.path.isabs(relative):
        return None
    return Path(relative).as_posix()
