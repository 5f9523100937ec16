"""References: what `Guide.lookup` accepts, and the errors for everything else.

An error's wording is the row of ARGUMENTS (tests/messages.py) that shows it through
`effects show`; here it is compared with that row, one layer down."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effects_cli.errors import (
    MalformedReference,
    NoSuchPoint,
    NoSuchSection,
    UnknownReference,
)
from effects_cli.model import Guide, Point, Section
from tests.messages import said


@pytest.mark.parametrize(
    ("reference", "kind", "ref"),
    [
        pytest.param("4", Section, "4", id="section"),
        pytest.param("10", Section, "10", id="last-section"),
        pytest.param("4.2", Point, "4.2", id="point"),
        pytest.param("10.3", Point, "10.3", id="last-point"),
        pytest.param(" 4.2 ", Point, "4.2", id="surrounding-space"),
        pytest.param("04.02", Point, "4.2", id="leading-zeros"),
        pytest.param("4." + "0" * 20 + "2", Point, "4.2", id="many-leading-zeros"),
    ],
)
def test_lookup_finds(guide: Guide, reference: str, kind: type, ref: str) -> None:
    entry = guide.lookup(reference)
    assert isinstance(entry, kind)
    assert entry.ref == ref


@pytest.mark.parametrize(
    ("reference", "error", "row"),
    [
        pytest.param("11", NoSuchSection, "ref-11", id="11"),
        pytest.param("0", NoSuchSection, "ref-0", id="0"),
        pytest.param("4.9", NoSuchPoint, "ref-4.9", id="4.9"),
        pytest.param("4.0", NoSuchPoint, "ref-4.0", id="4.0"),
        pytest.param("1234567", NoSuchSection, "ref-7-digits", id="7-digits"),
        pytest.param("9" * 100, NoSuchSection, "ref-huge", id="100-digits"),
        pytest.param("11.1", NoSuchSection, "ref-11", id="11.1"),
        pytest.param("abc", MalformedReference, "ref-abc", id="abc"),
        pytest.param("4.", MalformedReference, None, id="trailing-dot"),
        pytest.param(".2", MalformedReference, None, id="leading-dot"),
        pytest.param("4.2.1", MalformedReference, None, id="three-parts"),
        pytest.param("1e3", MalformedReference, None, id="exponent"),
        pytest.param("-1", MalformedReference, None, id="negative"),
        pytest.param("", MalformedReference, None, id="empty"),
        pytest.param("4 2", MalformedReference, None, id="inner-space"),
        pytest.param("\u0664", MalformedReference, None, id="arabic-indic-digit"),
        pytest.param("9" * 5000, NoSuchSection, "ref-huge", id="5000-digits"),
        pytest.param("4.1" + "0" * 20, NoSuchPoint, None, id="huge-point-number"),
    ],
)
def test_lookup_refuses(guide: Guide, reference: str, error: type, row: str | None) -> None:
    """``row``: the ARGUMENTS row whose message this error gives (None: only its kind)."""
    with pytest.raises(error) as raised:
        guide.lookup(reference)
    if row is not None:
        assert str(raised.value) == said(row)


def test_messages_escape_control_characters_and_stay_short(guide: Guide) -> None:
    with pytest.raises(MalformedReference) as raised:
        guide.lookup("\x1b]0;owned\x07" + "x" * 500)
    message = str(raised.value)
    assert "\x1b" not in message and "\x07" not in message
    assert "\\x1b]0;owned\\x07" in message
    assert len(message) < 160


def test_section_of_a_point(guide: Guide) -> None:
    point = guide.lookup("7.3")
    assert isinstance(point, Point)
    assert guide.section_of(point) is guide.sections[6]


def test_entries_in_guide_order(guide: Guide) -> None:
    refs = [entry.ref for entry in guide.entries()]
    assert refs[:5] == ["1", "1.1", "1.2", "1.3", "2"]
    assert len(refs) == 40


@given(
    st.one_of(
        st.text(),
        st.from_regex(r"[ ]?[0-9]{1,3}(\.[0-9]{1,3})?[ ]?", fullmatch=True),
    )
)
def test_any_text_is_the_entry_it_names_or_an_unknown_reference(
    guide: Guide, reference: str
) -> None:
    try:
        entry = guide.lookup(reference)
    except UnknownReference as error:
        assert "\n" not in str(error)
    else:
        numbers = [int(part) for part in reference.strip().split(".")]
        assert entry.ref == ".".join(map(str, numbers))


@given(st.integers(min_value=1, max_value=10), st.integers(min_value=1, max_value=3))
def test_every_valid_reference_names_its_entry(guide: Guide, section: int, point: int) -> None:
    entry = guide.lookup(f"{section}.{point}")
    assert (entry.section, entry.number) == (section, point)


def test_entries_are_immutable_values() -> None:
    """What frozen dataclasses gave: no assignment, equality and hashing by fields, copies
    with changes."""
    point = Point(4, 2, "Title", "Text")
    with pytest.raises(AttributeError, match="cannot assign to field 'title'"):
        point.title = "Other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del point.text
    same = Point(4, 2, "Title", "Text")
    assert point == same and hash(point) == hash(same) and point is not same
    assert point != Point(4, 3, "Title", "Text")
    assert point != Section(4, "Title", "Text", ())
    changed = point.replace(title="Other")
    assert (changed.title, changed.text, changed.ref, point.title) == (
        "Other",
        "Text",
        "4.2",
        "Title",
    )
    assert repr(point) == (
        "Point(keywords=(), number=2, related=(), section=4, text='Text', title='Title')"
    )
    guide = Guide("G", (Section(1, "S", "s", (point,)),))
    assert guide.replace(subtitle="Sub") == Guide("G", guide.sections, subtitle="Sub")
