"""The ``effects`` program's entry point: start the CLI fast, and let Ctrl-C end it cleanly.

Importing Typer and Rich allocates hundreds of thousands of objects and almost
no garbage cycles, so the collections Python runs meanwhile are pure cost
(about 4 ms of a 60 ms start here). A run of ``effects`` is one short command
whose memory is freed by reference counting and by its exit, so the collector
stays off for the whole run. The library modules never touch it: importing
``effects_cli.cli`` (as tests do) leaves the collector as it was.

A Ctrl-C while those imports run (before the CLI's own handling exists) ends
the program as a later one does: exit 130, no traceback.
"""

import gc
import sys

INTERRUPTED = 130
"""The exit code of Ctrl-C (``cli.ExitCode.INTERRUPTED``, which is not imported yet)."""


def main() -> None:
    """Run ``effects`` with the arguments of the process. (The app always exits itself.)"""
    gc.disable()
    try:
        from effects_cli.warm import run

        code = run(sys.argv[1:])
        if code is not None:  # answered from what the full program kept
            gc.freeze()  # the collection at exit has nothing to find: spare it the look
            sys.exit(code)
        from effects_cli.cli.app import app

        app(prog_name="effects")
    except KeyboardInterrupt:
        sys.exit(INTERRUPTED)
