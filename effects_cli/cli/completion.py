"""TAB completion: the scripts that hook ``effects`` into a shell, and installing them.

Typer's scripts, with two changes: bash keeps the order effects gives (``complete -o
nosort``: references as the guide numbers them, 1 2 3 ... 10, not 1 10 2), and so does zsh
(the ``sort`` style, set for effects alone); and installing for zsh adds only the line that
loads completion functions, never a setting for every command (Typer adds ``zstyle
':completion:*' menu select``). What effects offers is Typer's protocol, unchanged.

No ``from __future__ import annotations``: a CLI module (see `effects_cli.cli`).
"""

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
COMPLETE_VARIABLE = "_{}_COMPLETE"
"""The variable that asks the program for completions (``_EFFECTS_COMPLETE``)."""

BASH = """\
%(complete_func)s() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   %(autocomplete_var)s=complete_bash $1 ) )
    return 0
}

complete -o default -o nosort -F %(complete_func)s %(prog_name)s"""

ZSH = """\
#compdef %(prog_name)s

%(complete_func)s() {
  eval $(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" %(autocomplete_var)s=complete_zsh \
%(prog_name)s)
}

zstyle ':completion:*:*:%(prog_name)s:*' sort false
compdef %(complete_func)s %(prog_name)s"""

ZSHRC_LINE = "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
"""What ``~/.zshrc`` needs to load ``~/.zfunc/_effects``: added when it is not there."""


def script(shell: str, prog_name: str) -> str:
    """The completion script for ``shell`` (Typer's own for fish and PowerShell)."""
    values = {
        "complete_func": "_{}_completion".format(re.sub(r"\W", "", prog_name.replace("-", "_"))),
        "prog_name": prog_name,
        "autocomplete_var": COMPLETE_VARIABLE.format(prog_name.replace("-", "_").upper()),
    }
    if shell == "bash":
        return BASH % values
    if shell == "zsh":
        return ZSH % values
    from typer._completion_shared import get_completion_script

    return get_completion_script(
        prog_name=prog_name, complete_var=values["autocomplete_var"], shell=shell
    )


def register() -> None:
    """Typer's completion protocol, with these scripts for bash and zsh (for a shell that
    asks for the script itself: ``_EFFECTS_COMPLETE=source_bash effects``), and fish's
    choices one a line whatever their descriptions."""
    from typer._click.shell_completion import add_completion_class
    from typer._completion_classes import (
        BashComplete,
        FishComplete,
        ZshComplete,
        completion_init,
    )

    completion_init()

    class Bash(BashComplete):
        source_template = BASH

    class Zsh(ZshComplete):
        source_template = ZSH

    class Fish(FishComplete):
        def format_completion(self, item: Any) -> str:
            # Typer lays a description out with Rich, which wraps a long one; fish takes
            # each line for a choice of its own.
            return " ".join(super().format_completion(item).splitlines())

    add_completion_class(Bash, "bash")
    add_completion_class(Zsh, "zsh")
    add_completion_class(Fish, "fish")


OPTIONS = ("--install-completion", "--show-completion")
"""Options whose value, the shell, may be left out (click has no such options)."""


def shell_named(args: list[str]) -> list[str]:
    """``args`` with ``--install-completion [SHELL]`` written as ``--install-completion=SHELL``
    (empty: the shell effects runs under), before the command and any ``--``."""
    found = list(args)
    for index, arg in enumerate(found):
        if arg == "--" or not arg.startswith("-"):
            break
        if arg in OPTIONS:
            following = found[index + 1] if index + 1 < len(found) else ""
            named = bool(following) and not following.startswith("-")
            found[index : index + 1 + named] = [f"{arg}={following if named else ''}"]
            break
    return found


def chosen_shell(value: str) -> str:
    """The shell ``--install-completion`` and ``--show-completion`` are for: the one named,
    or the one effects runs under. Raises `typer.BadParameter` for another."""
    shell = value.strip().lower()
    if not shell:
        shell = _running_shell()
    if shell not in SHELLS:
        given = f'"{value}" is not' if value else f'the shell here ("{shell}") is not'
        raise typer.BadParameter(f"{given} one of {', '.join(SHELLS[:-1])}")
    return shell


def _running_shell() -> str:
    try:
        import shellingham  # Typer's own way of telling

        return str(shellingham.detect_shell()[0]).lower()
    except Exception:  # not installed, or it cannot tell: $SHELL says
        return Path(os.environ.get("SHELL", "")).name.lower()


def install(shell: str, prog_name: str) -> list[str]:
    """Write the script where ``shell`` finds it, and the one line a start-up file needs
    to load it when it is not there yet; returns what was done, a sentence each."""
    home = Path.home()
    if shell == "bash":
        path = home / ".bash_completions" / f"{prog_name}.sh"
        done = _write(path, script(shell, prog_name) + "\n")
        return done + _add_line(home / ".bashrc", f"source '{path}'")
    if shell == "zsh":
        path = home / ".zfunc" / f"_{prog_name}"
        done = _write(path, script(shell, prog_name) + "\n")
        return done + _add_line(home / ".zshrc", ZSHRC_LINE)
    if shell == "fish":
        path = home / ".config" / "fish" / "completions" / f"{prog_name}.fish"
        return _write(path, script(shell, prog_name) + "\n")
    from typer._completion_shared import install_powershell

    variable = COMPLETE_VARIABLE.format(prog_name.upper())
    path = install_powershell(prog_name=prog_name, complete_var=variable, shell=shell)
    return [f"Added the completion script to {path}."]


def _write(path: Path, text: str) -> list[str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with _naming(path):
        path.write_text(text, encoding="utf-8")
    return [f"Wrote the completion script to {path}."]


@contextmanager
def _naming(path: Path) -> Iterator[None]:
    """An error writing ``path`` that does not say which file (a full disk) says it."""
    try:
        yield
    except OSError as error:
        if error.filename is None:
            error.filename = str(path)
        raise


def _add_line(path: Path, line: str) -> list[str]:
    """``line`` at the end of ``path`` unless the file has it already; nothing else."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if line in text.splitlines():
        return [f"{path} loads it already."]
    separator = "" if not text or text.endswith("\n") else "\n"
    with _naming(path), path.open("a", encoding="utf-8") as file:
        file.write(f"{separator}{line}\n")
    return [f"Added to {path}: {line}"]


def option(name: str, callback: Any, help: str) -> Any:
    """``--install-completion [SHELL]`` or ``--show-completion [SHELL]``: acts and ends the
    run (`shell_named` makes the shell optional)."""
    return typer.Option(
        name,
        metavar="[SHELL]",
        callback=callback,
        expose_value=False,
        is_eager=True,
        help=help,
        show_default=False,
    )


def show_completion(ctx: typer.Context, param: Any, value: str | None) -> None:
    """``--show-completion [SHELL]``: print the script."""
    if value is None or ctx.resilient_parsing:
        return
    from effects_cli.cli.output import write

    write(script(chosen_shell(value), ctx.find_root().info_name or "effects") + "\n")
    raise typer.Exit()


def install_completion(ctx: typer.Context, param: Any, value: str | None) -> None:
    """``--install-completion [SHELL]``: install the script, and say what changed."""
    if value is None or ctx.resilient_parsing:
        return
    from effects_cli.cli.output import write

    shell = chosen_shell(value)
    try:
        done = install(shell, ctx.find_root().info_name or "effects")
    except OSError as error:
        from effects_cli.errors import NotWritten
        from effects_cli.escapes import visible

        reason = error.strerror or error
        if isinstance(error, FileNotFoundError) and error.filename == shell:  # no PowerShell
            raise NotWritten(f"cannot install TAB completion: {shell} cannot be run") from None
        where = f"{visible(str(error.filename))}: " if error.filename is not None else ""
        raise NotWritten(f"cannot install TAB completion: {where}{reason}") from None
    write("\n".join([*done, f"Open a new {shell} to use TAB completion."]) + "\n")
    raise typer.Exit()
