"""A well-formed YAML guide read straight from the parser's events, in one pass.

Composing a node tree is most of what reading a large guide costs: libyaml
makes an object and two marks for every node, and the resolver is called for
each. The events the tree is composed from cost a third of that, and a guide
is a simple shape: mappings of known keys, lists, and texts.

This reader is only a shortcut. Whatever it is not sure of (an anchor or
alias, a tag, an empty or null value, a duplicate, unknown or missing key, an
empty list, a text past the size limit, anything libyaml objects to) makes it
give up with None, and `yaml_guide` reads the text again node by node, which
names the problem and its place. A guide it does return is the very `Guide`
the node reader makes of the same text (a property test holds the two to it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from effects_cli.escapes import defused
from effects_cli.model import Guide, Point, Section

T = TypeVar("T")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
"""Plain scalars the node reader's resolver takes for null (`yaml_guide._Loader`)."""


class _Unsure(Exception):
    """Something the node reader must look at: this reader gives up."""


def read_guide(text: str, max_bytes: int) -> Guide | None:
    """The guide of a YAML text, or None when the text is anything but a well-formed guide
    (or a problem in it is to be named): then `yaml_guide` reads it node by node."""
    try:
        loader = _Loader(text)
        try:
            return _Events(loader.get_event, max_bytes).guide()
        finally:
            loader.dispose()
    except (_Unsure, yaml.YAMLError, ValueError):  # ValueError: libyaml cannot take a surrogate
        return None


class _Events:
    """The guide's parts, each read from the events that make it."""

    def __init__(self, next_event: Callable[[], object], max_bytes: int) -> None:
        self._next = next_event
        self._budget = max_bytes
        self._point_fields: dict[str, Callable[[], object]] = {
            "title": self._title,
            "text": self._text,
            "keywords": self._keywords,
            "related": self._keywords,
        }
        """A sub-point's readers, made once: a large guide has tens of thousands."""

    def guide(self) -> Guide:
        self._expect(StreamStartEvent)
        self._expect(DocumentStartEvent)
        self._start(self._next(), MappingStartEvent)
        fields = self._mapping(
            {
                "title": self._title,
                "subtitle": self._title,
                "intro": self._text,
                "sections": lambda: self._list(self._section),
                "conclusion": self._text,
            },
            ("title", "sections"),
        )
        self._expect(DocumentEndEvent)
        self._expect(StreamEndEvent)
        return Guide(
            title=fields["title"],
            subtitle=fields.get("subtitle"),
            intro=fields.get("intro"),
            sections=fields["sections"],
            conclusion=fields.get("conclusion"),
        )

    def _section(self, number: int) -> Section:
        fields = self._mapping(
            {
                "title": self._title,
                "text": self._text,
                "points": lambda: self._list(lambda point: self._point(number, point)),
                "keywords": self._keywords,
                "related": self._keywords,
            },
            ("title", "text", "points"),
        )
        return Section(
            number,
            fields["title"],
            fields["text"],
            fields["points"],
            fields.get("keywords", ()),
            fields.get("related", ()),
        )

    def _point(self, section: int, number: int) -> Point:
        fields = self._mapping(self._point_fields, ("title", "text"))
        return Point(
            section,
            number,
            fields["title"],
            fields["text"],
            fields.get("keywords", ()),
            fields.get("related", ()),
        )

    def _expect(self, kind: type) -> None:
        if self._next().__class__ is not kind:
            raise _Unsure

    @staticmethod
    def _start(event: object, kind: type) -> None:
        """``event`` must be of ``kind`` (the start of a mapping, a list, or a scalar) and
        plain: no anchor, no tag."""
        if event.__class__ is not kind or event.anchor is not None or event.tag is not None:  # type: ignore[attr-defined]
            raise _Unsure

    def _mapping(
        self, readers: dict[str, Callable[[], object]], required: tuple[str, ...]
    ) -> dict[str, object]:
        """The fields of a mapping (its start already read), each read by its key's reader."""
        fields: dict[str, object] = {}
        while True:
            key = self._next()
            if key.__class__ is MappingEndEvent:
                break
            self._start(key, ScalarEvent)
            name = key.value  # type: ignore[attr-defined]
            read = readers.get(name)
            if read is None or name in fields:
                raise _Unsure
            fields[name] = read()
        for name in required:
            if name not in fields:
                raise _Unsure
        return fields

    def _list(self, read_item: Callable[[int], T]) -> tuple[T, ...]:
        """A non-empty list of mappings, each read with its 1-based number."""

        def mapping(event: object, number: int) -> T:
            self._start(event, MappingStartEvent)
            return read_item(number)

        return self._items(mapping)

    def _items(self, read_item: Callable[[object, int], T]) -> tuple[T, ...]:
        """A non-empty list, each item read from its first event, with its 1-based number."""
        self._start(self._next(), SequenceStartEvent)
        items = []
        while True:
            event = self._next()
            if event.__class__ is SequenceEndEvent:
                break
            items.append(read_item(event, len(items) + 1))
        if not items:
            raise _Unsure
        return tuple(items)

    def _text(self) -> str:
        """A text field's text, as `NodeReader.text` makes it."""
        return self._scalar(self._next()).strip()

    def _title(self) -> str:
        """A one-line text: runs of blanks and line breaks are single spaces."""
        return " ".join(self._scalar(self._next()).split())

    def _scalar(self, event: object) -> str:
        self._start(event, ScalarEvent)
        value: str = event.value  # type: ignore[attr-defined]
        if event.implicit[0] and value in _NULLS:  # type: ignore[attr-defined]
            raise _Unsure
        self._budget -= len(value)
        text = defused(value)
        if self._budget < 0 or not text.strip():
            raise _Unsure
        return text

    def _keywords(self) -> tuple[str, ...]:
        """A list of one-line texts, none twice in any case."""
        seen: set[str] = set()

        def keyword(event: object, _: int) -> str:
            word = " ".join(self._scalar(event).split())
            if word.casefold() in seen:
                raise _Unsure
            seen.add(word.casefold())
            return word

        return self._items(keyword)
