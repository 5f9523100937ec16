"""Search as ``effects browse`` types it: the engine of ``effects search``, one query at a
time, with the line that says how it went. Plain logic: no Textual here.

The guide's index is read (or built) once, by `Finder.prepare`, which the app runs
in the background as soon as the first screen is up, so that the first keystroke
of a search does not wait for it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, NamedTuple

from effects_cli.errors import EffectsError, NoMatch, NotCovered
from effects_cli.escapes import quote
from effects_cli.records import Damaged

if TYPE_CHECKING:
    from effects_cli.guides import GuideSource
    from effects_cli.model import Entry, Guide
    from effects_cli.search.corpus import Corpus
    from effects_cli.search.index import Index
    from effects_cli.search.results import Hit, Results

HITS_LIMIT = 100
"""The most hits a search lists (``effects search`` shows 10 unless told otherwise)."""
PROMPT = 'Type words to search for; quote a phrase: "peer support".'
"""The line under an empty search box."""


class Found(NamedTuple):
    """What one query found: its hits, best first, and the line that says so."""

    query: str
    hits: tuple[Hit, ...] = ()
    status: str = PROMPT
    marks: frozenset[str] = frozenset()
    """The guide's words that matched, as written in it (in lower case): what an opened
    hit marks."""
    related: tuple[Entry, ...] = ()
    """With no hits, because the guide does not cover the words: the entries that list
    them as related, which the list offers instead."""

    @property
    def listed(self) -> tuple[Entry, ...]:
        """The entries the list offers, in its order: the hits', else the related ones."""
        return tuple(hit.entry for hit in self.hits) if self.hits else self.related

    @property
    def noun(self) -> str:
        """What the list offers: ``hit`` or ``related entry``."""
        return "hit" if self.hits else "related entry"


class Finder:
    """The search of one guide, the one on the screen."""

    def __init__(self, source: GuideSource, guide: Guide) -> None:
        self._source = source
        self._guide = guide
        self._lock = threading.Lock()
        self._searchable: tuple[Corpus, Index] | None = None

    def prepare(self) -> None:
        """Read the guide's index from the cache, or build it (and cache it), once.

        A file that changed or went away since the guide was read is not searched:
        the guide on the screen is, with an index built from it.
        """
        with self._lock:
            if self._searchable is not None:
                return
            try:
                corpus, index = self._source.searchable()
            except (EffectsError, Damaged):
                corpus = None
            if corpus is None or not _same_shape(corpus, self._guide):
                self._searchable = self._of_the_guide()
            else:
                self._searchable = corpus, index

    def _of_the_guide(self) -> tuple[Corpus, Index]:
        """The guide on the screen, and an index built from it."""
        from effects_cli.search.corpus import Corpus
        from effects_cli.search.index import Index

        corpus = Corpus.of(self._guide)
        return corpus, Index.build(corpus)

    def find(self, text: str) -> Found:
        """The hits of ``text``, as ``effects search`` ranks them."""
        from effects_cli.search.query import parse_query

        if not text.strip():
            return Found(text)
        query = parse_query(text)
        if not query.terms:
            return Found(text, status=f"{quote(text)} has no words to search for.")
        from effects_cli.search.engine import search

        self.prepare()
        assert self._searchable is not None
        corpus, index = self._searchable
        try:
            results = search(corpus, query, index=index, limit=HITS_LIMIT)
        except Damaged:  # a part of the cache read in place does not check out
            with self._lock:
                self._searchable = corpus, index = self._of_the_guide()
            results = search(corpus, query, index=index, limit=HITS_LIMIT)
        if not results.hits:
            nothing = _nothing(text, results)
            if isinstance(nothing, NotCovered) and nothing.related:  # listed, to be opened
                return Found(
                    text,
                    status=f"Nothing about {quote(text)}; related:",
                    related=tuple(self._guide.lookup(entry.ref) for entry in results.related),
                )
            return Found(text, status=_sentence(nothing))
        return Found(text, tuple(results.hits), _status(results), _marks(results.hits))


def _nothing(text: str, results: Results) -> NoMatch:
    """Why ``text`` found nothing, in the words of ``effects search``: the guide does not
    cover it (perhaps naming related entries), or no match (perhaps with a near word)."""
    if results.not_covered and not results.suggestions:
        related = [(entry.ref, entry.title) for entry in results.related]
        return NotCovered(text, related=related, common=not results.absent)
    return NoMatch(text, suggestions=list(results.suggestions))


def _sentence(error: NoMatch) -> str:
    message = str(error)
    return message[0].upper() + message[1:] + ("" if message.endswith(("?", ".")) else ".")


def _same_shape(corpus: Corpus, guide: Guide) -> bool:
    """Whether ``corpus`` has the sections and sub-points of ``guide`` (and not those of a
    file edited since)."""
    starts = [0]
    for section in guide.sections:
        starts.append(starts[-1] + 1 + len(section.points))
    return corpus.starts == starts


def _status(results: Results) -> str:
    """``4 hits``, ``100 of 1,234 hits``, after the words searched instead of typos."""
    shown, found = len(results.hits), results.found
    count = f"{shown:,} of {found:,} hits" if found > shown else _plural(shown, "hit")
    corrected = "".join(
        f"No match for {quote(typed)}; showing results for {quote(used)}. "
        for typed, used in results.corrections.items()
    )
    return f"{corrected}{count}"


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def _marks(hits: list[Hit]) -> frozenset[str]:
    """The words the hits' titles and snippets mark, in lower case."""
    words: set[str] = set()
    for hit in hits:
        words.update(hit.entry.title[start:end].lower() for start, end in hit.title_spans)
        words.update(hit.snippet.text[start:end].lower() for start, end in hit.snippet.spans)
    words.discard("")
    return frozenset(words)
