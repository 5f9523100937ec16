"""A time limit for a block of pure Python work, such as a regular expression's search."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class TimeLimitExceeded(Exception):
    """The block ran past its time limit and was stopped."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop the block after ``seconds`` with `TimeLimitExceeded` (on systems with SIGALRM).

    Regular expressions can backtrack for longer than anyone waits; Python's
    matcher checks for signals, so an alarm stops it cleanly. Where there is
    no alarm clock (Windows) the block runs unlimited.
    """
    import signal

    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
