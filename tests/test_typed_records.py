"""The report's records are typed: an embed's form is one of a closed list, and a finding's
evidence holds facts (what was seen, where it was read) that keep the report's JSON as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

import pytest
from pydantic import ValidationError

from citecheck.config import Settings
from citecheck.models import ElementForm, Embed, EmbedForm, Fact, FileReport, Finding, HeldForm, Location
from citecheck.pipeline import check_paths

from helpers import ROOT


def _all(literal: object) -> set[str]:
    """The strings of a Literal, nested ones included."""
    values: set[str] = set()
    for arg in get_args(literal):
        values |= _all(arg) if get_args(arg) else {arg}
    return values


FORMS = _all(EmbedForm)


@pytest.mark.parametrize("form", ["blockquote", "flattened-text", "iframe-in-placeholder", "amp-in-script"])
def test_an_embed_takes_a_form_of_the_list(form: str) -> None:
    assert Embed(index=0, platform="twitter", form=form, location=Location(line=1, column=1)).form == form


@pytest.mark.parametrize("form", ["blockqoute", "bare_url", "blockquote-in-scirpt", "code-in-script", "", "Iframe"])
def test_an_embed_with_a_form_not_in_the_list_is_rejected(form: str) -> None:
    with pytest.raises(ValidationError, match="form"):
        Embed(index=0, platform="twitter", form=form, location=Location(line=1, column=1))


def test_every_element_form_can_be_held_in_a_script_or_a_placeholder() -> None:
    # The extract stage names a code kept as text "<element form>-in-<where>": each must be a form.
    element = _all(ElementForm)
    assert _all(HeldForm) == {f"{form}-in-{where}" for form in element for where in ("script", "placeholder")}
    assert element | _all(HeldForm) | {"placeholder", "flattened-text", "bare-url"} == FORMS


def test_the_schema_lists_the_forms() -> None:
    schema = FileReport.model_json_schema()
    assert set(schema["$defs"]["Embed"]["properties"]["form"]["enum"]) == FORMS


def test_the_fixtures_forms_are_all_in_the_list() -> None:
    # Every form the platform files produce on the project's fixtures, which hold each platform's codes.
    sources = sorted(str(p) for p in (ROOT / "tests" / "fixtures" / "platforms").iterdir())
    seen = {embed.form for report in check_paths(sources, Settings(), jobs=1) for embed in report.embeds}
    assert {"blockquote", "iframe", "amp", "bare-url", "flattened-text", "blockquote-in-placeholder"} <= seen
    assert seen <= FORMS


def _finding(**evidence: object) -> Finding:
    return Finding(rule="CC201", name="embed-after-publication", severity="error", message="m", evidence=evidence)


def test_a_fact_is_written_as_value_and_source_and_its_details_only_when_given() -> None:
    finding = _finding(
        post_time=Fact(value="2025-03-12T14:05:00+00:00", source="the snowflake clock in post ID 1"),
        shown=Fact(value="2025-10-03", text=None, source="the embed"),
        context_date=Fact(value="2025-W10", source="'last week'", begin="2025-03-03", last="2025-03-09"),
        endpoint=Fact(value="mara", source=None),
    )
    written = json.loads(finding.model_dump_json())["evidence"]
    assert list(written["post_time"]) == ["value", "source"]
    assert list(written["shown"]) == ["value", "text", "source"]  # given, even as null: CC305's shape
    assert list(written["context_date"]) == ["value", "source", "begin", "last"]
    assert written["endpoint"] == {"value": "mara", "source": None}


def test_evidence_round_trips_facts_as_facts_and_other_values_as_they_are() -> None:
    finding = _finding(
        published=Fact(value="2025-03-09", source="meta: <meta name=date>"),
        shown=Fact(value="2025-10-03", text="October 3, 2025", source="the embed"),
        other_mentions=["Monday", "last week"],
        platform={"status": "exists", "endpoint": "https://cdn.syndication.twimg.com"},
        changes=[{"kind": "word", "shown": "wired", "post": "wireless"}],
        tolerance_seconds=86400.0,
        renamed=True,
        lang=None,
    )
    read = Finding.model_validate_json(finding.model_dump_json())
    assert read.evidence == finding.evidence
    assert isinstance(read.evidence["published"], Fact) and isinstance(read.evidence["shown"], Fact)
    assert read.evidence["platform"] == {"status": "exists", "endpoint": "https://cdn.syndication.twimg.com"}
    assert read.model_dump_json() == finding.model_dump_json()


def test_a_fact_written_by_hand_becomes_a_fact_and_an_unknown_shape_stays_a_dict() -> None:
    finding = _finding(
        published={"value": "2025-03-09", "source": "meta"},
        odd={"value": "x", "source": "y", "weight": 3},  # not a fact: kept whole, not trimmed to one
    )
    assert finding.evidence["published"] == Fact(value="2025-03-09", source="meta")
    assert finding.evidence["odd"] == {"value": "x", "source": "y", "weight": 3}


def test_a_fact_is_a_value() -> None:
    fact = Fact(value="2025-03-09", source="meta")
    with pytest.raises(ValidationError):
        fact.value = "2025-03-10"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Fact(value="2025-03-09", source="meta", sauce="typo")  # type: ignore[call-arg]


def test_reports_of_the_fixtures_read_back_byte_for_byte(tmp_path: Path) -> None:
    # --resume and the job summary read reports back: their facts must write out as they were read.
    sources = sorted(str(p) for p in (ROOT / "tests" / "fixtures").rglob("*") if p.suffix in (".html", ".md", ".txt"))
    reports = list(check_paths(sources, Settings(), jobs=1))
    facts = [v for r in reports for f in r.findings for v in f.evidence.values() if isinstance(v, Fact)]
    assert len(facts) >= 20  # the fixtures' CC103, CC201, CC202, CC204 findings carry facts
    for report in reports:
        written = report.model_dump_json()
        assert FileReport.model_validate_json(written).model_dump_json() == written, report.source


# -- In-process records: slotted dataclasses, frozen where they are values --------------------------


def _records() -> list[tuple[type, bool]]:
    from citecheck.cluster import Task
    from citecheck.embeds import _Found
    from citecheck.embeds._shown_dates import ShownDate
    from citecheck.load.archive import ArchivedPage
    from citecheck.load.patterns import PathPattern
    from citecheck.load.timeml import GoldTimex, TimeMLDocument
    from citecheck.load.wordpress import ListedPost
    from citecheck.lookup._common import Session
    from citecheck.lookup.cache import CachedResponse
    from citecheck.lookup.http import Response
    from citecheck.render._page import Mark
    from citecheck.rules import Context
    from citecheck.rules.catalogue import Rule
    from citecheck.rules.quote import Change, QuoteDifference
    from citecheck.run import CheckOptions
    from citecheck.timeline.calendar import Period
    from citecheck.timeline.scoring import Comparison

    values = [Task, ShownDate, ArchivedPage, PathPattern, GoldTimex, TimeMLDocument, ListedPost, CachedResponse]
    values += [Response, Rule, Change, QuoteDifference, CheckOptions, Period, Comparison]
    return [(cls, True) for cls in values] + [(cls, False) for cls in (_Found, Session, Mark, Context)]


@pytest.mark.parametrize(("record", "frozen"), _records(), ids=lambda value: getattr(value, "__name__", str(value)))
def test_records_are_slotted_dataclasses_frozen_where_they_are_values(record: type, frozen: bool) -> None:
    import dataclasses

    assert dataclasses.is_dataclass(record)
    assert "__slots__" in vars(record) and "__dict__" not in vars(record)  # no stray attribute can be set
    assert record.__dataclass_params__.frozen is frozen  # type: ignore[attr-defined]


def test_records_that_cross_processes_pickle_whole() -> None:
    import datetime as dt
    import pickle

    from citecheck.cluster import Task
    from citecheck.load.archive import ArchivedPage
    from citecheck.load.wordpress import ListedPost
    from citecheck.models import Capture
    from citecheck.timeline.calendar import Period

    capture = Capture(archive="crawl.warc.gz", offset=120, captured=dt.datetime(2025, 3, 10, tzinfo=dt.timezone.utc))
    records = [
        Task(settings=Settings(), sources=("a.html", "b.md")),
        ArchivedPage(capture=capture, data=b"<p>x</p>", charset="utf-8"),
        ListedPost(capture=capture, post={"id": 1}, notes=("note",)),
        Period("2025-03", dt.date(2025, 3, 1), dt.date(2025, 3, 31), "month"),
    ]
    for record in records:
        assert pickle.loads(pickle.dumps(record)) == record
    with pytest.raises(AttributeError):
        records[3].grain = "day"  # type: ignore[misc]
