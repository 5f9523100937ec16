"""Markdown as the guide format reads it: top-level headings and blocks, as plain text.

`items` cuts a document into its headings and other blocks; `inline_text` and the
blocks' texts are what a guide holds of them: plain text, `defused` as every guide
text is. `parser` is the one CommonMark parser (markdown-it-py), made on first use.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from effects_cli.escapes import defused

_COMMENT = re.compile(r"\s*<!--.*-->\s*", re.DOTALL)
_COMMA = re.compile(r"\\.|,", re.DOTALL)
"""A keyword's separator, or an escaped character (``\\,`` is a comma in a keyword)."""

_parser: MarkdownIt | None = None


def parser() -> MarkdownIt:
    """The CommonMark parser, HTML recognised (so that HTML blocks can be refused)."""
    global _parser
    if _parser is None:
        _parser = MarkdownIt("commonmark", {"html": True})
    return _parser


class Heading:
    """A heading: its level, line, and its inline source and tokens."""

    def __init__(self, level: int, line: int, inline: Token) -> None:
        self.level, self.line, self.inline = level, line, inline


class Block:
    """Anything else at the top level: its line, its plain text, what kind it is."""

    def __init__(self, line: int, text: str, kind: str, inline: Token | None = None) -> None:
        self.line, self.text, self.kind, self.inline = line, text, kind, inline


def items(text: str) -> list[Heading | Block]:
    """The top-level headings and other blocks of a Markdown text, in order; rules
    (``---``) are left out, and so are lists, quotations and code that hold no text."""
    tokens = parser().parse(text)
    items: list[Heading | Block] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        end = _close(tokens, at)
        line = token.map[0] + 1 if token.map else 0
        if token.type == "heading_open":
            items.append(Heading(int(token.tag[1:]), line, tokens[at + 1]))
        elif token.type == "html_block":
            kind = "comment" if _COMMENT.fullmatch(token.content) else "html"
            items.append(Block(line, token.content, kind))
        elif token.type == "paragraph_open":
            inline = tokens[at + 1]
            items.append(Block(line, inline_text(inline), "paragraph", inline))
        elif token.type != "hr":
            shown = block_text(tokens[at : end + 1])
            if shown:
                items.append(Block(line, shown, "other"))
        at = end + 1
    return items


def _close(tokens: list[Token], at: int) -> int:
    """Where the block opened at ``at`` closes (``at`` itself for a block of one token)."""
    if tokens[at].nesting != 1:
        return at
    depth = 0
    for end in range(at, len(tokens)):
        depth += tokens[end].nesting
        if depth == 0:
            return end
    return len(tokens) - 1


def emphasised(inline: Token | None) -> bool:
    """Whether a paragraph is one emphasised (or strong) span, as a subtitle is written."""
    children = inline.children if inline is not None else None
    if not children or len(children) < 3:
        return False
    opened, closed = children[0], children[-1]
    if opened.type not in ("em_open", "strong_open") or closed.nesting != -1:
        return False
    depth = 0
    for child in children[:-1]:
        depth += (
            child.nesting
            if child.type in ("em_open", "em_close", "strong_open", "strong_close")
            else 0
        )
        if depth == 0:
            return False
    return True


def inline_text(inline: Token) -> str:
    """The plain text of an inline token: marks dropped, links with their address."""
    parts: list[str] = []
    links: list[tuple[str, int]] = []
    for child in inline.children or ():
        kind = child.type
        if kind in ("text", "text_special", "code_inline", "html_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "image":
            parts.append(child.content)
        elif kind == "link_open":
            links.append((str(child.attrs.get("href", "")), len(parts)))
        elif kind == "link_close" and links:
            href, start = links.pop()
            shown = "".join(parts[start:])
            if href and href not in (shown, f"mailto:{shown}"):
                parts.append(f" ({href})")
    return defused("".join(parts))


def block_text(tokens: list[Token]) -> str:
    """A list, quotation or code block as plain text: list items a line each (marked as
    they were, ``-`` or their number, nested ones indented), quoted paragraphs as they
    are, code as typed."""
    lines: list[str] = []
    counters: list[list[int] | None] = []
    """The next number of each open list (None for a bulleted one), innermost last."""
    mark: str | None = None
    for token in tokens:
        if token.type == "bullet_list_open":
            counters.append(None)
        elif token.type == "ordered_list_open":
            counters.append([int(token.attrs.get("start", 1) or 1)])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            counters.pop()
        elif token.type == "list_item_open" and counters:
            counter = counters[-1]
            mark = "  " * (len(counters) - 1) + ("-" if counter is None else f"{counter[0]}.")
            if counter is not None:
                counter[0] += 1
        elif token.type == "inline":
            text = inline_text(token)
            lines.append(text if mark is None else f"{mark} {text}")
            mark = None
        elif token.type in ("fence", "code_block"):
            lines.append(defused(token.content.rstrip("\n")))
    return "\n".join(line for line in lines if line.strip())


def split_commas(raw: str) -> list[str]:
    """``raw`` cut at each comma that is not escaped."""
    pieces, start = [], 0
    for found in _COMMA.finditer(raw):
        if found.group() == ",":
            pieces.append(raw[start : found.start()])
            start = found.end()
    return [*pieces, raw[start:]]


def one_line(text: str) -> str:
    return " ".join(text.split())
