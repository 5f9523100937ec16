"""Start-up time of each verb against the import floor, measured side by side.

The floor is what any Python program built on the same libraries pays before
it does anything: ``import typer, rich.console, yaml``. Each verb and the floor
run alternately, many times, so that a noisy machine slows both alike; the
ratio of medians is the figure that counts (goal: at most 1.0).

Two places are measured: a pipe (stdout read by this script) and a
pseudo-terminal of 80 x 100 cells, as a shell's start-up file runs a command
(Rich renders colour there). The cache is warmed first and kept in a
temporary folder, so the user's own cache is neither used nor touched.

    python benchmarks/startup.py            # 30 rounds
    python benchmarks/startup.py --rounds 100
"""

from __future__ import annotations

import argparse
import os
import pty
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = "import typer, rich.console, yaml"
VERBS = (["tip"], ["show", "4"], ["list"], ["search", "stigma"])


def effects_command() -> list[str]:
    """The installed ``effects`` script beside this Python, else the module."""
    script = Path(sys.executable).with_name("effects")
    return [str(script)] if script.exists() else [sys.executable, "-m", "effects_cli"]


def run_in_pipe(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    completed = subprocess.run(argv, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed: {completed.stderr.decode(errors='replace')}")
    return elapsed


def run_on_terminal(argv: list[str], env: dict[str, str]) -> float:
    """Run with a pseudo-terminal as stdin, stdout and stderr, reading all it writes."""
    import fcntl
    import termios

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 100, 80, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdin=terminal, stdout=terminal, stderr=terminal)
    os.close(terminal)
    while True:
        try:
            if not os.read(controller, 65536):
                break
        except OSError:  # EIO: the terminal's last writer has gone
            break
    code = process.wait()
    elapsed = time.perf_counter() - start
    os.close(controller)
    if code != 0:
        sys.exit(f"{' '.join(argv)} failed on a terminal with exit {code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="runs of each command (30)")
    args = parser.parse_args()

    cache = tempfile.mkdtemp(prefix="effects-bench-")
    env = {**os.environ, "XDG_CACHE_HOME": cache, "TERM": "xterm-256color"}
    for name in (
        "NO_COLOR",
        "FORCE_COLOR",
        "COLUMNS",
        "LINES",
        "EFFECTS_GUIDE",
        "PYTHONDONTWRITEBYTECODE",
    ):
        env.pop(name, None)
    effects = effects_command()
    floor = [sys.executable, "-c", FLOOR]
    try:
        for verb in VERBS:  # warm the cache, and the disk's
            run_in_pipe(effects + verb, env)
        print(f"{'':14}{'pipe':>26}{'terminal':>26}")
        print(f"{'verb':14}" + f"{'ms':>9}{'floor ms':>9}{'ratio':>8}" * 2)
        for verb in VERBS:
            row = f"{' '.join(verb):14}"
            for runner in (run_in_pipe, run_on_terminal):
                mine, base = [], []
                for _ in range(args.rounds):
                    mine.append(runner(effects + verb, env))
                    base.append(runner(floor, env))
                ours, theirs = statistics.median(mine), statistics.median(base)
                row += f"{ours * 1000:9.1f}{theirs * 1000:9.1f}{ours / theirs:8.2f}"
            print(row, flush=True)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(f"\nmedians of {args.rounds} alternating runs; Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
