"""The bytes the full program printed, kept to be printed again by the fast path.

One file a guide and a view (width, colour, encoding, theme and the rest of
`effects_cli.warm.view`), in the cache folder and under its rules (private,
never a link or a special file: `effects_cli.cache.store`). It holds a header
and the texts one after another; the header names each text's place, length
and CRC, so that one text is read and checked without reading the others, at
40 entries or at 55,000:

    magic | header length (4 bytes) | header (marshal) | header CRC (4 bytes) | texts...

The header is ``(key, sizes, table)``: the key the file was written for (the
guide's state, the program's, the view), the number of sub-points of each
section (what a random tip needs to pick, without the guide), and
``{name: (offset, length, crc)}`` for each text (``show:4.2``, ``tip:4.2``,
``short:4.2``, ``list``, ``list-tree``), offsets counted from the first text.
"""

from __future__ import annotations

import marshal
import os
import zlib

from effects_cli.cache import store

MAGIC = b"effects-view-1\n"
_LENGTH = 4
LARGEST_HEADER = 1 << 22
"""A header this long holds some 50,000 names; anything longer is not one of ours."""
LARGEST_FILE = 1 << 26
"""64 MB of texts: far more than is ever printed; a larger file is not read."""
MOST_TEXTS = 4096
"""Texts kept in one file; a guide shown in more views than this starts a new file."""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Hashable

    Key = tuple[Hashable, ...]


def file_name(key: Key) -> str:
    """The file of a guide and a view: named by the guide's path (the key's first item) and
    the rest of the key, which the header holds in full."""
    where = repr(key[0]).encode("utf-8", "surrogatepass")
    view = repr(key[3:]).encode("utf-8", "surrogatepass")
    return f"view-{zlib.crc32(where):08x}-{zlib.crc32(view):08x}.cache"


class Replay:
    """An opened replay file whose key matched: its sizes, and its texts by name."""

    __slots__ = ("_base", "_descriptor", "_table", "sizes")

    def __init__(
        self,
        descriptor: int,
        base: int,
        sizes: tuple[int, ...],
        table: dict[str, tuple[int, int, int]],
    ) -> None:
        self._descriptor = descriptor
        self._base = base
        self.sizes = sizes
        self._table = table

    def names(self) -> list[str]:
        """The names of the texts kept."""
        return list(self._table)

    def text(self, name: str) -> bytes | None:
        """The bytes kept under ``name``, if they are there and whole."""
        place = self._table.get(name)
        if place is None:
            return None
        offset, length, crc = place
        try:
            data = os.pread(self._descriptor, length, self._base + offset)
        except OSError:
            return None
        return data if len(data) == length and zlib.crc32(data) == crc else None

    def close(self) -> None:
        os.close(self._descriptor)


def open_replay(key: Key) -> Replay | None:
    """The replay file of ``key``, when there is one, safe, whole in its header, and for
    this very key; else None."""
    descriptor = store.open_file(file_name(key), LARGEST_FILE)
    if descriptor is None:
        return None
    try:
        head = os.pread(descriptor, len(MAGIC) + _LENGTH, 0)
        if len(head) != len(MAGIC) + _LENGTH or not head.startswith(MAGIC):
            raise OSError
        length = int.from_bytes(head[len(MAGIC) :], "big")
        if length > LARGEST_HEADER:
            raise OSError
        header = os.pread(descriptor, length + _LENGTH, len(head))
        body, crc = header[:length], header[length:]
        if len(body) != length or zlib.crc32(body) != int.from_bytes(crc, "big"):
            raise OSError
        stored_key, sizes, table = marshal.loads(body)
        if stored_key != key or not isinstance(table, dict) or not isinstance(sizes, tuple):
            raise OSError
    except (OSError, ValueError, EOFError, TypeError):
        os.close(descriptor)
        return None
    return Replay(descriptor, len(head) + length + _LENGTH, sizes, table)


def keep(key: Key, sizes: tuple[int, ...], texts: dict[str, bytes]) -> None:
    """Add ``texts`` to the replay file of ``key`` (starting it afresh when it belongs to
    another key, is damaged, or is full), written private and renamed into place."""
    kept: dict[str, bytes] = {}
    old = open_replay(key)
    if old is not None:
        try:
            if len(old.names()) + len(texts) <= MOST_TEXTS:
                for name in old.names():
                    text = old.text(name)
                    if text is not None:
                        kept[name] = text
        finally:
            old.close()
    kept.update(texts)
    table: dict[str, tuple[int, int, int]] = {}
    chunks: list[bytes] = []
    offset = 0
    for name, text in kept.items():
        table[name] = (offset, len(text), zlib.crc32(text))
        chunks.append(text)
        offset += len(text)
    header = marshal.dumps((key, sizes, table))
    crc = zlib.crc32(header).to_bytes(_LENGTH, "big")
    data = b"".join([MAGIC, len(header).to_bytes(_LENGTH, "big"), header, crc, *chunks])
    if len(data) <= LARGEST_FILE:
        store.write_file(file_name(key), [data])
