"""The chronology stage: expressions found, typed and resolved as a careful reader would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from citecheck.load.timeml import read_timeml
from citecheck.models import Document, Paragraph, PublicationDate, TimeMention
from citecheck.timeline import find_mentions, tag_text, to_timeml

FIXTURES = Path(__file__).parent / "fixtures" / "timeline"
SHARED = Path(__file__).resolve().parents[2] / "shared"
PUBLISHED = dt.date(2025, 10, 27)  # a Monday


def mentions(text: str, published: dt.date | None = PUBLISHED) -> dict[str, TimeMention]:
    return {m.text: m for m in tag_text(text, published)}


def value_of(text: str, phrase: str, published: dt.date | None = PUBLISHED) -> str:
    found = mentions(text, published)
    assert phrase in found, f"{phrase!r} not tagged in {text!r}: {list(found)}"
    return found[phrase].value


def test_days_earlier_counts_back_from_the_last_date_mentioned() -> None:
    text = "The interview aired on Sunday. He had said so days earlier, and three days earlier he had denied it."
    found = mentions(text)
    vague = found["days earlier"]
    assert vague.anchor == "previous-mention"
    assert vague.anchor_value == "2025-10-26"
    assert vague.begin is not None and vague.last is not None
    assert vague.begin < dt.date(2025, 10, 22) < vague.last < dt.date(2025, 10, 26)
    exact = found["three days earlier"]
    assert (exact.value, exact.begin, exact.last) == ("2025-10-23", dt.date(2025, 10, 23), dt.date(2025, 10, 23))


def test_a_week_after_an_event_anchors_on_the_events_date() -> None:
    text = "The request came a week after the two men met on Oct. 17."
    week = mentions(text)["a week"]
    assert (week.type, week.value) == ("DURATION", "P1W")
    assert week.anchor_value == "2025-10-17"
    assert week.begin == week.last == dt.date(2025, 10, 24)


def test_unresolvable_without_publication_date() -> None:
    assert value_of("They met on Oct. 17.", "Oct. 17", None) == "XXXX-10-17"
    assert value_of("They met in March 2024.", "March 2024", None) == "2024-03"


def test_offsets_are_relative_to_the_text_plus_start_offset() -> None:
    text = "Filed Oct. 17."
    (mention,) = tag_text(text, PUBLISHED, start_offset=100)
    assert (mention.start, mention.end) == (106, 113)


def test_fixture_article_chronology() -> None:
    raw = (FIXTURES / "harbor_vote.txt").read_text(encoding="utf-8")
    text = raw.split(" ", 2)[2]
    found = [(m.text, m.value) for m in tag_text(text, PUBLISHED)]
    expected = [
        ("Sunday", "2025-10-26"),
        ("two weeks", "P2W"),
        ("Oct. 9", "2025-10-09"),
        ("Sept. 3, 2025", "2025-09-03"),
        ("Three days earlier", "2025-08-31"),
        ("next Friday", "2025-10-31"),
        ("weekly", "P1W"),
        ("the past three years", "P3Y"),
        ("Last week", "2025-W43"),
        ("Oct. 17-19", "2025-10-17"),
        ("December", "2025-12"),
        ("the third quarter", "2025-Q3"),
        ("the 1990s", "199"),
        ("yesterday", "2025-10-26"),
    ]
    assert found == expected


def document(paragraphs: list[str], published: dt.date | None) -> Document:
    return Document(
        source="draft.txt",
        kind="text",
        text="\n\n".join(paragraphs),
        paragraphs=[Paragraph(index=i, text=t, line=1 + 2 * i) for i, t in enumerate(paragraphs)],
        published=PublicationDate(date=published, source="header") if published else None,
    )


def test_find_mentions_carries_the_narrative_across_paragraphs() -> None:
    doc = document(["The vote came on Sunday.", "Nothing new.", "Days earlier, the mayor had objected."], PUBLISHED)
    found = find_mentions(doc)
    assert [(m.paragraph, m.text) for m in found] == [(0, "Sunday"), (2, "Days earlier")]
    assert found[1].anchor_value == "2025-10-26"
    assert found[1].location == doc.paragraphs[2].location
    assert (found[0].start, found[0].end) == (17, 23)  # offsets into the paragraph's text


def test_find_mentions_on_chosen_paragraphs_only() -> None:
    doc = document(["On Oct. 17 they met.", "Yesterday they spoke.", "In 1998 it began."], PUBLISHED)
    assert [m.paragraph for m in find_mentions(doc, paragraphs=[1])] == [1]


def test_timeml_output_is_tempeval_style_and_round_trips() -> None:
    text = "Talks <collapsed> on Oct. 17 & resumed yesterday."
    found = tag_text(text, PUBLISHED)
    xml = to_timeml(text, found, PUBLISHED)
    assert '<DCT><TIMEX3 tid="t0" type="DATE" value="2025-10-27"' in xml
    assert 'functionInDocument="CREATION_TIME"' in xml
    assert "&lt;collapsed&gt;" in xml and "&amp;" in xml
    parsed = read_timeml(xml)
    assert parsed.text == text
    assert parsed.dct == PUBLISHED
    assert [(t.start, t.end, t.value) for t in parsed.timexes] == [(m.start, m.end, m.value) for m in found]


SEED = SHARED / "seed" / "000_c897fcf79e1402cc.txt"


@pytest.mark.corpus
def test_seed_article_chronology() -> None:
    if not SEED.exists():
        pytest.skip("../shared/seed is absent")
    text = SEED.read_text(encoding="utf-8")
    found = tag_text(text, PUBLISHED)
    by_text: dict[str, list[TimeMention]] = {}
    for m in found:
        by_text.setdefault(m.text, []).append(m)
    assert {m.value for m in by_text["Sunday"]} == {"2025-10-26"}
    assert {m.value for m in by_text["Oct. 17"]} == {"2025-10-17"}
    assert [m.value for m in by_text["last week"]] == ["2025-W43"]
    (earlier,) = by_text["days earlier"]
    assert earlier.anchor_value == "2025-10-26"
    assert earlier.begin is not None and earlier.last is not None
    assert earlier.begin <= dt.date(2025, 10, 22) <= earlier.last < dt.date(2025, 10, 26)


TBAQ = SHARED / "temporal" / "TBAQ-cleaned"


@pytest.mark.corpus
def test_tbaq_reader_and_a_floor_on_quality() -> None:
    if not TBAQ.is_dir():
        pytest.skip("../shared/temporal is absent")
    files = sorted(TBAQ.rglob("*.tml"))[:40]
    gold = found = 0
    for path in files:
        doc = read_timeml(path.read_text(encoding="utf-8"))
        system = tag_text(doc.text, doc.dct)
        gold += len(doc.timexes)
        found += sum(any(m.start < g.end and g.start < m.end for m in system) for g in doc.timexes)
    assert gold > 0
    assert found / gold > 0.85


def test_mentions_in_plain_text_carry_their_own_line_and_column(tmp_path: Path) -> None:
    from citecheck.load import load

    article = tmp_path / "a.txt"
    article.write_text("date 2025-10-27\nFirst paragraph.\n\nThe vote came on Oct. 17 after a long week.\n")
    (mention,) = [m for m in find_mentions(load(str(article))) if m.text == "Oct. 17"]
    assert mention.location is not None
    assert (mention.location.line, mention.location.column) == (4, 18)


def test_timeline_reads_timeml_and_writes_it_back_with_the_same_text() -> None:
    import subprocess
    import sys

    from citecheck.load.timeml import read_timeml

    source = Path(__file__).parent / "fixtures" / "timeline" / "council.tml"
    result = subprocess.run(
        [sys.executable, "-m", "citecheck", "timeline", str(source), "--format", "timeml"],
        capture_output=True,
        text=True,
        check=True,
    )
    ours, gold = read_timeml(result.stdout), read_timeml(source.read_text(encoding="utf-8"))
    assert ours.text == gold.text  # the scorer aligns by the text: not a character may move
    assert (ours.docid, ours.dct) == ("MILLBROOK20240605.0001", dt.date(2024, 6, 5))
    assert [(ours.text[t.start : t.end], t.value) for t in ours.timexes] == [
        ("Tuesday", "2024-06-04"),
        ("June 2", "2024-06-02"),
        ("the end of the year", "2024"),
    ]
