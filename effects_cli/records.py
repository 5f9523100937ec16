"""The parsed guide as cache data: one owner for the shape of its ``marshal`` record.

``marshal`` stores tuples, not named tuples, so a record crosses the cache as
a plain tuple (`guide_record`) and comes back as a `GuideRecord` view, its
shape checked (`read_record`): no other module reads it by position.

A large guide's texts are megabytes, so the record keeps them as one block
of UTF-8 cut by offsets; `Fields` decodes only the entries that are read.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from effects_cli.escapes import defused
from effects_cli.model import Entry, Guide, Point, Section

if TYPE_CHECKING:
    from effects_cli.search.corpus import Corpus


class GuideRecord(NamedTuple):
    """A parsed guide as the cache holds it."""

    title: str
    subtitle: str | None
    intro: str | None
    conclusion: str | None
    sizes: tuple[int, ...]
    """The number of sub-points of each section."""
    blob: bytes
    """The title and text of every entry in guide order, as UTF-8, one after another."""
    ends: bytes
    """Where each of those texts ends in ``blob``: an array of 32-bit offsets."""
    keywords: tuple[tuple[str, ...], ...]
    """The keywords of each entry, in guide order."""
    related: tuple[tuple[str, ...], ...]
    """The related words of each entry, in guide order."""


def guide_record(guide: Guide) -> tuple[object, ...]:
    """The guide as a plain tuple for ``marshal`` (the fields of `GuideRecord`)."""
    blob = bytearray()
    ends = array("I")
    for entry in guide.entries():
        for text in (entry.title, entry.text):
            blob += text.encode("utf-8", "surrogatepass")
            ends.append(len(blob))
    return tuple(
        GuideRecord(
            guide.title,
            guide.subtitle,
            guide.intro,
            guide.conclusion,
            tuple(len(section.points) for section in guide.sections),
            bytes(blob),
            ends.tobytes(),
            tuple(entry.keywords for entry in guide.entries()),
            tuple(entry.related for entry in guide.entries()),
        )
    )


def read_record(value: object) -> GuideRecord | None:
    """``value`` (read from the cache) as a `GuideRecord`, or None when it has another shape.

    Shapes are checked, texts are not: a record is used only after its file's
    CRC and key (which names the code that wrote it) have matched.
    """
    if not (isinstance(value, tuple) and len(value) == len(GuideRecord._fields)):
        return None
    record = GuideRecord._make(value)
    heads = (record.title, record.subtitle, record.intro, record.conclusion)
    if not (
        isinstance(record.title, str)
        and all(head is None or isinstance(head, str) for head in heads)
        and isinstance(record.sizes, tuple)
        and all(isinstance(size, int) and size >= 0 for size in record.sizes)
        and isinstance(record.blob, bytes)
        and isinstance(record.ends, bytes)
        and all(_per_entry(lists, record.sizes) for lists in (record.keywords, record.related))
    ):
        return None
    offsets = array("I")
    if len(record.ends) % offsets.itemsize:
        return None
    offsets.frombytes(record.ends)
    fields = 2 * (len(record.sizes) + sum(record.sizes))
    if len(offsets) != fields or (offsets and offsets[-1] != len(record.blob)):
        return None
    return record


def _per_entry(lists: object, sizes: tuple[int, ...]) -> bool:
    """Whether ``lists`` is a tuple of words for each entry of a guide of these sizes."""
    return (
        isinstance(lists, tuple)
        and len(lists) == len(sizes) + sum(sizes)
        and all(
            isinstance(words, tuple) and all(isinstance(word, str) for word in words)
            for words in lists
        )
    )


class Fields:
    """The (title, text) of each entry of a record, decoded only when read: a sequence
    by its methods (``len``, indexing, iteration), without the cost of defining one as
    a `collections.abc.Sequence` at every start."""

    __slots__ = ("_blob", "_ends")

    def __init__(self, blob: bytes, ends: bytes) -> None:
        self._blob = blob
        self._ends = array("I")
        self._ends.frombytes(ends)

    def __len__(self) -> int:
        return len(self._ends) // 2

    def _text(self, at: int) -> str:
        start = self._ends[at - 1] if at else 0
        # Defused as text read from a guide is: what the cache holds is trusted no further.
        return defused(self._blob[start : self._ends[at]].decode("utf-8", "replace"))

    def __getitem__(self, doc: int) -> tuple[str, str]:
        if not 0 <= doc < len(self):
            raise IndexError(doc)
        return (self._text(2 * doc), self._text(2 * doc + 1))

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return (self[doc] for doc in range(len(self)))


def guide_from_record(record: GuideRecord) -> Guide:
    """The `Guide` a record describes."""
    fields = Fields(record.blob, record.ends)
    sections = []
    doc = 0
    for number, size in enumerate(record.sizes, start=1):
        section_title, section_text = fields[doc]
        points = tuple(
            Point(number, index, *fields[doc + index], *_keywords(record, doc + index))
            for index in range(1, size + 1)
        )
        sections.append(
            Section(number, section_title, section_text, points, *_keywords(record, doc))
        )
        doc += 1 + size
    return Guide(
        title=defused(record.title),
        subtitle=_defused(record.subtitle),
        intro=_defused(record.intro),
        conclusion=_defused(record.conclusion),
        sections=tuple(sections),
    )


def _keywords(record: GuideRecord, doc: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Entry ``doc``'s keywords and related words, defused as its texts are."""
    return (
        tuple(defused(word) for word in record.keywords[doc]),
        tuple(defused(word) for word in record.related[doc]),
    )


def _defused(text: str | None) -> str | None:
    return None if text is None else defused(text)


def corpus_from_record(record: GuideRecord) -> Corpus:
    """What search reads of a record, its entries made only for the hits shown.

    On a guide of 11,000 entries read from the cache, making every entry an
    object would cost more than the search.
    """
    from effects_cli.search.corpus import Corpus

    fields = Fields(record.blob, record.ends)
    starts = [0]
    for size in record.sizes:
        starts.append(starts[-1] + 1 + size)

    def make_entry(doc: int) -> Entry:
        number = bisect.bisect_right(starts, doc)
        first = starts[number - 1]
        title, text = fields[first]
        points = tuple(
            Point(number, index, *fields[first + index], *_keywords(record, first + index))
            for index in range(1, record.sizes[number - 1] + 1)
        )
        at = doc - first
        if at:
            return points[at - 1]
        return Section(number, title, text, points, *_keywords(record, first))

    return Corpus(
        fields,
        starts,
        make_entry,
        keywords=_DefusedLists(record.keywords),
        related=_DefusedLists(record.related),
    )


class _DefusedLists:
    """Each entry's keywords (or related words) defused, only when read: an index is built
    from them once, and a search from the cache reads none."""

    __slots__ = ("_lists",)

    def __init__(self, lists: tuple[tuple[str, ...], ...]) -> None:
        self._lists = lists

    def __len__(self) -> int:
        return len(self._lists)

    def __getitem__(self, doc: int) -> tuple[str, ...]:
        return tuple(defused(word) for word in self._lists[doc])
