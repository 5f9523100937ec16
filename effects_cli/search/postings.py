"""What an index is made of: its data, and the 32-bit number each posting is.

A posting is an entry's number and how often a word stands in its four fields,
packed in one number so that a word's postings are one array: the entry, then
the counts in three, four, two and two bits (BM25 has long saturated by then).
`build` packs them, `index` reads them, `stored` keeps them in the cache.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import NamedTuple, Protocol

TITLE_BITS, TEXT_BITS, LIST_BITS = 3, 4, 2
"""A posting's counts: in the title up to 7, the text 15, keywords and related words 3."""
TEXT_SHIFT = 2 * LIST_BITS
TITLE_SHIFT = TEXT_SHIFT + TEXT_BITS
DOC_SHIFT = TITLE_SHIFT + TITLE_BITS
DOC_BITS = 32 - DOC_SHIFT
"""An index holds up to 2,097,152 entries: twice what the 20 MB size limit admits (a
sub-point takes at least ``{title: a, text: b}``)."""
TITLE_MAX, TEXT_MAX, LIST_MAX = (1 << TITLE_BITS) - 1, (1 << TEXT_BITS) - 1, (1 << LIST_BITS) - 1


class Postings(Protocol):
    """A word's postings by the slice of them its offsets give: an array, or a file's."""

    def __getitem__(self, span: slice, /) -> array[int]: ...


class IndexData(NamedTuple):
    """An index as data: built in memory (`build.index_data`), or read in place from the
    cache (`stored`), whose sequences read what is asked for."""

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
    """Every word's postings, one 32-bit number each (`index.Index.postings`), sliced by
    ``offsets``."""
