"""Read a guide's YAML safely and turn it into the model.

The YAML is composed into nodes with the safe loader (the C one when PyYAML
has it) and checked node by node, so that every problem can name its line,
column and field path, duplicate and unknown keys are refused, and no YAML
tag can ever construct a Python object. A plain scalar in a text field is
taken as the text its author typed: ``title: 3.10`` is ``"3.10"``, not 3.1.

Hostile guides stay cheap: a file over the size limit is refused before it is
parsed, an alias may repeat text but not a mapping or a list (which is what
turns a few kilobytes into a million entries), and the text that aliases
repeat counts towards the same limit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TypeVar

import yaml

from effects_cli.errors import GuideError, GuideProblems, GuideTooLarge, defused, quote
from effects_cli.guides import bundled_guide_path
from effects_cli.model import Guide, Point, Section

MAX_BYTES = 20_000_000
"""The largest guide read by default, in bytes of the file and in characters of its text
with aliases repeated: four times a generated 5 MB guide of 11,000 entries."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
# Scalars whose source text is a fine piece of prose; null is "missing" and
# anything else (binary, custom and python tags) is refused.
_TEXT_TAGS = {_TAG + kind for kind in ("str", "int", "float", "bool", "timestamp")}
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters a YAML stream may not hold (YAML 1.1, 5.1), found before parsing."""
_PIECE = 1 << 22
"""Bytes read from a guide file at a time."""
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,39}")
_PLAIN_TAGS = _TEXT_TAGS | {_TAG + "map", _TAG + "seq"}
_KINDS = {
    yaml.MappingNode: "a mapping",
    yaml.SequenceNode: "a list",
    yaml.ScalarNode: "text",
}

T = TypeVar("T")


def load_guide(path: Path | None = None, *, max_bytes: int = MAX_BYTES) -> Guide:
    """Read and check the guide at ``path``, or the bundled guide when it is None.

    A file of more than ``max_bytes`` bytes is refused with `GuideTooLarge`
    without being read further.
    """
    source = path if path is not None else bundled_guide_path()
    return parse_guide(_read_text(source, max_bytes), str(source), max_bytes=max_bytes)


def check_guide(path: Path, *, max_bytes: int = MAX_BYTES) -> Guide:
    """Read and check the guide at ``path``, reporting every problem found, not just the first.

    Raises `GuideProblems` (a `GuideError`) listing them all when the guide is
    readable YAML but breaks the format in places, or `GuideError` when the file
    cannot be read or parsed at all.
    """
    return parse_guide(
        _read_text(path, max_bytes), str(path), every_problem=True, max_bytes=max_bytes
    )


def parse_guide(
    text: str, source: str = "<guide>", *, every_problem: bool = False, max_bytes: int = MAX_BYTES
) -> Guide:
    """Turn the YAML text of a guide into a `Guide`, or raise `GuideError`.

    ``source`` names the text in messages (usually its file path). With
    ``every_problem``, checking goes on after a problem wherever the rest can
    still be read, and `GuideProblems` lists them all in reading order; its
    first problem is the one raised without. The text of all the guide's
    fields, with aliases repeated, may hold at most ``max_bytes`` characters
    (`GuideTooLarge`); without aliases that is never more than the file's own size.
    """
    refused = _NOT_YAML.search(text)
    if refused:
        # Found here rather than by the parser: libyaml reports a byte offset, not a place.
        at = refused.start()
        raise GuideError(
            source,
            f"character U+{ord(refused.group()):04X} is not allowed in YAML",
            line=text.count("\n", 0, at) + 1,
            column=at - text.rfind("\n", 0, at),
        )
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = ", ".join(part for part in (error.context, error.problem) if part)
        if mark is None:
            raise GuideError(source, problem or "not valid YAML") from None
        raise GuideError(source, problem, line=mark.line + 1, column=mark.column + 1) from None
    except yaml.YAMLError as error:
        raise GuideError(source, " ".join(f"not valid YAML: {error}".split())) from None
    if root is None:
        raise GuideError(source, "the guide is empty: it needs at least a title and sections")
    reader = _GuideReader(source, max_bytes, every_problem=every_problem)
    guide = reader.read(root)
    if reader.problems:
        raise GuideProblems(reader.problems)
    assert guide is not None  # read() gives None only after a problem
    return guide


def _read_text(path: Path, max_bytes: int) -> str:
    try:
        with path.open("rb") as file:
            data = _read_at_most(file, max_bytes + 1)
    except FileNotFoundError:
        raise GuideError(str(path), "no such file") from None
    except IsADirectoryError:
        raise GuideError(str(path), "is a folder, not a guide file") from None
    except PermissionError:
        raise GuideError(str(path), "permission denied") from None
    except OSError as error:
        raise GuideError(str(path), f"cannot be read ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise GuideTooLarge(
            str(path), f"is larger than the limit of {max_bytes} bytes", limit=max_bytes
        )
    try:
        # utf-8-sig: a byte-order mark, as some editors write, is not part of the text.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise GuideError(
            str(path), f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None


class _Abandon(Exception):
    """An entry that cannot be read further; its problems have been noted already."""


def _read_at_most(file: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes of ``file``, read in pieces: never more, whatever the file
    (or ``/dev/zero``) holds, and never a buffer of ``size`` bytes made up front."""
    data = bytearray()
    while len(data) < size:
        piece = file.read(min(size - len(data), _PIECE))
        if not piece:
            break
        data += piece
    return bytes(data)


class _GuideReader:
    """Checks a composed YAML node tree against the guide format, field by field.

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

    def read(self, root: yaml.Node) -> Guide | None:
        """The guide, or None when ``every_problem`` is on and problems were noted."""
        with self._going_on():
            return self.guide(root)
        return None

    def _note(self, error: GuideError) -> None:
        """A problem: raised at once, or noted when looking for every problem."""
        if not self.every_problem:
            raise error
        self.problems.append(error)

    @contextmanager
    def _going_on(self) -> Iterator[None]:
        """Reading the next thing, noting (rather than raising) its problem when collecting."""
        if not self.every_problem:
            yield
            return
        try:
            yield
        except GuideError as error:
            self.problems.append(error)
        except _Abandon:
            pass

    def guide(self, root: yaml.Node) -> Guide:
        fields = self._mapping(
            root,
            "",
            required=("title", "sections"),
            optional=("subtitle", "intro", "conclusion"),
        )
        # Checked in reading order, so the first problem reported is the first in the file.
        title = self._field(fields, "title", lambda node: self._text(node, "title", one_line=True))
        subtitle = self._optional_text(fields, "subtitle", one_line=True)
        intro = self._optional_text(fields, "intro")
        sections = self._field(
            fields, "sections", lambda node: self._list(node, "sections", self._section)
        )
        conclusion = self._optional_text(fields, "conclusion")
        if title is None or sections is None:
            raise _Abandon
        return Guide(
            title=title,
            subtitle=subtitle,
            intro=intro,
            sections=tuple(sections),
            conclusion=conclusion,
        )

    def _section(self, node: yaml.Node, path: str, number: int) -> Section:
        fields = self._mapping(node, path, required=("title", "text", "points"))
        title = self._field(
            fields, "title", lambda title: self._text(title, f"{path}.title", one_line=True)
        )
        text = self._field(fields, "text", lambda text: self._text(text, f"{path}.text"))
        points = self._field(
            fields,
            "points",
            lambda points: self._list(
                points,
                f"{path}.points",
                lambda point, point_path, point_number: self._point(
                    point, point_path, number, point_number
                ),
            ),
        )
        if title is None or text is None or points is None:
            raise _Abandon
        return Section(number=number, title=title, text=text, points=tuple(points))

    def _point(self, node: yaml.Node, path: str, section: int, number: int) -> Point:
        fields = self._mapping(node, path, required=("title", "text"))
        title = self._field(
            fields, "title", lambda title: self._text(title, f"{path}.title", one_line=True)
        )
        text = self._field(fields, "text", lambda text: self._text(text, f"{path}.text"))
        if title is None or text is None:
            raise _Abandon
        return Point(section=section, number=number, title=title, text=text)

    def _field(
        self, fields: dict[str, yaml.Node], key: str, read: Callable[[yaml.Node], T]
    ) -> T | None:
        """``read`` applied to a field's value; None when it is absent or (when collecting
        every problem) has a problem."""
        node = fields.get(key)
        if node is None:
            return None
        with self._going_on():
            return read(node)
        return None

    def _mapping(
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
        if not isinstance(node, yaml.MappingNode) or node.tag != _TAG + "map":
            expected = " and ".join(required) if len(required) < 3 else ", ".join(required)
            raise self._error(node, path, f"expected a mapping with {expected}, got {_kind(node)}")
        self._enter(node, path)
        allowed = required + optional
        fields: dict[str, yaml.Node] = {}
        key_nodes: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self._note(
                    self._error(key_node, path, f"a key must be text, got {_kind(key_node)}")
                )
                continue
            key_path = _join(path, key)
            if key in fields:
                first = key_nodes[key].start_mark.line + 1
                self._note(
                    self._error(key_node, key_path, f"duplicate key (first given on line {first})")
                )
            elif key not in allowed:
                self._note(self._error(key_node, key_path, _unknown_key(key, allowed)))
            else:
                fields[key] = value_node
                key_nodes[key] = key_node
        for key in required:
            if key not in fields:
                self._note(self._error(node, _join(path, key), "missing"))
        return fields

    def _list(
        self, node: yaml.Node, path: str, read_item: Callable[[yaml.Node, str, int], T]
    ) -> list[T]:
        """Read each item of a non-empty list; ``read_item`` gets the item's 1-based number."""
        if not isinstance(node, yaml.SequenceNode) or node.tag != _TAG + "seq":
            raise self._error(node, path, f"expected a list, got {_kind(node)}")
        self._enter(node, path)
        if not node.value:
            raise self._error(node, path, "the list is empty: it needs at least one entry")
        items = []
        for index, item in enumerate(node.value):
            with self._going_on():
                items.append(read_item(item, f"{path}[{index}]", index + 1))
        return items

    def _text(self, node: yaml.Node, path: str, *, one_line: bool = False) -> str:
        """A text field's text, without surrounding blank space; empty text is an error.

        Control characters (which YAML escapes such as ``"\\e"`` can produce) and
        bidirectional overrides are made visible as ``\\x1b`` and ``\\u202e``, so a
        guide can never drive the terminal (`defused`). A ``one_line`` field (a
        title) has its line breaks and runs of blanks turned into single spaces.
        """
        if node.tag == _TAG + "null":
            raise self._error(node, path, "missing (the value is empty)")
        if not isinstance(node, yaml.ScalarNode) or node.tag not in _TEXT_TAGS:
            raise self._error(node, path, f"expected text, got {_kind(node)}")
        self.budget -= len(node.value)
        if self.budget < 0:
            raise GuideTooLarge(
                self.source,
                f"aliases repeat its text past the limit of {self.max_bytes} characters",
                limit=self.max_bytes,
                field=path,
            )
        text = defused(node.value).strip()
        if one_line:
            text = " ".join(text.split())
        if not text:
            raise self._error(node, path, "empty")
        return text

    def _enter(self, node: yaml.Node, path: str) -> None:
        """Note a mapping or list as read; meeting one again means that an alias names it."""
        if id(node) in self.entered:
            mark = node.start_mark
            raise GuideError(
                self.source,
                f"an alias of the {_KINDS[type(node)][2:]} on line {mark.line + 1}, column "
                f"{mark.column + 1}: aliases may repeat text, not mappings or lists",
                field=path or None,
            )
        self.entered.add(id(node))

    def _optional_text(
        self, fields: dict[str, yaml.Node], key: str, *, one_line: bool = False
    ) -> str | None:
        """A top-level text field that may be left out."""
        return self._field(fields, key, lambda node: self._text(node, key, one_line=one_line))

    def _error(self, node: yaml.Node, field: str, problem: str) -> GuideError:
        mark = node.start_mark
        return GuideError(
            self.source, problem, line=mark.line + 1, column=mark.column + 1, field=field or None
        )


def _join(path: str, key: str) -> str:
    """``sections[0]`` + ``title``; a key that is not a plain name is shown quoted."""
    if _PLAIN_KEY.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{quote(key)}]"


def _kind(node: yaml.Node) -> str:
    """What a node holds, in a reader's words, for "expected X, got Y"."""
    if node.tag == _TAG + "null":
        return "nothing"
    if node.tag in _PLAIN_TAGS:
        return _KINDS[type(node)]
    tag = node.tag.replace(_TAG, "!!", 1) if node.tag.startswith(_TAG) else node.tag
    return f"a value tagged {tag} (tags are not part of the guide format)"


def _unknown_key(key: str, allowed: tuple[str, ...]) -> str:
    import difflib  # only a broken guide pays for it

    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown key ({hint}expected one of: {', '.join(allowed)})"
