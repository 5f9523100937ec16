"""Reading guides: the public format, and one exact message for each way a guide can be wrong.

The ways are the GUIDES and NOT_FILES tables of tests/messages.py, which the CLI's tests run
through `--guide` too; here they meet the loader itself."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from effects_cli.errors import GuideError, GuideProblems
from effects_cli.loader import load_guide, parse_guide
from tests.helpers import ONE_SECTION
from tests.messages import GUIDE_BYTES, GUIDE_TEXTS, NOT_FILES, MakePath


def test_small_guide_is_read_in_full(small_guide: Path) -> None:
    guide = load_guide(small_guide)
    assert (guide.title, guide.subtitle, guide.intro, guide.conclusion) == (
        "Small Guide",
        "For tests",
        "An introduction.",
        "The end.",
    )
    assert [(s.ref, s.title, s.text) for s in guide.sections] == [
        ("1", "First Section", "The first section's text."),
        ("2", "Second Section", "The second section's text."),
    ]
    assert [(p.ref, p.title, p.text) for p in guide.points()] == [
        ("1.1", "Alpha point", "Alpha text about gardens."),
        ("1.2", "Beta point", "Beta text about rivers."),
        ("2.1", "Gamma point", "Gamma text about gardens and rivers."),
    ]


def test_optional_fields_may_be_left_out() -> None:
    guide = parse_guide("title: T\n" + ONE_SECTION)
    assert (guide.subtitle, guide.intro, guide.conclusion) == (None, None, None)


def test_plain_scalars_are_the_text_their_author_typed() -> None:
    # YAML 1.1 would make these False, 3.1, a date and 31.
    guide = parse_guide(
        "title: no\nsubtitle: 3.10\nsections:\n  - title: 2024-01-01\n    text: yes\n"
        "    points:\n      - title: 0x1F\n        text: '[bold]not markup[/]'\n"
    )
    assert (guide.title, guide.subtitle) == ("no", "3.10")
    section = guide.sections[0]
    assert (section.title, section.text) == ("2024-01-01", "yes")
    assert (section.points[0].title, section.points[0].text) == ("0x1F", "[bold]not markup[/]")


def test_literal_block_keeps_paragraphs_and_drops_surrounding_blank_space() -> None:
    guide = parse_guide(
        "title: T\nsections:\n  - title: S\n    text: |\n      One.\n\n      Two.\n"
        "    points:\n      - title: P\n        text: '  p  '\n"
    )
    assert guide.sections[0].text == "One.\n\nTwo."
    assert guide.sections[0].points[0].text == "p"


def test_control_characters_from_escapes_are_made_visible() -> None:
    guide = parse_guide(
        'title: "Evil\\e]0;pwned\\a"\nsections:\n'
        '  - {title: "S \\e[31mred\\e[0m", text: "\\e[2J tab\\tkept\\x85here", points: [{title: p, text: q}]}\n'
    )
    assert guide.title == "Evil\\x1b]0;pwned\\x07"
    assert guide.sections[0].title == "S \\x1b[31mred\\x1b[0m"
    assert guide.sections[0].text == "\\x1b[2J tab\tkept\\x85here"


def test_titles_are_one_line() -> None:
    guide = parse_guide(
        'title: |\n  Two\n  lines\nsubtitle: "a\\n  b"\nsections:\n  - title: >\n      Folded\n\n      twice\n'
        '    text: |\n      Text keeps\n      its lines\n    points: [{title: "x\\ty", text: p}]\n'
    )
    assert (guide.title, guide.subtitle) == ("Two lines", "a b")
    assert guide.sections[0].title == "Folded twice"
    assert guide.sections[0].text == "Text keeps\nits lines"
    assert guide.sections[0].points[0].title == "x y"


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + ("title: T\n" + ONE_SECTION).replace("\n", "\r\n").encode())
    guide = load_guide(path)
    assert guide.title == "T"
    assert guide.sections[0].points[0].text == "p"


@pytest.mark.parametrize(("text", "problem"), GUIDE_TEXTS)
def test_broken_guide_gets_one_exact_message(text: str, problem: str) -> None:
    with pytest.raises(GuideError) as raised:
        parse_guide(text, "g.yaml")
    assert str(raised.value) == "g.yaml" + problem


@pytest.mark.parametrize(("data", "problem"), GUIDE_BYTES)
def test_a_file_that_is_no_text_gets_one_exact_message(
    tmp_path: Path, data: bytes, problem: str
) -> None:
    path = tmp_path / "g.yaml"
    path.write_bytes(data)
    with pytest.raises(GuideError) as raised:
        load_guide(path)
    assert str(raised.value) == f"{path}{problem}"


def test_error_carries_its_parts() -> None:
    with pytest.raises(GuideError) as raised:
        parse_guide(
            "title: T\nsections:\n  - title: a\n    text: b\n    points:\n      - text: d\n",
            "g.yaml",
        )
    error = raised.value
    assert (error.source, error.line, error.column, error.field, error.problem) == (
        "g.yaml",
        6,
        9,
        "sub-point 1.1: title",
        "missing",
    )


@pytest.mark.parametrize(
    ("make", "problem"),
    # The size limit's message names the variable that sets it, which the CLI adds.
    [row for row in NOT_FILES if row.id != "endless"],
)
def test_unreadable_files(tmp_path: Path, make: MakePath, problem: str) -> None:
    path = make(tmp_path)
    with pytest.raises(GuideError) as raised:
        load_guide(path)
    assert str(raised.value) == f"{path}: {problem}"


def test_python_tags_never_run_anything(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    with pytest.raises(GuideError):
        parse_guide(f"title: !!python/object/apply:os.system ['touch {marker}']\n" + ONE_SECTION)
    assert not marker.exists()


@given(st.text(max_size=300))
def test_any_text_is_a_guide_or_a_guide_error(text: str) -> None:
    try:
        guide = parse_guide(text, "fuzz.yaml")
    except GuideError as error:
        assert str(error).startswith("fuzz.yaml")
        assert "\n" not in str(error).strip()
    else:
        assert guide.title and guide.sections


# --- generated guides ------------------------------------------------------------------------

_WORD = st.text(
    # Bidirectional controls are shown as escapes by design (tests/hostile/ covers them).
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp"),
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=12,
)
_TEXT = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_POINT = st.fixed_dictionaries({"title": _TEXT, "text": _TEXT})
_SECTION = st.fixed_dictionaries(
    {"title": _TEXT, "text": _TEXT, "points": st.lists(_POINT, min_size=1, max_size=3)}
)
_GUIDE = st.fixed_dictionaries(
    {"title": _TEXT, "sections": st.lists(_SECTION, min_size=1, max_size=3)},
    optional={"subtitle": _TEXT, "intro": _TEXT, "conclusion": _TEXT},
)


@given(_GUIDE, st.booleans())
def test_generated_guides_round_trip(document: dict, flow: bool) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    guide = parse_guide(text, "g.yaml")
    assert guide.title == document["title"]
    for key in ("subtitle", "intro", "conclusion"):
        assert getattr(guide, key) == document.get(key)
    for number, (section, raw) in enumerate(
        zip(guide.sections, document["sections"], strict=True), 1
    ):
        assert (section.ref, section.title, section.text) == (
            str(number),
            raw["title"],
            raw["text"],
        )
        assert [(p.ref, p.title, p.text) for p in section.points] == [
            (f"{number}.{index}", p["title"], p["text"]) for index, p in enumerate(raw["points"], 1)
        ]


_BREAKAGE = st.sampled_from(
    [
        ("drop", ("title",), "title: missing"),
        ("drop", ("sections", 0, "points"), "section 1: points: missing"),
        ("drop", ("sections", 0, "points", 0, "text"), "sub-point 1.1: text: missing"),
        ("set", ("sections", 0, "title"), "section 1: title: expected text, got a list"),
        ("set", ("sections", 0, "points"), "section 1: points: expected a list, got a mapping"),
        ("add", ("sections", 0, "notes"), "section 1: notes: unknown key"),
        ("empty", ("sections",), "sections: the list is empty"),
    ]
)


@given(_GUIDE, _BREAKAGE)
def test_generated_guides_with_one_fault_name_its_field(document: dict, breakage: tuple) -> None:
    action, path, expected = breakage
    *parents, last = path
    target = document
    for step in parents:
        target = target[step]
    if action == "drop":
        del target[last]
    elif action == "set":
        target[last] = ["a", "list"] if last == "title" else {"a": "mapping"}
    elif action == "add":
        target[last] = "x"
    else:
        target[last] = []
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    with pytest.raises(GuideError) as raised:
        parse_guide(text, "g.yaml")
    assert raised.value.source == "g.yaml" and raised.value.line is not None
    assert f"{raised.value.field}: {raised.value.problem}".startswith(expected)


_ANY_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",))
    | st.sampled_from("\x1b\x9b\u202e\u2067\u2028\u2029"),
    min_size=1,
    max_size=40,
)


def _as_loaded(raw: str, *, one_line: bool) -> str:
    """The documented rules: control characters and bidirectional overrides shown as
    escapes, line and paragraph separators as line breaks, blank edges dropped, titles
    on one line."""
    visible = "".join(
        ascii(ch)[1:-1]
        if (ord(ch) < 32 and ch not in "\t\n")
        or 0x7F <= ord(ch) <= 0x9F
        or 0x202A <= ord(ch) <= 0x202E
        or 0x2066 <= ord(ch) <= 0x2069
        else {"\u2028": "\n", "\u2029": "\n\n"}.get(ch, ch)
        for ch in raw
    ).strip()
    return " ".join(visible.split()) if one_line else visible


@given(_ANY_TEXT, _ANY_TEXT)
def test_any_text_round_trips_by_the_documented_rules(title: str, text: str) -> None:
    assume(_as_loaded(title, one_line=True) and _as_loaded(text, one_line=False))
    document = {
        "title": title,
        "sections": [{"title": title, "text": text, "points": [{"title": "p", "text": text}]}],
    }
    # Escaped, not allow_unicode: PyYAML's emitter writes a raw NEL (U+0085) that its
    # own reader then takes for a line break.
    guide = parse_guide(yaml.safe_dump(document), "g.yaml")
    assert guide.title == guide.sections[0].title == _as_loaded(title, one_line=True)
    assert (
        guide.sections[0].text
        == guide.sections[0].points[0].text
        == _as_loaded(text, one_line=False)
    )
    for shown in (guide.title, guide.sections[0].text):
        assert not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n" for ch in shown)


# --- every problem at once (effects validate) ---------------------------------------------------


@pytest.mark.parametrize(("text", "problem"), GUIDE_TEXTS)
def test_every_problem_starts_with_the_first_problem(text: str, problem: str) -> None:
    with pytest.raises(GuideError) as raised:
        parse_guide(text, "g.yaml", every_problem=True)
    assert str(raised.value) == "g.yaml" + problem
    problems = getattr(raised.value, "problems", (raised.value,))
    assert str(problems[0]) == "g.yaml" + problem


def test_every_problem_goes_on_past_each_entry() -> None:
    text = (
        "title: T\ntitel: U\nsections:\n"
        "  - {title: a, text: '', points: [{title: b}, {text: c}, {title: d, text: e}]}\n"
        "  - {title: f, text: g, points: []}\n"
        "conclusion: [x]\n"
    )
    with pytest.raises(GuideProblems) as raised:
        parse_guide(text, "g.yaml", every_problem=True)
    assert [str(problem) for problem in raised.value.problems] == [
        "g.yaml:2:1: titel: unknown key (did you mean 'title'? expected one of: title, sections, subtitle, intro, conclusion)",
        "g.yaml:4:22: section 1: text: empty",
        "g.yaml:4:35: sub-point 1.1: text: missing",
        "g.yaml:4:47: sub-point 1.2: title: missing",
        "g.yaml:5:33: section 2: points: the list is empty: it needs at least one entry",
        "g.yaml:6:13: conclusion: expected text, got a list",
    ]
    assert str(raised.value) == str(raised.value.problems[0])


@given(st.text(max_size=300))
def test_any_text_has_the_same_first_problem_either_way(text: str) -> None:
    try:
        strict = parse_guide(text, "fuzz.yaml")
    except GuideError as error:
        with pytest.raises(GuideError) as raised:
            parse_guide(text, "fuzz.yaml", every_problem=True)
        assert str(raised.value) == str(error)
    else:
        assert parse_guide(text, "fuzz.yaml", every_problem=True) == strict


KEYWORDS = """\
title: T
sections:
  - title: S
    text: s
    keywords: [money, donate]
    points:
      - title: P
        text: p
        keywords:
          - helpline
          - crisis   line
"""


def test_keywords_are_read_for_sections_and_sub_points() -> None:
    guide = parse_guide(KEYWORDS)
    section = guide.sections[0]
    assert (section.keywords, section.points[0].keywords) == (
        ("money", "donate"),
        ("helpline", "crisis line"),
    )
    assert (
        parse_guide(KEYWORDS.replace("    keywords: [money, donate]\n", "")).sections[0].keywords
        == ()
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(
            ("[money, donate]", "money"),
            "<guide>:5:15: section 1: keywords: expected a list, got text",
            id="not-a-list",
        ),
        pytest.param(
            ("[money, donate]", "[]"),
            "<guide>:5:15: section 1: keywords: the list is empty: it needs at least one entry",
            id="empty",
        ),
        pytest.param(
            ("[money, donate]", "[money, Money]"),
            '<guide>:5:23: section 1: keyword 2: "Money" is given twice (first on line 5)',
            id="duplicate",
        ),
        pytest.param(
            ("          - crisis   line", "          - [a]"),
            "<guide>:11:13: sub-point 1.1: keyword 2: expected text, got a list",
            id="not-text",
        ),
        pytest.param(
            ("          - crisis   line", '          - ""'),
            "<guide>:11:13: sub-point 1.1: keyword 2: empty",
            id="blank",
        ),
    ],
)
def test_bad_keywords_name_their_place(change: tuple[str, str], message: str) -> None:
    with pytest.raises(GuideError) as raised:
        parse_guide(KEYWORDS.replace(*change))
    assert str(raised.value) == message


RELATED = KEYWORDS.replace("    keywords: [money, donate]\n", "    related: [grief, loss]\n")


def test_related_words_are_read_and_checked_as_keywords_are() -> None:
    section = parse_guide(RELATED).sections[0]
    assert (section.keywords, section.related) == ((), ("grief", "loss"))
    assert section.points[0].related == ()
    with pytest.raises(GuideError) as raised:
        parse_guide(RELATED.replace("[grief, loss]", "[grief, Grief]"))
    assert str(raised.value) == (
        '<guide>:5:22: section 1: related word 2: "Grief" is given twice (first on line 5)'
    )
