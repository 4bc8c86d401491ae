"""Tense and aspect: does the sentence around a mention speak of the past or of the future?

What HeidelTime keeps in its ContextAnalyzer: the nearest tense cue before a mention (past verbs,
modals, intents, "had been due to"), reported speech, and the sentence a mention stands in.
"""

from __future__ import annotations

from .languages import Language


def tense_cues(segment: str, language: Language, after: bool = False) -> list[tuple[int, str]]:
    """(position, "future"/"past") of each tense cue in a segment of the sentence.

    ``after``: the segment follows the mention, where a past verb of intent is the event the date
    belongs to ("On Friday, the government agreed to pay ..." is a past Friday).
    """
    t = language.tense
    cues: list[tuple[int, str]] = []
    for cue in t.cue.finditer(segment):
        word = cue.group(0)
        if cue.group("future") is not None:
            if word.lower() in t.framing and (after or not segment[: cue.start()].strip()):
                continue  # "Until Thursday, they had not ..." frames the past; "extended until Friday" looks ahead
            if (
                word[0] in t.scheduled_initials
                and t.scheduled_present.match(word)
                and segment[: cue.start()].endswith(t.infinitive)
            ):
                continue  # "made it hard to meet demand": an infinitive; the verb governing it sets the tense
            if t.intent_noun.match(word) and t.determiner_before.search(segment, max(0, cue.start() - 8), cue.start()):
                continue
            intent_past = (
                after
                and t.intent_past.match(word) is not None
                and segment[: cue.start()].strip().lower() not in t.present_aux
            )  # "the third quarter is expected to ...": the date's own verb, present, looks ahead
            cues.append((cue.start(), "past" if intent_past else "future"))
            continue
        if word.lower() in t.same_as_base and (
            t.modal_before.search(segment, max(0, cue.start() - 12), cue.start())
            or t.noun_before.search(segment, max(0, cue.start() - 20), cue.start())
            or t.noun_after.match(segment, cue.end())
        ):
            continue  # "will hit", "to cut": a base form the modal gives a tense; "a sharp cut in": a noun
        if t.passive_before.search(segment, max(0, cue.start() - 8), cue.start()):
            continue  # "when the case is heard in May": a present passive, no past
        if word.lower() in t.final_words and t.final_before.search(segment, max(0, cue.start() - 8), cue.start()):
            continue  # "the last show": the final one, no tense
        weak = word.endswith(t.weak_past_suffix) and word.islower() and cue.group("pastfuture") is None
        if (
            weak
            and (
                word.startswith(t.negative_prefix)
                or segment[cue.start() - 1 : cue.start()] == "-"  # "lower-priced": a compound adjective
                or t.modal_verb_before.search(segment, max(0, cue.start() - 30), cue.start())
                or t.not_a_verb_before.search(segment, max(0, cue.start() - 16), cue.start())
                or (
                    t.perfect_infinitive_hint in segment[max(0, cue.start() - 40) : cue.start()]
                    and t.to_have_before.search(segment, max(0, cue.start() - 40), cue.start())
                )
            )
        ):
            # an adjective: "an unspecified date", "in closed session"; a perfect infinitive looks
            # ahead with the verb before it: "hope to have it fully contained by Friday"
            continue
        cues.append((cue.start(), "past"))
    at = segment.find(t.set_for)  # "the election is set for Nov. 3" (a plain search: no compile at import)
    head = segment[:at].split()[-2:] if at > 0 else []
    if len(head) == 2 and head[1].lower() in t.set_for_adverbs:
        head = head[:1]  # "the launch is now set for Saturday"
    aux = head[-1].lower() if head else ""
    if aux in t.present_aux or aux.endswith(t.contracted_aux):
        cues.append((at, "future"))
        cues.sort()
    return cues


def sentence_around(text: str, start: int, end: int, language: Language) -> tuple[str, str]:
    """The parts of the mention's sentence before and after it (a bounded window: cheap)."""
    # One character past the mention, so that a sentence ending right before it is seen as ended.
    lo = max(0, start - 160)
    ends = [m.end() for m in language.tense.sentence_end.finditer(text, lo, start + 1) if m.end() <= start]
    before = text[ends[-1] if ends else lo : start]
    after = text[end : end + 160]
    stop = language.tense.sentence_end.search(after)
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
        soon = before.lower().rfind(language.tense.as_soon_as)
        if soon >= 0 and any(at >= soon and when == "future" for at, when in cues):
            # "buy as soon as trading opened Monday": the past form is the clause "as soon as" governs
            return "future", before, last
        if last[1] == "future" and before[last[0] :].lower().startswith(language.tense.framing):
            # "spread slowly until Wednesday, when temperatures climbed": a story told in the past
            then = language.tense.when_after.match(after)
            if then and any(when == "past" for _, when in tense_cues(after[then.end() :], language)):
                return "past", before, last
        return last[1], before, last
    if sum(before.count(mark) for mark in language.tense.quote_marks) % 2:
        # inside a quotation the speaker's tense counts, not the attribution after it:
        # '"We're just thinking about Saturday," he said.'
        close = min((i for i in map(after.find, language.tense.closing_quotes) if i >= 0), default=len(after))
        after = after[:close]
    cues = tense_cues(after, language, after=True)
    return (cues[0][1] if cues else None), before, None


def reported_speech(text: str, start: int, end: int, language: Language) -> bool:
    """The nearest cue before the mention is a verb of saying several words back ("told oil companies
    of a cutback in September"): the date belongs to what was said, whose tense the verb does not fix."""
    before, _ = sentence_around(text, start, end, language)
    cues = tense_cues(before, language)
    if not cues:
        return False
    cue = language.tense.cue.match(before, cues[-1][0])
    if cue is None or cue.group(0).lower() not in language.tense.speech_verbs:
        return False
    return len(language.tense.word.findall(before, cue.end())) >= 4


def speaks_of_future(text: str, start: int, end: int, language: Language) -> bool:
    return tense(text, start, end, language) == "future"
