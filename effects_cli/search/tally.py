"""The tally of one search: the clauses added up, what each entry holds of them, the ranking.

`engine` finds what each clause of a query matches; this adds them up and ranks
the entries: by BM25F (`ranking`) for one clause, and for several by how many
of the query's distinctive clauses an entry holds first.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

from effects_cli.search.coverage import is_common
from effects_cli.search.ranking import bm25f, idf, proximity_boosts

if TYPE_CHECKING:
    from effects_cli.search.corpus import Corpus
    from effects_cli.search.index import Index

Counts = dict[int, list[float]]
"""Entry: [weighted count in its title, in its text] and, from the index, [in its keywords,
in its related words]."""
LONG_QUERY = 2
"""A query of this many clauses or more ranks first the entries that hold more of them
(`Tally.rank`)."""


class Tally:
    """The clauses of one search, what each entry holds of them, and the ranking they make.

    Scores are BM25F summed over clauses, computed in `rank` only for the entries that
    can make the list: for a query of several clauses, those holding the most (and the
    rarest) of them, which is what ranks first anyway. A long query's common words are
    in thousands of a large guide's entries; scoring them all would cost a query of
    twelve words several times one of two.
    """

    def __init__(self, index: Index, allowed: range, *, long: int) -> None:
        self._index = index
        self._allowed = allowed
        """The entries that may be hits: those of the section searched."""
        self._long = long >= LONG_QUERY
        """Whether the query has several clauses: then entries holding more come first."""
        self._parts: list[list[Any]] = []
        """Each clause's [counts, idf, counts of the very form typed, their idf]."""
        self.held: dict[int, int] = {}
        """How many of the query's distinctive clauses each entry holds (in its title, text
        or keywords)."""
        self.rarity: dict[int, float] = {}
        """The summed rarity (inverse document frequency) of the clauses counted in ``held``."""
        self.scores: dict[int, float] = {}
        """The BM25F (with proximity) of the entries `rank` scored."""
        self.total = 0
        """How many allowed entries hold any clause (set by `rank`)."""
        self._matched: list[tuple[Collection[int], Collection[str]]] = []
        """Entries and the guide words they matched by, clause by clause (`matched`)."""
        self.clause_words: list[set[str]] = []
        """The guide words of each clause, in query order, for proximity."""

    def add_clause(self, counts: Counts, words: set[str]) -> set[int]:
        """Add one clause of the query: the entries holding it, with their counts.

        Returns the entries (of the whole guide) that hold it in their own words: their
        titles, texts or keywords, not only their related words.
        """
        entries = self._index.entry_count
        self.clause_words.append(words)
        self._parts.append([counts, idf(len(counts), entries), {}, 0.0])
        own = {doc for doc, found in counts.items() if found[0] or found[1] or _listed(found)}
        if not is_common(len(own), entries):
            held, rarity = self.held, self.rarity
            weight = idf(len(own), entries)
            for doc in own:
                held[doc] = held.get(doc, 0) + 1
                rarity[doc] = rarity.get(doc, 0.0) + weight
        return own

    def add_score(self, counts: Counts) -> None:
        """Score the last clause again, as its very form: the score grows, the clauses an
        entry holds do not."""
        if counts:
            self._parts[-1][2:] = [counts, idf(len(counts), self._index.entry_count)]

    def note_matched(self, docs: Collection[int], words: Collection[str]) -> None:
        """Remember that these entries matched by these guide words (read back only for the
        hits shown)."""
        self._matched.append((docs, words))

    def matched(self, doc: int) -> set[str]:
        """The guide words an entry matched by: what its hit highlights."""
        return {word for docs, words in self._matched if doc in docs for word in words}

    def rank(self, corpus: Corpus, limit: int | None) -> list[int]:
        """The best ``limit`` entries (all for None), best first, ties in guide order.

        For a query of several clauses, those holding more of its distinctive clauses come
        first, and of those holding as many, those holding the rarer ones ("nutrition"
        before "advice"): one rare word does not beat an entry holding most of the words,
        nor does a common word in a title beat a rare one in keywords. Then BM25F, raised
        for the clauses standing close together.
        """
        allowed = self._allowed
        holding = set().union(*(part[0] for part in self._parts))
        if len(allowed) < self._index.entry_count:
            holding = {doc for doc in holding if doc in allowed}
        self.total = len(holding)
        if not self._long:
            self.scores = self._score(holding)
            return self._best(holding, limit, lambda doc: (-self.scores[doc], doc))
        held, rarity = self.held, self.rarity
        if len(allowed) < self._index.entry_count:
            held = {doc: count for doc, count in held.items() if doc in allowed}
        # Entries holding a distinctive clause rank above all others: when there are enough
        # of them, the others need no look.
        pool = held if limit is not None and len(held) >= limit else holding
        coverage = {doc: (-held.get(doc, 0), -rarity.get(doc, 0.0)) for doc in pool}
        candidates: Collection[int] = pool
        if limit is not None and len(coverage) > limit:
            last = heapq.nsmallest(limit, coverage.values())[-1]
            candidates = [doc for doc, value in coverage.items() if value <= last]
        scores = self.scores = self._score(candidates)
        clauses = {doc: sum(doc in part[0] for part in self._parts) for doc in candidates}
        boosts = proximity_boosts(corpus, scores, clauses, self.clause_words)
        for doc, boost in boosts.items():
            scores[doc] *= boost
        return self._best(candidates, limit, lambda doc: (*coverage[doc], -scores[doc], doc))

    def _score(self, docs: Collection[int]) -> dict[int, float]:
        """The BM25F of these entries, summed over the clauses (and very forms) they hold."""
        scores = dict.fromkeys(docs, 0.0)
        lengths = self._index.lengths
        for counts, weight, very, very_weight in self._parts:
            for found, worth in ((counts, weight), (very, very_weight)):
                if len(found) > len(scores):
                    found = {doc: found[doc] for doc in scores if doc in found}
                elif len(scores) < self._index.entry_count:
                    found = {doc: value for doc, value in found.items() if doc in scores}
                for doc, value in bm25f(found, lengths):
                    scores[doc] += worth * value
        return scores

    @staticmethod
    def _best(
        docs: Collection[int], limit: int | None, key: Callable[[int], tuple[float, ...]]
    ) -> list[int]:
        if limit is None or limit >= len(docs):
            return sorted(docs, key=key)
        # The best few of thousands: a heap compares each once, a sort each many times.
        return heapq.nsmallest(limit, docs, key=key)


def _listed(counts: list[float]) -> bool:
    """Whether weighted counts include a keyword."""
    return len(counts) > 2 and bool(counts[2])
