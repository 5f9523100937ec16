"""The index: what it stores, what it answers, and that it survives the cache's record."""

from __future__ import annotations

import pytest

from effects_cli.model import Guide, Section
from effects_cli.search.corpus import Corpus
from effects_cli.search.index import Index

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
