"""The cache files: one per kind of work and guide, used only when whole and fresh.

A file is used only when it is whole and belongs to the question asked:

- it starts with a magic string and a CRC-32 of the rest, so a truncated,
  corrupted or foreign file is ignored (and later rewritten);
- it holds the key it was written for (the guide's resolved path, size,
  modification and change times, inode, the package version and the state of
  the code that produced it), so an edited guide or upgraded program is
  never served stale data.

It is opened without following a link, and read only when it is a regular
file of the user's, private to them and no larger than the work could have
made: a FIFO, a device, a link to ``/dev/zero`` or a huge sparse file in its
place is "no cache", never a hang or a machine's memory. Files are written
private (0600) to a temporary name and renamed into place, so concurrent
first runs never read half a file.
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
_MAGIC = b"effects-cache-1\n"
_CRC_BYTES = 4
_HEAD = len(_MAGIC) + _CRC_BYTES
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


def read(kind: str, key: tuple[Hashable, ...], *, limit: int) -> object | None:
    """What was stored for ``kind`` and ``key``, or None when nothing usable is.

    ``limit`` is the most bytes the stored value could take for this guide: a
    larger file is not read at all.
    """
    descriptor = open_file(file_name(kind, key), _HEAD + limit)
    if descriptor is None:
        return None
    try:
        data = _read_all(descriptor, _HEAD + limit)
    finally:
        os.close(descriptor)
    if data is None or len(data) < _HEAD or not data.startswith(_MAGIC):
        return None
    body = memoryview(data)[_HEAD:]
    if zlib.crc32(body) != int.from_bytes(data[len(_MAGIC) : _HEAD], "big"):
        return None
    try:
        stored_key, value = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    return value if stored_key == key else None


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


def _read_all(descriptor: int, limit: int) -> bytes | None:
    """All of an opened file, read with the bound ``limit`` whatever it turns into meanwhile."""
    try:
        size = os.fstat(descriptor).st_size
        pieces = []
        left = size + 1  # one byte more tells that it grew
        while left > 0:
            piece = os.read(descriptor, min(left, 1 << 20))
            if not piece:
                break
            pieces.append(piece)
            left -= len(piece)
    except OSError:
        return None
    data = b"".join(pieces)
    return data if len(data) <= min(size, limit) else None


def write(kind: str, key: tuple[Hashable, ...], value: object) -> None:
    """Store ``value`` (marshal-able data) for ``kind`` and ``key``, if the folder allows."""
    try:
        body = marshal.dumps((key, value))
    except ValueError:  # not marshal-able: a programming error, but never the user's problem
        return
    write_file(file_name(kind, key), [_MAGIC, zlib.crc32(body).to_bytes(_CRC_BYTES, "big"), body])


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


def clear() -> int:
    """Remove every cache file (and stray temporary file); return how many were removed.

    Raises `CacheError` when the folder cannot be read, is not safe to touch,
    or holds a file that cannot be removed.
    """
    with opened(strict=True) as folder:
        if folder is None:  # no folder, so no cache to clear
            return 0
        names = [name for name in folder.names() if name.endswith((SUFFIX, ".tmp"))]
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
