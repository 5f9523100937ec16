"""The ``effects`` command line: parse arguments, call the logic, print, map errors to exit codes.

Everything else lives in plain modules that neither print nor exit. Heavy
imports (Rich, PyYAML, the search index) happen inside the commands that need
them, so ``--help`` and ``--json`` do not pay for what they do not use.
This module deliberately has no ``from __future__ import annotations``:
Typer evaluates every annotation string at start-up, which costs time.
"""

import codecs
import io
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum, IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from effects_cli import __version__
from effects_cli.errors import EffectsError, GuideError, GuideTooLarge, quote, visible

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import date

    from rich.console import Console, RenderableType

    from effects_cli.model import Guide, Point
    from effects_cli.search.query import Query
    from effects_cli.search.results import Hit, Results

PROG = "effects"
_STYLE_CODE = re.compile(r"\x1b\[[0-9;]*m")
_LINE_TAIL = re.compile(rf"(?:[ \t]|{_STYLE_CODE.pattern})+$", re.MULTILINE)
_NEGATIVE_NUMBER = re.compile(r"-[0-9.]+")
"""An argument such as ``-1`` or ``-4.2``: no option looks like this."""
MAX_BYTES_VARIABLE = "EFFECTS_MAX_GUIDE_BYTES"
"""Raises (or lowers) the size limit of a guide, in bytes."""


class ExitCode(IntEnum):
    """The documented exit codes (the README lists them)."""

    OK = 0
    NOT_FOUND = 1
    """An unknown reference, or a search with no match."""
    USAGE = 2
    """A bad option, argument or value."""
    BAD_GUIDE = 3
    """The guide file cannot be read, parsed or understood."""
    CANNOT_WRITE = 4
    """The output cannot be written (a full disk, say)."""
    INTERRUPTED = 130
    """Ctrl-C."""
    CLOSED_PIPE = 141
    """The reader of a pipe went away (``effects read | true``): 128 + SIGPIPE, silently."""


class _EffectsGroup(TyperGroup):
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
        if sys.stdout is None:  # started with stdout closed: `effects list >&-`
            _complain("cannot write the output: stdout is closed")
            sys.exit(ExitCode.CANNOT_WRITE)
        stdout = _identity(sys.stdout)
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
            if exit.code != 1 or _identity(sys.stdout) == stdout:
                raise
            code = ExitCode.CLOSED_PIPE
        except EffectsError as error:
            code = _report(error)
        except typer.TyperException as error:  # click's errors, vendored by typer
            if type(error).__name__ == "NoArgsIsHelpError":
                code = ExitCode.USAGE  # `effects` alone: Typer has printed the help.
            else:
                code = _report_usage(error)
        except typer.Abort:
            code = ExitCode.INTERRUPTED
        except OSError as error:  # a closed pipe is handled where output is written
            _complain(f"cannot write the output: {error.strerror or error}")
            _silence_stdout()
            code = ExitCode.CANNOT_WRITE
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


def _report(error: EffectsError) -> ExitCode:
    """A guide that cannot be read is exit 3, a cache that cannot be cleared 4; everything
    else the logic raises means not found."""
    from effects_cli.cache import CacheError

    message = str(error)
    if isinstance(error, GuideTooLarge):
        message += f" ({MAX_BYTES_VARIABLE} sets another)"
    _complain(message)
    if isinstance(error, GuideError):
        return ExitCode.BAD_GUIDE
    return ExitCode.CANNOT_WRITE if isinstance(error, CacheError) else ExitCode.NOT_FOUND


def _report_usage(error: typer.TyperException) -> int:
    message = error.format_message().rstrip()
    context = getattr(error, "ctx", None)
    option = getattr(error, "option_name", None)  # click's NoSuchOption
    if (
        option
        and _NEGATIVE_NUMBER.fullmatch(option)
        and context is not None
        and any(param.param_type_name == "argument" for param in context.command.params)
    ):
        message += f" (to pass it as an argument, put -- first: {context.command_path} -- {option})"
    # Click's parser leaves out the context of some errors ("requires an argument").
    command = context.command_path if context is not None else PROG
    stop = "" if message.endswith((".", "?", "!")) else "."
    message = f"{message}{stop} See '{command} --help'."
    _complain(message)
    return error.exit_code


def _identity(stream: Any) -> tuple[int, ...]:
    """What a stream is: the object, and the file its descriptor points at, if it has one."""
    try:
        status = os.fstat(stream.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return (id(stream),)
    return (id(stream), status.st_dev, status.st_ino)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the final flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):  # no descriptor
        pass


def _complain(message: str) -> None:
    """One line on stderr, prefixed with the program's name, control characters made visible.

    Messages quote what people typed and paths they chose; neither may move the
    cursor, ring the bell or break the line.
    """
    typer.echo(f"{PROG}: {visible(' '.join(message.strip().splitlines()))}", err=True)


app = typer.Typer(
    cls=_EffectsGroup,
    name=PROG,
    epilog=(
        "Examples:\n  effects list\n  effects show 4.2\n  effects search stigma\n  effects tip"
    ),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


class ColorChoice(str, Enum):
    """``--color``: when output for people gets colour (see `effects_cli.terminal.styling`)."""

    auto = "auto"
    always = "always"
    never = "never"


class _Settings(NamedTuple):
    """What the global options chose, handed to every command through the context.

    A named tuple rather than a dataclass: as immutable, and a third of a
    millisecond cheaper to define at every start.
    """

    guide_path: Path | None
    use_cache: bool = True
    color: ColorChoice = ColorChoice.auto
    pager: bool | None = None
    """``--pager`` (True), ``--no-pager`` (False) or neither (None: page when needed)."""


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
            metavar="PATH",
            help="Read this guide file instead of the bundled one (same YAML format).",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Neither read nor write the cache of parsed guides (see 'effects cache').",
        ),
    ] = False,
    color: Annotated[
        ColorChoice,
        typer.Option(
            "--color",
            metavar="WHEN",
            help="Colour: auto (on a terminal; see NO_COLOR, FORCE_COLOR), always or never.",
        ),
    ] = ColorChoice.auto,
    pager: Annotated[
        bool | None,
        typer.Option(
            "--pager/--no-pager",
            help="Always page on a terminal, or never. Default: page read, and anything"
            " taller than the window ($EFFECTS_PAGER, $PAGER or less).",
            show_default=False,
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
) -> None:
    """Read the guide '10 Dynamic Positive Effects of Social Media' in the terminal."""
    if guide is not None and not guide.strip():
        raise typer.BadParameter("the path is empty", param_hint="'--guide' (or EFFECTS_GUIDE)")
    ctx.obj = _Settings(
        guide_path=Path(guide) if guide is not None else None,
        use_cache=not no_cache,
        color=color,
        pager=pager,
    )


def _complete_reference(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Completion of a reference: ``effects show 4.<TAB>`` offers 4.1 to 4.3, with titles."""
    from effects_cli.complete import reference_choices

    return _completions(ctx, lambda guide: reference_choices(guide, incomplete))


def _complete_section(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Completion of a section number (``--section``), with titles."""
    from effects_cli.complete import section_choices

    return _completions(ctx, lambda guide: section_choices(guide, incomplete))


def _completions(
    ctx: typer.Context, choose: "Callable[[Guide], list[tuple[str, str]]]"
) -> list[tuple[str, str]]:
    """Choices from the guide the command line names (``--guide``, EFFECTS_GUIDE or the
    bundled one), titles escaped for Typer, which reads them as Rich markup.

    A guide that cannot be read completes to nothing: completion runs on every
    TAB, and must never print a traceback or an error into the command line.
    """
    from effects_cli.guides import open_guide

    path = ctx.find_root().params.get("guide")
    if path is not None and not str(path).strip():
        return []
    try:
        from rich.markup import escape

        guide = open_guide(Path(path) if path is not None else None)
        return [(value, escape(title)) for value, title in choose(guide)]
    except Exception:  # anything at all: a broken guide completes to nothing
        return []


JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print JSON to stdout instead, for scripts.")
]


def _load(ctx: typer.Context) -> "Guide":
    from effects_cli.guides import open_guide

    settings: _Settings = ctx.obj
    return open_guide(settings.guide_path, use_cache=settings.use_cache, max_bytes=_max_bytes())


def _max_bytes() -> int | None:
    """The guide size limit EFFECTS_MAX_GUIDE_BYTES sets, if it sets one."""
    raw = os.environ.get(MAX_BYTES_VARIABLE, "").strip()
    if not raw:
        return None
    if not raw.isdecimal() or not raw.isascii() or int(raw) < 1:
        raise typer.BadParameter(
            f"{quote(raw)} is not a number of bytes (1 or more)", param_hint=MAX_BYTES_VARIABLE
        )
    return int(raw)


READING_WIDTH = 80
"""Prose is wrapped at most this wide on a wide terminal, unless COLUMNS says otherwise."""
WIDTHS = range(10, 1001)
"""Widths laid out as they are; COLUMNS=0 (no text at all) or 9999999 (lines that take
minutes) is taken as the nearest."""


def _console() -> "Console":
    """A console built now, so that COLUMNS, NO_COLOR and test capture all apply."""
    from rich.console import Console

    console = Console(highlight=False, emoji=False, markup=False, **_colour_options())
    if "COLUMNS" not in os.environ and console.width > READING_WIDTH:
        console.width = READING_WIDTH
    console.width = min(max(console.width, WIDTHS.start), WIDTHS.stop - 1)
    return console


def _narrow_encoding() -> str | None:
    """Stdout's encoding when it cannot hold every character (ASCII, Latin-1), else None."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        return None if codecs.lookup(encoding).name.startswith("utf") else encoding
    except LookupError:
        return None


def _fitted(guide: "Guide") -> "Guide":
    """The guide as a narrow stdout can show it, stand-ins in place before layout."""
    encoding = _narrow_encoding()
    if encoding is None:
        return guide
    from effects_cli.render import encodable_guide

    return encodable_guide(guide, encoding)


def _fitted_hits(hits: "list[Hit]") -> "list[Hit]":
    encoding = _narrow_encoding()
    if encoding is None:
        return hits
    from effects_cli.render import encodable_hits

    return encodable_hits(hits, encoding)


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stdout
        return False


def _print(renderable: "RenderableType", *, page: bool = False, **options: Any) -> None:
    """Print for people, without the blank space Rich leaves at the ends of lines;
    through the pager when ``page`` says so or the text is taller than the terminal.

    Rich pads wrapped lines and table cells with spaces; in a file or a pipe
    they are noise (and show up in diffs), so each line loses them, escape
    codes that close a style kept in place.
    """
    console = _console()
    with console.capture() as capture:
        console.print(renderable, **options)
    _emit(_LINE_TAIL.sub(_without_blanks, capture.get()), page=page)


def _without_blanks(tail: "re.Match[str]") -> str:
    """The style codes of a line's tail, without the blanks between them."""
    return "".join(_STYLE_CODE.findall(tail.group()))


def _print_json(data: Any) -> None:
    """JSON as UTF-8 text; as ``\\u`` escapes (the same data) where stdout cannot take UTF-8."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, ensure_ascii=True, indent=2)
    _emit(text + "\n")


def _write(text: str) -> None:
    """Write to stdout; a closed pipe ends the program quietly, as it does for `cat`.

    A stdout that cannot encode the text (``PYTHONIOENCODING=ascii``, an old
    locale) gets plain punctuation and ``\\u`` escapes for the rest: nothing lost.
    (The commands put these in place before layout; this catches what Rich adds.)
    """
    try:
        try:
            sys.stdout.write(text)
        except UnicodeEncodeError:
            from effects_cli.render import encodable

            sys.stdout.write(encodable(text, sys.stdout.encoding or "ascii"))
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(ExitCode.CLOSED_PIPE) from None


def _current_settings() -> _Settings:
    """The global options of the command being run (their defaults outside of one).

    Found through Click's context stack, so that the output helpers need no
    context argument threaded through every command.
    """
    from typer._click.globals import get_current_context  # typer vendors click

    ctx = get_current_context(silent=True)
    settings = ctx.find_object(_Settings) if ctx is not None else None
    return settings if settings is not None else _Settings(guide_path=None)


def _colour_options() -> dict[str, Any]:
    """Rich console options for what ``--color`` and the environment chose."""
    from effects_cli.terminal import Styling, styling

    chosen = styling(_current_settings().color.value, os.environ, _stdout_is_terminal())
    if chosen is Styling.NONE:
        return {"color_system": None, "force_terminal": False, "no_color": True}
    # Every style is one of the eight standard colours: "standard" is exact, and
    # unlike "auto" does not defer to Rich's own reading of TERM and FORCE_COLOR.
    return {
        "color_system": "standard",
        "force_terminal": True,
        "no_color": chosen is Styling.MONO,
    }


def _emit(text: str, *, page: bool = False) -> None:
    """Write ``text`` to stdout, through the pager when it should be paged.

    Only a terminal gets a pager: with ``--pager``, for ``read`` (``page``), or
    when the text is taller than the window. A pager that cannot be started
    costs one line on stderr; the text is printed instead.
    """
    settings = _current_settings()
    wanted = settings.pager is not False and (page or settings.pager or _too_tall(text))
    if not wanted or not _stdout_is_terminal():
        _write(text)
        return
    from effects_cli.terminal import PagerError, pager_command
    from effects_cli.terminal import page as run_pager

    try:
        command = pager_command(os.environ)
        if command is None:
            _write(text)
            return
        run_pager(_encoded(text), command, os.environ)
    except PagerError as error:
        _complain(f"{error}; printing instead")
        _write(text)


def _too_tall(text: str) -> bool:
    """More lines than the terminal shows at once, with a line left for the prompt."""
    import shutil

    return text.count("\n") >= shutil.get_terminal_size().lines


def _encoded(text: str) -> bytes:
    """``text`` as bytes for a pager on this terminal: stdout's encoding, as `_write` does."""
    encoding = sys.stdout.encoding or "utf-8"
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        from effects_cli.render import encodable

        return encodable(text, encoding).encode(encoding, errors="backslashreplace")


@app.command("list")
def list_sections(
    ctx: typer.Context,
    tree: Annotated[
        bool, typer.Option("--tree", "-t", help="Show each section's sub-points too.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """List the sections, with how many sub-points each has.

    In a pipe, one section a line, for grep and cut.

    Examples:
      effects list
      effects list --tree
    """
    guide = _load(ctx)
    if as_json:
        from effects_cli.export import contents_json

        _print_json(contents_json(guide))
        return
    from effects_cli.render import contents_lines, render_contents

    guide = _fitted(guide)
    # The layout follows where the output goes; FORCE_COLOR only adds colour to it.
    if _stdout_is_terminal():
        _print(render_contents(guide, tree=tree))
    else:
        _print(contents_lines(guide, tree=tree), soft_wrap=True)


class _ReferenceCommand(TyperCommand):
    """A command whose one argument may look like a negative number: ``show -1`` names a
    reference (not in any guide), not an unknown option ``-1``. Only for commands without
    options that take a value, which could take the number for theirs."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        if "--" not in args:
            numbers = [arg for arg in args if _NEGATIVE_NUMBER.fullmatch(arg)]
            if numbers:
                args = [arg for arg in args if arg not in numbers] + ["--", *numbers]
        return super().parse_args(ctx, args)


@app.command(cls=_ReferenceCommand)
def show(
    ctx: typer.Context,
    ref: Annotated[
        str,
        typer.Argument(
            metavar="REF",
            help="A section (4) or a sub-point (4.2).",
            show_default=False,
            autocompletion=_complete_reference,
        ),
    ],
    as_json: JsonFlag = False,
) -> None:
    """Show a section with all its sub-points, or one sub-point.

    Examples:
      effects show 4
      effects show 4.2 --json
    """
    guide = _load(ctx)
    entry = guide.lookup(ref)
    if as_json:
        from effects_cli.export import entry_json

        _print_json(entry_json(guide, entry))
        return
    from effects_cli.render import render_entry

    guide = _fitted(guide)
    _print(render_entry(guide, guide.lookup(ref)))


SEARCH_LIMIT = 10
"""Hits shown unless ``--limit`` asks for more."""
REGEX_SECONDS = 5
"""How long a ``--regex`` may run before it is stopped as a runaway pattern."""


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="QUERY...",
            help="Words to look for; quote a phrase to match it as written: '\"peer support\"'.",
            show_default=False,
        ),
    ] = None,
    regex: Annotated[
        str | None,
        typer.Option(
            "--regex",
            "-e",
            metavar="PATTERN",
            help="Match a regular expression (Python syntax, any case) instead of words.",
        ),
    ] = None,
    section: Annotated[
        int | None,
        typer.Option(
            "--section",
            "-s",
            metavar="N",
            help="Search section N and its sub-points.",
            autocompletion=_complete_section,
        ),
    ] = None,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=1, metavar="N", help="Show at most N hits."),
    ] = SEARCH_LIMIT,
    as_json: JsonFlag = False,
) -> None:
    """Search titles and text; best matches first, with a snippet of each.

    Word forms match (meditate finds meditation), a misspelt word is replaced
    by the guide's closest word, and a quoted phrase matches as written.

    Examples:
      effects search stigma
      effects search peer support --limit 3
      effects search '"mental health support groups"'
      effects search --regex 'self-[a-z]+' --section 3
    """
    from effects_cli.errors import NoMatch

    text = " ".join(query or ())
    settings: _Settings = ctx.obj
    if regex is not None:
        if text:
            raise typer.BadParameter("give words or --regex, not both", param_hint="QUERY")
        results = _regex_results(settings, regex, section, limit)
        searched = regex
    else:
        parsed = _check_query(text, query)
        from effects_cli.guides import open_searchable
        from effects_cli.search.engine import search as search_guide

        guide, index = open_searchable(
            settings.guide_path, use_cache=settings.use_cache, max_bytes=_max_bytes()
        )
        results = search_guide(guide, parsed, index=index, section=section, limit=limit)
        searched = text
    if not results.hits:
        raise NoMatch(searched, section=section, suggestions=list(results.suggestions))
    for typed, used in results.corrections.items():
        _note(f"No match for {quote(typed)}; showing results for {quote(used)}.")
    if as_json:
        from effects_cli.export import hits_json

        _print_json(hits_json(searched, results.hits, results.corrections))
        return
    from effects_cli.render import render_hits, render_more

    _print(render_hits(_fitted_hits(results.hits)))
    if results.found > limit and _stdout_is_terminal():
        _print(render_more(limit, results.found))


def _regex_results(settings: _Settings, pattern: str, section: int | None, limit: int) -> "Results":
    """``search --regex``: a bad pattern, or one that runs too long, is a usage error."""
    from effects_cli.guides import open_corpus
    from effects_cli.search.regex import BadPattern, regex_search

    hint = "'--regex' / '-e'"
    if not pattern:
        raise typer.BadParameter("the pattern is empty", param_hint=hint)
    corpus = open_corpus(settings.guide_path, use_cache=settings.use_cache, max_bytes=_max_bytes())
    try:
        with _time_limit(REGEX_SECONDS, f"the pattern ran for over {REGEX_SECONDS} s"):
            return regex_search(corpus, pattern, section=section, limit=limit)
    except BadPattern as error:
        raise typer.BadParameter(
            f"{quote(pattern)} is not a valid pattern: {error}", param_hint=hint
        ) from None


def _check_query(text: str, query: list[str] | None) -> "Query":
    """The query parsed, once; it must hold a word: a usage error names what was typed instead."""
    from effects_cli.search.query import parse_query

    if query is None:
        raise typer.BadParameter("give words to search for, or --regex", param_hint="QUERY")
    if not text.strip():
        raise typer.BadParameter("the query is empty", param_hint="QUERY")
    parsed = parse_query(text)
    if not parsed.terms:
        raise typer.BadParameter(f"{quote(text)} has no words to search for", param_hint="QUERY")
    return parsed


class _TimeLimit(Exception):
    pass


@contextmanager
def _time_limit(seconds: float, problem: str) -> Iterator[None]:
    """Stop the block after ``seconds`` with a usage error (on systems with SIGALRM).

    Regular expressions can backtrack for longer than anyone waits; Python's
    matcher checks for signals, so an alarm stops it cleanly.
    """
    import signal

    if not hasattr(signal, "setitimer"):  # Windows: no alarm clock
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _TimeLimit

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _TimeLimit:
        raise typer.BadParameter(problem, param_hint="'--regex' / '-e'") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _note(message: str) -> None:
    """A line for the reader on stderr that is not an error: the output is still good."""
    typer.echo(visible(message), err=True)


@app.command()
def tip(
    ctx: typer.Context,
    seed: Annotated[
        int | None,
        typer.Option("--seed", metavar="N", help="Pick reproducibly: the same N, the same tip."),
    ] = None,
    section: Annotated[
        int | None,
        typer.Option(
            "--section",
            "-s",
            metavar="N",
            help="Pick from section N only.",
            autocompletion=_complete_section,
        ),
    ] = None,
    daily: Annotated[
        bool,
        typer.Option("--daily", help="The tip of the day: the same all day, another tomorrow."),
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Show one sub-point picked at random.

    Examples:
      effects tip
      effects tip --section 4
      effects tip --seed 7
      effects --no-pager tip --daily
    """
    import random

    if daily and seed is not None:
        raise typer.BadParameter("cannot be used with --daily", param_hint="'--seed'")
    guide = _load(ctx)
    pool = guide.section(section).points if section is not None else tuple(guide.points())
    point = _daily_tip(pool) if daily else random.Random(seed).choice(pool)
    if as_json:
        from effects_cli.export import point_json

        _print_json(point_json(guide, point))
        return
    from effects_cli.render import render_point

    guide = _fitted(guide)
    _print(render_point(guide, guide.lookup(point.ref)))


@app.command()
def read(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Read the whole guide in order, title to conclusion.

    Examples:
      effects read
      effects read | less -R
    """
    guide = _load(ctx)
    if as_json:
        from effects_cli.export import guide_json

        _print_json(guide_json(guide))
        return
    from effects_cli.render import render_guide

    _print(render_guide(_fitted(guide)), page=True)


def _daily_tip(pool: "Sequence[Point]") -> "Point":
    """The pick of the day, by the local date."""
    from effects_cli.daily import daily_pick

    return daily_pick(pool, _today().toordinal())


def _today() -> "date":
    """The local date (a seam for tests)."""
    from datetime import date

    return date.today()


@app.command()
def validate(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="The guide file to check.", show_default=False),
    ],
) -> None:
    """Check a guide file in the guide format, listing every problem found.

    A good guide gets a one-line summary; a broken one gets a line for each
    problem, with its line and column and the field it is in, and exit code 3.

    Examples:
      effects validate my-guide.yaml
      effects validate data/effects.yaml
    """
    from effects_cli.errors import GuideProblems
    from effects_cli.loader import MAX_BYTES, check_guide

    try:
        guide = check_guide(file, max_bytes=_max_bytes() or MAX_BYTES)
    except GuideProblems as error:
        for problem in error.problems:
            _complain(str(problem))
        count = len(error.problems)
        problems = "1 problem" if count == 1 else f"{count} problems"
        raise GuideError(str(file), f"not a valid guide: {problems}") from None
    sections = len(guide.sections)
    points = sum(len(section.points) for section in guide.sections)
    _write(
        f"{visible(str(file))}: a valid guide: {_counted(sections, 'section')},"
        f" {_counted(points, 'sub-point')}\n"
    )


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


cache_app = typer.Typer(
    name="cache",
    help="Where parsed guides are kept between runs, and how to clear them.",
    epilog="Examples:\n  effects cache path\n  effects cache clear",
    no_args_is_help=True,
)
app.add_typer(cache_app)


@cache_app.command("path")
def cache_path() -> None:
    """Print the cache folder (it may not exist yet).

    Examples:
      effects cache path
    """
    from effects_cli.cache import cache_folder

    _write(f"{cache_folder()}\n")


@cache_app.command("clear")
def cache_clear() -> None:
    """Remove every cache file; the next run parses the guide afresh.

    Examples:
      effects cache clear
    """
    from effects_cli.cache import cache_folder, clear

    removed = clear()
    noun = "file" if removed == 1 else "files"
    _write(f"Removed {removed} cache {noun} from {cache_folder()}\n")
