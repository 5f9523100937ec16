"""Search: ranked best first (not in guide order), case-insensitive, with snippets around matches."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effects_cli.loader import load_guide, parse_guide
from effects_cli.search import (
    SNIPPET_WIDTH,
    BadPattern,
    Hit,
    Index,
    make_snippet,
    parse_query,
    query_words,
    regex_search,
    search,
    tokenize,
)

GUIDE = load_guide()
INDEX = Index.build(GUIDE)
ALL_REFS = {entry.ref for entry in GUIDE.entries()}


def hits(query: str, section: int | None = None) -> list[Hit]:
    return search(GUIDE, query, index=INDEX, section=section).hits


def refs(query: str, section: int | None = None) -> list[str]:
    return [hit.entry.ref for hit in hits(query, section)]


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


def test_query_words_match_the_start_of_longer_stems() -> None:
    assert refs("nostalg") == ["1.2"]
    assert "4.2" in refs("stigmatiz")


def test_short_query_words_match_whole_words_only() -> None:
    # "art" must not find "article", "the" must not find "their".
    assert refs("art") == ["5.1"]
    for hit in hits("the"):
        words = {hit.snippet.text[start:end].casefold() for start, end in hit.snippet.spans}
        assert words <= {"the"}


def test_no_match_is_an_empty_list() -> None:
    assert hits("qqqqzzzz") == []
    assert hits("!!! [/] ???") == []


def test_ties_keep_guide_order() -> None:
    guide = parse_guide(
        "title: T\nsections:\n"
        "  - title: A\n    text: same words here\n    points:\n"
        "      - {title: B, text: same words here}\n"
        "      - {title: C, text: same words here}\n"
    )
    assert [hit.entry.ref for hit in search(guide, "words").hits] == ["1", "1.1", "1.2"]


def test_snippet_shows_the_match_with_highlight_spans() -> None:
    hit = hits("stigmatize")[0]
    assert hit.entry.ref == "4.2"
    assert hit.snippet.text.startswith("\u2026That opinionated channels")
    highlighted = [hit.snippet.text[start:end] for start, end in hit.snippet.spans]
    assert highlighted == ["stigmatize"]
    assert len(hit.snippet.text) <= SNIPPET_WIDTH + 2


def test_title_spans_mark_the_matched_title_words() -> None:
    hit = hits("stigma")[0]
    assert [hit.entry.title[start:end] for start, end in hit.title_spans] == ["Stigma"]


def test_snippet_of_a_title_only_match_is_the_start_of_the_text() -> None:
    hit = next(hit for hit in hits("peers") if hit.entry.ref == "9.1")
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
    found = hits(query)
    assert {hit.entry.ref for hit in found} <= ALL_REFS
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
def test_any_query_and_section_gives_hits_in_that_section(query: str, section: int | None) -> None:
    found = hits(query, section)
    if section is not None:
        assert all(hit.entry.ref.split(".")[0] == str(section) for hit in found)
    scores = [hit.score for hit in found]
    assert scores == sorted(scores, reverse=True)


def test_a_query_of_thousands_of_characters() -> None:
    assert refs("stigma " + "x" * 5000 + " peer" * 500)[0] in {"4", "2.2"}


@given(st.text(max_size=200))
def test_any_regex_compiles_or_is_a_bad_pattern(pattern: str) -> None:
    try:
        found = regex_search(GUIDE, pattern).hits
    except BadPattern:
        return
    assert {hit.entry.ref for hit in found} <= ALL_REFS


@given(
    st.lists(
        st.sampled_from(sorted({t.word for e in GUIDE.entries() for t in tokenize(e.text)})),
        min_size=1,
        max_size=4,
    )
)
def test_guide_words_are_found_and_an_entry_holding_one_is_a_hit(words: list[str]) -> None:
    found = hits(" ".join(words))
    assert found
    holding = {
        e.ref
        for e in GUIDE.entries()
        if set(words) & {t.word for t in tokenize(e.title + " " + e.text)}
    }
    assert holding <= {hit.entry.ref for hit in found}


@pytest.mark.parametrize(
    ("query", "words", "phrases"),
    [
        ("peer support", ("peer", "support"), ()),
        ('"peer support" stigma', ("stigma",), (("peer", "support"),)),
        ("\u201cpeer support\u201d", (), (("peer", "support"),)),
        ('"open phrase', (), (("open", "phrase"),)),
        ('"single"', ("single",), ()),
        ("self-help", ("selfhelp",), ()),
        ("#BellLetsTalk", ("bellletstalk",), ()),
        ("Café CAFÉ people\u2019s", ("cafe", "peoples"), ()),
    ],
)
def test_parse_query(query: str, words: tuple[str, ...], phrases: tuple) -> None:  # type: ignore[type-arg]
    parsed = parse_query(query)
    assert (parsed.words, parsed.phrases) == (words, phrases)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("self-help", ["selfhelp", "self", "help"]),
        ("#BellLetsTalk", ["bellletstalk", "bell", "lets", "talk"]),
        ("face-to-face", ["facetoface", "face", "to", "face"]),
        ("Café", ["cafe"]),
        ("people\u2019s", ["peoples"]),
    ],
)
def test_compounds_are_indexed_whole_and_by_parts(text: str, words: list[str]) -> None:
    assert [token.word for token in tokenize(text)] == words


def test_exact_form_beats_a_shared_stem() -> None:
    # Snowball stems celebrity, celebrities and celebrate alike.
    assert refs("celebrities")[0] == "4.1"
    assert refs("celebrity")[0] == "4.1"


def test_word_forms_and_typos() -> None:
    assert "4.2" in refs("stigmatized")[:2]
    assert refs("lonely") == ["1"]
    result = search(GUIDE, "meditaton", index=INDEX)
    assert result.corrections == {"meditaton": "meditation"}
    assert {hit.entry.ref for hit in result.hits} == {"3.2", "7", "7.2"}


def test_a_word_with_nothing_close_is_reported_unknown() -> None:
    result = search(GUIDE, "stigma qqqqzzzz", index=INDEX)
    assert result.unknown == ("qqqqzzzz",)
    assert result.hits[0].entry.ref == "4"


def test_a_phrase_matches_adjacent_words_in_order() -> None:
    assert refs('"mental health support groups"') == ["2.1"]
    assert refs('"groups support health mental"') == []


def test_words_close_together_rank_higher() -> None:
    guide = parse_guide(
        "title: T\nsections:\n"
        "  - title: A\n    text: peer words words words words words words support\n    points:\n"
        "      - {title: B, text: words words words words words words peer support}\n"
    )
    assert [hit.entry.ref for hit in search(guide, "peer support").hits] == ["1.1", "1"]


def test_section_keeps_hits_to_that_section() -> None:
    assert refs("stigma", section=10) == ["10.1", "10.2"]
    assert refs("stigma", section=1) == []


def test_regex_search_ranks_by_matches_and_marks_them() -> None:
    found = regex_search(GUIDE, r"self-\w+").hits
    assert [hit.entry.ref for hit in found][:2] == ["3.2", "5"]  # a title match counts thrice
    assert [found[0].entry.title[a:b] for a, b in found[0].title_spans] == ["Self-Help"]
    assert [found[0].snippet.text[a:b] for a, b in found[0].snippet.spans] == ["self-help"]


def test_a_bad_regex_is_a_bad_pattern() -> None:
    with pytest.raises(BadPattern, match="missing \\)"):
        regex_search(GUIDE, "(")


def test_the_index_survives_its_record() -> None:
    again = Index.from_record(INDEX.record())
    for query in ("stigma", "meditate", '"peer support"', "lonely"):
        assert search(GUIDE, query, index=again) == search(GUIDE, query, index=INDEX)


@pytest.mark.parametrize(
    "record", [(), (b"", b""), ("a", "b", {}, {}, {}, ()), (b"\0" * 4, b"", {}, {}, {}, ())]
)
def test_a_malformed_index_record_is_refused(record: tuple) -> None:  # type: ignore[type-arg]
    with pytest.raises((TypeError, ValueError)):
        Index.from_record(record)


PLAIN_WORDS = st.sampled_from(
    ["mental", "health", "support", "groups", "Mental", "HEALTH", "x1", "a_b"]
)
SEPARATORS = st.sampled_from([" ", "  ", "-", ", ", ". ", "\n", "/", " (", ") "])


@given(
    st.lists(st.tuples(PLAIN_WORDS, SEPARATORS), max_size=30).map(
        lambda pairs: "".join(word + sep for word, sep in pairs)
    ),
    st.lists(
        st.sampled_from(["mental", "health", "support", "groups", "healths", "ment"]),
        min_size=2,
        max_size=3,
    ),
)
def test_the_quick_phrase_count_agrees_with_reading_the_words(text: str, phrase: list[str]) -> None:
    from effects_cli.search import _count_in_fields, _phrase_count

    forms = [{word} for word in phrase]
    fields = [text, "groups", text[::-1], "Caf\u00e9 " + text, "#x " + text, text + "\u2026"]
    assert _count_in_fields(fields, forms) == [_phrase_count(field, forms) for field in fields]
