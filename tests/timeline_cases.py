"""The chronology's cases, one a line, grouped by the kind of expression (the resolver family that
reads it), each with the rule it shows and the batch it came from: "first rules" and "TBAQ
rounds" were written while tuning on TimeBank/AQUAINT, "newswire N" after the first run on batch
N of the newswire set (tests/fixtures/timeline/newswire), "rule examples" when a rule's examples
(languages/en.py) were first tested. Every sentence is written for the tests.

Add a case to the kind it belongs to; ``tests/test_timeline_cases.py`` runs them all.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

MONDAY = dt.date(2025, 10, 27)


class Case(NamedTuple):
    kind: str  # the rule (of languages/en.py) that matches the phrase
    rule: str  # what the case shows
    batch: str  # where the rule came from
    text: str
    phrase: str
    value: str
    published: dt.date = MONDAY
    type: str | None = None  # the TIMEX3 type, where the case is about it


class NotATime(NamedTuple):
    rule: str
    batch: str
    text: str  # tagged with nothing at all


# One case a line: kind, rule, batch, text, phrase, value[, published[, type]].
# fmt: off
CASES: list[Case] = [
    # --- days --------------------------------------------------------------------------------------
    Case('iso', 'dates against publication', 'first rules', 'The filing is dated 2025-10-17.', '2025-10-17', '2025-10-17'),
    Case('month_day', 'dates against publication', 'first rules', 'They met on Oct. 17.', 'Oct. 17', '2025-10-17'),
    Case('month_day', 'dates against publication', 'first rules', 'It was signed Sept. 3, 2025, in Kyiv.', 'Sept. 3, 2025', '2025-09-03'),
    Case('month_day', 'dates against publication', 'first rules', 'The festival ran Oct. 17-19 downtown.', 'Oct. 17-19', '2025-10-17'),
    Case('month_day', 'dates against publication', 'first rules', 'The post went up October 17, 2025.', 'October 17, 2025', '2025-10-17'),
    Case('month_day', 'tense cues', 'TBAQ rounds', 'The new tariff, approved by the board, takes hold effective Feb. 1.', 'Feb. 1', '2026-02-01'),
    Case('month_day', 'tense cues', 'TBAQ rounds', 'She will be sworn in on January 20.', 'January 20', '2026-01-20', dt.date(2025, 12, 5)),
    Case('month_day', 'tense cues', 'TBAQ rounds', 'The search has gone on since shortly after the Aug. 2 fire.', 'Aug. 2', '2025-08-02', dt.date(2026, 2, 10)),
    Case('month_day', 'deadlines and irregular pasts', 'TBAQ rounds', 'The index stayed near the record set on Aug. 6.', 'Aug. 6', '2025-08-06', dt.date(2026, 2, 6)),
    Case('day_month', 'dates against publication', 'first rules', 'He arrived on 17 October and left.', '17 October', '2025-10-17'),
    Case('day_month', 'newswire set rules', 'newswire 2', 'Arrivals have tripled since 1 January.', '1 January', '2025-01-01', dt.date(2025, 12, 29)),
    Case('day_month', 'newswire set rules', 'newswire 2', 'Politicians promised homes while campaigning ahead of the 4 March election.', '4 March', '2025-03-04', dt.date(2025, 8, 17)),
    Case('week_of', 'holidays, spelled years, weeks', 'TBAQ rounds', 'Hearings are set for the week of March 6.', 'the week of March 6', '2026-W10', dt.date(2026, 2, 20)),
    Case('named_day', 'dates against publication', 'first rules', 'It happened yesterday.', 'yesterday', '2025-10-26'),
    Case('named_day', 'dates against publication', 'first rules', 'It happens today.', 'today', '2025-10-27'),
    Case('weekday', 'dates against publication', 'first rules', 'She spoke on Sunday.', 'Sunday', '2025-10-26'),
    Case('weekday', 'dates against publication', 'first rules', 'He will speak on Sunday.', 'Sunday', '2025-11-02'),
    Case('weekday', 'dates against publication', 'first rules', 'They meet next Friday.', 'next Friday', '2025-10-31'),
    Case('weekday', 'dates against publication', 'first rules', 'The game is this coming Saturday.', 'this coming Saturday', '2025-11-01'),
    Case('weekday', 'tense cues', 'TBAQ rounds', 'The council will vote Friday on the plan.', 'Friday', '2025-10-31', dt.date(2025, 10, 31)),
    Case('weekday', 'tense cues', 'TBAQ rounds', 'Volunteers planned a parade in the old town on Saturday.', 'Saturday', '2025-11-01'),
    Case('weekday', 'tense cues', 'TBAQ rounds', 'The envoy would be flying to the United Kingdom Thursday.', 'Thursday', '2025-10-30'),
    Case('weekday', 'tense cues', 'TBAQ rounds', 'Two stalls burned in the market next to the station on Saturday.', 'Saturday', '2025-10-25'),
    Case('weekday', 'tense cues', 'TBAQ rounds', 'The offer had been due to lapse Friday evening.', 'Friday evening', '2025-10-24'),
    Case('weekday', 'tense cues', 'TBAQ rounds', 'On Friday, the ministry agreed to reopen the border crossing.', 'Friday', '2025-10-24'),
    Case('weekday', 'deadlines and irregular pasts', 'TBAQ rounds', 'Officials postponed the hearing until Tuesday morning.', 'Tuesday morning', '2025-10-28'),
    Case('weekday', 'deadlines and irregular pasts', 'TBAQ rounds', 'Until Thursday, the police had not named a suspect.', 'Thursday', '2025-10-23', dt.date(2025, 10, 24)),
    Case('weekday', 'future cues far from the date', 'TBAQ rounds', 'On Thursday, the neighbourhood association of the old harbour district plans to present its own proposal for the empty warehouses.', 'Thursday', '2025-10-30'),
    Case('weekday', 'future cues far from the date', 'TBAQ rounds', 'Brokers said clients were ready to sell as soon as the market opened Monday.', 'Monday', '2025-11-03', dt.date(2025, 10, 31)),
    Case('weekday', 'newswire set rules', 'newswire 1', 'Further rain is forecast for tonight and Wednesday.', 'Wednesday', '2025-10-29'),
    Case('weekday', 'newswire set rules', 'newswire 1', 'More storms are possible Thursday afternoon, forecasters said.', 'Thursday afternoon', '2025-10-30'),
    Case('weekday', 'newswire set rules', 'newswire 1', 'The river burst its banks on Sunday morning.', 'Sunday morning', '2025-10-26'),
    Case('weekday', 'newswire set rules', 'newswire 1', '"We kept ours," said Rep. Ada Moss, the bill\'s sponsor, during debate Wednesday.', 'Wednesday', '2025-10-22'),
    Case('weekday', 'newswire set rules', 'newswire 2', 'The board will meet in closed session Thursday.', 'Thursday', '2025-10-30'),
    Case('weekday', 'newswire set rules', 'newswire 2', 'Crews hope to have the fire contained by Friday.', 'Friday', '2025-10-31'),
    Case('weekday', 'newswire set rules', 'newswire 2', 'The weather service forecast highs near 90 through Sunday.', 'Sunday', '2025-11-02'),
    Case('weekday', 'newswire set rules', 'newswire 2', 'The mediator has asked both sides to return to the table Wednesday.', 'Wednesday', '2025-10-29'),
    Case('weekday', 'newswire set rules', 'newswire 2', 'The offer is a 29 percent premium to the closing price on Friday.', 'Friday', '2025-10-24'),
    Case('weekday', 'newswire set rules', 'newswire 2', 'The museum will close on Mondays.', 'Mondays', 'XXXX-WXX-1'),
    Case('weekday', 'newswire set rules', 'newswire 3', 'Aides said the House could vote as early as Sunday.', 'Sunday', '2025-11-02'),
    Case('weekday', 'newswire set rules', 'newswire 4', 'The fire spread slowly until Wednesday, when temperatures climbed.', 'Wednesday', '2025-10-22'),
    Case('weekday', 'newswire set rules', 'newswire 4', '"Right now we are just thinking about Saturday," the coach said.', 'Saturday', '2025-11-01'),
    Case('weekday', 'newswire set rules', 'newswire 5', 'Airlines expected to have most of their schedules restored by Friday.', 'Friday', '2025-10-31'),
    Case('weekday', 'newswire set rules', 'newswire 6', 'The agency will publish updated guidance on Monday.', 'Monday', '2025-11-03', dt.date(2025, 10, 28)),
    Case('weekday', 'newswire set rules', 'newswire 6', 'Tickets sold out this week. The last show, on Sunday, will begin at 3 p.m.', 'Sunday', '2025-11-02'),
    Case('weekday', 'newswire set rules', 'newswire 6', 'Two bidders extended their offers to acquire the maker Friday.', 'Friday', '2025-10-24'),
    # --- clock -------------------------------------------------------------------------------------
    Case('clock', 'newswire set rules', 'newswire 1', 'The bank will report on Thursday. Its shares were down 2 percent by 0830 GMT.', '0830 GMT', '2025-10-27T08:30'),
    Case('clock', 'newswire set rules', 'newswire 1', 'Testimony resumes Tuesday at 9 a.m. sharp.', '9 a.m.', '2025-10-28T09:00'),
    Case('clock', 'newswire set rules', 'newswire 2', 'Police were called at 9.14pm on Saturday.', '9.14pm', '2025-10-25T21:14'),
    Case('clock', 'newswire set rules', 'newswire 3', 'He was pulled over at 11:50 a.m. on March 3, 2009, police said.', '11:50 a.m.', '2009-03-03T11:50'),
    Case('clock', 'newswire set rules', 'newswire 4', 'Trains will run on Saturday, the state confirmed on Sunday. The first one is scheduled to leave at 5.12am.', '5.12am', '2025-11-01T05:12'),
    Case('clock', 'newswire set rules', 'newswire 5', 'They were booked on a flight leaving at 6:40 a.m. Thursday, she said.', '6:40 a.m. Thursday', '2025-10-30T06:40'),
    Case('clock', 'newswire set rules', 'newswire 5', 'He was stopped at about 9.40pm on 15 August 2013, the panel heard.', 'about 9.40pm', '2013-08-15T21:40'),
    Case('clock', 'newswire set rules', 'newswire 6', 'The alarm was raised at 06:00 on Sunday.', '06:00', '2025-10-26T06:00'),
    # --- months ------------------------------------------------------------------------------------
    Case('month_year', 'holidays, spelled years, weeks', 'TBAQ rounds', 'The levy took effect in January nineteen ninety-seven.', 'January nineteen ninety-seven', '1997-01'),
    Case('season', 'dates against publication', 'first rules', 'The bridge opened last summer.', 'last summer', '2025-SU'),
    Case('season', 'seasons by season year', 'TBAQ rounds', 'The ferry ran last fall.', 'last fall', '2025-FA', dt.date(2026, 2, 6)),
    Case('season', 'seasons by season year', 'TBAQ rounds', 'The ferry ran last fall.', 'last fall', '2025-FA', dt.date(2026, 7, 1)),
    Case('season', 'seasons by season year', 'TBAQ rounds', 'The ferry ran last fall.', 'last fall', '2025-FA', dt.date(2025, 12, 20)),
    Case('season', 'seasons by season year', 'TBAQ rounds', 'The ferry ran next spring.', 'next spring', '2026-SP', dt.date(2026, 2, 6)),
    Case('season', 'seasons by season year', 'TBAQ rounds', 'The ferry ran next spring.', 'next spring', '2026-SP', dt.date(2025, 10, 15)),
    Case('season', 'seasons by season year', 'TBAQ rounds', 'The ferry ran last summer.', 'last summer', '2025-SU', dt.date(2025, 10, 15)),
    Case('season', 'holidays, spelled years, weeks', 'TBAQ rounds', 'The ice lasted the winter of nineteen ninety-four.', 'the winter of nineteen ninety-four', '1994-WI'),
    Case('season', 'newswire set rules', 'newswire 1', 'Officials said the changes were unlikely to take effect before the summer.', 'the summer', '2026-SU'),
    Case('season', 'newswire set rules', 'newswire 2', 'A cheaper model will arrive this summer.', 'this summer', '2026-SU', dt.date(2026, 2, 23)),
    Case('season', 'newswire set rules', 'newswire 3', 'They said the talks could drag on into the summer.', 'the summer', '2026-SU', dt.date(2026, 3, 26)),
    Case('season', 'newswire set rules', 'newswire 5', '"Absorbing the costs by summer is not realistic," she said.', 'summer', '2026-SU', dt.date(2026, 3, 12)),
    Case('month', 'dates against publication', 'first rules', 'The deal was struck in December.', 'December', '2024-12'),
    Case('month', 'dates against publication', 'first rules', 'The deal will be signed in December.', 'December', '2025-12'),
    Case('month', 'tense cues', 'TBAQ rounds', 'The bakery agreed to buy the mill in January.', 'January', '2026-01'),
    Case('month', 'tense cues', 'TBAQ rounds', 'The club decided to move its games to the new ground in March.', 'March', '2026-03'),
    Case('month', 'tense cues', 'TBAQ rounds', 'The launch was planned for early March, an aide said.', 'early March', '2026-03'),
    Case('month', 'tense cues', 'TBAQ rounds', 'The dividend would be paid on a still unspecified date in January.', 'January', '2026-01'),
    Case('month', 'deadlines and irregular pasts', 'TBAQ rounds', 'The regulator gave the firm until mid-November to reply.', 'mid-November', '2025-11'),
    Case('month', 'future cues far from the date', 'TBAQ rounds', 'The ministry told the three refineries of a sharp cut in crude deliveries in December.', 'December', '2025-12'),
    Case('month', 'future cues far from the date', 'TBAQ rounds', 'The ministry said in December that deliveries would fall.', 'December', '2024-12'),
    Case('month', 'newswire set rules', 'newswire 2', 'The council voted 7-2 to ask voters in November to approve a tax.', 'November', '2025-11'),
    Case('month', 'newswire set rules', 'newswire 4', 'Tablets made between March and August were recalled.', 'March', '2025-03'),
    Case('month', 'newswire set rules', 'newswire 5', 'The contract, worth $36 million over its term, expires in December.', 'December', '2026-12', dt.date(2026, 6, 17)),
    Case('month', 'newswire set rules', 'newswire 6', 'It will move production of its lower-priced models to Mexico by January.', 'January', '2026-01'),
    # --- years -------------------------------------------------------------------------------------
    Case('spelled_year', 'holidays, spelled years, weeks', 'TBAQ rounds', 'It was built in nineteen seventy-nine.', 'nineteen seventy-nine', '1979'),
    Case('spelled_year', 'holidays, spelled years, weeks', 'TBAQ rounds', 'The plan runs to the year two thousand.', 'the year two thousand', '2000', dt.date(1998, 3, 3)),
    Case('year_period', 'results periods, year-end, the day before', 'TBAQ rounds', 'The mill earned $2 million in the third quarter, against $3 million in the 2024 period.', 'the 2024 period', '2024-Q3'),
    Case('quarter', 'dates against publication', 'first rules', 'Profits rose in the third quarter.', 'the third quarter', '2025-Q3'),
    Case('q_short', 'a quarter written Q3', 'rule examples', 'Sales rose in Q3, the firm said.', 'Q3', '2025-Q3'),
    Case('q_short', 'a quarter written Q3', 'rule examples', 'The target is Q4 FY2025.', 'Q4 FY2025', '2025-Q4'),
    Case('quarter', 'results periods, year-end, the day before', 'TBAQ rounds', 'Profit rose 8% in the 2024 second quarter.', 'the 2024 second quarter', '2024-Q2'),
    Case('quarter', 'reported periods and their comparisons', 'TBAQ rounds', 'The lender lost $6 million in the third quarter. For the quarter a year ago, it earned $2 million.', 'the quarter a year ago', '2024-Q3'),
    Case('quarter', 'reported periods and their comparisons', 'TBAQ rounds', "The lender lost $6 million in the third quarter. This quarter's loss includes a $2 million charge.", 'This quarter', '2025-Q3'),
    Case('quarter', 'reported periods and their comparisons', 'TBAQ rounds', 'The lender lost $6 million in the third quarter. It expects a small profit this quarter.', 'this quarter', '2025-Q4'),
    Case('quarter', 'newswire set rules', 'newswire 1', 'The unit works through stock that piled up during the third quarter.', 'the third quarter', '2025-Q3'),
    Case('quarter', 'newswire set rules', 'newswire 2', 'The trust missed the target in the final quarter of 2013.', 'the final quarter of 2013', '2013-Q4'),
    Case('quarter', 'newswire set rules', 'newswire 3', 'It expects earnings for the fourth quarter, which ended Dec. 31, to top forecasts.', 'the fourth quarter', '2025-Q4', dt.date(2026, 1, 12)),
    Case('decade', 'dates against publication', 'first rules', 'Rents have climbed since the 1990s.', 'the 1990s', '199'),
    Case('decade', 'holidays, spelled years, weeks', 'TBAQ rounds', 'Prices climbed through the nineties.', 'the nineties', '199'),
    Case('year', 'dates against publication', 'first rules', 'The plant closed in 1998.', '1998', '1998'),
    # --- holidays ----------------------------------------------------------------------------------
    Case('holiday', 'holidays, spelled years, weeks', 'TBAQ rounds', 'The boat was found on Thanksgiving Day.', 'Thanksgiving Day', '2024-11-28', dt.date(2025, 1, 9)),
    Case('holiday', 'holidays, spelled years, weeks', 'TBAQ rounds', 'The ferry stopped running last Thanksgiving.', 'last Thanksgiving', '2024-11-28', dt.date(2025, 3, 2)),
    Case('holiday', 'holidays, spelled years, weeks', 'TBAQ rounds', 'Turnout on Election Day is expected to be high.', 'Election Day', '2026-11-03', dt.date(2026, 10, 20)),
    Case('holiday', 'holidays, spelled years, weeks', 'TBAQ rounds', 'The shops close early on Christmas Eve.', 'Christmas Eve', '2025-12-24', dt.date(2025, 12, 1)),
    Case('holiday', 'holidays, spelled years, weeks', 'TBAQ rounds', 'The market reopens the day after Christmas.', 'the day after Christmas', '2025-12-26', dt.date(2025, 12, 1)),
    Case('holiday', 'holidays, spelled years, weeks', 'TBAQ rounds', 'The choir sang during Easter week.', 'Easter week', '2025-W16', dt.date(2025, 4, 28)),
    Case('holiday', 'holidays, spelled years, weeks', 'TBAQ rounds', 'Floods hit the valley at Christmas 2023.', 'Christmas 2023', '2023-12-25'),
    Case('holiday', 'holidays, spelled years, weeks', 'TBAQ rounds', 'Fireworks are planned for the Fourth of July.', 'the Fourth of July', '2026-07-04', dt.date(2026, 6, 1)),
    Case('holiday', 'holidays, spelled years, weeks', 'TBAQ rounds', 'The pier reopened on Memorial Day.', 'Memorial Day', '2025-05-26', dt.date(2025, 6, 3)),
    Case('holiday', 'newswire set rules', 'newswire 2', 'Crowds peaked over Labor Day weekend.', 'Labor Day weekend', '2025-W35-WE'),
    Case('holiday', 'newswire set rules', 'newswire 4', 'Business should stay strong heading into Thanksgiving.', 'Thanksgiving', '2025-11-27'),
    Case('holiday', 'newswire set rules', 'newswire 4', 'A fire ban applies until Australia Day.', 'Australia Day', '2026-01-26'),
    Case('holiday', 'newswire set rules', 'newswire 5', 'The week before Christmas was its busiest on record.', 'The week before Christmas', '2025-W51', dt.date(2026, 3, 5)),
    # --- offsets -----------------------------------------------------------------------------------
    Case('offset', 'dates against publication', 'first rules', 'He was elected two weeks ago.', 'two weeks ago', '2025-W42'),
    Case('offset', 'results periods, year-end, the day before', 'TBAQ rounds', 'The bank reported profit of $9 million, compared with profit a year earlier of $5 million.', 'a year earlier', '2024'),
    Case('offset', 'newswire set rules', 'newswire 4', 'Tadesse was second, 51 seconds back.', '51 seconds', 'PT51S'),
    Case('offset', 'newswire set rules', 'newswire 5', 'Elementary schools will start 15 minutes earlier.', '15 minutes', 'PT15M'),
    Case('anchored', 'results periods, year-end, the day before', 'TBAQ rounds', "The day before last Wednesday's vote, the mayor resigned.", 'The day before last Wednesday', '2025-10-21'),
    Case('anchored', 'newswire set rules', 'newswire 1', 'Sales in September were lower than in the same month last year.', 'the same month last year', '2024-09'),
    Case('anchored', 'newswire set rules', 'newswire 5', 'Burglaries rose 31 percent in 2015 compared with the previous year.', 'the previous year', '2014'),
    Case('relative', 'dates against publication', 'first rules', 'The talks collapsed last week.', 'last week', '2025-W43'),
    Case('relative', 'dates against publication', 'first rules', 'Prices rose earlier this month.', 'earlier this month', '2025-10'),
    Case('relative', 'dates against publication', 'first rules', 'Sales fell last year.', 'last year', '2024'),
    Case('relative', 'results periods, year-end, the day before', 'TBAQ rounds', 'The index has gained 4% since year-end.', 'year-end', '2024-12-31'),
    Case('relative', 'results periods, year-end, the day before', 'TBAQ rounds', 'The sale should close by year-end.', 'year-end', '2025-12-31'),
    Case('relative', 'results periods, year-end, the day before', 'TBAQ rounds', "The plant should reopen by year's end.", "year's end", '2025'),
    Case('relative', 'reported periods and their comparisons', 'TBAQ rounds', 'The lender lost $6 million in the third quarter, against a profit in the corresponding period last year.', 'the corresponding period last year', '2024-Q3'),
    Case('relative', 'reported periods and their comparisons', 'TBAQ rounds', 'Traffic was heavier than in the same period last year.', 'the same period last year', '2024'),
    Case('relative', 'the year', 'TBAQ rounds', 'Shares of the miller hit a high for the year in May.', 'the year', '2025', MONDAY, 'DATE'),
    Case('relative', 'the year', 'TBAQ rounds', 'Rains delayed the planting earlier in the year.', 'earlier in the year', '2025', MONDAY, 'DATE'),
    Case('relative', 'the year', 'TBAQ rounds', 'The brewer expects lower earnings for the fiscal year.', 'the fiscal year', '2025', MONDAY, 'DATE'),
    Case('relative', 'the year', 'TBAQ rounds', 'For the year ended June 30, the co-op earned $3 million.', 'the year', 'P1Y', MONDAY, 'DURATION'),
    Case('relative', 'newswire set rules', 'newswire 3', 'The coalition is under pressure ahead of elections at the weekend.', 'the weekend', '2026-W13-WE', dt.date(2026, 3, 26)),
    Case('relative', 'newswire set rules', 'newswire 3', 'Forecasters said storms were likely at the weekend.', 'the weekend', '2025-W44-WE', dt.date(2025, 10, 29)),
    Case('reference', 'dates against publication', 'first rules', 'Nothing has changed now.', 'now', 'PRESENT_REF'),
    # --- durations ---------------------------------------------------------------------------------
    Case('set', 'durations and sets are typed, not dated', 'first rules', 'The paper is printed daily.', 'daily', 'P1D', MONDAY, 'SET'),
    Case('set', 'durations and sets are typed, not dated', 'first rules', 'They meet every week.', 'every week', 'P1W', MONDAY, 'SET'),
    Case('duration', 'durations and sets are typed, not dated', 'first rules', 'The strike lasted three days.', 'three days', 'P3D', MONDAY, 'DURATION'),
    Case('duration', 'durations and sets are typed, not dated', 'first rules', 'They held talks for a week.', 'a week', 'P1W', MONDAY, 'DURATION'),
    Case('duration', 'durations and sets are typed, not dated', 'first rules', 'It has been the plan for the past three years.', 'the past three years', 'P3Y', MONDAY, 'DURATION'),
    Case('duration', 'durations and sets are typed, not dated', 'first rules', 'a five-year low', 'five-year', 'P5Y', MONDAY, 'DURATION'),
    Case('duration', 'durations and sets are typed, not dated', 'first rules', 'It costs $5 billion a year.', 'a year', 'P1Y', MONDAY, 'SET'),
    Case('duration', 'half units without fractions', 'TBAQ rounds', 'The flight took 5 1/2 hours.', '5 1/2 hours', 'PT5H30M'),
    Case('duration', 'half units without fractions', 'TBAQ rounds', 'He served 2 1/2 years.', '2 1/2 years', 'P2Y6M'),
    Case('duration', 'half units without fractions', 'TBAQ rounds', 'The applause lasted a minute and a half.', 'a minute and a half', 'PT1M30S'),
    Case('duration', 'newswire set rules', 'newswire 1', 'They want to see several more months of data.', 'several more months', 'PXM'),
    Case('duration', 'newswire set rules', 'newswire 1', 'Veterans have been left waiting months for benefits.', 'months', 'PXM'),
    Case('duration', 'newswire set rules', 'newswire 2', 'Admissions have improved over the past fortnight.', 'the past fortnight', 'P2W'),
    Case('duration', 'newswire set rules', 'newswire 2', 'The battery lasts two full days.', 'two full days', 'P2D'),
    Case('duration', 'newswire set rules', 'newswire 3', 'Patients waited four hours and 20 minutes.', 'four hours and 20 minutes', 'PT4H20M'),
    Case('duration', 'newswire set rules', 'newswire 4', 'The lake persisted for more than 10,000 years.', 'more than 10,000 years', 'P10000Y'),
    Case('duration', 'newswire set rules', 'newswire 4', 'He won in 2 hours, 6 minutes, 14 seconds.', '2 hours, 6 minutes, 14 seconds', 'PT2H6M14S'),
    Case('duration', 'newswire set rules', 'newswire 4', 'She won the 100 meters in 10.02 seconds.', '10.02 seconds', 'PT10.02S'),
]

NOT_TIMES: list[NotATime] = [
    NotATime('numbers that are not dates', 'first rules', 'Tickets cost $17 at the door.'),
    NotATime('numbers that are not dates', 'first rules', 'Only 17 people came.'),
    NotATime('numbers that are not dates', 'first rules', 'He flew a Boeing 747 to Lisbon.'),
    NotATime('numbers that are not dates', 'first rules', 'The home team won 3-2.'),
    NotATime('numbers that are not dates', 'first rules', 'A 17-year-old was detained.'),
    NotATime('numbers that are not dates', 'first rules', 'Turnout was 2,025 voters.'),
    NotATime('numbers that are not dates', 'first rules', 'She may attend.'),
    NotATime('numbers that are not dates', 'first rules', 'A quarter of the votes were spoiled.'),
    NotATime("'the year' that is not the story's", 'TBAQ rounds', 'The year before, the harvest failed.'),
    NotATime("'the year' that is not the story's", 'TBAQ rounds', 'She was named Player of the Year.'),
    NotATime("'the year' that is not the story's", 'TBAQ rounds', 'It was the year when the dam broke.'),
    NotATime('speeds, names and titles', 'newswire 4', 'Gusts of 80 kilometres an hour pushed the fire on.'),
    NotATime('speeds, names and titles', 'newswire 4', 'The asteroid, known as 2012 YK4, passed by.'),
    NotATime('speeds, names and titles', 'newswire 4', 'She won for the drama "Winter Tenants."'),
]
# fmt: on
