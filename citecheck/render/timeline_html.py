"""``citecheck timeline FILE --format html``: the article's text with every temporal expression
marked (its resolved value and what it was anchored to on hover or keyboard focus), and its
chronology on one time axis with the dates of its embeds."""

from __future__ import annotations

import re
from html import escape

from citecheck.models import Embed, PublicationDate, TimeMention
from citecheck.render._page import Mark, axis_svg, days, legend, page_end, page_start
from citecheck.render.html import embed_marks, embed_who, short

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")

# Keyboard users reach each mark with Tab and read its value in the tooltip; Escape hides it.
_SCRIPT = r"""
document.addEventListener("keydown",function(e){if(e.key==="Escape"&&document.activeElement){document.activeElement.blur();}});
"""


def _tip(mention: TimeMention) -> str:
    span = ""
    if mention.begin is not None:
        last = mention.last or mention.begin
        span = f", {mention.begin}" if last == mention.begin else f", {mention.begin} to {last}"
    if mention.anchor in (None, "none"):
        anchor = "anchored to nothing: the words name it themselves"
    else:
        anchor = f"anchored to the {mention.anchor.replace('-', ' ')}"
        if mention.anchor_value:
            anchor += f" {mention.anchor_value}"
    return f"{mention.value} ({mention.type}{span}); {anchor}"


def marked_text(text: str, mentions: list[TimeMention]) -> str:
    """The text in paragraphs, each mention a focusable <mark> carrying its value."""
    out: list[str] = []
    at = 0

    def plain(part: str) -> str:
        return "</p>\n<p>".join(escape(piece) for piece in _PARAGRAPH_BREAK.split(part))

    for number, mention in enumerate(sorted(mentions, key=lambda m: (m.start, m.end))):
        if mention.start < at:  # overlapping mentions: the first one keeps the words
            continue
        out.append(plain(text[at : mention.start]))
        kind = "tx" if mention.type in ("DATE", "TIME") else "tx far"
        out.append(
            f'<mark class="{kind}" tabindex="0" data-value="{escape(mention.value)}" data-type="{mention.type}"'
            f' aria-describedby="tip-{number}"><span class="said">{escape(text[mention.start : mention.end])}</span>'
            f'<span class="tip" role="tooltip" id="tip-{number}">{escape(_tip(mention))}</span></mark>'
        )
        at = mention.end
    out.append(plain(text[at:]))
    return "<p>" + "".join(out).strip() + "</p>"


def chronology_axis(mentions: list[TimeMention], embeds: list[Embed], published: PublicationDate | None) -> str:
    marks: list[Mark] = []
    if published is not None:
        if published.datetime is not None:
            marks.append(
                Mark(
                    "published",
                    days(published.datetime),
                    None,
                    f"published {published.datetime}",
                    published.datetime.isoformat(),
                )
            )
        else:
            start = days(published.date)
            marks.append(Mark("published", start, start + 1, f"published {published.date}", str(published.date)))
    # Mentions that overlap in time go on rows of their own, so each stays visible.
    rows_end: list[float] = []
    dated = [m for m in mentions if m.type in ("DATE", "TIME") and m.begin is not None]
    for mention in sorted(dated, key=lambda m: (m.begin, m.last)):
        assert mention.begin is not None
        last = mention.last or mention.begin
        start, end = days(mention.begin), days(last) + 1
        row = next((i for i, taken in enumerate(rows_end) if taken <= start), len(rows_end))
        if row == len(rows_end):
            rows_end.append(end)
        rows_end[row] = end
        label = f"{mention.text!r} = {mention.value}"
        wide = (last - mention.begin).days > 7  # a month or year named in passing is cut at the edge
        marks.append(Mark("mention", start, end, label, str(mention.begin), row, None, not wide))
    lanes = ["the text"] + [""] * (len(rows_end) - 1) if rows_end else []
    for embed in embeds:
        found = embed_marks(embed.model_copy(update={"context_dates": []}), len(lanes))
        if found:
            lanes.append(short(f"embed {embed.index} {embed_who(embed)}", 20))
            marks.extend(found)
    if len(marks) <= (published is not None):
        return '<p class="none">No dates to draw.</p>'
    kinds = [k for k in ("published", "mention", "shown", "id-clock") if any(m.kind == k for m in marks)]
    svg = axis_svg(
        "chronology",
        "The article's chronology",
        "; ".join(m.label for m in sorted(marks, key=lambda m: m.start)),
        lanes,
        marks,
    )
    return f'<figure class="axis">{svg}<figcaption>The dates the text names and the embeds\' dates, in UTC days.{legend(kinds)}</figcaption></figure>'


def timeline_page(
    source: str,
    text: str,
    mentions: list[TimeMention],
    embeds: list[Embed],
    published: PublicationDate | None,
) -> str:
    from citecheck import __version__

    when = (
        f"published {published.date} (from {published.source})"
        if published is not None
        else "no publication date found"
    )
    counted = f"{len(mentions)} temporal expression{'s' if len(mentions) != 1 else ''}"
    return (
        page_start(f"Chronology of {source}", f"citecheck {__version__}: {when}; {counted}")
        + '<section aria-labelledby="axis-h"><h2 id="axis-h">On one time axis</h2>'
        + chronology_axis(mentions, embeds, published)
        + "</section>"
        + '<section class="text" aria-labelledby="text-h"><h2 id="text-h">The text</h2>'
        '<p class="none no-print">Each marked expression shows its resolved value and anchor when hovered or'
        " focused (Tab moves between them).</p>" + marked_text(text, mentions) + "</section>" + page_end(_SCRIPT)
    )
