"""Beyond one machine: the same per-source check on a Dask cluster (``--engine dask``).

Work is split by file and by byte ranges of large WARCs: each task is a batch of small files, or
one range of one archive whose records a worker finds and reads itself (``next_record_start``), so
a 1 GB crawl spreads over the workers without the client reading it. Tasks are submitted a bounded
window at a time and their reports come back in input order, to be written (JSON Lines, Parquet,
...) as they arrive: the client never holds the whole audit, and a worker holds one task's pages.

    from distributed import Client
    from citecheck.cluster import check_on_dask

    with Client("tcp://scheduler:8786") as client:
        for report in check_on_dask(client, ["s3://bucket/crawl/"]):
            ...

Inputs are local paths (which every worker must see at the same path: a shared file system) or
fsspec URLs (``s3://``, ``gs://``, ``https://``, with the fsspec back-end each needs installed on
the client and the workers). Dask comes with citecheck's ``dask`` extra.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from citecheck.config import Settings
from citecheck.errors import ClusterUnavailable
from citecheck.models import FileReport

if TYPE_CHECKING:
    from distributed import Client

INSTALL_HINT = "pip install 'citecheck-embeds[dask]'"
# A WARC larger than this is split into ranges of at most this much (compressed) archive.
CHUNK_BYTES = 32 * 1024 * 1024
# ... and into enough ranges to give every worker thread several (so that the last ones finish
# close together), down to ranges of this much.
SMALLEST_CHUNK = 1024 * 1024
RANGES_PER_THREAD = 16
IN_FLIGHT_PER_THREAD = 4
# Small files travel to a worker in batches: one task per file would cost more to schedule than to check.
FILES_PER_TASK = 16


@dataclass(frozen=True, slots=True)
class Task:
    """One unit of work for a worker: a batch of sources, or one byte range of one archive."""

    settings: Settings
    sources: tuple[str, ...] = ()
    archive: str | None = None
    start: int = 0
    end: int | None = None


def plan(
    sources: Iterable[str],
    settings_for: Callable[[str], Settings],
    threads: int,
    chunk_bytes: int = CHUNK_BYTES,
) -> Iterator[Task]:
    """The tasks that check ``sources`` in order: small files in batches, each web archive alone,
    a WARC larger than a chunk in byte ranges."""
    from citecheck.load.archive import is_archive

    batch: list[str] = []
    batch_settings: Settings | None = None
    for source in sources:
        settings = settings_for(source)
        if is_archive(source) or (batch and settings != batch_settings) or len(batch) >= FILES_PER_TASK:
            if batch and batch_settings is not None:
                yield Task(settings=batch_settings, sources=tuple(batch))
            batch = []
        if is_archive(source):
            yield from _archive_tasks(source, settings, threads, chunk_bytes)
            continue
        batch.append(source)
        batch_settings = settings
    if batch and batch_settings is not None:
        yield Task(settings=batch_settings, sources=tuple(batch))


def _archive_tasks(source: str, settings: Settings, threads: int, chunk_bytes: int) -> Iterator[Task]:
    lowered = source.lower().split("?", 1)[0]
    size = _size(source)
    if size is None or not lowered.endswith((".warc", ".warc.gz")):
        yield Task(settings=settings, archive=source)  # ARC and WACZ are read whole
        return
    chunk = max(min(SMALLEST_CHUNK, chunk_bytes), min(chunk_bytes, -(-size // max(1, threads * RANGES_PER_THREAD))))
    for start in range(0, max(size, 1), chunk):
        end = start + chunk
        yield Task(settings=settings, archive=source, start=start, end=None if end >= size else end)


def _size(source: str) -> int | None:
    try:
        if "://" in source:
            import fsspec

            fs, path = fsspec.core.url_to_fs(source)
            return int(fs.size(path))
        return os.stat(source).st_size
    except Exception:  # noqa: BLE001 - unknown size: read whole; the worker says what is wrong with it
        return None


def open_source(source: str) -> IO[bytes]:
    """A local path, or an fsspec URL, opened for reading bytes."""
    if "://" in source:
        import fsspec

        handle: IO[bytes] = fsspec.open(source, "rb").open()
        return handle
    return open(source, "rb")


def run_task(task: Task) -> list[FileReport]:
    """Check one task on a worker: its reports, in order. Never raises (as ``check_source``)."""
    from citecheck.pipeline import archive_units, check_unit

    if task.archive is not None:
        return [
            check_unit(unit, task.settings)
            for unit in archive_units(task.archive, task.settings, task.start, task.end, opener=open_source)
        ]
    from citecheck.pipeline import source_units

    reports = []
    for source in task.sources:
        # A saved list of WordPress posts is read here, on the worker: one report per post.
        for unit in source_units(source, task.settings, opener=None if _local_or_http(source) else open_source):
            reports.append(
                _check_remote(unit, task.settings) if isinstance(unit, str) else check_unit(unit, task.settings)
            )
    return reports


def _local_or_http(source: str) -> bool:
    return "://" not in source or source.split("://", 1)[0].lower() in ("http", "https")


def _check_remote(source: str, settings: Settings) -> FileReport:
    """A file on a cluster: local, fetched over HTTP(S) as citecheck fetches any page, or read
    through fsspec (s3://, gs://, ...)."""
    from citecheck.pipeline import check_source

    scheme = source.split("://", 1)[0].lower() if "://" in source else ""
    if scheme in ("", "http", "https"):
        return check_source(source, settings)
    from citecheck.load import LoadError, load_bytes
    from citecheck.pipeline import check_document
    from citecheck.rules.input import unreadable

    try:
        with open_source(source) as handle:
            data = handle.read(settings.max_bytes + 1)
        if len(data) > settings.max_bytes:
            raise LoadError(source, f"larger than the size cap of {settings.max_bytes} bytes (see --max-bytes)")
        return check_document(load_bytes(source, data, published=settings.published), settings)
    except LoadError as error:
        return FileReport(source=source, findings=[unreadable(source, error.reason, settings)])
    except Exception as error:  # noqa: BLE001 - a remote file that cannot be read is that file's CC001
        return FileReport(source=source, findings=[unreadable(source, f"cannot be read ({error})", settings)])


def expand_sources(paths: Iterable[str]) -> Iterator[str]:
    """Sources in a stable order: local paths as ``expand_paths`` walks them; fsspec folders and
    globs (``s3://bucket/crawl/``, ``s3://bucket/*.warc.gz``) listed through fsspec."""
    from citecheck.load.walk import ARCHIVE_SUFFIXES, ARTICLE_SUFFIXES, article_suffix
    from citecheck.pipeline import expand_paths

    wanted = ARTICLE_SUFFIXES | ARCHIVE_SUFFIXES

    for raw in paths:
        scheme = raw.split("://", 1)[0].lower() if "://" in raw else ""
        if scheme in ("", "http", "https"):
            yield from expand_paths([raw])
            continue
        import fsspec

        fs, path = fsspec.core.url_to_fs(raw)
        if any(ch in path for ch in "*?["):
            found = sorted(fs.glob(path))
        elif fs.isdir(path):
            found = sorted(p for p in fs.find(path) if article_suffix(p) in wanted)
        else:
            yield raw
            continue
        protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
        yield from (f"{protocol}://{p}" for p in found)


def threads_of(client: Client) -> int:
    threads: dict[str, int] = client.nthreads()  # type: ignore[no-untyped-call]
    return max(1, sum(threads.values()))


def check_on_dask(
    client: Client,
    paths: Sequence[str],
    settings: Settings | None = None,
    *,
    settings_for: Callable[[str], Settings] | None = None,
    skip: Container[str] = (),
    chunk_bytes: int = CHUNK_BYTES,
    expand: bool = True,
) -> Iterator[FileReport]:
    """Check ``paths`` on the cluster ``client`` is connected to: the reports of a local run, in
    the same order, as they arrive. Sources (and archive pages) named in ``skip`` are left out
    (a resumed run's)."""
    base = settings or Settings.model_validate({})
    pick = settings_for or (lambda _source: base)
    sources = expand_sources(paths) if expand else iter(paths)
    threads = threads_of(client)
    tasks = plan((s for s in sources if s not in skip), pick, threads, chunk_bytes)
    # Four tasks in flight per thread: reports are taken in input order, so while the oldest task
    # runs, the workers go on with the next ones; the client holds at most that many tasks' reports.
    window: deque[Any] = deque()
    for task in tasks:
        window.append(client.submit(run_task, task, pure=False))
        if len(window) >= IN_FLIGHT_PER_THREAD * threads:
            yield from _reports_of(window.popleft(), skip)
    while window:
        yield from _reports_of(window.popleft(), skip)


def _reports_of(future: Any, skip: Container[str]) -> Iterator[FileReport]:
    reports: list[FileReport] = future.result()
    future.release()
    yield from (report for report in reports if report.source not in skip)


def dask_client(scheduler: str | None, workers: int) -> Client:
    """A client of the scheduler at ``scheduler``, or of a new ``LocalCluster`` of ``workers``
    single-threaded processes (the check holds the GIL: threads would not run in parallel)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterUnavailable(f"--engine dask needs the dask extra: {INSTALL_HINT}") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="20s")  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as error:
            raise ClusterUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    return Client(cluster)  # type: ignore[no-untyped-call]


def reports_on_dask(
    sources: Iterable[str],
    settings_for: Callable[[str], Settings],
    *,
    scheduler: str | None,
    workers: int,
    skip: Container[str] = (),
) -> Iterator[FileReport]:
    """The command line's ``--engine dask``: a client for the run, closed (and a LocalCluster it
    started, stopped) when the reports have all come back."""
    client = dask_client(scheduler, workers)
    try:
        yield from check_on_dask(client, list(sources), settings_for=settings_for, skip=skip)
    finally:
        cluster = client.cluster if not scheduler else None
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()
