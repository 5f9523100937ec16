"""Search: ranked best first (not in guide order), case-insensitive, with snippets around matches."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effects_cli.loader import load_guide, parse_guide
from effects_cli.search import (
    MIN_PREFIX,
    SNIPPET_WIDTH,
    Index,
    make_snippet,
    query_words,
    search,
    tokenize,
)

GUIDE = load_guide()
INDEX = Index(GUIDE)
ALL_REFS = {entry.ref for entry in GUIDE.entries()}


def refs(query: str) -> list[str]:
    return [hit.entry.ref for hit in INDEX.search(query)]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        pytest.param("stigma", "4", id="title-and-text-beat-text-only"),
        pytest.param("fundraising", "10.2", id="title-match-beats-earlier-text-match"),
        pytest.param("peer support", "2.2", id="both-words-in-title"),
        pytest.param("mindfulness meditation", "7.2", id="more-words-rank-first"),
        pytest.param("empathy", "8.3", id="empathy"),
        pytest.param("nostalgia", "1.2", id="single-occurrence"),
        pytest.param("#BellLetsTalk", "4.3", id="hashtag"),
        pytest.param("TikTok", "5", id="mixed-case-name"),
    ],
)
def test_best_entry_comes_first(query: str, first: str) -> None:
    assert refs(query)[0] == first


def test_results_are_ranked_not_in_guide_order() -> None:
    found = refs("fundraising")
    assert found == ["10.2", "6.3", "10.3"]
    assert found != sorted(found, key=lambda ref: [int(n) for n in ref.split(".")])


def test_matching_ignores_case() -> None:
    assert refs("STIGMA") == refs("stigma") == refs("Stigma")


def test_query_words_match_the_start_of_longer_words() -> None:
    assert refs("nostalg") == ["1.2"]
    assert "4.2" in refs("stigmatiz")


def test_short_query_words_match_whole_words_only() -> None:
    # "art" must not find "article", "the" must not find "their".
    assert refs("art") == ["5.1"]
    hits = INDEX.search("the")
    for hit in hits:
        words = {hit.snippet.text[start:end].casefold() for start, end in hit.snippet.spans}
        assert words <= {"the"}


def test_no_match_is_an_empty_list() -> None:
    assert INDEX.search("xylophone") == []
    assert INDEX.search("!!! [/] ???") == []


def test_ties_keep_guide_order() -> None:
    guide = parse_guide(
        "title: T\nsections:\n"
        "  - title: A\n    text: same words here\n    points:\n"
        "      - {title: B, text: same words here}\n"
        "      - {title: C, text: same words here}\n"
    )
    assert [hit.entry.ref for hit in search(guide, "words")] == ["1", "1.1", "1.2"]


def test_snippet_shows_the_match_with_highlight_spans() -> None:
    hit = INDEX.search("stigmatize")[0]
    assert hit.entry.ref == "4.2"
    assert hit.snippet.text.startswith("\u2026That opinionated channels")
    highlighted = [hit.snippet.text[start:end] for start, end in hit.snippet.spans]
    assert highlighted == ["stigmatize"]
    assert len(hit.snippet.text) <= SNIPPET_WIDTH + 2


def test_title_spans_mark_the_matched_title_words() -> None:
    hit = INDEX.search("stigma")[0]
    assert [hit.entry.title[start:end] for start, end in hit.title_spans] == ["Stigma"]


def test_snippet_of_a_title_only_match_is_the_start_of_the_text() -> None:
    hit = next(hit for hit in INDEX.search("peers") if hit.entry.ref == "9.1")
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


def test_query_words_are_distinct_and_case_folded() -> None:
    assert query_words("Peer peer SUPPORT, support!") == ["peer", "support"]


@given(st.text(max_size=2000))
def test_any_query_returns_valid_refs_sorted_by_score(query: str) -> None:
    hits = INDEX.search(query)
    assert {hit.entry.ref for hit in hits} <= ALL_REFS
    assert len({hit.entry.ref for hit in hits}) == len(hits)
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)
    for hit in hits:
        for start, end in hit.snippet.spans:
            assert 0 <= start < end <= len(hit.snippet.text)


@given(
    st.lists(
        st.sampled_from(sorted({t.word for e in GUIDE.entries() for t in tokenize(e.text)})),
        min_size=1,
        max_size=4,
    )
)
def test_guide_words_are_found_and_every_hit_holds_one(words: list[str]) -> None:
    """No hit without a match: each holds a query word, or a longer word it begins."""
    hits = INDEX.search(" ".join(words))
    assert hits
    for hit in hits:
        found = {token.word for token in tokenize(hit.entry.title + " " + hit.entry.text)}
        assert any(
            query == word or (len(query) >= MIN_PREFIX and word.startswith(query))
            for query in words
            for word in found
        )
    exact = [hit for hit in hits if set(words) & {t.word for t in tokenize(hit.entry.text)}]
    assert exact, "an entry holding the very word is among the hits"
