"""One combined regular expression for every kind of temporal expression the tagger knows.

Alternatives are tried left to right at each word start, so longer and more specific forms come
first; each named group is one kind, and its handler (in ``tagger``) re-reads the span.
"""

from __future__ import annotations

import re

from .lexicon import (
    DAY_NUMBER,
    HEDGE,
    MONTH,
    MONTH_FULL,
    NOT_A_HOLIDAY_AFTER,
    NOT_A_SEASON_AFTER,
    PART_OF_DAY,
    QUANTITY,
    SPELLED_DECADE,
    SPELLED_YEAR,
    STARTERS,
    UNIT,
    UNITS_WORD,
    WEEKDAY,
    WEEKDAY_FULL,
    YEAR_NUMBER,
    trie_pattern,
)

# Abbreviations that are words too ("Mar", "Jun"...) count as a month only with their full stop.
MONTH_BARE = rf"(?:{MONTH_FULL}|(?:Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
TIMEZONE = r"(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|ET|local\s+time)\)?(?![A-Za-z]))"
CLOCK = (
    r"(?:(?<![\d.:$])(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?:[ap]\.\s?m\.?|[ap]m\b|[AP]M\b|[AP]\.M\.)"
    rf"|(?<![\d.:$])(?:[01]?\d|2[0-3]):[0-5]\d(?={TIMEZONE}|\s+hours?\b)"
    # "0830 GMT", wire style; "10:35 a.m. (0735 GMT)" restates the time before it, as TimeBank reads it
    r"|(?<![\d.:$(])(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:GMT|UTC|BST)\b)"
    r"|(?<![\d.:$,])(?:0\d|1\d|2[0-3]):[0-5]\d(?![\d:])(?!\s*(?:[ap]\.?m\b|[AP]M\b))"  # British "06:00", "10:45"
    r"|(?<![\d.:$£€])(?:1[0-2]|0?[1-9])\.[0-5]\d\s?(?:[ap]m\b|[ap]\.m\.)"  # British "9.14pm"
    r"|\b(?i:noon|midnight))"
)
DAY_AFTER_CLOCK = rf"(?:,?\s+(?:{WEEKDAY_FULL}(?:,?\s+{MONTH}\s+{DAY_NUMBER})?|{MONTH}\s+{DAY_NUMBER}|(?i:today|yesterday|tomorrow|tonight)))"
HOLIDAY = (
    r"(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?"
    r"|Easter(?:\s+(?:Sunday|Monday|week))?|Good\s+Friday|Palm\s+Sunday|Ash\s+Wednesday|Pentecost"
    r"|Election\s+Day|Inauguration\s+Day|Independence\s+Day|Memorial\s+Day|Labou?r\s+Day|Veterans['’]?\s+Day"
    r"|Armistice\s+Day|Remembrance\s+Day|Presidents['’]?\s+Day|Columbus\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.)?\s+Day"
    r"|Halloween|Valentine['’]s\s+Day|Mother['’]s\s+Day|Father['’]s\s+Day|St\.?\s+Patrick['’]s\s+Day|Boxing\s+Day"
    r"|Bastille\s+Day|Groundhog\s+Day|Black\s+Friday|Australia\s+Day|Anzac\s+Day|Canada\s+Day|(?i:the\s+)?Fourth\s+of\s+July|July\s+(?:Fourth|4th))"
    r"(?:\s+weekend)?"
)
# "Christmas tree", "Easter Island": the name of a thing, not a day.
HOLIDAY_NOT_A_DAY = rf"(?!\s+(?:{'|'.join(NOT_A_HOLIDAY_AFTER)})\b)"
EARLY_LATE = r"(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
RELATIVE_WORD = (
    r"(?:last|next|this|this\s+past|this\s+coming|the\s+coming|past|coming|earlier\s+this|later\s+this"
    r"|early|late|mid|earlier|later)"
)

KINDS: list[tuple[str, str]] = [
    ("iso", r"(?<![\d-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d\d:\d\d(?::\d\d)?)?(?![\d-])"),
    ("slash", r"(?<![\d/.])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:\d{4}|\d\d)(?![\d/])"),
    (
        "clock",
        rf"(?:{HEDGE}|shortly\s+(?:before|after)\s+|just\s+(?:before|after)\s+)?{CLOCK}{TIMEZONE}?{DAY_AFTER_CLOCK}?",
    ),
    (
        "month_day",
        rf"(?:{WEEKDAY},?\s+)?(?:{EARLY_LATE}[- ]\s*)?{MONTH}\s+{DAY_NUMBER}"
        rf"(?:\s*(?:-|–|—|to|through|and)\s*{DAY_NUMBER})?(?:,?\s+{YEAR_NUMBER})?",
    ),
    (
        "day_month",
        rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?<![\d$£€.,]){DAY_NUMBER}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR_NUMBER})?",
    ),
    (
        "holiday",
        rf"(?:(?i:last|next|this|this\s+past|this\s+coming|the\s+(?:day|week)\s+(?:before|after))\s+)?{HOLIDAY}"
        rf"(?:,?\s+{YEAR_NUMBER})?(?![\w'’-]){HOLIDAY_NOT_A_DAY}",
    ),
    ("week_of", rf"(?i:the\s+week\s+of\s+){MONTH}\s+{DAY_NUMBER}(?:,?\s+{YEAR_NUMBER})?"),
    ("month_year", rf"(?:{EARLY_LATE}[- ]\s*)?{MONTH}(?:\s+of)?,?\s+(?:{YEAR_NUMBER}|'\d\d\b|(?i:{SPELLED_YEAR}))"),
    ("spelled_year", rf"(?i:{SPELLED_YEAR})"),
    ("year_period", rf"(?i:the\s+){YEAR_NUMBER}\s+(?i:period)(?![\w-])"),
    ("q_short", r"\bQ[1-4](?:\s+(?:FY\s?)?(?:\d{4}|'\d\d))?\b"),
    (
        # At most five modifiers ("the same year-ago fiscal quarter" has three): with a "*", a run of
        # "last last last ..." was read to its end from every word, quadratic (20 KB: 4 s).
        "quarter",
        rf"(?i:(?:the\s+|this\s+year's\s+|last\s+year's\s+|next\s+year's\s+|{YEAR_NUMBER}'s\s+)?(?:{YEAR_NUMBER}\s+)?"
        r"(?:(?:same|year-ago|year-earlier|year\s+ago|year\s+earlier|latest|current|previous|prior|past|last|next"
        r"|coming|this|fiscal|calendar|recent|just-ended|just-completed|most\s+recent)[- ]+){0,5}"
        r"(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|final)[- ]+)?(?:fiscal[- ]+|calendar[- ]+)?"
        rf"(?:(?-i:{MONTH_FULL})[- ](?=quarter\b))?"
        rf"(?:quarter|half|(?<=latest\s)period)(?:\s+(?:of\s+)?(?:fiscal\s+)?{YEAR_NUMBER}|\s+of\s+(?:this|last|next)\s+year)?)(?![\w])",
    ),
    (
        "decade",
        r"(?i:(?:the\s+)?(?:(?:early|mid|late)[- ]?)?)(?:1\d\d0|20\d0|'\d0|(?<![\d.$])\d0)'?s\b"
        rf"|(?i:{SPELLED_DECADE})",
    ),
    (
        "century",
        r"(?i:(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth"
        r"|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
        r"|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|this|last|next|current)[- ]century)(?![\w-])",
    ),
    (
        "season",
        rf"(?i:(?:(?:the|this|last|next|this\s+past|this\s+coming|past|early|late|mid|the\s+early|the\s+late"
        rf"|the\s+past|the\s+coming|the\s+next|the\s+last|that|the\s+following|the\s+previous|the\s+preceding)\s+|mid-)?"
        rf"(?:spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:{YEAR_NUMBER}|{SPELLED_YEAR}))?)(?![\w-])"
        # "a winter storm", "summer camp": the season names a kind of thing, not a time
        rf"(?!\s+(?:{'|'.join(NOT_A_SEASON_AFTER)})\b)",
    ),
    (
        "offset",
        rf"(?i:{HEDGE}?(?:(?:{QUANTITY})[\s-]+{UNITS_WORD}|{UNIT}s)(?:\s+or\s+(?:so|more|two|three|four|five))?"
        r"\s+(?:ago|earlier|(?:before|later|after|afterwards?|from\s+now|hence|prior|back|on(?=[,.;]))"
        r"(?!\s+(?:of|that|which|when)\b))(?![\w-]))",
    ),
    (
        "anchored",
        rf"(?i:(?:(?:early|late|earlier|later)\s+)?(?:the\s+same\s+(?:day|week|month)\s+(?:(?:last|the\s+previous|the\s+prior)\s+year"
        r"|a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before)"
        rf"|the\s+(?:next|following|previous|preceding|same)\s+(?:day|{PART_OF_DAY}|week|month|year)"
        rf"|the\s+(?:day|night|week)\s+(?:before|after)(?!\s+(?:yesterday|tomorrow))"
        rf"(?:\s+(?:last\s+|next\s+|this\s+)?(?-i:{WEEKDAY_FULL}))?|that\s+(?:day|{PART_OF_DAY}|week|month|year)))(?![\w-])",
    ),
    (
        "relative",
        r"(?i:(?:(?:earlier|later|early|late)\s+(?:this|last|next)|the\s+(?:end|beginning|start|middle|rest|remainder"
        r"|first\s+half|second\s+half)\s+of\s+(?:this|last|next|the)|this\s+past|this\s+coming|this|last|next"
        r"|the\s+(?:current|latest|previous|prior|coming|past|last))\s+(?:(?:fiscal|calendar)\s+)?"
        r"(?:week|weekend|month|year|decade)|the\s+(?:(?:long|holiday|three-day|four-day)\s+)?weekend|(?:the\s+)?year-(?:end|earlier|ago)(?:\s+(?:period|year|level|results?))?|year(?:['’]s)?\s+end"
        r"|the\s+full\s+year|this\s+time\s+last\s+year"
        r"|(?:(?:earlier|later)\s+in\s+)?the\s+(?:fiscal\s+)?(?-i:year)(?=\s*[,.;:)]|\s+(?:ended|ending|to|of\s+\$|so\s+far)\b"
        r"|\s+(?!(?:before|after|earlier|later|ago|of|when|that|in\s+which|which|two|nineteen|twenty|\d)\b)[a-z]))(?![\w-])",
    ),
    (
        "named_day",
        rf"(?i:(?:(?:late|early|earlier|later)\s+)?(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|today|tomorrow)(?:\s+{PART_OF_DAY})?"
        rf"|(?:last|this|tomorrow)\s+{PART_OF_DAY}|tonight|overnight)(?![\w-])",
    ),
    (
        "weekday",
        rf"(?:(?i:(?:last|next|this|this\s+past|this\s+coming|past|coming|early|late"
        rf"|the\s+(?:previous|preceding|following|next))\s+))?{WEEKDAY_FULL}s?"
        rf"(?:\s+(?i:{PART_OF_DAY}))?(?!\w)",
    ),
    (
        "month",
        rf"(?:(?i:{RELATIVE_WORD})[- ]\s*|(?i:mid-))?{MONTH_BARE}(?![\w])(?!\s*\d)(?:\s+(?i:last|this|next)\s+year\b)?",
    ),
    (
        "set",
        rf"(?i:(?:daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|biweekly|semiannually)"
        rf"|(?:every|each)\s+(?:other\s+)?(?:{QUANTITY}\s+)?(?:{UNITS_WORD}|{WEEKDAY_FULL}|{MONTH_FULL}|{PART_OF_DAY}|summer|winter|spring|fall)"
        rf"|(?:once|twice|three\s+times|\d+\s+times|several\s+times)\s+(?:a|an|per|every|each)\s+{UNIT}|per\s+{UNIT})(?![\w-])",
    ),
    (
        "duration",
        rf"(?i:{HEDGE}?(?:(?:the\s+)?(?:past|last|next|coming|previous|first|final|latest|following|remaining"
        rf"|preceding|ensuing|initial|same)\s+)?(?:the\s+)?(?:{QUANTITY})[\s-]+(?:more\s+)?(?:(?:straight|consecutive|successive|full|whole|entire)\s+)?{UNITS_WORD}"
        rf"(?:[\s-]+(?:and\s+a\s+half|long|old))?(?:,?\s+(?:and\s+)?\d+\s+minutes?(?:,?\s+(?:and\s+)?\d+(?:\.\d+)?\s+seconds?)?)?"
        rf"|(?:the\s+)?(?:past|last|next|coming|previous|first|final)\s+(?:few\s+|several\s+|many\s+)?{UNIT}s"
        r"|(?:the\s+)?(?:past|last|next|coming|previous)\s+fortnight"
        rf"|(?:recent|coming|past|previous)\s+{UNIT}s|{UNIT}s)(?![\w-])",
    ),
    (
        "year",
        rf"(?:(?i:fiscal|calendar|FY|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|early|mid|late"
        rf"|the\s+year)[- ]?\s*)?(?<![\d$€£#.,/]){YEAR_NUMBER}(?![\d%]|\.\d|-\d|/\d|\s*(?i:percent)|\s+[A-Z]{{1,3}}\d|\s+block\b)",
    ),
    (
        "reference",
        r"(?i:right\s+now|now|nowadays|currently|current|presently|at\s+present|these\s+days|recently|recent|lately"
        r"|previously|formerly|the\s+past|the\s+future|future|soon)(?![\w-])",
    ),
]

# \b first: the engine tries the alternatives only at word starts (and before digits or quotes).
# The gate only admits: under (?i) it also passes the rare letters that fold to ASCII (the Kelvin
# sign), which no alternative then matches; half the length of [aA]-style classes to compile.
STARTER = rf"(?:\d|'|(?i:{trie_pattern(STARTERS, fold=False)})\b)"
TIMEX = re.compile(rf"(?:\b|(?='))(?={STARTER})(?:" + "|".join(f"(?P<{name}>{body})" for name, body in KINDS) + ")")
