"""How an index is built: each entry's words counted and packed into postings, by word.

A large guide has a million postings, and building them is most of its first
search. The words of an entry's text alone (most of them) are packed and
appended by ``map`` over its counts, with no Python step a posting; the few
words of its title and lists get a loop.

(Building in parts on two processors at once, in forked children, was tried:
on the two-processor machine it was measured on each part then took twice as
long, the work being bound by memory rather than by the processor; it was left
out.)
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable
from functools import partial
from itertools import accumulate, repeat
from operator import or_
from typing import TYPE_CHECKING

from effects_cli.search.postings import (
    DOC_BITS,
    DOC_SHIFT,
    LIST_BITS,
    LIST_MAX,
    TEXT_MAX,
    TEXT_SHIFT,
    TITLE_MAX,
    TITLE_SHIFT,
    IndexData,
)
from effects_cli.search.stemmer import stem_all
from effects_cli.search.text import field_words

if TYPE_CHECKING:
    from effects_cli.search.corpus import Corpus

_TEXT_CODES = [count << TEXT_SHIFT for count in range(TEXT_MAX + 1)]
"""The posting bits of a count in the text, by the count."""


def index_data(corpus: Corpus) -> IndexData:
    """The index of every section and sub-point of ``corpus``, in guide order."""
    if len(corpus) >= 1 << DOC_BITS:
        raise ValueError(f"a guide of over {1 << DOC_BITS:,} entries cannot be indexed")
    postings: defaultdict[str, array[int]] = defaultdict(partial(array, "I"))
    lists_of = postings.__getitem__
    title_lengths, text_lengths = array("I"), array("I")
    keywords, related = corpus.keywords, corpus.related
    for doc, (title, text) in enumerate(corpus.fields):
        title_words, title_length = field_words(title)
        text_words, text_length = field_words(text)
        title_lengths.append(title_length)
        text_lengths.append(text_length)
        base = doc << DOC_SHIFT
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
                    | (count if count < TITLE_MAX else TITLE_MAX) << TITLE_SHIFT
                    | _TEXT_CODES[in_text if in_text < TEXT_MAX else TEXT_MAX]
                )
        counts: Iterable[int] = text_counts.values()
        if text_counts and max(counts) > TEXT_MAX:
            counts = map(min, counts, repeat(TEXT_MAX))
        # Each word's postings, appended with its packed counts: the maps walk the keys
        # and the values of one dict, in the same order, and the empty deque drives them.
        packed = map(or_, map(_TEXT_CODES.__getitem__, counts), repeat(base))
        deque(map(array.append, map(lists_of, text_counts), packed), maxlen=0)
    words = sorted(postings)
    in_order = list(map(postings.__getitem__, words))
    return IndexData(
        title_lengths,
        text_lengths,
        tuple(words),
        tuple(stem_all(words)),
        array("I", accumulate(map(len, in_order), initial=0)),
        array("I", b"".join(map(array.tobytes, in_order))),
    )


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
            | min(title_counts[word], TITLE_MAX) << TITLE_SHIFT
            | min(text_counts.pop(word, 0), TEXT_MAX) << TEXT_SHIFT
            | min(keyword_counts[word], LIST_MAX) << LIST_BITS
            | min(related_counts[word], LIST_MAX)
        )
