"""A guide written out in either guide format, YAML or Markdown, for ``effects read --format``.

What is written reads back as the same guide, word for word: every character
that Markdown would take for markup is escaped (``\\*``, ``\\#`` at the start of a
line, ``1\\.`` where a list would start, ``Keywords\\:`` at the start of a
paragraph), a line break inside a paragraph is a backslash at the end of the
line, and blank space at either end of a line, which Markdown drops, is written
as a character reference (``&#x20;``). Only a run of blank lines has no Markdown
form: it reads as one paragraph break, as the format's rules say.
"""

from __future__ import annotations

import re
from typing import Any

from effects_cli.model import Guide, Point, Section

_INLINE = re.compile(r"([\\`*_\[\]<>&])")
"""Characters that may open or close inline markup anywhere in a line."""
_LINE_START = re.compile(r"^([#>+=~|-]|\d+(?=[.)]))")
"""What starts a heading, quotation, list, rule or fence at the start of a line; the number
of an ordered list is escaped by its dot (``1\\.``)."""
_ORDERED = re.compile(r"^(\d+)([.)])")
_PARAGRAPHS = re.compile(r"\n{2,}")
_BREAK = re.compile(r"(?<=\S) (?=\S)")
WIDTH = 80
"""Paragraphs are wrapped this wide (headings and keywords are never wrapped)."""


def guide_markdown(guide: Guide) -> str:
    """The guide in the Markdown guide format (see `effects_cli.loader.markdown_guide`)."""
    parts = [f"# {_heading(guide.title)}"]
    if guide.subtitle is not None:
        parts.append(f"*{_line(guide.subtitle)}*")
    if guide.intro is not None:
        parts.append(_text(guide.intro))
    for section in guide.sections:
        parts += _entry("##", section)
        for point in section.points:
            parts += _entry("###", point)
    if guide.conclusion is not None:
        parts += ["## Conclusion", _text(guide.conclusion)]
    return "\n\n".join(parts) + "\n"


def _entry(level: str, entry: Section | Point) -> list[str]:
    number = f"{entry.ref}." if isinstance(entry, Section) else entry.ref
    parts = [f"{level} {number} {_heading(entry.title)}"]
    for label, words in (("Keywords", entry.keywords), ("Related", entry.related)):
        if words:
            parts.append(
                f"{label}: " + ", ".join(_line(word).replace(",", "\\,") for word in words)
            )
    parts.append(_text(entry.text))
    return parts


def _heading(title: str) -> str:
    """A title on a heading's line: ``#`` escaped too, which could close the heading."""
    return _line(title).replace("#", "\\#")


def _text(text: str) -> str:
    """A text's paragraphs, a blank line apart; its line breaks a backslash at line ends."""
    paragraphs = []
    for paragraph in _PARAGRAPHS.split(text):
        lines = [_wrapped(_line(line)) for line in paragraph.split("\n")]
        if any(lines):
            paragraphs.append("\\\n".join(line or "&#x20;" for line in lines))
    return "\n\n".join(paragraphs)


def _wrapped(line: str) -> str:
    """A line of text wrapped at `WIDTH`, at single spaces between words only (Markdown
    joins the lines of a paragraph with one space), each line escaped where it starts."""
    shown: list[str] = []
    for word in _BREAK.split(line):
        if shown and len(shown[-1]) + 1 + len(word) <= WIDTH:
            shown[-1] += " " + word
        else:
            shown.append(word)
    return "\n".join(_start_of_line(part) for part in shown)


def _line(text: str) -> str:
    """One line of text with its inline markup escaped and its blank ends kept."""
    escaped = _INLINE.sub(r"\\\1", text)
    core = escaped.strip()  # str.strip and \s agree on what is blank; no regex backtracks
    if not core:
        return _references(escaped)
    start = len(escaped) - len(escaped.lstrip())
    end = start + len(core)
    return _references(escaped[:start]) + core + _references(escaped[end:])


def _references(blanks: str) -> str:
    """Blank characters as character references, which Markdown keeps at a line's ends."""
    return "".join(f"&#x{ord(ch):x};" for ch in blanks)


def _start_of_line(line: str) -> str:
    """A line that would start a block (a heading, list, quotation, rule, fence, or the
    keywords) escaped so that it stays text."""
    for label in ("keywords:", "related:"):
        if line[: len(label)].lower() == label:
            return line[: len(label) - 1] + "\\:" + line[len(label) :]
    ordered = _ORDERED.match(line)
    if ordered:
        return f"{ordered[1]}\\{ordered[2]}{line[ordered.end() :]}"
    return _LINE_START.sub(r"\\\1", line, count=1)


_FOLDED = 60
"""Texts longer than this are written as folded blocks."""


def guide_yaml(guide: Guide, *, unicode: bool = True) -> str:
    """The guide in the YAML guide format, texts with line breaks as literal blocks; without
    ``unicode``, in ASCII, anything else written as escapes (``"\\u2019"``)."""
    import yaml

    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)  # lists indented under their key

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        # Long texts folded (>-) and texts with line breaks literal (|), as the bundled
        # guide is written; PyYAML falls back to quotes where a style cannot hold a text.
        style = "|" if "\n" in value else ">" if len(value) > _FOLDED else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return yaml.dump(
        guide_data(guide), Dumper=Dumper, allow_unicode=unicode, sort_keys=False, width=80
    )


def guide_data(guide: Guide) -> dict[str, Any]:
    """The guide as the YAML format's plain data: optional fields left out when absent."""
    data: dict[str, Any] = {"title": guide.title}
    for key in ("subtitle", "intro"):
        if getattr(guide, key) is not None:
            data[key] = getattr(guide, key)
    data["sections"] = [
        {
            "title": section.title,
            "text": section.text,
            **({"keywords": list(section.keywords)} if section.keywords else {}),
            **({"related": list(section.related)} if section.related else {}),
            "points": [
                {
                    "title": point.title,
                    "text": point.text,
                    **({"keywords": list(point.keywords)} if point.keywords else {}),
                    **({"related": list(point.related)} if point.related else {}),
                }
                for point in section.points
            ],
        }
        for section in guide.sections
    ]
    if guide.conclusion is not None:
        data["conclusion"] = guide.conclusion
    return data
