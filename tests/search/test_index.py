"""The index: what it stores, what it answers, and that it survives the cache's record."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effects_cli.model import Guide, Section
from effects_cli.search.corpus import Corpus
from effects_cli.search.index import Index
from effects_cli.search.text import tokenize

from .conftest import corpus_of

SMALL = Index.build(
    corpus_of(
        ("Peer support", "Peers support peers: peer-to-peer."),
        ("Stigma", "stigma " * 20),
        ("", ""),
    )
)


@pytest.mark.parametrize(
    ("word", "postings"),
    [
        pytest.param("peer", [(0, 1, 2, 0, 0)], id="title-and-text"),
        pytest.param("peers", [(0, 0, 2, 0, 0)], id="another-form-is-another-word"),
        pytest.param("peertopeer", [(0, 0, 1, 0, 0)], id="a-compound-whole"),
        pytest.param("stigma", [(1, 1, 15, 0, 0)], id="counts-stop-at-fifteen"),
        pytest.param("nothing", [], id="absent"),
    ],
)
def test_postings(word: str, postings: list[tuple[int, int, int, int, int]]) -> None:
    assert list(SMALL.postings(word)) == postings
    assert SMALL.docs(word) == {doc for doc, *_ in postings}


def test_lookups() -> None:
    words = SMALL.vocabulary
    assert words == tuple(sorted(words))  # type: ignore[comparison-overlap]
    assert SMALL.find("stigma") == words.index("stigma")
    assert SMALL.find("stigm") is None
    assert [words[at] for at in SMALL.starting("peer")] == ["peer", "peers", "peertopeer"]
    assert list(SMALL.starting("zzz")) == []
    assert SMALL.stem("peers") == SMALL.stems[words.index("peers")] == "peer"
    assert SMALL.stem("meditating") == "medit"  # a word the guide lacks: stemmed on demand


def test_lengths_and_count() -> None:
    lengths = SMALL.lengths
    assert SMALL.entry_count == 3
    assert (list(lengths.titles), list(lengths.texts)) == ([2, 1, 0], [6, 20, 0])
    assert (lengths.title_average, lengths.text_average) == (1.0, 26 / 3)


def test_an_empty_guide_is_an_empty_index() -> None:
    empty = Index.build(corpus_of())
    assert (empty.vocabulary, empty.entry_count) == ((), 0)
    assert (empty.lengths.title_average, empty.lengths.text_average) == (1.0, 1.0)


def test_keywords_and_related_words_are_fields_of_their_own() -> None:
    guide = Guide(
        "T",
        (
            Section(1, "Fitness", "Workouts and diet.", (), ("gym", "gym bag")),
            Section(2, "Support", "Groups.", (), (), ("grief", "loss")),
        ),
    )
    index = Index.build(Corpus.of(guide))
    assert list(index.postings("gym")) == [(0, 0, 0, 2, 0)]
    assert list(index.postings("grief")) == [(1, 0, 0, 0, 1)]
    assert list(index.postings("diet")) == [(0, 0, 1, 0, 0)]
    assert list(index.lengths.texts) == [3, 1]  # keywords are not text


WORDS = st.sampled_from(
    ["peer", "Peer", "support", "self-help", "#SelfHelp", "it\u2019s", "Café", "stigma", "a"]
)
FIELDS = st.lists(st.one_of(WORDS, st.sampled_from([" ", ", ", " \u2014 "])), max_size=40).map(
    "".join
)
LISTS = st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" ".join), max_size=3).map(
    lambda words: tuple(dict.fromkeys(words))
)


def _expected_postings(
    fields: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]],
) -> dict[str, list[tuple[int, int, int, int, int]]]:
    """What the index must hold, counted word by word from `tokenize`: each word's entries
    with its counts in the title, text, keywords and related words (capped at 7, 15, 3, 3)."""
    expected: dict[str, list[tuple[int, int, int, int, int]]] = {}
    for doc, (title, text, keywords, related) in enumerate(fields):
        counts = [
            Counter(token.word for token in tokenize(part))
            for part in (title, text, ", ".join(keywords), ", ".join(related))
        ]
        for word in sorted(set().union(*counts)):
            found = [counts[field][word] for field in range(4)]
            capped = tuple(min(count, cap) for count, cap in zip(found, (7, 15, 3, 3), strict=True))
            expected.setdefault(word, []).append((doc, *capped))
    return expected


@given(st.lists(st.tuples(FIELDS, FIELDS, LISTS, LISTS), min_size=1, max_size=6))
def test_the_index_holds_what_tokenize_counts(
    fields: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]],
) -> None:
    """`Index.build` packs postings at C speed and out of order (an entry's text words apart
    from its title's and lists'): it must hold just what a word-by-word count makes."""
    sections = tuple(
        Section(number, title or "t", text, (), keywords, related)
        for number, (title, text, keywords, related) in enumerate(fields, start=1)
    )
    corpus = Corpus.of(Guide("T", sections))
    index = Index.build(corpus)
    expected = _expected_postings([(s.title, s.text, s.keywords, s.related) for s in sections])
    assert index.vocabulary == tuple(sorted(expected))
    assert {word: list(index.postings(word)) for word in index.vocabulary} == expected
    assert list(index.lengths.texts) == [
        sum(not token.whole for token in tokenize(section.text)) for section in sections
    ]
