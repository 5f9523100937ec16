"""Word search: a parsed query scored against a guide's index, best entries first.

Each loose word that is not a function word, and each phrase of the query, is
one clause. A clause matches the best of the guide words it matches (`forms`),
or the word a typo stands for (`typos`); `tally` adds the clauses up and ranks
the entries, `coverage` says whether the guide covers the query at all, and the
best entries become hits with snippets (`snippets`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from effects_cli.search import forms
from effects_cli.search.coverage import Clause, is_common, related_entries, verdict
from effects_cli.search.function_words import FUNCTION_WORDS
from effects_cli.search.index import Index
from effects_cli.search.ranking import idf, mass, phrase_counts
from effects_cli.search.results import Hit, Results
from effects_cli.search.snippets import make_snippet, spans
from effects_cli.search.tally import Counts, Tally
from effects_cli.search.text import tokenize

if TYPE_CHECKING:
    from effects_cli.model import Entry
    from effects_cli.search.corpus import Corpus
    from effects_cli.search.query import Query


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
    tally = Tally(index, corpus.docs_of(section), long=len(loose) + len(query.phrases))
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
        exact = words.searched_as(word)
        if not by_parts and expansions:
            # A word in almost every entry tells them apart no more than a function word:
            # it neither scores nor counts for proximity (nor is its long list read).
            found = max(map(index.count, expansions))
            if is_common(found, index.entry_count):
                clauses.append(Clause(exact, found))
                continue
        # Forms are alternatives: an entry counts by its best one, not by how many it
        # uses, or "celebrate, celebrating, celebrations" would outweigh "celebrities"
        # for "celebrity". The very form typed (or its correction) is kept apart too, to
        # be scored again below.
        weighted: Counts = {}
        very: Counts = {}
        for guide_word, weight in expansions.items():
            if weight == 1.0 and not weighted:  # the first form, as typed: nothing to compare
                for doc, *counts in index.postings(guide_word):
                    weighted[doc] = counts
                    if counts[0] or counts[1]:
                        very[doc] = counts
                continue
            for doc, *counts in index.postings(guide_word):
                weighed = [weight * count for count in counts]
                best = weighted.get(doc)
                if best is None or mass(weighed) > mass(best):
                    weighted[doc] = weighed
                if guide_word == exact and (counts[0] or counts[1]):
                    very[doc] = counts
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
        if expansions.get(exact) == forms.EXACT_WEIGHT:
            tally.add_score({doc: counts[:2] for doc, counts in very.items()})
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
    ranked = tally.rank(corpus, limit)
    hits = [_hit(corpus.entry(doc), tally.scores[doc], tally.matched(doc)) for doc in ranked]
    suggested = _suggestions(index, words, missing) if not hits else ()
    return Results(hits, words.corrections, missing, tally.total, suggested)


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


def _relate(related: dict[int, float], weighted: Counts, entries: int) -> None:
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


def _most(counts: list[float], others: list[float]) -> list[float]:
    """Field by field, the larger of two sets of counts (the shorter padded with none)."""
    longer, shorter = (counts, others) if len(counts) >= len(others) else (others, counts)
    return [
        max(value, shorter[at]) if at < len(shorter) else value for at, value in enumerate(longer)
    ]


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
