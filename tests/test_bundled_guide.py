"""The bundled guide is whole: 10 sections of 3 sub-points, every paragraph word for word."""

from __future__ import annotations

import json

import pytest

from effects_cli.bundled import bundled_guide_path
from effects_cli.model import Guide
from tests.helpers import BUNDLED, BUNDLED_YAML, Invoke


def test_bundled_guide_is_found_in_the_checkout() -> None:
    assert bundled_guide_path().read_bytes() == BUNDLED_YAML.read_bytes()


def test_titles(guide: Guide) -> None:
    assert guide.title == "10 Dynamic Positive Effects of Social Media"
    assert guide.subtitle == (
        "The Dynamic Positive Effects of Social Media on Mental Health: A Comprehensive Guide"
    )


def test_ten_sections_of_three_points_with_refs_in_order(guide: Guide) -> None:
    assert [section.ref for section in guide.sections] == [str(n) for n in range(1, 11)]
    for section in guide.sections:
        assert [point.ref for point in section.points] == [
            f"{section.number}.{n}" for n in (1, 2, 3)
        ]
    assert len(list(guide.points())) == 30


def test_every_entry_has_a_title_and_text(guide: Guide) -> None:
    for entry in guide.entries():
        assert entry.title.strip() and entry.text.strip(), entry.ref
        assert len(entry.text.split()) >= 25, entry.ref  # a real paragraph, not a stub


def test_model_carries_the_file_text_exactly(guide: Guide) -> None:
    assert guide.intro == BUNDLED["intro"]
    assert guide.conclusion == BUNDLED["conclusion"]
    for section, raw_section in zip(guide.sections, BUNDLED["sections"], strict=True):
        assert (section.title, section.text) == (raw_section["title"], raw_section["text"])
        for point, raw_point in zip(section.points, raw_section["points"], strict=True):
            assert (point.title, point.text) == (raw_point["title"], raw_point["text"])


@pytest.mark.parametrize(
    ("ref", "fragment"),
    [
        pytest.param(
            "1.2", "Facebook tools such as the \u2018People You May Know\u2019", id="curly-quotes"
        ),
        pytest.param("1.2", "perhaps couped together", id="source-typo-kept"),
        pytest.param("1.3", "persons having like afresh ions, interests", id="source-garble-kept"),
        pytest.param("4.3", "#BellLetsTalk and #MentalHealthAwarenessMonth", id="hashtags"),
        pytest.param("6.3", "through donation and supportraisin.", id="supportraisin"),
        pytest.param("9.1", "can be mentioned \u2013 personal goal", id="en-dash"),
        pytest.param("10", "include : \u2018Social media can thus", id="odd-spacing-kept"),
    ],
)
def test_source_wording_is_kept(guide: Guide, ref: str, fragment: str) -> None:
    assert fragment in guide.lookup(ref).text


def test_truncated_sentence_of_5_1_is_kept_as_in_the_source(guide: Guide) -> None:
    assert guide.lookup("5.1").text.endswith("emphasize its potential benefits for mental we")


def test_conclusion_is_the_guides_not_the_last_points(guide: Guide) -> None:
    assert guide.conclusion is not None
    assert guide.conclusion.startswith("The positive effects of social media in mental health")
    assert guide.conclusion.endswith("play a role in one\u2019s change of health approach.")
    assert "diverse and far-reaching" not in guide.lookup("10.3").text


def test_page_chrome_is_left_out() -> None:
    text = BUNDLED_YAML.read_text(encoding="utf-8")
    for chrome in ("You are currently viewing", "This Post Has One Comment", "Leave a Reply"):
        assert chrome not in text
    values = json.dumps(BUNDLED)
    assert '"positive effects of social media"' not in values  # the image caption line


def test_json_of_every_entry_carries_the_text_word_for_word(invoke: Invoke) -> None:
    for number, raw_section in enumerate(BUNDLED["sections"], start=1):
        result = invoke("show", str(number), "--json")
        assert result.exit_code == 0, result.stderr
        shown = json.loads(result.stdout)
        assert shown["title"] == raw_section["title"]
        assert shown["text"] == raw_section["text"]
        assert [p["text"] for p in shown["points"]] == [p["text"] for p in raw_section["points"]]
        for index, raw_point in enumerate(raw_section["points"], start=1):
            result = invoke("show", f"{number}.{index}", "--json")
            assert json.loads(result.stdout) == {
                "ref": f"{number}.{index}",
                "title": raw_point["title"],
                "text": raw_point["text"],
                "keywords": raw_point.get("keywords", []),
                "related": raw_point.get("related", []),
                "section": {"ref": str(number), "title": raw_section["title"]},
            }
