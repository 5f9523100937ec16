"""The ``effects`` app: its commands, its global options, and what every failure becomes.

Commands raise; `EffectsGroup.main` is the one place where an exception turns
into a line on stderr and an exit code (`ExitCode`, which the README lists).
"""

import os
from typing import Annotated, Any, NoReturn

import typer

from effects_cli import __version__
from effects_cli.cli import browse, completion, files, library, reading, search
from effects_cli.cli.exits import ExitCode, report, unwritten
from effects_cli.cli.library import complete_guide
from effects_cli.cli.options import (
    App,
    ColorChoice,
    HelpWhenBare,
    ReferenceCommand,
    read_settings,
)
from effects_cli.cli.output import complain, shortened
from effects_cli.cli.settings import forget_unreadable_sizes
from effects_cli.cli.streams import PROG, ClosedPipe, identity, tell_remarks
from effects_cli.errors import EffectsError
from effects_cli.numbers import is_negative_number


class EffectsGroup(HelpWhenBare):
    """Turns every failure into one line on stderr and a documented exit code.

    Click's own error display is a usage block plus an error line; here a
    usage error is a single line that says where to find help, and the typed
    errors of the logic modules are mapped to their exit codes in one place.
    """

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> NoReturn:
        import sys

        notices = sys.modules.get("effects_cli.notices")  # loaded only once something told
        if notices is not None:
            notices.reset()
        if sys.stdout is None:  # started with stdout closed: `effects list >&-`
            complain("cannot write the output: stdout is closed")
            sys.exit(ExitCode.CANNOT_WRITE)
        forget_unreadable_sizes(os.environ)
        if completion.COMPLETE_VARIABLE.format(PROG.upper()) in os.environ:  # a TAB
            completion.register()
        stdout = identity(sys.stdout)
        try:
            code = super().main(
                args=args,
                prog_name=prog_name or PROG,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except SystemExit as exit:
            # Rich (printing help) and click (typer.echo) end the program with exit 1 when
            # the reader of stdout has gone, Rich after pointing stdout at /dev/null and
            # click after wrapping it; here that is 141, as for any other output.
            if exit.code != 1 or identity(sys.stdout) == stdout:
                raise
            code = ExitCode.CLOSED_PIPE
        except ClosedPipe:
            code = ExitCode.CLOSED_PIPE
        except EffectsError as error:
            code = report(error)
        except typer.Exit as exit:
            code = exit.exit_code
        except typer.TyperException as error:  # click's errors, vendored by typer
            code = _report_usage(error)
        except typer.Abort:
            code = ExitCode.INTERRUPTED
        except OSError as error:
            code = unwritten(error)
        tell_remarks()
        _freeze()
        sys.exit(code if isinstance(code, int) else ExitCode.OK)

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        """The global options are taken after the command too (`lifting`)."""
        from effects_cli.cli.lifting import lifted

        return super().parse_args(ctx, lifted(self, ctx, completion.shell_named(args)))


def _freeze() -> None:
    """Move every object made so far out of the collector's sight before exit.

    Importing Typer and Rich makes hundreds of thousands of objects; at exit the
    interpreter collects garbage among them once more, which finds none and costs
    more than a tenth of a run. Frozen, they are left alone (and freed as the process
    ends, as everything is).
    """
    import gc

    gc.freeze()


def _report_usage(error: typer.TyperException) -> int:
    """A usage error as one line: the problem, and the help to read."""
    message = shortened(error.format_message().rstrip())
    context = getattr(error, "ctx", None)
    option = getattr(error, "option_name", None)  # click's NoSuchOption
    if (
        option
        and is_negative_number(option)
        and context is not None
        and any(param.param_type_name == "argument" for param in context.command.params)
    ):
        message += f" (to pass it as an argument, put -- first: {context.command_path} -- {option})"
    # Every command names itself in its usage errors (`options.Helpful.parse_args`); an
    # error without one came before any command parsed.
    command = context.command_path if context is not None else PROG
    stop = "" if message.endswith((".", "?", "!")) else "."
    complain(f"{message}{stop} See '{command} --help'.")
    return error.exit_code


app = App(
    cls=EffectsGroup,
    name=PROG,
    epilog="""Examples:
      effects list
      effects show 4.2
      effects search stigma
      effects tip --short

    More in 'effects COMMAND --help', and all in 'man effects'.""",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=False,  # effects' own options, `completion`
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    guide: Annotated[
        str | None,
        typer.Option(
            "--guide",
            envvar="EFFECTS_GUIDE",
            metavar="NAME|PATH",
            help="Read this guide, by name ('effects guides') or file, instead of the"
            " bundled one (or $EFFECTS_GUIDE).",
            show_default=False,
            show_envvar=False,
            autocompletion=complete_guide,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Neither read nor write the cache of parsed guides.",
        ),
    ] = False,
    color: Annotated[
        ColorChoice,
        typer.Option(
            "--color",
            metavar="WHEN",
            help="Colour: auto (default: on a terminal), always or never.",
            show_default=False,
        ),
    ] = ColorChoice.auto,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="The same as --color never.")
    ] = False,
    pager: Annotated[
        bool | None,
        typer.Option(
            "--pager/--no-pager",
            help="Page on a terminal even what fits, or never (by default: read, and what"
            " is taller than the window).",
            show_default=False,
            is_eager=True,  # so that `effects --no-pager --help` is not paged
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
    install_completion: Annotated[
        str | None,
        completion.option(
            "--install-completion",
            completion.install_completion,
            "Add TAB completion to your shell, or SHELL: bash, zsh, fish, pwsh.",
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        completion.option(
            "--show-completion",
            completion.show_completion,
            "Print the completion script, to install it yourself.",
        ),
    ] = None,
) -> None:
    """Read the guide '10 Dynamic Positive Effects of Social Media' in the terminal."""
    if no_color:  # given as --color=never (`lifting`), so that the last of the two wins
        color = ColorChoice.never
    ctx.obj = read_settings(guide, no_cache=no_cache, color=color, pager=pager)


app.command("list")(reading.list_sections)
app.command(cls=ReferenceCommand)(reading.show)
app.command()(search.search)
app.command()(reading.tip)
app.command()(reading.read)
app.command()(browse.browse)
app.command()(files.validate)
app.add_typer(files.cache_app)
app.command()(library.guides)
app.command("import")(library.import_article)
