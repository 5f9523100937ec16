"""Search as a whole: ranked best first (not in guide order), case-insensitive, within a section."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effects_cli.loader import parse_guide
from effects_cli.model import Guide
from effects_cli.search.coverage import is_common
from effects_cli.search.engine import content_words
from effects_cli.search.function_words import FUNCTION_WORDS
from effects_cli.search.index import Index
from effects_cli.search.query import parse_query
from effects_cli.search.text import tokenize

from .conftest import Find, Refs, search_guide


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
def test_best_entry_comes_first(refs: Refs, query: str, first: str) -> None:
    assert refs(query)[0] == first


def test_results_are_ranked_not_in_guide_order(refs: Refs) -> None:
    found = refs("fundraising")
    assert found == ["10.2", "6.3", "10.3"]
    assert found != sorted(found, key=lambda ref: [int(n) for n in ref.split(".")])


def test_matching_ignores_case(refs: Refs) -> None:
    assert refs("STIGMA") == refs("stigma") == refs("Stigma")


def test_no_match_is_an_empty_list(find: Find) -> None:
    assert find("qqqqzzzz").hits == []
    assert find("!!! [/] ???").hits == []


def test_ties_keep_guide_order() -> None:
    guide = parse_guide(
        "title: T\nsections:\n"
        "  - title: A\n    text: same words here\n    points:\n"
        "      - {title: B, text: same words here}\n"
        "      - {title: C, text: same words here}\n"
    )
    assert [hit.entry.ref for hit in search_guide(guide, "words").hits] == ["1", "1.1", "1.2"]


@given(st.text(max_size=2000))
def test_any_query_returns_valid_refs_sorted_by_score(
    find: Find, all_refs: set[str], query: str
) -> None:
    found = find(query).hits
    assert {hit.entry.ref for hit in found} <= all_refs
    assert len({hit.entry.ref for hit in found}) == len(found)
    scores = [hit.score for hit in found]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)
    for hit in found:
        for start, end in hit.snippet.spans:
            assert 0 <= start < end <= len(hit.snippet.text)


QUERY_PIECES = st.sampled_from(
    [
        "[/]",
        "[red]x",
        "(",
        ".*",
        "\\",
        '"',
        "\u201c",
        "#",
        "-",
        "'",
        "\u200f",
        "\U0001f600",
        "stigma",
    ]
)


@given(
    st.lists(st.one_of(QUERY_PIECES, st.text(max_size=30)), max_size=8).map(" ".join),
    st.one_of(st.none(), st.integers(min_value=1, max_value=10)),
)
def test_any_query_and_section_gives_hits_in_that_section(
    find: Find, query: str, section: int | None
) -> None:
    found = find(query, section).hits
    if section is not None:
        assert all(hit.entry.ref.split(".")[0] == str(section) for hit in found)
    scores = [hit.score for hit in found]
    assert scores == sorted(scores, reverse=True)


def test_a_query_of_thousands_of_characters(refs: Refs) -> None:
    assert refs("stigma " + "x" * 5000 + " peer" * 500)[0] in {"4", "2.2"}


@given(st.data())
def test_guide_words_are_found_and_an_entry_holding_one_is_a_hit(
    find: Find, guide: Guide, index: Index, text_words: list[str], data: st.DataObject
) -> None:
    # Words that say what an entry is about: not how readers ask, not in almost every entry.
    telling = [
        word
        for word in text_words
        if word not in FUNCTION_WORDS and not is_common(len(index.docs(word)), index.entry_count)
    ]
    words = data.draw(st.lists(st.sampled_from(telling), min_size=1, max_size=4))
    found = find(" ".join(words)).hits
    assert found
    holding = {
        e.ref
        for e in guide.entries()
        if set(words) & {t.word for t in tokenize(e.title + " " + e.text)}
    }
    assert holding <= {hit.entry.ref for hit in found}


def test_a_phrase_matches_adjacent_words_in_order(refs: Refs) -> None:
    assert refs('"mental health support groups"') == ["2.1"]
    assert refs('"groups support health mental"') == []


def test_words_close_together_rank_higher() -> None:
    guide = parse_guide(
        "title: T\nsections:\n"
        "  - title: A\n    text: peer words words words words words words support\n    points:\n"
        "      - {title: B, text: words words words words words words peer support}\n"
    )
    assert [hit.entry.ref for hit in search_guide(guide, "peer support").hits] == ["1.1", "1"]


def test_section_keeps_hits_to_that_section(refs: Refs) -> None:
    assert refs("stigma", section=10) == ["10.1", "10.2"]
    assert refs("stigma", section=1) == []


@pytest.mark.parametrize(
    ("limit", "shown", "found"),
    [(None, 3, 3), (1, 1, 3), (2, 2, 3), (5, 3, 3)],
)
def test_a_limit_keeps_the_best_and_still_counts_all(
    find: Find, limit: int | None, shown: int, found: int
) -> None:
    everything = find("fundraising")
    results = find("fundraising", limit=limit)
    assert (len(results.hits), results.found, results.total) == (shown, found, found)
    assert results.hits == everything.hits[:shown]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        pytest.param(
            "how can social media help me feel less lonely",
            ("social", "media", "help", "lonely"),
            id="a-question",
        ),
        pytest.param("compassion for others", ("compassion",), id="function-words-left-out"),
        pytest.param("how to", ("how", "to"), id="nothing-else-searched-as-typed"),
        pytest.param('how "support for others"', (), id="a-phrase-keeps-every-word"),
    ],
)
def test_function_words_are_left_out(query: str, words: tuple[str, ...]) -> None:
    assert content_words(parse_query(query)) == words


def test_function_words_neither_score_nor_light_up(find: Find) -> None:
    hit = find("compassion for others").hits[0]
    assert hit.entry.ref == "8.2"
    assert [hit.snippet.text[start:end] for start, end in hit.snippet.spans] == ["compassion"]


def test_keywords_rank_below_the_entry_s_own_words() -> None:
    guide = parse_guide(
        "title: T\nsections:\n"
        "  - {title: A, text: a gym nearby, points: [{title: P, text: p}]}\n"
        "  - {title: B, text: b, keywords: [gym], points: [{title: Q, text: q}]}\n"
    )
    assert [hit.entry.ref for hit in search_guide(guide, "gym").hits] == ["1", "2"]


def test_a_long_query_ranks_by_how_many_of_its_words_an_entry_holds() -> None:
    guide = parse_guide(
        "title: T\nsections:\n"
        "  - {title: Rare, text: xylophone, points: [{title: P, text: p}]}\n"
        "  - {title: B, text: music band drums practice, points: [{title: Q, text: q}]}\n"
    )
    found = search_guide(guide, "xylophone music band drums practice").hits
    assert [hit.entry.ref for hit in found][:2] == ["2", "1"]
