"""One pass of each source through the stages: load -> extract -> (lookup) -> timeline -> rules."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Container, Iterable, Iterator
from typing import IO, TYPE_CHECKING

from citecheck import __version__
from citecheck.config import Settings
from citecheck.embeds import extract
from citecheck.fingerprint import with_fingerprints
from citecheck.load import LoadError, load, load_bytes
from citecheck.load.archive import ArchivedPage, ArchiveError, is_archive, read_archive
from citecheck.load.read import read_source
from citecheck.load.wordpress import ListedPost
from citecheck.models import (
    SEVERITY_RANK,
    Document,
    Embed,
    FileReport,
    Finding,
    PlatformAnswer,
    Report,
    Summary,
    TimeMention,
    Tool,
)
from citecheck.rules import Context, run_rules
from citecheck.rules.capture import mark_misread
from citecheck.rules.input import unreadable
from citecheck.rules.suppress import apply_suppressions
from citecheck.timeline import find_mentions

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from citecheck.lookup import Verifier

__all__ = [
    "Settings",
    "check_document",
    "check_page",
    "check_paths",
    "check_post",
    "check_source",
    "check_unit",
    "expand_paths",
    "summarize",
    "units_of",
]


def check_document(
    document: Document,
    settings: Settings,
    evidence: dict[int, PlatformAnswer] | None = None,
    verifier: Verifier | None = None,
) -> FileReport:
    """Extract, resolve the chronology, (look up,) and run the rules over one parsed document."""
    if document.capture is not None:
        mark_misread(document)
    embeds = extract(document)
    _drop_contradicted_guess(document, embeds)
    if evidence is None and embeds and settings.online:
        evidence = (verifier or shared_verifier(settings)).verify(embeds)
    context = Context(document=document, embeds=embeds, settings=settings, evidence=evidence or {})
    if embeds and settings.enabled("CC203"):
        from citecheck.rules.context import record_context_dates

        context.mentions = _mentions_near_embeds(context)
        record_context_dates(context)
    findings = run_rules(context)
    if document.suppressions:
        findings = apply_suppressions(document.suppressions, embeds, findings, settings)
    report = FileReport(
        source=document.source,
        kind=document.kind,
        published=document.published,
        modified=document.modified,
        capture=document.capture,
        notes=document.notes,
        embeds=embeds,
        findings=findings,
        evidence=[evidence[i] for i in sorted(evidence)] if evidence else [],
    )
    return with_fingerprints(report)


def _drop_contradicted_guess(document: Document, embeds: list[Embed]) -> None:
    """A publication date htmldate guessed is a lead, not a fact; a post the page embeds whose ID
    clock is days later proves it wrong (an article cannot embed its future), and the guess is
    dropped, with a note saying why. That holds for the extensive search (any date in the text)
    and, on a platform's own page of a post it shows (its URL names that post), for the fast mode
    too: a profile's "joined" date is not the page's. A fast-mode date on an article (a byline's
    date) stays, and CC201 warns."""
    published = document.published
    if published is None or published.source != "htmldate":
        return
    if published.detail != "htmldate extensive search" and not _is_the_page_of(document.url, embeds):
        return
    later = [e for e in embeds if e.id_time is not None and (e.id_time.date() - published.date).days > 1]
    if later:
        first = min(later, key=lambda e: e.id_time or dt.datetime.max.replace(tzinfo=dt.timezone.utc))
        mode = (published.detail or "").removeprefix("htmldate ")
        document.notes.append(
            f"htmldate ({mode}) guessed the publication date {published.date}, but embed"
            f" {first.index} was posted {first.id_time:%Y-%m-%d} (its ID's clock): the guess is not used"
        )
        document.published = None


def _is_the_page_of(url: str | None, embeds: list[Embed]) -> bool:
    """The page is a platform's page of one of the posts it shows (a saved status page): its URL's
    path ends in that post's ID."""
    if not url:
        return False
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return any(e.post_id is not None and path.endswith("/" + e.post_id) for e in embeds)


def _mentions_near_embeds(context: Context) -> list[TimeMention]:
    # Only the paragraphs CC203 reads are tagged: checking a page must not cost a full timeline.
    wanted: set[int] = set()
    for embed in context.embeds:
        if embed.shown_date is None and embed.shown_time is None and embed.id_time is None:
            continue  # an undated embed (a video player) has no date for its context to contradict
        wanted.update(i for i in (embed.paragraph_before, embed.paragraph_after) if i is not None)
    # CC203 reads the last sentence before an embed and the first after it: of a huge paragraph,
    # its two ends are enough (a paragraph of a megabyte of dates took the tagger 40 s).
    return find_mentions(context.document, sorted(wanted), edge=CONTEXT_EDGE)


# The characters at each end of a paragraph next to an embed that CC203's mentions are read from.
CONTEXT_EDGE = 10_000


def check_source(
    source: str, settings: Settings, verifier: Verifier | None = None, *, name: str | None = None
) -> FileReport:
    """Load one source and check it; an unreadable source gives a CC001 report, never an exception.

    Nor does a bug: an unforeseen error on one file becomes a CC001 that says so ("internal
    error"), and the run keeps every other file's result, as an archive audit needs.

    ``name`` is what the report calls the source, and what its kind is read from (standard
    input's file name, ``--stdin-filename``); by default the source itself.
    """
    shown = name or source
    if has_undecodable(shown):
        # A name that is not UTF-8 is reported in printable form (JSON, SARIF, XML and the
        # fingerprints cannot carry its bytes: the run stopped there); the file is read by its own.
        shown = printable_name(shown)
    try:
        return _check_source(source, settings, verifier, shown)
    except Exception as error:  # noqa: BLE001 - see the docstring
        reason = f"could not be checked: internal error {type(error).__name__}: {error} (a bug in citecheck)"
        return unreadable_report(shown, reason, settings)


def has_undecodable(name: str) -> bool:
    """Whether a name holds bytes that were not UTF-8 (Python keeps them as lone surrogates)."""
    return not name.isascii() and any("\ud800" <= ch <= "\udfff" for ch in name)


def printable_name(name: str) -> str:
    """A file name that is not valid UTF-8 (``M_\\xff\\xfe.html`` on disk), its bad bytes written
    as ``\\xff``: every other character kept, so a reader can still find the file."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system gives (a name made up by a caller)
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def unreadable_report(source: str, reason: str, settings: Settings) -> FileReport:
    return with_fingerprints(FileReport(source=source, findings=[unreadable(source, reason, settings)]))


def _check_source(source: str, settings: Settings, verifier: Verifier | None, name: str) -> FileReport:
    try:
        if "://" in source:
            from citecheck.lookup import LookupFailed

            try:
                data, url = (verifier or shared_verifier(settings)).fetch_article(source)
            except LookupFailed as error:
                raise LoadError(source, f"cannot be fetched: {error.reason}") from None
            document = load_bytes(source, data, published=settings.published, url=url)
        elif name != source:
            data, partial = read_source(source, settings.max_bytes)
            document = load_bytes(name, data, published=settings.published)
            document.partial = partial
        else:
            document = load(source, max_bytes=settings.max_bytes, published=settings.published)
    except LoadError as error:  # nesting too deep to parse is one too (load_bytes says so)
        return unreadable_report(name, error.reason, settings)
    return check_document(document, settings, verifier=verifier)


def check_page(page: ArchivedPage, settings: Settings, verifier: Verifier | None = None) -> FileReport:
    """Check one page out of a web archive, as ``check_source`` checks a file (never an exception)."""

    source = page.source
    try:
        if page.too_large:
            raise LoadError(source, f"larger than the size cap of {settings.max_bytes} bytes (see --max-bytes)")
        document = load_bytes(
            source,
            page.data,
            published=settings.published,
            url=page.capture.target_uri,
            kind="html",
            charset=page.charset,
        )
        document.capture = page.capture
        return check_document(document, settings, verifier=verifier)
    except LoadError as error:
        report = unreadable_report(source, error.reason, settings)
    except Exception as error:  # noqa: BLE001 - as in check_source
        reason = f"could not be checked: internal error {type(error).__name__}: {error} (a bug in citecheck)"
        report = unreadable_report(source, reason, settings)
    return report.model_copy(update={"capture": page.capture})


def check_post(post: ListedPost, settings: Settings, verifier: Verifier | None = None) -> FileReport:
    """Check one post out of a saved list of WordPress posts, as ``check_page`` checks a page of an
    archive: its report is named ``FILE#INDEX`` and carries the locator (never an exception)."""
    from citecheck.load import finish_document
    from citecheck.load.wordpress import post_document

    source = post.source
    try:
        document = post_document(source, post.post)
        document.notes = list(post.notes)
        document = finish_document(document, published=settings.published)
        document.capture = post.capture
        return check_document(document, settings, verifier=verifier)
    except LoadError as error:
        reason = error.reason
    except RecursionError:
        reason = "is nested too deeply to parse"
    except Exception as error:  # noqa: BLE001 - as in check_source
        reason = f"could not be checked: internal error {type(error).__name__}: {error} (a bug in citecheck)"
    where = f"(post {post.capture.offset} of the list in {post.capture.archive})"
    report = unreadable_report(source, f"{where} {reason}", settings)
    return report.model_copy(update={"capture": post.capture, "kind": "wordpress"})


def source_units(
    source: str, settings: Settings, opener: Callable[[str], IO[bytes]] | None = None
) -> Iterator[str | ListedPost]:
    """What one file holds to check: each post of a saved list of WordPress posts, else the file
    itself (one article, or the CC001 the load stage gives it). ``opener`` reads a remote file."""
    if source == "-" or not source.lower().endswith((".json", ".json.gz")) or ("://" in source and opener is None):
        yield source
        return
    posts = None
    try:
        posts = _listed_posts(source, settings, opener)
    except Exception:  # noqa: BLE001 - unreadable here: the load stage reads it again and says why
        posts = None
    if posts is None:
        yield source
    else:
        yield from posts


def _listed_posts(
    source: str, settings: Settings, opener: Callable[[str], IO[bytes]] | None
) -> list[ListedPost] | None:
    from dataclasses import replace

    from citecheck.load.read import decode_source
    from citecheck.load.wordpress import listed_posts

    if opener is None:
        if not source.lower().endswith(".gz"):
            # Most JSON files hold one post: a look at the first bytes spares reading them twice.
            with open(source, "rb") as handle:
                if handle.read(256).lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"[":
                    return None
        data, partial = read_source(source, settings.max_bytes)
        if partial is not None:
            return None
    else:
        if source.lower().endswith(".gz"):
            return None  # not split: read as one source, whose CC001 says it is a list
        with opener(source) as handle:
            data = handle.read(settings.max_bytes + 1)
        if len(data) > settings.max_bytes:
            return None
    notes: list[str] = []
    text, _ = decode_source(source, data, html=True, notes=notes)
    posts = listed_posts(source, text)
    if posts is None or not notes:
        return posts
    return [replace(post, notes=tuple(notes)) for post in posts]


def units_of(
    sources: Iterable[str],
    pick: Callable[[str], Settings],
    skip: Container[str] = (),
    stdin_name: str | None = None,
) -> Iterator[tuple[str | ArchivedPage | ListedPost | FileReport, Settings]]:
    """What to check, with its settings: each source, each HTML page of each web archive (an
    archive that cannot be read, or stops being readable, adds its CC001 report), and each post of
    a saved list of WordPress posts. Sources, pages and posts named in ``skip`` (a resumed run's)
    are left out. Standard input named ``stdin_name`` is checked here, under that name (it is never
    sent to another process)."""
    for source in sources:
        settings = pick(source)
        if source == "-" and stdin_name is not None:
            if stdin_name not in skip:
                yield check_source(source, settings, name=stdin_name), settings
        elif source != "-" and is_archive(source):
            for unit in archive_units(source, settings):
                if (unit.source if not isinstance(unit, str) else unit) not in skip:
                    yield unit, settings
        else:
            for item in source_units(source, settings):
                if (item if isinstance(item, str) else item.source) not in skip:
                    yield item, settings


def archive_units(
    source: str,
    settings: Settings,
    start: int = 0,
    end: int | None = None,
    opener: Callable[[str], object] | None = None,
) -> Iterator[ArchivedPage | FileReport]:
    """The pages of one archive (or of its records starting in ``[start, end)``), then its CC001
    report if it could not be read to its end."""
    try:
        yield from read_archive(source, max_bytes=settings.max_bytes, start=start, end=end, opener=opener)  # type: ignore[arg-type]
    except ArchiveError as error:
        yield unreadable_report(source, error.reason, settings)


def check_unit(
    unit: str | ArchivedPage | ListedPost | FileReport, settings: Settings, verifier: Verifier | None = None
) -> FileReport:
    """Check what ``units_of`` gives: a source, a page of an archive, a post of a list of posts, or
    a report already made."""
    if isinstance(unit, FileReport):
        return unit
    if isinstance(unit, str):
        return check_source(unit, settings, verifier)
    if isinstance(unit, ListedPost):
        return check_post(unit, settings, verifier)
    return check_page(unit, settings, verifier)


# One Verifier per process and network configuration: the run's look-ups are made once (the
# disk cache then dedups across --jobs processes), and offline runs never import httpx.
_verifiers: dict[str, Verifier] = {}


def shared_verifier(settings: Settings) -> Verifier:
    from citecheck.lookup import Verifier

    key = f"{settings.max_bytes} {settings.network.model_dump_json()}"
    if key not in _verifiers:
        _verifiers[key] = Verifier(settings)
    return _verifiers[key]


def close_verifiers() -> None:
    while _verifiers:
        _verifiers.popitem()[1].close()


def expand_paths(
    paths: Iterable[str],
    *,
    excluded: Callable[[str, bool], str | None] | None = None,
    force_exclude: bool = False,
    note: Callable[[str, str], None] | None = None,
) -> Iterator[str]:
    """Sources in a stable order: files as given, folders walked for article files (sorted), globs
    expanded; see ``citecheck.load.walk``."""
    from citecheck.load.walk import expand_sources

    return expand_sources(paths, excluded=excluded, force_exclude=force_exclude, note=note)


# ``jobs=AUTO_JOBS``: one process per core the run may use, once the run holds enough work to pay
# for starting them. Forking and warming the workers costs ~0.15 s, so a pool pays from about half
# a second of work, estimated from what a check costs here: ~1 ms a file plus ~27 ms a megabyte
# (docs/performance.md). Many small drafts stay in one process; an archive of pages does not.
AUTO_JOBS = 0
POOL_WORTH_SECONDS = 0.5
_SECONDS_PER_SOURCE = 0.001
_SECONDS_PER_BYTE = 27e-9


def usable_cores() -> int:
    """The cores this process may run on (a container's CPU set, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def _auto_jobs(sources: Iterator[str]) -> tuple[Iterator[str], int]:
    """The sources (none lost or reordered) and how many processes to check them with: the
    sources are looked ahead only until their estimated work would pay for a pool."""
    from itertools import chain

    cores = usable_cores()
    if cores <= 1:
        return sources, 1
    seen: list[str] = []
    work = 0.0
    for source in sources:
        seen.append(source)
        work += _SECONDS_PER_SOURCE + _size_of(source) * _SECONDS_PER_BYTE
        if work >= POOL_WORTH_SECONDS:
            return chain(seen, sources), cores
    return iter(seen), 1


def _size_of(source: str) -> int:
    if source == "-" or "://" in source:
        return 0
    try:
        size = os.stat(source).st_size
        # A compressed archive holds about five times its size in pages.
        return size * 5 if source.lower().endswith((".gz", ".wacz")) else size
    except (OSError, ValueError):  # unreadable: the check will say so; it is little work
        return 0


def check_paths(
    paths: Iterable[str],
    settings: Settings,
    jobs: int = 1,
    settings_for: Callable[[str], Settings] | None = None,
    skip: Container[str] = (),
    stdin_name: str | None = None,
    *,
    expand: bool = True,
) -> Iterator[FileReport]:
    """Check every source, in order; with ``jobs`` > 1 across processes, same results.

    ``jobs=AUTO_JOBS`` (0) uses one process per usable core when the check is offline and its
    sources hold enough work to pay for starting them (see ``POOL_WORTH_SECONDS``), else one.

    ``settings_for`` gives each source its own settings (config discovery); without it every
    source gets ``settings``. Sources (and pages of archives) named in ``skip`` are not checked.
    ``stdin_name`` is what the report calls standard input (``-``).
    ``expand=False``: ``paths`` are sources already (``expand_paths``).
    """
    sources: Iterator[str] = expand_paths(paths) if expand else iter(paths)
    pick = settings_for or (lambda _source: settings)
    if jobs == AUTO_JOBS:
        # Online, the platforms set the pace: more processes would only multiply the requests in flight.
        sources, jobs = (sources, 1) if settings.online else _auto_jobs(sources)
    # More processes than cores only add forks: --jobs 10000 started thousands of workers.
    jobs = min(jobs, usable_cores())
    if jobs <= 1:
        try:
            for unit, unit_settings in units_of(sources, pick, skip, stdin_name):
                yield check_unit(unit, unit_settings)
        finally:
            close_verifiers()
        return
    yield from _in_processes(units_of(sources, pick, skip, stdin_name), jobs)


def _check_batch(batch: list[tuple[str | ArchivedPage | ListedPost | FileReport, Settings]]) -> list[FileReport]:
    return [check_unit(unit, settings) for unit, settings in batch]


def _in_processes(
    work: Iterator[tuple[str | ArchivedPage | ListedPost | FileReport, Settings]], jobs: int, batch_size: int = 4
) -> Iterator[FileReport]:
    """Results in input order from a pool, with a bounded window of batches in flight, so that
    memory stays flat however many sources there are. Standard input is read here, not in a worker."""
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from itertools import islice

    # The first source is checked here, before the pool forks its workers: what that check loads
    # (the HTML parser, the platform and rule registries) every worker then shares instead of
    # loading it again (a quarter of a corpus run's CPU time on two cores).
    yield from _check_batch(list(islice(work, 1)))
    window: deque[Future[list[FileReport]]] = deque()
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=worker_start_method(), initializer=_worker_start, initargs=(os.getpid(),)
    )
    try:
        while True:
            while len(window) < jobs * 4:
                batch = list(islice(work, batch_size))
                if not batch:
                    break
                if any(unit == "-" or isinstance(unit, FileReport) for unit, _ in batch):
                    done: Future[list[FileReport]] = Future()
                    done.set_result(_check_batch(batch))
                    window.append(done)
                else:
                    window.append(pool.submit(_check_batch, batch))
            if not window:
                break
            yield from window.popleft().result()
    except BaseException:
        # Ctrl-C, an output that cannot be written, a reader that stopped reading: the batches not
        # started are dropped and the run ends now (a worker in the middle of one sees it go).
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def worker_start_method() -> BaseContext:
    """How the pool starts its workers: forked while this process runs one thread, else spawned.

    A forked worker starts warm, sharing every module and table the parent loaded. But a thread
    running at the moment of the fork (pyarrow's pool behind ``--format parquet``, a host
    application's) may hold a lock the child inherits locked and can never release: the worker
    hangs on its first write. A spawned worker starts afresh (it imports citecheck, about 0.3 s)
    and inherits nothing. macOS spawns: its system libraries are not safe across a fork.
    """
    import multiprocessing

    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods() and running_threads() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def running_threads() -> int:
    """Threads of this process, those started outside Python (pyarrow's, a C library's) included."""
    import threading

    try:
        return len(os.listdir("/proc/self/task"))  # Linux: one entry a thread
    except OSError:
        return threading.active_count()


# How often a worker looks whether the process that started it is still there.
PARENT_POLL_SECONDS = 0.5


def _worker_start(parent: int) -> None:
    """In each worker: Ctrl-C is the parent's to handle (no traceback from every worker), and the
    worker ends when its parent does, however it ended (SIGTERM, SIGKILL, a crash): orphaned
    workers were left running, each holding its batch."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="citecheck-parent-watch", daemon=True).start()


def summarize(files: Iterable[FileReport], summary: Summary | None = None) -> Summary:
    summary = summary or Summary()
    for report in files:
        add_to_summary(summary, report)
    return summary


def add_to_summary(summary: Summary, report: FileReport) -> None:
    summary.files += 1
    summary.embeds += len(report.embeds)
    for finding in report.findings:
        if finding.suppressed:
            summary.suppressed += 1
        elif finding.severity == "error":
            summary.errors += 1
        elif finding.severity == "warning":
            summary.warnings += 1
        else:
            summary.infos += 1


def report_of(files: list[FileReport]) -> Report:
    return Report(tool=Tool(version=__version__), files=files, summary=summarize(files))


def fails(finding: Finding, fail_on: str) -> bool:
    if fail_on == "never" or finding.suppressed:
        return False
    return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[fail_on]
