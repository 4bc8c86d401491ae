"""Large regular expressions compiled once per machine, not once per run.

Python compiles a pattern in pure Python (parse, then code generation); for the chronology's
combined pattern that is ~35 ms, a tenth of a CI gate's whole run on one draft. The compiled
program is a list of integers: it is kept in the user's cache folder (``regex`` beside the
look-up cache), keyed by the interpreter's cache tag and the regex engine's version, and handed
straight to the engine next time. Where the folder cannot be written, every run compiles, as
before; anything unexpected (another interpreter, a damaged file) falls back to ``re.compile``.
"""

from __future__ import annotations

import array
import contextlib
import importlib
import json
import os
import re
import sys
import zlib
from pathlib import Path
from typing import Any

from citecheck.cachedir import user_cache_dir

__all__ = ["compile_cached"]


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cached program when there is one."""
    flags = int(flags)  # the key and the file hold the number, not a RegexFlag
    try:
        engine = _engine()
        path = _cache_path(pattern, flags, engine)
    except Exception:  # noqa: BLE001 - no private engine API here (another interpreter): compile as usual
        return re.compile(pattern, flags)
    cached = _load(path, pattern, engine)
    if cached is not None:
        return cached
    try:
        program = _program(pattern, flags)
        compiled: re.Pattern[str] = engine.compile(pattern, *program)
    except Exception:  # noqa: BLE001 - the engine's internals changed: the public way still works
        return re.compile(pattern, flags)
    _store(path, pattern, program)
    return compiled


def _engine() -> Any:
    return importlib.import_module("_sre")


def _cache_path(pattern: str, flags: int, engine: Any) -> Path:
    tag = sys.implementation.cache_tag or "unknown"
    key = zlib.crc32(f"{flags}\0{pattern}".encode("utf-8", "surrogatepass"))
    return user_cache_dir("regex") / f"{key:08x}.{tag}-{engine.MAGIC}.bin"


def _program(pattern: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What ``re`` hands its engine for ``pattern``: the same steps as ``re._compiler.compile``."""
    try:
        parser: Any = importlib.import_module("re._parser")
        compiler: Any = importlib.import_module("re._compiler")
    except ImportError:  # Python 3.10
        parser = importlib.import_module("sre_parse")
        compiler = importlib.import_module("sre_compile")
    parsed = parser.parse(pattern, flags)
    code = [int(op) for op in compiler._code(parsed, flags)]
    groupindex = {str(name): int(index) for name, index in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _load(path: Path, pattern: str, engine: Any) -> re.Pattern[str] | None:
    try:
        header, _, opcodes = path.read_bytes().partition(b"\n")
        stored_pattern, flags, groups, groupindex, indexgroup = json.loads(header)
        if stored_pattern != pattern:  # a checksum collision: this file is another pattern's
            return None
        code = array.array("I")
        code.frombytes(opcodes)
        # The engine validates a program before it accepts it: a damaged one is refused, not run.
        compiled: re.Pattern[str] = engine.compile(pattern, flags, code.tolist(), groups, groupindex, tuple(indexgroup))
        return compiled
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: compile it again
        return None


def _store(path: Path, pattern: str, program: tuple[Any, ...]) -> None:
    """One line of JSON (the pattern and its groups), then the opcodes as 32-bit integers: plain
    data, read back without unpickling anything."""
    flags, code, groups, groupindex, indexgroup = program
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        opcodes = array.array("I", code).tobytes()
        header = json.dumps([pattern, flags, groups, groupindex, indexgroup]).encode()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(header + b"\n" + opcodes)
        os.replace(temporary, path)  # readers see the whole file or none
        _prune(path)
    except (OSError, OverflowError):  # a read-only cache folder: compile at every start, as Python would
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


# A new program is written only when a pattern changed (an upgrade): the files of older versions
# are removed then, once a month old, so the folder does not grow with every release.
STALE_SECONDS = 30 * 24 * 3600


def _prune(kept: Path) -> None:
    import time

    cutoff = time.time() - STALE_SECONDS
    for other in kept.parent.glob("*.bin"):
        with contextlib.suppress(OSError):
            if other != kept and other.stat().st_mtime < cutoff:
                other.unlink()
