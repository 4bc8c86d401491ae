"""The words of news English that name times, and the regex fragments built from them.

Every word list the chronology reads is here: the names (months, weekdays, numbers, units,
holidays) and the veto lists (the words after which a time word names a thing, not a time). A
list whose entries carry a regex suffix (``storms?``) says so. Another language is another set of
these tables (the patterns in ``patterns.py`` are built from them); English is the only one today.
"""

from __future__ import annotations

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


def alternation(words: list[str]) -> str:
    """Longest first, so "September" wins over "Sept" inside one alternation."""
    return "|".join(sorted(words, key=len, reverse=True))


Trie = dict[str, "Trie"]


def trie_pattern(words: tuple[str, ...], fold: bool = True) -> str:
    """A prefix-factored alternation: the regex engine skips a branch on its first character.

    ``fold``: letters match either case (``[aA]``); without it, for use inside ``(?i:...)``.
    """
    tree: Trie = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: Trie) -> str:
        ends = "" in node
        branches = [
            (f"[{c}{c.upper()}]" if fold and c.isalpha() else c) + emit(sub) for c, sub in sorted(node.items()) if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + ("?" if ends else "")

    return emit(tree)


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
