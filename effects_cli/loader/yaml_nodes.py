"""The checked reading of a composed YAML tree: mappings, lists and texts, with places.

`NodeReader` is what any format made of mappings, lists and texts needs: each
problem names its line, column and field path; duplicate, unknown and missing
keys are refused; only plain text scalars are text (no tag constructs
anything); an alias may repeat text but never a mapping or a list; and the
text taken counts against a size limit. `yaml_guide` describes the guide's
own fields on top of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

import yaml

from effects_cli.errors import GuideError, GuideTooLarge
from effects_cli.escapes import defused, quote

TAG = "tag:yaml.org,2002:"
# Scalars whose source text is a fine piece of prose; null is "missing" and
# anything else (binary, custom and python tags) is refused.
_TEXT_TAGS = {TAG + kind for kind in ("str", "int", "float", "bool", "timestamp")}
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,39}")
_PLAIN_TAGS = _TEXT_TAGS | {TAG + "map", TAG + "seq"}
_KINDS = {
    yaml.MappingNode: "a mapping",
    yaml.SequenceNode: "a list",
    yaml.ScalarNode: "text",
}

T = TypeVar("T")


class Abandon(Exception):
    """An entry that cannot be read further; its problems have been noted already."""


class NodeReader:
    """Checks a composed YAML node tree field by field, noting or raising each problem.

    By default the first problem is raised. With ``every_problem`` each problem is
    noted in `problems` and reading goes on with the next key, the next list item
    or the next top-level field, whichever the problem leaves readable.

    The composer resolves an alias to the very node its anchor names, so the
    tree is a graph: the reader refuses to enter a mapping or a list twice,
    and counts the characters of every text it takes against ``max_bytes``.
    """

    def __init__(self, source: str, max_bytes: int, *, every_problem: bool = False) -> None:
        self.source = source
        self.max_bytes = max_bytes
        self.budget = max_bytes
        self.entered: set[int] = set()
        """The mappings and lists read so far, by id (their nodes live as long as the tree)."""
        self.every_problem = every_problem
        self.problems: list[GuideError] = []

    def note(self, error: GuideError) -> None:
        """A problem: raised at once, or noted when looking for every problem."""
        if not self.every_problem:
            raise error
        self.problems.append(error)

    def going_on(self) -> _GoingOn:
        """Reading the next thing, noting (rather than raising) its problem when collecting.

        One context manager object for all of them, not a generator each: a large guide
        reads tens of thousands of fields.
        """
        going_on = self.__dict__.get("_going_on")
        if going_on is None:
            going_on = self.__dict__["_going_on"] = _GoingOn(self)
        return going_on

    def field(
        self, fields: dict[str, yaml.Node], key: str, read: Callable[[yaml.Node], T]
    ) -> T | None:
        """``read`` applied to a field's value; None when it is absent or (when collecting
        every problem) has a problem."""
        node = fields.get(key)
        if node is None:
            return None
        with self.going_on():
            return read(node)
        return None

    def mapping(
        self,
        node: yaml.Node,
        path: str,
        *,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> dict[str, yaml.Node]:
        """The values of a mapping by key, refusing duplicate, unknown and missing keys.

        When collecting every problem, each of them is noted and the mapping's
        readable fields are returned; the caller gives up on what is missing.
        """
        if not isinstance(node, yaml.MappingNode) or node.tag != TAG + "map":
            expected = " and ".join(required) if len(required) < 3 else ", ".join(required)
            raise self.error(node, path, f"expected a mapping with {expected}, got {_kind(node)}")
        self.enter(node, path)
        allowed = required + optional
        fields: dict[str, yaml.Node] = {}
        key_nodes: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.note(self.error(key_node, path, f"a key must be text, got {_kind(key_node)}"))
                continue
            key_path = _join(path, key)
            if key in fields:
                first = key_nodes[key].start_mark.line + 1
                self.note(
                    self.error(key_node, key_path, f"duplicate key (first given on line {first})")
                )
            elif key not in allowed:
                self.note(self.error(key_node, key_path, _unknown_key(key, allowed)))
            else:
                fields[key] = value_node
                key_nodes[key] = key_node
        for key in required:
            if key not in fields:
                self.note(self.error(node, _join(path, key), "missing"))
        return fields

    def items(
        self, node: yaml.Node, path: str, read_item: Callable[[yaml.Node, str, int], T]
    ) -> list[T]:
        """Read each item of a non-empty list; ``read_item`` gets the item's 1-based number."""
        if not isinstance(node, yaml.SequenceNode) or node.tag != TAG + "seq":
            raise self.error(node, path, f"expected a list, got {_kind(node)}")
        self.enter(node, path)
        if not node.value:
            raise self.error(node, path, "the list is empty: it needs at least one entry")
        items = []
        for index, item in enumerate(node.value):
            with self.going_on():
                items.append(read_item(item, f"{path}[{index}]", index + 1))
        return items

    def text(self, node: yaml.Node, path: str, *, one_line: bool = False) -> str:
        """A text field's text, without surrounding blank space; empty text is an error.

        Control characters (which YAML escapes such as ``"\\e"`` can produce) and
        bidirectional overrides are made visible as ``\\x1b`` and ``\\u202e``, so a
        guide can never drive the terminal (`defused`). A ``one_line`` field (a
        title) has its line breaks and runs of blanks turned into single spaces.
        """
        if node.tag == TAG + "null":
            raise self.error(node, path, "missing (the value is empty)")
        if not isinstance(node, yaml.ScalarNode) or node.tag not in _TEXT_TAGS:
            raise self.error(node, path, f"expected text, got {_kind(node)}")
        self.budget -= len(node.value)
        if self.budget < 0:
            raise GuideTooLarge(
                self.source,
                f"aliases repeat its text past the limit of {self.max_bytes} characters",
                limit=self.max_bytes,
                field=place(path),
            )
        text = defused(node.value).strip()
        if one_line:
            text = " ".join(text.split())
        if not text:
            raise self.error(node, path, "empty")
        return text

    def enter(self, node: yaml.Node, path: str) -> None:
        """Note a mapping or list as read; meeting one again means that an alias names it."""
        if id(node) in self.entered:
            mark = node.start_mark
            raise GuideError(
                self.source,
                f"an alias of the {_KINDS[type(node)][2:]} on line {mark.line + 1}, column "
                f"{mark.column + 1}: aliases may repeat text, not mappings or lists",
                field=place(path) or None,
            )
        self.entered.add(id(node))

    def optional_text(
        self, fields: dict[str, yaml.Node], key: str, *, one_line: bool = False
    ) -> str | None:
        """A top-level text field that may be left out."""
        return self.field(fields, key, lambda node: self.text(node, key, one_line=one_line))

    def error(self, node: yaml.Node, field: str, problem: str) -> GuideError:
        mark = node.start_mark
        return GuideError(
            self.source,
            problem,
            line=mark.line + 1,
            column=mark.column + 1,
            field=place(field) or None,
        )


_SECTION = re.compile(r"sections\[(\d+)\]")
_POINT = re.compile(r"sections\[(\d+)\]\.points\[(\d+)\]")
_ITEM = re.compile(r"\.(keywords|related)\[(\d+)\]")
_ITEM_NAMES = {"keywords": "keyword", "related": "related word"}
_KEY = re.compile(r"\.(?=[A-Za-z_])|(?<=[0-9])(?=\[)")
"""Between a place and a key in it: ``.title``, or ``["<<"]`` straight after a number."""


class _GoingOn:
    """`NodeReader.going_on`: a problem raised inside is noted (when collecting every problem)
    and reading goes on after the block; an `Abandon` just ends the block."""

    __slots__ = ("_reader",)

    def __init__(self, reader: NodeReader) -> None:
        self._reader = reader

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _: object
    ) -> bool:
        if kind is None or not self._reader.every_problem:
            return False
        if issubclass(kind, GuideError):
            self._reader.problems.append(error)  # type: ignore[arg-type]
            return True
        return issubclass(kind, Abandon)


def place(path: str) -> str:
    """Where in the guide a field path points, as a reader counts: ``sections[2].points[0]``
    is ``sub-point 3.1``, ``sections[2].text`` is ``section 3: text``, and the third of a
    list of keywords is ``keyword 3`` (of related words, ``related word 3``). (The line and
    column say where it is in the file.)"""
    path = _POINT.sub(lambda found: f"sub-point {int(found[1]) + 1}.{int(found[2]) + 1}", path)
    path = _SECTION.sub(lambda found: f"section {int(found[1]) + 1}", path)
    path = _ITEM.sub(lambda found: f": {_ITEM_NAMES[found[1]]} {int(found[2]) + 1}", path)
    if not path.startswith(("section ", "sub-point ")):
        return path
    return _KEY.sub(": ", path)


def _join(path: str, key: str) -> str:
    """``sections[0]`` + ``title``; a key that is not a plain name is shown quoted."""
    if _PLAIN_KEY.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{quote(key)}]"


def _kind(node: yaml.Node) -> str:
    """What a node holds, in a reader's words, for "expected X, got Y"."""
    if node.tag == TAG + "null":
        return "nothing"
    if node.tag in _PLAIN_TAGS:
        return _KINDS[type(node)]
    tag = node.tag.replace(TAG, "!!", 1) if node.tag.startswith(TAG) else node.tag
    return f"a value tagged {tag} (tags are not part of the guide format)"


def _unknown_key(key: str, allowed: tuple[str, ...]) -> str:
    import difflib  # only a broken guide pays for it

    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown key ({hint}expected one of: {', '.join(allowed)})"
