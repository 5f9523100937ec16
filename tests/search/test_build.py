"""The building of an index: postings packed at C speed hold what a word-by-word count makes."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from effects_cli.model import Guide, Section
from effects_cli.search.corpus import Corpus
from effects_cli.search.index import Index
from effects_cli.search.text import tokenize

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
