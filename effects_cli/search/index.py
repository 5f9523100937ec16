"""The inverted index of a guide: the lookups search makes.

Only lookup lives here: how an index is built is `build`, what it is made of
`postings`, which words a query word matches `forms`, how entries score
`ranking`, what a misspelt word stands for `typos`. The index is plain data
(`postings.IndexData`), which `stored` keeps in the cache.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from effects_cli.search.postings import (
    DOC_SHIFT,
    LIST_BITS,
    LIST_MAX,
    TEXT_MAX,
    TEXT_SHIFT,
    TITLE_MAX,
    TITLE_SHIFT,
    IndexData,
)
from effects_cli.search.stemmer import Stemmer, english_stemmer

if TYPE_CHECKING:
    from effects_cli.search.corpus import Corpus


class FieldLengths(NamedTuple):
    """The lengths BM25F normalises by: each entry's title and text, and their averages."""

    titles: array[int]
    texts: array[int]
    title_average: float
    text_average: float


class Index:
    """An inverted index of a guide's entries, held as plain data for caching.

    The vocabulary is a sorted tuple of words with a parallel tuple of their
    stems; the postings of all words are one array, cut by offsets. Loading
    that from the cache costs a fraction of what dictionaries of 40,000 words
    (a large guide's vocabulary) would, and sorted words answer the questions
    search asks: a word, the words of a stem, the stems that begin with another.
    """

    def __init__(self, data: IndexData) -> None:
        """Take an index from its data (made by `Index.build`, or read by `stored.read`)."""
        self._data = data
        self._words, self._stems = data.words, data.stems
        self._offsets, self._postings = data.offsets, data.postings
        count = max(len(data.title_lengths), 1)
        self._count = len(data.title_lengths)
        self._lengths = FieldLengths(
            data.title_lengths,
            data.text_lengths,
            sum(data.title_lengths) / count or 1.0,
            sum(data.text_lengths) / count or 1.0,
        )
        self._stemmer: Stemmer | None = None

    @classmethod
    def build(cls, corpus: Corpus) -> Index:
        """Index every section and sub-point, in guide order (`build.index_data`)."""
        from effects_cli.search.build import index_data

        return cls(index_data(corpus))

    @property
    def data(self) -> IndexData:
        """What the index is made of (for `stored.write`)."""
        return self._data

    @property
    def vocabulary(self) -> Sequence[str]:
        """Every word of the guide, folded, in sorted order."""
        return self._words

    @property
    def stems(self) -> Sequence[str]:
        """The stem of each word of `vocabulary`, at the same place."""
        return self._stems

    @property
    def entry_count(self) -> int:
        """How many entries the guide has."""
        return self._count

    @property
    def lengths(self) -> FieldLengths:
        """The lengths of each entry's fields, and their averages."""
        return self._lengths

    def find(self, word: str) -> int | None:
        """Where ``word`` is in the sorted vocabulary, if it is there."""
        at = bisect.bisect_left(self._words, word)
        return at if at < len(self._words) and self._words[at] == word else None

    def starting(self, prefix: str) -> range:
        """The places in the vocabulary of the words that begin with ``prefix``."""
        start = bisect.bisect_left(self._words, prefix)
        return range(start, bisect.bisect_left(self._words, prefix + "\U0010ffff", start))

    def stem(self, word: str) -> str:
        """The Snowball stem of a folded word (the guide's own words are stemmed already)."""
        at = self.find(word)
        if at is not None:
            return self._stems[at]
        if self._stemmer is None:
            self._stemmer = english_stemmer()
        return self._stemmer(word)

    def _numbers(self, word: str) -> array[int]:
        """The postings of ``word``: a slice of the one array of them all."""
        at = self.find(word)
        if at is None:
            return array("I")
        return self._postings[self._offsets[at] : self._offsets[at + 1]]

    def postings(self, word: str) -> Iterator[tuple[int, int, int, int, int]]:
        """(entry, count in title, in text, in keywords, in related words) for each entry
        holding ``word``.

        Each posting is one 32-bit number: the entry's number, then the four counts
        in three, four, two and two bits (BM25 has long saturated by then).
        """
        return (
            (
                number >> DOC_SHIFT,
                number >> TITLE_SHIFT & TITLE_MAX,
                number >> TEXT_SHIFT & TEXT_MAX,
                number >> LIST_BITS & LIST_MAX,
                number & LIST_MAX,
            )
            for number in self._numbers(word)
        )

    def count(self, word: str) -> int:
        """How many entries hold ``word``."""
        at = self.find(word)
        return 0 if at is None else self._offsets[at + 1] - self._offsets[at]

    def docs(self, word: str) -> set[int]:
        """The entries holding ``word``."""
        return {number >> DOC_SHIFT for number in self._numbers(word)}
