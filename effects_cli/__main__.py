"""``python -m effects_cli`` and the ``effects`` command: the program's entry point."""

import sys

INTERRUPTED = 130
"""The exit code of Ctrl-C (``cli.ExitCode.INTERRUPTED``, which is not imported yet)."""


def main() -> None:
    """Run ``effects``. A Ctrl-C while it starts (importing Typer and Rich takes a while)
    ends it as one later does: exit 130, no traceback. (The app always exits itself.)"""
    try:
        from effects_cli.cli import app

        app(prog_name="effects")
    except KeyboardInterrupt:
        sys.exit(INTERRUPTED)


if __name__ == "__main__":
    main()
