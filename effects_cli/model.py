"""The guide as plain data: sections and their sub-points, addressed by references.

References come from order, as the guide format promises: section ``4`` is the
fourth section, sub-point ``4.2`` its second point. No I/O, no Rich, no Typer.

The types are immutable values with slots (`Frozen`): equal, hashed and shown
by their fields and copied with changes, as frozen dataclasses are. They are
defined at every start of the program, where ``@dataclass`` costs about a
millisecond a class (it writes and compiles its methods each time) and
these a tenth of that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NoReturn, TypeVar

from effects_cli.errors import MalformedReference, NoSuchPoint, NoSuchSection

_REFERENCE = re.compile(r"([0-9]+)(?:\.([0-9]+))?")
_LONGEST_NUMBER = 9
"""Digits beyond this name no entry of any guide; they are never turned into an int."""


F = TypeVar("F", bound="Frozen")


class Frozen:
    """An immutable value of the fields its ``__slots__`` name, set once by ``__init__``."""

    __slots__ = ()

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"cannot assign to field {name!r}: {type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"cannot delete field {name!r}: {type(self).__name__} is frozen")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def replace(self: F, **changes: Any) -> F:
        """A copy with some fields changed, as `dataclasses.replace` makes."""
        values = {name: getattr(self, name) for name in self.__slots__}
        values.update(changes)
        return type(self)(**values)


class Point(Frozen):
    """A numbered sub-point of a section: ``4.2``."""

    __slots__ = ("keywords", "number", "related", "section", "text", "title")
    section: int
    number: int
    title: str
    text: str
    keywords: tuple[str, ...]
    """Words a reader may search for it by that its title and text do not hold; searched,
    never shown."""
    related: tuple[str, ...]
    """Needs it helps with that its text does not discuss: a search for them alone is told
    the guide does not cover them, and pointed here; never shown."""

    def __init__(
        self,
        section: int,
        number: int,
        title: str,
        text: str,
        keywords: tuple[str, ...] = (),
        related: tuple[str, ...] = (),
    ) -> None:
        self._set(
            section=section,
            number=number,
            title=title,
            text=text,
            keywords=keywords,
            related=related,
        )

    @property
    def ref(self) -> str:
        return f"{self.section}.{self.number}"


class Section(Frozen):
    """A numbered section: its title, opening paragraph and sub-points."""

    __slots__ = ("keywords", "number", "points", "related", "text", "title")
    number: int
    title: str
    text: str
    points: tuple[Point, ...]
    keywords: tuple[str, ...]
    """As a sub-point's (`Point.keywords`)."""
    related: tuple[str, ...]
    """As a sub-point's (`Point.related`)."""

    def __init__(
        self,
        number: int,
        title: str,
        text: str,
        points: tuple[Point, ...],
        keywords: tuple[str, ...] = (),
        related: tuple[str, ...] = (),
    ) -> None:
        self._set(
            number=number,
            title=title,
            text=text,
            points=points,
            keywords=keywords,
            related=related,
        )

    @property
    def ref(self) -> str:
        return str(self.number)


Entry = Section | Point
"""Anything a reference can name, and what search ranks."""


class Guide(Frozen):
    """A whole guide, title to conclusion."""

    __slots__ = ("conclusion", "intro", "sections", "subtitle", "title")
    title: str
    sections: tuple[Section, ...]
    subtitle: str | None
    intro: str | None
    conclusion: str | None

    def __init__(
        self,
        title: str,
        sections: tuple[Section, ...],
        subtitle: str | None = None,
        intro: str | None = None,
        conclusion: str | None = None,
    ) -> None:
        self._set(
            title=title, sections=sections, subtitle=subtitle, intro=intro, conclusion=conclusion
        )

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
        number, point = locate(reference, tuple(len(s.points) for s in self.sections))
        section = self.sections[number - 1]
        return section if point is None else section.points[point - 1]

    def points(self) -> Iterator[Point]:
        """Every sub-point, in guide order."""
        for section in self.sections:
            yield from section.points

    def entries(self) -> Iterator[Entry]:
        """Every section followed by its sub-points, in guide order."""
        for section in self.sections:
            yield section
            yield from section.points


def locate(reference: str, sizes: tuple[int, ...]) -> tuple[int, int | None]:
    """The section number and sub-point number (None for a section) ``reference`` names
    in a guide whose sections have ``sizes`` sub-points each: what `Guide.lookup` finds,
    with its errors, for a guide not made into objects (`effects_cli.records`)."""
    match = _REFERENCE.fullmatch(reference.strip())
    if match is None:
        raise MalformedReference(reference, len(sizes))
    section = _number(match[1])
    if isinstance(section, str) or not 1 <= section <= len(sizes):
        raise NoSuchSection(section, len(sizes))
    if match[2] is None:
        return section, None
    number = _number(match[2])
    if isinstance(number, str) or not 1 <= number <= sizes[section - 1]:
        raise NoSuchPoint(section, number, sizes[section - 1])
    return section, number


def _number(digits: str) -> int | str:
    """The number ``digits`` spell, or the digits themselves when too long for any entry."""
    significant = digits.lstrip("0") or "0"
    return int(significant) if len(significant) <= _LONGEST_NUMBER else significant
