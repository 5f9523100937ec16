"""``effects search``: ranked search of titles and text, or a regular expression."""

from typing import TYPE_CHECKING, Annotated

import typer

from effects_cli.cli.options import JsonFlag, section_option, whole_number
from effects_cli.cli.searched import answer, word_results
from effects_cli.escapes import quote

if TYPE_CHECKING:
    from effects_cli.collection import Everything
    from effects_cli.guides import GuideSource
    from effects_cli.search.results import Results

    Searched = GuideSource | Everything

SEARCH_LIMIT = 10
"""Hits shown unless ``--limit`` asks for more."""
REGEX_SECONDS = 5
"""How long a ``--regex`` may run before it is stopped as a runaway pattern."""
_REGEX_HINT = "'--regex' / '-e'"


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
    section: Annotated[int | None, section_option("Search section N and its sub-points.")] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            "-n",
            metavar="N",
            parser=whole_number(1, clamp=True),
            help="Show at most N hits.",
        ),
    ] = SEARCH_LIMIT,
    every: Annotated[
        bool,
        typer.Option(
            "--all",
            "-a",
            help="Search every guide ('effects guides' lists them), on one scale; each hit"
            " is labelled with its guide's name.",
        ),
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Search titles and text; best matches first, with a snippet of each.

    Word forms and the guide's keywords match (meditate finds meditation, gym
    finds fitness), words such as how, can and the are left out, a misspelt
    word is replaced by the guide's closest word (a real word never is), and a
    quoted phrase matches as written. When the guide does not cover what you
    asked, it says so (exit 1), naming related entries where there are any.

    Examples:
      effects search stigma
      effects search how can I raise money for a charity
      effects search peer support --limit 3
      effects search '"mental health support groups"'
      effects search --regex 'self-[a-z]+' --section 3
      effects search --all sleep
    """
    source: Searched = ctx.obj.source
    text = " ".join(query or ())
    if every:
        if section is not None:
            raise typer.BadParameter("cannot be used with --all", param_hint="'--section' / '-s'")
        from effects_cli.cli.library import every_guide

        source = every_guide(ctx.obj)  # searched as one guide of all their entries
    if regex is not None:
        if text:
            raise typer.BadParameter("give words or --regex, not both", param_hint="QUERY")
        searched, results = regex, _regex_results(source, regex, section, limit)
    else:
        searched, results = text, _word_results(source, query, section, limit)
    answer(
        ctx.obj,
        source,
        searched,
        results,
        limit=limit,
        section=section,
        every=every,
        as_json=as_json,
    )


def _word_results(
    source: "Searched", query: list[str] | None, section: int | None, limit: int
) -> "Results":
    """The ranked hits of the query's words; a query without words is a usage error."""
    from effects_cli.search.query import parse_query

    text = " ".join(query or ())
    if query is None:
        raise typer.BadParameter("give words to search for, or --regex", param_hint="QUERY")
    if not text.strip():
        raise typer.BadParameter("the query is empty", param_hint="QUERY")
    parsed = parse_query(text)  # once: the engine searches what is checked here
    if not parsed.terms:
        raise typer.BadParameter(f"{quote(text)} has no words to search for", param_hint="QUERY")
    return word_results(source, parsed, section=section, limit=limit)


def _regex_results(source: "Searched", pattern: str, section: int | None, limit: int) -> "Results":
    """``search --regex``: a bad pattern, or one that runs too long, is a usage error."""
    from effects_cli.search.regex import BadPattern, regex_search
    from effects_cli.timelimit import TimeLimitExceeded, time_limit

    if not pattern:
        raise typer.BadParameter("the pattern is empty", param_hint=_REGEX_HINT)
    from effects_cli.records import Damaged

    try:
        with time_limit(REGEX_SECONDS):
            try:
                return regex_search(source.corpus(), pattern, section=section, limit=limit)
            except Damaged:  # a cached entry that does not check out: read the file itself
                corpus = source.reread()[0]
                return regex_search(corpus, pattern, section=section, limit=limit)
    except BadPattern as error:
        raise typer.BadParameter(
            f"{quote(pattern)} is not a valid pattern: {error}", param_hint=_REGEX_HINT
        ) from None
    except TimeLimitExceeded:
        raise typer.BadParameter(
            f"the pattern ran for over {REGEX_SECONDS} s", param_hint=_REGEX_HINT
        ) from None
