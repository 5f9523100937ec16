"""Open a guide: the bundled one or a file, from the cache when it is fresh.

This module is what commands call. It imports neither PyYAML nor the YAML
reader unless the cache cannot answer, which is what keeps a warm start as
cheap as importing the command-line libraries alone.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, overload

from effects_cli import cache
from effects_cli.model import Entry, Guide, Point, Section

if TYPE_CHECKING:
    from effects_cli.search.corpus import Corpus
    from effects_cli.search.index import Index

BUNDLED_NAME = "effects.yaml"
"""The bundled guide's file name, under ``data/`` in the checkout and in the package."""

GUIDE_CODE = ("loader", "model", "errors", "guides")
"""The modules whose code decides what a parsed guide holds (part of the cache key)."""

_Record = tuple[str, str | None, str | None, str | None, tuple[int, ...], bytes, bytes]


def bundled_guide_path() -> Path:
    """Where the bundled guide lives: inside the installed package, else in the checkout.

    A wheel carries ``data/effects.yaml`` as ``effects_cli/data/effects.yaml``
    (hatchling ``force-include``); an editable install or a plain checkout
    imports the package from the repository, whose root holds ``data/``.
    The package is always installed as plain files (a wheel is never run
    zipped), so a path beside this module is enough; ``importlib.resources``
    would cost its import on every run.
    """
    package = Path(__file__).resolve().parent
    packaged = package / "data" / BUNDLED_NAME
    return packaged if packaged.is_file() else package.parent / "data" / BUNDLED_NAME


def open_guide(
    path: Path | None = None, *, use_cache: bool = True, max_bytes: int | None = None
) -> Guide:
    """The guide at ``path`` (the bundled guide when None), parsed or from the cache.

    Raises `GuideError` when the file cannot be read or is not a valid guide;
    errors are never cached, so a fixed file is read afresh. ``max_bytes`` is
    the size limit of a guide that must be parsed (the loader's own by default).
    """
    record, _ = _open_record(path, use_cache, max_bytes)
    return record if isinstance(record, Guide) else guide_from_record(record)


def open_searchable(
    path: Path | None = None, *, use_cache: bool = True, max_bytes: int | None = None
) -> tuple[Corpus, Index]:
    """What search needs of the guide, and its index, each built or from the cache.

    Both are cached under the stamp the guide was read under, and neither when
    the file changed while it was read. From the cache the guide is not made
    into objects at all (`corpus_from_record`).
    """
    from effects_cli.search.index import Index
    from effects_cli.search.stemmer import index_stamp

    record, stamp = _open_record(path, use_cache, max_bytes)
    corpus = corpus_from_record(record)
    if stamp is None:
        return corpus, Index.build(corpus)
    # index_stamp covers the search package's own code (its modules are the files of a folder).
    key = stamp + cache.code_stamp(*GUIDE_CODE) + index_stamp()
    stored = cache.read("index", key)
    if stored is not None:
        try:
            return corpus, Index.from_record(stored)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            pass
    index = Index.build(corpus)
    cache.write("index", key, index.record())
    return corpus, index


def open_corpus(
    path: Path | None = None, *, use_cache: bool = True, max_bytes: int | None = None
) -> Corpus:
    """What search needs of the guide, without its index (for ``--regex``)."""
    return corpus_from_record(_open_record(path, use_cache, max_bytes)[0])


def _open_record(
    path: Path | None, use_cache: bool, max_bytes: int | None = None
) -> tuple[Guide | _Record, tuple[Hashable, ...] | None]:
    """The guide freshly parsed, or its record from the cache when one is fresh and whole;
    and the stamp of the file, which is None when nothing may be cached under it: no
    cache, or a file that changed while it was read."""
    source = path if path is not None else bundled_guide_path()
    stamp = cache.file_stamp(source) if use_cache else None
    # The size limit is part of the key: a guide cached under a looser limit is
    # parsed again, and refused, under a tighter one.
    key = stamp + cache.code_stamp(*GUIDE_CODE) + (max_bytes,) if stamp is not None else None
    if key is not None:
        record = cache.read("guide", key)
        if _is_record(record):
            return record, stamp  # type: ignore[return-value]
    from effects_cli.loader import load_guide

    guide = load_guide(source) if max_bytes is None else load_guide(source, max_bytes=max_bytes)
    if key is None:
        return guide, None
    if cache.file_stamp(source) != stamp:
        # Stamped again after reading: the file (or where a link points) changed
        # meanwhile, so what was read may belong to neither stamp. Nothing is kept,
        # neither the guide nor an index built from it.
        return guide, None
    cache.write("guide", key, guide_record(guide))
    return guide, stamp


def _is_record(record: object) -> bool:
    """Whether a value read from the cache has the shape of a `guide_record`.

    Shapes are checked, texts are not: a record is used only after its file's
    CRC and key (which names the code that wrote it) have matched.
    """
    if not (isinstance(record, tuple) and len(record) == 7):
        return False
    *heads, sizes, blob, ends = record
    if not (
        all(head is None or isinstance(head, str) for head in heads)
        and isinstance(heads[0], str)
        and isinstance(sizes, tuple)
        and all(isinstance(size, int) and size >= 0 for size in sizes)
        and isinstance(blob, bytes)
        and isinstance(ends, bytes)
    ):
        return False
    offsets = array("I")
    if len(ends) % offsets.itemsize:
        return False
    offsets.frombytes(ends)
    fields = 2 * (len(sizes) + sum(sizes))
    return len(offsets) == fields and (not offsets or offsets[-1] == len(blob))


class _Fields(Sequence[tuple[str, str]]):
    """The (title, text) of each entry, decoded from the cached guide only when read.

    A large guide's texts are megabytes; a search reads a few of them (and the
    candidates of a phrase), so they stay one block of UTF-8 until then.
    """

    def __init__(self, blob: bytes, ends: bytes) -> None:
        self._blob = blob
        self._ends = array("I")
        self._ends.frombytes(ends)

    def __len__(self) -> int:
        return len(self._ends) // 2

    def _text(self, at: int) -> str:
        start = self._ends[at - 1] if at else 0
        return self._blob[start : self._ends[at]].decode("utf-8", "replace")

    @overload
    def __getitem__(self, doc: int) -> tuple[str, str]: ...
    @overload
    def __getitem__(self, doc: slice) -> Sequence[tuple[str, str]]: ...
    def __getitem__(self, doc: int | slice) -> tuple[str, str] | Sequence[tuple[str, str]]:
        if isinstance(doc, slice):
            return [self[at] for at in range(*doc.indices(len(self)))]
        if not 0 <= doc < len(self):
            raise IndexError(doc)
        return (self._text(2 * doc), self._text(2 * doc + 1))


def corpus_from_record(record: Guide | _Record) -> Corpus:
    """The search corpus of a guide or of its record, entries made only when asked for."""
    from effects_cli.search.corpus import Corpus

    if isinstance(record, Guide):
        return Corpus.of(record)
    *_, sizes, blob, ends = record
    fields = _Fields(blob, ends)
    starts = [0]
    for size in sizes:
        starts.append(starts[-1] + 1 + size)

    def make_entry(doc: int) -> Entry:
        number = bisect.bisect_right(starts, doc)
        first = starts[number - 1]
        title, text = fields[first]
        points = tuple(
            Point(number, index, *fields[first + index])
            for index in range(1, sizes[number - 1] + 1)
        )
        at = doc - first
        return Section(number, title, text, points) if at == 0 else points[at - 1]

    return Corpus(fields, starts, make_entry)


def guide_record(guide: Guide) -> _Record:
    """The guide for ``marshal``: its heads, the sub-point count of each section, and the
    titles and texts of its entries, in guide order, as one block of UTF-8 cut by offsets."""
    blob = bytearray()
    ends = array("I")
    for entry in guide.entries():
        for text in (entry.title, entry.text):
            blob += text.encode("utf-8", "surrogatepass")
            ends.append(len(blob))
    return (
        guide.title,
        guide.subtitle,
        guide.intro,
        guide.conclusion,
        tuple(len(section.points) for section in guide.sections),
        bytes(blob),
        ends.tobytes(),
    )


def guide_from_record(record: _Record) -> Guide:
    """The `Guide` a `guide_record` describes (its shape checked by `_is_record`)."""
    title, subtitle, intro, conclusion, sizes, blob, ends = record
    fields = _Fields(blob, ends)
    sections = []
    doc = 0
    for number, size in enumerate(sizes, start=1):
        section_title, section_text = fields[doc]
        points = tuple(Point(number, index, *fields[doc + index]) for index in range(1, size + 1))
        sections.append(Section(number, section_title, section_text, points))
        doc += 1 + size
    return Guide(
        title=title,
        subtitle=subtitle,
        intro=intro,
        conclusion=conclusion,
        sections=tuple(sections),
    )
