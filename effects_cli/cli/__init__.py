"""The ``effects`` command line: a thin layer that parses, calls the logic and prints.

- `app`: the Typer app, the global options, ``ExitCode`` and the one place where
  errors become messages and exit codes;
- `settings`: what the global options and the environment chose (`Settings`, read
  once); `exits`: the exit codes and the words errors are told in (both without
  Typer, for the fast path too); `options`: the options and TAB completion that
  commands share;
- `output`: printing a result as JSON or for people (console, pager, pipes, encodings);
- `results`: the value each command produces, in both its forms;
- the commands: `reading` (``list``, ``show``, ``tip``, ``read``), `search`,
  `files` (``validate``, ``cache``), and `browse` (the full screen of
  `effects_cli.browse`).

No module here has ``from __future__ import annotations`` where Typer reads the
signatures: Typer evaluates every annotation string at start-up, which costs time.
Importing this package imports nothing else (the app is `effects_cli.cli.app.app`),
so that the fast path reads `settings`, `exits` and `output` without Typer.
"""
