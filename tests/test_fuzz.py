"""The fuzz target under hypothesis, bounded for CI: mutated fixtures through every stage and
every output format (see fuzz_target.py). ``CITECHECK_FUZZ_EXAMPLES`` sets how many inputs
(default 150, about 20 s here); benchmarks/fuzz_hostile.py is the long run."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from fuzz_target import OPERATIONS, PUBLISHED, SUFFIXES, mutate, run_one, seeds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SEEDS = seeds()

mutations = st.lists(
    st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 1 << 20), st.integers(0, 1 << 16)), max_size=8
)


@settings(
    max_examples=int(os.environ.get("CITECHECK_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    seed=st.integers(0, len(SEEDS) - 1),
    steps=mutations,
    suffix=st.one_of(st.none(), st.sampled_from(SUFFIXES)),
    published=st.sampled_from(PUBLISHED),
    gzip_cut=st.sampled_from((0, 1, 7, 100)),
)
def test_mutated_fixtures_end_in_a_report(
    tmp_path: Path,
    seed: int,
    steps: list[tuple[str, int, int]],
    suffix: str | None,
    published: dt.date | None,
    gzip_cut: int,
) -> None:
    seed_suffix, data = SEEDS[seed]
    run_one(tmp_path, suffix if suffix is not None else seed_suffix, mutate(data, steps, SEEDS), published, gzip_cut)


def test_the_target_catches_what_it_should(tmp_path: Path) -> None:
    # The target must be able to fail: a bug planted in a stage is reported, not swallowed.
    import pytest
    from fuzz_target import FuzzFailure

    from citecheck.embeds import twitter

    original = twitter.Twitter.from_text
    try:
        twitter.Twitter.from_text = lambda *_args: 1 / 0  # type: ignore[assignment,method-assign]
        with pytest.raises(FuzzFailure, match="internal error ZeroDivisionError"):
            run_one(tmp_path, ".txt", "date 2025-03-14\n\nHi — A (@a) March 1, 2025\n".encode(), None)
    finally:
        twitter.Twitter.from_text = original  # type: ignore[method-assign]
