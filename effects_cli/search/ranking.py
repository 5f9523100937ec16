"""How entries score: BM25F over titles, texts and keywords, phrase counts, and proximity.

Plain functions over plain data (counts, lengths, texts), as whoosh keeps
its scoring beside its index rather than in it; `engine` adds them up.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from effects_cli.search.text import APOSTROPHE, positions

if TYPE_CHECKING:
    from effects_cli.search.corpus import Corpus
    from effects_cli.search.index import FieldLengths, Index

K1 = 1.2
"""BM25 term-frequency saturation."""
TITLE_B, TEXT_B = 0.5, 0.75
"""BM25F length normalisation per field."""
TITLE_WEIGHT, TEXT_WEIGHT = 3.0, 1.0
"""A word in a title counts three times one in the text."""
KEYWORD_WEIGHT, RELATED_WEIGHT = 0.4, 0.2
"""A keyword counts less than half a word of the text (of an average length): an entry's
own words rank first. A related word counts less again: the entry helps with it without discussing
it. Neither list is normalised by its length: it is a list of words, not prose."""
PROXIMITY_WEIGHT = 0.5
"""The boost of an entry whose matched words stand next to each other (less when apart)."""
PROXIMITY_CANDIDATES = 50
"""How many of the best entries are checked for proximity; the rest keep their BM25 order."""


def idf(found: int, entries: int) -> float:
    """Inverse document frequency of a term ``found`` in so many of a guide's ``entries``."""
    return math.log(1 + (entries - found + 0.5) / (found + 0.5))


def bm25f(counts: dict[int, list[float]], lengths: FieldLengths) -> Iterator[tuple[int, float]]:
    """BM25F of one query term in each entry of ``counts`` (entry: [title count, text
    count] and, when it has them, [keyword count, related count]), before its inverse
    document frequency.

    Each field's count is weighted and normalised by the field's length, then
    the sum saturates once: ``f / (K1 + f)``. Constants are hoisted out of the
    loop: a common word of a large guide is in thousands of entries.
    """
    titles, texts = lengths.titles, lengths.texts
    title_slope, title_base = TITLE_B / lengths.title_average, 1 - TITLE_B
    text_slope, text_base = TEXT_B / lengths.text_average, 1 - TEXT_B
    for doc, field_counts in counts.items():
        frequency = TITLE_WEIGHT * field_counts[0] / (
            title_base + title_slope * titles[doc]
        ) + TEXT_WEIGHT * field_counts[1] / (text_base + text_slope * texts[doc])
        if len(field_counts) > 2:
            frequency += KEYWORD_WEIGHT * field_counts[2] + RELATED_WEIGHT * field_counts[3]
        yield doc, frequency / (K1 + frequency)


def mass(counts: list[float]) -> float:
    """How much weighted counts (title, text, and perhaps keywords and related words) are
    worth, titles weighing most."""
    value = TITLE_WEIGHT * counts[0] + TEXT_WEIGHT * counts[1]
    if len(counts) > 2:
        value += KEYWORD_WEIGHT * counts[2] + RELATED_WEIGHT * counts[3]
    return value


def phrase_counts(
    index: Index, corpus: Corpus, forms: list[set[str]], skip: set[int] | None = None
) -> dict[int, list[float]]:
    """How often the phrase occurs in each entry's title and text (entries with none left out).

    Candidates are the entries holding every word (but those in ``skip``); each
    is read again to find the words adjacent and in order.
    """
    if not all(forms):
        return {}
    candidates: set[int] | None = None
    for word_forms in forms:
        docs = set().union(*map(index.docs, word_forms))
        candidates = docs if candidates is None else candidates & docs
    docs = sorted((candidates or set()) - (skip or set()))
    fields = [field for doc in docs for field in corpus.fields[doc]]
    found = _count_in_fields(fields, forms)
    return {
        doc: [float(found[2 * at]), float(found[2 * at + 1])]
        for at, doc in enumerate(docs)
        if found[2 * at] or found[2 * at + 1]
    }


_FIELD_BREAK = "\n0\n"
"""Between fields joined for one regular-expression pass: a word no phrase can run across."""


def _count_in_fields(fields: list[str], forms: list[set[str]]) -> list[int]:
    """`_phrase_count` of each field, with one pass of `_phrase_pattern` over all plain ones.

    Fields that are not plain (letters beyond ASCII, hashtags) are read word by
    word instead. A phrase of common words has thousands of candidates on a
    large guide; one pass of the C matcher over them all is what keeps it fast.
    """
    plain: list[str] = []
    odd: list[int] = []
    for number, text in enumerate(fields):
        if "'" in text or not text.isascii():
            text = APOSTROPHE.sub("", text)
        if "#" in text or (not text.isascii() and re.search(_NOT_PLAIN, text)):
            odd.append(number)
            text = ""
        plain.append(text)
    starts: list[int] = []
    at = 0
    for text in plain:
        starts.append(at)
        at += len(text) + len(_FIELD_BREAK)
    counts = [0] * len(fields)
    for match in _phrase_pattern(forms).finditer(_FIELD_BREAK.join(plain).lower()):
        counts[bisect.bisect_right(starts, match.start()) - 1] += 1
    for number in odd:
        counts[number] = _phrase_count(fields[number], forms)
    return counts


def _phrase_pattern(forms: list[set[str]]) -> re.Pattern[str]:
    """A regular expression that finds the phrase in plain ASCII text, at C speed.

    In text without hashtags or letters beyond ASCII, and with apostrophes
    removed (`fold` drops them inside words; elsewhere they join nothing), tokens are
    runs of ``\\w`` and their folded forms are their lower-case letters, so the
    words of a phrase are adjacent exactly when this pattern matches the text
    in lower case (occurrences counted without overlap, as `_phrase_count` does).
    """
    words = [
        "(?:" + "|".join(sorted(map(re.escape, word_forms), key=len, reverse=True)) + ")"
        for word_forms in forms
    ]
    return re.compile(r"\b" + r"\W+".join(words) + r"\b")


_NOT_PLAIN = r"[^\W\x00-\x7f]|#"
"""What `_phrase_pattern` cannot read: a word character beyond ASCII (``fold`` may change
it), or a hashtag (split at its capitals). Punctuation beyond ASCII separates words
either way."""


def _phrase_count(text: str, forms: list[set[str]]) -> int:
    """How often words matching ``forms`` stand adjacent and in order in ``text``."""
    at_position: dict[int, set[str]] = {}
    for position, word in positions(text):
        at_position.setdefault(position, set()).add(word)
    count, free_from = 0, 0
    for start in sorted(at_position):
        if start >= free_from and all(
            at_position.get(start + k, set()) & wanted for k, wanted in enumerate(forms)
        ):
            count += 1
            free_from = start + len(forms)  # occurrences do not overlap
    return count


def proximity_boosts(
    corpus: Corpus,
    scores: dict[int, float],
    clauses: dict[int, int],
    clause_words: list[set[str]],
) -> dict[int, float]:
    """What to multiply the scores of the best entries by, for their words standing close.

    The boost is ``1 + PROXIMITY_WEIGHT * (k - 1) / (span - 1)`` for the
    smallest window of ``span`` words holding ``k`` of the query's clauses:
    next to each other, the full weight; far apart, next to nothing. Only the
    best entries holding more than one clause are read.
    """
    best = sorted((doc for doc in scores if clauses[doc] > 1), key=lambda d: (-scores[d], d))
    boosts: dict[int, float] = {}
    for doc in best[:PROXIMITY_CANDIDATES]:
        title, text = corpus.fields[doc]
        closeness = max(_closeness(title, clause_words), _closeness(text, clause_words))
        boosts[doc] = 1 + PROXIMITY_WEIGHT * closeness
    return boosts


def _closeness(text: str, clause_words: list[set[str]]) -> float:
    """``(k - 1) / (span - 1)`` for the tightest window holding the most clauses, or 0."""
    marks = [
        (position, clause)
        for position, word in positions(text)
        for clause, words in enumerate(clause_words)
        if word in words
    ]
    present = {clause for _, clause in marks}
    if len(present) < 2:
        return 0.0
    tightest = math.inf
    seen: Counter[int] = Counter()
    left = 0
    for position, clause in marks:
        seen[clause] += 1
        while len(seen) == len(present):
            tightest = min(tightest, position - marks[left][0] + 1)
            leaving = marks[left][1]
            seen[leaving] -= 1
            if not seen[leaving]:
                del seen[leaving]
            left += 1
    return (len(present) - 1) / max(tightest - 1, 1)
