"""`effects tip`: a sub-point at random, from a seed, from one section, or the tip of the day.

What `tip` says about sections and seeds it cannot take is in tests/messages.py (ARGUMENTS)."""

from __future__ import annotations

import datetime
import itertools
import json
from collections.abc import Callable
from pathlib import Path

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


# --- tip --short: two lines for a shell's start-up ----------------------------------------------

SHORT_3 = (
    "3.2  Self-Help Tools and Resources\n"
    "Social media also provides a number of self-help tools and resources, which is\u2026\n"
)


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        pytest.param([], {}, SHORT_3, id="pipe"),
        pytest.param(
            [],
            {"COLUMNS": "40"},
            "3.2  Self-Help Tools and Resources\nSocial media also provides a number of\u2026\n",
            id="40-columns",
        ),
        pytest.param(
            [],
            {"COLUMNS": "20"},
            "3.2  Self-Help\u2026\nSocial media also\u2026\n",
            id="20-columns",
        ),
        pytest.param(
            ["--color", "always"],
            {},
            "\x1b[1;36m3.2\x1b[0m  \x1b[1mSelf-Help Tools and Resources\x1b[0m\n"
            + SHORT_3.splitlines(keepends=True)[1],
            id="colour",
        ),
        pytest.param(
            ["--color", "always"],
            {"EFFECTS_THEME": "light"},
            "\x1b[1;34m3.2\x1b[0m  \x1b[1mSelf-Help Tools and Resources\x1b[0m\n"
            + SHORT_3.splitlines(keepends=True)[1],
            id="light",
        ),
        pytest.param(
            [],
            {"FORCE_COLOR": "1", "NO_COLOR": "1"},
            "\x1b[1m3.2\x1b[0m  \x1b[1mSelf-Help Tools and Resources\x1b[0m\n"
            + SHORT_3.splitlines(keepends=True)[1],
            id="NO_COLOR-keeps-bold",
        ),
    ],
)
def test_tip_short(invoke: Invoke, args: list[str], env: dict, expected: str) -> None:
    result = invoke(*args, "tip", "--short", "--seed", "3", env=env)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")


def test_tip_short_json_is_the_tip(invoke: Invoke) -> None:
    assert invoke("tip", "--short", "--seed", "3", "--json").stdout == (
        invoke("tip", "--seed", "3", "--json").stdout
    )


def test_tip_short_of_the_day(invoke: Invoke, today: Callable[[datetime.date], None]) -> None:
    today(datetime.date(2026, 12, 1))
    ref = json.loads(invoke("tip", "--daily", "--json").stdout)["ref"]
    assert invoke("tip", "--daily", "--short").stdout.startswith(f"{ref}  ")


@pytest.mark.posix
@pytest.mark.parametrize("columns", [60, 100, 200])
def test_tip_short_on_a_terminal(tmp_path: Path, columns: int) -> None:
    from tests.helpers import on_terminal

    result = on_terminal("tip", "--short", "--seed", "3", cwd=tmp_path, columns=columns)
    width = min(columns, 80)
    lines = result.stdout.splitlines()
    assert (result.returncode, result.stderr, len(lines)) == (0, "", 2)
    assert lines[0] == "\x1b[1;36m3.2\x1b[0m  \x1b[1mSelf-Help Tools and Resources\x1b[0m"
    assert len(lines[1]) <= width and lines[1].endswith("\u2026")
