"""Rendering on a fixed-width plain console: layout at wide and narrow widths, text kept literal."""

from __future__ import annotations

import io

import pytest
from rich.console import Console, RenderableType

from effects_cli.loader import parse_guide
from effects_cli.model import Guide
from effects_cli.render import (
    contents_lines,
    render_contents,
    render_hits,
    render_more,
    render_point,
    render_section,
    rich_theme,
)
from effects_cli.render.layout import Balanced
from effects_cli.search.corpus import Corpus
from effects_cli.search.engine import search as search_corpus
from effects_cli.search.query import parse_query
from effects_cli.search.results import Results
from tests.helpers import squeezed


def search(guide: Guide, text: str) -> Results:
    """Search a guide in memory for a query as typed."""
    return search_corpus(Corpus.of(guide), parse_query(text))


def plain(renderable: RenderableType, width: int, **options: bool) -> str:
    """What a plain console of ``width`` columns shows, without Rich's padding at line ends."""
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, highlight=False).print(renderable, **options)
    return "\n".join(line.rstrip() for line in out.getvalue().split("\n"))


def test_contents_on_a_wide_terminal_are_aligned_columns(guide: Guide) -> None:
    assert plain(render_contents(guide), 80).splitlines()[4:7] == [
        " 1  Building and Strengthening Social Connections           3 points",
        " 2  Creating and Joining Supportive Online Communities      3 points",
        " 3  Easy Access to Mental Health Resources and Information  3 points",
    ]


def test_contents_stay_aligned_only_when_every_column_fits() -> None:
    guide = parse_guide(
        "title: T\nsections:\n"
        "  - {title: " + "x" * 30 + ", text: t, points: [{title: p, text: q}]}\n"
        "  - {title: y, text: t, points: [" + ", ".join(["{title: p, text: q}"] * 10) + "]}\n"
    )
    needed = 1 + 2 + 30 + 2 + len("10 points")
    assert plain(render_contents(guide), needed).splitlines()[2] == "1  " + "x" * 30 + "  1 point"
    assert plain(render_contents(guide), needed - 1).splitlines()[2] == "1  " + "x" * 30 + " (1)"


def test_contents_on_a_narrow_terminal_wrap_whole_words(guide: Guide) -> None:
    assert plain(render_contents(guide, tree=True), 40).splitlines()[:14] == [
        "10 Dynamic Positive",  # headings in even lines, never a word alone
        "Effects of Social Media",
        "The Dynamic Positive Effects",
        "of Social Media on Mental",
        "Health: A Comprehensive Guide",
        "",
        " 1  Building and Strengthening",  # a title in even lines, its count with
        "    Social Connections (3)",  # its last word
        "    1.1   Staying Connected",
        "          Across Distances",  # a sub-point title wraps under itself, evenly
        "    1.2   Reconnecting with Old Friends",
        "    1.3   Fostering New Relationships",
        " 2  Creating and Joining Supportive",
        "    Online Communities (3)",
    ]


@pytest.mark.parametrize("width", [12, 20, 33])
def test_no_word_is_lost_at_any_width(guide: Guide, width: int) -> None:
    """Narrow terminals fold words, but every character of the guide still reaches the screen."""
    point = guide.lookup("1.2")
    contents = plain(render_contents(guide, tree=True), width)
    shown = plain(render_point(point, guide.section_of(point)), width)
    hits = search(guide, "nostalgia friends").hits
    listed = plain(render_hits(hits), width)
    for output in (contents, shown, listed):
        assert all(len(line) <= width for line in output.splitlines())
    for entry in guide.entries():
        assert squeezed(entry.title) in squeezed(contents)
    assert squeezed(point.text) in squeezed(shown)
    for hit in hits:
        assert squeezed(hit.entry.title) in squeezed(listed)
        assert squeezed(hit.snippet.text) in squeezed(listed)


def test_point_shows_reference_title_section_and_text(guide: Guide) -> None:
    assert plain(render_point(guide.lookup("9.3"), guide.sections[8]), 50) == (
        "9.3  Building a Positive Online Presence\n"
        "from section 9: Providing a Sense of Achievement\n"
        "and Validation\n"
        "\n"
        "The other positive effects of social media is that\n"
        "people can be able to build a good reputation\n"
        "online. In this way, by selecting the profiles\n"
        "which represent values, achievements, and\n"
        "interests, the users can receive identity\n"
        "satisfaction from their profile. This aspect of\n"
        "social media helps support the fans\u2019 mental health\n"
        "\u2013 the positive effects of social media.\n"
    )


def test_a_heading_too_long_for_the_line_wraps_evenly_beside_its_reference(
    guide: Guide,
) -> None:
    section = guide.sections[3]
    point = section.points[1]
    assert plain(render_point(point, section), 40).splitlines()[:2] == [
        "4.2  Normalizing Mental",  # not "...Mental Health" and "Conversations" alone
        "     Health Conversations",
    ]
    assert plain(render_section(section), 30).splitlines()[:3] == [
        "4  Reducing the Stigma",
        "   Surrounding Mental",
        "   Health Issues",
    ]
    wide = plain(render_point(point, section), 80).splitlines()[0]
    assert wide == "4.2  Normalizing Mental Health Conversations"


def test_a_count_after_a_title_stays_with_its_last_word() -> None:
    title = "Words " * 7 + "Last"
    lines = plain(Balanced(title, "", ("(3)", "")), 20).splitlines()
    assert lines[-1].endswith("Last (3)")
    assert " ".join(lines) == title + " (3)"


def test_the_line_under_hits_wraps_evenly() -> None:
    assert plain(render_more("2 of 3 hits shown; --limit 3 shows them all."), 40) == (
        "\n2 of 3 hits shown;\n--limit 3 shows them all.\n"
    )


def test_hits_show_reference_title_and_snippet_indented(guide: Guide) -> None:
    assert plain(render_hits(search(guide, "nostalgia").hits), 50) == (
        "1.2  Reconnecting with Old Friends\n"
        "     \u2026This reconnection can give a sense of\n"
        "     comfort, nostalgia and perhaps couped\n"
        "     together with the negatives of face-to-face\n"
        "     interaction, brings\u2026\n"
    )


def test_highlight_marks_exactly_the_matched_words(guide: Guide) -> None:
    out = io.StringIO()
    console = Console(
        file=out, width=80, color_system="standard", highlight=False, theme=rich_theme("dark")
    )
    console.print(render_hits(search(guide, "nostalgia").hits))
    styled = out.getvalue()
    assert styled.count("\x1b[1;4;35m") == 1
    assert "\x1b[1;4;35mnostalgia\x1b[0m" in styled


def test_contents_lines_for_a_pipe_never_wrap() -> None:
    guide = parse_guide(
        "title: T\nsections:\n  - title: " + "Long " * 40 + "\n    text: t\n"
        "    points: [{title: P, text: p}]\n"
    )
    lines = plain(contents_lines(guide, tree=True), 10, soft_wrap=True)
    assert lines.splitlines() == ["1  " + " ".join(["Long"] * 40) + "  1 point", "   1.1  P"]


def test_guide_text_is_never_markup() -> None:
    guide = parse_guide(
        'title: T\nsections:\n  - title: "[bold]B[/bold]"\n    text: "[/] [red]x :smile:"\n'
        '    points: [{title: "[link=x]y[/link]", text: "[/]"}]\n'
    )
    assert plain(render_point(guide.lookup("1.1"), guide.sections[0]), 40) == (
        "1.1  [link=x]y[/link]\nfrom section 1: [bold]B[/bold]\n\n[/]\n"
    )
    assert "[/] [red]x :smile:" in plain(render_hits(search(guide, "red").hits), 40)
