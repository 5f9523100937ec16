"""The ``effects`` command line: a thin layer that parses, calls the logic and prints.

- `app`: the Typer app, the global options, ``ExitCode`` and the one place where
  errors become messages and exit codes;
- `settings`: what the global options and the environment chose, read once;
- `output`: printing a result as JSON or for people (console, pager, pipes, encodings);
- `results`: the value each command produces, in both its forms;
- `params`, `completion`: what commands share (``--json``, ``-1`` as an argument, TAB);
- one module per command: `listing` (``list``), `show`, `search`, `tip`, `read`,
  `validate`, `cache`.

No module here has ``from __future__ import annotations`` where Typer reads the
signatures: Typer evaluates every annotation string at start-up, which costs time.
"""

from effects_cli.cli.app import app

__all__ = ["app"]
