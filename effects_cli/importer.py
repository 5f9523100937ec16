"""``effects import``: an article in plain text, with numbered headings, made into a guide.

The article is read as paragraphs (lines between blank lines, joined with a
space). The rules, in the order they apply:

1. The first line is the title; when it ends with the line after it (``You
   are currently viewing X`` over ``X``), it is the page's chrome and dropped.
2. A line of its own right under the title, without a full stop, is the subtitle.
3. A short line (at most 80 characters, no full stop or other closing mark)
   found more than once, a paragraph of its own each time, is a picture's
   caption: every copy is dropped, since a caption without its picture says
   nothing and repeated it would be searched as text.
4. Short lines after the last paragraph are the page around the article
   (``Leave a Reply``) and are dropped.
5. ``1. Title`` on a line of its own starts section 1, ``1.1 Title`` its first
   sub-point; numbers must come in order (the next section, or the next
   sub-point of this section): a numbered line out of order is text.
6. Paragraphs before the first section are the introduction; a section's
   paragraphs before its first sub-point are its text; the rest are its sub-points'.
7. After the last sub-point, what follows a short line of its own (``Conclusion``)
   or two blank lines is the conclusion.

Every guess (rules 1 to 4, 7, and whatever was made up so that the guide is
valid) is a remark, one line each, which the command prints on stderr.
"""

from __future__ import annotations

from typing import NamedTuple

from effects_cli.article import (
    POINT,
    SECTION,
    SHORT,
    Paragraph,
    Remarks,
    is_subtitle,
    paragraphs_of,
    without_captions,
    without_trailer,
)
from effects_cli.errors import GuideError
from effects_cli.escapes import defused, quote
from effects_cli.model import Guide, Point, Section


class Imported(NamedTuple):
    guide: Guide
    remarks: list[str]
    """What was guessed or could not be placed, one line each: ``source:line: remark``."""


class _Entry:
    def __init__(self, title: str, line: int, ref: str) -> None:
        self.title, self.line, self.ref = title, line, ref
        self.paragraphs: list[Paragraph] = []
        self.points: list[_Entry] = []


def import_article(text: str, source: str) -> Imported:
    """The guide an article describes, and the remarks on how it was read.

    Raises `GuideError` when there is nothing to make a guide of: no text, or no
    numbered section.
    """
    # Line ends first: a carriage return is a line end here, not a character to show.
    paragraphs = paragraphs_of(defused(text.replace("\r\n", "\n").replace("\r", "\n")))
    if not paragraphs:
        raise GuideError(source, "is empty: there is no article to import")
    remarks: Remarks = []
    first, rest = paragraphs[0], paragraphs[1:]
    title = first.lines[0].strip()
    if len(first.lines) > 1:
        rest.insert(0, Paragraph(first.line + 1, first.lines[1:], 0))
    elif rest and rest[0].short and title.endswith(rest[0].text) and title != rest[0].text:
        remarks.append(
            (
                1,
                f"{quote(title)} ends with the title on line {rest[0].line}: taken for the"
                " page's heading and dropped",
            )
        )
        title, rest = rest[0].text, rest[1:]
    subtitle = None
    if rest and is_subtitle(rest[0]):
        remarks.append(
            (
                rest[0].line,
                "a line of its own under the title, without a full stop: taken for the subtitle",
            )
        )
        subtitle, rest = rest[0].text, rest[1:]
    rest = without_captions(rest, remarks)
    rest = without_trailer(rest, remarks)
    intro, sections = _structure(rest, remarks)
    if not sections:
        raise GuideError(
            source,
            "no numbered sections: an article needs headings such as '1. Title' on lines"
            " of their own",
        )
    conclusion = _conclusion(sections[-1], remarks)
    for entry in [*sections, *(point for section in sections for point in section.points)]:
        for paragraph in entry.paragraphs:
            if paragraph.short:
                remarks.append(
                    (
                        paragraph.line,
                        f"{quote(paragraph.text)} is a short line without a full"
                        f" stop: kept as a paragraph of {entry.ref} (a heading without a number?)",
                    )
                )
    guide = Guide(
        title=" ".join(title.split()),
        subtitle=" ".join(subtitle.split()) if subtitle else None,
        intro=_joined(intro) or None,
        sections=tuple(
            _section(entry, number, remarks) for number, entry in enumerate(sections, 1)
        ),
        conclusion=conclusion,
    )
    return Imported(guide, [f"{source}:{line}: {remark}" for line, remark in sorted(remarks)])


def _structure(
    paragraphs: list[Paragraph], remarks: Remarks
) -> tuple[list[Paragraph], list[_Entry]]:
    """Rule 5 and 6: the introduction, and the sections with their sub-points."""
    intro: list[Paragraph] = []
    sections: list[_Entry] = []
    current: _Entry | None = None
    for paragraph in paragraphs:
        head = paragraph.lines[0].strip()
        section, point = SECTION.fullmatch(head), POINT.fullmatch(head)
        points = sections[-1].points if sections else []
        if section and int(section[1]) == len(sections) + 1 and len(section[2]) <= 2 * SHORT:
            current = _Entry(section[2].strip(), paragraph.line, section[1].lstrip("0"))
            sections.append(current)
        elif (
            point
            and sections
            and int(point[1]) == len(sections)
            and int(point[2]) == len(points) + 1
        ):
            current = _Entry(point[3].strip(), paragraph.line, f"{len(sections)}.{len(points) + 1}")
            points.append(current)
        else:
            if section or point:
                expected = f"section {len(sections) + 1}" + (
                    f" or sub-point {len(sections)}.{len(points) + 1}" if sections else ""
                )
                remarks.append(
                    (
                        paragraph.line,
                        f"{quote(head)} is numbered like a heading, but {expected}"
                        " comes next: kept as text",
                    )
                )
            (current.paragraphs if current is not None else intro).append(paragraph)
            continue
        if len(paragraph.lines) > 1:
            current.paragraphs.append(Paragraph(paragraph.line + 1, paragraph.lines[1:], 0))
    return intro, sections


def _conclusion(section: _Entry, remarks: Remarks) -> str | None:
    """Rule 7: the end of the last sub-point's paragraphs, after a short line or two
    blank lines, is the conclusion."""
    entry = section.points[-1] if section.points else section
    for at in range(1, len(entry.paragraphs)):
        paragraph = entry.paragraphs[at]
        if paragraph.short and at + 1 < len(entry.paragraphs):
            remarks.append(
                (
                    paragraph.line,
                    f"{quote(paragraph.text)}, a short line after {entry.ref}: taken"
                    " for the conclusion's heading; what follows is the conclusion",
                )
            )
            conclusion, entry.paragraphs = entry.paragraphs[at + 1 :], entry.paragraphs[:at]
            return _joined(conclusion)
        if paragraph.blanks >= 2:
            remarks.append(
                (
                    paragraph.line,
                    f"two blank lines after {entry.ref}: what follows is taken for the conclusion",
                )
            )
            conclusion, entry.paragraphs = entry.paragraphs[at:], entry.paragraphs[:at]
            return _joined(conclusion)
    return None


def _section(entry: _Entry, number: int, remarks: Remarks) -> Section:
    """The section, made valid where the article leaves out what a guide needs."""
    paragraphs = entry.paragraphs
    if not entry.points:
        what = "all but its first paragraph are" if len(paragraphs) > 1 else "its text is also"
        remarks.append(
            (
                entry.line,
                f"section {number} has no sub-points: {what} its sub-point {number}.1, of the"
                " same title (a guide's section needs one)",
            )
        )
        kept = paragraphs[1:] or paragraphs
        point = _Entry(entry.title, entry.line, f"{number}.1")
        point.paragraphs = kept
        entry.points = [point]
        paragraphs = paragraphs[:1]
    if not paragraphs:
        remarks.append(
            (
                entry.line,
                f"section {number} has no text before its first sub-point: its title"
                " stands for its text",
            )
        )
    points = []
    for index, point in enumerate(entry.points, 1):
        if not point.paragraphs:
            remarks.append(
                (point.line, f"sub-point {number}.{index} has no text: its title stands for it")
            )
        points.append(Point(number, index, point.title, _joined(point.paragraphs) or point.title))
    return Section(number, entry.title, _joined(paragraphs) or entry.title, tuple(points))


def _joined(paragraphs: list[Paragraph]) -> str:
    return "\n\n".join(paragraph.text for paragraph in paragraphs)
