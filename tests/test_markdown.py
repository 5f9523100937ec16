"""The Markdown guide format: what each part of a document becomes, and every problem named
as the YAML reader names them (the messages are in tests/messages.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effects_cli.errors import GuideError, GuideProblems
from effects_cli.loader import check_guide, load_guide, parse_guide
from effects_cli.model import Guide, Point, Section
from tests.helpers import assert_safe
from tests.messages import MARKDOWN_GUIDES, MARKDOWN_TEXTS

NIGHT_OWLS = """\
    # Night Owls' Guide

    *A guide to sleeping better*

    The intro: any paragraphs before the first section.

    ## 1. Winding Down

    Keywords: evening, routine

    The section's text.

    ### 1.1 Dim the Lights

    The sub-point's text.

    ## Conclusion

    The conclusion's text.
"""
"""The issue's own example of the format."""


def markdown(text: str) -> Guide:
    return parse_guide(textwrap.dedent(text), "g.md", markdown=True)


def test_the_example_of_the_format_is_read_in_full() -> None:
    assert markdown(NIGHT_OWLS) == Guide(
        title="Night Owls' Guide",
        subtitle="A guide to sleeping better",
        intro="The intro: any paragraphs before the first section.",
        sections=(
            Section(
                1,
                "Winding Down",
                "The section's text.",
                (Point(1, 1, "Dim the Lights", "The sub-point's text."),),
                ("evening", "routine"),
            ),
        ),
        conclusion="The conclusion's text.",
    )


def test_a_markdown_file_is_read_by_its_name(tmp_path: Path) -> None:
    for name in ("guide.md", "GUIDE.MD", "guide.markdown"):
        path = tmp_path / name
        path.write_text(textwrap.dedent(NIGHT_OWLS), encoding="utf-8")
        assert load_guide(path).title == "Night Owls' Guide"
        assert check_guide(path).subtitle == "A guide to sleeping better"


def test_numbers_are_optional_and_references_come_from_order() -> None:
    guide = markdown(
        """\
        # T

        ## Alpha

        a

        ### One

        one

        ### 1.2. Two

        two

        ## 2. Beta

        b

        ### Three

        three
        """
    )
    assert [(e.ref, e.title) for e in guide.entries()] == [
        ("1", "Alpha"),
        ("1.1", "One"),
        ("1.2", "Two"),
        ("2", "Beta"),
        ("2.1", "Three"),
    ]
    assert guide.subtitle is guide.intro is guide.conclusion is None


def test_a_number_in_other_digits_or_with_leading_zeros_is_its_number() -> None:
    guide = markdown(
        "# T\n\n## \uff11. Alpha\n\na\n\n### 1.\uff11 One\n\none\n\n### 01.002 Two\n\ntwo\n"
    )
    assert [(e.ref, e.title) for e in guide.entries()] == [
        ("1", "Alpha"),
        ("1.1", "One"),
        ("1.2", "Two"),
    ]


def test_a_last_heading_with_a_number_or_sub_points_is_a_section() -> None:
    guide = markdown("# T\n\n## 1. A\n\na\n\n### P\n\np\n\n## 2. Conclusion\n\nc\n\n### Q\n\nq\n")
    assert guide.conclusion is None
    assert guide.sections[-1].title == "Conclusion"


@pytest.mark.parametrize(
    ("source", "text"),
    [
        pytest.param("*em*, **strong**, `code`", "em, strong, code", id="marks-dropped"),
        pytest.param(
            "[Samaritans](https://samaritans.org)", "Samaritans (https://samaritans.org)", id="link"
        ),
        pytest.param("<https://x.org>", "https://x.org", id="autolink"),
        pytest.param("![a lamp](lamp.png) shines", "a lamp shines", id="picture"),
        pytest.param("one\ntwo", "one two", id="lines-joined"),
        pytest.param("one\\\ntwo", "one\ntwo", id="backslash-break-kept"),
        pytest.param("one  \ntwo", "one\ntwo", id="two-space-break-kept"),
        pytest.param("a\n\nb", "a\n\nb", id="paragraphs"),
        pytest.param("- one\n- two", "- one\n- two", id="list"),
        pytest.param("3. three\n4. four", "3. three\n4. four", id="numbered-list"),
        pytest.param("- a\n  - b", "- a\n  - b", id="nested-list"),
        pytest.param("> quoted", "quoted", id="quotation"),
        pytest.param("    code  here", "code  here", id="code-block"),
        pytest.param("```\nx = 1\n```", "x = 1", id="fence"),
        pytest.param("a\n\n---\n\nb", "a\n\nb", id="rule-dropped"),
        pytest.param("a\n\n<!-- a note -->\n\nb", "a\n\nb", id="comment-dropped"),
        pytest.param("&amp; &#x2019; \\*", "& \u2019 *", id="entities-and-escapes"),
        pytest.param("a <b>b</b>", "a <b>b</b>", id="inline-html-as-typed"),
        pytest.param("Keywords: x\n\nt", "Keywords: x\n\nt", id="keywords-only-under-a-heading"),
    ],
)
def test_text_is_plain(source: str, text: str) -> None:
    guide = parse_guide(f"# T\n\n{source}\n\n## S\n\ns\n\n### P\n\np\n", "g.md", markdown=True)
    assert guide.intro == text


def test_related_words_beside_keywords() -> None:
    guide = markdown(
        "# T\n\n## S\n\nRelated: grief, loss\n\nKeywords: k\n\ns\n\n### P\n\nrelated: x\n\np\n"
    )
    section = guide.sections[0]
    assert (section.keywords, section.related, section.points[0].related) == (
        ("k",),
        ("grief", "loss"),
        ("x",),
    )


def test_keywords_commas_escapes_and_case() -> None:
    guide = markdown("# T\n\n## S\n\nkeywords: a\\, b, *c*,\nd\n\ns\n\n### P\n\np\n")
    assert guide.sections[0].keywords == ("a, b", "c", "d")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        pytest.param("\x1b[2J", "\\x1b[2J", id="escape-sequence"),
        # CommonMark reads a reference to a control character as U+FFFD.
        pytest.param("&#27;]0;pwned&#7;", "\ufffd]0;pwned\ufffd", id="escape-as-a-reference"),
        pytest.param("\u202eevil", "\\u202eevil", id="bidi-override"),
        pytest.param("\x9b31m", "\\x9b31m", id="c1-control"),
        pytest.param("[bold]x[/]", "[bold]x[/]", id="rich-markup"),
    ],
)
def test_guide_text_is_defused_as_yaml_text_is(raw: str, shown: str) -> None:
    guide = markdown(
        f"# {raw}\n\n*{raw}*\n\n## {raw}\n\nKeywords: {raw}\n\n{raw}\n\n### {raw}\n\n{raw}\n"
    )
    assert guide.title == guide.subtitle == guide.sections[0].title == shown
    assert guide.sections[0].text == guide.sections[0].points[0].text == shown
    assert guide.sections[0].keywords == (shown,)


@pytest.mark.parametrize(("text", "problem"), MARKDOWN_TEXTS)
def test_broken_guide_gets_one_exact_message(text: str, problem: str) -> None:
    with pytest.raises(GuideError) as raised:
        parse_guide(text, "g.md", markdown=True)
    assert str(raised.value) == "g.md" + problem


@pytest.mark.parametrize(("data", "problem"), MARKDOWN_GUIDES)
def test_broken_guide_file_gets_the_same_message(
    tmp_path: Path, data: bytes | str, problem: str
) -> None:
    path = tmp_path / "g.md"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    with pytest.raises(GuideError) as raised:
        load_guide(path)
    assert str(raised.value) == f"{path}{problem}"


@pytest.mark.parametrize(("text", "problem"), MARKDOWN_TEXTS)
def test_every_problem_starts_with_the_first_problem(text: str, problem: str) -> None:
    with pytest.raises(GuideProblems) as raised:
        parse_guide(text, "g.md", every_problem=True, markdown=True)
    assert str(raised.value.problems[0]) == "g.md" + problem


def test_every_problem_is_found_in_reading_order() -> None:
    text = "# T\n\n## 2. A\n\n### 1.1 P\n\n## 2. B\n\nb\n\n### Q\n\n<p>x</p>\n"
    with pytest.raises(GuideProblems) as raised:
        parse_guide(text, "g.md", every_problem=True, markdown=True)
    assert [str(problem) for problem in raised.value.problems] == [
        "g.md:3: section 1: numbered 2: a heading's number must be its place (1)",
        "g.md:3: section 1: text: missing",
        "g.md:5: sub-point 1.1: text: missing",
        "g.md:11: sub-point 2.1: text: missing",
        "g.md:13: sub-point 2.1: an HTML block: HTML is not part of the guide format",
    ]


def _guide_or_one_error(text: str) -> None:
    try:
        guide = parse_guide(text, "g.md", markdown=True)
    except GuideError as error:
        assert "\n" not in str(error).strip()
    else:
        assert guide.title and guide.sections
        for entry in guide.entries():
            assert_safe(entry.title + entry.text)


@given(st.text(max_size=300))
def test_any_text_is_a_guide_or_one_guide_error(text: str) -> None:
    _guide_or_one_error(text)


_MARKUP = st.sampled_from(
    [
        "# ",
        "## 1. ",
        "### 1.1 ",
        "*",
        "**",
        "`",
        "- ",
        "> ",
        "<div>",
        "\n",
        "\n\n",
        "Keywords: ",
        "---\n",
        "x",
        "1. ",
        "[a](b)",
        "&amp;",
        "\\",
    ]
)


@given(st.lists(_MARKUP, max_size=40).map("".join))
def test_markdown_like_text_is_a_guide_or_one_guide_error(text: str) -> None:
    _guide_or_one_error(text)


def test_the_readme_s_example_is_the_example_file_and_a_guide() -> None:
    from tests.helpers import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (block,) = [part.split("\n```", 1)[0] for part in readme.split("```markdown\n")[1:]]
    example = REPO / "docs" / "night-owls.md"
    assert block + "\n" == example.read_text(encoding="utf-8")
    guide = load_guide(example)
    assert [entry.ref for entry in guide.entries()] == ["1", "1.1", "1.2", "2", "2.1"]
    assert guide.sections[0].keywords == ("evening", "routine", "bedtime")
    assert (
        guide.conclusion
        == "Small, steady habits beat heroic efforts. Pick one and keep it for a week."
    )


def test_a_markdown_guide_is_read_from_the_cache(
    invoke,
    tmp_path: Path,
    refuse_parsing,  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "night.md"
    path.write_text(textwrap.dedent(NIGHT_OWLS), encoding="utf-8")
    first = invoke("--guide", str(path), "read", "--json").stdout
    refuse_parsing()
    assert invoke("--guide", str(path), "read", "--json").stdout == first
    path.write_text(textwrap.dedent(NIGHT_OWLS).replace("Dim", "Lower"), encoding="utf-8")
    assert str(invoke("--guide", str(path), "list").exception) == "parsed"
