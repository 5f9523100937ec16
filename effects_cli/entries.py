"""One entry of a guide, read without the rest: what ``show`` and ``tip`` print.

A guide in the cache is a file from which one entry is read in place
(`effects_cli.records`), so printing one of 55,000 entries costs what it costs
in a guide of 40; a guide that had to be parsed is in memory already. Either
way `Entries` answers with the same objects and the same errors as
`effects_cli.model.Guide` (`locate` is the one reading of a reference).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from effects_cli.errors import NoSuchSection
from effects_cli.model import Entry, Guide, Point, Section, locate
from effects_cli.records import Damaged, GuideFile

if TYPE_CHECKING:
    from collections.abc import Callable


class Entries:
    """A guide's entries by number: ``sizes`` (the sub-points of each section), an entry
    by reference, the n-th sub-point, and the whole guide when it is wanted after all."""

    __slots__ = ("_opened", "_reread", "sizes")

    def __init__(self, opened: Guide | GuideFile, reread: Callable[[], Guide]) -> None:
        self._opened = opened
        self._reread = reread
        """The guide parsed afresh, for a cached entry that does not check out."""
        self.sizes = (
            tuple(len(section.points) for section in opened.sections)
            if isinstance(opened, Guide)
            else opened.sizes
        )

    def find(self, reference: str) -> tuple[Entry, Section]:
        """The entry ``reference`` names and its section (itself, for a section); the
        errors of `Guide.lookup` for one that names none."""
        section, point = locate(reference, self.sizes)
        return self._entry(section, point)

    def point(self, index: int, section: int | None = None) -> tuple[Point, Section]:
        """Sub-point number ``index`` (from 0) of the guide, or of ``section``; that section
        not being there is `NoSuchSection`."""
        if section is not None:
            if not 1 <= section <= len(self.sizes):
                raise NoSuchSection(section, len(self.sizes))
        else:
            section = 1
            while index >= self.sizes[section - 1]:
                index -= self.sizes[section - 1]
                section += 1
        point, heading = self._entry(section, index + 1)
        assert isinstance(point, Point)
        return point, heading

    def count(self, section: int | None = None) -> int:
        """How many sub-points the guide has, or ``section`` has (`NoSuchSection`)."""
        if section is None:
            return sum(self.sizes)
        if not 1 <= section <= len(self.sizes):
            raise NoSuchSection(section, len(self.sizes))
        return self.sizes[section - 1]

    def guide(self) -> Guide:
        """The whole guide."""
        if isinstance(self._opened, Guide):
            return self._opened
        try:
            self._opened = self._opened.guide()
        except Damaged:
            self._opened = self._reread()
        return self._opened

    def _entry(self, section: int, point: int | None) -> tuple[Entry, Section]:
        opened = self._opened
        if isinstance(opened, GuideFile):
            try:
                whole = opened.entry(opened.starts[section - 1])
            except Damaged:  # a part of the cache file does not check out: parse afresh
                opened = self._opened = self._reread()
            else:
                assert isinstance(whole, Section)
                return (whole if point is None else whole.points[point - 1]), whole
        whole = opened.sections[section - 1]
        return (whole if point is None else whole.points[point - 1]), whole
