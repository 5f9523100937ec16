"""Typos: a word found nowhere is searched as the guide word it could be a slip of."""

from __future__ import annotations

import pytest

from effects_cli.search.engine import search
from effects_cli.search.index import Index
from effects_cli.search.query import parse_query
from effects_cli.search.typos import closest, suggestions, within_slips

from .conftest import Find, corpus_of


def test_a_misspelt_word_is_searched_as_the_guide_word(find: Find) -> None:
    result = find("meditaton")
    assert result.corrections == {"meditaton": "meditation"}
    assert {hit.entry.ref for hit in result.hits} == {"3.2", "7", "7.2"}


def test_a_word_with_nothing_close_is_reported_unknown(find: Find) -> None:
    result = find("stigma qqqqzzzz")
    assert result.unknown == ("qqqqzzzz",)
    assert result.hits[0].entry.ref == "4"


def test_only_the_first_few_unknown_words_are_guessed_at(find: Find) -> None:
    result = find("meditaton lonliness empaty qqqqq wwwww eeeee meditatoin")
    assert result.corrections == {
        "meditaton": "meditation",
        "lonliness": "loneliness",
        "empaty": "empathy",
    }
    assert result.unknown == ("qqqqq", "wwwww", "eeeee", "meditatoin")  # the sixth on: no guess


def test_when_nothing_matched_near_words_are_suggested(find: Find) -> None:
    result = find("qqqqzzzz")
    assert (result.hits, result.suggestions) == ([], ())
    assert find("xmeditation").suggestions == ("meditation",)


INDEX = Index.build(corpus_of(("Meditation", "expression loneliness stigma bold hold")))


@pytest.mark.parametrize(
    ("typed", "meant", "suggested"),
    [
        pytest.param("meditaton", "meditation", "meditation", id="letter-missing"),
        pytest.param("meditatoin", "meditation", "meditation", id="letters-swapped"),
        pytest.param("meditatn", "meditation", "meditation", id="two-slips-in-a-long-word"),
        pytest.param("stigmaa", "stigma", "stigma", id="letter-added"),
        pytest.param("depression", None, "expression", id="a-real-word-is-not-a-slip"),
        pytest.param("xmeditation", None, "meditation", id="first-letter-differs"),
        pytest.param("bld", None, None, id="too-short-to-guess"),
        pytest.param("xyzzyq", None, None, id="nothing-close"),
    ],
)
def test_closest(typed: str, meant: str | None, suggested: str | None) -> None:
    assert closest(INDEX, typed) == meant
    assert closest(INDEX, typed, loose=True) == suggested


@pytest.mark.parametrize(
    ("typed", "word", "slips", "within"),
    [
        ("meditaton", "meditation", 1, True),
        ("meditatoin", "meditation", 1, True),  # a swap is one slip
        ("mediation", "meditation", 1, True),
        ("medtiation", "meditation", 1, True),
        ("meditatn", "meditation", 1, False),
        ("meditatn", "meditation", 2, True),
        ("depression", "expression", 2, True),
        ("depression", "expression", 1, False),
        ("stigma", "stigma", 0, True),
        ("stig", "stigma", 1, False),  # lengths alone rule it out
    ],
)
def test_within_slips(typed: str, word: str, slips: int, within: bool) -> None:
    assert within_slips(typed, word, slips) is within


def test_suggestions_are_the_corrections_then_looser_guesses() -> None:
    found = suggestions(INDEX, {"meditaton": "meditation"}, ("depression", "qqqqqq", "meditatin"))
    assert found == ("meditation", "expression")


@pytest.mark.parametrize("word", ["bullying", "depression", "addiction", "anxiety", "mediation"])
def test_a_real_word_the_guide_lacks_is_neither_searched_as_another_nor_suggested(
    find: Find, word: str
) -> None:
    result = find(word)
    assert (result.hits, result.corrections, result.suggestions) == ([], {}, ())
    assert result.not_covered and result.absent == (word,)


def test_a_real_word_is_not_taken_for_a_slip_of_a_guide_word() -> None:
    guide = corpus_of(("Expression", "creative expression"), ("Building", "building bridges"))
    for word in ("depression", "bullying"):
        result = search(guide, parse_query(word))
        assert (result.corrections, result.suggestions, result.hits) == ({}, (), [])


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("helpine", "helpline"), ("clasmates", "classmates"), ("hotlne", "hotline")],
)
def test_a_misspelt_keyword_is_corrected_to_the_keyword(find: Find, typed: str, meant: str) -> None:
    assert find(typed).corrections == {typed: meant}
