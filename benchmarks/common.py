"""What both benchmarks share: the program to run, the floors to compare with, a timer.

The floor is what the issue names: ``python -c "import typer, rich.console,
yaml"``, merely importing the three libraries. ``effects`` itself runs with
Python's cyclic garbage collector off (see ``effects_cli/launch.py``), so a
second floor does the same imports with the collector off too: the ratio
against it shows what the rest of the program costs, with that trick
credited to neither side.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

Runner = Callable[[list[str], dict[str, str]], float]

FLOORS = {
    "floor": "import typer, rich.console, yaml",
    "gc-off floor": "import gc; gc.disable(); import typer, rich.console, yaml",
}
"""The commands every measurement is compared with, by name."""


SHAPING = (
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
    "LINES",
    "EFFECTS_GUIDE",
    "EFFECTS_THEME",
    "COLORFGBG",
    "PYTHONDONTWRITEBYTECODE",
)
"""Variables of the caller's that would change what is measured: left out."""


def bench_environment(cache: str) -> dict[str, str]:
    """The caller's environment with a cache folder of its own, a colour terminal's TERM,
    and nothing else that shapes output (`SHAPING`)."""
    env = {**os.environ, "XDG_CACHE_HOME": cache, "TERM": "xterm-256color"}
    for name in SHAPING:
        env.pop(name, None)
    return env


def effects_command() -> list[str]:
    """The installed ``effects`` script beside this Python, else the module."""
    script = Path(sys.executable).with_name("effects")
    return [str(script)] if script.exists() else [sys.executable, "-m", "effects_cli"]


def floor_commands() -> dict[str, list[str]]:
    return {name: [sys.executable, "-c", code] for name, code in FLOORS.items()}


def run_in_pipe(argv: list[str], env: dict[str, str]) -> float:
    """Seconds ``argv`` takes with stdout and stderr read through pipes; exits if it fails."""
    start = time.perf_counter()
    completed = subprocess.run(argv, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed: {completed.stderr.decode(errors='replace')}")
    return elapsed


def open_terminal(columns: int, lines: int) -> tuple[int, int]:
    """A pseudo-terminal of ``columns`` x ``lines`` cells: its controller's descriptor and
    the terminal's, for a program's stdin, stdout and stderr (POSIX)."""
    import fcntl
    import pty
    import struct
    import termios

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    return controller, terminal


def drain(controller: int) -> None:
    """Read all that is written on a pseudo-terminal until its last writer has gone."""
    while True:
        try:
            if not os.read(controller, 65536):
                break
        except OSError:  # EIO: the terminal's last writer has gone
            break


def header(title: str, width: int) -> str:
    """The heading of a table of `row` lines."""
    return f"{title:{width}}{'ms':>8}" + "".join(f"{name:>14}{'ratio':>7}" for name in FLOORS)


def row(
    label: str, width: int, argv: list[str], run: Runner, env: dict[str, str], rounds: int
) -> str:
    """``argv`` and each floor run alternately ``rounds`` times: the median of each, and
    the ratios of ``argv``'s median to the floors'."""
    floors = floor_commands()
    times: dict[str, list[float]] = {"effects": [], **{name: [] for name in floors}}
    for _ in range(rounds):
        times["effects"].append(run(argv, env))
        for name, floor in floors.items():
            times[name].append(run(floor, env))
    ours = statistics.median(times["effects"])
    line = f"{label:{width}}{ours * 1000:8.1f}"
    for name in floors:
        theirs = statistics.median(times[name])
        line += f"{theirs * 1000:12.1f}ms{ours / theirs:7.2f}"
    return line
