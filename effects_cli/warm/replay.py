"""The bytes the full program printed, kept to be printed again by the fast path.

One file a guide and a view (width, colour, encoding, theme and the rest of
`effects_cli.warm.view`), in the cache folder and under its rules (private,
never a link or a special file: `effects_cli.cache.store`). It holds a header
and the texts one after another; the header names each text's place, length
and CRC, so that one text is read and checked without reading the others, at
40 entries or at 55,000:

    magic | header length (4 bytes) | header (marshal) | header CRC (4 bytes) | texts...

The header is ``(key, sizes, daily, table, ahead)``: the key the file was written
for (the guide's state, the program's, the view), the number of sub-points of
each section (what a random tip needs to pick, without the guide), the tips of
the day for the next two months (``(first day, picks)``, or None),
``{name: (offset, length, crc)}`` for each text (``show:4.2``, ``short:4.2``,
``list``, ``list-tree``), offsets counted from the first text, and the random
tips picked ahead for a large guide (``(batch, names)``, or None): a guide of
55,000 entries cannot have them all laid out, so the run that lays one out
picks the next few at random too, and each later ``tip`` takes the next of
them (`next_ahead`; a small file beside this one counts how many were taken).
"""

from __future__ import annotations

import os
import zlib

from effects_cli.cache import store

MAGIC = b"effects-view-2\n"
LARGEST_HEADER = 1 << 22
"""A header this long holds some 50,000 names; anything longer is not one of ours."""
LARGEST_FILE = 1 << 26
"""64 MB of texts: far more than is ever printed; a larger file is not read."""
MOST_TEXTS = 4096
"""Texts kept in one file; a guide shown in more views than this starts a new file."""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Hashable
    from typing import Any

    Key = tuple[Hashable, ...]


VIEW_ITEMS = 5
"""The key's last items, the output's own: width, styling, theme, terminal or not, and
encoding (`effects_cli.warm.view.view`). Not the program's version before them, nor the
size limit: another version's file, or another limit's, replaces the old one too."""


def file_name(key: Key) -> str:
    """The file of a guide and a view: named by the guide's path (the key's first item) and
    the view (its last items), not by the guide's and the program's state, so that the file
    of an edited guide, an upgraded program or another size limit replaces the old one.
    The header holds the whole key."""
    where = repr(key[0]).encode("utf-8", "surrogatepass")
    view = repr(key[-VIEW_ITEMS:]).encode("utf-8", "surrogatepass")
    return f"view-{zlib.crc32(where):08x}-{zlib.crc32(view):08x}.cache"


class Replay:
    """An opened replay file whose key matched: its sizes, and its texts by name."""

    __slots__ = (
        "_base",
        "_daily",
        "_descriptor",
        "_encoding",
        "_name",
        "_table",
        "_taken",
        "ahead",
        "sizes",
    )

    def __init__(
        self, descriptor: int, base: int, header: tuple[Any, ...], name: str, encoding: str
    ) -> None:
        self._descriptor = descriptor
        self._base = base
        self._encoding = encoding
        """The encoding of the stdout the texts were printed to (the key's last part)."""
        _, self.sizes, self._daily, self._table, self.ahead = header
        self._name = name
        self._taken: int | None = None
        """How many tips ahead will have been taken once the one `next_ahead` named is."""

    def next_ahead(self, kind: str) -> str | None:
        """The name of the next random tip picked ahead, if one of ``kind`` (``show`` or
        ``short``) is left; `take_ahead` counts it as taken once it is printed."""
        if self.ahead is None:
            return None
        batch, names = self.ahead
        counter = _counter(self._name)
        taken = 0
        descriptor = store.open_file(counter, 16)
        if descriptor is not None:
            try:
                data = os.pread(descriptor, 16, 0)
            finally:
                os.close(descriptor)
            if len(data) == 16 and int.from_bytes(data[:8], "big") == batch:
                taken = int.from_bytes(data[8:], "big")
        if taken >= len(names) or not names[taken].startswith(f"{kind}:"):
            return None
        self._taken = taken + 1
        return names[taken]

    def take_ahead(self) -> None:
        """Count the tip `next_ahead` named as taken: the next run takes the next one. (Two
        shells started at once may both show it: harmless, and no lock is worth it.)"""
        if self._taken is not None and self.ahead is not None:
            taken = self._taken.to_bytes(8, "big")
            store.write_file(_counter(self._name), [self.ahead[0].to_bytes(8, "big"), taken])

    def daily_pick(self, day: int) -> int | None:
        """Which sub-point (of all of them) is the tip of ``day``, if the file knows."""
        if self._daily is None:
            return None
        first, picks = self._daily
        return picks[day - first] if 0 <= day - first < len(picks) else None

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
        if len(data) != length or zlib.crc32(data) != crc:
            return None
        return data if harmless(data, self._encoding) else None

    def close(self) -> None:
        os.close(self._descriptor)


_CONTROLS = bytes(range(0x20)) + b"\x7f"
_NOT_CONTROLS = bytes(byte for byte in range(256) if byte not in _CONTROLS)
_DEFUSED = tuple(map(chr, (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))))
"""The C1 controls and the bidi overrides and isolates, which defused text never holds."""


def harmless(text: bytes, encoding: str = "utf-8") -> bool:
    """Whether printed bytes hold nothing a terminal obeys but line breaks, tabs and colour
    codes (``ESC [ digits ; m``), and none of the characters `effects_cli.escapes`
    defuses: what the full program prints. A replay file is the user's own and private,
    but what is read back from it is checked, as the cached guide's text is defused.

    The characters are those of the bytes read in ``encoding``, which they must be
    written in (as all the program prints is): in Latin-1, byte 0x9b is the C1 control
    CSI itself.
    """
    controls = text.translate(None, _NOT_CONTROLS)
    if controls.translate(None, b"\n\t\x1b"):
        return False
    if b"\x1b" in controls:
        for sequence in text.split(b"\x1b")[1:]:
            if not (sequence[:1] == b"[" and sequence[1:].lstrip(b"0123456789;")[:1] == b"m"):
                return False
    if text.isascii():
        return True
    try:
        shown = text.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return not any(character in shown for character in _DEFUSED)


def _counter(name: str) -> str:
    """The file counting the tips ahead taken, beside the replay file ``name`` (a cache file
    too: ``effects cache clear`` removes it)."""
    return "taken-" + name.removeprefix("view-")


def open_replay(key: Key) -> Replay | None:
    """The replay file of ``key``, when there is one, safe, whole in its header, and for
    this very key; else None."""
    descriptor = store.open_file(file_name(key), LARGEST_FILE)
    if descriptor is None:
        return None
    read = store.read_header(descriptor, MAGIC, LARGEST_HEADER)
    try:
        if read is None:
            raise ValueError
        header, base = read
        stored_key, sizes, daily, table, ahead = header  # type: ignore[misc]
        if stored_key != key or not isinstance(table, dict) or not isinstance(sizes, tuple):
            raise ValueError
        if not all(_pair(part) for part in (daily, ahead)):
            raise ValueError
    except (ValueError, TypeError):
        os.close(descriptor)
        return None
    encoding = key[-1][0]  # type: ignore[index]  # the view's last part (`view.view`)
    return Replay(descriptor, base, header, file_name(key), encoding)  # type: ignore[arg-type]


def _pair(part: object) -> bool:
    """None, or a pair whose second item is a tuple (the days' picks, the tips ahead)."""
    return part is None or (
        isinstance(part, tuple) and len(part) == 2 and isinstance(part[1], tuple)
    )


def keep(
    key: Key,
    sizes: tuple[int, ...],
    texts: dict[str, bytes],
    daily: tuple[int, tuple[int, ...]] | None = None,
    ahead: tuple[int, tuple[str, ...]] | None = None,
    *,
    first: Callable[[], dict[str, bytes]] | None = None,
) -> None:
    """Add ``texts`` to the replay file of ``key`` (starting it afresh when it belongs to
    another key, is damaged, or is full), written private and renamed into place. The tips
    picked ahead are ``ahead`` when given, else those the file had. When there was no
    file for ``key`` (or none that checks out), the new one holds what ``first`` lays out
    too (every view of a small guide)."""
    kept: dict[str, bytes] = {}
    old = open_replay(key)
    if old is None and first is not None:
        kept.update(first())
    if old is not None:
        if ahead is None:
            ahead = old.ahead
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
    if ahead is not None and not all(name in table for name in ahead[1]):
        ahead = None  # a file started afresh: its tips ahead went with the old one
    data = b"".join([*store.headed(MAGIC, (key, sizes, daily, table, ahead)), *chunks])
    if len(data) <= LARGEST_FILE:
        store.write_file(file_name(key), [data])
