"""Reading machine-written timestamps (ISO 8601 and its common newsroom variants)."""

from __future__ import annotations

import datetime as dt
import re

from citecheck.models import DateSource, PublicationDate

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?"
)
_COMPACT = re.compile(r"(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:T?(?P<H>\d{2})(?P<M>\d{2}))?")


def parse_timestamp(value: str) -> dt.datetime | dt.date | None:
    """A datetime (aware when the text has a zone), a date when there is no time, or None."""
    value = value.strip()
    match = _ISO.search(value) or (_COMPACT.fullmatch(value) if value.isdigit() or "T" in value else None)
    if not match:
        return None
    parts = match.groupdict()
    try:
        day = dt.date(int(parts["y"]), int(parts["m"]), int(parts["d"]))
    except ValueError:
        return None
    if not 1990 <= day.year <= 2100:
        return None
    if parts.get("H") is None:
        return day
    try:
        time = dt.time(int(parts["H"]), int(parts["M"]), int(parts.get("S") or 0))
    except ValueError:
        return day
    tz = parts.get("tz")
    tzinfo: dt.tzinfo | None = None
    if tz in ("Z", "UTC", "GMT"):
        tzinfo = dt.timezone.utc
    elif tz:
        sign = 1 if tz[0] == "+" else -1
        digits = tz[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:])
        if hours > 23 or minutes > 59:
            return day  # "+99:99" is no zone on Earth: the day stands, the time cannot be placed
        tzinfo = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    return dt.datetime.combine(day, time, tzinfo)


def as_date(value: dt.datetime | dt.date) -> dt.date:
    """The calendar date a timestamp names, in its own zone (what the page's reader saw)."""
    return value.date() if isinstance(value, dt.datetime) else value


def publication_date(value: dt.datetime | dt.date, source: DateSource, detail: str) -> PublicationDate:
    """A page's date as the report gives it: the day, where it came from, and the full timestamp
    when the source had one (CC201 then counts hours, not days)."""
    stamp = value if isinstance(value, dt.datetime) else None
    return PublicationDate(date=as_date(value), source=source, detail=detail, datetime=stamp)
