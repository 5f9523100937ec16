"""A query as typed, parsed into what search looks for: loose words, phrases, compounds.

The command line parses a query once: it refuses one with no words
(`Query.terms` empty) and hands the rest to `engine.search`.
"""

import re
from typing import NamedTuple

from effects_cli.search.text import tokenize

_PHRASE = r"[\"\u201c\u201d]([^\"\u201c\u201d]*)[\"\u201c\u201d]?"
"""A quoted phrase; a quote left open runs to the end of the query."""
_QUOTES = frozenset('"\u201c\u201d')


class Query(NamedTuple):
    """What a reader asked for: loose words, and phrases to match as written."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...] = ()
    compounds: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The loose words that are compounds (``selfhelp``), with their parts (``self``, ``help``)."""

    @property
    def terms(self) -> tuple[str, ...]:
        """Every distinct word of the query, loose or in a phrase, in the order typed."""
        return tuple(dict.fromkeys(self.words + tuple(w for p in self.phrases for w in p)))


def parse_query(text: str) -> Query:
    """Split a query into loose words and quoted phrases.

    A compound (``self-help``, ``#BellLetsTalk``) is one loose word, its
    whole form, that also matches its parts as a phrase (`Query.compounds`);
    a one-word phrase is a loose word too.
    """
    phrases: list[tuple[str, ...]] = []
    loose: list[str] = []

    def take_phrase(match: re.Match[str]) -> str:
        words = tuple(token.word for token in tokenize(match.group(1)) if not token.whole)
        if len(words) > 1:
            phrases.append(words)
        else:
            loose.extend(words)
        return " "

    rest = re.sub(_PHRASE, take_phrase, text) if _QUOTES & set(text) else text
    compounds: dict[str, list[str]] = {}
    compound: list[str] | None = None
    compound_end = -1
    for token in tokenize(rest):
        if token.whole:
            compound_end = token.end
            loose.append(token.word)
            compound = compounds.setdefault(token.word, [])
        elif token.start < compound_end and compound is not None:
            compound.append(token.word)  # searched with its compound, whole or as a phrase
        else:
            loose.append(token.word)
    return Query(
        tuple(dict.fromkeys(loose)),
        tuple(dict.fromkeys(phrases)),
        tuple((whole, tuple(parts)) for whole, parts in compounds.items()),
    )
