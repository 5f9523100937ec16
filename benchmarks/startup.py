"""Start-up time of each verb against the import floor, measured side by side.

The floor is what any Python program built on the same libraries pays before
it does anything: ``import typer, rich.console, yaml`` (the goal: each verb at
most 1.0 times it). A second floor does the same with the garbage collector
off, as ``effects`` runs (see ``common.py``). Each verb and the floors run
alternately, many times, so that a noisy machine slows all alike; ratios of
medians are the figures that count.

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
import shutil
import subprocess
import sys
import tempfile
import time

from common import (
    bench_environment,
    drain,
    effects_command,
    header,
    open_terminal,
    row,
    run_in_pipe,
)

VERBS = (["tip"], ["show", "4"], ["list"], ["search", "stigma"])


def run_on_terminal(argv: list[str], env: dict[str, str]) -> float:
    """Run with a pseudo-terminal as stdin, stdout and stderr, reading all it writes."""
    controller, terminal = open_terminal(80, 100)
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdin=terminal, stdout=terminal, stderr=terminal)
    os.close(terminal)
    drain(controller)
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
    env = bench_environment(cache)
    effects = effects_command()
    try:
        for verb in VERBS:  # warm the cache, and the disk's
            run_in_pipe(effects + verb, env)
        for place, runner in (("pipe", run_in_pipe), ("terminal", run_on_terminal)):
            print("\n" + header(place, 14))
            for verb in VERBS:
                print(row(" ".join(verb), 14, effects + verb, runner, env, args.rounds), flush=True)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(f"\nmedians of {args.rounds} alternating runs; Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
