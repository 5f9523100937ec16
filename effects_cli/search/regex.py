"""``--regex``: entries whose title or text matches a regular expression.

Apart from word search: no index, no word forms, only the pattern as
written (ignoring case), ranked by how often it matches.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from effects_cli.search.ranking import TEXT_WEIGHT, TITLE_WEIGHT
from effects_cli.search.results import Hit, Results, Snippet
from effects_cli.search.snippets import window, window_start

if TYPE_CHECKING:
    from effects_cli.search.corpus import Corpus

_Spans = tuple[tuple[int, int], ...]


class BadPattern(ValueError):
    """A ``--regex`` pattern that does not compile."""


def regex_search(
    corpus: Corpus, pattern: str, *, section: int | None = None, limit: int | None = None
) -> Results:
    """Entries whose title or text matches a regular expression (case-insensitive).

    Ranked by matches, a title match counting three times, ties in guide
    order; hits (and their snippets) are made for the best ``limit`` only.
    Raises `BadPattern` for a pattern that does not compile.
    """
    import warnings

    try:
        with warnings.catch_warnings():
            # "Possible nested set" and the like: Python's warnings about how it reads
            # a pattern today, not the reader's problem, and never worth a traceback.
            warnings.simplefilter("ignore", FutureWarning)
            compiled = re.compile(pattern, re.IGNORECASE)
    except (re.error, RecursionError, OverflowError, ValueError) as error:
        raise BadPattern(str(error)) from None
    ranked: list[tuple[float, int, _Spans, _Spans]] = []
    for doc in corpus.docs_of(section):
        title, text = corpus.fields[doc]
        title_spans = _regex_spans(compiled, title)
        text_spans = _regex_spans(compiled, text)
        if title_spans or text_spans:
            score = TITLE_WEIGHT * len(title_spans) + TEXT_WEIGHT * len(text_spans)
            ranked.append((-score, doc, title_spans, text_spans))
    ranked.sort(key=lambda item: item[:2])
    hits = []
    for negative, doc, title_spans, text_spans in ranked[:limit]:
        entry = corpus.entry(doc)
        start = window_start(entry.text, text_spans[0][0]) if text_spans else 0
        shown = window(entry.text, start)
        snippet = Snippet(shown, _regex_spans(compiled, shown))
        hits.append(Hit(entry, -negative, snippet, title_spans))
    return Results(hits, {}, total=len(ranked))


def _regex_spans(compiled: re.Pattern[str], text: str) -> _Spans:
    """Where a pattern matches, leaving out empty matches (``x*`` matches everywhere)."""
    return tuple(match.span() for match in compiled.finditer(text) if match.end() > match.start())
