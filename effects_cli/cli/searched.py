"""What a search answers, without Typer: the hits of a query's words, and how they are told.

The ``search`` command (`effects_cli.cli.search`) checks its arguments and the
fast path (`effects_cli.warm.direct`) takes only what it is sure of; both search
and answer through these, so that they print the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from effects_cli.cli.output import emit, note, stdout_is_terminal
from effects_cli.cli.results import Found, Uncovered
from effects_cli.errors import NoMatch, NotCovered
from effects_cli.escapes import quote

if TYPE_CHECKING:
    from effects_cli.cli.settings import Settings
    from effects_cli.collection import Everything
    from effects_cli.guides import GuideSource
    from effects_cli.search.query import Query
    from effects_cli.search.results import Results

    Searched = GuideSource | Everything


def word_results(source: Searched, parsed: Query, *, section: int | None, limit: int) -> Results:
    """The ranked hits of a query's words (checked: it has some) in ``source``."""
    from effects_cli.records import Damaged
    from effects_cli.search.engine import search as search_guide

    try:
        corpus, index = source.searchable()
        return search_guide(corpus, parsed, index=index, section=section, limit=limit)
    except Damaged:  # a cached entry that does not check out: search the file itself
        corpus, index = source.reread()
        return search_guide(corpus, parsed, index=index, section=section, limit=limit)


def answer(
    settings: Settings,
    source: Searched,
    searched: str,
    results: Results,
    *,
    limit: int,
    section: int | None,
    every: bool = False,
    as_json: bool = False,
) -> None:
    """Print the hits of ``searched`` (and the remarks on them), or raise what a search
    that found nothing is: `NotCovered` or `NoMatch`. With ``every``, ``source`` is all
    the guides (`effects_cli.collection.Everything`), each hit named by its guide."""
    names = None
    if results.not_covered and not results.suggestions:
        # The honest answer: nothing on stdout (but the same as data for --json), one line
        # on stderr, exit 1. A word that may be a slip is told as a "did you mean" instead.
        # Under --all an entry is named by its guide's name too: "effects 2.1 Title".
        if every:
            name_of = source.name_of  # type: ignore[union-attr]
            names = tuple(name_of(entry) for entry in results.related)
        if as_json:
            emit(settings, Uncovered(searched, results, guides=names), as_json=True)
        refs = [entry.ref for entry in results.related]
        if names is not None:
            refs = [f"{name} {ref}" for name, ref in zip(names, refs, strict=True)]
        related = [(ref, entry.title) for ref, entry in zip(refs, results.related, strict=True)]
        raise NotCovered(searched, related=related, common=not results.absent, every=every)
    if not results.hits:
        raise NoMatch(searched, section=section, suggestions=list(results.suggestions))
    for typed, used in results.corrections.items():
        note(f"No match for {quote(typed)}; showing results for {quote(used)}.")
    if every:
        names = tuple(source.name_of(hit.entry) for hit in results.hits)  # type: ignore[union-attr]
    found = Found(searched, results, limit, guides=names)
    emit(settings, found, as_json=as_json)
    if found.more is not None and not as_json and not stdout_is_terminal():
        note(found.more)  # after the hits, which a pipe gets alone
