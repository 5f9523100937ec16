"""Global options after the command: ``effects read --no-pager`` as ``effects --no-pager
read``, the way bat and rg take them anywhere.

Before click parses the root's arguments, the global options found after the command are
moved in front of it, in their order (so the last one given still wins). What is the
value of one of the command's own options is left alone (``search --regex --pager``
searches for "--pager"), and so is everything after ``--``. ``--no-color`` becomes
``--color=never`` wherever it is, so that it and ``--color`` also count in their order.

No ``from __future__ import annotations``: a CLI module (see `effects_cli.cli`).
"""

from typing import Any

import typer

NO_COLOR = "--no-color"
"""Written as ``--color=never``."""


class MissingValue(typer.TyperException):
    """A global option after the command without its value: a usage error, in the words
    click uses for the same slip before the command."""

    exit_code = 2

    def __init__(self, option: str) -> None:
        super().__init__(f"Option {option!r} requires an argument.")


def _options(command: Any, ctx: typer.Context) -> dict[str, int]:
    """The option strings of ``command`` (and of the commands under it), each with the
    number of values it takes."""
    found: dict[str, int] = {}
    for param in command.get_params(ctx):
        if param.param_type_name == "option":
            takes = 0 if param.is_flag or param.count else param.nargs
            found.update(dict.fromkeys([*param.opts, *param.secondary_opts], takes))
    for name in getattr(command, "list_commands", lambda ctx: [])(ctx):
        sub = command.get_command(ctx, name)
        if sub is not None:
            found = {**_options(sub, ctx), **found}
    return found


def global_options(group: Any, ctx: typer.Context) -> dict[str, int]:
    """The root's options that set how the run goes (``--guide``, ``--color``, ...): all
    but those that act and end the run (``--help``, ``--version``, completion)."""
    found: dict[str, int] = {}
    for param in group.get_params(ctx):
        if param.param_type_name == "option" and param.callback is None:
            takes = 0 if param.is_flag or param.count else param.nargs
            found.update(dict.fromkeys([*param.opts, *param.secondary_opts], takes))
    return found


def _name(token: str) -> str:
    """``--color=never`` is ``--color``."""
    return token.partition("=")[0] if token.startswith("--") else token


def lifted(group: Any, ctx: typer.Context, args: list[str]) -> list[str]:
    """``args`` with the global options after the command moved in front of it.

    Raises `MissingValue` for a global option after the command that needs a value and
    has none (``effects read --color``), as click does before it.
    """
    settings = global_options(group, ctx)
    end = args.index("--") if "--" in args else len(args)
    args = ["--color=never" if arg == NO_COLOR else arg for arg in args[:end]] + args[end:]
    start = _command_index(args, settings)
    if start is None:
        return args
    command = group.get_command(ctx, args[start])
    if command is None:
        return args
    own = _options(command, ctx)
    kept, moved = args[: start + 1], []
    index = start + 1
    while index < len(args):
        token = args[index]
        if token == "--":
            kept += args[index:]
            break
        name = _name(token)
        taken = 1 + _values_after(token, own)
        if name not in own and name in settings:
            taken = 1 if "=" in token or not settings[name] else 2
            if taken == 2 and (index + 1 == len(args) or args[index + 1] == "--"):
                if ctx.resilient_parsing:  # TAB completion: leave it to the command
                    return args
                raise MissingValue(name)
            moved += args[index : index + taken]
        else:
            kept += args[index : index + taken]
        index += taken
    return args[:start] + moved + kept[start:]


def _command_index(args: list[str], settings: dict[str, int]) -> int | None:
    """Where the command's name is among the root's arguments, or None."""
    index = 0
    while index < len(args):
        token = args[index]
        if token == "--":
            return index + 1 if index + 1 < len(args) else None
        if not token.startswith("-") or token == "-":
            return index
        name = _name(token)
        if name not in settings:
            return None  # --help, --version or an unknown option: click has its say
        index += 1 if "=" in token else 1 + settings[name]
    return None


def _values_after(token: str, own: dict[str, int]) -> int:
    """How many of the following arguments are values of the command's option ``token``
    (``--limit 3``, ``-n 3``, but not ``--limit=3`` or ``-n3``)."""
    if token.startswith("--"):
        return own.get(token, 0) if "=" not in token else 0
    if token.startswith("-") and len(token) > 1:
        for position in range(1, len(token)):
            takes = own.get(f"-{token[position]}")
            if takes is None:
                return 0
            if takes:
                return takes if position == len(token) - 1 else 0
    return 0
