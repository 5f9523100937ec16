"""The English word list: what counts as a real word, and how common one is."""

from __future__ import annotations

import pytest

from effects_cli.search import english


@pytest.mark.parametrize(
    "word",
    ["bullying", "depression", "addiction", "anxiety", "helpline", "grief", "mediation", "apps"],
)
def test_real_words_are_words(word: str) -> None:
    assert english.is_word(word)


@pytest.mark.parametrize(
    "word", ["meditaton", "lonliness", "stigmaa", "empaty", "exercize", "qqqzzzx", "caf\u00e9"]
)
def test_misspellings_and_letter_runs_are_not(word: str) -> None:
    assert not english.is_word(word)


def test_a_plural_of_a_word_is_a_word() -> None:
    assert english.is_word("hotlines") and english.is_word("podcasts")


def test_common_words_are_more_frequent_than_rare_ones() -> None:
    assert english.frequency("time") > english.frequency("screen") > english.frequency("stigma")
    assert english.frequency("qqqzzzx") == float("inf")  # unknown: says nothing of rarity


def test_without_the_list_no_word_is_known(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(english, "_words", b"")
    assert not english.is_word("depression")
    assert english.is_word("app")  # the words the list lacks are known all the same
