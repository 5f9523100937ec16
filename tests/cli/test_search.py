"""`effects search`: ranked hits with snippets, JSON, limits, sections, typos, phrases and
regular expressions, through the CLI.

What `search` says when nothing matches, or the query is not one, is in tests/messages.py
(ARGUMENTS); the engine itself is tested in tests/search/."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import ESC, REGEX_SECONDS, Invoke, golden


def refs(output: str) -> list[str]:
    return [hit["ref"] for hit in json.loads(output)["hits"]]


def test_output_matches_golden_text(invoke: Invoke) -> None:
    result = invoke("search", "stigma")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == golden("search-stigma.txt")


def test_search_json(invoke: Invoke) -> None:
    result = invoke("search", "peer", "support", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data["query"] == "peer support"
    first = data["hits"][0]
    assert set(first) == {"ref", "title", "score", "snippet"}
    assert (first["ref"], first["title"]) == ("2.2", "Peer Support and Shared Experiences")
    assert first["snippet"] == (
        "Another important positive effects of social medial is the peer support through"
        " social media. People can find solace and kinship from other\u2026"
    )
    assert isinstance(first["score"], float)
    assert all(hit["score"] > 0 for hit in data["hits"])
    # One word: hits fall by score. Several: by how many of the words they hold first.
    scores = [
        hit["score"] for hit in json.loads(invoke("search", "stigma", "--json").stdout)["hits"]
    ]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_ten_hits_unless_limit_says_otherwise(invoke: Invoke) -> None:
    default = json.loads(invoke("search", "health", "--json").stdout)["hits"]
    everything = json.loads(invoke("search", "health", "--limit", "100", "--json").stdout)["hits"]
    limited = json.loads(invoke("search", "health", "--limit", "3", "--json").stdout)["hits"]
    assert len(everything) > 25  # "health" stands in most entries
    assert len(default) == 10 and default == everything[:10]
    assert limited == everything[:3]
    assert len(refs(invoke("search", "health", "-n", "25", "--json").stdout)) == 25
    assert invoke("search", "health", "-n", "2").stdout.count("\n\n") == 1


def test_highlighted_search_on_a_terminal(invoke: Invoke) -> None:
    out = invoke("search", "stigma", env={"FORCE_COLOR": "1"}).stdout
    assert f"{ESC}[1;4;33mstigma{ESC}[0m" in out
    assert f"{ESC}[1;4;33mstigmatize{ESC}[0m" in out


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


def test_section_keeps_hits_to_one_section(invoke: Invoke) -> None:
    assert refs(invoke("search", "-s", "10", "stigma", "--json").stdout) == ["10.1", "10.2"]


def test_a_quoted_phrase(invoke: Invoke) -> None:
    """The same words out of order match nothing: ARGUMENTS' query-phrase-out-of-order."""
    assert refs(invoke("search", '"mental health support groups"', "--json").stdout) == ["2.1"]


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


@pytest.mark.posix  # the time limit is an alarm signal (SIGALRM)
def test_a_runaway_pattern_is_stopped(
    invoke: Invoke, write_guide: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    guide = write_guide(
        "title: T\nsections:\n  - title: S\n    text: " + "a" * 40 + "b\n"
        "    points: [{title: P, text: t}]\n"
    )
    monkeypatch.setattr(REGEX_SECONDS, 0.2)
    result = invoke("--guide", str(guide), "search", "--regex", "(a|aa)+$")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "effects: Invalid value for '--regex' / '-e': the pattern ran for over 0.2 s. "
        "See 'effects search --help'.\n"
    )


def test_a_terminal_is_told_when_there_are_more_hits(
    invoke: Invoke, request: pytest.FixtureRequest
) -> None:
    assert "shown" not in invoke("search", "health").stdout  # a pipe: hits only
    request.getfixturevalue("terminal")
    out = invoke("--no-pager", "--color", "never", "search", "health", "-n", "2").stdout
    assert out.endswith("\n\n2 of 30 hits shown; --limit 30 shows them all.\n")
    assert "shown" not in invoke("--no-pager", "search", "peer", "support", "-n", "40").stdout


def test_search_of_another_guide(invoke: Invoke, small_guide: Path) -> None:
    result = invoke("--guide", str(small_guide), "search", "river", "--json")
    assert refs(result.stdout) == ["1.2", "2.1"]  # "rivers" through its stem; shorter text first
