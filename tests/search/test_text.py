"""Words as search compares them: compounds whole and by parts, case and accents folded."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effects_cli.search.text import Token, field_words, fold, positions, tokenize


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("self-help", ["selfhelp", "self", "help"]),
        ("#BellLetsTalk", ["bellletstalk", "bell", "lets", "talk"]),
        ("face-to-face", ["facetoface", "face", "to", "face"]),
        ("Café", ["cafe"]),
        ("people\u2019s", ["peoples"]),
    ],
)
def test_compounds_are_indexed_whole_and_by_parts(text: str, words: list[str]) -> None:
    assert [token.word for token in tokenize(text)] == words


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Stigma", "stigma"),
        ("CAFÉ", "cafe"),
        ("na\u0131\u0308ve", "na\u0131ve"),  # a dotless i keeps its letter, loses its mark
        ("don't", "dont"),
        ("stig\u00adma", "stigma"),  # a soft hyphen pasted from a web page
        ("zero\u200bwidth", "zerowidth"),
        ("Straße", "strasse"),
    ],
)
def test_fold(word: str, folded: str) -> None:
    assert fold(word) == folded


def test_tokens_carry_spans_and_positions() -> None:
    assert tokenize("A self-help #TikTok") == [
        Token(0, 1, "a", 0),
        Token(2, 11, "selfhelp", 1, whole=True),
        Token(2, 6, "self", 1),
        Token(7, 11, "help", 2),
        Token(12, 19, "tiktok", 3, whole=True),
        Token(13, 16, "tik", 3),
        Token(16, 19, "tok", 4),
    ]


TEXTS = st.lists(
    st.sampled_from(
        [
            *("peer", "Self-Help", "#BellLetsTalk", "Café", "it\u2019s", "don't", "_x", "3rd"),
            *(" ", ", ", "-", "#", "'", "\u2019", "\u2018", "\u201c", "\u2014", "\u2010"),
            *("\u00a0", "\u00ad", "\u2026", "\u00df", "\u212a", "\ufb01"),
        ]
    ),
    max_size=12,
).map("".join)


@given(st.one_of(TEXTS, st.text(max_size=60)))
def test_the_quick_readers_agree_with_tokenize(text: str) -> None:
    tokens = tokenize(text)
    words, length = field_words(text)
    assert sorted(words) == sorted(t.word for t in tokens)
    assert length == sum(not t.whole for t in tokens)
    assert positions(text) == [(t.position, t.word) for t in tokens]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("#love--it", ["love", "it"]),
        ("#Peer\u2010-Support", ["peer", "support"]),
        ("self--help", ["self", "help"]),
    ],
)
def test_two_hyphens_in_a_row_split_a_word_once(text: str, parts: list[str]) -> None:
    """(Once an assertion's traceback: a hashtag piece between two hyphens was empty.)"""
    tokens = tokenize(text)
    assert [token.word for token in tokens if not token.whole] == parts
    assert [token.word for token in tokens if token.whole] == ["".join(parts)]
