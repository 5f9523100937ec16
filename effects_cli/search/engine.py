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
from effects_cli.search.coverage import Clause, is_common, related_entries, verdict
from effects_cli.search.function_words import FUNCTION_WORDS
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
"""Entry: [weighted count in its title, in its text] and, from the index, [in its keywords,
in its related words]."""
LONG_QUERY = 2
"""A query of this many clauses or more ranks first the entries that hold more of them
(`_Tally.best`)."""


def search(
    corpus: Corpus,
    query: Query,
    *,
    index: Index | None = None,
    section: int | None = None,
    limit: int | None = None,
) -> Results:
    """Every entry matching ``query``, best first, ties in guide order; none when the
    guide does not cover it (`coverage`: then ``Results.not_covered``, with entries
    related to the missing words).

    ``index`` is the guide's `Index` (built here when not given); ``section``
    keeps the hits to that section and its sub-points; ``limit`` keeps the best
    so many (snippets are made for those alone: on a large guide, most of the work).
    """
    index = index if index is not None else Index.build(corpus)
    words = _Words(index)
    loose = content_words(query)
    tally = _Tally(index, corpus.docs_of(section), long=len(loose) + len(query.phrases))
    clauses: list[Clause] = []
    related: dict[int, float] = {}

    parts_of = dict(query.compounds)
    for word in loose:
        # A compound matches whole ("self-help", "#SelfHelp", "selfhelp") or by its parts
        # in order ("self help"), whichever an entry holds; only when neither is anywhere
        # is it taken for a typo.
        parts = [forms.exact_forms(index, part) for part in parts_of.get(word, ())]
        by_parts = phrase_counts(index, corpus, parts) if parts else {}
        expansions = telling_forms(index, word)
        if not expansions and not by_parts:
            expansions = words.expansions(word)  # of the word a typo stands for, if any
        # Forms are alternatives: an entry counts by its best one, not by how many it
        # uses, or "celebrate, celebrating, celebrations" would outweigh "celebrities"
        # for "celebrity".
        weighted: _Counts = {}
        for guide_word, weight in expansions.items():
            for doc, *counts in index.postings(guide_word):
                weighed = [weight * count for count in counts]
                best = weighted.get(doc)
                if best is None or mass(weighed) > mass(best):
                    weighted[doc] = weighed
        # A compound's whole form and its parts stand in the same place where both are
        # found ("goal-setting" in a text is "goal setting" too): each field counts by the
        # more of the two, so that a title "Goal Setting" adds to a text's "goal-setting".
        for doc, counts in by_parts.items():
            whole = weighted.get(doc)
            weighted[doc] = counts if whole is None else _most(whole, counts)
        own = tally.add_clause(weighted, set(expansions))
        if not own:
            _relate(related, weighted, index.entry_count)
        # A word the guide lacks but lists as related to an entry is a real word, known
        # without the word list.
        real = bool(own or weighted) or words.is_real(word)
        clauses.append(Clause(words.searched_as(word), len(own), real))
        if by_parts:
            tally.note_matched(by_parts, set().union(*parts))
        # The very form typed (or its correction) is scored again on its own, with its
        # own rarity: "celebrities" must beat "celebrate", which shares its stem.
        # Keywords are not scored again: the entry's own words rank first.
        exact = words.searched_as(word)
        if expansions.get(exact) == forms.EXACT_WEIGHT:
            own_counts = {doc: [title, text] for doc, title, text, *_ in index.postings(exact)}
            tally.add_score({doc: counts for doc, counts in own_counts.items() if any(counts)})
        tally.note_matched(weighted, expansions)

    for phrase in query.phrases:
        phrase_forms = [set(words.same_forms(word)) for word in phrase]
        counted = phrase_counts(index, corpus, phrase_forms)
        own = tally.add_clause(counted, phrase_forms[0])
        clauses.append(Clause(" ".join(phrase), len(own), real=False))
        tally.note_matched(counted, set().union(*phrase_forms))

    answer = verdict(clauses, index.entry_count, _frequency)
    missing = tuple(dict.fromkeys(words.unknown))
    if not answer.covered:
        return Results(
            [],
            words.corrections,
            missing,
            0,
            _suggestions(index, words, missing),
            not_covered=True,
            absent=answer.absent,
            common=answer.common,
            related=tuple(corpus.entry(doc) for doc in related_entries(related)),
        )
    tally.boost_proximity(corpus)
    ranked = tally.best(limit)
    hits = [_hit(corpus.entry(doc), tally.scores[doc], tally.matched[doc]) for doc in ranked]
    suggested = _suggestions(index, words, missing) if not hits else ()
    return Results(hits, words.corrections, missing, len(tally.scores), suggested)


def content_words(query: Query) -> tuple[str, ...]:
    """The loose words of a query that say what it is about: all but `FUNCTION_WORDS`,
    unless that leaves nothing to search (then the words as typed)."""
    content = tuple(word for word in query.words if word not in FUNCTION_WORDS)
    return content if content or query.phrases else query.words


def telling_forms(index: Index, word: str) -> dict[str, float]:
    """`forms.expansions` of a word, less the other words that stand in almost every entry:
    those tell nothing, and "mediation" is not about "media" (which begins its stem)."""
    entries = index.entry_count
    return {
        form: weight
        for form, weight in forms.expansions(index, word).items()
        if form == word or not is_common(index.count(form), entries)
    }


def _frequency(word: str) -> float:
    """How common a word is in English (`english.frequency`)."""
    from effects_cli.search.english import frequency  # asked only of half-missing queries

    return frequency(word)


def _relate(related: dict[int, float], weighted: _Counts, entries: int) -> None:
    """Add to the related entries those listing a word the guide does not otherwise hold."""
    listed = {doc: counts[3] for doc, counts in weighted.items() if len(counts) > 3}
    weight = idf(len(listed), entries)
    for doc, count in listed.items():
        if count:
            related[doc] = related.get(doc, 0.0) + weight * count


def _suggestions(index: Index, words: _Words, missing: tuple[str, ...]) -> tuple[str, ...]:
    """Guide words the reader may have meant by the non-words that matched nothing."""
    from effects_cli.search.typos import suggestions  # loaded only when nothing matched

    guesses = tuple(word for word in missing if word not in words.real)
    return suggestions(index, words.corrections, guesses)


class _Tally:
    """The scores of one search, added up clause by clause, and what each entry matched."""

    def __init__(self, index: Index, allowed: range, *, long: int) -> None:
        self._index = index
        self._allowed = allowed
        """The entries that may score: those of the section searched."""
        self._long = long >= LONG_QUERY
        """Whether the query is long: then entries holding more of its clauses come first."""
        self.held: dict[int, int] = {}
        """How many of the query's distinctive clauses each entry holds (in its title, text
        or keywords)."""
        self.rarity: dict[int, float] = {}
        """The summed rarity (inverse document frequency) of the clauses counted in ``held``."""
        self.scores: dict[int, float] = {}
        """Each scored entry's BM25F, summed over the clauses it holds."""
        self.clauses: dict[int, int] = {}
        """How many of the query's clauses each scored entry holds."""
        self.matched: dict[int, set[str]] = {}
        """The guide words each scored entry matched by: what its hit highlights."""
        self.clause_words: list[set[str]] = []
        """The guide words of each clause, in query order, for proximity."""

    def add_clause(self, counts: _Counts, words: set[str]) -> set[int]:
        """Add one clause of the query: its BM25F to the allowed entries that hold it.

        Returns the entries (of the whole guide) that hold it in their own words: their
        titles, texts or keywords, not only their related words.
        """
        self.clause_words.append(words)
        self._add(counts, new_clause=True)
        own = {doc for doc, found in counts.items() if found[0] or found[1] or _listed(found)}
        if not is_common(len(own), self._index.entry_count):
            held, rarity = self.held, self.rarity
            weight = idf(len(own), self._index.entry_count)
            for doc in own:
                held[doc] = held.get(doc, 0) + 1
                rarity[doc] = rarity.get(doc, 0.0) + weight
        return own

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
        """The best ``limit`` entries (all for None), best first, ties in guide order.

        For a query of several clauses, those holding more of its distinctive clauses come
        first, and of those holding as many, those holding the rarer ones ("nutrition"
        before "advice"): one rare word does not beat an entry holding most of the words,
        nor does a common word in a title beat a rare one in keywords.
        """
        scores = self.scores
        if self._long:
            held, rarity = self.held, self.rarity
            return sorted(
                scores,
                key=lambda doc: (-held.get(doc, 0), -rarity.get(doc, 0.0), -scores[doc], doc),
            )[:limit]
        return sorted(scores, key=lambda doc: (-scores[doc], doc))[:limit]


def _most(counts: list[float], others: list[float]) -> list[float]:
    """Field by field, the larger of two sets of counts (the shorter padded with none)."""
    longer, shorter = (counts, others) if len(counts) >= len(others) else (others, counts)
    return [
        max(value, shorter[at]) if at < len(shorter) else value for at, value in enumerate(longer)
    ]


def _listed(counts: list[float]) -> bool:
    """Whether weighted counts include a keyword."""
    return len(counts) > 2 and bool(counts[2])


class _Words:
    """The query's words as searched: as typed, or as the guide's closest word when found
    nowhere, keeping the corrections made and the words that had none."""

    def __init__(self, index: Index) -> None:
        self._index = index
        self.corrections: dict[str, str] = {}
        """Each misspelt query word, and the guide word searched instead."""
        self.unknown: list[str] = []
        """The query words found nowhere that had no close word (or were not guessed at)."""
        self.real: set[str] = set()
        """Of those, the real words (never taken for misspellings)."""

    def is_real(self, word: str) -> bool:
        """Whether a word found nowhere in the guide is a real word (`english.is_word`)."""
        if word in self.real:
            return True
        from effects_cli.search.english import is_word  # for words the guide lacks only

        if is_word(word):
            self.real.add(word)
            return True
        return False

    def expansions(self, word: str) -> dict[str, float]:
        """`forms.expansions` of a loose word, or of its correction."""
        return self._resolve(word, lambda found: telling_forms(self._index, found))

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
            from effects_cli.search.typos import MAX_GUESSES, MIN_TYPO, closest  # unknown words

            # Each guess reads the whole vocabulary: a pasted page of unknown words must
            # not take seconds, so only the first few are guessed at. A real word is never
            # taken for a misspelling: "depression" is not a slip of "expression".
            guessed = len(self.corrections) + len(self.unknown)
            close = (
                closest(self._index, word)
                if guessed < MAX_GUESSES and len(word) >= MIN_TYPO and not self.is_real(word)
                else None
            )
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
