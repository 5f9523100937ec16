"""``effects import``'s reading of an article: the rules of `effects_cli.importer`, on
articles of several shapes, and the remarks that say what was guessed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effects_cli.errors import GuideError
from effects_cli.importer import import_article
from effects_cli.loader import parse_guide
from effects_cli.model import Guide, Point, Section
from effects_cli.writing import guide_yaml
from tests.helpers import BUNDLED


def without_words(guide: Guide) -> Guide:
    """The guide without its keywords and related words, which only a guide file has."""
    return guide.replace(
        sections=tuple(
            section.replace(
                keywords=(),
                related=(),
                points=tuple(point.replace(keywords=(), related=()) for point in section.points),
            )
            for section in guide.sections
        )
    )


def web_page(document: dict, caption: str = "a picture of a phone") -> str:
    """A guide's text as a web page holds it, the shape of the bundled guide's source: a
    heading that repeats the title, the same caption before most sections, a conclusion
    after two blank lines and the page's own lines at the end."""
    lines = [f"You are currently viewing {document['title']}", "", document["title"], ""]
    lines += [document["subtitle"], "", "", document["intro"], "", caption, ""]
    for number, section in enumerate(document["sections"], 1):
        lines += [f"{number}. {section['title']}", "", section["text"], ""]
        for index, point in enumerate(section["points"], 1):
            lines += [f"{number}.{index} {point['title']}", "", point["text"], ""]
        if number % 3:
            lines += [caption, ""]
    lines += ["", document["conclusion"], "", "This Post Has One Comment", "", "Leave a Reply"]
    return "\n".join(lines)


def test_the_bundled_guide_s_own_text_imports_as_the_bundled_guide(guide: Guide) -> None:
    imported = import_article(web_page(BUNDLED), "page.txt")
    assert imported.guide == without_words(guide)  # an article has no keywords
    assert len(guide.sections) == 10 and len(list(guide.points())) == 30
    assert imported.remarks == [
        'page.txt:1: "You are currently viewing 10 Dynamic Positive Effects of So…" ends with'
        " the title on line 3: taken for the page's heading and dropped",
        "page.txt:5: a line of its own under the title, without a full stop: taken for the subtitle",
        'page.txt:10: "a picture of a phone", a short line found 8 times (lines 10, 28, 46, 80,'
        " 98, …): taken for a picture's caption and dropped",
        "page.txt:187: two blank lines after 10.3: what follows is taken for the conclusion",
        'page.txt:189: 2 short lines after the last paragraph ("This Post Has One Comment",'
        ' "Leave a Reply"): taken for the page around the article and dropped',
    ]


SOURCE = Path(__file__).parent / "data" / "source-article.txt"
"""A copy of the web page the bundled guide was copied from, as it was saved: the real
shape (its spacing, its captions, its chrome), which `web_page` only imitates."""


def test_the_bundled_guide_s_source_imports_as_the_bundled_guide(guide: Guide) -> None:
    imported = import_article(SOURCE.read_text(encoding="utf-8"), "source.txt")
    assert imported.guide == without_words(guide)
    assert (len(imported.guide.sections), len(list(imported.guide.points()))) == (10, 30)
    assert [section.title for section in imported.guide.sections] == [
        section.title for section in guide.sections
    ]
    paragraphs = [entry.text for entry in guide.entries()]
    assert [entry.text for entry in imported.guide.entries()] == paragraphs
    assert imported.remarks == [
        'source.txt:1: "You are currently viewing 10 Dynamic Positive Effects of So…" ends with'
        " the title on line 3: taken for the page's heading and dropped",
        "source.txt:5: a line of its own under the title, without a full stop: taken for the"
        " subtitle",
        'source.txt:10: "positive effects of social media", a short line found 9 times (lines'
        " 10, 28, 46, 64, 82, …): taken for a picture's caption and dropped",
        "source.txt:189: two blank lines after 10.3: what follows is taken for the conclusion",
        'source.txt:191: 2 short lines after the last paragraph ("This Post Has One Comment",'
        ' "Leave a Reply"): taken for the page around the article and dropped',
    ]


WRAPPED = """\
How to Sleep\r
\r
Sleep matters more than most of us think. This guide\r
gathers what helps.\r
\r
1. Evening\r
What you do in the evening decides\r
how you sleep.\r
\r
1.1 Light\r
Dim the lights an hour\r
before bed.\r
\r
1.2 Screens\r
Put the phone away.\r
\r
2. Morning\r
\r
Mornings set the clock.\r
\r
2.1 Sunlight\r
\r
Go out in the first hour.\r
\r
Conclusion\r
\r
Sleep is a habit.\r
\r
Keep at it.\r
"""


def test_a_hard_wrapped_article_with_a_conclusion_heading() -> None:
    imported = import_article(WRAPPED, "sleep.txt")
    assert imported.guide == Guide(
        title="How to Sleep",
        intro="Sleep matters more than most of us think. This guide gathers what helps.",
        sections=(
            Section(
                1,
                "Evening",
                "What you do in the evening decides how you sleep.",
                (
                    Point(1, 1, "Light", "Dim the lights an hour before bed."),
                    Point(1, 2, "Screens", "Put the phone away."),
                ),
            ),
            Section(
                2,
                "Morning",
                "Mornings set the clock.",
                (Point(2, 1, "Sunlight", "Go out in the first hour."),),
            ),
        ),
        conclusion="Sleep is a habit.\n\nKeep at it.",
    )
    assert imported.remarks == [
        'sleep.txt:25: "Conclusion", a short line after 2.1: taken for the conclusion\'s'
        " heading; what follows is the conclusion"
    ]


LISTICLE = """\
Five Small Things

1. Walk

Walk every day.

It clears the head.

2. Read

Read before sleep.

Three steps help:

1. Pick a book.

2. Sit down.

3. Write

Tips

Write a line a day.
"""


def test_a_list_of_sections_without_sub_points_is_made_a_valid_guide() -> None:
    imported = import_article(LISTICLE, "five.txt")
    walk, read, write = imported.guide.sections
    assert (walk.text, walk.points) == (
        "Walk every day.",
        (Point(1, 1, "Walk", "It clears the head."),),
    )
    assert (read.text, read.points[0].text) == (
        "Read before sleep.",
        "Three steps help:\n\n1. Pick a book.\n\n2. Sit down.",
    )
    assert (write.text, write.points[0].text) == ("Tips", "Write a line a day.")
    assert imported.remarks == [
        "five.txt:3: section 1 has no sub-points: all but its first paragraph are its sub-point"
        " 1.1, of the same title (a guide's section needs one)",
        "five.txt:9: section 2 has no sub-points: all but its first paragraph are its sub-point"
        " 2.1, of the same title (a guide's section needs one)",
        'five.txt:15: "1. Pick a book." is numbered like a heading, but section 3 or sub-point'
        " 2.1 comes next: kept as text",
        'five.txt:17: "2. Sit down." is numbered like a heading, but section 3 or sub-point'
        " 2.1 comes next: kept as text",
        "five.txt:19: section 3 has no sub-points: all but its first paragraph are its sub-point"
        " 3.1, of the same title (a guide's section needs one)",
        'five.txt:21: "Tips" is a short line without a full stop: kept as a paragraph of 3'
        " (a heading without a number?)",
    ]
    assert parse_guide(guide_yaml(imported.guide), "five.yaml") == imported.guide


def test_headings_without_text_get_their_titles() -> None:
    imported = import_article("T\n\n1. A\n\n1.1 B\n\n1.2 C\n\nThe end of it.\n", "t.txt")
    section = imported.guide.sections[0]
    assert (section.text, section.points[0].text) == ("A", "B")
    assert section.points[1].text == "The end of it."
    assert imported.remarks == [
        "t.txt:3: section 1 has no text before its first sub-point: its title stands for its text",
        "t.txt:5: sub-point 1.1 has no text: its title stands for it",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("", "a.txt: is empty: there is no article to import", id="empty"),
        pytest.param(" \n\n\t\n", "a.txt: is empty: there is no article to import", id="blank"),
        pytest.param(
            "Title\n\nJust prose.\n\n2. Not first\n",
            "a.txt: no numbered sections: an article needs headings such as '1. Title' on lines of their own",
            id="no-numbered-sections",
        ),
    ],
)
def test_an_article_without_sections_is_refused(text: str, problem: str) -> None:
    with pytest.raises(GuideError) as raised:
        import_article(text, "a.txt")
    assert str(raised.value) == problem


def test_article_text_is_defused() -> None:
    imported = import_article("T\x1b[2J\n\n1. S\u202e\n\ns.\n\n1.1 [bold]P\n\np\x07\n", "a.txt")
    assert imported.guide.title == "T\\x1b[2J"
    assert imported.guide.sections[0].title == "S\\u202e"
    assert all("\x1b" not in remark and "\x07" not in remark for remark in imported.remarks)
    assert imported.guide.sections[0].points[0].title == "[bold]P"
    assert imported.guide.sections[0].points[0].text == "p\\x07"


_LINES = st.sampled_from(
    [
        "",
        "",
        "Title",
        "1. One",
        "1.1 Sub",
        "2. Two",
        "2.1 Sub",
        "1.2 Sub",
        "Some prose.",
        "caption",
        "  ",
        "\x1b",
        "a b c",
    ]
)


@given(st.lists(_LINES, max_size=30).map("\n".join) | st.text(max_size=200))
def test_any_article_is_a_valid_guide_or_one_error(text: str) -> None:
    try:
        imported = import_article(text, "a.txt")
    except GuideError as error:
        assert "\n" not in str(error)
        return
    assert parse_guide(guide_yaml(imported.guide), "a.yaml") == imported.guide
    assert all("\n" not in remark for remark in imported.remarks)
