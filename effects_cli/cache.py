"""A cache of work done on a guide file, so that the usual run skips it.

Parsing the guide's YAML (and importing PyYAML to do it) costs more than the
rest of a run; building a search index of a large guide costs more again.
Each result is kept in the user's cache folder as one file of ``marshal``
data, which Python loads without importing anything.

A file is used only when it is whole and belongs to the question asked:

- it starts with a magic string and a CRC-32 of the rest, so a truncated,
  corrupted or foreign file is ignored (and later rewritten);
- it holds the key it was written for (the guide's resolved path, size,
  modification and change times, inode, the package version and the state of
  the code that produced it), so an edited guide or upgraded program is
  never served stale data.

Files are written to a temporary name and renamed into place, so concurrent
first runs never read half a file. Every failure to read or write only
means "no cache": nothing here raises to the caller but `CacheError` from
`clear`.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import stat
import sys
import zlib
from collections.abc import Hashable
from pathlib import Path

from effects_cli import __version__
from effects_cli.errors import EffectsError

FOLDER_NAME = "effects"
SUFFIX = ".cache"
_MAGIC = b"effects-cache-1\n"
_CRC_BYTES = 4


class CacheError(EffectsError):
    """The cache folder could not be cleared."""


def cache_folder() -> Path:
    """Where cache files live: the platform's user cache folder, plus ``effects``.

    ``$XDG_CACHE_HOME/effects`` (default ``~/.cache/effects``) on Linux and
    other Unix systems, ``~/Library/Caches/effects`` on macOS and
    ``%LOCALAPPDATA%\\effects\\Cache`` on Windows: the folders platformdirs
    would name, without importing it on every run.
    """
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / FOLDER_NAME / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / FOLDER_NAME
    base = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG rules: a relative path is invalid and must be ignored.
    if not os.path.isabs(base):
        base = str(Path.home() / ".cache")
    return Path(base) / FOLDER_NAME


def file_stamp(path: Path) -> tuple[Hashable, ...] | None:
    """What identifies the present state of the file at ``path``, as part of a cache key.

    None when the path is not a regular file that can be stat'ed: a pipe such
    as ``/dev/stdin`` cannot be cached.
    """
    try:
        real = os.path.realpath(path)
        info = os.stat(real)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (real, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def code_stamp() -> tuple[Hashable, ...]:
    """The package version and the size and modification time of each of its files.

    A change to the code (an upgrade, or an edit in a checkout) must not be
    answered with what older code produced. Every module of the package is
    stamped, wherever it lives, so that code moved into a new module or
    package still changes the key; stamping them all costs about as much as
    opening one file.
    """
    global _code_stamp
    if _code_stamp is None:
        _code_stamp = (__version__, *_stamps_under(os.path.dirname(os.path.abspath(__file__))))
    return _code_stamp


_code_stamp: tuple[Hashable, ...] | None = None
"""`code_stamp`, once worked out: the code does not change while a run goes on."""


_NOT_CODE = frozenset({"__pycache__", "data"})
"""Folders of the package that hold no code: bytecode follows its source; the bundled guide
is stamped as a guide."""


def _stamps_under(folder: str, prefix: str = "") -> list[Hashable]:
    """(name, size, mtime) of every ``.py`` file under ``folder``, in a stable order."""
    stamps: list[Hashable] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return [(prefix, None)]
    for entry in entries:
        name = prefix + entry.name
        if entry.name.endswith(".py") and entry.is_file():
            info = entry.stat()
            stamps.append((name, info.st_size, info.st_mtime_ns))
        elif entry.is_dir() and entry.name not in _NOT_CODE and not entry.name.startswith("."):
            stamps += _stamps_under(entry.path, name + "/")
    return stamps


def _file_for(kind: str, key: tuple[Hashable, ...]) -> Path:
    """One file per kind and guide path (a key's first item); the full key is checked inside."""
    path = str(key[0]).encode("utf-8", "surrogatepass")
    name = f"{kind}-{zlib.crc32(path):08x}{zlib.adler32(path):08x}{SUFFIX}"
    return cache_folder() / name


def read(kind: str, key: tuple[Hashable, ...]) -> object | None:
    """What was stored for ``kind`` and ``key``, or None when nothing usable is."""
    try:
        data = _file_for(kind, key).read_bytes()
    except (OSError, ValueError):
        return None
    head = len(_MAGIC) + _CRC_BYTES
    if len(data) < head or not data.startswith(_MAGIC):
        return None
    body = memoryview(data)[head:]
    if zlib.crc32(body) != int.from_bytes(data[len(_MAGIC) : head], "big"):
        return None
    try:
        stored_key, value = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    return value if stored_key == key else None


def write(kind: str, key: tuple[Hashable, ...], value: object) -> None:
    """Store ``value`` (marshal-able data) for ``kind`` and ``key``, if the folder allows."""
    target = _file_for(kind, key)
    try:
        body = marshal.dumps((key, value))
    except ValueError:  # not marshal-able: a programming error, but never the user's problem
        return
    data = _MAGIC + zlib.crc32(body).to_bytes(_CRC_BYTES, "big") + body
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(temporary, "xb") as file:
            file.write(data)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def clear() -> int:
    """Remove every cache file (and stray temporary file); return how many were removed."""
    folder = cache_folder()
    removed = 0
    try:
        names = [entry for entry in folder.iterdir() if entry.name.endswith((SUFFIX, ".tmp"))]
    except (FileNotFoundError, NotADirectoryError):  # no folder, so no cache to clear
        return 0
    except OSError as error:
        raise CacheError(f"cannot read the cache folder {folder}: {error.strerror}") from None
    for entry in names:
        try:
            entry.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise CacheError(f"cannot remove {entry}: {error.strerror}") from None
        removed += 1
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when nothing else was put there
    return removed
