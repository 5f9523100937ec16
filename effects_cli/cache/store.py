"""The cache files: one per kind of work and guide, opened and written safely.

Each kind lays out its own file (`effects_cli.records`, `effects_cli.search.stored`,
`effects_cli.warm.replay`) and checks it itself: a magic string, the key it was
written for (the guide's resolved path, size, modification and change times,
inode, the package version and the state of the code that produced it), and
CRC-32s of its header and its parts, so that a truncated, corrupted or foreign
file is ignored (and later rewritten) and an edited guide or upgraded program is
never served stale data.

Here, what they share: a file is opened without following a link, and read only
when it is a regular file of the user's, private to them and no larger than the
work could have made: a FIFO, a device, a link to ``/dev/zero`` or a huge
sparse file in its place is "no cache", never a hang or a machine's memory.
Files are written private (0600) to a temporary name and renamed into place, so
concurrent first runs never read half a file.
"""

from __future__ import annotations

import marshal
import os
import stat
import zlib

from effects_cli.cache.folder import opened, unsafe

TYPE_CHECKING = False  # (typing itself is not loaded: the fast path reads the cache)
if TYPE_CHECKING:
    from collections.abc import Hashable

SUFFIX = ".cache"
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
"""A link is not followed, and a FIFO opens without waiting for a writer (then is refused)."""
_WRITE_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def file_name(kind: str, key: tuple[Hashable, ...]) -> str:
    """One file per kind and guide path (a key's first item); the full key is checked inside."""
    path = str(key[0]).encode("utf-8", "surrogatepass")
    return f"{kind}-{zlib.crc32(path):08x}{zlib.adler32(path):08x}{SUFFIX}"


def open_file(name: str, limit: int) -> int | None:
    """A descriptor of the cache file ``name`` when it is a private regular file of the
    user's, of at most ``limit`` bytes; else None. (The caller closes it.)

    Opened without following a link and without waiting (a FIFO), checked on the
    descriptor itself, so what is checked is what is read.
    """
    with opened() as folder:
        if folder is None:
            return None
        try:
            descriptor = folder.open(name, _READ_FLAGS)
        except (OSError, ValueError):
            return None
    try:
        info = os.fstat(descriptor)
        if (
            stat.S_ISREG(info.st_mode)
            and info.st_size <= limit
            and unsafe(info) is None
            and not info.st_mode & 0o077
        ):
            return descriptor
    except OSError:
        pass
    os.close(descriptor)
    return None


_LENGTH = 4
"""Bytes of a header's length, and of its CRC."""


def headed(magic: bytes, header: object) -> list[bytes]:
    """The first pieces of a cache file: ``magic | header length | header | header CRC``,
    the header (marshal-able data) written with ``marshal``."""
    data = marshal.dumps(header)
    length, crc = len(data).to_bytes(_LENGTH, "big"), zlib.crc32(data).to_bytes(_LENGTH, "big")
    return [magic, length, data, crc]


def read_header(descriptor: int, magic: bytes, largest: int) -> tuple[object, int] | None:
    """The header of a cache file written with `headed`, and where what follows it begins;
    None unless the file starts with ``magic`` and holds a whole header of at most
    ``largest`` bytes whose CRC checks out. (Its content is the caller's to check.)"""
    try:
        head = os.pread(descriptor, len(magic) + _LENGTH, 0)
        if len(head) != len(magic) + _LENGTH or not head.startswith(magic):
            return None
        length = int.from_bytes(head[len(magic) :], "big")
        # Not checked yet: never a read of more than the file holds (4 GB of a bad length).
        if length > largest or len(head) + length + _LENGTH > os.fstat(descriptor).st_size:
            return None
        framed = os.pread(descriptor, length + _LENGTH, len(head))
        data, crc = framed[:length], framed[length:]
        if len(data) != length or zlib.crc32(data) != int.from_bytes(crc, "big"):
            return None
        return marshal.loads(data), len(head) + len(framed)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def write_file(name: str, pieces: list[bytes]) -> None:
    """Write the cache file ``name`` (the bytes of ``pieces``), private, under a temporary
    name renamed into place, if the folder allows; a failure leaves no file."""
    temporary = f".{name}.{os.getpid()}.tmp"
    with opened(create=True) as folder:
        if folder is None:
            return
        try:
            descriptor = folder.open(temporary, _WRITE_FLAGS, 0o600)
            try:
                for piece in pieces:
                    view = memoryview(piece)
                    while view:
                        view = view[os.write(descriptor, view) :]
            finally:
                os.close(descriptor)
            folder.replace(temporary, name)
        except OSError:
            try:  # noqa: SIM105 (not contextlib: the fast path must not pay for it)
                folder.unlink(temporary)
            except OSError:
                pass


def _is_ours(name: str) -> bool:
    """Whether a file's name has the shape this program gives a cache file (`file_name`:
    a kind and 16 hex digits; the replays' `warm.replay.file_name` and their counters: a
    kind and two runs of 8) or its temporary file (`write_file`): ``cache clear`` removes
    nothing else, whatever else is put in the folder."""
    import re

    kept = r"[a-z]+-(?:[0-9a-f]{16}|[0-9a-f]{8}-[0-9a-f]{8})\.cache"
    return re.fullmatch(rf"{kept}|\.{kept}\.[0-9]+\.tmp", name) is not None


def clear() -> int:
    """Remove every cache file (and stray temporary file); return how many were removed.

    Raises `CacheError` when the folder cannot be read, is not safe to touch,
    or holds a file that cannot be removed.
    """
    with opened(strict=True) as folder:
        if folder is None:  # no folder, so no cache to clear
            return 0
        names = [name for name in folder.names() if _is_ours(name)]
        removed = 0
        for name in names:
            try:
                folder.unlink(name)
            except FileNotFoundError:
                continue
            except OSError as error:
                from effects_cli.errors import CacheError

                path = os.path.join(folder.path, name)
                raise CacheError(f"cannot remove {path}: {error.strerror}") from None
            removed += 1
        path = folder.path
    try:  # noqa: SIM105 (as above)
        os.rmdir(path)  # only when nothing else was put there
    except OSError:
        pass
    return removed
