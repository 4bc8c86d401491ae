"""The HTML report: one self-contained page a reporter or editor opens from a CI artefact.

Each article: its publication and modified dates with their sources; each embed (platform, handle,
display name, shown date, the clock in its ID, the dates its neighbouring sentences name) drawn on
one SVG time axis; each finding beside its embed with its rule page's explanation and how to
silence it. After the articles, an index (counts per severity for each file, counts per rule,
sortable), the filter, and the pages of the rules that fired; a small inline script moves the
index to the top, filters by severity and rule, and shows the articles fifty at a time.

Streaming like every renderer: each article is written as it arrives; only its index row stays in
memory. The page asks for nothing over the network (its content security policy forbids it).
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any, TextIO

from citecheck.models import Embed, EvidenceEntry, Fact, FileReport, Finding, Summary
from citecheck.render import Renderer
from citecheck.render._page import Mark, axis_svg, days, legend, link, markdown, page_end, page_start, sections

SEVERITIES = ("error", "warning", "info")
PAGE_SIZE = 50
# Articles beyond this many are written as inert text, a page at a time, and built only when their
# page is shown (or a filter needs them): parsing is what a browser spends its time on, and 1,000
# articles (about 4 MB) open in about a second.
LIVE_ARTICLES = 1000


def platform_title(name: str) -> str:
    from citecheck.embeds import platform

    try:
        return platform(name).title
    except KeyError:
        return name


class _RulePages:
    """Each rule page read once per run, split into its sections."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}

    def page(self, code: str) -> str:
        if code not in self.pages:
            from citecheck.docs import rule_page

            try:
                self.pages[code] = rule_page(code)
            except KeyError:  # a code outside the catalogue (a newer report): no page
                self.pages[code] = f"# {code}\n"
        return self.pages[code]

    def section(self, code: str, name: str) -> str:
        return sections(self.page(code)).get(name, "")


def _when(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def embed_marks(embed: Embed, lane: int) -> list[Mark]:
    """The embed's dates on the axis: the day it shows, the clock in its ID, the days named nearby."""
    marks: list[Mark] = []
    who = f"embed {embed.index}"
    if embed.shown_time is not None:
        marks.append(
            Mark(
                "shown",
                days(embed.shown_time),
                None,
                f"{who} shows {_when(embed.shown_time)}",
                embed.shown_time.isoformat(),
                lane,
                embed.index,
            )
        )
    elif embed.shown_date is not None:
        shown = f"{who} shows {embed.shown_date}" + (f" ({embed.shown_date_text!r})" if embed.shown_date_text else "")
        start = days(embed.shown_date)
        marks.append(Mark("shown", start, start + 1, shown, embed.shown_date.isoformat(), lane, embed.index))
    if embed.id_time is not None:
        error = embed.id_clock.error_seconds / 86400 if embed.id_clock else 0.0
        at = days(embed.id_time)
        method = f" ({embed.id_clock.method})" if embed.id_clock else ""
        label = f"{who}: its post ID was made {_when(embed.id_time)}{method}"
        if error > 0.02:  # an interpolated clock: draw its error, not a false point
            label += f", within {embed.id_clock.error_seconds / 3600:.0f} h" if embed.id_clock else ""
            marks.append(Mark("id-clock", at - error, at + error, label, embed.id_time.isoformat(), lane, embed.index))
        else:
            marks.append(Mark("id-clock", at, None, label, embed.id_time.isoformat(), lane, embed.index))
    for named in embed.context_dates:
        if named.begin is None:
            continue
        last = named.last or named.begin
        span = str(named.begin) if last == named.begin else f"{named.begin} to {last}"
        kind = "context" if named.compared else "context-loose"
        label = f"{who}: the sentence {named.side} it says {named.text!r} = {span}"
        wide = (last - named.begin).days > 7
        mark = Mark(kind, days(named.begin), days(last) + 1, label, str(named.begin), lane, embed.index, not wide)
        marks.append(mark)
    return marks


def article_marks(report: FileReport) -> list[Mark]:
    marks = []
    for kind, date in (("published", report.published), ("modified", report.modified)):
        if date is None or (kind == "modified" and report.published and date.date == report.published.date):
            continue
        label = f"article {kind} {date.date} (from {date.source})"
        if date.datetime is not None:
            marks.append(
                Mark(
                    kind,
                    days(date.datetime),
                    None,
                    label.replace(str(date.date), _when(date.datetime)),
                    date.datetime.isoformat(),
                    None,
                )
            )
        else:
            start = days(date.date)
            marks.append(Mark(kind, start, start + 1, label, date.date.isoformat(), None))
    if report.capture is not None and report.capture.captured is not None:
        captured = report.capture.captured
        label = f"page captured {_when(captured)} (WARC-Date)"
        marks.append(Mark("captured", days(captured), None, label, captured.isoformat(), None))
    return marks


def embed_who(embed: Embed) -> str:
    handle = embed.handle or embed.url_handle
    return f"@{handle}" if handle else (embed.display_name or "")


def short(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def axis_figure(report: FileReport, number: int) -> str:
    marks = article_marks(report)
    lanes = []
    for lane, embed in enumerate(report.embeds):
        lanes.append(short(f"embed {embed.index} {embed_who(embed)}", 20))
        marks.extend(embed_marks(embed, lane))
    if not any(m.lane is not None for m in marks):
        return ""
    described = [m.label for m in sorted(marks, key=lambda m: m.start)]
    svg = axis_svg(
        f"axis-{number}",
        f"Time axis of {report.source}",
        "In time order: " + "; ".join(described) + ".",
        lanes,
        marks,
    )
    kinds = [
        k
        for k in ("published", "modified", "captured", "shown", "id-clock", "context", "context-loose")
        if any(m.kind == k for m in marks)
    ]
    return (
        f'<figure class="axis">{svg}<figcaption>Each embed on one time axis (UTC days): a mismatch shows as marks'
        f" apart. Hover a mark for its date.{legend(kinds)}</figcaption></figure>"
    )


def _facts(rows: list[tuple[str, str]]) -> str:
    return '<dl class="facts">' + "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows if value) + "</dl>"


def embed_card(embed: Embed, file_id: str) -> str:
    rows: list[tuple[str, str]] = [("Platform", escape(f"{platform_title(embed.platform)} ({embed.form})"))]
    if embed.handle or embed.url_handle:
        handle = escape(f"@{embed.handle or embed.url_handle}")
        if embed.handle and embed.url_handle and embed.handle.lower() != embed.url_handle.lower():
            handle += escape(f" (the post URL says @{embed.url_handle})")
        rows.append(("Handle", handle))
    rows.append(("Display name", escape(embed.display_name or "")))
    if embed.shown_time is not None:
        rows.append(
            (
                "Shown date",
                escape(
                    f"{_when(embed.shown_time)}" + (f" ({embed.shown_date_text!r})" if embed.shown_date_text else "")
                ),
            )
        )
    elif embed.shown_date is not None:
        language = f", {embed.shown_date_language}" if embed.shown_date_language else ""
        rows.append(("Shown date", escape(f"{embed.shown_date} ({embed.shown_date_text!r}{language})")))
    elif embed.shown_date_text:
        rows.append(("Shown date", escape(f"{embed.shown_date_text!r} (not readable as a date)")))
    else:
        rows.append(("Shown date", '<span class="none">none</span>'))
    if embed.post_id:
        rows.append(("Post ID", f'<span class="mono">{escape(embed.post_id)}</span>'))
    if embed.id_time is not None:
        method = (
            f" ({embed.id_clock.method}"
            + (f", ± {embed.id_clock.error_seconds / 3600:.1f} h)" if embed.id_clock.error_seconds >= 60 else ")")
            if embed.id_clock
            else ""
        )
        rows.append(("ID clock", escape(_when(embed.id_time) + method)))
    if embed.id_problem:
        rows.append(("ID problem", escape(embed.id_problem)))
    if embed.context_dates:
        named = "".join(
            f"<li>{escape(d.side)}: {escape(repr(d.text))} = {escape(str(d.begin) if d.last in (None, d.begin) else f'{d.begin} to {d.last}')}"
            f"{'' if d.compared else ' (not compared: too broad, or not before publication)'}"
            f"{f' (line {d.line})' if d.line else ''}</li>"
            for d in embed.context_dates
        )
        rows.append(("Dates nearby", f'<ul class="evidence">{named}</ul>'))
    rows.append(("Post", link(embed.post_url)))
    rows.append(("Location", escape(f"line {embed.location.line}, column {embed.location.column}")))
    text = f'<blockquote class="post">{escape(embed.text)}</blockquote>' if embed.text else ""
    title = f"Embed {embed.index} · {platform_title(embed.platform)} {embed_who(embed)}"
    return f'<div class="embed-card"><h4 id="{file_id}-e{embed.index}-h">{escape(title)}</h4>{_facts(rows)}{text}</div>'


def _evidence(evidence: dict[str, EvidenceEntry]) -> str:
    items = []
    for key, value in evidence.items():
        name = key.replace("_", " ")
        if isinstance(value, Fact):
            source = f" ← {value.source}" if value.source else ""
            items.append(f"<li>{escape(name)}: <strong>{escape(value.value)}</strong>{escape(source)}</li>")
        elif isinstance(value, list):
            if value:
                items.append(f"<li>{escape(name)}: {escape(', '.join(str(v) for v in value))}</li>")
        elif value is not None and value != "":
            items.append(f"<li>{escape(name)}: {escape(str(value))}</li>")
    return f'<ul class="evidence">{"".join(items)}</ul>' if items else ""


def finding_block(finding: Finding, pages: _RulePages) -> str:
    category = "suppressed" if finding.suppressed else finding.severity
    where = f"line {finding.location.line}, column {finding.location.column}" if finding.location else "the whole file"
    badge = f'<span class="badge {finding.severity}">{finding.severity}</span>'
    if finding.suppressed:
        badge += ' <span class="badge suppressed">suppressed</span>'
    why = pages.section(finding.rule, "Why it matters")
    silence = pages.section(finding.rule, "Silence it")
    return (
        f'<article class="finding {finding.severity}{" is-suppressed" if finding.suppressed else ""}"'
        f' data-cat="{category}" data-rule="{escape(finding.rule)}">'
        f"<h5>{badge} {escape(finding.rule)} {escape(finding.name)} <small>at {escape(where)}</small></h5>"
        f"<p>{escape(finding.message)}</p>{_evidence(finding.evidence)}"
        + (f'<div class="why"><strong>Why it matters:</strong> {markdown(why, 6)}</div>' if why else "")
        + (f'<div class="silence"><strong>Silence it:</strong> {markdown(silence, 6)}</div>' if silence else "")
        + f'<p><a href="#rule-{escape(finding.rule)}">The rule page of {escape(finding.rule)}</a></p></article>'
    )


def counts(findings: list[Finding]) -> dict[str, int]:
    found = {"error": 0, "warning": 0, "info": 0, "suppressed": 0}
    for finding in findings:
        found["suppressed" if finding.suppressed else finding.severity] += 1
    return found


def status_badges(report: FileReport, found: dict[str, int]) -> str:
    if report.kind is None:
        return '<span class="badge error">not read</span>'
    words = [
        f'<span class="badge {name}">{number} {name}{"s" if number != 1 and name != "suppressed" else ""}</span>'
        for name, number in found.items()
        if number
    ]
    if not any(found[s] for s in SEVERITIES):
        words.insert(0, f'<span class="badge clean">{"no embeds" if not report.embeds else "no problems found"}</span>')
    return " ".join(words)


def file_section(report: FileReport, number: int, pages: _RulePages) -> str:
    file_id = f"file-{number}"
    found = counts(report.findings)
    parts = [
        f'<section class="file" id="{file_id}" aria-labelledby="{file_id}-h">',
        f'<h3 id="{file_id}-h">{escape(report.source)}</h3><p>{status_badges(report, found)}</p>',
    ]
    facts: list[tuple[str, str]] = []
    for name, date in (("Published", report.published), ("Modified", report.modified)):
        if date is not None:
            when = _when(date.datetime) if date.datetime else str(date.date)
            detail = f", {date.detail}" if date.detail else ""
            misread = f"; {date.misread}" if date.misread else ""
            facts.append((name, escape(f"{when} (from {date.source}{detail}){misread}")))
    if report.published is None and report.kind is not None:
        facts.append(("Published", '<span class="none">no publication date found</span>'))
    if report.capture is not None and report.kind == "wordpress":  # a post of a saved list of posts
        capture = report.capture
        post_id = f", id {capture.record_id}" if capture.record_id else ""
        where = f"post {capture.offset}{post_id} of {capture.archive}"
        facts.append(("Post", escape(where) + (f", {link(capture.target_uri)}" if capture.target_uri else "")))
    elif report.capture is not None:
        capture = report.capture
        where = capture.archive + (f" ({capture.member})" if capture.member else "") + f" at offset {capture.offset}"
        when = f"{_when(capture.captured)}, " if capture.captured else ""
        facts.append(
            ("Captured", escape(f"{when}{where}") + (f", {link(capture.target_uri)}" if capture.target_uri else ""))
        )
    facts.append(("Embeds", str(len(report.embeds))))
    if report.notes:
        facts.append(
            ("Notes", '<ul class="evidence">' + "".join(f"<li>{escape(n)}</li>" for n in report.notes) + "</ul>")
        )
    parts.append(_facts(facts))
    parts.append(axis_figure(report, number))
    whole = [f for f in report.findings if f.embed is None or f.embed >= len(report.embeds)]
    if whole:
        parts.append(
            f'<div class="file-findings"><h4>About the whole article</h4>{"".join(finding_block(f, pages) for f in whole)}</div>'
        )
    if report.embeds:
        parts.append('<ol class="embeds">')
        for embed in report.embeds:
            mine = [f for f in report.findings if f.embed == embed.index]
            blocks = "".join(finding_block(f, pages) for f in mine) or '<p class="none">No findings for this embed.</p>'
            parts.append(
                f'<li class="embed" id="{file_id}-e{embed.index}" aria-labelledby="{file_id}-e{embed.index}-h">'
                f'{embed_card(embed, file_id)}<div class="embed-findings">{blocks}</div></li>'
            )
        parts.append("</ol>")
    parts.append("</section>\n")
    return "".join(parts)


_INDEX_COLUMNS = ("Embeds", "Errors", "Warnings", "Infos", "Suppressed")


class HtmlRenderer(Renderer):
    def __init__(self, out: TextIO, *, color: bool = False) -> None:
        super().__init__(out, color=color)
        from citecheck import __version__

        self.pages = _RulePages()
        self.rows: list[str] = []
        self.later: list[str] = []
        self.live_articles = LIVE_ARTICLES
        self.rules: dict[str, dict[str, Any]] = {}
        self.out.write(
            page_start("citecheck report", f"citecheck {__version__}: embeds checked against each article's chronology")
        )
        self.out.write('<section id="articles" aria-labelledby="articles-h"><h2 id="articles-h">Articles</h2>\n')

    def add(self, report: FileReport) -> None:
        number = len(self.rows) + 1
        section = file_section(report, number, self.pages)
        if number <= self.live_articles:
            self.out.write(section)
        else:
            self.later.append(section)
            if len(self.later) == PAGE_SIZE:
                self._write_later()
        found = counts(report.findings)
        cells = [len(report.embeds), found["error"], found["warning"], found["info"], found["suppressed"]]
        self.rows.append(
            f'<tr><td data-v="{number}"><a href="#file-{number}">{escape(report.source)}</a></td>'
            + "".join(f"<td>{value}</td>" for value in cells)
            + "</tr>"
        )
        for finding in report.findings:
            rule = self.rules.setdefault(
                finding.rule, {"name": finding.name, "severity": set(), "findings": 0, "suppressed": 0, "files": set()}
            )
            rule["severity"].add(finding.severity)
            rule["suppressed" if finding.suppressed else "findings"] += 1
            rule["files"].add(number)

    def _write_later(self) -> None:
        # Inert until shown: a <script> of another type is read as plain text. "</" cannot occur in
        # its text ("<" of the draft's own text is escaped, and the script puts "</" back).
        first = len(self.rows) - len(self.later) + 1
        text = "".join(self.later).replace("</", "<\\/")
        self.out.write(
            f'<script type="text/x-citecheck-articles" class="later" data-first="{first}"'
            f' data-count="{len(self.later)}">{text}</script>\n'
        )
        self.later = []

    def finish(self, summary: Summary) -> None:
        if self.later:
            self._write_later()
        self.out.write("</section>\n")
        self.out.write(self._index(summary))
        self.out.write(self._rule_pages())
        self.out.write(page_end(SCRIPT))

    def _index(self, summary: Summary) -> str:
        totals = [
            (summary.files, "article"),
            (summary.embeds, "embed"),
            (summary.errors, "error"),
            (summary.warnings, "warning"),
            (summary.infos, "info"),
            (summary.suppressed, "suppressed"),
        ]
        if summary.baselined:
            totals.append((summary.baselined, "left out by the baseline"))
        items = "".join(
            f"<li>{number} {word}{'s' if number != 1 and word in ('article', 'embed', 'error', 'warning', 'info') else ''}</li>"
            for number, word in totals
        )
        heads = "".join(
            f'<th scope="col" aria-sort="none"><button type="button">{name}</button></th>' for name in _INDEX_COLUMNS
        )
        files = (
            '<table class="index" id="file-index"><caption class="no-print">Every article, with its counts per severity.'
            " Sort by a column with its heading.</caption><thead><tr>"
            '<th scope="col" aria-sort="ascending"><button type="button">Article</button></th>'
            f"{heads}</tr></thead><tbody>{''.join(self.rows)}</tbody></table>"
        )
        rule_rows = []
        for code in sorted(self.rules):
            rule = self.rules[code]
            rule_rows.append(
                f'<tr><td data-v="{escape(code)}"><a href="#rule-{escape(code)}">{escape(code)} {escape(rule["name"])}</a></td>'
                f"<td>{escape(', '.join(sorted(rule['severity'])))}</td><td>{rule['findings']}</td>"
                f"<td>{rule['suppressed']}</td><td>{len(rule['files'])}</td></tr>"
            )
        rules = (
            '<table class="index" id="rule-index"><caption class="no-print">Findings per rule.</caption><thead><tr>'
            + "".join(
                f'<th scope="col" aria-sort="{"ascending" if i == 0 else "none"}"><button type="button">{name}</button></th>'
                for i, name in enumerate(("Rule", "Severity", "Findings", "Suppressed", "Articles"))
            )
            + f"</tr></thead><tbody>{''.join(rule_rows)}</tbody></table>"
            if rule_rows
            else '<p class="none">No findings.</p>'
        )
        severity_boxes = "".join(
            f'<label><input type="checkbox" name="cat" value="{name}" checked> {name}</label>'
            for name in ("error", "warning", "info", "suppressed")
        )
        rule_boxes = "".join(
            f'<label><input type="checkbox" name="rule" value="{escape(code)}" checked> {escape(code)}</label>'
            for code in sorted(self.rules)
        )
        controls = (
            '<form class="controls" id="controls" hidden aria-label="Filter the findings">'
            f"<fieldset><legend>Severity</legend>{severity_boxes}</fieldset>"
            + (f"<fieldset><legend>Rule</legend>{rule_boxes}</fieldset>" if rule_boxes else "")
            + '<fieldset><legend>Articles</legend><label><input type="checkbox" name="only" value="only">'
            " only those with a finding shown</label></fieldset>"
            '<p id="filter-status" role="status" aria-live="polite"></p>'
            '<nav class="pages" id="pages" aria-label="Pages of articles" hidden>'
            '<button type="button" data-step="-1">Previous page</button><span id="page-status"></span>'
            '<button type="button" data-step="1">Next page</button></nav></form>'
        )
        return (
            '<section id="index" aria-labelledby="index-h"><h2 id="index-h">Summary</h2>'
            f'<ul class="counts">{items}</ul>{controls}'
            f"<h3>Articles</h3>{files}<h3>Rules</h3>{rules}</section>\n"
        )

    def _rule_pages(self) -> str:
        if not self.rules:
            return ""
        pages = "".join(
            f'<div class="rule-page" id="rule-{escape(code)}">{markdown(self.pages.page(code), 3)}</div>'
            for code in sorted(self.rules)
        )
        return f'<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">The rules in this report</h2>{pages}</section>\n'


# The page's behaviour: index first, filter, pages of articles, sortable tables. Without the script
# everything is shown in document order, which is also what printing a single article needs.
SCRIPT = r"""
(function(){
"use strict";
var main=document.getElementById("main"),index=document.getElementById("index"),arts=document.getElementById("articles");
if(index&&arts){main.insertBefore(index,arts);}
var form=document.getElementById("controls");if(!form){return;}
form.hidden=false;
var PAGE=%PAGE%,page=0,shown=[],files=[],narrowed=false;
var later=Array.prototype.slice.call(document.querySelectorAll("script.later"));
var total=document.querySelectorAll("section.file").length;
later.forEach(function(c){total+=Number(c.dataset.count);});
var nav=document.getElementById("pages"),pstat=document.getElementById("page-status"),fstat=document.getElementById("filter-status");
function number(f){return Number(f.id.slice(5));}
function live(){files=Array.prototype.slice.call(document.querySelectorAll("section.file"));}
function build(c){if(!c.parentNode){return;}var t=document.createElement("template");t.innerHTML=c.textContent.replace(/<\\\//g,"</");c.parentNode.replaceChild(t.content,c);}
function buildWhere(test){later=later.filter(function(c){var a=Number(c.dataset.first),b=a+Number(c.dataset.count)-1;if(test(a,b)){build(c);return false;}return true;});live();}
function checked(name){var s={};form.querySelectorAll("input[name="+name+"]").forEach(function(i){if(i.checked){s[i.value]=1;}});return s;}
function filter(){
 var boxes=form.querySelectorAll("input[type=checkbox]"),only=form.querySelector("input[name=only]").checked;
 narrowed=only||Array.prototype.some.call(boxes,function(i){return i.name!=="only"&&!i.checked;});
 if(narrowed&&later.length){fstat.textContent="Reading every article\u2026";buildWhere(function(){return true;});}
 var cats=checked("cat"),rules=checked("rule"),n=0,anyRule=form.querySelector("input[name=rule]")!==null;
 shown=[];
 files.forEach(function(f){
  var any=false;
  f.querySelectorAll(".finding").forEach(function(x){
   var ok=!!cats[x.dataset.cat]&&(!anyRule||!!rules[x.dataset.rule]);
   x.classList.toggle("filtered",!ok);if(ok){any=true;n++;}
  });
  var keep=!only||any;f.classList.toggle("filtered",!keep);if(keep){shown.push(f);}
 });
 var of=narrowed?shown.length:total;
 fstat.textContent=narrowed?"Showing "+n+" finding"+(n===1?"":"s")+" in "+of+" of "+total+" article"+(total===1?"":"s")+".":"Showing all "+total+" article"+(total===1?"":"s")+" and their findings.";
 paginate();
}
function paginate(){
 var count=narrowed?shown.length:total,pages=Math.max(1,Math.ceil(count/PAGE));if(page>=pages){page=pages-1;}
 if(!narrowed&&later.length){buildWhere(function(a,b){return b>page*PAGE&&a<=(page+1)*PAGE;});shown=files;}
 files.forEach(function(f){f.classList.remove("off-page");});
 shown.forEach(function(f,i){var at=narrowed?i:number(f)-1;f.classList.toggle("off-page",Math.floor(at/PAGE)!==page);});
 nav.hidden=pages<2;
 nav.querySelector("[data-step='-1']").disabled=page===0;
 nav.querySelector("[data-step='1']").disabled=page>=pages-1;
 var first=count?page*PAGE+1:0,last=Math.min(count,(page+1)*PAGE);
 pstat.textContent="Articles "+first+"\u2013"+last+" of "+count+" (page "+(page+1)+" of "+pages+")";
}
form.addEventListener("change",function(){page=0;filter();});
form.addEventListener("submit",function(e){e.preventDefault();});
nav.addEventListener("click",function(e){var b=e.target.closest("button");if(!b){return;}page+=Number(b.dataset.step);paginate();arts.scrollIntoView();});
function reveal(){
 var id=decodeURIComponent(location.hash.slice(1));if(!id){return;}
 var t=document.getElementById(id),m=/^file-(\d+)/.exec(id);
 if(!t&&m){var want=Number(m[1]);buildWhere(function(a,b){return a<=want&&want<=b;});if(!narrowed){shown=files;}t=document.getElementById(id);}
 if(!t){return;}
 var f=t.closest?t.closest("section.file"):null;
 if(f){
  if(f.classList.contains("filtered")){form.querySelectorAll("input[type=checkbox]").forEach(function(i){i.checked=i.name!=="only";});filter();}
  var i=narrowed?shown.indexOf(f):number(f)-1;if(i>=0){page=Math.floor(i/PAGE);paginate();}
 }
 t.scrollIntoView();
}
window.addEventListener("hashchange",reveal);
document.querySelectorAll("table.index").forEach(function(table){
 var heads=table.querySelectorAll("th");
 heads.forEach(function(th,col){
  th.querySelector("button").addEventListener("click",function(){
   var up=th.getAttribute("aria-sort")!=="ascending";
   heads.forEach(function(h){h.setAttribute("aria-sort","none");});
   th.setAttribute("aria-sort",up?"ascending":"descending");
   var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
   function key(r){var c=r.cells[col];var v=c.dataset.v!==undefined&&col>0?c.dataset.v:c.textContent;var n=Number(v);return isNaN(n)||v===""?v:n;}
   rows.sort(function(a,b){var x=key(a),y=key(b);var r=(typeof x==="number"&&typeof y==="number")?x-y:String(x).localeCompare(String(y));return up?r:-r;});
   var frag=document.createDocumentFragment();rows.forEach(function(r){frag.appendChild(r);});body.appendChild(frag);
  });
 });
});
live();filter();reveal();
})();
""".replace("%PAGE%", str(PAGE_SIZE))
