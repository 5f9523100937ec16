"""References: what `Guide.lookup` accepts, and the errors for everything else."""

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
from effects_cli.loader import load_guide
from effects_cli.model import Point, Section

GUIDE = load_guide()


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
def test_lookup_finds(reference: str, kind: type, ref: str) -> None:
    entry = GUIDE.lookup(reference)
    assert isinstance(entry, kind)
    assert entry.ref == ref


@pytest.mark.parametrize(
    ("reference", "error", "message"),
    [
        pytest.param("11", NoSuchSection, "no section 11: the guide has sections 1 to 10", id="11"),
        pytest.param("0", NoSuchSection, "no section 0: the guide has sections 1 to 10", id="0"),
        pytest.param("4.9", NoSuchPoint, "no sub-point 4.9: section 4 has 4.1 to 4.3", id="4.9"),
        pytest.param("4.0", NoSuchPoint, "no sub-point 4.0: section 4 has 4.1 to 4.3", id="4.0"),
        pytest.param(
            "1234567",
            NoSuchSection,
            "no section 1234567: the guide has sections 1 to 10",
            id="7-digits",
        ),
        pytest.param(
            "9" * 100,
            NoSuchSection,
            "no section 99999999999\u2026: the guide has sections 1 to 10",
            id="100-digits",
        ),
        pytest.param(
            "11.1", NoSuchSection, "no section 11: the guide has sections 1 to 10", id="11.1"
        ),
        pytest.param(
            "abc",
            MalformedReference,
            '"abc" is not a reference: use a section number (1 to 10) or a sub-point such as 1.1',
            id="abc",
        ),
        pytest.param("4.", MalformedReference, None, id="trailing-dot"),
        pytest.param(".2", MalformedReference, None, id="leading-dot"),
        pytest.param("4.2.1", MalformedReference, None, id="three-parts"),
        pytest.param("1e3", MalformedReference, None, id="exponent"),
        pytest.param("-1", MalformedReference, None, id="negative"),
        pytest.param("", MalformedReference, None, id="empty"),
        pytest.param("4 2", MalformedReference, None, id="inner-space"),
        pytest.param("\u0664", MalformedReference, None, id="arabic-indic-digit"),
        pytest.param(
            "9" * 5000,
            NoSuchSection,
            "no section 99999999999\u2026: the guide has sections 1 to 10",
            id="5000-digits",
        ),
        pytest.param("4.1" + "0" * 20, NoSuchPoint, None, id="huge-point-number"),
    ],
)
def test_lookup_refuses(reference: str, error: type, message: str | None) -> None:
    with pytest.raises(error) as raised:
        GUIDE.lookup(reference)
    if message is not None:
        assert str(raised.value) == message


def test_messages_escape_control_characters_and_stay_short() -> None:
    with pytest.raises(MalformedReference) as raised:
        GUIDE.lookup("\x1b]0;owned\x07" + "x" * 500)
    message = str(raised.value)
    assert "\x1b" not in message and "\x07" not in message
    assert "\\x1b]0;owned\\x07" in message
    assert len(message) < 160


def test_section_of_a_point() -> None:
    point = GUIDE.lookup("7.3")
    assert isinstance(point, Point)
    assert GUIDE.section_of(point) is GUIDE.sections[6]


def test_entries_in_guide_order() -> None:
    refs = [entry.ref for entry in GUIDE.entries()]
    assert refs[:5] == ["1", "1.1", "1.2", "1.3", "2"]
    assert len(refs) == 40


@given(
    st.one_of(
        st.text(),
        st.from_regex(r"[ ]?[0-9]{1,3}(\.[0-9]{1,3})?[ ]?", fullmatch=True),
    )
)
def test_any_text_is_the_entry_it_names_or_an_unknown_reference(reference: str) -> None:
    try:
        entry = GUIDE.lookup(reference)
    except UnknownReference as error:
        assert "\n" not in str(error)
    else:
        numbers = [int(part) for part in reference.strip().split(".")]
        assert entry.ref == ".".join(map(str, numbers))


@given(st.integers(min_value=1, max_value=10), st.integers(min_value=1, max_value=3))
def test_every_valid_reference_names_its_entry(section: int, point: int) -> None:
    entry = GUIDE.lookup(f"{section}.{point}")
    assert (entry.section, entry.number) == (section, point)
