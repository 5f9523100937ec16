"""The parsed guide in the cache: a file from which one entry is read without the rest.

A guide of 55,000 entries is a 20 MB file; printing one of its entries must
cost what it costs in a guide of 40. So the cached guide is laid out for
reading in place, each part checked on its own:

    magic | header length (4) | header (marshal) | header CRC (4) | rows | texts

- the header: ``(key, heads, sizes, count)``: the key the file was written for,
  the guide's title, subtitle, intro and conclusion, the number of sub-points
  of each section, and the number of entries;
- a row per entry, in guide order (each section, then its sub-points), of six
  32-bit numbers: where its title, text, keywords and related words start in
  the texts, where they end, and the CRC of those bytes;
- the texts: each entry's title, text, keywords and related words (each list
  joined by U+001F, which defused text never holds) as UTF-8.

`GuideFile` reads the header when opened, and then a row and its texts for
each entry asked for (``pread``), checking its CRC; `guide` and `corpus` read
them all. This module owns the layout: nothing else reads it by position.
Text read back is defused again, whatever the file holds.
"""

from __future__ import annotations

import os
import zlib
from array import array

from effects_cli.cache import store
from effects_cli.escapes import defused
from effects_cli.model import Entry, Guide, Point, Section

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Hashable, Iterator

    from effects_cli.search.corpus import Corpus

MAGIC = b"effects-guide-2\n"
_NUMBERS = 6
_ROW = array("I", [0]).itemsize * _NUMBERS
"""Bytes of a row: six 32-bit numbers."""
_KEYWORDS = "\x1f"
"""Between an entry's keywords: a control character, which defused text never holds."""


def file_name(key: tuple[Hashable, ...]) -> str:
    """The guide file of a key (named by its guide's path; the whole key is checked inside)."""
    return store.file_name("guide", key)


def write(key: tuple[Hashable, ...], guide: Guide) -> None:
    """Keep ``guide`` in the cache under ``key``, in the layout above."""
    rows = array("I")
    texts = bytearray()
    for entry in guide.entries():
        start = len(texts)
        texts += entry.title.encode("utf-8", "surrogatepass")
        text_start = len(texts)
        texts += entry.text.encode("utf-8", "surrogatepass")
        keywords_start = len(texts)
        texts += _KEYWORDS.join(entry.keywords).encode("utf-8", "surrogatepass")
        related_start = len(texts)
        texts += _KEYWORDS.join(entry.related).encode("utf-8", "surrogatepass")
        crc = zlib.crc32(memoryview(texts)[start:])
        rows.extend((start, text_start, keywords_start, related_start, len(texts), crc))
    heads = (guide.title, guide.subtitle, guide.intro, guide.conclusion)
    sizes = tuple(len(section.points) for section in guide.sections)
    header = store.headed(MAGIC, (key, heads, sizes, len(rows) // _NUMBERS))
    store.write_file(file_name(key), [*header, rows.tobytes(), bytes(texts)])


class Damaged(Exception):
    """A part of a guide file that does not check out: the caller reads the guide afresh."""


class GuideFile:
    """A cached guide, opened: its header read and checked; entries read when asked for."""

    __slots__ = ("_descriptor", "_rows", "_texts", "count", "heads", "sizes", "starts")

    def __init__(
        self, descriptor: int, rows: int, heads: tuple[str | None, ...], sizes: tuple[int, ...]
    ) -> None:
        self._descriptor = descriptor
        self._rows = rows
        self.heads = heads
        self.sizes = sizes
        self.count = len(sizes) + sum(sizes)
        self._texts = rows + self.count * _ROW
        starts = [0]
        for size in sizes:
            starts.append(starts[-1] + 1 + size)
        self.starts = starts
        """The entry number of each section, then the number of entries."""

    def close(self) -> None:
        """Close the file (once; also when the guide file is no longer referred to)."""
        if self._descriptor >= 0:
            descriptor, self._descriptor = self._descriptor, -1
            os.close(descriptor)

    __del__ = close

    def _row(self, doc: int) -> tuple[int, ...]:
        data = os.pread(self._descriptor, _ROW, self._rows + doc * _ROW)
        if len(data) != _ROW:
            raise Damaged
        row = array("I")
        row.frombytes(data)
        return tuple(row)

    def fields(self, doc: int) -> Fields:
        """Entry ``doc``'s title, text, keywords and related words, read and checked
        (`Damaged` if they do not check out)."""
        row = self._row(doc)
        start, end = row[0], row[4]
        data = os.pread(self._descriptor, end - start, self._texts + start)
        return _decoded(data, row)

    def entry(self, doc: int) -> Entry:
        """The section (with its sub-points) or the sub-point numbered ``doc``."""
        number = _section_of(self.starts, doc)
        first = self.starts[number - 1]
        if doc == first:
            title, text, keywords, related = self.fields(first)
            points = tuple(
                Point(number, index, *self.fields(first + index))
                for index in range(1, self.sizes[number - 1] + 1)
            )
            return Section(number, title, text, points, keywords, related)
        return Point(number, doc - first, *self.fields(doc))

    def section_title(self, number: int) -> str:
        return self.fields(self.starts[number - 1])[0]

    def all_fields(self) -> Iterator[Fields]:
        """Every entry's fields in guide order, read at once (for the whole guide)."""
        data = os.pread(self._descriptor, self.count * _ROW, self._rows)
        if len(data) != self.count * _ROW:
            raise Damaged
        rows = array("I")
        rows.frombytes(data)
        end = rows[-2] if self.count else 0
        texts = os.pread(self._descriptor, end, self._texts)
        if len(texts) != end:
            raise Damaged
        for at in range(0, len(rows), _NUMBERS):
            row = tuple(rows[at : at + _NUMBERS])
            yield _decoded(texts[row[0] : row[4]], row)

    def guide(self) -> Guide:
        """The whole guide (`Damaged` if any part of it does not check out)."""
        fields = list(self.all_fields())
        sections = []
        for number, size in enumerate(self.sizes, start=1):
            first = self.starts[number - 1]
            points = tuple(
                Point(number, index, *fields[first + index]) for index in range(1, size + 1)
            )
            title, text, keywords, related = fields[first]
            sections.append(Section(number, title, text, points, keywords, related))
        title, subtitle, intro, conclusion = (
            None if head is None else defused(head) for head in self.heads
        )
        assert title is not None  # checked when opened
        return Guide(title, tuple(sections), subtitle, intro, conclusion)

    @property
    def text_size(self) -> int:
        """How many bytes the texts of all entries take."""
        return self._row(self.count - 1)[4] if self.count else 0

    def corpus(self) -> Corpus:
        """What search reads: each entry's title and text (and keywords, related words)
        read when asked for (a search reads those of its candidates and hits only),
        entries made only for the hits."""
        from effects_cli.search.corpus import Corpus

        return Corpus(
            _Column(self, slice(0, 2)),
            self.starts,
            self.entry,
            keywords=_Column(self, 2),
            related=_Column(self, 3),
        )


class _Column:
    """One field (or a slice of the fields) of each entry of a guide file, read when asked
    for: a sequence by its methods (``len``, indexing, iteration)."""

    __slots__ = ("_file", "_part")

    def __init__(self, file: GuideFile, part: int | slice) -> None:
        self._file = file
        self._part = part

    def __len__(self) -> int:
        return self._file.count

    def __getitem__(self, doc: int) -> object:
        if not 0 <= doc < self._file.count:
            raise IndexError(doc)
        return self._file.fields(doc)[self._part]

    def __iter__(self) -> Iterator[object]:
        return (fields[self._part] for fields in self._file.all_fields())


def open_file(key: tuple[Hashable, ...], limit: int) -> GuideFile | None:
    """The cached guide of ``key``, when its file is there, safe, no larger than ``limit``,
    whole in its header and for this very key; else None."""
    descriptor = store.open_file(file_name(key), limit)
    if descriptor is None:
        return None
    read = store.read_header(descriptor, MAGIC, limit)
    try:
        if read is None:
            raise Damaged
        (stored_key, heads, sizes, count), rows = read  # type: ignore[misc]
        if not (stored_key == key and _shaped(heads, sizes) and count == len(sizes) + sum(sizes)):
            raise Damaged
    except (Damaged, ValueError, TypeError):
        os.close(descriptor)
        return None
    return GuideFile(descriptor, rows, heads, sizes)


def _shaped(heads: object, sizes: object) -> bool:
    return (
        isinstance(heads, tuple)
        and len(heads) == 4
        and isinstance(heads[0], str)
        and all(head is None or isinstance(head, str) for head in heads)
        and isinstance(sizes, tuple)
        and all(isinstance(size, int) and size > 0 for size in sizes)
    )


Fields = tuple[str, str, tuple[str, ...], tuple[str, ...]]
"""An entry's title, text, keywords and related words."""


def _decoded(data: bytes, row: tuple[int, ...]) -> Fields:
    """An entry's fields from its bytes and its row, checked (`Damaged`) and defused as text
    read from a guide is."""
    start, text_at, keywords_at, related_at, end, crc = row
    if not (start <= text_at <= keywords_at <= related_at <= end) or len(data) != end - start:
        raise Damaged
    if zlib.crc32(data) != crc:
        raise Damaged
    cuts = (0, text_at - start, keywords_at - start, related_at - start, end - start)
    title, text, keywords, related = (
        data[cuts[at] : cuts[at + 1]].decode("utf-8", "replace") for at in range(4)
    )
    return defused(title), defused(text), _words(keywords), _words(related)


def _words(joined: str) -> tuple[str, ...]:
    return tuple(defused(word) for word in joined.split(_KEYWORDS)) if joined else ()


def _section_of(starts: list[int], doc: int) -> int:
    """The number of the section entry ``doc`` is, or belongs to."""
    import bisect

    return bisect.bisect_right(starts, doc)
