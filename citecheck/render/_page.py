"""What the HTML report and the HTML timeline share: the page shell (inline CSS and script, a
content security policy that lets the page fetch nothing), the SVG time axis, and the rule pages.

Plain string building with ``html.escape``: a template engine would cost ~45 ms of import on
every ``--format html`` run (measured for Jinja2) for pages this regular.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)

# Nothing on the page may reach the network: no fonts, scripts, images or frames from elsewhere.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'"

CSS = """
:root{color-scheme:light;--ink:#1b1b1f;--muted:#4a4a55;--line:#c9c9d2;--bg:#fff;--panel:#f5f5f8;
--error:#a4001d;--warning:#7a4a00;--info:#005190;--ok:#1e5e2e;--accent:#2b4fb3}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
code,kbd,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.92em}
header.top{padding:1rem 1.5rem;border-bottom:1px solid var(--line);background:var(--panel)}
header.top h1{margin:0;font-size:1.5rem}
header.top p{margin:.25rem 0 0;color:var(--muted)}
main{padding:0 1.5rem 2rem;max-width:80rem;margin:0 auto}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem;z-index:9}
h2{font-size:1.3rem;margin:1.5rem 0 .5rem}
h3{font-size:1.12rem;margin:0 0 .5rem;overflow-wrap:anywhere}
h4{font-size:1rem;margin:0 0 .35rem}
h5{font-size:.95rem;margin:0 0 .3rem}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.5rem 0}
.counts li{border:1px solid var(--line);border-radius:4px;padding:.2rem .6rem;background:var(--panel)}
.badge{display:inline-block;border-radius:3px;padding:0 .4rem;color:#fff;font-weight:600;font-size:.85em;white-space:nowrap}
.badge.error{background:var(--error)}.badge.warning{background:var(--warning)}.badge.info{background:var(--info)}
.badge.suppressed{background:#fff;color:var(--muted);border:1px dashed var(--muted)}
.badge.clean{background:var(--ok)}
section.file{border-top:2px solid var(--line);padding:1rem 0;content-visibility:auto;contain-intrinsic-size:auto 700px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.25rem 0 .75rem}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
figure.axis{margin:.5rem 0 1rem;border:1px solid var(--line);border-radius:4px;padding:.5rem;background:#fff}
figure.axis>svg{width:100%;max-width:62rem;height:auto;display:block}
figure.axis figcaption{font-size:.85rem;color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:.25rem 0 0}
.legend svg{width:28px;height:12px;vertical-align:middle;display:inline-block}
ol.embeds{list-style:none;padding:0;margin:0}
li.embed{display:grid;grid-template-columns:minmax(16rem,2fr) 3fr;gap:1rem;border:1px solid var(--line);border-radius:4px;padding:.75rem;margin:.75rem 0}
@media (max-width:50rem){li.embed{grid-template-columns:1fr}}
blockquote.post{margin:.25rem 0;padding:.25rem .75rem;border-left:3px solid var(--line);color:var(--muted);overflow-wrap:anywhere}
.finding{border-left:4px solid var(--line);padding:.25rem .75rem;margin:0 0 .75rem}
.finding.error{border-color:var(--error)}.finding.warning{border-color:var(--warning)}.finding.info{border-color:var(--info)}
.finding.is-suppressed{border-left-style:dashed}
.finding p{margin:.25rem 0}
.finding .why,.finding .silence{font-size:.92rem}
ul.evidence{margin:.25rem 0;padding-left:1.2rem;font-size:.92rem}
.none{color:var(--muted);font-style:italic}
.controls{border:1px solid var(--line);border-radius:4px;padding:.5rem .75rem;margin:1rem 0;background:var(--panel)}
.controls fieldset{border:0;display:inline-flex;flex-wrap:wrap;gap:.25rem .9rem;margin:0 1rem .25rem 0;padding:0;min-inline-size:0}
.controls legend{font-weight:600;padding:0;margin-right:.5rem;float:left}
.controls label{white-space:nowrap}
nav.pages{display:flex;gap:.5rem;align-items:center;margin:.5rem 0}
button{font:inherit;padding:.15rem .6rem;border:1px solid var(--muted);border-radius:3px;background:#fff;color:var(--ink);cursor:pointer}
button:disabled{color:#6b6b75;cursor:default}
button:focus-visible,a:focus-visible,input:focus-visible,mark:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
table.index{border-collapse:collapse;width:100%;font-size:.92rem;margin:.5rem 0 1rem}
table.index th,table.index td{border-bottom:1px solid var(--line);padding:.2rem .5rem;text-align:right}
table.index th:first-child,table.index td:first-child{text-align:left;overflow-wrap:anywhere}
table.index th button{border:0;background:none;font-weight:700;padding:0;color:var(--ink)}
table.index th[aria-sort=ascending] button::after{content:" \\25B2"}
table.index th[aria-sort=descending] button::after{content:" \\25BC"}
.rule-page{border-top:1px solid var(--line);padding:.5rem 0}
.off-page,.filtered{display:none!important}
.text p{max-width:50rem}
mark.tx{background:#fff1b8;color:var(--ink);border-bottom:2px solid #b58900;position:relative;padding:0 .1em;cursor:help}
mark.tx.far{background:#e6eefc;border-color:var(--accent)}
mark.tx .tip{display:none;position:absolute;left:0;top:100%;z-index:5;min-width:16rem;background:#1b1b1f;color:#fff;padding:.35rem .5rem;border-radius:4px;font-size:.82rem;line-height:1.35;white-space:normal}
mark.tx:hover .tip,mark.tx:focus .tip{display:block}
@media print{
 .controls,nav.pages,.skip,.no-print{display:none!important}
 body{font-size:11pt}main{max-width:none;padding:0}
 section.file{content-visibility:visible;break-before:page}
 section.file:first-of-type{break-before:auto}
 li.embed{break-inside:avoid;grid-template-columns:1fr 1.4fr}
 .badge{print-color-adjust:exact;-webkit-print-color-adjust:exact}
 a{color:inherit;text-decoration:none}
 mark.tx{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
"""


def page_start(title: str, subtitle: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="citecheck">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#main">Skip to the report</a>\n'
        f'<header class="top"><h1>{escape(title)}</h1><p>{escape(subtitle)}</p></header>\n'
        '<main id="main">\n'
    )


def page_end(script: str) -> str:
    return f"</main>\n<script>{script}</script>\n</body>\n</html>\n"


def link(url: str | None, text: str | None = None) -> str:
    """A link only for web addresses: a draft's ``javascript:`` URL stays text."""
    if not url:
        return ""
    shown = escape(text if text is not None else url)
    if not re.match(r"https?://", url, re.IGNORECASE):
        return f'<span class="mono">{shown}</span>'
    return f'<a href="{escape(url)}" rel="noopener noreferrer nofollow">{shown}</a>'


# --- the time axis ---------------------------------------------------------------------------


def days(moment: dt.date | dt.datetime) -> float:
    """Days since 1970-01-01 UTC: the axis's unit. A date is its UTC day's start."""
    if isinstance(moment, dt.datetime):
        aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
        return (aware - _EPOCH).total_seconds() / 86400
    return float((moment - dt.date(1970, 1, 1)).days)


@dataclass(slots=True)
class Mark:
    """One thing on the axis: an instant (``end`` None) or a span of days, in one lane (or across all)."""

    kind: str  # published, modified, shown, id-clock, context, context-loose, mention
    start: float
    end: float | None
    label: str  # what a reader hovering it is told
    when: str  # the date or time the report gives, for the data-when attribute
    lane: int | None = None  # None: the article's own dates, drawn across every lane
    embed: int | None = None
    # Whether the axis stretches to show all of it: a month named in passing is cut at the edges
    # rather than squeezing the days that matter into a corner.
    stretch: bool = True


# Shapes of each kind; the legend and the marks use the same ones, so colour is never the only cue.
STYLE = {
    "published": ("#1e5e2e", "article published"),
    "modified": ("#4a4a55", "article modified"),
    "captured": ("#5b2a86", "page captured by the archive"),
    "shown": ("#2b4fb3", "date the embed shows (its day)"),
    "id-clock": ("#a4001d", "time in the post ID"),
    "context": ("#7a4a00", "date a neighbouring sentence names"),
    "context-loose": ("#7a4a00", "date named nearby, too broad or too late to compare"),
    "mention": ("#7a4a00", "date the text names"),
}

_WIDTH, _GUTTER, _RIGHT, _LANE, _TOP, _BOTTOM = 760, 150, 24, 26, 22, 30
_STEPS_DAYS = (1, 2, 7, 14)
_STEPS_MONTHS = (1, 2, 3, 6, 12, 24, 60, 120)


def _ticks(low: float, high: float) -> list[tuple[float, str]]:
    """Calendar-aligned ticks, at most seven: days, weeks, months or years, labelled in ISO form."""
    start = dt.date(1970, 1, 1) + dt.timedelta(days=int(low // 1))
    for step in _STEPS_DAYS:
        if (high - low) / step <= 7:
            first = start + dt.timedelta(days=(-start.weekday()) % 7 if step >= 7 else 0)
            out = []
            day = first
            while days(day) <= high:
                if days(day) >= low:
                    out.append((days(day), day.isoformat()))
                day += dt.timedelta(days=step)
            return out
    for months in _STEPS_MONTHS:
        if (high - low) / (30.44 * months) <= 7:
            year, month = start.year, 1 if months >= 12 else start.month
            out = []
            while True:
                day = dt.date(year, month, 1)
                if days(day) > high:
                    return out
                if days(day) >= low and (month - 1) % min(months, 12) == 0 and (year % max(months // 12, 1) == 0):
                    out.append((days(day), day.isoformat()[: 4 if months >= 12 else 7]))
                month += 1
                if month > 12:
                    year, month = year + 1, 1
    return [(low, ""), (high, "")]


def axis_svg(svg_id: str, title: str, description: str, lanes: list[str], marks: list[Mark]) -> str:
    """One SVG time axis: the article's dates across every lane, each lane's marks on its row."""
    if not marks:
        return ""
    framing = [m for m in marks if m.stretch] or marks
    points = [m.start for m in framing] + [m.end for m in framing if m.end is not None]
    low, high = min(points), max(points)
    if high - low < 3:  # a few days at least, so a day is a visible width
        middle = (low + high) / 2
        low, high = middle - 1.5, middle + 1.5
    pad = (high - low) * 0.06
    low, high = low - pad, high + pad
    plot = _WIDTH - _GUTTER - _RIGHT
    height = _TOP + max(len(lanes), 1) * _LANE + _BOTTOM
    bottom = height - _BOTTOM

    def x(value: float) -> float:
        value = min(max(value, low), high)  # what the frame cuts off ends at its edge
        return round(_GUTTER + (value - low) / (high - low) * plot, 2)

    out = [
        f'<svg id="{svg_id}" viewBox="0 0 {_WIDTH} {height}" role="img" aria-labelledby="{svg_id}-t {svg_id}-d"'
        ' xmlns="http://www.w3.org/2000/svg" font-family="system-ui,sans-serif" font-size="11">',
        f'<title id="{svg_id}-t">{escape(title)}</title><desc id="{svg_id}-d">{escape(description)}</desc>',
    ]
    for lane, name in enumerate(lanes):
        y = _TOP + lane * _LANE
        fill = "#f5f5f8" if lane % 2 == 0 else "#ffffff"
        out.append(f'<rect x="{_GUTTER}" y="{y}" width="{plot}" height="{_LANE}" fill="{fill}"/>')
        out.append(
            f'<text x="{_GUTTER - 6}" y="{y + _LANE / 2 + 4}" text-anchor="end" fill="#1b1b1f">{escape(name)}</text>'
        )
    for at, label in _ticks(low, high):
        out.append(f'<line x1="{x(at)}" x2="{x(at)}" y1="{_TOP}" y2="{bottom + 4}" stroke="#c9c9d2"/>')
        out.append(f'<text x="{x(at)}" y="{bottom + 17}" text-anchor="middle" fill="#4a4a55">{label}</text>')
    out.append(f'<line x1="{_GUTTER}" x2="{_WIDTH - _RIGHT}" y1="{bottom}" y2="{bottom}" stroke="#4a4a55"/>')
    for mark in sorted(marks, key=lambda m: m.lane is not None):
        out.append(_mark(mark, x, bottom))
    out.append("</svg>")
    return "".join(out)


def _mark(mark: Mark, x: object, bottom: float) -> str:
    assert callable(x)
    color = STYLE[mark.kind][0]
    data = f'class="mark {mark.kind}" data-kind="{mark.kind}" data-when="{escape(mark.when)}"'
    if mark.embed is not None:
        data += f' data-embed="{mark.embed}"'
    tip = f"<title>{escape(mark.label)}</title>"
    left = x(mark.start)
    if mark.lane is None:  # the article's own dates: a band (its day) or a line (its time) over every lane
        if mark.end is not None:
            width = max(x(mark.end) - left, 2)
            dash = ' stroke-dasharray="4 3"' if mark.kind == "modified" else ""
            return (
                f'<g {data}><rect x="{left}" y="{_TOP}" width="{width}" height="{bottom - _TOP}" fill="{color}"'
                f' fill-opacity="0.12" stroke="{color}"{dash}/>'
                f'<text x="{left + 2}" y="{_TOP - 6}" fill="{color}">{"published" if mark.kind == "published" else "modified"}</text>{tip}</g>'
            )
        return (
            f'<g {data}><line x1="{left}" x2="{left}" y1="{_TOP}" y2="{bottom}" stroke="{color}" stroke-width="2"/>'
            f'<text x="{left + 2}" y="{_TOP - 6}" fill="{color}">{mark.kind}</text>{tip}</g>'
        )
    middle = _TOP + mark.lane * _LANE + _LANE / 2
    if mark.kind == "id-clock":
        r = 6
        spread = ""
        if mark.end is not None:  # an interpolated clock: its error bar
            spread = (
                f'<line x1="{left}" x2="{x(mark.end)}" y1="{middle}" y2="{middle}" stroke="{color}" stroke-width="2"/>'
            )
            left = (left + x(mark.end)) / 2
        return (
            f'<g {data}>{spread}<path d="M{left} {middle - r}L{left + r} {middle}L{left} {middle + r}L{left - r} {middle}Z"'
            f' fill="{color}" stroke="#fff"/>{tip}</g>'
        )
    end = x(mark.end) if mark.end is not None else left + 2
    width = max(end - left, 3)
    if mark.kind == "shown":
        return (
            f'<g {data}><rect x="{left}" y="{middle - 8}" width="{width}" height="16" fill="{color}" fill-opacity="0.25"'
            f' stroke="{color}" stroke-width="2"/>{tip}</g>'
        )
    dash = ' stroke-dasharray="3 2"' if mark.kind == "context-loose" else ""
    offset = 9 if mark.kind != "mention" else 0
    if width > 6:  # a gap between adjacent days, so two days named side by side read as two
        left, width = left + 1.5, width - 3
    return (
        f'<g {data}><rect x="{left}" y="{middle + offset - 3}" width="{width}" height="6" fill="{color}"'
        f' fill-opacity="{0.15 if dash else 0.6}" stroke="{color}"{dash}/>{tip}</g>'
    )


def legend(kinds: Iterable[str]) -> str:
    items = []
    for kind in kinds:
        color, words = STYLE[kind]
        if kind == "id-clock":
            shape = f'<path d="M14 0L20 6L14 12L8 6Z" fill="{color}"/>'
        elif kind == "shown":
            shape = f'<rect x="4" y="1" width="20" height="10" fill="{color}" fill-opacity="0.25" stroke="{color}" stroke-width="2"/>'
        elif kind == "captured":
            shape = f'<line x1="14" x2="14" y1="0" y2="12" stroke="{color}" stroke-width="2"/>'
        elif kind in ("published", "modified"):
            dash = ' stroke-dasharray="4 3"' if kind == "modified" else ""
            shape = (
                f'<rect x="4" y="0" width="20" height="12" fill="{color}" fill-opacity="0.12" stroke="{color}"{dash}/>'
            )
        else:
            dash = ' stroke-dasharray="3 2"' if kind == "context-loose" else ""
            shape = f'<rect x="2" y="3" width="24" height="6" fill="{color}" fill-opacity="{0.15 if dash else 0.6}" stroke="{color}"{dash}/>'
        items.append(f'<li><svg viewBox="0 0 28 12" aria-hidden="true">{shape}</svg> {escape(words)}</li>')
    return f'<ul class="legend">{"".join(items)}</ul>'


# --- rule pages --------------------------------------------------------------------------------

_INLINE = re.compile(r"`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)]+)\)")


def inline(text: str) -> str:
    """The inline Markdown rule pages use: code, bold, links (kept as text: a report travels alone)."""
    out, at = [], 0
    for match in _INLINE.finditer(text):
        out.append(escape(text[at : match.start()]))
        code, bold, label, _target = match.groups()
        if code is not None:
            out.append(f"<code>{escape(code)}</code>")
        elif bold is not None:
            out.append(f"<strong>{escape(bold)}</strong>")
        else:
            out.append(escape(label))
        at = match.end()
    out.append(escape(text[at:]))
    return "".join(out)


def sections(page: str) -> dict[str, str]:
    """A rule page's sections by heading ("What it checks", "Why it matters", ...), raw Markdown."""
    found: dict[str, list[str]] = {}
    current = ""
    for line in page.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            found[current] = []
        elif current:
            found[current].append(line)
    return {name: "\n".join(lines).strip() for name, lines in found.items()}


def markdown(text: str, heading_level: int) -> str:
    """The block Markdown of a rule page: headings, paragraphs, lists, indented code."""
    out: list[str] = []
    block: list[str] = []
    kind = ""

    def flush() -> None:
        nonlocal block, kind
        if not block:
            return
        if kind == "ul":
            items = "".join(f"<li>{inline(item)}</li>" for item in block)
            out.append(f"<ul>{items}</ul>")
        elif kind == "pre":
            out.append(f"<pre><code>{escape(chr(10).join(block))}</code></pre>")
        else:
            out.append(f"<p>{inline(' '.join(block))}</p>")
        block, kind = [], ""

    for line in text.splitlines():
        if line.startswith("#"):
            flush()
            level = len(line) - len(line.lstrip("#"))
            tag = min(heading_level + level - 1, 6)
            out.append(f"<h{tag}>{inline(line.lstrip('#').strip())}</h{tag}>")
        elif not line.strip():
            flush()
        elif line.startswith("- "):
            if kind != "ul":
                flush()
                kind = "ul"
            block.append(line[2:].strip())
        elif kind == "ul" and line.startswith("  "):
            block[-1] += " " + line.strip()
        elif line.startswith("    ") and kind in ("", "pre"):
            kind = "pre"
            block.append(line[4:])
        else:
            if kind == "ul":
                flush()
            block.append(line.strip())
    flush()
    return "".join(out)
