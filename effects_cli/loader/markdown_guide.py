"""The Markdown guide format: the Markdown people already write for such a guide.

``#`` is the title, an emphasised line right under it the subtitle, paragraphs
before the first ``##`` the introduction; ``##`` headings are sections and
``###`` headings their sub-points, each followed by its text; a last ``##``
heading without a number and without sub-points holds the conclusion. A
heading's number (``## 2.``, ``### 2.1``) may be left out, but when given it
must be the heading's place. A paragraph ``Keywords: a, b, c`` right under a
section's or sub-point's heading gives its keywords, and ``Related: a, b`` its related
words (needs it helps with that the guide does not discuss).

Texts are plain: emphasis and code marks are dropped, a link becomes its text
and its address in brackets, a picture its description, a list its items a
line each; a line break made with a backslash (or two spaces) is kept, the
lines of a paragraph are joined as one. Everything is `defused` as YAML text
is. Problems name their line and place as the YAML reader's do
(``guide.md:12: section 2: text: missing``).

Parsed with markdown-it-py (CommonMark), imported only here: it costs a little
more than PyYAML to import, and only a Markdown guide read afresh pays it.
"""

from __future__ import annotations

import re

from effects_cli.errors import GuideError, GuideProblems
from effects_cli.escapes import quote
from effects_cli.loader.markdown_text import (
    Block,
    Heading,
    emphasised,
    inline_text,
    one_line,
    parser,
    split_commas,
)
from effects_cli.loader.markdown_text import items as read_items
from effects_cli.model import Guide, Point, Section

_SECTION_NUMBER = re.compile(r"(\d+)\.(?:\s+|$)")
_POINT_NUMBER = re.compile(r"(\d+)\.(\d+)\.?(?:\s+|$)")
_SHOWN_DIGITS = 20
"""A heading's number longer than this is cut in a message, and compared as text (no
place is that large, and a number of any length is a number); a shorter one is read as
an int, whatever its digits."""
_LISTS = re.compile(r"(keywords|related):", re.IGNORECASE)
"""The start of a paragraph of keywords, or of related words."""
_ITEMS = {"keywords": "keyword", "related": "related word"}
"""What one word of each list is called in a message."""
_FRONT_MATTER = ("---", "+++")


class _Entry:
    """A section or sub-point as read, before it is checked."""

    def __init__(self, place: str, line: int, title: str | None) -> None:
        self.place, self.line, self.title = place, line, title
        self.texts: list[str] = []
        self.keywords: tuple[str, ...] = ()
        self.related: tuple[str, ...] = ()
        self.points: list[_Entry] = []
        self.numbered = False


def parse_guide(text: str, source: str = "<guide>", *, every_problem: bool = False) -> Guide:
    """Turn the Markdown text of a guide into a `Guide`, or raise `GuideError`.

    With ``every_problem`` all problems are raised together (`GuideProblems`),
    in reading order; without, the first of them.
    """
    reader = _Reader(source)
    guide = reader.read(text)
    if reader.problems:
        if every_problem:
            raise GuideProblems(reader.problems)
        raise reader.problems[0]
    assert guide is not None
    return guide


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[GuideError] = []
        self.numbers: dict[str, int] = {}
        """The line of each heading number given, to name a duplicate's first."""

    def problem(self, line: int | None, problem: str, place: str | None = None) -> None:
        self.problems.append(GuideError(self.source, problem, line=line, field=place))

    def read(self, text: str) -> Guide | None:
        text = self._without_front_matter(text)
        items = read_items(text)
        if not any(isinstance(item, Heading) or item.kind != "comment" for item in items):
            self.problem(None, "the guide is empty: it needs at least a title and sections")
            return None
        title, subtitle, intro, rest = self._head(items)
        sections = self._sections(rest)
        conclusion = self._conclusion(sections)
        checked = [self._section(entry, number) for number, entry in enumerate(sections, 1)]
        if not sections:
            line = items[-1].line if items else None
            self.problem(line, "missing: a guide needs at least one ## section", "sections")
        self.problems.sort(key=lambda problem: problem.line or 0)
        if title is None or not all(checked):
            return None
        return Guide(
            title=title,
            subtitle=subtitle,
            intro=intro,
            sections=tuple(section for section in checked if section is not None),
            conclusion=conclusion,
        )

    def _without_front_matter(self, text: str) -> str:
        """Front matter (between ``---`` lines at the top) is refused; its lines are blanked,
        so that the rest is still read and its lines keep their numbers."""
        lines = text.split("\n")
        fence = lines[0].strip()
        if fence not in _FRONT_MATTER:
            return text
        end = next((at for at in range(1, len(lines)) if lines[at].strip() == fence), None)
        self.problem(
            1,
            f"front matter ({fence} lines at the top) is not part of the guide format:"
            " the title is the # heading",
        )
        if end is None:
            return ""
        return "\n" * (end + 1) + "\n".join(lines[end + 1 :])

    def _head(
        self, items: list[Heading | Block]
    ) -> tuple[str | None, str | None, str | None, list[Heading | Block]]:
        """The title, subtitle and introduction, and the items after them."""
        first = next((at for at, item in enumerate(items) if isinstance(item, Heading)), None)
        before = items if first is None else items[:first]
        for item in before:
            if isinstance(item, Block) and item.kind != "comment":
                self.problem(item.line, "text before the title: a guide starts with its # heading")
                break
        if first is None:
            self.problem(None, "missing: a guide starts with a # heading", "title")
            return None, None, None, []
        heading = items[first]
        assert isinstance(heading, Heading)
        rest = items[first + 1 :]
        if heading.level != 1:
            self.problem(heading.line, "missing: a guide starts with a # heading", "title")
            return None, None, None, items[first:]
        title = one_line(inline_text(heading.inline))
        if not title:
            self.problem(heading.line, "empty", "title")
        subtitle = None
        if rest and isinstance(rest[0], Block) and emphasised(rest[0].inline):
            subtitle = one_line(rest[0].text) or None
            rest = rest[1:]
        intro: list[str] = []
        while rest and isinstance(rest[0], Block):
            self._text(rest[0], intro, "intro")
            rest = rest[1:]
        return title or None, subtitle, "\n\n".join(intro) or None, rest

    def _sections(self, items: list[Heading | Block]) -> list[_Entry]:
        """The ``##`` sections and their ``###`` sub-points, numbers checked."""
        sections: list[_Entry] = []
        entry: _Entry | None = None
        for item in items:
            if isinstance(item, Block):
                if entry is not None:
                    self._body(item, entry)
                continue
            if item.level == 2:
                entry = self._heading(item, len(sections) + 1, None)
                sections.append(entry)
            elif item.level == 3 and sections:
                section = sections[-1]
                entry = self._heading(item, len(section.points) + 1, section)
                section.points.append(entry)
            else:
                entry = None
                self._misplaced(item, sections)
        return sections

    def _misplaced(self, heading: Heading, sections: list[_Entry]) -> None:
        if heading.level == 1:
            self.problem(
                heading.line, "a second # heading: a guide has one title; sections are ## headings"
            )
        elif heading.level == 3:
            self.problem(heading.line, "a ### sub-point before any ## section")
        else:
            where = sections[-1].points[-1].place if sections and sections[-1].points else None
            self.problem(
                heading.line,
                f"a {'#' * heading.level} heading: a guide has # (its title),"
                " ## (sections) and ### (sub-points)",
                where,
            )

    def _heading(self, heading: Heading, number: int, section: _Entry | None) -> _Entry:
        """An entry from its heading: the number, when given, must be its place."""
        raw = heading.inline.content
        point = _POINT_NUMBER.match(raw)
        plain = _SECTION_NUMBER.match(raw)
        if section is None:
            place, ref = f"section {number}", str(number)
            found = plain
            given = _digits(found[1]) if found else None
            if point:
                self.problem(
                    heading.line,
                    f"numbered {_shown(point[1] + '.' + point[2])} as a sub-point: sub-points"
                    " are ### headings",
                    place,
                )
                found, given = point, None
        else:
            place_number = f"{section.place.removeprefix('section ')}.{number}"
            place, ref = f"sub-point {place_number}", place_number
            found = point
            given = f"{_digits(point[1])}.{_digits(point[2])}" if point else None
        if given is not None:
            first = self.numbers.setdefault(given, heading.line)
            again = f" again (first on line {first})" if first != heading.line else ""
            if given != ref:
                self.problem(
                    heading.line,
                    f"numbered {_shown(given)}{again}: a heading's number must be its place"
                    f" ({ref})",
                    place,
                )
        rest = raw[found.end() :] if found else raw
        title = one_line(inline_text(parser().parseInline(rest)[0])) if rest.strip() else ""
        entry = _Entry(place, heading.line, title)
        entry.numbered = found is not None
        if not title:
            self.problem(heading.line, "missing", f"{place}: title")
        return entry

    def _body(self, block: Block, entry: _Entry) -> None:
        """A block under an entry's heading: its keywords or related words (first), or
        its text."""
        raw = block.inline.content if block.inline is not None else ""
        found = _LISTS.match(raw) if block.kind == "paragraph" else None
        if found is not None and not entry.texts:
            kind = found[1].lower()
            if getattr(entry, kind):
                self.problem(block.line, "given twice", f"{entry.place}: {kind}")
            setattr(entry, kind, self._words(raw[found.end() :], block, entry, kind))
            return
        self._text(block, entry.texts, entry.place)

    def _text(self, block: Block, texts: list[str], place: str) -> None:
        if block.kind == "html":
            self.problem(block.line, "an HTML block: HTML is not part of the guide format", place)
        elif block.kind != "comment":
            texts.append(block.text)

    def _words(self, raw: str, block: Block, entry: _Entry, kind: str) -> tuple[str, ...]:
        """The words of a ``Keywords:`` (or ``Related:``) paragraph: one-line texts
        separated by commas, none twice (in any case)."""
        words: list[str] = []
        seen: dict[str, int] = {}
        if not raw.strip():
            given = f"none given after '{kind.capitalize()}:'"
            self.problem(block.line, given, f"{entry.place}: {kind}")
            return ()
        for number, piece in enumerate(split_commas(raw), 1):
            tokens = parser().parseInline(piece.strip()) if piece.strip() else []
            word = one_line(inline_text(tokens[0])) if tokens else ""
            place = f"{entry.place}: {_ITEMS[kind]} {number}"
            if not word:
                self.problem(block.line, "empty", place)
                continue
            folded = word.casefold()
            if folded in seen:
                first = f"first as {_ITEMS[kind]} {seen[folded]}"
                self.problem(block.line, f"{quote(word)} is given twice ({first})", place)
                continue
            seen[folded] = number
            words.append(word)
        return tuple(words)

    def _conclusion(self, sections: list[_Entry]) -> str | None:
        """The last ``##``, when it has neither a number nor sub-points, holds the conclusion."""
        if len(sections) < 2 or sections[-1].numbered or sections[-1].points:
            return None
        last = sections.pop()
        for kind in _ITEMS:
            if getattr(last, kind):
                self.problem(last.line, "the conclusion has none", f"conclusion: {kind}")
        if not last.texts:
            self.problem(last.line, "missing: the last ## heading holds no text", "conclusion")
            return None
        return "\n\n".join(last.texts)

    def _section(self, entry: _Entry, number: int) -> Section | None:
        text = self._entry_text(entry)
        if not entry.points:
            self.problem(
                entry.line,
                "missing: a section needs at least one ### sub-point",
                f"{entry.place}: points",
            )
        points = [
            Point(number, at, point.title or "", text, point.keywords, point.related)
            for at, (point, text) in enumerate(
                ((point, self._entry_text(point)) for point in entry.points), 1
            )
        ]
        if not entry.title or text is None or not points:
            return None
        if any(not point.title or not point.text for point in points):
            return None
        return Section(number, entry.title, text, tuple(points), entry.keywords, entry.related)

    def _entry_text(self, entry: _Entry) -> str:
        if not entry.texts:
            self.problem(entry.line, "missing", f"{entry.place}: text")
            return ""
        return "\n\n".join(entry.texts)


def _digits(number: str) -> str:
    """A number as ASCII digits without leading zeros (``07`` is 7, and so is a
    full-width seven, U+FF17); one too long to be a place is kept as written."""
    return str(int(number)) if len(number) <= _SHOWN_DIGITS else number.lstrip("0") or "0"


def _shown(number: str) -> str:
    """A heading's number as a message shows it: cut after `_SHOWN_DIGITS` characters."""
    return number if len(number) <= _SHOWN_DIGITS else number[:_SHOWN_DIGITS] + "\u2026"
