"""An article's text as paragraphs, and what of it is the web page around the article.

`effects_cli.importer` reads the article's structure from what is left here: the
paragraphs (lines between blank lines), without the pictures' captions (rule 3:
short lines found more than once) and the page's own lines after the article
(rule 4: "Leave a Reply"). Each guess is a remark, ``(line, text)``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from effects_cli.escapes import quote

Remarks = list[tuple[int, str]]
"""What was guessed, as ``(line, remark)``: the importer adds the file's name."""

SECTION = re.compile(r"\s*(\d{1,4})\.\s+(\S.*)")
POINT = re.compile(r"\s*(\d{1,4})\.(\d{1,4})\.?\s+(\S.*)")
SHORT = 80
"""The longest line that may be a caption, a subtitle or a heading without a number."""
_CLOSED = tuple(".!?:;,\u2026\"'\u201d\u2019)]")
"""What a line of prose ends with, and a caption or a heading does not."""


class Paragraph(NamedTuple):
    line: int
    lines: list[str]
    blanks: int
    """Blank lines before it."""

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)

    @property
    def short(self) -> bool:
        """One line, short, not closed like a sentence: a caption, a subtitle or a heading."""
        text = self.text
        return len(self.lines) == 1 and len(text) <= SHORT and not text.endswith(_CLOSED)


def paragraphs_of(text: str) -> list[Paragraph]:
    """The article's paragraphs: runs of lines between blank lines."""
    paragraphs: list[Paragraph] = []
    lines: list[str] = []
    blanks = start = 0
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line)
        elif lines:
            paragraphs.append(Paragraph(start, lines, blanks))
            lines, blanks = [], 1
        else:
            blanks += 1
    if lines:
        paragraphs.append(Paragraph(start, lines, blanks))
    return paragraphs


def numbered(paragraph: Paragraph) -> bool:
    """Whether a paragraph starts with a numbered line: a heading, or text that looks like one."""
    head = paragraph.lines[0].strip()
    return bool(SECTION.fullmatch(head) or POINT.fullmatch(head))


def is_subtitle(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return (
        len(paragraph.lines) == 1
        and len(text) <= 2 * SHORT
        and not text.endswith((".", "!", "?"))
        and not numbered(paragraph)
    )


def without_captions(paragraphs: list[Paragraph], remarks: Remarks) -> list[Paragraph]:
    """Rule 3: short lines found more than once are captions, dropped."""
    seen: dict[str, list[Paragraph]] = {}
    for paragraph in paragraphs:
        if paragraph.short and not numbered(paragraph):
            seen.setdefault(paragraph.text.casefold(), []).append(paragraph)
    captions = {key: found for key, found in seen.items() if len(found) > 1}
    for found in captions.values():
        lines = ", ".join(str(paragraph.line) for paragraph in found[:5])
        more = ", \u2026" if len(found) > 5 else ""
        remarks.append(
            (
                found[0].line,
                f"{quote(found[0].text)}, a short line found {_times(len(found))} (lines"
                f" {lines}{more}): taken for a picture's caption and dropped",
            )
        )
    return [p for p in paragraphs if not (p.short and p.text.casefold() in captions)]


def without_trailer(paragraphs: list[Paragraph], remarks: Remarks) -> list[Paragraph]:
    """Rule 4: the short lines after the last paragraph, dropped."""
    end = len(paragraphs)
    while end > 0 and paragraphs[end - 1].short and not numbered(paragraphs[end - 1]):
        end -= 1
    trailer = paragraphs[end:]
    # After a heading, a short line is that heading's text, not the page's.
    if trailer and end > 0 and not numbered(paragraphs[end - 1]):
        shown = ", ".join(quote(paragraph.text) for paragraph in trailer[:3])
        what = "a short line" if len(trailer) == 1 else f"{len(trailer)} short lines"
        remarks.append(
            (
                trailer[0].line,
                f"{what} after the last paragraph ({shown}): taken for the page"
                " around the article and dropped",
            )
        )
        return paragraphs[:end]
    return paragraphs


def _times(count: int) -> str:
    return "twice" if count == 2 else f"{count} times"
