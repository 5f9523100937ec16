"""Open a guide: the bundled one or a file, from the cache when it is fresh.

This module is what commands call, through a `GuideSource`. It imports
neither PyYAML nor the YAML reader unless the cache cannot answer, which is
what keeps a warm start as cheap as importing the command-line libraries alone.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from effects_cli import cache, records
from effects_cli.bundled import bundled_guide_path
from effects_cli.loader.files import MAX_BYTES
from effects_cli.model import Guide
from effects_cli.records import Damaged, GuideFile

if TYPE_CHECKING:
    from effects_cli.entries import Entries
    from effects_cli.search.corpus import Corpus
    from effects_cli.search.index import Index

_Stamp = tuple[Hashable, ...]


class GuideSource(NamedTuple):
    """Which guide a run reads, and how: what the global options chose, in one value.

    A named tuple rather than a dataclass: as immutable, and cheaper to define
    at every start.
    """

    path: Path | None = None
    """The guide file; None for the bundled guide."""
    use_cache: bool = True
    max_bytes: int | None = None
    """The size limit of a guide that must be parsed (the loader's own when None)."""
    name: str | None = None
    """A guide's name (`effects_cli.library`), looked up when the guide is first read."""

    @property
    def file(self) -> Path:
        """The file this source reads; `GuideError` when a name finds none."""
        if self.name is not None:
            import os

            from effects_cli.library import find_guide

            return find_guide(self.name, os.environ)
        return self.path if self.path is not None else bundled_guide_path()

    def guide(self) -> Guide:
        """The guide, parsed or from the cache.

        Raises `GuideError` when the file cannot be read or is not a valid
        guide; errors are never cached, so a fixed file is read afresh.
        """
        opened, _ = self._open()
        if isinstance(opened, Guide):
            return opened
        try:
            return opened.guide()
        except Damaged:  # a part of the cache file does not check out: parse, and keep anew
            return self._reparsed()

    def entries(self) -> Entries:
        """The guide's entries, each read when asked for (`effects_cli.entries`): one
        entry of a cached guide without decoding the rest."""
        from effects_cli.entries import Entries

        return Entries(self._open()[0], self._reparsed)

    def _reparsed(self) -> Guide:
        guide = self._open(reread=True)[0]
        assert isinstance(guide, Guide)  # reread: never from the cache
        return guide

    def corpus(self) -> Corpus:
        """What search reads of the guide, without its index (for ``--regex``)."""
        return _corpus(self._open()[0])

    def searchable(self) -> tuple[Corpus, Index]:
        """What search reads of the guide, and its index, each built or from the cache.

        Both are cached under the stamp the guide was read under, and neither
        when the file changed while it was read. From the cache the guide is
        not made into objects at all, and only the entries a search reads are read.
        (A cached entry that does not check out raises `Damaged`: the search then
        starts again with `reread`.)
        """
        from effects_cli.search import stored
        from effects_cli.search.index import Index

        opened, stamp = self._open()
        corpus = _corpus(opened)
        if stamp is None:
            return corpus, Index.build(corpus)
        key = _index_key(stamp)
        kept = stored.read("index", key, limit=_index_limit(opened, len(corpus)))
        if kept is not None:
            return corpus, kept
        index = Index.build(corpus)
        stored.write("index", key, index)
        return corpus, index

    def reread(self) -> tuple[Corpus, Index]:
        """`searchable`, the guide parsed afresh and kept anew (a cached entry was damaged)."""
        from effects_cli.search.index import Index

        opened, stamp = self._open(reread=True)
        corpus = _corpus(opened)
        index = Index.build(corpus)
        if stamp is not None:
            from effects_cli.search import stored

            stored.write("index", _index_key(stamp), index)
        return corpus, index

    def _open(self, *, reread: bool = False) -> tuple[Guide | GuideFile, _Stamp | None]:
        """The guide freshly parsed, or its file in the cache when one is fresh and whole
        in its header (never with ``reread``); and the stamp of the file, which is None
        when nothing may be cached under it: no cache, or a file that changed while it
        was read."""
        source = self.file
        stamp = cache.file_stamp(source) if self.use_cache else None
        # The size limit is part of the key: a guide cached under a looser limit is
        # parsed again, and refused, under a tighter one.
        key = (*stamp, cache.code_stamp(), self.max_bytes) if stamp is not None else None
        if key is not None and not reread:
            limit = _guide_limit(stamp[1], self.max_bytes or MAX_BYTES)
            cached = records.open_file(key, limit)
            if cached is not None:
                return cached, stamp
        from effects_cli.loader import load_guide

        if self.max_bytes is None:
            guide = load_guide(source)
        else:
            guide = load_guide(source, max_bytes=self.max_bytes)
        if key is None:
            return guide, None
        if cache.file_stamp(source) != stamp:
            # Stamped again after reading: the file (or where a link points) changed
            # meanwhile, so what was read may belong to neither stamp. Nothing is kept,
            # neither the guide nor an index built from it.
            return guide, None
        records.write(key, guide)
        return guide, stamp


def _index_key(stamp: _Stamp) -> tuple[object, ...]:
    """What an index of the guide of ``stamp`` is kept under: the file's state, the code's,
    and what else decides its words (`search.stemmer.index_stamp`)."""
    from effects_cli.search.stemmer import index_stamp

    return (*stamp, cache.code_stamp(), index_stamp())


def _guide_limit(file_size: int, max_bytes: int) -> int:
    """The most bytes a cached guide could take: its texts are at most ``max_bytes``
    characters (aliases repeated), four bytes each in UTF-8; an entry's row takes twenty
    bytes, and each needs more than ten bytes of the file."""
    return 4 * max_bytes + 2 * file_size + _SLACK


def _index_limit(opened: Guide | GuideFile, entries: int) -> int:
    """The most bytes a cached index of this guide could take (`search.stored`): at the
    very worst a word every other byte of its texts, each with four numbers in the tables,
    its bytes and its stem's, and a posting (well under 24 bytes a byte of text); and
    eight for each entry's two lengths."""
    if isinstance(opened, Guide):
        size = sum(4 * (len(entry.title) + len(entry.text)) for entry in opened.entries())
    else:
        size = opened.text_size
    return 24 * size + 8 * entries + _SLACK


_SLACK = 1 << 16
"""Room for a header: the key, and the few numbers beside it."""


def _corpus(opened: Guide | GuideFile) -> Corpus:
    if isinstance(opened, Guide):
        from effects_cli.search.corpus import Corpus

        return Corpus.of(opened)
    return opened.corpus()
