"""Which of the guide's words a query word matches, and how much each counts.

A query word matches, in falling order of weight, the same word, another
form with the same Snowball stem, and a stem it begins or that begins it
(within `REACH_BACK` letters). Forms of the same stem are weighed by how
much of the query word they share (`_likeness`): stemmers conflate words
readers keep apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from effects_cli.search.index import Index

EXACT_WEIGHT, PLURAL_WEIGHT, STEM_WEIGHT, PREFIX_WEIGHT = 1.0, 0.9, 0.7, 0.5
"""How much a guide word counts for a query word: same form, its plural or singular, same
stem, stem prefix."""
MIN_PREFIX = 4
"""Stems shorter than this match whole stems only."""
REACH_BACK = 3
"""How many letters longer than a guide stem a query stem may be and still begin with it."""


def expansions(index: Index, query_word: str) -> dict[str, float]:
    """The guide's words a query word matches, each with the weight of the match."""
    found = {query_word: EXACT_WEIGHT} if index.find(query_word) is not None else {}
    stem = index.stem(query_word)
    mates = _stem_mates(index, stem)
    stems, words = index.stems, index.vocabulary
    for at in mates:
        if stems[at] == stem:
            word = words[at]
            weight = PLURAL_WEIGHT if _plural_pair(query_word, word) else STEM_WEIGHT
            found.setdefault(word, weight * _likeness(query_word, word))
    if len(stem) < MIN_PREFIX:
        return found
    # A stem that begins longer ones; a long stem less its last letter too, as
    # Snowball's "therapi" (therapy) begins no stem but "therap" begins "therapeut";
    # and a slightly shorter stem that begins this one ("stigma" for "stigmatized").
    heads = (stem,) if len(stem) <= MIN_PREFIX + 2 else (stem, stem[:-1])
    shorter = {stem[:cut] for cut in range(max(MIN_PREFIX + 1, len(stem) - REACH_BACK), len(stem))}
    for at in mates:
        other = stems[at]
        if other != stem and (other.startswith(heads) or other in shorter):
            found.setdefault(words[at], PREFIX_WEIGHT * _likeness(query_word, words[at]))
    return found


def exact_forms(index: Index, query_word: str) -> set[str]:
    """The guide's words a word of a phrase matches: the same word or stem only."""
    forms = {query_word} if index.find(query_word) is not None else set()
    stem = index.stem(query_word)
    stems, words = index.stems, index.vocabulary
    return forms | {words[at] for at in _stem_mates(index, stem) if stems[at] == stem}


def _stem_mates(index: Index, stem: str) -> range:
    """Where to look for the words whose stems equal, begin, or begin with ``stem``.

    A Snowball stem begins its word but for its last letter ("therapi" for
    "therapy"), so those words share the stem's first letters: four, or
    all but one of a shorter stem.
    """
    return index.starting(stem[: min(MIN_PREFIX, max(len(stem) - 1, 1))])


def _plural_pair(one: str, other: str) -> bool:
    """Whether one word is the other with ``-s`` or ``-es`` (``counselor``, ``counselors``):
    the same thing, one or many, nearly as good as the word itself."""
    short, long = (one, other) if len(one) < len(other) else (other, one)
    return long.startswith(short) and long[len(short) :] in ("s", "es")


def _likeness(query_word: str, word: str) -> float:
    """How much of a query word a guide word of the same stem begins with, squared.

    Snowball gives ``celebrity``, ``celebrities`` and ``celebrate`` one stem;
    ``celebrities`` shares eight letters of ``celebrity`` and ``celebrate`` six.
    """
    shared = 0
    for mine, theirs in zip(query_word, word, strict=False):
        if mine != theirs:
            break
        shared += 1
    return (shared / len(query_word)) ** 2
