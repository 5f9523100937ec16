"""Queries: loose words, quoted phrases, and compounds that also match by their parts."""

from __future__ import annotations

import pytest

from effects_cli.search.query import parse_query


@pytest.mark.parametrize(
    ("query", "words", "phrases"),
    [
        ("peer support", ("peer", "support"), ()),
        ('"peer support" stigma', ("stigma",), (("peer", "support"),)),
        ("\u201cpeer support\u201d", (), (("peer", "support"),)),
        ('"open phrase', (), (("open", "phrase"),)),
        ('"single"', ("single",), ()),
        ("self-help", ("selfhelp",), ()),
        ("#BellLetsTalk", ("bellletstalk",), ()),
        ("Café CAFÉ people\u2019s", ("cafe", "peoples"), ()),
    ],
)
def test_parse_query(query: str, words: tuple[str, ...], phrases: tuple) -> None:  # type: ignore[type-arg]
    parsed = parse_query(query)
    assert (parsed.words, parsed.phrases) == (words, phrases)


def test_query_words_are_distinct_and_case_folded() -> None:
    assert parse_query("Peer peer SUPPORT, support!").terms == ("peer", "support")


@pytest.mark.parametrize(
    ("query", "compounds"),
    [
        ("self-help", (("selfhelp", ("self", "help")),)),
        ("#PeerSupport peer", (("peersupport", ("peer", "support")),)),
        (
            "face-to-face self-help",
            (("facetoface", ("face", "to", "face")), ("selfhelp", ("self", "help"))),
        ),
        ('"self-help groups"', ()),  # in a phrase, a compound is its parts
        ("peer support", ()),
    ],
)
def test_compounds_keep_their_parts(query: str, compounds: tuple) -> None:  # type: ignore[type-arg]
    assert parse_query(query).compounds == compounds


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ('"peer support" stigma peer', ("stigma", "peer", "support")),
        ("!!! [/] ???", ()),
        ('""', ()),
        ("self-help", ("selfhelp",)),
    ],
)
def test_terms_are_every_distinct_word(query: str, terms: tuple[str, ...]) -> None:
    assert parse_query(query).terms == terms
