"""The tip of the day: the same all day, a different one the next, every one in turn."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Sequence

T = TypeVar("T")


def daily_pick(items: Sequence[T], day: int) -> T:
    """The item for ``day`` (a day number, such as `datetime.date.toordinal`).

    Days are taken in runs as long as ``items``; each run walks through the
    items in its own shuffled order, so every item comes up once a run, and no
    two days in a row share one (given two items or more). The pick depends
    only on the number of items and the day.
    """
    if not items:
        raise ValueError("no items to pick from")
    count = len(items)
    if count <= 2:
        return items[day % count]
    run, place = divmod(day, count)
    return items[_order(count, run)[place]]


def _order(count: int, run: int) -> list[int]:
    """The order of a run of ``count`` (three or more) days; it never starts with
    the item the run before ended with."""
    order, before = _shuffled(count, run), _shuffled(count, run - 1)
    if order[0] == before[-1]:  # the swap never touches the last place: count > 2
        order[0], order[1] = order[1], order[0]
    return order


def _shuffled(count: int, seed: int) -> list[int]:
    import random

    order = list(range(count))
    random.Random(seed).shuffle(order)
    return order


def daily_picks(count: int, first_day: int, days: int) -> tuple[int, ...]:
    """`daily_pick` of ``range(count)`` for ``days`` days from ``first_day``, each run's
    order shuffled once (a run is ``count`` days long, so a few runs at most)."""
    if count <= 2:
        return tuple((first_day + at) % count for at in range(days))
    orders: dict[int, list[int]] = {}
    picks = []
    for day in range(first_day, first_day + days):
        run, place = divmod(day, count)
        if run not in orders:
            orders[run] = _order(count, run)
        picks.append(orders[run][place])
    return tuple(picks)
