"""What a search returns: ranked hits with their snippets.

Kept apart from the engine so that rendering and export can name these
types without loading tokenising, ranking or the stemmer.
"""

from typing import NamedTuple

from effects_cli.model import Entry


class Snippet(NamedTuple):
    """A window of an entry's text, with the spans of the matched words in it."""

    text: str
    spans: tuple[tuple[int, int], ...]


class Hit(NamedTuple):
    """One ranked search result."""

    entry: Entry
    score: float
    snippet: Snippet
    title_spans: tuple[tuple[int, int], ...]


class Results(NamedTuple):
    """Ranked hits, and the misspelt query words that were searched as other words; or
    none, and why."""

    hits: list[Hit]
    corrections: dict[str, str]
    unknown: tuple[str, ...] = ()
    """Query words that matched nothing and had no close word in the guide."""
    total: int = -1
    """How many entries matched, ``hits`` being the best of them (-1: all are in ``hits``)."""
    suggestions: tuple[str, ...] = ()
    """When nothing matched: guide words the reader may have meant."""
    not_covered: bool = False
    """The guide does not cover the query (`search.coverage`): no hits, on purpose."""
    absent: tuple[str, ...] = ()
    """When not covered: the query's real words the guide does not hold."""
    common: tuple[str, ...] = ()
    """When not covered: the query's words that stand in almost every entry."""
    related: tuple[Entry, ...] = ()
    """When not covered: entries that list the missing words as related, best first."""

    @property
    def found(self) -> int:
        """How many entries matched in all, whether or not ``hits`` holds them all."""
        return len(self.hits) if self.total < 0 else self.total
