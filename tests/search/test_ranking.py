"""Ranking's pieces alone: BM25F, idf, phrase counts and the closeness of words."""

from __future__ import annotations

import math
from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effects_cli.search.index import FieldLengths
from effects_cli.search.ranking import (
    K1,
    PROXIMITY_WEIGHT,
    _closeness,
    _count_in_fields,
    _phrase_count,
    bm25f,
    idf,
    mass,
    proximity_boosts,
)

from .conftest import corpus_of


def score(title_count: float, text_count: float, title_length: int, text_length: int) -> float:
    """BM25F of one entry among entries of average lengths 2 (titles) and 10 (texts)."""
    lengths = FieldLengths(array("I", [title_length]), array("I", [text_length]), 2.0, 10.0)
    ((doc, value),) = bm25f({0: [title_count, text_count]}, lengths)
    assert doc == 0
    return value


@pytest.mark.parametrize(
    ("counts", "lengths", "value"),
    [
        pytest.param((0, 0), (2, 10), 0.0, id="absent"),
        pytest.param((0, 1), (2, 10), 1 / (K1 + 1), id="once-in-a-text-of-average-length"),
        pytest.param((1, 0), (2, 10), 3 / (K1 + 3), id="a-title-counts-thrice"),
        pytest.param((1, 1), (2, 10), 4 / (K1 + 4), id="fields-add-before-saturating"),
        pytest.param((0, 1), (2, 20), (1 / 1.75) / (K1 + 1 / 1.75), id="a-text-twice-as-long"),
        pytest.param((1, 0), (4, 10), (3 / 1.5) / (K1 + 3 / 1.5), id="a-title-twice-as-long"),
    ],
)
def test_bm25f(counts: tuple[int, int], lengths: tuple[int, int], value: float) -> None:
    assert score(*counts, *lengths) == pytest.approx(value)


def test_bm25f_grows_with_the_count_and_saturates() -> None:
    values = [score(0, count, 2, 10) for count in range(16)]
    assert values == sorted(set(values))  # strictly increasing
    assert values[-1] < 1


def test_bm25f_falls_as_the_field_grows() -> None:
    texts = [score(0, 1, 2, length) for length in range(1, 50)]
    titles = [score(1, 0, length, 10) for length in range(1, 50)]
    assert texts == sorted(set(texts), reverse=True)
    assert titles == sorted(set(titles), reverse=True)


def test_bm25f_scores_each_entry_by_its_own_lengths() -> None:
    lengths = FieldLengths(array("I", [1, 1, 1]), array("I", [5, 10, 20]), 1.0, 10.0)
    values = dict(bm25f({2: [0, 1], 0: [0, 1]}, lengths))
    assert list(values) == [2, 0]
    assert values[0] > values[2]


@pytest.mark.parametrize(
    ("found", "entries", "value"),
    [
        (1, 100, math.log(1 + 99.5 / 1.5)),
        (50, 100, math.log(2)),
        (100, 100, math.log(1 + 0.5 / 100.5)),
        (1, 1, math.log(4 / 3)),
    ],
)
def test_idf(found: int, entries: int, value: float) -> None:
    assert idf(found, entries) == pytest.approx(value)


def test_idf_falls_as_a_word_is_more_common() -> None:
    values = [idf(found, 100) for found in range(1, 101)]
    assert values == sorted(set(values), reverse=True)
    assert values[-1] > 0  # a word in every entry still counts a little


@pytest.mark.parametrize(
    ("counts", "value"), [([1.0, 0.0], 3.0), ([0.0, 1.0], 1.0), ([0.7, 2.0], 4.1)]
)
def test_mass(counts: list[float], value: float) -> None:
    assert mass(counts) == pytest.approx(value)


PLAIN_WORDS = st.sampled_from(
    ["mental", "health", "support", "groups", "Mental", "HEALTH", "x1", "a_b"]
)
SEPARATORS = st.sampled_from([" ", "  ", "-", ", ", ". ", "\n", "/", " (", ") "])


@given(
    st.lists(st.tuples(PLAIN_WORDS, SEPARATORS), max_size=30).map(
        lambda pairs: "".join(word + sep for word, sep in pairs)
    ),
    st.lists(
        st.sampled_from(["mental", "health", "support", "groups", "healths", "ment"]),
        min_size=2,
        max_size=3,
    ),
)
def test_the_quick_phrase_count_agrees_with_reading_the_words(text: str, phrase: list[str]) -> None:
    forms = [{word} for word in phrase]
    fields = [text, "groups", text[::-1], "Caf\u00e9 " + text, "#x " + text, text + "\u2026"]
    assert _count_in_fields(fields, forms) == [_phrase_count(field, forms) for field in fields]


@pytest.mark.parametrize(
    ("text", "clauses", "closeness"),
    [
        pytest.param("peer support", [{"peer"}, {"support"}], 1.0, id="adjacent"),
        pytest.param("peer and support", [{"peer"}, {"support"}], 1 / 2, id="one-apart"),
        pytest.param("peer a b c support", [{"peer"}, {"support"}], 1 / 4, id="four-apart"),
        pytest.param(
            "support a b peer support", [{"peer"}, {"support"}], 1.0, id="the-tightest-window"
        ),
        pytest.param("peer only", [{"peer"}, {"support"}], 0.0, id="one-clause-is-not-close"),
        pytest.param("a b c", [{"a"}, {"b"}, {"c"}], 1.0, id="three-adjacent"),
        pytest.param("a x c", [{"a"}, {"b"}, {"c"}], 1 / 2, id="two-of-three"),
    ],
)
def test_closeness(text: str, clauses: list[set[str]], closeness: float) -> None:
    assert _closeness(text, clauses) == pytest.approx(closeness)


def test_only_entries_of_several_clauses_are_boosted() -> None:
    corpus = corpus_of(("A", "peer support"), ("B", "peer support"), ("C", "peer x support"))
    scores = {0: 1.0, 1: 2.0, 2: 3.0}
    clauses = {0: 2, 1: 1, 2: 2}
    boosts = proximity_boosts(corpus, scores, clauses, [{"peer"}, {"support"}])
    assert boosts == pytest.approx({2: 1 + PROXIMITY_WEIGHT / 2, 0: 1 + PROXIMITY_WEIGHT})
