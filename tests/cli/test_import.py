"""``effects import FILE`` (and ``-``): an article made a guide, YAML on stdout, each guess a
line on stderr. (How an article is read: tests/test_importer.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import BUNDLED, Invoke
from tests.messages import NOT_ARTICLES, MakePath
from tests.test_importer import WRAPPED, web_page


def test_an_article_becomes_a_guide_that_validates(invoke: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "page.txt"
    article.write_text(web_page(BUNDLED), encoding="utf-8")
    result = invoke("import", str(article))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f'effects: {article}:1: "You are currently viewing 10 Dynamic Positive Effects of So…"'
        " ends with the title on line 3: taken for the page's heading and dropped"
    )
    assert len(result.stderr.splitlines()) == 5
    guide = tmp_path / "page.yaml"
    guide.write_text(result.stdout, encoding="utf-8")
    assert (
        invoke("validate", str(guide)).stdout
        == f"{guide}: a valid guide: 10 sections, 30 sub-points\n"
    )
    imported = json.loads(invoke("--guide", str(guide), "read", "--json").stdout)
    bundled = json.loads(invoke("read", "--json").stdout)
    assert imported == without_words(bundled)  # the same but for keywords, which no article has


def without_words(data: dict) -> dict:
    """The JSON of a guide with its entries' keywords and related words emptied."""
    for section in data["sections"]:
        for entry in (section, *section["points"]):
            entry["keywords"], entry["related"] = [], []
    return data


def test_a_dash_reads_standard_input(invoke: Invoke) -> None:
    result = invoke("import", "-", input=WRAPPED)
    assert result.exit_code == 0
    assert result.stdout.startswith("title: How to Sleep\nintro: ")
    assert result.stderr == (
        'effects: <stdin>:25: "Conclusion", a short line after 2.1: taken for the conclusion\'s'
        " heading; what follows is the conclusion\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"", ": is empty: there is no article to import", id="empty"),
        pytest.param(
            b"Title\n\nProse only.\n",
            ": no numbered sections: an article needs headings such as '1. Title' on lines of their own",
            id="no-sections",
        ),
        pytest.param(b"caf\xe9\n", ": is not UTF-8 text (byte 0xe9 at offset 3)", id="latin-1"),
    ],
)
def test_an_article_that_is_no_guide(
    invoke: Invoke, tmp_path: Path, content: bytes, message: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(content)
    result = invoke("import", str(article))
    assert (result.exit_code, result.stdout, result.stderr) == (
        3,
        "",
        f"effects: {article}{message}\n",
    )


@pytest.mark.parametrize(("make", "problem"), NOT_ARTICLES)
def test_not_an_article(invoke: Invoke, tmp_path: Path, make: MakePath, problem: str) -> None:
    """A path that is no article: no guide, and one line why."""
    article = make(tmp_path)
    result = invoke("import", str(article))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == f"effects: {article}: {problem}\n"


def test_an_article_over_the_size_limit(invoke: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "big.txt"
    article.write_text("T\n\n1. S\n\n" + "x " * 100, encoding="utf-8")
    result = invoke("import", str(article), env={"EFFECTS_MAX_GUIDE_BYTES": "50"})
    assert (result.exit_code, result.stderr) == (
        3,
        f"effects: {article}: is larger than the limit of 50 bytes (EFFECTS_MAX_GUIDE_BYTES sets another)\n",
    )
