"""Text a narrow stdout can hold: plain stand-ins for typographic characters, escapes
for the rest, nothing lost.

A stdout that cannot encode every character (``PYTHONIOENCODING=ascii``, the
C locale, Latin-1) gets plain quotes for curly ones and three dots for an ellipsis. The stand-ins
are put in place before layout, in the very values that are rendered, so that
a stand-in longer than its character still fits the width. No Rich here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from effects_cli.model import Entry, Guide, Section

if TYPE_CHECKING:
    from effects_cli.search.results import Hit

STAND_INS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "--",
    "\u2026": "...",
    "\u2500": "-",
    "\u00a0": " ",
}
"""Typographic characters and their plain stand-ins, for a stdout that cannot encode them."""

E = TypeVar("E", bound=Entry)


def encodable(text: str, encoding: str) -> str:
    """``text`` as ``encoding`` can hold it: plain stand-ins for typographic characters
    (`STAND_INS`) and ``\\u`` escapes for whatever else it cannot, nothing lost."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return "".join(_stand_in(ch, encoding) for ch in text)
    return text


def encodable_entry(entry: E, encoding: str) -> E:
    """A section (with its sub-points) or a sub-point, its titles and texts `encodable`."""
    fitted = entry.replace(
        title=encodable(entry.title, encoding), text=encodable(entry.text, encoding)
    )
    if isinstance(fitted, Section):
        points = tuple(encodable_entry(point, encoding) for point in fitted.points)
        return fitted.replace(points=points)  # type: ignore[return-value]
    return fitted


def encodable_guide(guide: Guide, encoding: str) -> Guide:
    """The whole guide with its text made `encodable`."""

    def fit_optional(text: str | None) -> str | None:
        return None if text is None else encodable(text, encoding)

    return guide.replace(
        title=encodable(guide.title, encoding),
        subtitle=fit_optional(guide.subtitle),
        intro=fit_optional(guide.intro),
        conclusion=fit_optional(guide.conclusion),
        sections=tuple(encodable_entry(section, encoding) for section in guide.sections),
    )


def encodable_hits(hits: list[Hit], encoding: str) -> list[Hit]:
    """Search hits with their titles and snippets made `encodable`, highlights moved along."""
    fitted = []
    for hit in hits:
        title, title_spans = _encodable_spans(hit.entry.title, hit.title_spans, encoding)
        snippet, spans = _encodable_spans(hit.snippet.text, hit.snippet.spans, encoding)
        fitted.append(
            hit._replace(
                entry=hit.entry.replace(title=title),
                snippet=hit.snippet._replace(text=snippet, spans=spans),
                title_spans=title_spans,
            )
        )
    return fitted


def _encodable_spans(
    text: str, spans: Iterable[tuple[int, int]], encoding: str
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` made `encodable`, with ``spans`` moved to where their characters went."""
    pieces = [_stand_in(ch, encoding) for ch in text]
    offsets = [0]
    for piece in pieces:
        offsets.append(offsets[-1] + len(piece))
    return "".join(pieces), tuple((offsets[start], offsets[end]) for start, end in spans)


def _stand_in(ch: str, encoding: str) -> str:
    if _fits(ch, encoding):
        return ch
    plain = STAND_INS.get(ch)
    if plain is not None and _fits(plain, encoding):
        return plain
    return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True
