"""`effects search` options and messages, through the CLI: exact stdout, stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import Invoke


def refs(output: str) -> list[str]:
    return [hit["ref"] for hit in json.loads(output)["hits"]]


def test_a_typo_is_searched_as_the_closest_word_and_stderr_says_so(invoke: Invoke) -> None:
    result = invoke("search", "meditaton", "--json")
    assert result.exit_code == 0
    assert result.stderr == 'No match for "meditaton"; showing results for "meditation".\n'
    data = json.loads(result.stdout)
    assert data["corrections"] == {"meditaton": "meditation"}
    assert {hit["ref"] for hit in data["hits"]} == {"3.2", "7", "7.2"}


def test_a_word_found_nowhere_is_left_out_quietly(invoke: Invoke) -> None:
    result = invoke("search", "stigma", "qqqzzzx", "-n", "1", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert refs(result.stdout) == ["4"]


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        pytest.param(["qqqzzzx"], 'effects: no match for "qqqzzzx"\n', id="nothing-close"),
        pytest.param(
            ["--section", "2", "meditaton"],
            'effects: no match for "meditaton" in section 2; did you mean "meditation"?\n',
            id="corrected-but-not-in-section",
        ),
        pytest.param(
            ["fotography"],
            'effects: no match for "fotography"; did you mean "photography"?\n',
            id="too-far-to-search-close-enough-to-suggest",
        ),
        pytest.param(
            ["--section", "1", "stigma"],
            'effects: no match for "stigma" in section 1\n',
            id="section",
        ),
        pytest.param(["--regex", "xyz{3}"], 'effects: no match for "xyz{3}"\n', id="regex"),
        pytest.param(
            ["--regex", "q{0}"], 'effects: no match for "q{0}"\n', id="regex-empty-matches"
        ),
    ],
)
def test_no_match_is_one_line_and_exit_1(invoke: Invoke, args: list[str], stderr: str) -> None:
    result = invoke("search", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", stderr)


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        pytest.param(
            ["--regex", "("],
            "effects: Invalid value for '--regex' / '-e': \"(\" is not a valid pattern: "
            "missing ), unterminated subpattern at position 0. See 'effects search --help'.\n",
            id="bad-pattern",
        ),
        pytest.param(
            ["--regex", ""],
            "effects: Invalid value for '--regex' / '-e': the pattern is empty. "
            "See 'effects search --help'.\n",
            id="empty-pattern",
        ),
        pytest.param(
            ["stigma", "--regex", "x"],
            "effects: Invalid value for QUERY: give words or --regex, not both. "
            "See 'effects search --help'.\n",
            id="both",
        ),
        pytest.param(
            ["--section", "x", "stigma"],
            "effects: Invalid value for '--section' / '-s': \"x\" is not a whole number. "
            "See 'effects search --help'.\n",
            id="section-not-a-number",
        ),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(invoke: Invoke, args: list[str], stderr: str) -> None:
    result = invoke("search", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_a_section_outside_the_guide_is_not_found(invoke: Invoke) -> None:
    result = invoke("search", "--section", "11", "stigma")
    assert (result.exit_code, result.stderr) == (
        1,
        "effects: no section 11: the guide has sections 1 to 10\n",
    )


def test_section_keeps_hits_to_one_section(invoke: Invoke) -> None:
    assert refs(invoke("search", "-s", "10", "stigma", "--json").stdout) == ["10.1", "10.2"]


def test_regex_search(invoke: Invoke) -> None:
    result = invoke("search", "-e", "self-[a-z]+", "-s", "3")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "3.2  Self-Help Tools and Resources\n"
        "     Social media also provides a number of self-help tools and resources, which\n"
        "     is another advantage of social media. Some platforms offer\u2026\n"
        "\n"
        "3    Easy Access to Mental Health Resources and Information\n"
        "     \u2026articles, and resources for self-improvement.\n"
    )


def test_regex_ignores_case_and_is_highlighted(invoke: Invoke) -> None:
    out = invoke("search", "-e", "TIKTOK", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[1;4;33mTikTok\x1b[0m" in out


def test_a_runaway_pattern_is_stopped(
    invoke: Invoke, write_guide, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    guide = write_guide(
        "title: T\nsections:\n  - title: S\n    text: " + "a" * 40 + "b\n"
        "    points: [{title: P, text: t}]\n"
    )
    monkeypatch.setattr("effects_cli.cli.search.REGEX_SECONDS", 0.2)
    result = invoke("--guide", str(guide), "search", "--regex", "(a|aa)+$")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "effects: Invalid value for '--regex' / '-e': the pattern ran for over 0.2 s. "
        "See 'effects search --help'.\n"
    )


def test_ten_hits_unless_limit_says_otherwise(invoke: Invoke) -> None:
    assert len(refs(invoke("search", "social", "--json").stdout)) == 10
    assert len(refs(invoke("search", "social", "-n", "25", "--json").stdout)) == 25


def test_a_terminal_is_told_when_there_are_more_hits(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "shown" not in invoke("search", "social").stdout  # a pipe: hits only
    monkeypatch.setattr("effects_cli.cli.output.stdout_is_terminal", lambda: True)
    out = invoke("--no-pager", "--color", "never", "search", "social", "-n", "2").stdout
    assert out.endswith("\n\n2 of 40 hits shown; --limit 40 shows them all.\n")
    assert "shown" not in invoke("--no-pager", "search", "peer", "support", "-n", "40").stdout


def test_a_quoted_phrase(invoke: Invoke) -> None:
    assert refs(invoke("search", '"mental health support groups"', "--json").stdout) == ["2.1"]
    result = invoke("search", '"groups support health mental"')
    assert (result.exit_code, result.stderr) == (
        1,
        'effects: no match for "\\"groups support health mental\\""\n',
    )


def test_search_of_another_guide(invoke: Invoke, write_guide) -> None:  # type: ignore[no-untyped-def]
    from .conftest import SMALL_GUIDE

    path: Path = write_guide(SMALL_GUIDE)
    result = invoke("--guide", str(path), "search", "river", "--json")
    assert refs(result.stdout) == ["1.2", "2.1"]  # "rivers" through its stem; shorter text first
