"""Keyword search over a guide: BM25F ranking and snippets around the matches.

Each section and sub-point is one document with two fields, its title and its
text. A query word matches a word of the guide case-insensitively, either
exactly or, for query words of four letters or more, as its prefix
(``stigma`` finds ``stigmatize``), a prefix match counting for less. Scores
are BM25F: titles weigh more than body text, and lengths are normalised so
that a short sub-point and a longer section compete fairly. Ties keep guide
order. Pure functions over the model: nothing here prints.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass

from effects_cli.model import Entry, Guide

_WORD = re.compile(r"\w+")

K1 = 1.2
"""BM25 term-frequency saturation."""
TITLE_B, TEXT_B = 0.5, 0.75
"""BM25F length normalisation per field."""
TITLE_WEIGHT, TEXT_WEIGHT = 3.0, 1.0
"""A word in a title counts three times one in the text."""
PREFIX_WEIGHT = 0.6
"""A word found only as the start of a longer word counts for less."""
MIN_PREFIX = 4
"""Query words shorter than this match whole words only."""
SNIPPET_WIDTH = 140
"""About two lines of an 80-column terminal, after the indent."""
SNIPPET_LEAD = 40
"""Context kept before the first match of a snippet, when no sentence starts nearer."""
SENTENCE_REACH = 70
"""How far back a snippet may start, to begin with its sentence."""


@dataclass(frozen=True, slots=True)
class Snippet:
    """A window of an entry's text, with the spans of the matched words in it."""

    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked search result."""

    entry: Entry
    score: float
    snippet: Snippet
    title_spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    word: str


def tokenize(text: str) -> list[_Token]:
    """The words of ``text`` with their places; words are compared case-folded."""
    return [_Token(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text)]


def query_words(query: str) -> list[str]:
    """The distinct words of a query, in the order typed."""
    return list(dict.fromkeys(token.word for token in tokenize(query)))


class Index:
    """An inverted index of a guide's sections and sub-points."""

    def __init__(self, guide: Guide) -> None:
        self.entries: list[Entry] = list(guide.entries())
        self._titles = [tokenize(entry.title) for entry in self.entries]
        self._texts = [tokenize(entry.text) for entry in self.entries]
        self._postings: dict[str, list[tuple[int, int, int]]] = {}
        for doc, (title, text) in enumerate(zip(self._titles, self._texts, strict=True)):
            title_counts = Counter(token.word for token in title)
            text_counts = Counter(token.word for token in text)
            for word in title_counts.keys() | text_counts.keys():
                self._postings.setdefault(word, []).append(
                    (doc, title_counts[word], text_counts[word])
                )
        self._vocabulary = sorted(self._postings)
        count = max(len(self.entries), 1)
        self._title_average = sum(map(len, self._titles)) / count or 1.0
        self._text_average = sum(map(len, self._texts)) / count or 1.0

    def expansions(self, query_word: str) -> dict[str, float]:
        """The guide's words a query word matches, each with the weight of the match."""
        found = {query_word: 1.0} if query_word in self._postings else {}
        if len(query_word) >= MIN_PREFIX:
            start = bisect.bisect_left(self._vocabulary, query_word)
            for word in self._vocabulary[start:]:
                if not word.startswith(query_word):
                    break
                found.setdefault(word, PREFIX_WEIGHT)
        return found

    def search(self, query: str) -> list[Hit]:
        """Every entry matching any word of ``query``, best first, ties in guide order."""
        scores: dict[int, float] = {}
        matched: dict[int, set[str]] = {}
        total = len(self.entries)
        for query_word in query_words(query):
            weighted: dict[int, list[float]] = {}
            for word, weight in self.expansions(query_word).items():
                for doc, title_count, text_count in self._postings[word]:
                    counts = weighted.setdefault(doc, [0.0, 0.0])
                    counts[0] += weight * title_count
                    counts[1] += weight * text_count
                    matched.setdefault(doc, set()).add(word)
            if not weighted:
                continue
            idf = math.log(1 + (total - len(weighted) + 0.5) / (len(weighted) + 0.5))
            for doc, (title_count, text_count) in weighted.items():
                frequency = TITLE_WEIGHT * title_count / self._norm(
                    len(self._titles[doc]), self._title_average, TITLE_B
                ) + TEXT_WEIGHT * text_count / self._norm(
                    len(self._texts[doc]), self._text_average, TEXT_B
                )
                scores[doc] = scores.get(doc, 0.0) + idf * frequency / (K1 + frequency)
        ranked = sorted(scores, key=lambda doc: (-scores[doc], doc))
        return [
            Hit(
                entry=self.entries[doc],
                score=scores[doc],
                snippet=make_snippet(self.entries[doc].text, self._texts[doc], matched[doc]),
                title_spans=_spans(self._titles[doc], matched[doc]),
            )
            for doc in ranked
        ]

    @staticmethod
    def _norm(length: int, average: float, b: float) -> float:
        return 1 - b + b * length / average


def search(guide: Guide, query: str) -> list[Hit]:
    """Search ``guide`` for ``query``; see `Index.search`."""
    return Index(guide).search(query)


def make_snippet(
    text: str, tokens: list[_Token], words: set[str], width: int = SNIPPET_WIDTH
) -> Snippet:
    """The window of about ``width`` characters of ``text`` that shows most of ``words``.

    The window starts a little before its first match (at a sentence start
    when one is near), ends on a word boundary, is marked with an ellipsis
    where it cuts the text, and has its blank space collapsed to single spaces.
    """
    hits = [index for index, token in enumerate(tokens) if token.word in words]
    if not hits:
        start = 0
    else:
        best = max(hits, key=lambda first: _window_value(tokens, hits, first, width))
        start = _window_start(text, tokens[best].start)
    end = start + width
    if end >= len(text):
        end = len(text)
    else:
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    return _clip(text, start, end, words)


def _window_value(
    tokens: list[_Token], hits: list[int], first: int, width: int
) -> tuple[int, int, int]:
    """Rank a window beginning at match ``first``: distinct words, then matches, then earliness."""
    limit = tokens[first].start + width - SNIPPET_LEAD
    inside = [tokens[i].word for i in hits if i >= first and tokens[i].end <= limit]
    return (len(set(inside)), len(inside), -first)


def _window_start(text: str, match_start: int) -> int:
    """Where a window showing ``match_start`` begins: its sentence's start if near, else a word."""
    if match_start <= SENTENCE_REACH:
        return 0
    reach = match_start - SENTENCE_REACH
    sentence = max(text.rfind(". ", reach, match_start), text.rfind("\n", reach, match_start))
    if sentence != -1:
        return sentence + 1 + (text[sentence] == ".")
    space = text.find(" ", match_start - SNIPPET_LEAD, match_start)
    return space + 1 if space != -1 else match_start


def _clip(text: str, start: int, end: int, words: set[str]) -> Snippet:
    """Cut ``text[start:end]``, collapse its blank space and add ellipses where it was cut."""
    body = " ".join(text[start:end].split())
    clipped = ("\u2026" if start > 0 else "") + body + ("\u2026" if end < len(text) else "")
    return Snippet(clipped, _spans(tokenize(clipped), words))


def _spans(tokens: list[_Token], words: set[str]) -> tuple[tuple[int, int], ...]:
    return tuple((token.start, token.end) for token in tokens if token.word in words)
