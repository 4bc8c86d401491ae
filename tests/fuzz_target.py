"""The fuzz target: one mutated document through every stage and every output format.

``run_one`` is what both fuzzers call: the bounded hypothesis test CI runs
(tests/test_fuzz.py) and the long run (benchmarks/fuzz_hostile.py). It returns nothing when
the input ended as it should (a report, or a CC001 finding that names the file and the reason)
and raises ``FuzzFailure`` otherwise: an exception escaping a stage, an "internal error" CC001
(check_source's net for bugs), a report that does not serialise, or output that does not parse.

Inputs are the project's own fixtures and examples, mutated with pieces of real markup and the
hostile values the issue tracker's fuzzing found (odd tag names, control characters, superscript
and non-ASCII digits, dates at the calendar's ends, CRLF line ends, truncated gzip).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import random
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = (".html", ".txt", ".md", ".json", ".tml", ".html.gz", "")

# Pieces of real pages and of the inputs that once broke citecheck.
PIECES: tuple[str, ...] = (
    "<p>",
    "</p>",
    "<blockquote class='twitter-tweet'>",
    "</blockquote>",
    "<blockquote>",
    "<n,>",
    "</n,>",
    "<div a,b='1'>",
    "<blockquote class='instagram-media' data-instgrm-permalink='https://www.instagram.com/p/B1z2x3C4d5E/'>",
    "<a href='https://twitter.com/someone/status/1899289384964878378?ref_src=twsrc%5Etfw'>",
    "<a href='https://x.com/a/status/99999999999999999999123'>",
    "<a href='https://twitter.com/a/status/١٨٩٩٢٨٩٣٨٤٩٦٤٨٧٨٣٧٨'>",
    "<a href='https://twitter.com/a/status/１８９９２８９３８４９６４８７８３７８'>",
    "</a>",
    "&mdash; Name (@handle) ",
    " — Name (@handle) October 17, 2025",
    " — Name (@handle) March 1³, 2025",
    "pic.twitter.com/AbCdEf1234",
    "March 10, 2025",
    "9999年12月31日",
    "0001年1月1日",
    "16 мая 2018 г.",
    "<iframe src='https://www.youtube.com/embed/dQw4w9WgXcQ'></iframe>",
    "<iframe src='https://www.tiktok.com/embed/v2/7234567890123456789012'></iframe>",
    "<div class='fb-post' data-href='https://www.facebook.com/page/posts/1234'>",
    "<!-- citecheck: ignore CC202 -->",
    "<meta property='article:published_time' content='2025-10-27'>",
    "<meta property='article:published_time' content='9999-12-31T23:59:59+14:00'>",
    "<meta property='article:published_time' content='0001-01-01T00:00:00-12:00'>",
    "date 2025-10-27 ",
    "date 0001-01-01\n\n",
    "date 9999-12-31\n\n",
    "---\r\ndate: 2025-03-14\r\n---\r\n",
    "on Sunday, days earlier, last week, Oct. 17-19, last Easter, next Christmas, a year later",
    "\n\n",
    "\r\n",
    "https://bsky.app/profile/a.bsky.social/post/3kabcdefghij2",
    "https://mastodon.social/@a/1099999999999999999999",
    "http://１２７.０.０.１/",
    "\x00",
    "\x0b",
    "\x1b[2J",
    "\u202e",
    "\ufffd",
    "³",
    "١٢٣",
    "１２３",
)

Mutation = tuple[str, int, int]  # (operation, a position or size, a piece or seed index)
OPERATIONS = ("insert", "delete", "duplicate", "flip", "splice", "truncate", "crlf")


class FuzzFailure(AssertionError):
    """An input that did not end in a report or a CC001 finding."""


def seeds() -> list[tuple[str, bytes]]:
    """The project's own inputs to mutate: fixtures and examples, with their suffixes."""
    found: list[tuple[str, bytes]] = []
    for folder in (ROOT / "tests" / "fixtures", ROOT / "examples"):
        for path in sorted(folder.rglob("*")):
            if (
                path.is_file()
                and path.suffix in (".html", ".txt", ".md", ".json", ".tml")
                and path.stat().st_size < 60_000
            ):
                found.append((path.suffix, path.read_bytes()))
    return found


def mutate(data: bytes, mutations: Sequence[Mutation], pool: Sequence[tuple[str, bytes]]) -> bytes:
    """``data`` with each mutation applied in turn; positions wrap around the current length."""
    for operation, number, choice in mutations:
        size = len(data)
        at = number % (size + 1)
        if operation == "insert":
            data = data[:at] + PIECES[choice % len(PIECES)].encode("utf-8", "surrogatepass") + data[at:]
        elif operation == "delete":
            data = data[:at] + data[at + 1 + choice % 512 :]
        elif operation == "duplicate":
            data = data[:at] + data[at : at + 1 + choice % 2048] * (1 + choice % 4) + data[at:]
        elif operation == "flip" and size:
            index = number % size
            data = data[:index] + bytes([data[index] ^ (1 << (choice % 8))]) + data[index + 1 :]
        elif operation == "splice" and pool:
            other = pool[choice % len(pool)][1]
            data = data[:at] + other[number % (len(other) + 1) :]
        elif operation == "truncate":
            data = data[:at]
        elif operation == "crlf":
            data = data.replace(b"\n", b"\r\n")
    return data


PUBLISHED: tuple[dt.date | None, ...] = (None, dt.date(2025, 3, 14), dt.date.min, dt.date(1, 1, 3), dt.date.max)


def run_one(
    directory: Path, suffix: str, data: bytes, published: dt.date | None, gzip_cut: int = 0, timeline: bool = True
) -> None:
    """Check one input end to end, render it in every format, and (``timeline``) tag all of its
    text as ``citecheck timeline`` does; ``FuzzFailure`` if anything broke."""
    from citecheck.config import Settings
    from citecheck.load import LoadError, load
    from citecheck.pipeline import check_source, summarize
    from citecheck.render import renderer
    from citecheck.render.sarif import file_results
    from citecheck.timeline import find_mentions, to_timeml

    if suffix.endswith(".gz"):
        data = gzip.compress(data)
        if gzip_cut:
            data = data[: max(10, len(data) - gzip_cut)]
    path = directory / ("fuzzed" + suffix)
    path.write_bytes(data)
    source = str(path)
    try:
        report = check_source(source, Settings(published=published))
    except Exception as error:  # check_source promises never to raise
        raise FuzzFailure(f"check_source raised {type(error).__name__}: {error}") from error
    broken = [f.message for f in report.findings if "internal error" in f.message]
    if broken:
        raise FuzzFailure(broken[0])
    fail: Callable[[str], None] = _raiser(source)
    for name in ("text", "json", "jsonl", "sarif", "github", "junit"):
        out = io.StringIO()
        try:
            if name == "sarif":  # a file's results: the run's head (every rule's page) is the same for all
                out.write(json.dumps(file_results(report)))
            else:
                writer = renderer(name, out)
                writer.add(report)
                writer.finish(summarize([report]))
        except Exception as error:  # noqa: BLE001 - a renderer must write any report
            fail(f"--format {name} raised {type(error).__name__}: {error}")
        text = out.getvalue()
        if name in ("json", "sarif"):
            json.loads(text)
        elif name == "jsonl":
            for line in text.splitlines():
                json.loads(line)
        elif name == "text" and "\x1b" in text:
            fail("the text format wrote an escape character from the input")
    # The chronology as `citecheck timeline` reads it (the load error is the documented outcome).
    if not timeline:
        return
    try:
        document = load(source, published=published)
    except LoadError:
        return
    try:
        mentions = find_mentions(document)
        to_timeml(document.text, [m for m in mentions if m.end <= len(document.text)], published)
    except Exception as error:  # noqa: BLE001
        fail(f"timeline raised {type(error).__name__}: {error}")


def _raiser(source: str) -> Callable[[str], None]:
    def fail(message: str) -> None:
        raise FuzzFailure(f"{source}: {message}")

    return fail


def random_case(rng: random.Random, pool: Sequence[tuple[str, bytes]]) -> tuple[str, bytes, dt.date | None, int, bool]:
    """One input of the long run: a seed, up to eight mutations, a suffix, a publication date, a
    cut for gzip, and whether the whole text is tagged too (one in four: the tagger costs most)."""
    seed_suffix, data = pool[rng.randrange(len(pool))]
    mutations = [
        (rng.choice(OPERATIONS), rng.randrange(1 << 20), rng.randrange(1 << 16)) for _ in range(rng.randint(0, 8))
    ]
    suffix = seed_suffix if rng.random() < 0.7 else rng.choice(SUFFIXES)
    cut = rng.choice((0, 0, 1, 7, 100))
    return suffix, mutate(data, mutations, pool), rng.choice(PUBLISHED), cut, rng.random() < 0.25
