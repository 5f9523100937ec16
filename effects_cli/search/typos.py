"""What a misspelt query word stands for, and what to suggest when nothing matched.

A word is searched as another only when it could be that word mistyped
(`within_slips`), not merely when it looks alike: ``depression`` must never
be searched as ``expression``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from effects_cli.search.index import Index

CLOSE_ENOUGH = 0.8
"""difflib similarity a guide word needs to stand in for a misspelt query word."""
SUGGEST_ENOUGH = 0.75
"""difflib similarity a guide word needs to be suggested when nothing matched."""
LOOSE_LENGTHS = 3
"""A suggestion may be this many letters longer or shorter than the word typed."""
MAX_GUESSES = 5
"""How many unknown words of one query are looked up for typos."""
LONG_WORD = 8
"""A misspelt word this long may be two slips from the word meant."""
MIN_TYPO = 5
"""Shorter words are not taken for misspellings: too many guide words are near them."""


def closest(index: Index, word: str, *, loose: bool = False) -> str | None:
    """The guide's word most like a misspelt one, if any is close enough.

    To be searched instead, a word must be a typo's distance away: the same
    first letter and one slip (a letter wrong, missing, added or two swapped;
    two slips in a word of eight letters or more). Otherwise ``depression``
    would be searched as ``expression``. ``loose`` accepts less alike words:
    good enough to suggest, never to search with. Words shorter than
    ``MIN_TYPO`` letters are too short to guess from.
    """
    if len(word) < MIN_TYPO:  # "bold" is as close to "old" as to "hold"
        return None
    import difflib

    # Only words of about the right length (and, to search with, the same first
    # letter) can qualify, and difflib is slow on the 40,000 words of a large guide.
    words = index.vocabulary
    if loose:
        near = [w for w in words if abs(len(w) - len(word)) <= LOOSE_LENGTHS]
        close = difflib.get_close_matches(word, near, n=1, cutoff=SUGGEST_ENOUGH)
        return close[0] if close else None
    slips = 1 if len(word) < LONG_WORD else 2
    near = [words[at] for at in index.starting(word[0]) if abs(len(words[at]) - len(word)) <= slips]
    candidates = difflib.get_close_matches(word, near, n=5, cutoff=CLOSE_ENOUGH)
    return next((c for c in candidates if within_slips(word, c, slips)), None)


def within_slips(typed: str, word: str, slips: int) -> bool:
    """Whether ``typed`` is at most ``slips`` typing slips from ``word``: letters wrong,
    missing or added, or two neighbours swapped (optimal string alignment distance).

    ``difflib`` ranks how alike two words are; this says whether one could be
    the other mistyped, which a ratio cannot (``expression`` is as alike to
    ``depression`` as ``meditation`` to ``meditaton``).
    """
    if abs(len(typed) - len(word)) > slips:
        return False
    before: list[int] | None = None
    row = list(range(len(word) + 1))
    for i, mine in enumerate(typed, start=1):
        next_row = [i] + [0] * len(word)
        for j, theirs in enumerate(word, start=1):
            next_row[j] = min(row[j] + 1, next_row[j - 1] + 1, row[j - 1] + (mine != theirs))
            if (
                before is not None
                and i > 1
                and j > 1
                and mine == word[j - 2]
                and typed[i - 2] == theirs
            ):
                next_row[j] = min(next_row[j], before[j - 2] + 1)
        if min(next_row) > slips:
            return False
        before, row = row, next_row
    return row[-1] <= slips


def suggestions(
    index: Index, corrections: dict[str, str], unknown: tuple[str, ...]
) -> tuple[str, ...]:
    """Words to suggest when nothing matched: the corrections tried, then looser guesses."""
    found = list(dict.fromkeys(corrections.values()))
    for word in unknown[:MAX_GUESSES]:
        close = closest(index, word, loose=True)
        if close is not None and close not in found:
            found.append(close)
    return tuple(found)
