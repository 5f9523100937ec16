"""The ``effects`` program's entry point: run the CLI with the cyclic garbage collector off.

Importing Typer and Rich allocates hundreds of thousands of objects and almost
no garbage cycles, so the collections Python runs meanwhile are pure cost
(about 4 ms of a 60 ms start here). A run of ``effects`` is one short command
whose memory is freed by reference counting and by its exit, so the collector
stays off for the whole run. The library modules never touch it: importing
``effects_cli.cli`` (as tests do) leaves the collector as it was.
"""

import gc


def main() -> None:
    """Run ``effects`` with the arguments of the process."""
    gc.disable()
    from effects_cli.cli import app

    app(prog_name="effects")
