"""CC203: the embed's date against the dates the text around it names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Literal

from citecheck.models import ContextDate, Embed, Fact, Finding, TimeMention
from citecheck.rules import Context, check
from citecheck.rules.embed import describe
from citecheck.timeline import calendar as cal
from citecheck.timeline.languages import ENGLISH

# A mention ties an embed to a date only when it names a short span: a day, a weekday, "days
# earlier", a week. A month or a year says too little to contradict a post's day.
_LONGEST_TIE = dt.timedelta(days=7)
# Either side may be a local day: the article's zone, the post's UTC day. Posts react to events
# for a few days after them, so a post may trail the date its context names by more than it may
# precede it.
_EARLY = dt.timedelta(days=1)
_LATE = dt.timedelta(days=4)
# Only the sentences that touch the embed tie it to a date: the last one before, the first after.
_SENTENCE_END = re.compile(rf"(?:[!?]|\.{ENGLISH.tense.title_stop})[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def _ties(mention: TimeMention, published: dt.date | None) -> bool:
    if mention.type not in ("DATE", "TIME") or mention.begin is None or mention.last is None:
        return False
    if mention.last - mention.begin > _LONGEST_TIE:
        return False
    # "Today", "now", "next week": the article's present and future describe the story being
    # reported, not when a post it quotes was made.
    return published is None or mention.last < published


def _agrees(day: dt.date, mention: TimeMention, published: dt.date | None) -> bool:
    assert mention.begin is not None and mention.last is not None
    latest = cal.plus(mention.last, _LATE)
    # A post the article quotes cannot trail its context past the article itself: "last week" in
    # a Monday story does not reach into Thursday. One day for the zones, as on the early side.
    if published is not None:
        latest = min(latest, cal.plus(published, _EARLY))
    return cal.plus(mention.begin, -_EARLY) <= day <= latest


def _last_sentence_start(text: str) -> int:
    starts = [match.end() for match in _SENTENCE_END.finditer(text)]
    return starts[-1] if starts else 0


def _first_sentence_end(text: str) -> int:
    match = _SENTENCE_END.search(text)
    return match.start() if match else len(text)


def embed_day(embed: Embed) -> tuple[dt.date, str] | None:
    """The day a reader takes the embed to be from: the shown date, else the ID's clock (UTC)."""
    if embed.shown_date is not None:
        return embed.shown_date, f"the date it shows, {embed.shown_date_text!r}"
    if embed.shown_time is not None:
        return embed.shown_time.date(), "its timestamp"
    if embed.id_time is not None:
        return embed.id_time.astimezone(dt.timezone.utc).date(), f"the clock in post ID {embed.post_id}"
    return None


def sentences_near(context: Context, embed: Embed) -> tuple[list[TimeMention], list[TimeMention]]:
    """The mentions of the last sentence before the embed and of the first sentence after it."""
    if embed.index in context.near:  # read once for the report, once for CC203
        return context.near[embed.index]
    paragraphs = context.document.paragraphs
    before: list[TimeMention] = []
    after: list[TimeMention] = []
    if embed.paragraph_before is not None:
        cut = _last_sentence_start(paragraphs[embed.paragraph_before].text)
        before = [m for m in context.mentions_in(embed.paragraph_before) if m.start >= cut]
    if embed.paragraph_after is not None:
        cut = _first_sentence_end(paragraphs[embed.paragraph_after].text)
        after = [m for m in context.mentions_in(embed.paragraph_after) if m.start < cut]
    context.near[embed.index] = before, after
    return before, after


def record_context_dates(context: Context) -> None:
    """Give each dated embed the dates its neighbouring sentences name (the report shows them)."""
    published = context.document.published.date if context.document.published else None
    for embed in context.embeds:
        if embed_day(embed) is None:
            continue
        before, after = sentences_near(context, embed)
        sides: tuple[tuple[Literal["before", "after"], list[TimeMention]], ...] = (("before", before), ("after", after))
        embed.context_dates = [
            ContextDate(
                text=mention.text,
                value=mention.value,
                begin=mention.begin,
                last=mention.last,
                side=side,
                line=mention.location.line if mention.location else None,
                compared=_ties(mention, published),
            )
            for side, mentions in sides
            for mention in mentions
            if mention.type in ("DATE", "TIME") and mention.begin is not None
        ]


@check("CC203")
def date_vs_context(context: Context) -> Iterator[Finding]:
    published = context.document.published.date if context.document.published else None
    for embed in context.embeds:
        day = embed_day(embed)
        if day is None:
            continue
        before_all, after_all = sentences_near(context, embed)
        before = [m for m in before_all if _ties(m, published)]
        after = [m for m in after_all if _ties(m, published)]
        nearby = before + after
        # Quiet as soon as one nearby date agrees: text around an embed often names several days,
        # and the embed needs to match only the one it illustrates.
        if not nearby or any(_agrees(day[0], mention, published) for mention in nearby):
            continue
        nearest = before[-1] if before else after[0]
        side = "before" if before else "after"
        span = str(nearest.begin) if nearest.begin == nearest.last else f"{nearest.begin} to {nearest.last}"
        yield context.finding(
            "CC203",
            f"{describe(embed)} is dated {day[0]} ({day[1]}), but the paragraph {side} it ties it to"
            f" {nearest.text!r} = {span} (line {nearest.location.line if nearest.location else '?'}).",
            embed=embed,
            evidence={
                "embed_date": Fact(value=str(day[0]), source=day[1]),
                "context_date": Fact(
                    value=nearest.value,
                    source=f"{nearest.text!r} in the paragraph {side} the embed, resolved against"
                    f" {nearest.anchor or 'nothing'}{' ' + nearest.anchor_value if nearest.anchor_value else ''}",
                    begin=str(nearest.begin),
                    last=str(nearest.last),
                ),
                "other_mentions": [m.text for m in nearby if m is not nearest],
            },
        )
