"""The YAML guide format: read safely, checked node by node, turned into the model.

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

import yaml

from effects_cli.errors import GuideError, GuideProblems
from effects_cli.escapes import quote
from effects_cli.loader.files import MAX_BYTES
from effects_cli.loader.yaml_nodes import Abandon, NodeReader
from effects_cli.model import Guide, Point, Section


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml's when PyYAML has it), whose plain scalars are all text.

    The guide format reads every scalar as the text its author typed (`yaml_nodes`), so
    YAML 1.1's guessing of booleans, numbers and dates is work thrown away: for a guide
    of 55,000 entries, a regular expression or two a scalar. Empty and ``~``/``null``
    plain scalars stay null, which the format calls missing.
    """

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0] and value in _NULLS:
                return _TAG + "null"
            return _TAG + "str"
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]


_TAG = "tag:yaml.org,2002:"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters a YAML stream may not hold (YAML 1.1, 5.1), found before parsing."""


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
    from effects_cli.loader.yaml_events import read_guide

    guide = read_guide(text, max_bytes)
    if guide is not None:  # well formed (libyaml refuses what _NOT_YAML finds, without a place)
        return guide
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
    return read_nodes(text, source, every_problem=every_problem, max_bytes=max_bytes)


def read_nodes(
    text: str, source: str = "<guide>", *, every_problem: bool = False, max_bytes: int = MAX_BYTES
) -> Guide:
    """A guide read by composing the YAML into nodes and checking them one by one: slower
    than the events `yaml_events` reads, but able to name any problem's place. (Text with
    characters YAML does not allow is `parse_guide`'s to refuse, first.)"""
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
    reader = GuideReader(source, max_bytes, every_problem=every_problem)
    guide = reader.read(root)
    if reader.problems:
        raise GuideProblems(reader.problems)
    assert guide is not None  # read() gives None only after a problem
    return guide


class GuideReader(NodeReader):
    """Checks a composed YAML node tree against the guide format, field by field."""

    def read(self, root: yaml.Node) -> Guide | None:
        """The guide, or None when ``every_problem`` is on and problems were noted."""
        with self.going_on():
            return self.guide(root)
        return None

    def guide(self, root: yaml.Node) -> Guide:
        fields = self.mapping(
            root,
            "",
            required=("title", "sections"),
            optional=("subtitle", "intro", "conclusion"),
        )
        # Checked in reading order, so the first problem reported is the first in the file.
        title = self.field(fields, "title", lambda node: self.text(node, "title", one_line=True))
        subtitle = self.optional_text(fields, "subtitle", one_line=True)
        intro = self.optional_text(fields, "intro")
        sections = self.field(
            fields, "sections", lambda node: self.items(node, "sections", self._section)
        )
        conclusion = self.optional_text(fields, "conclusion")
        if title is None or sections is None:
            raise Abandon
        return Guide(
            title=title,
            subtitle=subtitle,
            intro=intro,
            sections=tuple(sections),
            conclusion=conclusion,
        )

    def _section(self, node: yaml.Node, path: str, number: int) -> Section:
        fields = self.mapping(
            node, path, required=("title", "text", "points"), optional=("keywords", "related")
        )
        title = self.field(
            fields, "title", lambda title: self.text(title, f"{path}.title", one_line=True)
        )
        text = self.field(fields, "text", lambda text: self.text(text, f"{path}.text"))
        points = self.field(
            fields,
            "points",
            lambda points: self.items(
                points,
                f"{path}.points",
                lambda point, point_path, point_number: self._point(
                    point, point_path, number, point_number
                ),
            ),
        )
        keywords = self._keywords(fields, path)
        related = self._keywords(fields, path, "related")
        if title is None or text is None or points is None:
            raise Abandon
        return Section(number, title, text, tuple(points), keywords, related)

    def _point(self, node: yaml.Node, path: str, section: int, number: int) -> Point:
        fields = self.mapping(
            node, path, required=("title", "text"), optional=("keywords", "related")
        )
        title = self.field(
            fields, "title", lambda title: self.text(title, f"{path}.title", one_line=True)
        )
        text = self.field(fields, "text", lambda text: self.text(text, f"{path}.text"))
        keywords = self._keywords(fields, path)
        related = self._keywords(fields, path, "related")
        if title is None or text is None:
            raise Abandon
        return Point(section, number, title, text, keywords, related)

    def _keywords(
        self, fields: dict[str, yaml.Node], path: str, key: str = "keywords"
    ) -> tuple[str, ...]:
        """An entry's ``keywords`` (or ``related``): a list of one-line texts, none given
        twice (in any case); none when the field is left out (or, when collecting, has a
        problem)."""
        node = fields.get(key)
        if node is None:
            return ()
        seen: dict[str, int] = {}

        def keyword(item: yaml.Node, item_path: str, number: int) -> str:
            word = self.text(item, item_path, one_line=True)
            folded = word.casefold()
            if folded in seen:
                first = seen[folded]
                raise self.error(
                    item, item_path, f"{quote(word)} is given twice (first on line {first})"
                )
            seen[folded] = item.start_mark.line + 1
            return word

        words = self.field(fields, key, lambda node: self.items(node, f"{path}.{key}", keyword))
        return tuple(words or ())
