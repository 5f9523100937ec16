"""``effects tip --short``: a tip in two lines, for a shell's start-up (as ``fortune -s``).

The first line is the sub-point's reference and title, the second the first sentence of
its text, each cut with an ellipsis to fit the width. The text is a function of the
point, the width, whether colour (and which theme) is on, and stdout's encoding alone,
written without Rich, so that it costs nothing to lay out and can be replayed byte for
byte from what it is made of.
"""

from __future__ import annotations

import re
import unicodedata

from effects_cli.model import Point
from effects_cli.theme import THEMES, painted

_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)]*(?=\s)")
"""Where a sentence ends: its stop (and a closing quote or bracket), then a blank."""


def short_tip(
    point: Point, *, width: int, styled: bool, colour: bool, theme: str, encoding: str | None
) -> str:
    """The two lines of ``point``, each at most ``width`` cells, ending in a line break.

    ``styled`` puts in escape codes (bold reference and title), ``colour`` their colours
    as ``theme`` has them; ``encoding`` is stdout's when it cannot hold every character
    (plain stand-ins then, and ``...`` for the ellipsis).
    """
    ellipsis = "\u2026"
    ref, title, text = point.ref, point.title, first_sentence(point.text)
    if encoding is not None:
        from effects_cli.encodable import encodable

        ellipsis = encodable(ellipsis, encoding)
        title, text = encodable(title, encoding), encodable(text, encoding)
    gap = "  "
    title = fitted(title, width - cells(ref) - len(gap), ellipsis)
    text = fitted(text, width, ellipsis)
    if not styled:
        return f"{ref}{gap}{title}\n{text}\n"
    styles = THEMES[theme]
    ref, title = painted(ref, styles["ref"], colour), painted(title, styles["title"], colour)
    return f"{ref}{gap}{title}\n{text}\n"


def first_sentence(text: str) -> str:
    """The text up to the end of its first sentence (all of it when it has one only), on
    one line."""
    flat = " ".join(text.split())
    end = _SENTENCE_END.search(flat)
    return flat[: end.end()] if end else flat


def fitted(text: str, width: int, ellipsis: str = "\u2026") -> str:
    """``text`` if it fits ``width`` cells, else cut at a word (or, for a word longer than
    the line, within it) with ``ellipsis`` after it."""
    if cells(text) <= width:
        return text
    room = max(width - cells(ellipsis), 0)
    taken = used = 0
    for character in text:
        used += cells(character)
        if used > room:
            break
        taken += 1
    cut = text[:taken]
    at_word = cut.rsplit(" ", 1)[0].rstrip(" ,;:") if " " in cut.strip() else cut
    return (at_word or cut).rstrip() + ellipsis if room else ellipsis[: max(width, 0)]


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: two for a wide character, none for a
    combining mark or a zero-width one."""
    total = 0
    for character in text:
        if unicodedata.combining(character) or character in "\u200b\u200c\u200d\u2060\ufeff":
            continue
        total += 2 if unicodedata.east_asian_width(character) in "WF" else 1
    return total
