"""`effects tip`: a sub-point at random, from a seed, from one section, or the tip of the day.

What `tip` says about sections and seeds it cannot take is in tests/messages.py (ARGUMENTS)."""

from __future__ import annotations

import datetime
import itertools
import json
from collections.abc import Callable

import pytest

from effects_cli.daily import daily_pick
from effects_cli.model import Guide
from tests.helpers import BUNDLED, Invoke


def test_tip_with_a_seed_is_reproducible_and_renders_like_show(invoke: Invoke) -> None:
    first = invoke("tip", "--seed", "7")
    again = invoke("tip", "--seed", "7")
    assert first.exit_code == 0 and first.stdout == again.stdout
    ref = json.loads(invoke("tip", "--seed", "7", "--json").stdout)["ref"]
    assert first.stdout == invoke("show", ref).stdout


def test_tip_seeds_reach_every_sub_point(invoke: Invoke) -> None:
    refs = {
        json.loads(invoke("tip", "--seed", str(seed), "--json").stdout)["ref"]
        for seed in range(300)
    }
    assert refs == {f"{s}.{p}" for s in range(1, 11) for p in (1, 2, 3)}


@pytest.mark.parametrize("section", [1, 4, 10])
def test_tip_from_one_section(invoke: Invoke, section: int) -> None:
    for seed in range(10):
        tip = json.loads(
            invoke("tip", "--section", str(section), "--seed", str(seed), "--json").stdout
        )
        assert tip["section"]["ref"] == str(section)
        assert tip["ref"].startswith(f"{section}.")


def test_tip_without_a_seed_is_a_valid_sub_point(invoke: Invoke) -> None:
    tip = json.loads(invoke("tip", "--json").stdout)
    number, point = (int(n) for n in tip["ref"].split("."))
    assert tip["text"] == BUNDLED["sections"][number - 1]["points"][point - 1]["text"]


# --- the tip of the day ----------------------------------------------------------------------


def _daily_ref(invoke: Invoke, *args: str) -> str:
    result = invoke("tip", "--daily", "--json", *args)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return json.loads(result.stdout)["ref"]


def test_daily_tip_is_the_same_all_day_and_changes_tomorrow(
    invoke: Invoke, today: Callable[[datetime.date], None], guide: Guide
) -> None:
    start = datetime.date.fromordinal(739_320)  # 2025-03-10, the first day of a 30-day run
    refs = []
    for offset in range(60):
        today(start + datetime.timedelta(days=offset))
        refs.append(_daily_ref(invoke))
        assert _daily_ref(invoke) == refs[-1]
    assert all(ref != tomorrow for ref, tomorrow in itertools.pairwise(refs))
    assert len(set(refs[:30])) == 30  # every tip once in a month of days
    assert refs[0] == daily_pick(list(guide.points()), start.toordinal()).ref


def test_daily_tip_renders_like_show(
    invoke: Invoke, today: Callable[[datetime.date], None]
) -> None:
    today(datetime.date(2025, 3, 1))
    ref = _daily_ref(invoke)
    assert invoke("tip", "--daily").stdout == invoke("show", ref).stdout


def test_daily_tip_from_one_section(invoke: Invoke, today: Callable[[datetime.date], None]) -> None:
    refs = []
    for day in range(1, 7):
        today(datetime.date(2025, 3, day))
        refs.append(_daily_ref(invoke, "--section", "4"))
    assert {ref.split(".")[0] for ref in refs} == {"4"}
    assert set(refs[:3]) == {"4.1", "4.2", "4.3"} == set(refs[3:])
