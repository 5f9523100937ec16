"""Snippets: a window of the text around the matched words, and where to highlight them."""

from __future__ import annotations

import pytest

from effects_cli.search.snippets import SNIPPET_WIDTH, make_snippet, window, window_start
from effects_cli.search.text import tokenize

from .conftest import Find


def test_snippet_shows_the_match_with_highlight_spans(find: Find) -> None:
    hit = find("stigmatize").hits[0]
    assert hit.entry.ref == "4.2"
    assert hit.snippet.text.startswith("\u2026That opinionated channels")
    highlighted = [hit.snippet.text[start:end] for start, end in hit.snippet.spans]
    assert highlighted == ["stigmatize"]
    assert len(hit.snippet.text) <= SNIPPET_WIDTH + 2


def test_title_spans_mark_the_matched_title_words(find: Find) -> None:
    hit = find("stigma").hits[0]
    assert [hit.entry.title[start:end] for start, end in hit.title_spans] == ["Stigma"]


def test_snippet_of_a_title_only_match_is_the_start_of_the_text(find: Find) -> None:
    hit = next(hit for hit in find("peers").hits if hit.entry.ref == "9.1")
    assert hit.snippet.spans == ()
    assert hit.snippet.text.startswith("The another important positive effects")
    assert hit.snippet.text.endswith("\u2026")


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        pytest.param("Short text with a word.", "Short text with a word.", id="whole-short-text"),
        pytest.param(
            "First sentence is here. "
            + "Filler words go on and on. " * 3
            + "Target sits here and then more text follows on. " * 4,
            "\u2026Target sits here and then more text follows on. Target sits here and then"
            " more text follows on. Target sits here and then more text follows\u2026",
            id="starts-at-a-sentence-ends-on-a-word",
        ),
        pytest.param(
            "Line one\n\nline   two has the target",
            "Line one line two has the target",
            id="blank-space-collapsed",
        ),
    ],
)
def test_make_snippet(text: str, snippet: str) -> None:
    assert make_snippet(text, tokenize(text), {"target", "one"}).text == snippet


LONG = "word " * 30 + "Then a sentence. Here the match is. " + "more " * 40


@pytest.mark.parametrize(
    ("text", "match_start", "start"),
    [
        pytest.param("A short text.", 5, 0, id="near-the-start-starts-there"),
        pytest.param(LONG, LONG.index("match"), LONG.index("Here"), id="at-its-sentence"),
        pytest.param("x" * 100 + " y" * 40, 150, 111, id="else-a-word-within-the-lead"),
        pytest.param("x" * 200, 150, 150, id="else-at-the-match"),
    ],
)
def test_window_start(text: str, match_start: int, start: int) -> None:
    assert window_start(text, match_start) == start


@pytest.mark.parametrize(
    ("text", "start", "width", "shown"),
    [
        ("one two three", 0, 20, "one two three"),
        ("one two three", 4, 20, "\u2026two three"),
        ("one two three four", 0, 10, "one two\u2026"),
        ("One two. Three four", 0, 12, "One two."),  # not "two.…": the sentence is whole
        ("Why not? Three four", 0, 12, "Why not?"),
        ("one\n two   three", 0, 20, "one two three"),
    ],
)
def test_window(text: str, start: int, width: int, shown: str) -> None:
    assert window(text, start, width) == shown
