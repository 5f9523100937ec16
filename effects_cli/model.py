"""The guide as plain data: sections and their sub-points, addressed by references.

References come from order, as the guide format promises: section ``4`` is the
fourth section, sub-point ``4.2`` its second point. No I/O, no Rich, no Typer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from effects_cli.errors import MalformedReference, NoSuchPoint, NoSuchSection

_REFERENCE = re.compile(r"([0-9]+)(?:\.([0-9]+))?")
_LONGEST_NUMBER = 9
"""Digits beyond this name no entry of any guide; they are never turned into an int."""


@dataclass(frozen=True, slots=True)
class Point:
    """A numbered sub-point of a section: ``4.2``."""

    section: int
    number: int
    title: str
    text: str

    @property
    def ref(self) -> str:
        return f"{self.section}.{self.number}"


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered section: its title, opening paragraph and sub-points."""

    number: int
    title: str
    text: str
    points: tuple[Point, ...]

    @property
    def ref(self) -> str:
        return str(self.number)


Entry = Section | Point
"""Anything a reference can name, and what search ranks."""


@dataclass(frozen=True, slots=True)
class Guide:
    """A whole guide, title to conclusion."""

    title: str
    sections: tuple[Section, ...]
    subtitle: str | None = None
    intro: str | None = None
    conclusion: str | None = None

    def section(self, number: int) -> Section:
        """The section numbered ``number`` (1-based), or `NoSuchSection`."""
        if not 1 <= number <= len(self.sections):
            raise NoSuchSection(number, len(self.sections))
        return self.sections[number - 1]

    def section_of(self, point: Point) -> Section:
        """The section a sub-point belongs to."""
        return self.sections[point.section - 1]

    def lookup(self, reference: str) -> Entry:
        """The section (``4``) or sub-point (``4.2``) a reference names.

        Raises `MalformedReference` for text that is not a reference, and
        `NoSuchSection` or `NoSuchPoint` for one outside the guide.
        """
        match = _REFERENCE.fullmatch(reference.strip())
        if match is None:
            raise MalformedReference(reference, len(self.sections))
        section_number = _number(match[1])
        if isinstance(section_number, str):
            raise NoSuchSection(section_number, len(self.sections))
        section = self.section(section_number)
        if match[2] is None:
            return section
        number = _number(match[2])
        if isinstance(number, str) or not 1 <= number <= len(section.points):
            raise NoSuchPoint(section.number, number, len(section.points))
        return section.points[number - 1]

    def points(self) -> Iterator[Point]:
        """Every sub-point, in guide order."""
        for section in self.sections:
            yield from section.points

    def entries(self) -> Iterator[Entry]:
        """Every section followed by its sub-points, in guide order."""
        for section in self.sections:
            yield section
            yield from section.points


def _number(digits: str) -> int | str:
    """The number ``digits`` spell, or the digits themselves when too long for any entry."""
    significant = digits.lstrip("0") or "0"
    return int(significant) if len(significant) <= _LONGEST_NUMBER else significant
