"""Tense and aspect: does the sentence around a mention speak of the past or of the future?

What HeidelTime keeps in its ContextAnalyzer: the nearest tense cue before a mention (past verbs,
modals, intents, "had been due to"), reported speech, and the sentence a mention stands in.
"""

from __future__ import annotations

import re

from .languages import Language
from .languages.base import trie_pattern
from .languages.en import COUNT_NOUNS, NOT_AFTER_TITLE_STOP

WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\d+(?:\.\d+)?")

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

SCHEDULED_PRESENT = re.compile(r"(?i)(?:begin|start|open|meet|arrive|leave|expire)s?$")

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


def tense_cues(segment: str, language: Language, after: bool = False) -> list[tuple[int, str]]:
    """(position, "future"/"past") of each tense cue in a segment of the sentence.

    ``after``: the segment follows the mention, where a past verb of intent is the event the date
    belongs to ("On Friday, the government agreed to pay ..." is a past Friday).
    """
    cues: list[tuple[int, str]] = []
    for cue in TENSE_CUE.finditer(segment):
        word = cue.group(0)
        if cue.group("future") is not None:
            if word.lower() in ("until", "till") and (after or not segment[: cue.start()].strip()):
                continue  # "Until Thursday, they had not ..." frames the past; "extended until Friday" looks ahead
            if word[0] in "bsomael" and SCHEDULED_PRESENT.match(word) and segment[: cue.start()].endswith("to "):
                continue  # "made it hard to meet demand": an infinitive; the verb governing it sets the tense
            if INTENT_NOUN.match(word) and DETERMINER_BEFORE.search(segment, max(0, cue.start() - 8), cue.start()):
                continue
            intent_past = (
                after
                and INTENT_PAST.match(word) is not None
                and segment[: cue.start()].strip().lower() not in PRESENT_AUX
            )  # "the third quarter is expected to ...": the date's own verb, present, looks ahead
            cues.append((cue.start(), "past" if intent_past else "future"))
            continue
        if word.lower() in SAME_AS_BASE and (
            MODAL_BEFORE.search(segment, max(0, cue.start() - 12), cue.start())
            or NOUN_BEFORE.search(segment, max(0, cue.start() - 20), cue.start())
            or NOUN_AFTER.match(segment, cue.end())
        ):
            continue  # "will hit", "to cut": a base form the modal gives a tense; "a sharp cut in": a noun
        if PASSIVE_BEFORE.search(segment, max(0, cue.start() - 8), cue.start()):
            continue  # "when the case is heard in May": a present passive, no past
        if word.lower() == "last" and FINAL_BEFORE.search(segment, max(0, cue.start() - 8), cue.start()):
            continue  # "the last show": the final one, no tense
        weak = word.endswith("ed") and word.islower() and cue.group("pastfuture") is None
        if (
            weak
            and (
                word.startswith("un")
                or segment[cue.start() - 1 : cue.start()] == "-"  # "lower-priced": a compound adjective
                or MODAL_VERB_BEFORE.search(segment, max(0, cue.start() - 30), cue.start())
                or NOT_A_VERB_BEFORE.search(segment, max(0, cue.start() - 16), cue.start())
                or (
                    "have " in segment[max(0, cue.start() - 40) : cue.start()]
                    and TO_HAVE_BEFORE.search(segment, max(0, cue.start() - 40), cue.start())
                )
            )
        ):
            # an adjective: "an unspecified date", "in closed session"; a perfect infinitive looks
            # ahead with the verb before it: "hope to have it fully contained by Friday"
            continue
        cues.append((cue.start(), "past"))
    at = segment.find(" set for ")  # "the election is set for Nov. 3" (a plain search: no compile at import)
    head = segment[:at].split()[-2:] if at > 0 else []
    if len(head) == 2 and head[1].lower() in (
        "now",
        "still",
        "tentatively",
        "currently",
        "also",
        "again",
        "officially",
    ):
        head = head[:1]  # "the launch is now set for Saturday"
    aux = head[-1].lower() if head else ""
    if aux in PRESENT_AUX or aux.endswith("'s"):
        cues.append((at, "future"))
        cues.sort()
    return cues


COUNT_NOUN = re.compile(rf"\s+(?:{'|'.join(COUNT_NOUNS)})\b")

MONEY_OR_RATE = re.compile(r"(?:\d|million|billion|trillion|percent|%|cents?|dollars?|times|twice|once)\W*$")


def sentence_around(text: str, start: int, end: int, language: Language) -> tuple[str, str]:
    """The parts of the mention's sentence before and after it (a bounded window: cheap)."""
    # One character past the mention, so that a sentence ending right before it is seen as ended.
    lo = max(0, start - 160)
    ends = [m.end() for m in SENTENCE_END.finditer(text, lo, start + 1) if m.end() <= start]
    before = text[ends[-1] if ends else lo : start]
    after = text[end : end + 160]
    stop = SENTENCE_END.search(after)
    if stop:
        after = after[: stop.start()]
    return before, after


def tense(text: str, start: int, end: int, language: Language) -> str | None:
    """ "future", "past", or None: the nearest tense cue before the mention, else the first after it."""
    return tense_reading(text, start, end, language)[0]


def tense_reading(
    text: str, start: int, end: int, language: Language
) -> tuple[str | None, str, tuple[int, str] | None]:
    """``tense``'s answer, with the part of the sentence before the mention and the last cue in it
    (position and kind; None: none before), for callers that go on to ask which word that cue is."""
    before, after = sentence_around(text, start, end, language)
    cues = tense_cues(before, language)
    if cues:
        last = cues[-1]
        soon = before.lower().rfind("as soon as")
        if soon >= 0 and any(at >= soon and when == "future" for at, when in cues):
            # "buy as soon as trading opened Monday": the past form is the clause "as soon as" governs
            return "future", before, last
        if last[1] == "future" and before[last[0] :].lower().startswith(("until", "till")):
            # "spread slowly until Wednesday, when temperatures climbed": a story told in the past
            then = WHEN_AFTER.match(after)
            if then and any(when == "past" for _, when in tense_cues(after[then.end() :], language)):
                return "past", before, last
        return last[1], before, last
    if (before.count('"') + before.count("“") + before.count("”")) % 2:
        # inside a quotation the speaker's tense counts, not the attribution after it:
        # '"We're just thinking about Saturday," he said.'
        close = min((i for i in (after.find('"'), after.find("”")) if i >= 0), default=len(after))
        after = after[:close]
    cues = tense_cues(after, language, after=True)
    return (cues[0][1] if cues else None), before, None


WHEN_AFTER = re.compile(r",?\s+when\b")

SPEECH_VERBS = frozenset(("said", "says", "told", "reported", "announced"))


def reported_speech(text: str, start: int, end: int, language: Language) -> bool:
    """The nearest cue before the mention is a verb of saying several words back ("told oil companies
    of a cutback in September"): the date belongs to what was said, whose tense the verb does not fix."""
    before, _ = sentence_around(text, start, end, language)
    cues = tense_cues(before, language)
    if not cues:
        return False
    cue = TENSE_CUE.match(before, cues[-1][0])
    if cue is None or cue.group(0).lower() not in SPEECH_VERBS:
        return False
    return len(WORD.findall(before, cue.end())) >= 4


def speaks_of_future(text: str, start: int, end: int, language: Language) -> bool:
    return tense(text, start, end, language) == "future"
