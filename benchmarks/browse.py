"""How soon ``effects browse`` shows its first screen, against Textual's own start.

The floor here is Textual itself: a Textual app that shows one label and nothing else,
started the same way (``python -c``, the same interpreter). Each program runs on a
pseudo-terminal of 100 x 30 cells, timed from its start until its first screen is on
the terminal (for browse: the text of section 1 and the footer; for the empty app: its
label), then told to quit. They run alternately, many times, so that a noisy machine
slows both alike; the ratio of the medians is the figure (goal: at most 1.5).

A second row opens a guide of 1,000 sections x 10 sub-points (the one
``benchmarks/search.py`` generates: 11,000 entries in the outline).

The cache is warmed first and kept in a temporary folder; the user's is not touched.

    python benchmarks/browse.py            # 20 rounds
    python benchmarks/browse.py --rounds 50
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import drain, effects_command, open_terminal, run_in_pipe
from search import generate_guide

EMPTY_APP = """
from textual.app import App
from textual.widgets import Label

class Empty(App):
    def compose(self):
        yield Label("ready")

Empty().run()
"""
"""Textual and nothing else: a label on an empty screen (Ctrl-Q quits it)."""

TIMEOUT = 60


def first_screen(argv: list[str], env: dict[str, str], marks: list[bytes], quit: bytes) -> float:
    """Seconds from starting ``argv`` on a 100 x 30 pseudo-terminal until every one of
    ``marks`` has reached the terminal; then ``quit`` is typed and the program waited for."""
    controller, terminal = open_terminal(100, 30)
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdin=terminal, stdout=terminal, stderr=terminal)
    os.close(terminal)
    shown = b""
    elapsed = None
    try:
        while elapsed is None:
            if not select.select([controller], [], [], TIMEOUT)[0]:
                sys.exit(f"{' '.join(argv)}: no first screen in {TIMEOUT} s")
            shown += os.read(controller, 65536)
            if all(mark in shown for mark in marks):
                elapsed = time.perf_counter() - start
        time.sleep(0.2)  # what is typed during start-up may be taken for a terminal's reply
        os.write(controller, quit)
        drain(controller)
    finally:
        os.close(controller)
        code = process.wait(TIMEOUT)
    if code != 0:
        sys.exit(f"{' '.join(argv)} failed with exit {code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="runs of each program (20)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="effects-bench-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "TERM": "xterm-256color"}
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "EFFECTS_GUIDE"):
        env.pop(name, None)
    effects = effects_command()
    large = work / "large.yaml"
    generate_guide(large)
    programs = {
        "empty Textual app (one label)": ([sys.executable, "-c", EMPTY_APP], [b"ready"], b"\x11"),
        "effects browse": ([*effects, "browse"], [b"Perhaps", b"quit"], b"q"),
        "effects browse, 11,000 entries": (
            [*effects, "--guide", str(large), "browse"],
            [b"quit"],
            b"q",
        ),
    }
    try:
        run_in_pipe([*effects, "list"], env)  # warm the cache, and the disk's
        run_in_pipe([*effects, "--guide", str(large), "list"], env)
        times: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.rounds):
            for name, (argv, marks, quit) in programs.items():
                times[name].append(first_screen(argv, env, marks, quit))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    floor = statistics.median(times["empty Textual app (one label)"])
    print(f"{'first screen, 100 x 30 pseudo-terminal':40}{'ms':>8}{'ratio':>8}")
    for name, measured in times.items():
        median = statistics.median(measured)
        print(f"{name:40}{median * 1000:8.1f}{median / floor:8.2f}")
    print("(goal: effects browse at most 1.5 times the empty app)")
    print(f"medians of {args.rounds} alternating runs; Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
