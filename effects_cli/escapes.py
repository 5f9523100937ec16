"""Text on its way to a terminal: what may pass as it is, and how the rest is shown.

Guide text, queries and the paths and values people type all reach a
terminal somewhere: in the output, in JSON, in a one-line message. Escape
sequences, bidirectional controls and line breaks in them must never drive
the terminal or break a message's line; these functions make them visible
instead. No I/O here.
"""

from __future__ import annotations

import re

_QUOTE_LIMIT = 60

UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
"""Characters never passed on to a terminal as they are: control characters other than tab
and line feed (ESC starts escape sequences; C1 ``\\x9b`` and ``\\x9d`` are CSI and OSC on
their own), and the bidirectional embeddings, overrides and isolates, which reorder the
text that follows them and so can make a line read differently from what it holds."""


def quote(text: str) -> str:
    """Show user-supplied text in a message: quoted, shortened, control characters escaped.

    A reference or query echoed back must never put raw escape sequences on a
    terminal, nor flood it when someone pastes a whole page.
    """
    if len(text) > _QUOTE_LIMIT:
        text = text[: _QUOTE_LIMIT - 1] + "\u2026"
    return '"' + visible(text).replace('"', '\\"') + '"'


def visible(text: str) -> str:
    """``text`` with each character that does not print shown as its escape, ``\\x1b``."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def defused(text: str) -> str:
    """``text`` with each `UNSAFE` character shown as its escape (``\\x1b``, ``\\u202e``),
    and the line and paragraph separators U+2028 and U+2029 (line breaks to YAML, but
    not to a terminal) as line breaks.

    Guide text and queries pass through this before they reach any output, JSON
    included; everything else is kept.
    """
    if text.isprintable():  # nearly always: no pattern needed
        return text
    return re.sub(_DEFUSED, _defuse, text)


def one_line(text: str) -> str:
    """``text`` as a box of one line may draw it as it is (browse's search box): without
    the `UNSAFE` characters and the line breaks `defused` would show, a tab a space."""
    return re.sub(_DEFUSED[:-1] + "\n]", "", text.replace("\t", " "))


_BREAKS = {"\u2028": "\n", "\u2029": "\n\n"}
_DEFUSED = UNSAFE[:-1] + "\u2028\u2029]"
"""Patterns are text, compiled (and cached by ``re``) on first use: most runs need none."""


def _defuse(found: re.Match[str]) -> str:
    return _BREAKS.get(found.group()) or visible(found.group())
