"""``--regex``: ranked by matches, a title match counting thrice; a bad pattern is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effects_cli.search.corpus import Corpus
from effects_cli.search.regex import BadPattern, regex_search

from .conftest import corpus_of


@given(st.text(max_size=200))
def test_any_regex_compiles_or_is_a_bad_pattern(
    corpus: Corpus, all_refs: set[str], pattern: str
) -> None:
    try:
        found = regex_search(corpus, pattern).hits
    except BadPattern:
        return
    assert {hit.entry.ref for hit in found} <= all_refs


def test_regex_search_ranks_by_matches_and_marks_them(corpus: Corpus) -> None:
    found = regex_search(corpus, r"self-\w+").hits
    assert [hit.entry.ref for hit in found][:2] == ["3.2", "5"]  # a title match counts thrice
    assert [found[0].entry.title[a:b] for a, b in found[0].title_spans] == ["Self-Help"]
    assert [found[0].snippet.text[a:b] for a, b in found[0].snippet.spans] == ["self-help"]


def test_a_bad_regex_is_a_bad_pattern(corpus: Corpus) -> None:
    with pytest.raises(BadPattern, match="missing \\)"):
        regex_search(corpus, "(")


SMALL = corpus_of(("Alpha", "beta beta"), ("Beta", "alpha"), ("Gamma", "delta"))


@pytest.mark.parametrize(
    ("pattern", "section", "limit", "refs", "scores", "total"),
    [
        pytest.param("beta", None, None, ["2", "1"], [3.0, 2.0], 2, id="a-title-counts-thrice"),
        pytest.param("ALPHA", None, None, ["1", "2"], [3.0, 1.0], 2, id="any-case"),
        pytest.param("beta", None, 1, ["2"], [3.0], 2, id="limit-counts-all"),
        pytest.param("beta", 1, None, ["1"], [2.0], 1, id="one-section"),
        pytest.param("x*", None, None, [], [], 0, id="empty-matches-left-out"),
    ],
)
def test_regex_search_on_a_small_guide(
    pattern: str,
    section: int | None,
    limit: int | None,
    refs: list[str],
    scores: list[float],
    total: int,
) -> None:
    results = regex_search(SMALL, pattern, section=section, limit=limit)
    assert [hit.entry.ref for hit in results.hits] == refs
    assert [hit.score for hit in results.hits] == scores
    assert results.found == total
