"""Reading a source's bytes and decoding them to text: the I/O edge of the load stage."""

from __future__ import annotations

import os
import re
import select
import stat
import sys
import zlib
from pathlib import Path
from typing import BinaryIO

from citecheck.errors import LoadError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# How long a named pipe that nothing writes to is waited for before it becomes a CC001 finding.
PIPE_WAIT_SECONDS = 2.0
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX; Windows has no named pipes in the file system


def read_bytes(source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of a path or ``-`` (standard input), gunzipped, within the size cap."""
    return read_source(source, max_bytes)[0]


def read_source(source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str | None]:
    """``read_bytes``, and why only part of the source could be read (a truncated gzip file), or None."""
    try:
        if source == "-":
            if sys.stdin is None:  # `citecheck - <&-`: Python sets a closed standard input to None
                raise LoadError(source, "(standard input) is closed: nothing to read")
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            path = Path(source)
            if path.is_dir():
                raise LoadError(source, "is a directory")
            # Opened without blocking: opening a named pipe that no process writes to blocks until one does.
            fd = os.open(path, os.O_RDONLY | _NONBLOCK)
            with os.fdopen(fd, "rb") as handle:
                if stat.S_ISFIFO(os.fstat(fd).st_mode):
                    data = _read_pipe(source, fd, max_bytes)
                else:
                    if _NONBLOCK:
                        os.set_blocking(fd, True)
                    data = _read_capped(handle, max_bytes)
    except LoadError:
        raise
    except FileNotFoundError:
        raise LoadError(source, "no such file") from None
    except PermissionError:
        raise LoadError(source, "permission denied") from None
    except OSError as exc:
        raise LoadError(source, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise LoadError(source, f"larger than the size cap of {max_bytes} bytes (see --max-bytes)")
    if data[:2] == b"\x1f\x8b":
        return _gunzip(source, data, max_bytes)
    return data, None


def _read_pipe(source: str, fd: int, max_bytes: int) -> bytes:
    """A named pipe's bytes (a FIFO, or the /dev/fd/N of a shell's ``<(...)``), as they come.

    A pipe with a writer is read to its end, however slow the writer. A pipe with none (a FIFO
    left in a folder) would hang the run: it gets ``PIPE_WAIT_SECONDS`` for a writer to arrive."""
    chunks: list[bytes] = []
    size = 0
    waited = False
    while size <= max_bytes:
        try:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
        except BlockingIOError:  # a writer, with nothing written yet: wait for it, as `cat` would
            select.select([fd], [], [])
            continue
        if chunk:
            chunks.append(chunk)
            size += len(chunk)
            continue
        if chunks or waited:
            break  # the end of what was written
        # Nothing, and no writer (yet): Linux reports a pipe readable once a writer has come.
        waited = True
        ready, _, _ = select.select([fd], [], [], PIPE_WAIT_SECONDS)
        if not ready:
            raise LoadError(source, f"is a named pipe that nothing writes to (waited {PIPE_WAIT_SECONDS:g} s)")
    return b"".join(chunks)


def _read_capped(handle: BinaryIO, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of an open file. Asking for the cap at once would allocate a
    buffer of the cap's size for every file (20 MB: four times the cost of reading a whole page):
    the file's size, plus one byte to meet its end, is asked for first."""
    want = max_bytes + 1
    size = os.fstat(handle.fileno()).st_size
    data = handle.read(min(size + 1, want))
    if size < len(data) < want:  # grown since, or a size the system does not know (a device): the rest
        data += handle.read(want - len(data))
    return data


def _gunzip(source: str, data: bytes, max_bytes: int) -> tuple[bytes, str | None]:
    # Decompress incrementally so a gzip bomb stops at the cap instead of filling memory. A file of
    # several gzip members (`cat a.gz b.gz`) is read whole, as gzip and browsers read it.
    pieces: list[bytes] = []
    size = 0
    whole_member = False  # at least one member read to its end
    partial = None
    rest = data
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out = inflater.decompress(rest, max_bytes + 1 - size)
        except zlib.error as exc:
            if whole_member:  # trailing garbage after a whole member: gzip ignores it with a warning
                break
            raise LoadError(source, f"is not valid gzip ({exc})") from None
        size += len(out)
        pieces.append(out)
        if size > max_bytes or inflater.unconsumed_tail:
            raise LoadError(source, f"decompresses to more than the size cap of {max_bytes} bytes")
        if not inflater.eof:
            # A truncated member keeps what was there, as browsers do, and the report says so: an
            # embed or a date may have been in the part that is missing.
            partial = f"is a truncated gzip file: it ends after {size:,} bytes of text; what was there was checked"
            break
        whole_member = True
        rest = inflater.unused_data.lstrip(b"\0")  # members may be padded with zeros
    if not size and not whole_member:
        raise LoadError(source, "is a truncated gzip file")
    return b"".join(pieces), partial


_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"RIFF",
    b"OggS",
    b"\x00\x00\x01\x00",
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables: anything that is not text."""
    if data.startswith(_BINARY_MAGIC):
        return True
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _unmarked_wide(head):
        return False  # UTF-16 and UTF-32 have NULs and are still text
    return b"\x00" in head


def _unmarked_wide(head: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte-order mark, told by where its NULs fall: two of every four
    bytes are NUL in UTF-32, and markup and Latin text leave one of every two NUL in UTF-16, always
    at the same places, where binary data scatters them."""
    head = head[: len(head) // 4 * 4]
    if len(head) < 8:
        return None
    lanes = [head[lane::4].count(0) / (len(head) // 4) for lane in range(4)]
    # Outside the astral planes a UTF-32 character's top two bytes are NUL, whatever its script.
    if lanes[2] > 0.95 and lanes[3] > 0.95 and lanes[0] < 0.1:
        return "utf-32-le"
    if lanes[0] > 0.95 and lanes[1] > 0.95 and lanes[3] < 0.1:
        return "utf-32-be"
    odd, even = (lanes[1] + lanes[3]) / 2, (lanes[0] + lanes[2]) / 2
    if odd > 0.6 and even < 0.05:
        return "utf-16-le"
    if even > 0.6 and odd < 0.05:
        return "utf-16-be"
    return None


def decode(source: str, data: bytes, html: bool) -> str:
    """Decode bytes the way a browser would: BOM, declared charset, UTF-8, then detection."""
    return decode_source(source, data, html)[0]


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16's, which it starts with
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_source(
    source: str, data: bytes, html: bool, charset: str | None = None, notes: list[str] | None = None
) -> tuple[str, bool]:
    """The text, and whether it is ``data`` read as UTF-8 as it stands (so a parser may take the
    bytes themselves and skip encoding the text again). ``charset`` is one an HTTP header declared
    (an archived page's): it wins over the page's own ``<meta>``, as in a browser. ``notes``, when
    given, receives what the report should say about the decoding (characters replaced)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), False
            except UnicodeDecodeError:
                raise LoadError(source, f"has a {codec} byte-order mark but is not valid {codec}") from None
    wide = _unmarked_wide(data[:8192])
    if wide:
        try:
            return data.decode(wide), False
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise LoadError(source, "is a binary file, not text")
    declared: str | None = charset.lower() if charset else None
    head = data[:4096]
    if html and declared is None:
        match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
        if match:
            declared = match.group(1).decode("ascii", "replace").lower()
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few broken bytes (a bad copy, a cut character) is still UTF-8: browsers show
    # U+FFFD for those, and so does citecheck, rather than read the whole page as cp1252. Text in a
    # legacy encoding breaks at nearly every non-ASCII byte, UTF-8 at a handful in a hundred.
    lenient = data.decode("utf-8", "replace")
    broken = lenient.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(data.translate(None, bytes(range(128))))
    # Legacy text almost never forms a valid multi-byte UTF-8 sequence: a page with several times
    # more valid ones than broken ones is UTF-8, however little non-ASCII text it has.
    valid = len(lenient) - len(lenient.encode("ascii", "ignore")) - lenient.count("\ufffd")
    if broken * 100 <= non_ascii or valid >= 4 * broken:
        _note_replaced(notes, broken, "UTF-8")
        return lenient, False
    if declared and declared not in {"utf-8", "utf8"}:
        # Browsers read ISO-8859-1 and ASCII declarations as windows-1252.
        codec = "cp1252" if declared in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"} else declared
        try:
            return data.decode(codec), False
        except (LookupError, UnicodeDecodeError):
            pass
    language = _HTML_LANG.search(head) if html else None
    return _detect(source, data, language.group(1).decode("ascii").lower() if language else None, notes), False


def _note_replaced(notes: list[str] | None, count: int, encoding: str) -> None:
    if notes is not None and count:
        notes.append(
            f"{count} byte sequence{'s' if count != 1 else ''} could not be decoded as {encoding} and"
            " show as U+FFFD (the replacement character)"
        )


_HTML_LANG = re.compile(rb"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)""", re.I)
# The legacy encoding a browser falls back to for a page in each language (WHATWG Encoding:
# locale defaults as Firefox and Chromium apply them); windows-1252 for every other language.
_LOCALE_DEFAULTS = {
    **dict.fromkeys(("ar", "fa", "ur"), "cp1256"),
    **dict.fromkeys(("ru", "uk", "bg", "be", "sr", "mk", "kk"), "cp1251"),
    **dict.fromkeys(("pl", "cs", "sk", "hu", "ro", "hr", "sl", "bs", "sq"), "cp1250"),
    "el": "cp1253",
    **dict.fromkeys(("tr", "az"), "cp1254"),
    **dict.fromkeys(("he", "iw", "yi"), "cp1255"),
    "th": "cp874",
    "vi": "cp1258",
    **dict.fromkeys(("lt", "lv", "et"), "cp1257"),
    "ja": "shift_jis",
    "ko": "euc_kr",
    "zh": "gb18030",
    "zh-tw": "big5",
    "zh-hk": "big5",
}
# charset-normalizer's names for the languages a page may declare.
_LANGUAGE_NAMES = {
    "ar": "Arabic", "fa": "Farsi", "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "sr": "Serbian",
    "pl": "Polish", "cs": "Czech", "sk": "Slovak", "hu": "Hungarian", "ro": "Romanian", "hr": "Croatian",
    "sl": "Slovene", "el": "Greek", "tr": "Turkish", "he": "Hebrew", "th": "Thai", "vi": "Vietnamese",
    "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "ja": "Japanese", "ko": "Korean", "zh": "Chinese",
    "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "en": "English", "sv": "Swedish", "da": "Danish", "fi": "Finnish", "no": "Norwegian",
}  # fmt: skip


def _detect(source: str, data: bytes, language: str | None, notes: list[str] | None) -> str:
    """An undeclared (or wrongly declared) legacy encoding, detected as a browser would: of the
    encodings charset-normalizer finds least garbled, the browser's default for the page's declared
    language (windows-1252 when it declares none or another), else the one whose text reads most
    like that language, else the least garbled (lazy import: most pages never need it)."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return _replace(source, data, notes)
    least = min(match.chaos for match in matches)
    clean = [match for match in matches if match.chaos <= least + 0.01]
    primary = (language or "").split("-")[0]
    fallback = _LOCALE_DEFAULTS.get(language or "", _LOCALE_DEFAULTS.get(primary, "cp1252"))
    chosen = (
        next((m for m in clean if _codec(m.encoding) == _codec(fallback)), None)
        or next((m for m in clean if primary and m.language == _LANGUAGE_NAMES.get(primary)), None)
        or clean[0]
    )
    return str(chosen)


def _codec(name: str) -> str:
    import codecs

    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _replace(source: str, data: bytes, notes: list[str] | None) -> str:
    """The last resort: windows-1252 with what it cannot map replaced (and said), when little is."""
    text = data.decode("cp1252", "replace")
    replaced = text.count("\ufffd")
    if replaced > max(16, len(text) // 100):
        raise LoadError(source, "is not valid text in any encoding (too many undecodable bytes)")
    _note_replaced(notes, replaced, "windows-1252")
    return text
