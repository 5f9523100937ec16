"""The tip of the day: stable all day, different the next, each in turn."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effects_cli.daily import daily_pick


@given(st.integers(min_value=1, max_value=40), st.integers(min_value=0, max_value=10**6))
def test_tomorrow_differs_and_each_run_has_every_item(count: int, first_day: int) -> None:
    items = list(range(count))
    days = range(first_day, first_day + 3 * count + 1)
    picks = [daily_pick(items, day) for day in days]
    if count > 1:
        assert all(today != tomorrow for today, tomorrow in itertools.pairwise(picks))
    start = -first_day % count  # the first day of a run
    for run in range(2):
        assert sorted(picks[start + run * count : start + (run + 1) * count]) == items


def test_the_same_day_gives_the_same_item() -> None:
    items = [f"tip {n}" for n in range(30)]
    assert [daily_pick(items, 739_320 + day) for day in range(5)] == [
        daily_pick(items, 739_320 + day) for day in range(5)
    ]


def test_no_items() -> None:
    with pytest.raises(ValueError, match="no items"):
        daily_pick([], 1)


@pytest.mark.parametrize("count", [1, 2, 3, 30, 101])
def test_the_picks_of_many_days_are_each_days_pick(count: int) -> None:
    from effects_cli.daily import daily_picks

    first = 738_000
    assert daily_picks(count, first, 400) == tuple(
        daily_pick(range(count), day) for day in range(first, first + 400)
    )


def test_the_fast_paths_day_number_is_the_dates() -> None:
    import datetime

    from effects_cli.warm import ordinal

    day = datetime.date(1899, 12, 25)
    while day.year < 2101:
        assert ordinal(day.year, day.month, day.day) == day.toordinal(), day
        day += datetime.timedelta(days=3)
