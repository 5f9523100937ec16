"""Word search: a parsed query scored against a guide's index, best entries first.

Each loose word and each phrase of the query is one clause. A clause's
entries are scored with BM25F (`ranking`) by the best of the guide words it
matches (`forms`), or by the word a typo stands for (`typos`); scores add up
over clauses, entries holding several clauses close together are raised,
and the best entries become hits with snippets (`snippets`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from effects_cli.search import forms
from effects_cli.search.index import Index
from effects_cli.search.ranking import bm25f, idf, mass, phrase_counts, proximity_boosts
from effects_cli.search.results import Hit, Results
from effects_cli.search.snippets import make_snippet, spans
from effects_cli.search.text import tokenize

if TYPE_CHECKING:
    from effects_cli.model import Entry
    from effects_cli.search.corpus import Corpus
    from effects_cli.search.query import Query

_Counts = dict[int, list[float]]
"""Entry: [weighted count in its title, in its text]."""


def search(
    corpus: Corpus,
    query: Query,
    *,
    index: Index | None = None,
    section: int | None = None,
    limit: int | None = None,
) -> Results:
    """Every entry matching ``query``, best first, ties in guide order.

    ``index`` is the guide's `Index` (built here when not given); ``section``
    keeps the hits to that section and its sub-points; ``limit`` keeps the best
    so many (snippets are made for those alone: on a large guide, most of the work).
    """
    index = index if index is not None else Index.build(corpus)
    tally = _Tally(index, corpus.docs_of(section))
    words = _Words(index)

    parts_of = dict(query.compounds)
    for word in query.words:
        # A compound matches whole ("self-help", "#SelfHelp", "selfhelp") or by its parts
        # in order ("self help"), whichever an entry holds; only when neither is anywhere
        # is it taken for a typo.
        parts = [forms.exact_forms(index, part) for part in parts_of.get(word, ())]
        # Entries that hold the whole form count by it already (and hold its parts, in
        # order, where the compound stands): only the others are read for the parts.
        by_parts = phrase_counts(index, corpus, parts, index.docs(word)) if parts else {}
        expansions = forms.expansions(index, word)
        if not expansions and not by_parts:
            expansions = words.expansions(word)  # of the word a typo stands for, if any
        # Forms are alternatives: an entry counts by its best one, not by how many it
        # uses, or "celebrate, celebrating, celebrations" would outweigh "celebrities"
        # for "celebrity".
        weighted: _Counts = dict(by_parts)
        for guide_word, weight in expansions.items():
            for doc, title_count, text_count in index.postings(guide_word):
                counts = [weight * title_count, weight * text_count]
                best = weighted.get(doc)
                if best is None or mass(counts) > mass(best):
                    weighted[doc] = counts
        tally.add_clause(weighted, set(expansions))
        if by_parts:
            tally.note_matched(by_parts, set().union(*parts))
        # The very form typed (or its correction) is scored again on its own, with its
        # own rarity: "celebrities" must beat "celebrate", which shares its stem.
        exact = words.searched_as(word)
        if expansions.get(exact) == forms.EXACT_WEIGHT:
            tally.add_score({doc: [t, x] for doc, t, x in index.postings(exact)})
        tally.note_matched(weighted, expansions)

    for phrase in query.phrases:
        phrase_forms = [set(words.same_forms(word)) for word in phrase]
        counted = phrase_counts(index, corpus, phrase_forms)
        tally.add_clause(counted, phrase_forms[0])
        tally.note_matched(counted, set().union(*phrase_forms))

    tally.boost_proximity(corpus)
    ranked = tally.best(limit)
    hits = [_hit(corpus.entry(doc), tally.scores[doc], tally.matched[doc]) for doc in ranked]
    missing = tuple(dict.fromkeys(words.unknown))
    suggested: tuple[str, ...] = ()
    if not hits:
        from effects_cli.search.typos import suggestions  # loaded only when nothing matched

        suggested = suggestions(index, words.corrections, missing)
    return Results(hits, words.corrections, missing, len(tally.scores), suggested)


class _Tally:
    """The scores of one search, added up clause by clause, and what each entry matched."""

    def __init__(self, index: Index, allowed: range) -> None:
        self._index = index
        self._allowed = allowed
        """The entries that may score: those of the section searched."""
        self.scores: dict[int, float] = {}
        """Each scored entry's BM25F, summed over the clauses it holds."""
        self.clauses: dict[int, int] = {}
        """How many of the query's clauses each scored entry holds."""
        self.matched: dict[int, set[str]] = {}
        """The guide words each scored entry matched by: what its hit highlights."""
        self.clause_words: list[set[str]] = []
        """The guide words of each clause, in query order, for proximity."""

    def add_clause(self, counts: _Counts, words: set[str]) -> None:
        """Add one clause of the query: its BM25F to the allowed entries that hold it."""
        self.clause_words.append(words)
        self._add(counts, new_clause=True)

    def add_score(self, counts: _Counts) -> None:
        """Score the last clause again (as its very form): the score grows, the clause count
        does not."""
        self._add(counts, new_clause=False)

    def _add(self, counts: _Counts, *, new_clause: bool) -> None:
        if not counts:
            return
        weight = idf(len(counts), self._index.entry_count)
        scores, clauses, allowed = self.scores, self.clauses, self._allowed
        for doc, value in bm25f(counts, self._index.lengths):
            if doc in allowed:
                scores[doc] = scores.get(doc, 0.0) + weight * value
                clauses[doc] = clauses.get(doc, 0) + new_clause

    def note_matched(self, docs: Collection[int], words: Collection[str]) -> None:
        """Remember that these entries (the allowed ones) matched by these guide words."""
        for doc in docs:
            if doc in self._allowed:
                self.matched.setdefault(doc, set()).update(words)

    def boost_proximity(self, corpus: Corpus) -> None:
        """Raise the best entries whose clauses stand close together (with two clauses or more)."""
        if len(self.clause_words) > 1:
            boosts = proximity_boosts(corpus, self.scores, self.clauses, self.clause_words)
            for doc, boost in boosts.items():
                self.scores[doc] *= boost

    def best(self, limit: int | None) -> list[int]:
        """The best ``limit`` entries (all for None), best first, ties in guide order."""
        scores = self.scores
        return sorted(scores, key=lambda doc: (-scores[doc], doc))[:limit]


class _Words:
    """The query's words as searched: as typed, or as the guide's closest word when found
    nowhere, keeping the corrections made and the words that had none."""

    def __init__(self, index: Index) -> None:
        self._index = index
        self.corrections: dict[str, str] = {}
        """Each misspelt query word, and the guide word searched instead."""
        self.unknown: list[str] = []
        """The query words found nowhere that had no close word (or were not guessed at)."""

    def expansions(self, word: str) -> dict[str, float]:
        """`forms.expansions` of a loose word, or of its correction."""
        return self._resolve(word, lambda found: forms.expansions(self._index, found))

    def same_forms(self, word: str) -> dict[str, float]:
        """`forms.exact_forms` of a word of a phrase (or of its correction), each weighing
        as the word itself."""
        return self._resolve(
            word,
            lambda found: dict.fromkeys(forms.exact_forms(self._index, found), forms.EXACT_WEIGHT),
        )

    def _resolve(self, word: str, find: Callable[[str], dict[str, float]]) -> dict[str, float]:
        """What ``find`` gives for ``word``, or for the guide's closest word when nothing."""
        found = find(word)
        if not found:
            from effects_cli.search.typos import MAX_GUESSES, closest  # for unknown words only

            # Each guess reads the whole vocabulary: a pasted page of unknown words must
            # not take seconds, so only the first few are guessed at.
            guessed = len(self.corrections) + len(self.unknown)
            close = closest(self._index, word) if guessed < MAX_GUESSES else None
            if close is None:
                self.unknown.append(word)
            else:
                self.corrections[word] = close
                found = find(close)
        return found

    def searched_as(self, word: str) -> str:
        """The word searched for ``word``: its correction, if it had one."""
        return self.corrections.get(word, word)


def _hit(entry: Entry, score: float, words: set[str]) -> Hit:
    return Hit(
        entry=entry,
        score=score,
        snippet=make_snippet(entry.text, tokenize(entry.text), words),
        title_spans=spans(tokenize(entry.title), words),
    )
