"""The chronology's cases (tests/timeline_cases.py), one parametrized test each, keyed by the kind
of expression, the rule and the phrase; the batch a rule came from is a column of the table."""

from __future__ import annotations

import pytest
from timeline_cases import CASES, MONDAY, NOT_TIMES, Case, NotATime

from citecheck.timeline import tag_text
from citecheck.timeline.languages import LANGUAGES, language
from citecheck.timeline.patterns import TIMEX, timex


@pytest.mark.parametrize("case", CASES, ids=[f"{c.kind}:{c.rule}:{c.phrase}@{c.text[:24]}" for c in CASES])
def test_expression(case: Case) -> None:
    mentions = {m.text: m for m in tag_text(case.text, case.published)}
    assert case.phrase in mentions, f"{case.phrase!r} not tagged in {case.text!r}: {list(mentions)}"
    found = mentions[case.phrase]
    assert found.value == case.value
    if case.type is not None:
        assert found.type == case.type
        assert found.begin is None or case.type in ("DATE", "DURATION")  # a set is no dated interval
    # The table is grouped by kind: the phrase must still be read by the kind it is filed under
    # (the first expression inside it, for a span the narrative pass joined from two).
    at = case.text.find(case.phrase)
    match = TIMEX.search(case.text, at)
    assert match is not None and match.start() < at + len(case.phrase) and match.lastgroup == case.kind


@pytest.mark.parametrize("case", NOT_TIMES, ids=[f"{c.rule}@{c.text[:30]}" for c in NOT_TIMES])
def test_not_a_time(case: NotATime) -> None:
    assert tag_text(case.text, MONDAY) == []


RULE_EXAMPLES = [
    (tables.code, rule.kind, example, read)
    for tables in LANGUAGES.values()
    for rule in tables.rules
    for examples, read in ((rule.examples, True), (rule.not_examples, False))
    for example in examples
]


@pytest.mark.parametrize(("code", "kind", "example", "read"), RULE_EXAMPLES)
def test_each_rule_reads_the_examples_written_above_it(code: str, kind: str, example: str, read: bool) -> None:
    # The examples of a rule table are data: each is read whole, and by its own rule (not an earlier
    # one); a not-example is not read by that rule at all.
    pattern = timex(language(code))
    if read:
        match = pattern.match(example)
        assert match is not None and (match.lastgroup, match.group()) == (kind, example)
    else:
        assert all(m.lastgroup != kind for m in pattern.finditer(example))


def test_every_rule_has_examples_and_a_resolver() -> None:
    from citecheck.timeline.registry import RESOLVERS

    for tables in LANGUAGES.values():
        kinds = [rule.kind for rule in tables.rules]
        assert len(kinds) == len(set(kinds))
        assert all(rule.examples for rule in tables.rules)
        assert set(kinds) == set(RESOLVERS)


def test_a_language_is_found_by_its_primary_subtag() -> None:
    assert language("en-GB") is language("EN") is LANGUAGES["en"]
    with pytest.raises(ValueError, match="no tables for language 'de'"):
        language("de")
