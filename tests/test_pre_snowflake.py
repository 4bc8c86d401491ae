"""The pre-snowflake Twitter clock: interpolation over known (id, time) points."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import statistics
from pathlib import Path

import pytest

from citecheck.embeds import _pre_snowflake as pre_snowflake

TESTSET = Path(__file__).parent / "fixtures" / "pre_snowflake_testset.csv"


def _testset() -> list[tuple[int, int]]:
    points = []
    for raw in TESTSET.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("id,"):
            continue
        post_id, seconds = line.split(",")
        points.append((int(post_id), int(seconds)))
    return points


def _errors() -> list[float]:
    errors = []
    for post_id, seconds in _testset():
        estimate = pre_snowflake.interpolate(post_id)
        assert estimate is not None, post_id
        errors.append(abs(estimate[0].timestamp() - seconds))
    return sorted(errors)


def test_testset_is_complete() -> None:
    assert len(_testset()) == 1949


def test_max_error_on_testset_is_within_the_returned_bound() -> None:
    errors = _errors()
    bound = pre_snowflake.interpolate(_testset()[0][0])
    assert bound is not None
    assert bound[1] == pre_snowflake.ERROR_BOUND_SECONDS
    assert errors[-1] <= pre_snowflake.ERROR_BOUND_SECONDS
    # The bound is the max observed error rounded up to whole hours.
    assert math.ceil(errors[-1] / 3600) * 3600 == pre_snowflake.ERROR_BOUND_SECONDS


def test_documented_error_figures_match_the_measurement() -> None:
    errors = _errors()
    p90 = errors[math.ceil(0.9 * len(errors)) - 1]
    assert statistics.median(errors) == pytest.approx(pre_snowflake.MEDIAN_ERROR_SECONDS, abs=1)
    assert p90 == pytest.approx(pre_snowflake.P90_ERROR_SECONDS, abs=1)
    assert errors[-1] == pytest.approx(pre_snowflake.MAX_ERROR_SECONDS, abs=1)


def test_mid_range_id_decodes_to_the_right_day() -> None:
    # Test-set point 1093333849 was posted 2009-01-03 12:55:48 UTC.
    estimate = pre_snowflake.interpolate(1093333849)
    assert estimate is not None
    time, error = estimate
    assert time.tzinfo is not None and time.utcoffset() == dt.timedelta(0)
    assert time.date() == dt.date(2009, 1, 3)
    assert abs(time - dt.datetime(2009, 1, 3, 12, 55, 48, tzinfo=dt.timezone.utc)) <= dt.timedelta(seconds=error)


def test_range_ends() -> None:
    first = pre_snowflake.interpolate(20)
    last = pre_snowflake.interpolate(pre_snowflake.LAST_PRE_SNOWFLAKE_ID)
    assert first is not None and first[0] == dt.datetime(2006, 3, 21, 20, 50, 14, tzinfo=dt.timezone.utc)
    assert last is not None and last[0] == dt.datetime(2010, 11, 4, 21, 2, 48, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("post_id", [-1, 0, 19, pre_snowflake.LAST_PRE_SNOWFLAKE_ID + 1, 10**18])
def test_ids_outside_the_range_give_none(post_id: int) -> None:
    assert pre_snowflake.interpolate(post_id) is None


def test_timeline_is_strictly_monotonic() -> None:
    ids, times = pre_snowflake.timeline()
    assert len(ids) == len(times) == 2362
    assert ids[0] == 20 and ids[-1] == pre_snowflake.LAST_PRE_SNOWFLAKE_ID
    assert all(a < b for a, b in itertools.pairwise(ids))
    assert all(a < b for a, b in itertools.pairwise(times))


def test_interpolation_is_monotonic() -> None:
    ids, _ = pre_snowflake.timeline()
    probes = sorted(
        {*ids, *(post_id for post_id, _ in _testset()), *((a + b) // 2 for a, b in itertools.pairwise(ids))}
    )
    times = []
    for post_id in probes:
        estimate = pre_snowflake.interpolate(post_id)
        assert estimate is not None
        times.append(estimate[0])
    assert all(a <= b for a, b in itertools.pairwise(times))
