"""Remarks the logic has for the reader, which the command line prints.

Logic modules never write to the streams. When something the reader should
know happens on the way (a cache folder that is not safe to use, say), they
`tell` it here, once per run however often it happens; the command line
`take`s what is pending and prints it on stderr.
"""

from __future__ import annotations

_pending: list[str] = []
_told: set[str] = set()


def tell(message: str) -> None:
    """Note ``message`` for the reader, unless this run has told it already."""
    if message not in _told:
        _told.add(message)
        _pending.append(message)


def take() -> list[str]:
    """The remarks not yet printed, oldest first; they are then gone."""
    taken = _pending[:]
    _pending.clear()
    return taken


def told() -> bool:
    """Whether this run has told the reader anything."""
    return bool(_told)


def reset() -> None:
    """Forget everything told: a new run starts (tests run many in one process)."""
    _pending.clear()
    _told.clear()
