"""The chronology's tuning values in one place: how far back or ahead a reading may go, how wide a
vague expression spreads. Changing one changes the tagger's answers: the timeline tests and the
newswire set say by how much."""

from __future__ import annotations

# How a "few days", "weeks" etc. spread: from 1 to this many units (wide on purpose: the interval
# is used to decide whether an embed's date contradicts the text, so it must not be too tight).
VAGUE_MAX = 9

FUTURE_SLACK = 30  # days: "will take effect Jan. 1" said in March is next January

# "promised to ... ahead of the 4 March election" said in August: a past intent looks ahead from a
# past day, so a reading half a year back is still after the promise.
FUTURE_IN_PAST_SLACK = 180

# A month named in a past-tense sentence up to this many months after publication's month is last
# year's ("in December", said in a past sentence in November).
PAST_MONTH_AHEAD = 1

# A day in a past-tense sentence whose nearest reading is more than this many days after
# publication is last year's (also for holidays, and the other way round for the future).
PAST_SLACK = 90
HOLIDAY_SLACK = 90

# "recently", "lately": the days before publication they cover.
RECENT_DAYS = 90

SLACK_DAYS = {"D": 1, "W": 3, "2W": 4, "WE": 3, "M": 15, "Q": 30, "Y": 90, "DE": 730, "CE": 7300}
