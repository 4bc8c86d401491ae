"""Resolution across sentences: narrative anchors, comparisons, ranges, what a case table cannot say
(the phrase-to-value cases are in tests/timeline_cases.py).

Every sentence here is written for the test; none comes from the TempEval data.
"""

from __future__ import annotations

import datetime as dt

import pytest

from citecheck.models import TimeMention
from citecheck.timeline import tag_text

MONDAY = dt.date(2025, 10, 27)
FRIDAY = dt.date(2025, 10, 31)


def found(text: str, published: dt.date = MONDAY) -> dict[str, TimeMention]:
    return {m.text: m for m in tag_text(text, published)}


def value_of(text: str, phrase: str, published: dt.date = MONDAY) -> str:
    mentions = found(text, published)
    assert phrase in mentions, f"{phrase!r} not tagged in {text!r}: {list(mentions)}"
    return mentions[phrase].value


# --- comparisons do not move the narrative -------------------------------------------------------


def test_year_ago_comparisons_do_not_chain() -> None:
    text = (
        "The dairy lost $2 million in the third quarter, against a profit a year ago. "
        "Sales were $40 million, up from $38 million a year earlier."
    )
    mentions = tag_text(text, dt.date(2025, 10, 27))
    assert [(m.text, m.value) for m in mentions] == [
        ("the third quarter", "2025-Q3"),
        ("a year ago", "2024-Q3"),
        ("a year earlier", "2024-Q3"),
    ]


def test_year_ago_period_uses_the_quarter_reported_on() -> None:
    text = (
        "The mill earned $3 million in the quarter ended Sept. 30. "
        "In the year-ago quarter it earned $2 million. The year-ago results included a gain."
    )
    values = {m.text: m.value for m in tag_text(text, dt.date(2025, 10, 27))}
    assert values["the year-ago quarter"] == "2024-Q3"
    assert values["The year-ago results"] == "2024-Q3"


def test_year_ago_without_a_quarter_is_the_year() -> None:
    text = "The town has 13 clinics, up from seven a year ago."
    assert value_of(text, "a year ago") == "2024"


# --- holidays, spelled-out years, weeks named by a day ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A Christmas tree stood in the square.",
        "They flew to Easter Island.",
        "Thanksgiving dinner was cancelled.",
        "Nineteen people were hurt.",
        "She was nineteen-year-old champion.",
    ],
)
def test_holiday_names_and_number_words_that_are_not_dates(text: str) -> None:
    assert [m.type for m in tag_text(text, MONDAY) if m.type == "DATE"] == []


# --- weekdays counted from the narrative ---------------------------------------------------------


def test_previous_weekday_counts_from_the_narratives_day() -> None:
    text = "The index closed lower Friday, down 4% from the previous Friday."
    values = {m.text: m.value for m in tag_text(text, MONDAY)}
    assert values == {"Friday": "2025-10-24", "the previous Friday": "2025-10-17"}


def test_following_weekday_and_earlier_weekday() -> None:
    text = "The jury met on Oct. 8. The verdict came the following Monday. Earlier Sunday, crowds gathered."
    values = {m.text: m.value for m in tag_text(text, MONDAY)}
    assert values["the following Monday"] == "2025-10-13"
    # "Earlier" is the clause's adverb: TimeML leaves it outside the expression
    assert values["Sunday"] == "2025-10-26"


def test_overnight_is_the_night_before_the_narratives_day() -> None:
    text = "Shares fell Friday after overnight losses in Tokyo."
    values = {m.text: m.value for m in tag_text(text, MONDAY)}
    assert values["overnight"] == "2025-10-23TNI"


# --- "since <day>" -------------------------------------------------------------------------------


def test_since_a_day_means_everything_after_it() -> None:
    published = dt.date(2025, 12, 12)
    (since,) = tag_text("The mayor has held two briefings since Election Day.", published)
    assert (since.value, since.begin, since.last) == ("2025-11-04", dt.date(2025, 11, 4), published)
    (base,) = tag_text("The index is down 6% from Oct. 13.", published)
    assert (base.begin, base.last) == (dt.date(2025, 10, 13), published)


def test_a_range_from_one_day_to_another_stays_two_days() -> None:
    first, second = tag_text("The fair ran from Oct. 3 to Oct. 9.", dt.date(2025, 12, 12))
    assert (first.begin, first.last) == (dt.date(2025, 10, 3), dt.date(2025, 10, 3))
    assert (second.begin, second.last) == (dt.date(2025, 10, 9), dt.date(2025, 10, 9))


def test_since_does_not_move_the_narrative_anchor() -> None:
    text = "Prices have doubled since Oct. 3. Three days earlier, the mill had closed."
    values = {m.text: m.value for m in tag_text(text, dt.date(2025, 12, 12))}
    assert values["Three days earlier"] == "2025-09-30"


def test_the_day_before_an_event_in_apposition_restates_the_date() -> None:
    text = "Shares peaked on Oct. 9, the day before the profit warning, and fell for a week."
    assert value_of(text, "the day") == "2025-10-09"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a preposition "over" and the adverbs "just"/"only" stay outside the expression
        ("Rents rose over the past three years.", "the past three years"),
        ("The ferry left just two hours later.", "two hours"),
        ("The strike lasted only six days.", "six days"),
        # "Later Thursday" / "Earlier Friday": the adverb belongs to the clause
        ("Later Thursday, the council met again.", "Thursday"),
    ],
)
def test_extents_leave_prepositions_and_adverbs_out(text: str, phrase: str) -> None:
    assert phrase in found(text)


def test_last_year_in_a_comparison_of_quarterly_results_is_that_quarter_a_year_back() -> None:
    text = (
        "The brewer earned $40 million in the third quarter, compared with $31 million last year."
        " Last year the brewer also closed two plants."
    )
    mentions = tag_text(text, MONDAY)
    assert [m.value for m in mentions if m.text.lower() == "last year"] == ["2024-Q3", "2024"]


def test_the_nine_months_leave_the_reported_quarter() -> None:
    text = (
        "The brewer earned $40 million in the third quarter. For the nine months, it earned $90 million,"
        " against $70 million a year earlier."
    )
    assert value_of(text, "a year earlier") == "2024"


def test_a_sentence_ending_just_before_a_date_gives_it_no_tense() -> None:
    # the previous sentence's "will" must not make Friday a coming day
    text = "The board will meet again in spring. Friday the chairman resigned."
    assert value_of(text, "Friday") == "2025-10-24"


# --- reported periods named by their last day; terms running on ------------------------------------


def test_a_year_earlier_than_a_period_named_by_its_last_day_is_that_day_a_year_back() -> None:
    text = (
        "For the 24 weeks ended Sept. 6, the grocer earned $12 million, against $15 million a year earlier."
        " The grocer opened nine stores."
    )
    mentions = tag_text(text, MONDAY)
    assert [(m.text, m.value) for m in mentions][-2:] == [("Sept. 6", "2025-09-06"), ("a year earlier", "2024-09-06")]
    # without a period ending on that day, the comparison stays at the year
    assert value_of("On Sept. 6 the grocer had 80 stores, against 71 a year earlier.", "a year earlier") == "2024"


def test_a_comparison_day_does_not_move_the_narrative() -> None:
    text = (
        "For the quarter ended Sept. 30, the insurer earned $4 million, up from $3 million a year earlier."
        " Three days later it named a new chief."
    )
    mentions = {m.text: m for m in tag_text(text, MONDAY)}
    assert mentions["a year earlier"].value == "2024-09-30"
    assert mentions["Three days"].begin == dt.date(2025, 10, 3)  # counted from Sept. 30, 2025


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a present perfect carries the term past publication: the coming January
        ("A group of banks has extended the chain a credit line through January.", "2026-01"),
        ("The regulator has now postponed the ruling until February.", "2026-02"),
        # a simple past or pluperfect accumulates up to a month gone
        ("The fund had bought 40,000 shares through September.", "2025-09"),
        ("Exports rose 4% this year through August.", "2025-08"),
    ],
)
def test_a_term_running_through_a_month(text: str, value: str) -> None:
    mentions = [m for m in tag_text(text, MONDAY) if m.type == "DATE" and "this year" not in m.text]
    assert mentions[-1].value == value


def test_a_quarter_in_apposition_to_the_year_ago_quarter_is_a_year_back() -> None:
    text = (
        "The chain lost $3 million in its fiscal second quarter. In the year-ago quarter, the second"
        " quarter ended Aug. 31, it had earned $1 million."
    )
    values = [(m.text, m.value) for m in tag_text(text, MONDAY)]
    assert values[1:] == [
        ("the year-ago quarter", "2024-Q2"),
        ("the second quarter", "2024-Q2"),
        ("Aug. 31", "2024-08-31"),
    ]


def test_an_infinitive_is_no_scheduled_present() -> None:
    # "to meet" is governed by the past "made": the summer gone, not the next one
    text = "Shortages made it hard for the bakery to meet orders well into the summer."
    assert value_of(text, "the summer") == "2025-SU"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the month right after publication's, in a past-tense sentence: the coming one
        ("Wholesalers placed large orders for November deliveries.", "2025-11"),
        # two months or more ahead, a past tense still means the last one
        ("The co-op switched to a calendar year in December.", "2024-12"),
        ("The co-op switched to a calendar year in March.", "2025-03"),
    ],
)
def test_past_tense_month_just_ahead(text: str, value: str) -> None:
    (mention,) = tag_text(text, MONDAY)
    assert mention.value == value


def test_easter_week_needs_no_preposition() -> None:
    assert value_of("Pilgrims gathered as Easter week began.", "Easter week", dt.date(2025, 4, 22)) == "2025-W16"


def test_the_latest_period_is_the_reported_quarter() -> None:
    text = "The grocer earned $5 million in its fiscal fourth quarter. The latest period includes a gain of $1 million."
    assert value_of(text, "The latest period") == "2025-Q4"
    # with no quarter reported, the quarter just ended; "includes" is no unit of length
    assert value_of("The latest period includes a charge.", "The latest period") == "2025-Q3"


# --- second newswire set (benchmarks/newswire_tml): rules its first run led to --------------------
# MONDAY is 2025-10-27; the sentences are new, written for this test.


def test_minutes_of_a_meeting_and_restated_clock_times_are_no_times() -> None:
    assert "minutes" not in found("The bank will publish the minutes of its meeting on Wednesday.")
    tagged = found("The blast came at 10:35 a.m. (0735 GMT) on Friday.")
    assert not any("0735" in phrase for phrase in tagged)
    assert tagged["Friday"].value == "2025-10-24"


def test_overnight_after_yesterday_is_last_night() -> None:
    text = "The river burst its banks on Sunday morning. More rain fell overnight."
    values = {m.text: m.value for m in tag_text(text, MONDAY)}
    assert values["overnight"] == "2025-10-26TNI"


def test_a_week_later_moves_the_narrative_though_tagged_as_a_duration() -> None:
    text = "The court ruled on 29 July. Bulldozers arrived a week later; lawyers won an injunction the following day."
    values = {m.text: m.value for m in tag_text(text, dt.date(2025, 8, 17))}
    assert values["a week"] == "P1W"
    assert values["the following day"] == "2025-08-06"


def test_seasons_of_the_narrative_and_seasons_that_name_things() -> None:
    text = "She first came in 1971. That summer she counted newts. The following spring she returned."
    values = {m.text: m.value for m in tag_text(text, MONDAY)}
    assert values["That summer"] == "1971-SU"
    assert values["The following spring"] == "1972-SP"
    assert not any("winter" in phrase for phrase in found("A powerful winter storm hit; drivers lacked winter tires."))


def test_street_blocks_are_no_years() -> None:
    assert "1800" not in found("A resident of the 1800 block of Linden Avenue called police.")
