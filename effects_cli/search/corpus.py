"""What search reads of a guide: the title and text of each entry, by number.

A guide read from the cache is never made into objects for a search; the
corpus holds its fields (decoded only when read) and makes the `Entry` of a
hit only when one is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from effects_cli.errors import NoSuchSection
from effects_cli.model import Entry, Guide


class Corpus:
    """What search reads: each entry's title, text, keywords and related words by number,
    in guide order.

    Entry ``n`` is the ``n``-th of `Guide.entries` (each section, then its
    sub-points). The `Entry` objects themselves are made only for the hits
    shown, through ``make_entry``: on a guide of 11,000 entries read from the
    cache, making them all would cost more than the search.
    """

    def __init__(
        self,
        fields: Sequence[tuple[str, str]],
        starts: list[int],
        make_entry: Callable[[int], Entry],
        *,
        keywords: Sequence[tuple[str, ...]] | None = None,
        related: Sequence[tuple[str, ...]] | None = None,
    ) -> None:
        self.fields = fields
        """(title, text) of each entry."""
        self.keywords: Sequence[tuple[str, ...]] = keywords or _NoWords(len(fields))
        """The keywords of each entry (`model.Point.keywords`): none unless given."""
        self.related: Sequence[tuple[str, ...]] = related or _NoWords(len(fields))
        """The related words of each entry (`model.Point.related`): none unless given."""
        self.starts = starts
        """The entry number of each section, then the number of entries."""
        self._make_entry = make_entry

    @classmethod
    def of(cls, guide: Guide) -> Corpus:
        """The corpus of a `Guide` already in memory."""
        entries = list(guide.entries())
        starts = [0]
        for section in guide.sections:
            starts.append(starts[-1] + 1 + len(section.points))
        return cls(
            [(e.title, e.text) for e in entries],
            starts,
            entries.__getitem__,
            keywords=[e.keywords for e in entries],
            related=[e.related for e in entries],
        )

    def __len__(self) -> int:
        return len(self.fields)

    def entry(self, doc: int) -> Entry:
        """The section or sub-point numbered ``doc``."""
        return self._make_entry(doc)

    def docs_of(self, section: int | None) -> range:
        """The entry numbers of one section and its sub-points (all entries for None).

        Raises `NoSuchSection` for a section the guide does not have.
        """
        if section is None:
            return range(len(self.fields))
        count = len(self.starts) - 1
        if not 1 <= section <= count:
            raise NoSuchSection(section, count)
        return range(self.starts[section - 1], self.starts[section])


class _NoWords:
    """No keywords for any of so many entries, without a list of empty tuples."""

    __slots__ = ("_count",)

    def __init__(self, count: int) -> None:
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, doc: int) -> tuple[str, ...]:
        if not 0 <= doc < self._count:
            raise IndexError(doc)
        return ()
