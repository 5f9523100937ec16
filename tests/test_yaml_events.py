"""The reading of a YAML guide from the parser's events: the very guide the node reader makes,
or None, and then the node reader (which names the problem) reads it instead."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from effects_cli.errors import GuideError
from effects_cli.loader.files import MAX_BYTES
from effects_cli.loader.yaml_events import read_guide
from effects_cli.loader.yaml_guide import _NOT_YAML, read_nodes
from effects_cli.model import Guide
from effects_cli.writing import guide_data, guide_yaml

from .strategies import guides

GOOD = """\
title: A guide
sections:
  - title: One
    text: Its text.
    points:
      - title: A point
        text: The point's text.
        keywords: [gym]
"""


def _by_nodes(text: str, max_bytes: int = MAX_BYTES) -> Guide | None:
    try:
        return read_nodes(text, "g.yaml", every_problem=True, max_bytes=max_bytes)
    except GuideError:
        return None


def test_a_good_guide_is_read_from_its_events() -> None:
    guide = read_guide(GOOD, MAX_BYTES)
    assert guide is not None
    assert guide == _by_nodes(GOOD)
    assert guide.sections[0].points[0].keywords == ("gym",)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(GOOD.replace("title: A guide", "title: &t A guide"), id="anchor"),
        pytest.param(GOOD + "subtitle: *t\n", id="alias"),
        pytest.param(
            GOOD.replace("title: A guide", "title: &t A guide") + "subtitle: *t\n",
            id="anchor-and-alias",
        ),
        pytest.param(GOOD.replace("text: Its text.", "text: !!str Its text."), id="tag"),
        pytest.param(GOOD.replace("sections:", "sections: !!seq"), id="tag-of-a-list"),
        pytest.param("--- !!map\n" + GOOD, id="tag-of-the-guide"),
        pytest.param(GOOD.replace("text: Its text.", "text:"), id="empty"),
        pytest.param(GOOD.replace("text: Its text.", "text: ~"), id="null"),
        pytest.param(GOOD.replace("text: Its text.", "text: '  '"), id="blank"),
        pytest.param(GOOD + "title: Again\n", id="duplicate-key"),
        pytest.param(GOOD + "author: Me\n", id="unknown-key"),
        pytest.param(GOOD.replace("    text: Its text.\n", ""), id="missing-key"),
        pytest.param(GOOD.replace("[gym]", "[gym, Gym]"), id="keyword-twice"),
        pytest.param(GOOD.replace("[gym]", "[]"), id="no-keywords"),
        pytest.param("title: A guide\nsections: []\n", id="no-sections"),
        pytest.param(GOOD + "---\n" + GOOD, id="two-documents"),
        pytest.param(GOOD.replace("[gym]", "[gym"), id="not-yaml"),
        pytest.param("", id="nothing"),
        pytest.param("- a list\n", id="a-list"),
    ],
)
def test_whatever_it_is_not_sure_of_is_left_to_the_node_reader(text: str) -> None:
    assert read_guide(text, MAX_BYTES) is None


@given(st.characters().filter(lambda ch: _NOT_YAML.match(ch) is not None))
def test_a_character_yaml_does_not_allow_is_left_to_the_node_reader(character: str) -> None:
    """(The node reader's check for such characters, which names their line, is made only
    when this reader gives up: libyaml refuses the same characters, without a place.)"""
    assert read_guide(GOOD.replace("Its text.", f"Its{character}text."), MAX_BYTES) is None


def test_text_past_the_size_limit_is_left_to_the_node_reader() -> None:
    size = len("A guide") + len("One") + len("Its text.") + len("A point")
    size += len("The point's text.") + len("gym")
    assert read_guide(GOOD, size) == _by_nodes(GOOD, size)
    assert read_guide(GOOD, size - 1) is None
    assert _by_nodes(GOOD, size - 1) is None


_DUMPED = st.sampled_from(
    [
        {"default_flow_style": False},
        {"default_flow_style": True},
        {"default_style": '"'},
        {"default_style": "'"},
        {"default_style": "|"},
        {"allow_unicode": True, "width": 20},
    ]
)


@given(guides(), _DUMPED)
def test_any_guide_however_written_is_read_from_its_events_as_the_nodes_read_it(
    guide: Guide, style: dict[str, object]
) -> None:
    for text in (guide_yaml(guide), yaml.safe_dump(guide_data(guide), **style)):  # type: ignore[call-overload]
        assert read_guide(text, MAX_BYTES) == guide == _by_nodes(text)


_BROKEN = st.sampled_from(
    [
        ("title: ", "title: &a "),
        ("text: ", "text: *a\n    x: "),
        ("text: ", "text: !!str "),
        ("title: ", "title: \n"),
        ("title: ", "title: ~\n"),
        ("points:", "points: []\n    x:"),
        ("keywords:", "keywords: []\n    y:"),
        ("- title:", "- titel:"),
        ("\n", "\ntitle: again\n"),
        ("text: ", 'text: "\\e\\u202e" '),
        ("text: ", "text: '\u2028' "),
        ("\n", "\n---\n"),
        ("\n", "\n  \t"),
        ("- ", "- - "),
    ]
)


@given(guides(), st.lists(st.tuples(_BROKEN, st.integers(0, 5)), max_size=3), st.integers(0, 400))
def test_a_broken_or_odd_guide_is_never_read_otherwise_than_by_its_nodes(
    guide: Guide, changes: list[tuple[tuple[str, str], int]], limit: int
) -> None:
    """Whatever is done to a guide's text, and whatever the size limit: a guide read from
    the events is the guide the nodes give, and a text the nodes refuse gives None."""
    text = guide_yaml(guide)
    for (old, new), skip in changes:
        at = -1
        for _ in range(skip + 1):
            at = text.find(old, at + 1)
        if at >= 0:
            text = text[:at] + new + text[at + len(old) :]
    for max_bytes in (MAX_BYTES, limit):
        fast = read_guide(text, max_bytes)
        if fast is not None:
            assert fast == _by_nodes(text, max_bytes)
