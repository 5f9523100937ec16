"""Whether the guide covers what a query asks, and what it names as related when not.

A reader who asks about ``bullying`` in a guide that never mentions it is
better told so than shown the entries that hold the one common word of the
query. The guide does not cover a query when none of its distinctive words
is in the guide (its titles, texts and keywords), or when only a minority of
its content words are:

- a word in almost every entry (`UBIQUITY`: *social* and *media* in a guide
  about social media) says nothing of which entry is meant;
- a real word the guide lacks counts against the query; a word that is no
  word at all (an unfixed typo, a stray letter run) neither for nor against it;
- when exactly half the words are missing, the query's most specific word (the
  rarest in English) decides: ``screen time`` is not about time, which the
  guide holds in passing, and ``homework help`` is not about help; ``peer
  mentors`` is about peers.

Entries whose related words (`model.Point.related`) hold the missing words are
named as related: support groups for ``grief``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

UBIQUITY = 0.8
"""A word in at least this share of a guide's entries is too common to tell them apart."""
MIN_ENTRIES = 10
"""A guide of fewer entries has no words too common: three entries may all hold a topic."""
RELATED_SHOWN = 3
"""How many related entries an answer names at most."""


class Clause(NamedTuple):
    """What coverage needs to know of one loose word or phrase of a query."""

    text: str
    """The word (or the phrase's words), as searched."""
    found: int
    """How many entries hold it in their titles, texts or keywords (0: the guide lacks it)."""
    real: bool = True
    """Whether it is a real word (and so counts against the query when the guide lacks it)."""


class Verdict(NamedTuple):
    """Whether the guide covers a query, and the words that decided it."""

    covered: bool
    absent: tuple[str, ...] = ()
    """The query's real words that the guide does not hold."""
    common: tuple[str, ...] = ()
    """The query's words that stand in almost every entry."""


def is_common(found: int, entries: int) -> bool:
    """Whether a word held by ``found`` of ``entries`` stands in almost every entry."""
    return entries >= MIN_ENTRIES and found >= UBIQUITY * entries


def verdict(
    clauses: list[Clause], entries: int, frequency: Callable[[str], float] | None = None
) -> Verdict:
    """Whether a guide of ``entries`` entries covers a query of these clauses.

    Covered: at least one distinctive clause is found, and fewer than half of the
    counted clauses are missing; or half, and the rarest of them in English (by
    ``frequency``, asked only then) is found. A query of nothing but non-words is left to the
    usual "no match" (with its suggestions).
    """
    counted = [clause for clause in clauses if clause.found or clause.real]
    if not counted:
        return Verdict(True)
    absent = tuple(clause.text for clause in counted if not clause.found)
    common = tuple(
        clause.text for clause in counted if clause.found and is_common(clause.found, entries)
    )
    distinctive = [
        clause for clause in counted if clause.found and not is_common(clause.found, entries)
    ]
    missing = 2 * len(absent)
    covered = bool(distinctive) and (
        missing < len(counted)
        or (
            missing == len(counted)
            and frequency is not None
            and bool(min(counted, key=lambda clause: frequency(clause.text)).found)
        )
    )
    return Verdict(covered, absent, common)


def related_entries(scores: dict[int, float]) -> list[int]:
    """The entries to name as related, best first (ties in guide order)."""
    return sorted(scores, key=lambda doc: (-scores[doc], doc))[:RELATED_SHOWN]
