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
    assert f"{ESC}[1;4;35mstigma{ESC}[0m" in out
    assert f"{ESC}[1;4;35mstigmatize{ESC}[0m" in out


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
    assert "\x1b[1;4;35mTikTok\x1b[0m" in out


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


MORE = "2 of 30 hits shown; --limit 30 shows them all.\n"


def test_a_pipe_is_told_on_stderr_when_there_are_more_hits(invoke: Invoke) -> None:
    result = invoke("search", "health", "-n", "2")
    assert (result.exit_code, result.stderr) == (0, MORE)
    assert "shown" not in result.stdout  # a pipe: hits only
    assert invoke("search", "peer", "support", "-n", "40").stderr == ""
    assert invoke("search", "health", "-n", "2", "--json").stderr == ""


def test_json_counts_every_hit(invoke: Invoke) -> None:
    data = json.loads(invoke("search", "health", "-n", "2", "--json").stdout)
    assert (list(data), data["total"], len(data["hits"])) == (
        ["query", "total", "corrections", "covered", "hits"],
        30,
        2,
    )
    assert json.loads(invoke("search", "stigma", "--json").stdout)["total"] == 4
    uncovered = json.loads(invoke("search", "xylophone", "--json").stdout)
    assert (uncovered["covered"], uncovered["total"], uncovered["hits"]) == (False, 0, [])


def test_a_terminal_is_told_when_there_are_more_hits(
    invoke: Invoke, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue("terminal")
    out = invoke("--no-pager", "--color", "never", "search", "health", "-n", "2").stdout
    assert out.endswith(f"\n\n{MORE}")
    assert "shown" not in invoke("--no-pager", "search", "peer", "support", "-n", "40").stdout


def test_search_of_another_guide(invoke: Invoke, small_guide: Path) -> None:
    result = invoke("--guide", str(small_guide), "search", "river", "--json")
    assert refs(result.stdout) == ["1.2", "2.1"]  # "rivers" through its stem; shorter text first


@pytest.mark.posix
def test_the_count_of_hidden_hits_is_inside_the_paged_text(tmp_path: Path) -> None:
    """Not after the pager closes, where the reader never sees it."""
    from tests.helpers import on_terminal

    script = tmp_path / "pager.sh"
    script.write_text(f'#!/bin/sh\ncat > "{tmp_path}/paged.txt"\n', encoding="utf-8")
    script.chmod(0o755)
    result = on_terminal(
        "--pager", "--no-color", "search", "health", "-n", "2",
        cwd=tmp_path, no_pager=False, EFFECTS_PAGER=str(script),
    )  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / "paged.txt").read_text(encoding="utf-8").endswith(f"\n\n{MORE}")
