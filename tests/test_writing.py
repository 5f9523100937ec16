"""``effects read --format``'s writers: what they write reads back as the same guide, word for
word, in either format (Hypothesis, as the YAML reader's own round trip)."""

from __future__ import annotations

import pytest
from hypothesis import given

from effects_cli.loader import parse_guide
from effects_cli.model import Guide, Point, Section
from effects_cli.writing import guide_markdown, guide_yaml

from .strategies import guides


@given(guides())
def test_markdown_reads_back_as_the_same_guide(guide: Guide) -> None:
    assert parse_guide(guide_markdown(guide), "g.md", markdown=True) == guide


@given(guides())
def test_yaml_reads_back_as_the_same_guide(guide: Guide) -> None:
    assert parse_guide(guide_yaml(guide), "g.yaml") == guide
    assert parse_guide(guide_yaml(guide, unicode=False), "g.yaml") == guide
    assert guide_yaml(guide, unicode=False).isascii()


def _noncharacter(ch: str) -> bool:
    return 0xFDD0 <= ord(ch) <= 0xFDEF or ord(ch) & 0xFFFE == 0xFFFE


@given(guides())
def test_markdown_with_references_for_a_narrow_stdout_reads_back_the_same(guide: Guide) -> None:
    written = guide_markdown(guide)
    narrow = written.encode("ascii", "xmlcharrefreplace").decode("ascii")
    back = parse_guide(narrow, "g.md", markdown=True)
    if any(map(_noncharacter, written)):  # CommonMark reads a reference to one as U+FFFD
        assert "\ufffd" in guide_markdown(back)
    else:
        assert back == guide


@pytest.mark.parametrize("write", [guide_markdown, guide_yaml], ids=["markdown", "yaml"])
def test_the_bundled_guide_reads_back_word_for_word(guide: Guide, write) -> None:  # type: ignore[no-untyped-def]
    markdown = write is guide_markdown
    assert parse_guide(write(guide), "g.md" if markdown else "g.yaml", markdown=markdown) == guide


def test_markdown_is_the_format_people_write(guide: Guide) -> None:
    written = guide_markdown(guide).splitlines()
    assert written[:4] == [
        "# 10 Dynamic Positive Effects of Social Media",
        "",
        "*The Dynamic Positive Effects of Social Media on Mental Health: A Comprehensive Guide*",
        "",
    ]
    assert "## 4. Reducing the Stigma Surrounding Mental Health Issues" in written
    assert "### 4.2 Normalizing Mental Health Conversations" in written
    assert "## Conclusion" in written
    prose = [line for line in written if not line.startswith(("Keywords: ", "Related: "))]
    assert max(map(len, prose)) <= 88  # paragraphs wrapped; the subtitle is one line
    # Nothing in this guide needs escaping but a hashtag that wrapping puts first on a line.
    escaped = [line for line in written if "\\" in line]
    assert escaped and all(line.startswith("\\#") and line.count("\\") == 1 for line in escaped)


def test_markdown_escapes_only_what_would_be_markup() -> None:
    guide = Guide(
        "C# *notes*",
        (
            Section(
                1,
                "S",
                "1. not a list\n#hashtag and a_b",
                (Point(1, 1, "P", "Keywords: no", ("a, b",)),),
            ),
        ),
    )
    assert guide_markdown(guide) == (
        "# C\\# \\*notes\\*\n\n## 1. S\n\n1\\. not a list\\\n\\#hashtag and a\\_b\n\n"
        "### 1.1 P\n\nKeywords: a\\, b\n\nKeywords\\: no\n"
    )
