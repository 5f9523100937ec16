"""Hypothesis strategies shared by tests: whole guides, as their writers and readers meet them."""

from __future__ import annotations

from hypothesis import strategies as st

from effects_cli.model import Guide, Point, Section

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_MARKUP = "\\`*_[]<>&#!-+=~|.)0123456789:"
_CHARACTER = st.characters(
    # Control characters and bidirectional controls are shown as escapes by design (what a
    # guide holds is defused already); line and paragraph separators are line breaks.
    blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
    blacklist_characters=_BIDI,
) | st.sampled_from(_MARKUP)
_WORD = st.text(_CHARACTER, min_size=1, max_size=10)
_WORDS = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
_LONG = st.lists(_WORD, min_size=1, max_size=40).map(" ".join)
"""Long enough to be wrapped."""
_ONE_LINE = _WORDS.map(lambda text: " ".join(text.split())).filter(bool)
_LINE = _LONG | st.sampled_from(
    ["Keywords: x", "1. one", "# not a heading", "---", "  indented", "<div>"]
)
_PARAGRAPH = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)
_TEXT = (
    st.lists(_PARAGRAPH, min_size=1, max_size=3)
    .map("\n\n".join)
    .filter(lambda text: text == text.strip() and "\n\n\n" not in text)
)
"""Texts as a guide holds them: no blank edges; a run of blank lines is one paragraph
break (the one thing Markdown has no other way to write)."""
_KEYWORDS = st.lists(_ONE_LINE, max_size=3, unique_by=str.casefold).map(tuple)


@st.composite
def guides(draw: st.DrawFn) -> Guide:
    sections = []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        points = tuple(
            Point(number, index, draw(_ONE_LINE), draw(_TEXT), draw(_KEYWORDS), draw(_KEYWORDS))
            for index in range(1, draw(st.integers(1, 3)) + 1)
        )
        sections.append(
            Section(number, draw(_ONE_LINE), draw(_TEXT), points, draw(_KEYWORDS), draw(_KEYWORDS))
        )
    return Guide(
        title=draw(_ONE_LINE),
        sections=tuple(sections),
        subtitle=draw(st.none() | _ONE_LINE),
        intro=draw(st.none() | _TEXT),
        conclusion=draw(st.none() | _TEXT),
    )
