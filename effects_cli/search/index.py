"""The inverted index of a guide: its storage, and the lookups search makes.

Only storage and lookup live here: which words a query word matches is
`forms`, how entries score is `ranking`, what a misspelt word stands for is
`typos`. The index is plain data (`IndexData`), which `stored` keeps in the cache.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import accumulate, repeat
from operator import or_
from typing import TYPE_CHECKING, NamedTuple, Protocol

from effects_cli.search.stemmer import Stemmer, english_stemmer, stem_all
from effects_cli.search.text import field_words

if TYPE_CHECKING:
    from effects_cli.search.corpus import Corpus

_TITLE_BITS, _TEXT_BITS, _LIST_BITS = 3, 4, 2
"""A posting's counts: in the title up to 7, the text 15, keywords and related words 3
(BM25 has long saturated by then)."""
_TEXT_SHIFT = 2 * _LIST_BITS
_TITLE_SHIFT = _TEXT_SHIFT + _TEXT_BITS
_DOC_SHIFT = _TITLE_SHIFT + _TITLE_BITS
_DOC_BITS = 32 - _DOC_SHIFT
"""An index holds up to 2,097,152 entries: twice what the 20 MB size limit admits (a
sub-point takes at least ``{title: a, text: b}``)."""


_TITLE_MAX, _TEXT_MAX, _LIST_MAX = (
    (1 << _TITLE_BITS) - 1,
    (1 << _TEXT_BITS) - 1,
    (1 << _LIST_BITS) - 1,
)


class Postings(Protocol):
    """A word's postings by the slice of them its offsets give: an array, or a file's."""

    def __getitem__(self, span: slice, /) -> array[int]: ...


_TEXT_CODES = [count << _TEXT_SHIFT for count in range(_TEXT_MAX + 1)]
"""The posting bits of a count in the text, by the count."""


class IndexData(NamedTuple):
    """An index as data: built in memory (`Index.build`), or read in place from the
    cache (`effects_cli.search.stored`), whose sequences read what is asked for."""

    title_lengths: array[int]
    """The length in words of each entry's title."""
    text_lengths: array[int]
    """The length in words of each entry's text."""
    words: Sequence[str]
    """Every word of the guide, folded, in sorted order."""
    stems: Sequence[str]
    """The Snowball stem of each word of ``words``."""
    offsets: array[int]
    """Where the postings of each word begin in ``postings``, then their count."""
    postings: Postings
    """Every word's postings, one 32-bit number each (see `Index.postings`), sliced by
    ``offsets``."""


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
        """Index every section and sub-point, in guide order.

        A large guide has a million postings: the words of an entry's text alone
        (most of them) are packed and appended by ``map`` over its counts, with no
        Python step a posting; the few words of its title and lists get a loop.
        """
        if len(corpus) >= 1 << _DOC_BITS:
            raise ValueError(f"a guide of over {1 << _DOC_BITS:,} entries cannot be indexed")
        postings: defaultdict[str, array[int]] = defaultdict(partial(array, "I"))
        lists_of = postings.__getitem__
        title_lengths, text_lengths = array("I"), array("I")
        keywords, related = corpus.keywords, corpus.related
        for doc, (title, text) in enumerate(corpus.fields):
            title_words, title_length = field_words(title)
            text_words, text_length = field_words(text)
            title_lengths.append(title_length)
            text_lengths.append(text_length)
            base = doc << _DOC_SHIFT
            text_counts = Counter(text_words)
            listed = keywords[doc], related[doc]
            if listed[0] or listed[1]:
                _pack_listed(lists_of, base, title_words, text_counts, listed)
            else:
                title_counts: dict[str, int] = {}
                for word in title_words:
                    title_counts[word] = title_counts.get(word, 0) + 1
                for word, count in title_counts.items():
                    in_text = text_counts.pop(word, 0)
                    lists_of(word).append(
                        base
                        | (count if count < _TITLE_MAX else _TITLE_MAX) << _TITLE_SHIFT
                        | _TEXT_CODES[in_text if in_text < _TEXT_MAX else _TEXT_MAX]
                    )
            counts: Iterable[int] = text_counts.values()
            if text_counts and max(counts) > _TEXT_MAX:
                counts = map(min, counts, repeat(_TEXT_MAX))
            packed = map(or_, map(_TEXT_CODES.__getitem__, counts), repeat(base))
            deque(map(array.append, map(lists_of, text_counts), packed), maxlen=0)
        words = sorted(postings)
        in_order = list(map(postings.__getitem__, words))
        return cls(
            IndexData(
                title_lengths,
                text_lengths,
                tuple(words),
                tuple(stem_all(words)),
                array("I", accumulate(map(len, in_order), initial=0)),
                array("I", b"".join(map(array.tobytes, in_order))),
            )
        )

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
                number >> _DOC_SHIFT,
                number >> _TITLE_SHIFT & _TITLE_MAX,
                number >> _TEXT_SHIFT & _TEXT_MAX,
                number >> _LIST_BITS & _LIST_MAX,
                number & _LIST_MAX,
            )
            for number in self._numbers(word)
        )

    def count(self, word: str) -> int:
        """How many entries hold ``word``."""
        at = self.find(word)
        return 0 if at is None else self._offsets[at + 1] - self._offsets[at]

    def docs(self, word: str) -> set[int]:
        """The entries holding ``word``."""
        return {number >> _DOC_SHIFT for number in self._numbers(word)}


def _pack_listed(
    lists_of: Callable[[str], array[int]],
    base: int,
    title_words: list[str],
    text_counts: Counter[str],
    listed: tuple[tuple[str, ...], tuple[str, ...]],
) -> None:
    """Append the postings of an entry's title words and listed words (its keywords and
    related words), taking them out of ``text_counts``."""
    title_counts = Counter(title_words)
    keyword_counts, related_counts = (
        Counter(field_words(", ".join(phrases))[0]) for phrases in listed
    )
    for word in title_counts.keys() | keyword_counts.keys() | related_counts.keys():
        lists_of(word).append(
            base
            | min(title_counts[word], _TITLE_MAX) << _TITLE_SHIFT
            | min(text_counts.pop(word, 0), _TEXT_MAX) << _TEXT_SHIFT
            | min(keyword_counts[word], _LIST_MAX) << _LIST_BITS
            | min(related_counts[word], _LIST_MAX)
        )
