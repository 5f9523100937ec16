"""The words a search matched, marked in an entry as ``effects show`` renders it.

A hit carries the spans of its matches in its title and snippet only; an opened hit
shows the whole entry (a section with its sub-points), so the words those spans
cover are marked wherever they stand in it, whole words, in any case, in the style
``effects search`` marks matches with.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from rich.console import Group, RenderableType
from rich.text import Text

from effects_cli.render import MATCH


def marked(renderable: RenderableType, words: Collection[str]) -> RenderableType:
    """``renderable`` (a `Text`, or a `Group` of them, as `render.render_entry` makes) with
    ``words`` marked in each of its texts, in place; anything else is left as it is."""
    if not words:
        return renderable
    pattern = re.compile(
        r"\b(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b",
        re.IGNORECASE,
    )
    _mark(renderable, pattern)
    return renderable


def _mark(renderable: RenderableType, pattern: re.Pattern[str]) -> None:
    if isinstance(renderable, Text):
        renderable.highlight_regex(pattern, MATCH)
    elif isinstance(renderable, Group):
        for part in renderable.renderables:
            _mark(part, pattern)
