"""CC201, CC202, CC204: an embed's time against the article's publication date, the ID's clock and
the platform's launch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from citecheck.embeds import platform
from citecheck.models import Embed, EvidenceEntry, Fact, Finding
from citecheck.rules import Context, check
from citecheck.rules.embed import describe

_DAY = dt.timedelta(days=1)


def post_time(embed: Embed) -> tuple[dt.datetime, dt.datetime, Fact] | None:
    """The earliest and latest the post can have been made, and where that came from.

    The ID's clock wins over the shown date: the shown date is typed by a person or localised.
    """
    if embed.id_clock is not None:
        error = dt.timedelta(seconds=embed.id_clock.error_seconds)
        time = embed.id_clock.time
        return moved(time, -error), moved(time, error), _id_evidence(embed)
    if embed.shown_time is not None:
        time = aware(embed.shown_time)
        return (
            time,
            time,
            Fact(value=time.isoformat(), source=f"the embed's timestamp {embed.shown_date_text or ''}".strip()),
        )
    if embed.shown_date is not None:
        start = dt.datetime.combine(embed.shown_date, dt.time(), dt.timezone.utc)
        # A shown day is a day somewhere on Earth: UTC-12 to UTC+14.
        return (
            moved(start, -dt.timedelta(hours=14)),
            moved(start, _DAY + dt.timedelta(hours=12)),
            _shown_evidence(embed),
        )
    return None


def moved(time: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    """``time + delta``, held at the calendar's ends: a date shown as 9999-12-31 is a date."""
    try:
        return time + delta
    except OverflowError:
        end = dt.datetime.min if delta < dt.timedelta(0) else dt.datetime.max
        return end.replace(tzinfo=time.tzinfo)


def aware(value: dt.datetime) -> dt.datetime:
    """A timestamp with a zone; one without (a page's markup often omits it) is read as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _id_evidence(embed: Embed) -> Fact:
    clock = embed.id_clock
    assert clock is not None
    error = f" ± {_duration(clock.error_seconds)}" if clock.error_seconds >= 1 else ""
    return Fact(value=clock.time.isoformat(), source=f"the {clock.method} clock in post ID {embed.post_id}{error}")


def _shown_evidence(embed: Embed) -> Fact:
    return Fact(value=str(embed.shown_date), source=f"the date the embed shows, {embed.shown_date_text!r}")


def _duration(seconds: float) -> str:
    if seconds >= 2 * 3600:
        return f"{seconds / 3600:.0f} h"
    if seconds >= 120:
        return f"{seconds / 60:.0f} min"
    return f"{seconds:.0f} s"


@check("CC201")
def after_publication(context: Context) -> Iterator[Finding]:
    published = context.document.published
    if published is None or published.misread:  # a misread date is no ground for an error (CC002 says so)
        return
    allowed = dt.timedelta(days=context.settings.after_publication_days)
    modified = context.document.modified
    for embed in context.embeds:
        span = post_time(embed)
        if span is None:
            continue
        earliest, _latest, source = span
        late = _lateness(embed, earliest, published.date, published.datetime)
        if late <= allowed:
            continue
        evidence: dict[str, EvidenceEntry] = {
            "post_time": source,
            "published": Fact(
                value=str(published.date), source=f"{published.source}: {published.detail or ''}".strip()
            ),
        }
        posted = embed.shown_date if embed.id_clock is None and embed.shown_time is None else earliest.date()
        if modified is not None and posted is not None and posted <= modified.date:
            evidence["modified"] = Fact(value=str(modified.date), source=f"{modified.source}: {modified.detail or ''}")
            finding = context.finding(
                "CC201",
                f"{describe(embed)} was posted {posted}, after the article's publication date"
                f" {published.date} but not after its last update {modified.date}: probably added in that update.",
                embed=embed,
                evidence=evidence,
            )
            # Added in an update, most likely: a lead, not an error - unless the user set CC201's severity.
            if "CC201" not in context.settings.severity:
                finding = finding.model_copy(update={"severity": "info"})
            yield finding
            continue
        # A date htmldate guessed from the page's text is a lead, not a fact: it cannot make an error.
        guessed = published.source == "htmldate"
        finding = context.finding(
            "CC201",
            f"{describe(embed)} was posted {posted} ({source.source}), {late.total_seconds() / 86400:.1f} days"
            f" after the article's publication date {published.date} ({published.source}): an article cannot"
            " embed a post from its future."
            + (" The page states no date of its own; pass --published to confirm or correct it." if guessed else ""),
            embed=embed,
            evidence=evidence,
        )
        if guessed and "CC201" not in context.settings.severity:
            finding = finding.model_copy(update={"severity": "warning"})
        yield finding


def _lateness(embed: Embed, earliest: dt.datetime, day: dt.date, stamp: dt.datetime | None) -> dt.timedelta:
    """How long after publication the post was made: by the clock when both sides have one,
    else by calendar days (a bare date says nothing about the hour)."""
    if stamp is not None and (embed.id_clock is not None or embed.shown_time is not None):
        return earliest - aware(stamp)
    posted = embed.shown_date if embed.id_clock is None and embed.shown_time is None else earliest.date()
    if posted is None:
        return dt.timedelta(0)
    return dt.timedelta(days=(posted - day).days)


@check("CC202")
def date_vs_post_id(context: Context) -> Iterator[Finding]:
    for embed in context.embeds:
        clock = embed.id_clock
        if clock is None:
            continue
        owner = platform(embed.platform)
        error = dt.timedelta(seconds=clock.error_seconds)
        if embed.shown_time is not None and clock.method != "interpolated":
            shown = aware(embed.shown_time)
            gap = abs(shown - clock.time)
            if gap > owner.time_tolerance(embed) + error:
                yield _mismatch(context, embed, f"shows the time {shown:%Y-%m-%d %H:%M:%S} UTC", gap)
            continue
        if embed.shown_date is None:
            continue
        tolerance = owner.date_tolerance(embed)
        earliest, latest = shown_day_window(embed.shown_date, tolerance)
        if not earliest <= clock.time < latest:
            gap = (earliest - clock.time) if clock.time < earliest else (clock.time - latest)
            rule = (
                "exactly its UTC day (official code, ?ref_src)"
                if not tolerance
                else f"within {_duration(tolerance.total_seconds())}"
            )
            yield _mismatch(context, embed, f"shows {embed.shown_date_text!r} ({embed.shown_date})", gap, rule)


def shown_day_window(day: dt.date, tolerance: dt.timedelta) -> tuple[dt.datetime, dt.datetime]:
    """The times a shown calendar day agrees with: its UTC day, widened by ``tolerance`` each way
    (CC202 against the ID's clock, CC305 against the platform's creation time)."""
    start = dt.datetime.combine(day, dt.time(), dt.timezone.utc)
    return moved(start, -tolerance), moved(start, _DAY + tolerance)


def _mismatch(context: Context, embed: Embed, shown: str, gap: dt.timedelta, rule: str | None = None) -> Finding:
    clock = embed.id_clock
    assert clock is not None
    expected = f"; it should show {rule}" if rule else ""
    return context.finding(
        "CC202",
        f"{describe(embed)} {shown}, but its post ID {embed.post_id} was made {clock.time:%Y-%m-%d %H:%M} UTC"
        f" ({clock.method} clock){expected}. Off by {_duration(gap.total_seconds())} beyond the tolerance.",
        embed=embed,
        evidence={
            "shown_date": Fact(
                value=str(embed.shown_time or embed.shown_date),
                source=f"the embed's date {embed.shown_date_text!r}"
                if embed.shown_date_text
                else "the embed's timestamp",
            ),
            "id_time": _id_evidence(embed),
        },
    )


@check("CC204")
def before_platform(context: Context) -> Iterator[Finding]:
    for embed in context.embeds:
        span = post_time(embed)
        if span is None:
            continue
        _earliest, latest, source = span
        owner = platform(embed.platform)
        launch = dt.datetime.combine(owner.launched, dt.time(), dt.timezone.utc)
        if latest < launch:
            yield context.finding(
                "CC204",
                f"{describe(embed)} is dated {latest:%Y-%m-%d} ({source.source}), before {owner.title} existed"
                f" (launched {owner.launched}).",
                embed=embed,
                evidence={
                    "post_time": source,
                    "launched": Fact(value=str(owner.launched), source=owner.launched_source),
                },
            )
