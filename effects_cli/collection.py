"""Work across all the guides: list them with their titles, and search them on one scale.

`listing` reads each guide of the folders (`effects_cli.library`) for ``effects
guides``; a guide that cannot be read is listed with its first problem and never
hides the others. `Everything` puts the entries of every readable guide in one
search corpus, so that BM25's statistics (how rare a word is, how long an entry
is) are taken over all of them and scores compare across guides; its index is
cached under the stamps of all the files, and each hit knows its guide's name.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from effects_cli import cache
from effects_cli.errors import GuideError
from effects_cli.guides import GuideSource
from effects_cli.library import Shelf, Shelved, file_problem

T = TypeVar("T")

if TYPE_CHECKING:
    from effects_cli.model import Entry
    from effects_cli.search.corpus import Corpus
    from effects_cli.search.index import Index


class Listed(NamedTuple):
    """A guide of the folders as ``effects guides`` shows it."""

    shelved: Shelved
    title: str | None = None
    sections: int = 0
    points: int = 0
    problem: str | None = None
    """Why it cannot be read: its first problem, without the file's name."""


def listing(shelf: Shelf, *, use_cache: bool = True, max_bytes: int | None = None) -> list[Listed]:
    """Every guide of the shelf, read (from the cache when fresh) for its title and size."""
    listed = []
    for shelved in shelf.guides:
        if shelved.shadowed_by is not None or shelved.problem is not None:
            listed.append(Listed(shelved, problem=shelved.problem))
            continue
        try:
            guide = GuideSource(shelved.path, use_cache, max_bytes).guide()
        except GuideError as error:
            listed.append(Listed(shelved, problem=problem_of(error)))
            continue
        points = sum(len(section.points) for section in guide.sections)
        listed.append(Listed(shelved, guide.title, len(guide.sections), points))
    return listed


def problem_of(error: GuideError) -> str:
    """A guide's problem without its file's name: ``line 3, column 5: section 1: text: missing``."""
    where = ""
    if error.line is not None:
        where = f"line {error.line}" + (f", column {error.column}" if error.column else "") + ": "
    field = f"{error.field}: " if error.field else ""
    return f"{where}{field}{error.problem}"


class Skipped(NamedTuple):
    """A guide left out of a search of them all, and why."""

    name: str
    problem: str


class Everything:
    """The entries of every readable guide of a shelf, as one search corpus: searched as a
    `GuideSource` is (`corpus`, `searchable`, `reread`).

    Entry numbers run through the guides in shelf order (the bundled guide
    first); `name_of` tells which guide a hit's entry came from.
    """

    def __init__(self, shelf: Shelf, *, use_cache: bool = True, max_bytes: int | None = None):
        self.names: list[str] = []
        self.skipped: list[Skipped] = []
        self._sources: list[GuideSource] = []
        self._corpora: list[Corpus] = []
        self._stamps: list[object] = []
        for shelved in shelf.guides:
            if shelved.shadowed_by is not None:
                continue
            source = GuideSource(shelved.path, use_cache, max_bytes)
            # Stamped before it is read: a file that changes meanwhile has another stamp
            # by the next run, so an index of what was read is never served for it.
            stamp = cache.file_stamp(shelved.path) if use_cache else None
            try:
                problem = shelved.problem or file_problem(shelved.path, max_bytes)
                if problem is not None:
                    raise GuideError(str(shelved.path), problem)
                corpus = source.corpus()
            except GuideError as error:
                self.skipped.append(Skipped(shelved.name, str(error)))
                continue
            self.names.append(shelved.name)
            self._sources.append(source)
            self._corpora.append(corpus)
            self._stamps.append(stamp)
        self._firsts = [0]
        for corpus in self._corpora:
            self._firsts.append(self._firsts[-1] + len(corpus))
        self._made: dict[int, tuple[Entry, str]] = {}
        self.use_cache = use_cache

    def corpus(self) -> Corpus:
        """One corpus of all the guides' entries, each made (and named) when a hit needs it."""
        from effects_cli.search.corpus import Corpus

        starts = [
            first + start
            for first, corpus in zip(self._firsts[:-1], self._corpora, strict=True)
            for start in corpus.starts[:-1]
        ]
        return Corpus(
            _Chained([corpus.fields for corpus in self._corpora], self._firsts),
            [*starts, self._firsts[-1]],
            self._entry,
            keywords=_Chained([corpus.keywords for corpus in self._corpora], self._firsts),
            related=_Chained([corpus.related for corpus in self._corpora], self._firsts),
        )

    def searchable(self) -> tuple[Corpus, Index]:
        """The corpus of every guide and its index, from the cache when every file is as
        it was (a damaged cached entry raises `records.Damaged`: then `reread`)."""
        corpus = self.corpus()
        return corpus, self.index(corpus)

    def reread(self) -> tuple[Corpus, Index]:
        """`searchable`, every guide parsed afresh (a cached entry did not check out)."""
        # Stamped again before the files are read, as when first opened; the index built
        # of what is read replaces the damaged one in the cache.
        self._stamps = [
            cache.file_stamp(source.file) if self.use_cache else None for source in self._sources
        ]
        self._corpora = [source.reread()[0] for source in self._sources]
        self._firsts = [0]
        for part in self._corpora:
            self._firsts.append(self._firsts[-1] + len(part))
        corpus = self.corpus()
        return corpus, self.index(corpus, fresh=True)

    def _entry(self, doc: int) -> Entry:
        at = bisect.bisect_right(self._firsts, doc) - 1
        entry = self._corpora[at].entry(doc - self._firsts[at])
        self._made[id(entry)] = (entry, self.names[at])
        return entry

    def name_of(self, entry: Entry) -> str:
        """The name of the guide a hit's entry (made by this corpus) belongs to."""
        return self._made[id(entry)][1]

    def index(self, corpus: Corpus, *, fresh: bool = False) -> Index:
        """The index of all the guides, from the cache when every file is as it was (never
        with ``fresh``: then built, and kept)."""
        from effects_cli.search import stored
        from effects_cli.search.index import Index
        from effects_cli.search.stemmer import index_stamp

        if not self.use_cache or None in self._stamps:
            return Index.build(corpus)
        key = ("<every guide>", *self._stamps, cache.code_stamp(), index_stamp())
        size = sum(stamp[1] for stamp in self._stamps)  # type: ignore[index]
        if not fresh:
            limit = 96 * size + 8 * len(corpus) + (1 << 16)
            kept = stored.read("everything", key, limit=limit)
            if kept is not None:
                return kept
        index = Index.build(corpus)
        stored.write("everything", key, index)
        return index


class _Chained:
    """Several guides' sequences of the same kind (fields, keywords) as one (by ``len``,
    indexing, iteration)."""

    __slots__ = ("_firsts", "_parts")

    def __init__(self, parts: list[Sequence[T]], firsts: list[int]) -> None:
        self._parts, self._firsts = parts, firsts

    def __len__(self) -> int:
        return self._firsts[-1]

    def __getitem__(self, doc: int) -> T:
        if not 0 <= doc < len(self):
            raise IndexError(doc)
        at = bisect.bisect_right(self._firsts, doc) - 1
        return self._parts[at][doc - self._firsts[at]]

    def __iter__(self) -> Iterator[T]:
        for part in self._parts:
            yield from part
