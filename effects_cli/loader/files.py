"""Reading a guide file's text: within a size limit, as UTF-8, one clear error otherwise.

Shared by every guide format; imports no parser, so that knowing the limit
costs nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from effects_cli.errors import GuideError, GuideTooLarge

MAX_BYTES = 20_000_000
"""The largest guide read by default, in bytes of the file and in characters of its text
with aliases repeated: four times a generated 5 MB guide of 11,000 entries."""

_PIECE = 1 << 22
"""Bytes read from a guide file at a time."""


def read_text(path: Path, max_bytes: int, *, kind: str = "a guide file") -> str:
    """The text of the guide file at ``path``, or `GuideError` saying why it cannot be had.

    A file of more than ``max_bytes`` bytes is refused with `GuideTooLarge`
    without being read further. ``kind`` is what the file should have been
    (``effects import`` reads an article).
    """
    try:
        with path.open("rb") as file:
            data = _read_at_most(file, max_bytes + 1)
    except FileNotFoundError:
        raise GuideError(str(path), "no such file") from None
    except IsADirectoryError:
        raise GuideError(str(path), f"is a folder, not {kind}") from None
    except PermissionError:
        raise GuideError(str(path), "permission denied") from None
    except OSError as error:
        raise GuideError(str(path), f"cannot be read ({error.strerror or error})") from None
    return _decoded(data, str(path), max_bytes)


def read_stream(stream: BinaryIO, source: str, max_bytes: int) -> str:
    """The text of the guide ``stream`` holds (standard input), named ``source``; the same
    limit and checks as `read_text`."""
    try:
        data = _read_at_most(stream, max_bytes + 1)
    except OSError as error:
        raise GuideError(source, f"cannot be read ({error.strerror or error})") from None
    return _decoded(data, source, max_bytes)


def _decoded(data: bytes, source: str, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise GuideTooLarge(
            source, f"is larger than the limit of {max_bytes} bytes", limit=max_bytes
        )
    try:
        # utf-8-sig: a byte-order mark, as some editors write, is not part of the text.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise GuideError(
            source, f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None


def _read_at_most(file: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes of ``file``, read in pieces: never more, whatever the file
    (or ``/dev/zero``) holds, and never a buffer of ``size`` bytes made up front."""
    data = bytearray()
    while len(data) < size:
        piece = file.read(min(size - len(data), _PIECE))
        if not piece:
            break
        data += piece
    return bytes(data)
