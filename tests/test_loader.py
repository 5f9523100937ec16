"""Reading guides: the public format, and one exact message for each way a guide can be wrong."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from effects_cli.errors import GuideError, GuideProblems
from effects_cli.loader import load_guide, parse_guide

from .conftest import SMALL_GUIDE

ONE_SECTION = (
    "sections:\n  - title: S\n    text: s\n    points:\n      - title: P\n        text: p\n"
)


def test_small_guide_is_read_in_full(write_guide: Callable[[str], Path]) -> None:
    guide = load_guide(write_guide(SMALL_GUIDE))
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


BROKEN = [
    pytest.param(
        "title: \u00e9\u00e9\u00e9\n  b\x07\n",
        "g.yaml:2:4: character U+0007 is not allowed in YAML",
        id="control-character-after-non-ascii",
    ),
    pytest.param(
        "title: T\nsections:\n  - title: a\n    text: b\n    points: [{title: c, text: d}]\nsections: x\n",
        "g.yaml:6:1: sections: duplicate key (first given on line 2)",
        id="duplicate-key-of-a-block",
    ),
    pytest.param(
        "title: x\nsections: [\n",
        "g.yaml:3:1: while parsing a flow node, did not find expected node content",
        id="syntax-unclosed",
    ),
    pytest.param(
        "title: x\n  bad: indent\nsections: []\n",
        "g.yaml:2:6: mapping values are not allowed in this context",
        id="syntax-indent",
    ),
    pytest.param(
        "title: a\n---\ntitle: b\n",
        "g.yaml:2:1: expected a single document in the stream, but found another document",
        id="two-documents",
    ),
    pytest.param(
        "title: a\n  b\x07\n",
        "g.yaml:2:4: character U+0007 is not allowed in YAML",
        id="control-character",
    ),
    pytest.param(
        "", "g.yaml: the guide is empty: it needs at least a title and sections", id="empty"
    ),
    pytest.param(
        "# only a comment\n",
        "g.yaml: the guide is empty: it needs at least a title and sections",
        id="comment-only",
    ),
    pytest.param(
        "- a\n- b\n",
        "g.yaml:1:1: expected a mapping with title and sections, got a list",
        id="top-level-list",
    ),
    pytest.param(
        "hello\n",
        "g.yaml:1:1: expected a mapping with title and sections, got text",
        id="top-level-text",
    ),
    pytest.param(ONE_SECTION, "g.yaml:1:1: title: missing", id="missing-title"),
    pytest.param("title: T\n", "g.yaml:1:1: sections: missing", id="missing-sections"),
    pytest.param(
        "title:\n" + ONE_SECTION, "g.yaml:1:7: title: missing (the value is empty)", id="null-title"
    ),
    pytest.param("title: ''\n" + ONE_SECTION, "g.yaml:1:8: title: empty", id="empty-title"),
    pytest.param(
        "title: [a, b]\n" + ONE_SECTION,
        "g.yaml:1:8: title: expected text, got a list",
        id="title-list",
    ),
    pytest.param(
        "title: T\nsections: []\n",
        "g.yaml:2:11: sections: the list is empty: it needs at least one entry",
        id="zero-sections",
    ),
    pytest.param(
        "title: T\nsections:\n  a: b\n",
        "g.yaml:3:3: sections: expected a list, got a mapping",
        id="sections-mapping",
    ),
    pytest.param(
        "title: T\nsections:\n  - just text\n",
        "g.yaml:3:5: sections[0]: expected a mapping with title, text, points, got text",
        id="section-text",
    ),
    pytest.param(
        "title: T\nsections:\n  - title: a\n    text: b\n    points: hello\n",
        "g.yaml:5:13: sections[0].points: expected a list, got text",
        id="points-text",
    ),
    pytest.param(
        "title: T\nsections:\n  - title: a\n    text: b\n    points: []\n",
        "g.yaml:5:13: sections[0].points: the list is empty: it needs at least one entry",
        id="zero-points",
    ),
    pytest.param(
        "title: T\nsections:\n  - title: a\n    text: b\n    points:\n      - text: d\n",
        "g.yaml:6:9: sections[0].points[0].title: missing",
        id="missing-point-title",
    ),
    pytest.param(
        "title: T\nsections:\n  - title: a\n    text: b\n    points:\n      - title: c\n        text: {x: 1}\n",
        "g.yaml:7:15: sections[0].points[0].text: expected text, got a mapping",
        id="point-text-mapping",
    ),
    pytest.param(
        "title: T\nsections:\n  - titel: a\n    text: b\n    points: []\n",
        "g.yaml:3:5: sections[0].titel: unknown key (did you mean 'title'? expected one of: title, text, points)",
        id="unknown-key-typo",
    ),
    pytest.param(
        "title: T\nauthor: me\n" + ONE_SECTION,
        "g.yaml:2:1: author: unknown key (expected one of: title, sections, subtitle, intro, conclusion)",
        id="unknown-key",
    ),
    pytest.param(
        "title: T\ntitle: U\n" + ONE_SECTION,
        "g.yaml:2:1: title: duplicate key (first given on line 1)",
        id="duplicate-key",
    ),
    pytest.param(
        "title: T\n1: x\n" + ONE_SECTION,
        'g.yaml:2:1: ["1"]: unknown key (expected one of: title, sections, subtitle, intro, conclusion)',
        id="number-key",
    ),
    pytest.param(
        "title: T\n" + "a b" * 40 + ": x\n" + ONE_SECTION,
        'g.yaml:2:1: ["'
        + ("a b" * 20)[:59]
        + '\u2026"]: unknown key (expected one of: title, sections, subtitle, intro, conclusion)',
        id="long-odd-key",
    ),
    pytest.param(
        "title: T\n[a]: x\n" + ONE_SECTION,
        "g.yaml:2:1: a key must be text, got a list",
        id="list-key",
    ),
    pytest.param(
        "title: !!binary aGVsbG8=\n" + ONE_SECTION,
        "g.yaml:1:8: title: expected text, got a value tagged !!binary (tags are not part of the guide format)",
        id="binary-tag",
    ),
    pytest.param(
        "title: !!python/object/apply:os.system ['echo pwned']\n" + ONE_SECTION,
        "g.yaml:1:8: title: expected text, got a value tagged !!python/object/apply:os.system (tags are not part of the guide format)",
        id="python-tag",
    ),
    pytest.param(
        "title: T\nsections: !!python/object:builtins.list []\n",
        "g.yaml:2:11: sections: expected a list, got a value tagged !!python/object:builtins.list (tags are not part of the guide format)",
        id="python-tag-list",
    ),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_broken_guide_gets_one_exact_message(text: str, message: str) -> None:
    with pytest.raises(GuideError) as raised:
        parse_guide(text, "g.yaml")
    assert str(raised.value) == message


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
        "sections[0].points[0].title",
        "missing",
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda d: d / "absent.yaml", "absent.yaml: no such file", id="missing"),
        pytest.param(lambda d: d, ": is a folder, not a guide file", id="folder"),
        pytest.param(
            lambda d: _bytes(d / "latin1.yaml", "title: caf\xe9\n".encode("latin-1")),
            "latin1.yaml: is not UTF-8 text (byte 0xe9 at offset 10)",
            id="not-utf8",
        ),
        pytest.param(
            lambda d: _bytes(d / "noise.bin", bytes(range(256))),
            "noise.bin: is not UTF-8 text (byte 0x80 at offset 128)",
            id="random-bytes",
        ),
    ],
)
def test_unreadable_files(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    path = make(tmp_path)
    with pytest.raises(GuideError) as raised:
        load_guide(path)
    assert str(raised.value).endswith(message)
    assert str(raised.value).startswith(str(path))


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


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
    # Bidirectional controls are shown as escapes by design (test_hostile covers them).
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
        ("drop", ("sections", 0, "points"), "sections[0].points: missing"),
        ("drop", ("sections", 0, "points", 0, "text"), "sections[0].points[0].text: missing"),
        ("set", ("sections", 0, "title"), "sections[0].title: expected text, got a list"),
        ("set", ("sections", 0, "points"), "sections[0].points: expected a list, got a mapping"),
        ("add", ("sections", 0, "notes"), "sections[0].notes: unknown key"),
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


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_every_problem_starts_with_the_first_problem(text: str, message: str) -> None:
    with pytest.raises(GuideError) as raised:
        parse_guide(text, "g.yaml", every_problem=True)
    assert str(raised.value) == message
    problems = getattr(raised.value, "problems", (raised.value,))
    assert str(problems[0]) == message


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
        "g.yaml:4:22: sections[0].text: empty",
        "g.yaml:4:35: sections[0].points[0].text: missing",
        "g.yaml:4:47: sections[0].points[1].title: missing",
        "g.yaml:5:33: sections[1].points: the list is empty: it needs at least one entry",
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
