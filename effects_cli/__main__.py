"""``python -m effects_cli`` and the ``effects`` command: the program's entry point."""

import sys
from typing import NoReturn

INTERRUPTED = 130
"""The exit code of Ctrl-C (``cli.ExitCode.INTERRUPTED``, which is not imported yet)."""


def main() -> NoReturn:
    """Run ``effects``; a Ctrl-C while it starts (importing Typer and Rich takes a while)
    ends it like one later on: exit 130, no traceback."""
    try:
        from effects_cli.cli import app

        app(prog_name="effects")
    except KeyboardInterrupt:
        pass
    sys.exit(INTERRUPTED)  # app() always exits; only a Ctrl-C gets here


if __name__ == "__main__":
    main()
