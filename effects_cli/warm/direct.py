"""The fast path's second way: what the full program does, without Typer.

When no replay holds the answer (a large guide's entry not printed before, a
search), a command line the fast path reads (`request`) is answered by the
very functions the commands call (`effects_cli.cli.answers`,
`effects_cli.cli.searched`) and printed by the one way out
(`effects_cli.cli.output.emit`), so it prints what the full program prints:
only the parsing of the command line, which `request` does strictly, is left
out, and Typer with it.

Anything unforeseen before a byte is printed answers None, for the full program
to run instead; the logic's errors are told as the app tells them
(`effects_cli.cli.exits`).
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from effects_cli.cli.settings import Settings
    from effects_cli.warm.request import Request


class _NotSure(Exception):
    """Something the full program answers better: a usage error it words itself."""


def answer(request: Request) -> int | None:
    """Print the answer to ``request`` and return the exit code; or return None, having
    printed nothing, for the full program to answer it."""
    try:
        from effects_cli.cli.exits import report
        from effects_cli.cli.settings import ColorChoice, forget_unreadable_sizes, read_settings
        from effects_cli.errors import EffectsError
    except Exception:  # a broken install, say: the full program tells what went wrong
        return None
    forget_unreadable_sizes(os.environ)
    guide = request.guide if request.guide is not None else os.environ.get("EFFECTS_GUIDE")
    try:
        settings = read_settings(
            guide, no_cache=False, color=ColorChoice(request.color), pager=request.pager
        )
        printing = _prepared(request, settings)
    except EffectsError as error:  # not found, a guide that cannot be read: told as the app does
        code = report(error)
    except Exception:  # a usage error (`SettingError`, `_NotSure`) or anything unforeseen
        return None  # for the full program, which words it, or tells what went wrong
    else:
        code = _printed(printing)
    from effects_cli.cli.streams import tell_remarks

    tell_remarks()
    return int(code)


def _prepared(request: Request, settings: Settings) -> Callable[[], None]:
    """What to print, worked out before anything is printed: a function that prints it."""
    from effects_cli.cli.output import emit

    if request.verb == "search":
        from effects_cli.cli.searched import answer as answer_search
        from effects_cli.cli.searched import word_results
        from effects_cli.search.query import parse_query

        text = " ".join(request.words)
        parsed = parse_query(text)
        if not text.strip() or not parsed.terms:
            raise _NotSure
        results = word_results(
            settings.source, parsed, section=request.section, limit=request.limit
        )

        def search() -> None:
            answer_search(
                settings,
                settings.source,
                text,
                results,
                limit=request.limit,
                section=request.section,
            )

        return search
    from effects_cli.cli import answers

    source = settings.source
    if request.verb == "list":
        result, kept = answers.contents(source, tree=request.tree)
    elif request.verb == "show":
        result, kept = answers.shown(source, request.ref)
    else:
        result, kept = answers.tip(
            source,
            seed=request.seed,
            section=request.section,
            daily=request.daily,
            short=request.short,
        )

    def show() -> None:
        emit(settings, result, keep=kept)

    return show


def _printed(printing: Callable[[], None]) -> int:
    """Run ``printing`` and return the exit code, as the app ends a command."""
    from effects_cli.cli.exits import ExitCode, report, unwritten
    from effects_cli.cli.streams import ClosedPipe
    from effects_cli.errors import EffectsError

    try:
        printing()
    except ClosedPipe:
        return ExitCode.CLOSED_PIPE
    except EffectsError as error:  # a search that found nothing
        return report(error)
    except OSError as error:
        return unwritten(error)
    return ExitCode.OK
