"""Word forms: the same word counts most, then its stem's other forms, then stem prefixes."""

from __future__ import annotations

import pytest

from effects_cli.search.forms import (
    EXACT_WEIGHT,
    PREFIX_WEIGHT,
    STEM_WEIGHT,
    _likeness,
    exact_forms,
    expansions,
)
from effects_cli.search.index import Index

from .conftest import Find, Refs, corpus_of


def test_query_words_match_the_start_of_longer_stems(refs: Refs) -> None:
    assert refs("nostalg") == ["1.2"]
    assert "4.2" in refs("stigmatiz")


def test_short_query_words_match_whole_words_only(find: Find, refs: Refs) -> None:
    # "art" must not find "article", "the" must not find "their".
    assert refs("art") == ["5.1"]
    for hit in find("the").hits:
        words = {hit.snippet.text[start:end].casefold() for start, end in hit.snippet.spans}
        assert words <= {"the"}


def test_exact_form_beats_a_shared_stem(refs: Refs) -> None:
    # Snowball stems celebrity, celebrities and celebrate alike.
    assert refs("celebrities")[0] == "4.1"
    assert refs("celebrity")[0] == "4.1"


def test_word_forms(refs: Refs) -> None:
    assert "4.2" in refs("stigmatized")[:2]
    assert refs("lonely") == ["1"]


INDEX = Index.build(
    corpus_of(
        ("Celebrities", "celebrity celebrate"),
        ("Therapy", "therapeutic stigma stigmatized"),
        ("Art", "article the their"),
    )
)


@pytest.mark.parametrize(
    ("word", "found"),
    [
        pytest.param(
            "celebrity",
            {
                "celebrity": EXACT_WEIGHT,
                "celebrities": STEM_WEIGHT * (8 / 9) ** 2,
                "celebrate": STEM_WEIGHT * (6 / 9) ** 2,
            },
            id="same-stem-weighed-by-shared-letters",
        ),
        pytest.param(
            "therapy",
            {"therapy": EXACT_WEIGHT, "therapeutic": PREFIX_WEIGHT * (6 / 7) ** 2},
            id="stem-less-its-last-letter-begins-a-longer-stem",
        ),
        pytest.param(
            "stigmatized",
            {"stigmatized": EXACT_WEIGHT, "stigma": PREFIX_WEIGHT * (6 / 11) ** 2},
            id="a-slightly-shorter-stem",
        ),
        pytest.param("stigma", {"stigma": EXACT_WEIGHT, "stigmatized": PREFIX_WEIGHT}, id="prefix"),
        pytest.param("therapeut", {"therapeutic": STEM_WEIGHT}, id="a-stem-not-a-word"),
        pytest.param("art", {"art": EXACT_WEIGHT}, id="short-stems-match-whole"),
        pytest.param("the", {"the": EXACT_WEIGHT}, id="the-is-not-their"),
        pytest.param("xyz", {}, id="nothing"),
    ],
)
def test_expansions(word: str, found: dict[str, float]) -> None:
    assert expansions(INDEX, word) == pytest.approx(found)


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("celebrity", {"celebrity", "celebrities", "celebrate"}),
        ("therapy", {"therapy"}),  # no stem prefixes in a phrase
        ("stigma", {"stigma"}),
        ("xyz", set()),
    ],
)
def test_exact_forms_are_the_word_and_its_stem(word: str, forms: set[str]) -> None:
    assert exact_forms(INDEX, word) == forms


@pytest.mark.parametrize(
    ("query_word", "word", "likeness"),
    [
        ("celebrity", "celebrity", 1.0),
        ("celebrity", "celebrities", (8 / 9) ** 2),
        ("celebrity", "celebrate", (6 / 9) ** 2),
        ("stigma", "stigmatized", 1.0),
        ("lonely", "loneliness", (5 / 6) ** 2),
    ],
)
def test_likeness_is_the_shared_start_squared(query_word: str, word: str, likeness: float) -> None:
    assert _likeness(query_word, word) == pytest.approx(likeness)
