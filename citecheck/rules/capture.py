"""CC205, and the publication date against the capture: an archived page is evidence of what
existed at the moment it was captured (``WARC-Date``). A post made after that moment cannot be in
the capture, and neither can a page published after it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from citecheck.models import Document, Fact, Finding
from citecheck.rules import Context, check
from citecheck.rules.chronology import aware, post_time
from citecheck.rules.embed import describe

# A page's date is a local day: east of UTC (up to UTC+14) it is already tomorrow.
_ZONES_AHEAD = dt.timedelta(hours=14)


def misread_reason(document: Document) -> str | None:
    """Why the publication date read from an archived page cannot be its own, or None when it can be."""
    published, capture = document.published, document.capture
    if published is None or capture is None or capture.captured is None or published.source == "option":
        return None
    captured = capture.captured
    stamp = published.datetime
    if stamp is not None and stamp.tzinfo is not None:
        late = stamp > captured
    else:  # a bare date, or a clock without a zone, is a local day
        late = published.date > (captured + _ZONES_AHEAD).date()
    if not late:
        return None
    return f"it is later than the moment the archive captured the page ({captured:%Y-%m-%d %H:%M:%S} UTC, WARC-Date)"


def mark_misread(document: Document) -> None:
    """Record on the document's publication date that it was misread, when it must have been."""
    reason = misread_reason(document)
    if reason is not None and document.published is not None:
        document.published = document.published.model_copy(update={"misread": reason})


@check("CC205")
def after_capture(context: Context) -> Iterator[Finding]:
    capture = context.document.capture
    if capture is None or capture.captured is None:
        return
    captured = aware(capture.captured)
    for embed in context.embeds:
        span = post_time(embed)
        if span is None:
            continue
        earliest, _latest, source = span
        if earliest <= captured:
            continue
        late = earliest - captured
        yield context.finding(
            "CC205",
            f"{describe(embed)} was posted {source.value} ({source.source}),"
            f" {_hours(late)} after the archive captured the page ({captured:%Y-%m-%d %H:%M:%S} UTC): a capture"
            " cannot hold a post made after it. The embed's date or ID is wrong, or the record is not the capture"
            " it claims to be.",
            embed=embed,
            evidence={
                "post_time": source,
                "captured": Fact(
                    value=captured.isoformat(),
                    source=f"WARC-Date of record {capture.record_id or ''} at offset {capture.offset} of"
                    f" {capture.archive}".replace("record  at", "the record at"),
                ),
            },
        )


def _hours(delta: dt.timedelta) -> str:
    hours = delta.total_seconds() / 3600
    return f"{hours / 24:.1f} days" if hours >= 48 else f"{hours:.1f} h"
