"""English as news writes it: the words that name times, the veto lists, the rule table, and the
tense and context cues the resolvers read.

Every word list the chronology reads is here (a list whose entries carry a regex suffix, like
``storms?``, says so), then the fragments built from them, then the rules: one a kind, with the
expressions it reads above it, as HeidelTime writes its rule files; then the context cues, grouped
by the module that reads them, and ``ENGLISH``, which gathers them into a ``Language``. Another
language is another module of these tables, registered in ``languages/__init__.py``.
"""

from __future__ import annotations

import re

from .base import Cues, Language, Rule, Tense, Words, trie_pattern

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "couple": 2, "single": 1,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12, "12th": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "21st": 21,
}  # fmt: skip

# Unit words -> TIMEX3 unit letters (decades and centuries are written in years, as TempEval does).
UNITS: dict[str, str] = {
    "second": "S", "sec": "S", "minute": "MIN", "min": "MIN", "hour": "H", "hr": "H", "day": "D", "night": "D",
    "week": "W", "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y", "yr": "Y", "decade": "DE",
    "century": "CE", "centurie": "CE", "weekend": "WE",
}  # fmt: skip

# Titles written with a full stop before a name ("said Rep. Dale Harmon"): that stop ends no sentence.
TITLES = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Rep", "Reps", "Sen", "Sens", "Gov", "Gen", "Lt", "Col", "Maj",
    "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Det", "Insp", "Supt", "Pres", "Atty", "St", "Mt", "Ft",
)  # fmt: skip
# Put right after the "\." it guards (a lookbehind tried only where a full stop matched); one
# lookbehind per title length, as a lookbehind's alternatives must be equally long.
NOT_AFTER_TITLE_STOP = "".join(
    rf"(?<!\b(?:{'|'.join(t for t in TITLES if len(t) == n)})\.)" for n in sorted({len(t) for t in TITLES})
)

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI",
}  # fmt: skip


# Inside (?i:...) only: a lower-case trie is shorter to compile than the flat alternation.
NUMBER_WORD = trie_pattern(tuple(w for w in NUMBERS if w not in ("a", "an", "couple", "single")), fold=False)
# "17", "twenty-four", "twenty four", "a", "a few", "several": how many units.
QUANTITY = (
    rf"(?:(?<![\d,.])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:\s+1/2)?|(?:{NUMBER_WORD})(?:[- ](?:{NUMBER_WORD}))?"
    r"|an?(?:\s+few|\s+couple(?:\s+of)?|\s+dozen|\s+half)?|few|several|many|some|couple(?:\s+of)?)"
)
UNIT = r"(?:second|sec|minute|min|hour|hr|day|week|fortnight|month|quarter|year|yr|decade|centur(?:y|ie))"
UNITS_WORD = rf"(?:{UNIT}s?)"
# Hedges belong to the expression in TimeML ("nearly two weeks ago", "more than four decades"); "over the
# past year" is a preposition, and "just"/"only" stay outside (as TempEval annotators leave them).
HEDGE = (
    r"(?:(?:about|around|nearly|almost|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than"
    r"|at\s+least|at\s+most|at\s+the\s+most|over(?!\s+the\b)|under(?!\s+the\b)|barely|up\s+to|no\s+more\s+than"
    r"|well\s+over|close\s+to|upwards\s+of|the\s+better\s+part\s+of)\s+)"
)
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)  # fmt: skip
# "May" has no abbreviation; "Sept" before "Sep" so that the longer wins inside an alternation.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MONTH_FULL = "|".join(MONTH_NAMES)
MONTH_ABBR = rf"(?:{'|'.join(MONTH_ABBREVIATIONS)})\.?"
WEEKDAY_FULL = f"(?:{'|'.join(WEEKDAY_NAMES)})"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}|(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)(?![a-z]))"
WEEKDAY = (
    rf"(?:{'|'.join(WEEKDAY_NAMES)}"
    r"|(?:Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\.(?=\s*,?\s*(?:\d|[A-Z])))"
)
DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:,.]\d|\d)"
YEAR_NUMBER = r"(?:1[6-9]\d\d|20\d\d)(?![\d,]\d)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"

# Every word that can begin a temporal expression; the scan tries the full pattern only there.
STARTERS: tuple[str, ...] = (
    *MONTHS, *WEEKDAYS, *NUMBERS, *ORDINALS, *UNITS, *SEASONS, "few", "several", "many", "some",
    "about", "around", "nearly", "almost", "roughly", "approximately", "more", "less", "fewer", "at", "over",
    "under", "only", "just", "barely", "up", "no", "well", "close", "upwards", "shortly", "the", "this", "that",
    "last", "next", "past", "coming", "early", "mid", "late", "earlier", "later", "year", "same", "latest",
    "current", "previous", "prior", "fiscal", "calendar", "recent", "most", "final", "half", "yesterday", "today",
    "tomorrow", "tonight", "overnight", "every", "each", "once", "twice", "per", "daily", "weekly", "monthly",
    "quarterly", "annually", "yearly", "hourly", "nightly", "biweekly", "semiannually", "fy", "right", "now",
    "nowadays", "currently", "presently", "these", "recently", "lately", "previously", "formerly", "future",
    "soon", "noon", "midnight", "first", "following", "remaining", "preceding", "ensuing", "initial", "days",
    "weeks", "months", "years", "decades", "centuries", "hours", "minutes", "seconds", "quarters", "q",
    "christmas", "thanksgiving", "easter", "new", "election", "independence", "memorial", "labor", "labour",
    "veterans", "halloween", "valentine", "mother", "father", "good", "palm", "ash", "pentecost", "martin",
    "presidents", "columbus", "boxing", "st", "bastille", "inauguration", "groundhog", "armistice", "remembrance",
    "black", "australia", "anzac", "canada", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
)  # fmt: skip


# Years and decades as broadcast transcripts spell them: "nineteen ninety-six", "the year two thousand".
_UNIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
_TEEN_WORD = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_WORD = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TWO_DIGITS = rf"(?:(?:{_TENS_WORD})(?:[- ](?:{_UNIT_WORD}))?|{_TEEN_WORD}|oh[- ](?:{_UNIT_WORD}))"
SPELLED_YEAR = (
    rf"(?:(?:seventeen|eighteen|nineteen|twenty)[- ](?:hundred\b|{_TWO_DIGITS})"
    rf"|(?:the\s+year\s+)two\s+thousand(?:\s+(?:and\s+)?(?:{_TWO_DIGITS}|{_UNIT_WORD}))?)(?![\w-])"
)
SPELLED_DECADES: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
    "eighties": 80, "nineties": 90,
}  # fmt: skip
SPELLED_DECADE = r"(?:the\s+(?:(?:early|mid|late)[- ])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w-])"


def spelled_number(words: str) -> int | None:
    """ "ninety-six" -> 96, "oh five" -> 5, "and one" -> 1."""
    total = 0
    for part in words.lower().replace("-", " ").split():
        if part in ("and", "oh"):
            continue
        if part not in NUMBERS:
            return None
        total += NUMBERS[part]
    return total


def spelled_year(span: str) -> int | None:
    """The year a spelled-out year names: "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    lower = span.lower().replace("-", " ")
    lower = lower[lower.index("the year ") + 9 :] if "the year " in lower else lower
    words = lower.split()
    if len(words) >= 2 and words[0] == "two" and words[1] == "thousand":
        rest = spelled_number(" ".join(words[2:])) if len(words) > 2 else 0
        return None if rest is None else 2000 + rest
    for century, first in (("seventeen", 1700), ("eighteen", 1800), ("nineteen", 1900), ("twenty", 2000)):
        if words and words[0] == century and len(words) > 1:
            if words[1] == "hundred":
                return first if century != "twenty" else None  # "twenty hundred" is a clock time
            rest = spelled_number(" ".join(words[1:]))
            return None if rest is None or rest >= 100 else first + rest
    return None


def number(word: str) -> int | None:
    """'three' -> 3, 'twenty-four' -> 24, '17' -> 17, 'a few' -> None (vague)."""
    word = word.lower().replace("-", " ").replace(",", "")
    if word.isdigit():
        return int(word)
    parts = word.split()
    if not parts or parts[0] in ("few", "several", "many", "some", "couple") or parts[-1] in ("few",):
        return 2 if parts and parts[-1] in ("couple", "of") and "couple" in parts else None
    total = 0
    for part in parts:
        if part in ("a", "an") and len(parts) > 1:
            continue
        if part == "dozen":
            total = max(total, 1) * 12
        elif part == "hundred":
            total = max(total, 1) * 100
        elif part in NUMBERS:
            total += NUMBERS[part]
        else:
            try:
                total += round(float(part))
            except ValueError:
                return None
    return total or None


# Only the words annotators reliably mark: "current", "recent", "soon", "previously" mostly go untagged.
REFERENCES = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
}

ADVERB_SETS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "biweekly": "P2W",
    "semiannually": "P6M",
}

# English is the resolvers' own vocabulary for placing and signal words: each stands for itself.
TERMS = {
    word: word
    for word in (
        "this past", "this coming", "earlier this", "later this", "last", "next", "this", "past", "coming", "early",
        "late", "mid", "earlier", "later", "previous", "preceding", "following", "that", "the", "the following",
        "the previous", "the preceding", "the day before", "the day after", "the week before", "the week after",
        "before", "after", "ago", "afterward", "afterwards", "from now", "hence", "prior", "back", "on", "final",
        "current", "latest", "fiscal", "calendar", "same", "year-ago", "year-earlier", "recent", "just-ended",
        "just-completed", "year", "period", "quarter", "half", "first", "second", "quarterly",
    )
}  # fmt: skip


# Veto lists: after these words a time word names a thing, not a time.
# "a winter storm", "summer camp" (regex fragments: "storms?" is storm or storms).
NOT_A_SEASON_AFTER = (
    "storms?", "tires", "tyres", "weather", "coats?", "clothes", "clothing", "camps?", "jobs?", "school", "olympics",
    "games", "solstice", "break", "sales?", "blockbusters?", "fuel", "driving", "resorts?", "sports", "vacations?",
    "holidays?", "festivals?", "programs?", "programmes?", "interns?", "internships?", "league", "tour", "collection",
    "menu", "crops?", "wheat", "squash", "storm's",
)  # fmt: skip
# "Christmas tree", "Easter Island".
NOT_A_HOLIDAY_AFTER = (
    "tree", "trees", "card", "cards", "gift", "gifts", "present", "presents", "carol", "carols", "lights",
    "decorations", "egg", "eggs", "bunny", "Island", "Rising", "Offensive", "spirit", "music", "songs?", "stockings?",
    "dinner", "turkey", "parade", "pageant", "special", "episode",
)  # fmt: skip
# "five years, 200 people": a count of things after a number is no duration's end.
COUNT_NOUNS = (
    "people", "persons", "troops", "soldiers", "employees", "workers", "jobs", "shares", "votes", "cars", "vehicles",
    "units", "homes", "houses", "residents", "students", "members", "miles", "feet", "meters", "tons", "acres",
    "pounds", "dollars", "points", "rooms", "seats", "copies", "deaths", "cases", "children", "men", "women",
    "officers", "delegates", "passengers", "barrels", "km", "kilometers",
)  # fmt: skip


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

RULES: tuple[Rule, ...] = (
    Rule(
        "iso",
        ("2025-03-14", "2025-03-14T09:30"),
        r"(?<![\d-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d\d:\d\d(?::\d\d)?)?(?![\d-])",
    ),
    Rule(
        "slash",
        ("3/14/2025", "12/1/15"),
        r"(?<![\d/.])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:\d{4}|\d\d)(?![\d/])",
    ),
    Rule(
        "clock",
        ("7 p.m. Tuesday", "shortly after 9.14pm", "0830 GMT", "noon"),
        rf"(?:{HEDGE}|shortly\s+(?:before|after)\s+|just\s+(?:before|after)\s+)?{CLOCK}{TIMEZONE}?{DAY_AFTER_CLOCK}?",
    ),
    Rule(
        "month_day",
        ("March 14", "Friday, March 14, 2025", "early March 3-5"),
        rf"(?:{WEEKDAY},?\s+)?(?:{EARLY_LATE}[- ]\s*)?{MONTH}\s+{DAY_NUMBER}"
        rf"(?:\s*(?:-|–|—|to|through|and)\s*{DAY_NUMBER})?(?:,?\s+{YEAR_NUMBER})?",
    ),
    Rule(
        "day_month",
        ("14 March 2025", "the 14th of March"),
        rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?<![\d$£€.,]){DAY_NUMBER}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR_NUMBER})?",
    ),
    Rule(
        "holiday",
        ("Christmas Day", "last Thanksgiving", "the day after Easter Sunday 2024"),
        rf"(?:(?i:last|next|this|this\s+past|this\s+coming|the\s+(?:day|week)\s+(?:before|after))\s+)?{HOLIDAY}"
        rf"(?:,?\s+{YEAR_NUMBER})?(?![\w'’-]){HOLIDAY_NOT_A_DAY}",
        not_examples=("a Christmas tree",),
    ),
    Rule(
        "week_of",
        ("the week of March 10",),
        rf"(?i:the\s+week\s+of\s+){MONTH}\s+{DAY_NUMBER}(?:,?\s+{YEAR_NUMBER})?",
    ),
    Rule(
        "month_year",
        ("March 2025", "early March of 2025", "May '19"),
        rf"(?:{EARLY_LATE}[- ]\s*)?{MONTH}(?:\s+of)?,?\s+(?:{YEAR_NUMBER}|'\d\d\b|(?i:{SPELLED_YEAR}))",
    ),
    Rule(
        "spelled_year",
        ("nineteen ninety-six", "the year two thousand"),
        rf"(?i:{SPELLED_YEAR})",
    ),
    Rule(
        "year_period",
        ("the 2024 period",),
        rf"(?i:the\s+){YEAR_NUMBER}\s+(?i:period)(?![\w-])",
    ),
    Rule(
        "q_short",
        ("Q3", "Q4 FY2025"),
        r"\bQ[1-4](?:\s+(?:FY\s?)?(?:\d{4}|'\d\d))?\b",
    ),
    Rule(
        # At most five modifiers ("the same year-ago fiscal quarter" has three): with a "*", a run of
        # "last last last ..." was read to its end from every word, quadratic (20 KB: 4 s).
        "quarter",
        ("the second quarter", "the year-ago fiscal quarter", "the first half of 2024"),
        rf"(?i:(?:the\s+|this\s+year's\s+|last\s+year's\s+|next\s+year's\s+|{YEAR_NUMBER}'s\s+)?(?:{YEAR_NUMBER}\s+)?"
        r"(?:(?:same|year-ago|year-earlier|year\s+ago|year\s+earlier|latest|current|previous|prior|past|last|next"
        r"|coming|this|fiscal|calendar|recent|just-ended|just-completed|most\s+recent)[- ]+){0,5}"
        r"(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|final)[- ]+)?(?:fiscal[- ]+|calendar[- ]+)?"
        rf"(?:(?-i:{MONTH_FULL})[- ](?=quarter\b))?"
        rf"(?:quarter|half|(?<=latest\s)period)(?:\s+(?:of\s+)?(?:fiscal\s+)?{YEAR_NUMBER}|\s+of\s+(?:this|last|next)\s+year)?)(?![\w])",
    ),
    Rule(
        "decade",
        ("the 1990s", "the late '80s", "the nineties"),
        r"(?i:(?:the\s+)?(?:(?:early|mid|late)[- ]?)?)(?:1\d\d0|20\d0|'\d0|(?<![\d.$])\d0)'?s\b"
        rf"|(?i:{SPELLED_DECADE})",
    ),
    Rule(
        "century",
        ("the 21st century", "the late nineteenth century"),
        r"(?i:(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth"
        r"|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
        r"|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|this|last|next|current)[- ]century)(?![\w-])",
    ),
    Rule(
        "season",
        ("this summer", "the following spring", "winter 2024"),
        rf"(?i:(?:(?:the|this|last|next|this\s+past|this\s+coming|past|early|late|mid|the\s+early|the\s+late"
        rf"|the\s+past|the\s+coming|the\s+next|the\s+last|that|the\s+following|the\s+previous|the\s+preceding)\s+|mid-)?"
        rf"(?:spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:{YEAR_NUMBER}|{SPELLED_YEAR}))?)(?![\w-])"
        # "a winter storm", "summer camp": the season names a kind of thing, not a time
        rf"(?!\s+(?:{'|'.join(NOT_A_SEASON_AFTER)})\b)",
        not_examples=("a winter storm",),
    ),
    Rule(
        "offset",
        ("three days ago", "nearly two weeks later", "a year earlier"),
        rf"(?i:{HEDGE}?(?:(?:{QUANTITY})[\s-]+{UNITS_WORD}|{UNIT}s)(?:\s+or\s+(?:so|more|two|three|four|five))?"
        r"\s+(?:ago|earlier|(?:before|later|after|afterwards?|from\s+now|hence|prior|back|on(?=[,.;]))"
        r"(?!\s+(?:of|that|which|when)\b))(?![\w-]))",
    ),
    Rule(
        "anchored",
        ("the next day", "that week", "the same month a year earlier"),
        rf"(?i:(?:(?:early|late|earlier|later)\s+)?(?:the\s+same\s+(?:day|week|month)\s+(?:(?:last|the\s+previous|the\s+prior)\s+year"
        r"|a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before)"
        rf"|the\s+(?:next|following|previous|preceding|same)\s+(?:day|{PART_OF_DAY}|week|month|year)"
        rf"|the\s+(?:day|night|week)\s+(?:before|after)(?!\s+(?:yesterday|tomorrow))"
        rf"(?:\s+(?:last\s+|next\s+|this\s+)?(?-i:{WEEKDAY_FULL}))?|that\s+(?:day|{PART_OF_DAY}|week|month|year)))(?![\w-])",
    ),
    Rule(
        "relative",
        ("last week", "later this year", "the weekend", "year-end"),
        r"(?i:(?:(?:earlier|later|early|late)\s+(?:this|last|next)|the\s+(?:end|beginning|start|middle|rest|remainder"
        r"|first\s+half|second\s+half)\s+of\s+(?:this|last|next|the)|this\s+past|this\s+coming|this|last|next"
        r"|the\s+(?:current|latest|previous|prior|coming|past|last))\s+(?:(?:fiscal|calendar)\s+)?"
        r"(?:week|weekend|month|year|decade)|the\s+(?:(?:long|holiday|three-day|four-day)\s+)?weekend|(?:the\s+)?year-(?:end|earlier|ago)(?:\s+(?:period|year|level|results?))?|year(?:['’]s)?\s+end"
        r"|the\s+full\s+year|this\s+time\s+last\s+year"
        r"|(?:(?:earlier|later)\s+in\s+)?the\s+(?:fiscal\s+)?(?-i:year)(?=\s*[,.;:)]|\s+(?:ended|ending|to|of\s+\$|so\s+far)\b"
        r"|\s+(?!(?:before|after|earlier|later|ago|of|when|that|in\s+which|which|two|nineteen|twenty|\d)\b)[a-z]))(?![\w-])",
    ),
    Rule(
        "named_day",
        ("yesterday", "tomorrow morning", "tonight"),
        rf"(?i:(?:(?:late|early|earlier|later)\s+)?(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|today|tomorrow)(?:\s+{PART_OF_DAY})?"
        rf"|(?:last|this|tomorrow)\s+{PART_OF_DAY}|tonight|overnight)(?![\w-])",
    ),
    Rule(
        "weekday",
        ("Tuesday", "last Friday", "this coming Monday night"),
        rf"(?:(?i:(?:last|next|this|this\s+past|this\s+coming|past|coming|early|late"
        rf"|the\s+(?:previous|preceding|following|next))\s+))?{WEEKDAY_FULL}s?"
        rf"(?:\s+(?i:{PART_OF_DAY}))?(?!\w)",
    ),
    Rule(
        "month",
        ("March", "mid-June", "last December"),
        rf"(?:(?i:{RELATIVE_WORD})[- ]\s*|(?i:mid-))?{MONTH_BARE}(?![\w])(?!\s*\d)(?:\s+(?i:last|this|next)\s+year\b)?",
    ),
    Rule(
        "set",
        ("weekly", "every other Monday", "twice a year"),
        rf"(?i:(?:daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|biweekly|semiannually)"
        rf"|(?:every|each)\s+(?:other\s+)?(?:{QUANTITY}\s+)?(?:{UNITS_WORD}|{WEEKDAY_FULL}|{MONTH_FULL}|{PART_OF_DAY}|summer|winter|spring|fall)"
        rf"|(?:once|twice|three\s+times|\d+\s+times|several\s+times)\s+(?:a|an|per|every|each)\s+{UNIT}|per\s+{UNIT})(?![\w-])",
    ),
    Rule(
        "duration",
        ("three years", "the past 12 months", "decades"),
        rf"(?i:{HEDGE}?(?:(?:the\s+)?(?:past|last|next|coming|previous|first|final|latest|following|remaining"
        rf"|preceding|ensuing|initial|same)\s+)?(?:the\s+)?(?:{QUANTITY})[\s-]+(?:more\s+)?(?:(?:straight|consecutive|successive|full|whole|entire)\s+)?{UNITS_WORD}"
        rf"(?:[\s-]+(?:and\s+a\s+half|long|old))?(?:,?\s+(?:and\s+)?\d+\s+minutes?(?:,?\s+(?:and\s+)?\d+(?:\.\d+)?\s+seconds?)?)?"
        rf"|(?:the\s+)?(?:past|last|next|coming|previous|first|final)\s+(?:few\s+|several\s+|many\s+)?{UNIT}s"
        r"|(?:the\s+)?(?:past|last|next|coming|previous)\s+fortnight"
        rf"|(?:recent|coming|past|previous)\s+{UNIT}s|{UNIT}s)(?![\w-])",
    ),
    Rule(
        "year",
        ("2025", "fiscal 2024", "early 2023"),
        rf"(?:(?i:fiscal|calendar|FY|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|early|mid|late"
        rf"|the\s+year)[- ]?\s*)?(?<![\d$€£#.,/]){YEAR_NUMBER}(?![\d%]|\.\d|-\d|/\d|\s*(?i:percent)|\s+[A-Z]{{1,3}}\d|\s+block\b)",
    ),
    Rule(
        "reference",
        ("now", "recently", "these days"),
        r"(?i:right\s+now|now|nowadays|currently|current|presently|at\s+present|these\s+days|recently|recent|lately"
        r"|previously|formerly|the\s+past|the\s+future|future|soon)(?![\w-])",
    ),
)


# Context cues: what the words around a mention say (read by the module named above each group).

# tense.py
# "10:35 a.m. (0735 GMT) on Friday": a clock's full stop before a bracket ends no sentence.
SENTENCE_END = re.compile(rf"(?:[!?]|\.{NOT_AFTER_TITLE_STOP}(?!(?<=[ap]\.m\.)\s+\())[\"”’']?\s+(?=[A-Z\"“‘(])|\n\s*\n")

# The nearest tense marker before a mention decides between the last and the next Friday.
# "to" after a word of intent ("agreed to buy ... in January") looks forward from the sentence's
# past-tense verb; "had been due to" looks back. Lower-case "-ed" words are weak past cues (see
# ``tense_cues``): "United" is no verb, "a planned visit" / "an unspecified date" are adjectives.
# Past tenses and past-only words (a prefix trie: the cue regex runs for every mention).
PAST_WORDS = (
    "said", "says", "was", "were", "had", "did", "told", "reported", "announced", "yesterday", "ago", "last",
    "earlier", "since", "began", "came", "went", "met", "held", "took", "made", "gave", "found", "fell", "rose",
    "won", "lost", "sent", "spent", "struck", "broke", "ran", "saw", "got", "shot", "became", "brought", "bought",
    "sold", "paid", "left", "kept", "died", "laid", "led", "grew", "drew", "threw", "flew", "knew", "blew", "stood",
    "spoke", "wrote", "fought", "caught", "sank", "swept", "fled", "hung", "shook", "stole", "felt", "heard",
    "thought", "withdrew", "upheld", "chose", "drove", "rode", "woke", "tore", "slid", "dealt", "meant", "froze",
    "underwent", "oversaw", "hit", "cut", "put", "shut", "quit", "hurt", "cast", "beat", "spread", "burst", "split",
    "shed",
)  # fmt: skip

TENSE_CUE = re.compile(
    r"\b(?:(?P<pastfuture>had\s+been\s+(?:due|scheduled|set|slated|planned|supposed)\s+to|had\s+(?:planned|hoped|intended)\s+to)"
    r"|(?P<future>will(?:\s+not)?(?:\s+(?:be|have|have\s+been)\s+\w+)?|(?:to|would)\s+be\s+\w+|would(?!\s+(?:have|not\s+have|be)\b)|won't|wo|'ll|shall"
    r"|going\s+to|next(?!\s+to\b)|coming|upcoming|scheduled|slated|expected|expects|planned(?=\s+(?:to|for|an?)\b)"
    r"|forecasts?|(?:is|are|be|was|were)\s+(?:possible|probable|likely)(?!\s+(?:to\s+have|\w+ed)\b)"
    r"|could(?!\s+(?:not|have|be\s+\w+ed|hardly|barely|only|never|see|hear|feel)\b)(?=\s+[a-z]+\b)"
    r"|(?:asked|urged|ordered|invited|told|called\s+on|pressed)\s+(?:[\w'’-]+\s+){1,3}?to(?=\s+[a-z]+\b(?<!\bthe))"
    r"|planning|effective"
    r"|(?:plans?|intends?|intended|hopes?|aims?|agreed|agreements?|agrees?|decided|decides|decision|promised"
    r"|promises?|pledged|vowed|offered|offers?|proposed|proposals?|voted|votes?|set|due|poised|ready|likely|supposed"
    r"|prepared|preparing|seeks?|sought|wants?|wanted|deadline|bids?|moves?|deal|expecting|unlikely)"
    r"(?:\s+(?:\d+-\d+|unanimously|overwhelmingly|narrowly|formally|tentatively|also|again))?\s+to"
    r"(?!\s+(?:(?:date|the|a|an|its|his|her|their)\b|[$\d]))"
    r"|to\s+be\s+held|is\s+to|are\s+to|as\s+soon\s+as|as\s+early\s+as|until|till|tomorrow|later\s+this|due|begins?"
    r"|starts?|opens?|meets?|arrives?|leaves?|leaving(?=\s+(?:at|on)\s+(?!time\b))|expires?|expiring)"
    rf"|(?P<past>{trie_pattern(PAST_WORDS, fold=False)}|set(?=\s+(?:on|in|at|a|an|the|off|up)\b)|could\s+not|couldn't"
    r"|(?-i:[a-z]{3,}ed)))\b",
    re.IGNORECASE,
)

SAME_AS_BASE = frozenset(
    ("hit", "cut", "put", "shut", "quit", "hurt", "cast", "beat", "spread", "burst", "split", "shed")
)

MODAL_BEFORE = re.compile(
    r"(?i)\b(?:will|would|to|could|can|may|might|must|should|shall|'ll|n't|not|do|does|get|gets|getting)\s+(?:\w+ly\s+)?$"
)

NOUN_BEFORE = re.compile(r"(?i)(?:\b(?:a|an|the|its|his|her|their|our|this|that|no|any)|\b(?:a|an)\s+\w+)\s+$")

NOUN_AFTER = re.compile(r"\s+(?:in|of|to|for|from|between)\b")

PASSIVE_BEFORE = re.compile(r"(?i)\b(?:is|are)\s+$")

# Verbs whose present speaks of a schedule ("the meeting begins Monday").
SCHEDULED_VERBS = ("begin", "start", "open", "meet", "arrive", "leave", "expire")
SCHEDULED_PRESENT = re.compile(rf"(?i)(?:{'|'.join(SCHEDULED_VERBS)})s?$")

PRESENT_AUX = frozenset(("is", "are", "'s", "'re"))

NOT_A_VERB_BEFORE = re.compile(
    r"\b(?:a|an|the|its|his|her|their|our|this|still|newly|recently|so-called|in|into|with|without|under)\s+$",
    re.IGNORECASE,
)

FINAL_BEFORE = re.compile(r"(?i)\b(?:the|its|his|her|their)\s+$")

# "will publish updated guidance", "to hire trained staff": after a modal's verb, an "-ed" word is
# the object's adjective, not a past tense
MODAL_VERB_BEFORE = re.compile(
    r"(?i)\b(?:will|would|to|can|could|may|might|must|should|shall)\s+(?!(?:be|been|being|have|get|got)\s)[a-z]+\s+$"
)

# "extended their offers to acquire ... Friday": the intent word is a noun, the tense is the verb's
INTENT_NOUN = re.compile(r"(?i)(?:offers|plans|bids|proposals|promises|hopes|moves|votes)\s+to$")

DETERMINER_BEFORE = re.compile(r"(?i)\b(?:their|its|his|her|our|the)\s+$")

TO_HAVE_BEFORE = re.compile(r"(?i)\b(?:to|will|would)\s+have\s+(?:\w+\s+){0,5}$")

INTENT_PAST = re.compile(r"(?i)[a-z]+ed\b")  # a verb of intent in the past: "agreed to", "promised to"

WHEN_AFTER = re.compile(r",?\s+when\b")

SPEECH_VERBS = frozenset(("said", "says", "told", "reported", "announced"))

# tense.py
COUNT_NOUN = re.compile(rf"\s+(?:{'|'.join(COUNT_NOUNS)})\b")

MONEY_OR_RATE = re.compile(r"(?:\d|million|billion|trillion|percent|%|cents?|dollars?|times|twice|once)\W*$")

# dates.py
DAY_IN = re.compile(r"(?<![\d])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)")

MONTH_IN = re.compile(
    rf"\b({MONTH_FULL}|{'|'.join(MONTH_ABBREVIATIONS)})\b",
    re.IGNORECASE,
)

WEEKDAY_IN = re.compile(rf"\b({'|'.join(WEEKDAY_NAMES)})", re.IGNORECASE)

PART_IN = re.compile(r"\b(morning|afternoon|evening|night|overnight|tonight)\b", re.IGNORECASE)

SPELLED_YEAR_IN = re.compile(SPELLED_YEAR, re.IGNORECASE)

RELATIVE_PREFIX = re.compile(
    r"^(?:(this\s+past|this\s+coming|earlier\s+this|later\s+this|last|next|this|past|coming|early|late|mid|earlier|later)[\s-]+)",
    re.IGNORECASE,
)

COMPARED = re.compile(r"(?i)\b(?:compared|from|versus|vs\.|against)\b")

SINCE = re.compile(r"(?i)\b(?:since|from)\s+(?:the\s+)?$")

# quantities.py
UNIT_OF_WORD = re.compile(
    r"(second|sec|minute|min|hour|hr|day|night|week|fortnight|month|quarter|year|yr|decade|centur(?:y|ie)|weekend)s?\b",
    re.IGNORECASE,
)

QUANTITY_OF = re.compile(
    r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2)?|(?:[a-z]+[- ])?[a-z]+|an?\s+(?:few|couple(?:\s+of)?|dozen|half))[\s-]+"
    r"(?=(?:second|sec|minute|min|hour|hr|day|week|fortnight|month|quarter|year|yr|decade|centur))",
    re.IGNORECASE,
)

HEDGE_WORDS = re.compile(
    r"^(?:(?:about|around|nearly|almost|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than|at\s+least"
    r"|at\s+most|over|under|only|just|barely|up\s+to|no\s+more\s+than|well\s+over|close\s+to|upwards\s+of"
    r"|the\s+better\s+part\s+of|the|past|last|next|coming|previous|first|final|latest|following|remaining"
    r"|preceding|ensuing|initial|same|every|each|other|once|twice|per)\s+)+",
    re.IGNORECASE,
)

STRAIGHT = re.compile(r"(?i)\s+(?:more|straight|consecutive|successive|full|whole|entire)\s+")

# scan.py
YEAR_AGO_SPAN = re.compile(r"(?i)\byear[- ](?:ago|earlier)\s+(?:quarter|period)$")

APPOSITIVE_GAP = re.compile(r",\s+(?:the\s+)?$")

ENDED_GAP = re.compile(r"\s+(?:ended|ending)\s+(?:on\s+)?$")

RANGE_END = re.compile(r"(?i)\s*(?:to|until|till|through|thru|and|-|–|—)\b|\s*[-–—]")

COMPARISON = re.compile(r"(?i)\byear[- ](?:ago|earlier)\b|\b(?:ago|earlier|before|later)$")

# "For the nine months, ...": results for several quarters together; the reported quarter is left.
RESULTS_SPAN = re.compile(r"(?i)(?:the\s+)?(?:first\s+|latest\s+)?(?:six|nine|\d+)[\s-]+months?$")

# resolvers/clock.py
CLOCK_IN = re.compile(r"(\d{1,2})(?:[:.]?(\d\d))?\s*([ap])?", re.IGNORECASE)  # "8:30 a.m.", "0830 GMT", "9.14pm"

DATE_AFTER_CLOCK = re.compile(
    r"\s+on\s+(?:((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b(?:,\s+\d{4})?)"
    rf"|(\d{{1,2}}\s+(?:{MONTH_FULL})"
    r"(?:\s+\d{4})?\b))"
)

WEEKDAY_AFTER_CLOCK = re.compile(rf"(?i)\s+on\s+({'|'.join(WEEKDAY_NAMES)})\b")

# resolvers/days.py
NARRATIVE_WEEKDAY = re.compile(r"(?i)^the\s+(previous|preceding|following|next)\s+")

COPULA_BEFORE = re.compile(r"(?i)\b(?:is|are)\s+(?:on\s+)?$")

CLOSE_BEFORE = re.compile(r"(?i)\bclosing\s+(?:share\s+)?(?:price|level|value|bid)s?\s+(?:on\s+|of\s+)?$")

# resolvers/durations.py
COUNT_WORDS_BEFORE_UNIT = re.compile(
    r"\b(?:for|in|within|over|after|of|about|recent|past|last|next|coming|previous|several|those|these|the"
    r"|wait(?:s|ed|ing)?|took|takes?|taking|spen[dt](?:s|ing)?|lasted|lasting)\s+$",
    re.IGNORECASE,
)

FRACTION_OF = re.compile(r"(?i)\s+of\s+(?:a|an|the|its|their|his|her)\b")

SPEED_BEFORE = re.compile(r"(?i)\b(?:kilomet(?:re|er)s|km|miles|metres|meters|feet|knots|litres|liters|gallons)\s+$")

HOURS_AND_MINUTES = re.compile(
    r"([a-z]+|\d+)\s+hours?,?\s+(?:and\s+)?(\d+)\s+minutes?(?:,?\s+(?:and\s+)?(\d+(?:\.\d+)?)\s+seconds?)?$"
)

SET_UNIT = re.compile(
    r"(january|february|march|april|may|june|july|august|september|october|november|december|day|week|month|quarter|year|hour|minute|summer|winter|spring|fall|morning|night|evening|afternoon"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    re.IGNORECASE,
)

# resolvers/holidays.py
HOLIDAY_NAME = re.compile(
    r"(?i)^(?:(?:last|next|this|this\s+past|this\s+coming|the\s+(?:day|week)\s+(?:before|after))\s+)?(?:the\s+)?"
)

# resolvers/months.py
MAY_CONTEXT = re.compile(
    r"\b(?:in|since|until|till|by|of|from|through|during|before|after|early|late|mid|last|next|this|since|and|or"
    r"|least|between)\s+$",
    re.IGNORECASE,
)

SCHEDULED_FOR = re.compile(
    r"(?i)\b(?:scheduled|set|slated|planned|due|expected|postponed|delayed|moved|pushed\s+back|rescheduled)"
    r"\s+(?:for|to|until)\s+$"
)

# "March begins tomorrow", "March was the wettest on record": the month as a subject ("May" is too
# often Theresa May: "May will", "May has").
MONTH_AS_SUBJECT = re.compile(r"\s+(?:is|was|begins|began|ends|ended|brings|brought|saw|sees|starts|started)\b")

MONTH_RANGE_AFTER = re.compile(
    r"\s+(?:and|to|through|until|-|–)\s+(?:January|February|April|June|July|August|September|October|November|December)\b"
)

TERM_END_BEFORE = re.compile(r"(?i)\b(?:through|thru|until|till)\s+(?:early\s+|mid-?|late\s+)?$")

PERFECT_BEFORE = re.compile(r"(?i)\b(?:has|have|'s|'ve)\s+(?:(?:also|now|already|just|since)\s+)?$")

# "by summer", "by December" with no tense cue: a deadline, so the coming one
BY_BEFORE = re.compile(r"(?i)\bby\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?$")

# resolvers/offsets.py
SAME_PERIOD_BEFORE = re.compile(
    r"(?i)\bthe\s+(?:(?:corresponding|comparable|same|like)\s+)?(?:quarter|period|three\s+months)\s+$"
)

# A reported period named by its last day, earlier in the sentence: "the quarter ended Sept. 30".
PERIOD_ENDED = re.compile(
    r"\b(?:ended|ending)\s+(?:on\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
)

APPOSITION = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|[A-Z][a-z]+)\.?\s+\d{1,2}|day),\s+$"
)

EVENT_AFTER = re.compile(r"\s+(?:the|a|an|his|her|its|their)\s")

YEAR_BACK = re.compile(r"\b(?:last|previous|prior)\s+year|\byear\s+(?:earlier|ago|before)")

COUNT_AFTER = re.compile(r"(?i)\s+(?:\d+|few|several|many|two|three|four|five|six|seven|eight|nine|ten|dozen)\b")

# resolvers/years.py
QUARTER_ORDINAL = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|final)\b", re.IGNORECASE)

ENDED_AFTER = re.compile(r"(?i),?\s+(?:which|that)\s+ended\b|\s+ended\s+(?:on\s+)?[A-Z]")

TEMPERATURE = re.compile(
    r"(?i)\b(?:temperatures?|degrees|highs|lows|thermometers?|mercury|heat\s+index|wind\s+chill)\b|°"
)


# Inside and around spans, read by the resolvers (and quantities, the scan).
HEDGED = re.compile(
    r"(?i)(?:about|around|nearly|almost|roughly|approximately|some|more|less|fewer|at|over|under|close|upwards|the\s+better)\b"
)
ARTICLE_KEPT = re.compile(r"\d(?:st|nd|rd|th)\b|\bof\b")
INDEFINITE_ARTICLE = re.compile(r"an?\b")
PER_HOUR = re.compile(r"(?:an?|per)\s+(?:hour|minute|second)\b")
A_QUARTER = re.compile(r"an?\s+quarter")
PER_UNIT = re.compile(r"(?:an?|one|per)\s+(?:day|week|month|year)\b")
PAST_IN = re.compile(r"\b(?:past|last|previous)\b")
HOLIDAY_WEEK = re.compile(r"(?i)\s+(?:week|weekend)$")
HOLIDAY_PREPOSITION = re.compile(
    r"(?i)\b(?:on|at|by|before|after|until|till|since|over|for|of|through|during|around|from|to|into)\s+$"
)
SEASON_IN = re.compile(r"spring|summer|fall|autumn|winter")
RELATIVE_UNIT = re.compile(r"(weekend|week|month|year|decade)(?:-(?:end|earlier|ago))?")
RELATIVE_BACK = re.compile(r"\b(?:last|past|previous|prior|latest)\b|year-(?:earlier|ago)")
RELATIVE_AHEAD = re.compile(r"\b(?:next|coming|following)\b")
OFFSET_TAIL = re.compile(r"\s+(ago|earlier|before|later|after|afterwards?|from now|hence|prior|back|on)$")
ANCHORED_UNIT = re.compile(r"(day|morning|afternoon|evening|night|week|month|year)")
ANCHORED_AHEAD = re.compile(r"\b(?:next|following|after)\b")
ANCHORED_BACK = re.compile(r"\b(?:previous|preceding|before)\b")
YEAR_ENDED_AFTER = re.compile(r"\s+(?:ended|ending)\b")
PAST_WORD = re.compile(r"\bpast\b")
YEAR_AGO_IN = re.compile(r"year-(?:earlier|ago)")
DECADE_DIGITS = re.compile(r"(\d+)0'?s")
CENTURY_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)|([a-z]+(?:-[a-z]+)?)[- ]century")
SPELLED_DECADE_IN = re.compile(r"[a-z]+ies$")
NOT_A_YEAR_BEFORE = re.compile(r"(?:No\.|[Nn]umber|Boeing|Airbus|Flight|[Rr]oom|[Rr]oute)\s*$")
RESULTS_FOR = re.compile(r"(?i)\b(?:for|in|during|through)\s+$")


# Days counted from publication, tested in this order: the longer phrase before the word inside it.
DAY_OFFSETS = {
    "day before yesterday": -2, "day after tomorrow": 2, "yesterday": -1, "last night": -1, "tomorrow": 1,
    "today": 0, "tonight": 0,
}  # fmt: skip


WORDS = Words(
    months=MONTHS,
    weekdays=WEEKDAYS,
    numbers=NUMBERS,
    ordinals=ORDINALS,
    units=UNITS,
    seasons=SEASONS,
    parts_of_day=PARTS_OF_DAY,
    spelled_decades=SPELLED_DECADES,
    references=REFERENCES,
    adverb_sets=ADVERB_SETS,
    terms=TERMS,
    day_offsets=DAY_OFFSETS,
    tonight="tonight",
    overnight="overnight",
    noon="noon",
    midnight="midnight",
    meridiems={"a": "am", "p": "pm"},
    plural="s",
    possessive=("'s", "’s"),
    half="half",
    year="year",
    range_start="from",
    counting_back=frozenset(("before", "prior")),
    the="the",
    last="last",
    next="next",
    last_year="last year",
    next_year="next year",
    year_ago="year ago",
    end_suffix=" end",
    year_end="year-end",
    earlier_this="earlier this",
    earlier="earlier ",
    later_this="later this",
    anchor_signals=(" before", " after"),
    the_same="the same",
    the_past="the past",
    recent_words=frozenset(("recently", "recent", "lately")),
    fraction_after=(" of ", " cen", " mil", " poi"),
    measure_after=(" inch",),
    decade_openers=("the", "early", "mid", "late"),
    week_suffix=" week",
    weekend_suffix=" weekend",
    bare_holidays=frozenset(("christmas", "thanksgiving", "easter", "halloween")),
    holiday_keys={},  # the calendar's names are English's
    ambiguous_months=("May", "March"),
    verb_months=("March",),
    for_before="for ",
    of_after=" of ",
    age="old",
    recent="recent",
    record_unit="minutes",
    record_after=(" of ", " fro"),
    other="other",
)

TENSE = Tense(
    sentence_end=SENTENCE_END,
    cue=TENSE_CUE,
    same_as_base=SAME_AS_BASE,
    modal_before=MODAL_BEFORE,
    noun_before=NOUN_BEFORE,
    noun_after=NOUN_AFTER,
    passive_before=PASSIVE_BEFORE,
    scheduled_present=SCHEDULED_PRESENT,
    present_aux=PRESENT_AUX,
    not_a_verb_before=NOT_A_VERB_BEFORE,
    final_before=FINAL_BEFORE,
    modal_verb_before=MODAL_VERB_BEFORE,
    intent_noun=INTENT_NOUN,
    determiner_before=DETERMINER_BEFORE,
    to_have_before=TO_HAVE_BEFORE,
    intent_past=INTENT_PAST,
    when_after=WHEN_AFTER,
    speech_verbs=SPEECH_VERBS,
    word=re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\d+(?:\.\d+)?"),
    framing=("until", "till"),
    scheduled_initials="".join(sorted({verb[0] for verb in SCHEDULED_VERBS})),
    infinitive="to ",
    final_words=frozenset(("last",)),
    weak_past_suffix="ed",
    negative_prefix="un",
    perfect_infinitive_hint="have ",
    set_for=" set for ",
    set_for_adverbs=frozenset(("now", "still", "tentatively", "currently", "also", "again", "officially")),
    contracted_aux=("'s",),
    as_soon_as="as soon as",
    quote_marks=('"', "“", "”"),
    closing_quotes=('"', "”"),
    conditional="would",
    since="since",
    title_stop=NOT_AFTER_TITLE_STOP,
)

CUES = Cues(
    count_noun=COUNT_NOUN,
    money_or_rate=MONEY_OR_RATE,
    day_in=DAY_IN,
    month_in=MONTH_IN,
    weekday_in=WEEKDAY_IN,
    part_in=PART_IN,
    spelled_year_in=SPELLED_YEAR_IN,
    spelled_year_hint=re.compile("teen |twenty|thousand"),
    relative_prefix=RELATIVE_PREFIX,
    compared=COMPARED,
    since_before=SINCE,
    unit_of_word=UNIT_OF_WORD,
    quantity_of=QUANTITY_OF,
    hedge_words=HEDGE_WORDS,
    straight=STRAIGHT,
    year_ago_span=YEAR_AGO_SPAN,
    appositive_gap=APPOSITIVE_GAP,
    ended_gap=ENDED_GAP,
    range_end=RANGE_END,
    comparison=COMPARISON,
    results_span=RESULTS_SPAN,
    clock_in=CLOCK_IN,
    date_after_clock=DATE_AFTER_CLOCK,
    weekday_after_clock=WEEKDAY_AFTER_CLOCK,
    narrative_weekday=NARRATIVE_WEEKDAY,
    copula_before=COPULA_BEFORE,
    close_before=CLOSE_BEFORE,
    count_words_before_unit=COUNT_WORDS_BEFORE_UNIT,
    fraction_of=FRACTION_OF,
    speed_before=SPEED_BEFORE,
    hours_and_minutes=HOURS_AND_MINUTES,
    set_unit=SET_UNIT,
    holiday_name=HOLIDAY_NAME,
    may_context=MAY_CONTEXT,
    scheduled_for=SCHEDULED_FOR,
    month_as_subject=MONTH_AS_SUBJECT,
    month_range_after=MONTH_RANGE_AFTER,
    term_end_before=TERM_END_BEFORE,
    perfect_before=PERFECT_BEFORE,
    by_before=BY_BEFORE,
    period_ended=PERIOD_ENDED,
    apposition=APPOSITION,
    event_after=EVENT_AFTER,
    year_back=YEAR_BACK,
    same_period_before=SAME_PERIOD_BEFORE,
    count_after=COUNT_AFTER,
    quarter_ordinal=QUARTER_ORDINAL,
    ended_after=ENDED_AFTER,
    temperature=TEMPERATURE,
    span_word=re.compile(r"[a-z]+(?:-[a-z]+)*"),
    leading_article=re.compile(r"(?i)the "),
    week_of=re.compile(r"(?i) of "),
    hedged=HEDGED,
    article_kept=ARTICLE_KEPT,
    indefinite_article=INDEFINITE_ARTICLE,
    per_hour=PER_HOUR,
    a_quarter=A_QUARTER,
    per_unit=PER_UNIT,
    past_in=PAST_IN,
    holiday_week=HOLIDAY_WEEK,
    holiday_preposition=HOLIDAY_PREPOSITION,
    season_in=SEASON_IN,
    relative_unit=RELATIVE_UNIT,
    relative_back=RELATIVE_BACK,
    relative_ahead=RELATIVE_AHEAD,
    offset_tail=OFFSET_TAIL,
    anchored_unit=ANCHORED_UNIT,
    anchored_ahead=ANCHORED_AHEAD,
    anchored_back=ANCHORED_BACK,
    year_ended_after=YEAR_ENDED_AFTER,
    past_word=PAST_WORD,
    year_ago_in=YEAR_AGO_IN,
    decade_digits=DECADE_DIGITS,
    century_ordinal=CENTURY_ORDINAL,
    spelled_decade_in=SPELLED_DECADE_IN,
    not_a_year_before=NOT_A_YEAR_BEFORE,
    results_for=RESULTS_FOR,
)

ENGLISH = Language(
    code="en",
    rules=RULES,
    starters=STARTERS,
    words=WORDS,
    tense=TENSE,
    cues=CUES,
    number=number,
    spelled_year=spelled_year,
)
