"""The fast path: what a shell runs at every start, answered without Typer or Rich.

``effects tip``, ``tip --daily``, ``tip --short``, ``show REF``, ``list`` and
``list --tree``, with the global options that apply to them, are answered by
printing again the very bytes the full program printed for the same entry in
the same view (`replay`, keyed by everything that shapes them: `view`). The
full program stays the one source of output: this never lays anything out.
Of the standard library only ``os``, ``marshal`` and ``zlib`` are loaded on that
way (no ``typing``, ``re``, ``pathlib``, Typer or Rich; the launcher script pip
writes imports ``re`` before this runs).

What no replay holds — an entry of a large guide not printed before, output
that would be paged, an error to report, ``search WORDS`` — is answered by the
full program's own functions without Typer (`direct`). A command line this
does not read (`request`: anything unusual), or anything unforeseen, is left to
the full program, which then runs having had nothing printed.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from effects_cli.warm.replay import Replay
    from effects_cli.warm.request import Request

CLOSED_PIPE = 141
"""As `effects_cli.cli.app.ExitCode.CLOSED_PIPE`."""


def run(argv: list[str]) -> int | None:
    """Answer ``argv`` without Typer, and return the exit code; or return None, having
    printed nothing, for the full program to answer it."""
    try:
        from effects_cli.warm.request import read

        request = read(argv)
        if request is None or sys.stdout is None:
            return None
        text = replayed(request)
        if text is None:
            from effects_cli.warm.direct import answer
    except Exception:  # anything unforeseen: the full program answers (and reports it)
        return None
    return _write(text) if text is not None else answer(request)


def replayed(request: Request) -> bytes | None:
    """The bytes to print for ``request``, when the full program kept them (and they would
    not be paged)."""
    if request.verb == "search":
        return None  # searched every time (`direct`)
    replay = _replay(request)
    if replay is None:
        return None
    try:
        name = _name(request, replay)
        text = replay.text(name) if name is not None else None
        if text is None or _would_page(request, text):
            return None
        replay.take_ahead()  # a tip picked ahead, printed: the next run takes the next
    finally:
        replay.close()
    return text


def _replay(request: Request) -> Replay | None:
    """The replay file of the guide and the view this run would print in."""
    from effects_cli import terminal
    from effects_cli.warm import replay, view

    environ = os.environ
    guide = request.guide if request.guide is not None else environ.get("EFFECTS_GUIDE")
    if guide is not None and not guide.strip():
        return None  # an empty value: the full program's error
    if guide is not None:
        from effects_cli.names import is_path, named_file

        # A guide's name, found with a few stat calls (a name no folder has: the full
        # program's error; a file that is no guide file has no key below).
        guide = guide if is_path(guide) else named_file(guide, environ)
        if guide is None:
            return None
    else:
        from effects_cli.bundled import bundled_guide_file

        guide = bundled_guide_file()
    limit = environ.get("EFFECTS_MAX_GUIDE_BYTES", "").strip()
    if limit and not (limit.isascii() and limit.isdigit() and 0 < len(limit) < 19 and int(limit)):
        return None  # an error to report, or a limit the full program reads exactly
    is_terminal = view.stdout_is_terminal()
    styling = terminal.styling(request.color, environ, is_terminal)
    key = view.key(
        guide,
        int(limit) if limit else None,
        styling,
        environ=environ,
        is_terminal=is_terminal,
    )
    return replay.open_replay(key) if key is not None else None


def _name(request: Request, replay: Replay) -> str | None:
    """The name the text this request prints is kept under, if the guide has it."""
    sizes = replay.sizes
    if request.verb == "list":
        return "list-tree" if request.tree else "list"
    if request.verb == "show":
        ref = _reference(request.ref, sizes)
        return f"show:{ref}" if ref is not None else None
    kind = "short" if request.short else "show"
    if not request.daily and request.seed is None and request.section is None:
        ahead = replay.next_ahead(kind)  # a large guide's next random tip, laid out ahead
        if ahead is not None:
            return ahead
    if request.section is not None:
        if not 1 <= request.section <= len(sizes):
            return None  # "no section N": the full program says so
        first = sum(sizes[: request.section - 1])
        count = sizes[request.section - 1]
    else:
        first, count = 0, sum(sizes)
    index = first + _pick(request, count, replay)
    section = 0
    while index >= sizes[section]:
        index -= sizes[section]
        section += 1
    return f"{kind}:{section + 1}.{index + 1}"


def _pick(request: Request, count: int, replay: Replay) -> int:
    """Which of ``count`` sub-points: as `effects_cli.cli.reading.tip` picks (the same
    seed, the same one; the same day, the same one), or at random."""
    if request.daily:
        import time

        now = time.localtime()
        day = ordinal(now.tm_year, now.tm_mon, now.tm_mday)
        if request.section is None:
            kept = replay.daily_pick(day)
            if kept is not None:
                return kept
        from effects_cli.daily import daily_pick

        return daily_pick(range(count), day)
    if request.seed is not None:
        import random

        return random.Random(request.seed).choice(range(count))
    return int.from_bytes(os.urandom(8), "big") % count


def _reference(text: str, sizes: tuple[int, ...]) -> str | None:
    """``text`` as `effects_cli.model.Guide.lookup` reads a reference, canonical
    (``04.02`` is ``4.2``), when it names an entry; else None."""
    parts = text.strip().split(".")
    if not 1 <= len(parts) <= 2 or not all(p and p.isascii() and p.isdigit() for p in parts):
        return None
    numbers = [int(part.lstrip("0") or "0") if len(part) < 12 else 0 for part in parts]
    if not 1 <= numbers[0] <= len(sizes):
        return None
    if len(numbers) == 2 and not 1 <= numbers[1] <= sizes[numbers[0] - 1]:
        return None
    return ".".join(map(str, numbers))


def _would_page(request: Request, text: bytes) -> bool:
    """Whether the full program would page this (on a terminal, taller than the window)."""
    if request.pager is False:
        return False
    from effects_cli.terminal import window_height
    from effects_cli.warm.view import stdout_is_terminal

    return stdout_is_terminal() and text.count(b"\n") >= window_height(os.environ)


def _write(text: bytes) -> int | None:
    """Every byte of ``text`` to stdout: 0; a reader gone: 141, quietly. A stdout that
    takes nothing (a full disk) is left to the full program, which reports it."""
    try:
        descriptor = sys.stdout.fileno()
        sys.stdout.flush()
    except (AttributeError, OSError, ValueError):
        return None
    view = memoryview(text)
    written = 0
    while written < len(text):
        try:
            written += os.write(descriptor, view[written:])
        except BlockingIOError:  # a non-blocking pipe that is full: wait until it is not
            import select

            select.select([], [descriptor], [])
        except BrokenPipeError:
            _silence(descriptor)
            return CLOSED_PIPE
        except OSError:
            if not written:
                return None
            raise
    return 0


def _silence(descriptor: int) -> None:
    """Point stdout at /dev/null, so that the final flush at exit cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, descriptor)
    except OSError:
        pass


def ordinal(year: int, month: int, day: int) -> int:
    """`datetime.date(year, month, day).toordinal()`, without importing `datetime`: the
    fast path answers ``tip --daily`` with the ``time`` module the interpreter has loaded."""
    before = year - 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days_before_month = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)[month - 1]
    return (
        before * 365
        + before // 4
        - before // 100
        + before // 400
        + days_before_month
        + (month > 2 and leap)
        + day
    )
