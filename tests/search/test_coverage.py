"""Coverage: whether the guide covers a query, and which entries are related when not."""

from __future__ import annotations

import pytest

from effects_cli.search.coverage import Clause, Verdict, is_common, related_entries, verdict

from .conftest import Find

FREQUENCY = {"time": 2_000_000.0, "screen": 25_000.0, "stigma": 900.0, "help": 1_500_000.0}


@pytest.mark.parametrize(
    ("clauses", "expected"),
    [
        pytest.param([Clause("stigma", 5)], Verdict(True, (), ()), id="found"),
        pytest.param([Clause("bullying", 0)], Verdict(False, ("bullying",), ()), id="absent"),
        pytest.param([Clause("social", 40)], Verdict(False, (), ("social",)), id="common-only"),
        pytest.param(
            [Clause("social", 40), Clause("anxiety", 0)],
            Verdict(False, ("anxiety",), ("social",)),
            id="common-and-absent",
        ),
        pytest.param(
            [Clause("stigma", 5), Clause("qqqzzzx", 0, real=False)],
            Verdict(True, (), ()),
            id="a-non-word-counts-neither-way",
        ),
        pytest.param([Clause("qqqzzzx", 0, real=False)], Verdict(True), id="only-non-words"),
        pytest.param(
            [Clause("a", 3), Clause("b", 2), Clause("c", 0)],
            Verdict(True, ("c",), ()),
            id="a-minority-missing",
        ),
        pytest.param(
            [Clause("a", 3), Clause("b", 0), Clause("c", 0)],
            Verdict(False, ("b", "c"), ()),
            id="a-majority-missing",
        ),
        pytest.param(
            [Clause("screen", 0), Clause("time", 1)],
            Verdict(False, ("screen",), ()),
            id="half-missing-the-rarer-word",
        ),
        pytest.param(
            [Clause("help", 9), Clause("stigma", 0)],
            Verdict(False, ("stigma",), ()),
            id="half-missing-the-rarer-word-again",
        ),
        pytest.param(
            [Clause("stigma", 5), Clause("screen", 0)],
            Verdict(True, ("screen",), ()),
            id="half-missing-the-commoner-word",
        ),
    ],
)
def test_verdict(clauses: list[Clause], expected: Verdict) -> None:
    assert verdict(clauses, 40, FREQUENCY.__getitem__) == expected


def test_a_small_guide_has_no_common_words() -> None:
    assert not is_common(3, 3) and is_common(32, 40) and not is_common(31, 40)


def test_related_entries_are_the_best_few_in_guide_order_on_ties() -> None:
    assert related_entries({7: 1.0, 3: 1.0, 9: 2.0, 1: 0.5}) == [9, 3, 7]


@pytest.mark.parametrize(
    ("query", "related"),
    [
        pytest.param("grief", ["2.1", "3.3"], id="a-need-the-guide-helps-with"),
        pytest.param("bullying", [], id="nothing-related"),
        pytest.param("depression", ["2.1", "2.2", "3.1"], id="three-at-most"),
    ],
)
def test_a_query_the_guide_does_not_cover(find: Find, query: str, related: list[str]) -> None:
    result = find(query)
    assert (result.not_covered, result.hits, result.total) == (True, [], 0)
    assert [entry.ref for entry in result.related] == related


def test_words_that_stand_everywhere_cover_nothing(find: Find) -> None:
    result = find("social media")
    assert result.not_covered and result.common == ("social", "media")
    assert find("social media friends").hits[0].entry.ref.startswith("1")
