"""Guides built to exhaust: alias bombs, text repeated by aliases, files past the size
limit, and the variable that sets it. Each ends quickly with one line and exit 3 (or 2 for
a bad value of the variable), in bounded memory; a big honest guide still loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from effects_cli.loader import MAX_BYTES, load_guide
from tests.helpers import MESSAGE, ONE_SECTION, Invoke, run_effects
from tests.messages import more_problems


def _alias_bomb(copies: int) -> str:
    """``copies`` sections, each an alias of one holding ``copies`` aliases of one point:
    ``copies`` squared sub-points named in a few kilobytes."""
    points = ", ".join(["&p {title: P, text: t}"] + ["*p"] * (copies - 1))
    return (
        "title: Bomb\nsections:\n  - &s {title: S, text: t, points: ["
        + points
        + "]}\n"
        + ("  - *s\n" * (copies - 1))
    )


def test_an_alias_bomb_is_refused_at_its_first_alias(invoke: Invoke, tmp_path: Path) -> None:
    bomb = _alias_bomb(2000)  # four million sub-points
    assert 20_000 <= len(bomb) <= 25_000
    path = tmp_path / "bomb.yaml"
    path.write_text(bomb)
    result = invoke("--guide", str(path), "list")
    assert (result.exit_code, result.stderr) == (
        3,
        f"effects: {path}: sub-point 1.2: an alias of the mapping on line 3, column 37:"
        f" aliases may repeat text, not mappings or lists{more_problems(path, 3997)}\n",
    )


@pytest.mark.linux  # RLIMIT_AS is enforced on Linux (macOS ignores it)
def test_an_alias_bomb_ends_quickly_in_bounded_memory(tmp_path: Path) -> None:
    """In a process that may not grow past 1 GiB: expanding the bomb would need far more."""
    path = tmp_path / "bomb.yaml"
    path.write_text(_alias_bomb(2000))
    result = run_effects("--guide", str(path), "search", "t", cwd=tmp_path, memory=1 << 30)
    assert result.returncode == 3
    assert MESSAGE.fullmatch(result.stderr)


def test_text_repeated_by_aliases_counts_toward_the_size_limit(
    invoke: Invoke, tmp_path: Path
) -> None:
    paragraph = "word " * 200  # 1000 characters, after YAML folds the line
    points = ", ".join(
        ["{title: &t P, text: &x '" + paragraph + "'}"] + ["{title: *t, text: *x}"] * 99
    )
    text = f"title: T\nsections:\n  - {{title: S, text: s, points: [{points}]}}\n"
    path = tmp_path / "repeats.yaml"
    path.write_text(text)
    assert len(text) < 4000
    fine = invoke("--guide", str(path), "list", env={"EFFECTS_MAX_GUIDE_BYTES": "110000"})
    assert (fine.exit_code, fine.stdout) == (0, "1  S  100 points\n")
    result = invoke("--guide", str(path), "list", env={"EFFECTS_MAX_GUIDE_BYTES": "50000"})
    assert (result.exit_code, result.stderr) == (
        3,
        f"effects: {path}: sub-point 1.50: text: aliases repeat its text past the limit"
        f" of 50000 characters (EFFECTS_MAX_GUIDE_BYTES sets another){more_problems(path, 100)}\n",
    )


def _not_bytes(value: str) -> str:
    return (
        f'Invalid value for EFFECTS_MAX_GUIDE_BYTES: "{value}" is not a number of bytes'
        " (1 to 9223372036854775807). See 'effects --help'."
    )


LIMITS = [
    pytest.param("", 0, "", id="unset"),
    pytest.param(" 600 ", 0, "", id="blank-around"),
    pytest.param(
        "599",
        3,
        "{path}: is larger than the limit of 599 bytes (EFFECTS_MAX_GUIDE_BYTES sets another)",
        id="one-byte-short",
    ),
    pytest.param("x", 2, _not_bytes("x"), id="word"),
    pytest.param("0", 2, _not_bytes("0"), id="zero"),
    pytest.param("-5", 2, _not_bytes("-5"), id="negative"),
    pytest.param("1e6", 2, _not_bytes("1e6"), id="exponent"),
    pytest.param("\u0661\u0662", 2, _not_bytes("\u0661\u0662"), id="arabic-indic-digits"),
    pytest.param("9223372036854775807", 0, "", id="largest"),
    pytest.param("9" * 5000, 2, _not_bytes("9" * 59 + "\u2026"), id="thousands-of-digits"),
]
"""EFFECTS_MAX_GUIDE_BYTES for a guide of 600 bytes: the exit code and the message."""


@pytest.mark.parametrize(("value", "code", "message"), LIMITS)
def test_the_size_limit_and_the_variable_that_sets_it(
    invoke: Invoke, tmp_path: Path, value: str, code: int, message: str
) -> None:
    path = tmp_path / "guide.yaml"
    path.write_bytes(b"#" * (600 - len(b"title: T\n" + ONE_SECTION.encode()) - 1) + b"\n")
    with path.open("ab") as file:
        file.write(b"title: T\n" + ONE_SECTION.encode())
    assert path.stat().st_size == 600
    result = invoke("--guide", str(path), "list", env={"EFFECTS_MAX_GUIDE_BYTES": value})
    expected = f"effects: {message.format(path=path)}\n" if message else ""
    assert (result.exit_code, result.stderr) == (code, expected)
    assert result.stdout == ("1  S  1 point\n" if code == 0 else "")


def test_the_default_limit_leaves_room_for_big_guides(tmp_path: Path) -> None:
    """Another issue benchmarks a generated 5 MB guide of 11,000 entries: it must load with
    room to spare. (Most of this one's bytes are in one long text, to parse fast.)"""
    assert MAX_BYTES >= 4 * 5_000_000
    sections = "".join(
        f"  - {{title: S{s}, text: s, points: [" + ", ".join(["{title: P, text: p}"] * 10) + "]}\n"
        for s in range(1000)
    )
    head = f"title: Big\nsections:\n{sections}intro: "
    path = tmp_path / "big.yaml"
    path.write_text(head + "x" * (5_000_000 - len(head) - 1) + "\n")
    assert path.stat().st_size == 5_000_000
    guide = load_guide(path)
    assert (len(guide.sections) + len(list(guide.points())), len(guide.intro or "")) == (
        11_000,
        5_000_000 - len(head) - 1,
    )


@pytest.mark.parametrize("count", [100_000])
def test_an_entry_holding_a_word_a_hundred_thousand_times_is_searched(
    tmp_path: Path, count: int
) -> None:
    """Making the snippet was quadratic in the matches (30,000 of them took 29 s, so this
    would take minutes and meet the hang guard); it is linear now. benchmarks/search.py
    prints the times."""
    guide = tmp_path / "repeated.yaml"
    guide.write_text(
        "title: T\nsections:\n  - title: S\n    text: "
        + "stigma " * count
        + "\n    points: [{title: P, text: p}]\n",
        encoding="utf-8",
    )
    result = run_effects("--no-cache", "--guide", str(guide), "search", "stigma", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("1  S\n   stigma stigma stigma")


def test_a_title_of_twenty_thousand_characters_is_listed_and_written_back(
    invoke: Invoke, tmp_path: Path
) -> None:
    """A pipe's list pads every row to the longest title, and the pads are taken off each
    line's end again; a Markdown copy keeps a text's blank ends. Both took time in the
    square of a blank run's length (minutes for this guide), and now take a moment."""
    long = "x" * 20_000
    path = tmp_path / "long.yaml"
    path.write_text(
        f"title: T\nsections:\n  - title: {long}\n    text: t\n    points: [{{title: p, text: q}}]\n"
        "  - title: short\n    text: t\n    points: [{title: p, text: q}]\n"
    )
    result = invoke("--no-cache", "--guide", str(path), "list")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        f"1  {long}  1 point",
        "2  short" + " " * (len(long) - len("short")) + "  1 point",
    ]
    spaced = tmp_path / "spaced.yaml"
    spaced.write_text(
        'title: T\nsections:\n  - title: S\n    text: "a' + " " * 20_000 + 'b"\n'
        "    points: [{title: p, text: q}]\n"
    )
    written = invoke("--no-cache", "--guide", str(spaced), "read", "--format", "markdown")
    assert written.exit_code == 0
    assert "\n\na" + " " * 20_000 + "b\n\n" in written.stdout
