"""What both benchmarks share: the program to run, the floors to compare with, a timer.

The floor is what the issue names: ``python -c "import typer, rich.console,
yaml"``, merely importing the three libraries. ``effects`` itself runs with
Python's cyclic garbage collector off (see ``effects_cli/launch.py``), so a
second floor does the same imports with the collector off too: the ratio
against it shows what the rest of the program costs, with that trick
credited to neither side.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

FLOORS = {
    "floor": "import typer, rich.console, yaml",
    "gc-off floor": "import gc; gc.disable(); import typer, rich.console, yaml",
}
"""The commands every measurement is compared with, by name."""


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
