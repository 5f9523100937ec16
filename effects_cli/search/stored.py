"""The search index in the cache: one file that a search reads in place.

An index is mostly postings (12 of a large guide's 14 MB) and a search reads
those of a few words. So the file is laid out as the cached guide is
(`effects_cli.records`), for reading in place, each part checked on its own:

    magic | header length (4) | header (marshal) | header CRC (4) | tables | postings

- the header: ``(key, entries, words, text bytes, stem bytes, tables CRC)``: the key the
  file was written for, how many entries and words the index holds, the sizes of its
  words and stems as UTF-8, and the CRC of the tables;
- the tables, read whole when the file is opened: 32-bit numbers (each entry's title
  length, then each text length; where each word's postings begin, then the CRC of
  each word's postings; where each word begins, then where each stem begins), then the
  words and their stems as UTF-8, sorted by word;
- the postings, word after word: a search reads those of the words it looks up, and
  checks each word's against its CRC (`records.Damaged` when they do not match).

Everything else of an index is read from the tables when asked for, without
making 60,000 strings of a large guide's words.
"""

from __future__ import annotations

import bisect
import os
import zlib
from array import array
from itertools import accumulate
from typing import TYPE_CHECKING

from effects_cli.cache import store
from effects_cli.records import Damaged
from effects_cli.search.index import Index
from effects_cli.search.postings import IndexData

if TYPE_CHECKING:
    from collections.abc import Hashable

MAGIC = b"effects-index-1\n"
_NUMBER = array("I").itemsize


def write(kind: str, key: tuple[Hashable, ...], index: Index) -> None:
    """Keep ``index`` in the cache as the file of ``kind`` and ``key``, laid out as above."""
    data = index.data
    offsets = data.offsets
    postings = data.postings
    assert isinstance(postings, array)  # an index just built holds its postings
    words = [word.encode("utf-8", "surrogatepass") for word in data.words]
    stems = [stem.encode("utf-8", "surrogatepass") for stem in data.stems]
    packed = postings.tobytes()
    crcs = array(
        "I",
        (
            zlib.crc32(packed[offsets[at] * _NUMBER : offsets[at + 1] * _NUMBER])
            for at in range(len(words))
        ),
    )
    numbers = array("I", data.title_lengths)
    numbers.extend(data.text_lengths)
    numbers.extend(offsets)
    numbers.extend(crcs)
    numbers.extend(_starts(words))
    numbers.extend(_starts(stems))
    word_bytes, stem_bytes = b"".join(words), b"".join(stems)
    tables = numbers.tobytes() + word_bytes + stem_bytes
    counts = len(data.title_lengths), len(words), len(word_bytes), len(stem_bytes)
    header = store.headed(MAGIC, (key, *counts, zlib.crc32(tables)))
    store.write_file(store.file_name(kind, key), [*header, tables, packed])


def read(kind: str, key: tuple[Hashable, ...], *, limit: int) -> Index | None:
    """The index kept as the file of ``kind`` and ``key``, opened with its tables read and
    checked; None when there is none, or it is not whole, not this key's, or over
    ``limit`` bytes."""
    descriptor = store.open_file(store.file_name(kind, key), limit)
    if descriptor is None:
        return None
    try:
        data = _opened(descriptor, key)
    except (Damaged, OSError, ValueError, EOFError, TypeError):
        os.close(descriptor)
        return None
    return Index(data)  # its postings own the descriptor now, and close it


def _opened(descriptor: int, key: tuple[Hashable, ...]) -> IndexData:
    on_disk = os.fstat(descriptor).st_size
    read = store.read_header(descriptor, MAGIC, on_disk)
    if read is None:
        raise Damaged
    (stored_key, entries, words, word_bytes, stem_bytes, tables_crc), start = read  # type: ignore[misc]
    if stored_key != key:
        raise Damaged
    count = 2 * entries + 4 * words + 3
    size = count * _NUMBER + word_bytes + stem_bytes
    if start + size > on_disk:
        raise Damaged
    tables = os.pread(descriptor, size, start)
    if len(tables) != size or zlib.crc32(tables) != tables_crc:
        raise Damaged
    numbers = array("I")
    numbers.frombytes(tables[: count * _NUMBER])
    cuts = [0, entries, 2 * entries, 2 * entries + words + 1, 2 * entries + 2 * words + 1]
    cuts += [cuts[-1] + words + 1, count]
    parts = [numbers[cuts[at] : cuts[at + 1]] for at in range(6)]
    titles, texts, offsets, crcs, word_starts, stem_starts = parts
    text = tables[count * _NUMBER :]
    if on_disk != start + size + offsets[-1] * _NUMBER:
        raise Damaged
    return IndexData(
        titles,
        texts,
        _Texts(text[:word_bytes], word_starts),
        _Texts(text[word_bytes:], stem_starts),
        offsets,
        _Postings(descriptor, start + size, offsets, crcs),
    )


def _starts(texts: list[bytes]) -> array[int]:
    """Where each text begins when they are joined, then where the last ends."""
    return array("I", accumulate(map(len, texts), initial=0))


class _Texts:
    """The words (or stems) of a stored index, in order: a sequence by ``len`` and indexing
    (from the end too; not by slices) that decodes one only when it is asked for
    (bisection asks for a few)."""

    __slots__ = ("_data", "_starts")

    def __init__(self, data: bytes, starts: array[int]) -> None:
        self._data = data
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, at: int) -> str:
        count = len(self._starts) - 1
        if at < 0:  # from the end, as a tuple's
            at += count
        if not 0 <= at < count:
            raise IndexError(at)
        return self._data[self._starts[at] : self._starts[at + 1]].decode("utf-8", "surrogatepass")


class _Postings:
    """The postings of a stored index: a word's (``postings[start:end]``, the slice its
    offsets give) read from the file and checked against its CRC."""

    __slots__ = ("_at", "_crcs", "_descriptor", "_offsets")

    def __init__(self, descriptor: int, at: int, offsets: array[int], crcs: array[int]) -> None:
        self._descriptor, self._at = descriptor, at
        self._offsets, self._crcs = offsets, crcs

    def close(self) -> None:
        """Close the file (once; also when the index is no longer referred to)."""
        if self._descriptor >= 0:
            descriptor, self._descriptor = self._descriptor, -1
            os.close(descriptor)

    __del__ = close

    def __getitem__(self, span: slice) -> array[int]:
        start, end = span.start, span.stop
        word = bisect.bisect_left(self._offsets, start)
        if word >= len(self._crcs) or self._offsets[word + 1] != end:
            raise Damaged  # not a word's postings: the offsets are not what was written
        data = os.pread(self._descriptor, (end - start) * _NUMBER, self._at + start * _NUMBER)
        if len(data) != (end - start) * _NUMBER or zlib.crc32(data) != self._crcs[word]:
            raise Damaged
        numbers = array("I")
        numbers.frombytes(data)
        return numbers
