"""``effects search --all``: every guide searched on one scale, each hit labelled with its
guide's name, in a pipe, on a terminal and in JSON."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from effects_cli.loader import load_guide
from effects_cli.search.text import tokenize
from tests.helpers import BUNDLED, SMALL_GUIDE, Invoke, cache_files

GARDENS = """\
    title: Gardens
    sections:
      - title: Quiet Gardens
        text: A garden reduces stigma and stress.
        points:
          - title: Weeding
            text: Weeding is a slow meditation.
"""


@pytest.fixture
def two_guides(guide_folder: Path) -> Path:
    (guide_folder / "small.yaml").write_text(textwrap.dedent(SMALL_GUIDE), encoding="utf-8")
    (guide_folder / "gardens.yaml").write_text(textwrap.dedent(GARDENS), encoding="utf-8")
    return guide_folder


def test_hits_are_labelled_with_their_guide_in_a_pipe(invoke: Invoke, two_guides: Path) -> None:
    result = invoke("search", "--all", "gardens")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "gardens 1  Quiet Gardens\n"
        "           A garden reduces stigma and stress.\n"
        "\n"
        "small 1.1  Alpha point\n"
        "           Alpha text about gardens.\n"
        "\n"
        "small 2.1  Gamma point\n"
        "           Gamma text about gardens and rivers.\n"
    )


def test_json_hits_carry_their_guide(invoke: Invoke, two_guides: Path) -> None:
    data = json.loads(invoke("search", "-a", "stigma", "--json", "-n", "30").stdout)
    guides = [hit["guide"] for hit in data["hits"]]
    assert set(guides) == {"effects", "gardens"}
    assert list(data["hits"][0]) == ["guide", "ref", "title", "score", "snippet"]
    gardens = next(hit for hit in data["hits"] if hit["guide"] == "gardens")
    assert (gardens["ref"], gardens["title"]) == ("1", "Quiet Gardens")


def test_scores_are_on_one_scale(invoke: Invoke, two_guides: Path, tmp_path: Path) -> None:
    """Searching every guide scores as searching one guide that holds all their sections."""
    merged = dict(BUNDLED)
    merged["sections"] = [
        *BUNDLED["sections"],
        *yaml.safe_load(textwrap.dedent(GARDENS))["sections"],
        *yaml.safe_load(textwrap.dedent(SMALL_GUIDE))["sections"],
    ]
    one = tmp_path / "one.yaml"
    one.write_text(yaml.safe_dump(merged), encoding="utf-8")
    for query in ("stigma", "gardens rivers", "meditation"):
        every = json.loads(invoke("search", "--all", query, "--json", "-n", "99").stdout)["hits"]
        alone = json.loads(
            invoke("--guide", str(one), "search", query, "--json", "-n", "99").stdout
        )["hits"]
        assert [(hit["title"], hit["score"]) for hit in every] == [
            (hit["title"], hit["score"]) for hit in alone
        ]


def test_without_all_search_reads_one_guide(invoke: Invoke, two_guides: Path) -> None:
    result = invoke("search", "gardens")
    assert (result.exit_code, result.stderr) == (1, 'effects: the guide does not cover "gardens"\n')


def test_an_uncovered_query_names_each_related_entry_s_guide(
    invoke: Invoke, two_guides: Path
) -> None:
    (two_guides / "mourning.yaml").write_text(
        "title: M\nsections:\n  - title: Loss\n    text: t\n    related: [grief]\n"
        "    points:\n      - title: P\n        text: p\n",
        encoding="utf-8",
    )
    result = invoke("search", "--all", "grief", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["related"] == [
        {"guide": "effects", "ref": "2.1", "title": "Mental Health Support Groups"},
        {"guide": "effects", "ref": "3.3", "title": "Crisis Intervention and Support"},
        {"guide": "mourning", "ref": "1", "title": "Loss"},
    ]
    assert result.stderr.endswith(", mourning 1 Loss\n")


def test_regex_searches_every_guide_too(invoke: Invoke, two_guides: Path) -> None:
    result = invoke("search", "--all", "--regex", "weed(ing)?", "--json")
    assert [(hit["guide"], hit["ref"]) for hit in json.loads(result.stdout)["hits"]] == [
        ("gardens", "1.1")
    ]


def test_a_guide_that_cannot_be_read_is_left_out_saying_so(
    invoke: Invoke, two_guides: Path
) -> None:
    (two_guides / "broken.md").write_text("no title\n", encoding="utf-8")
    result = invoke("search", "--all", "weeding")
    assert result.exit_code == 0
    assert result.stderr == (
        f"effects: not searched: {two_guides}/broken.md: title: missing: a guide starts with a # heading\n"
    )
    assert result.stdout.startswith("gardens 1.1  Weeding\n")


def test_the_index_of_every_guide_is_cached_and_follows_edits(
    invoke: Invoke, two_guides: Path, refuse_indexing: Callable[[], None]
) -> None:
    first = invoke("search", "--all", "rivers").stdout
    refuse_indexing()
    assert invoke("search", "--all", "rivers").stdout == first
    gardens = two_guides / "gardens.yaml"
    gardens.write_text(textwrap.dedent(GARDENS).replace("slow", "calm"), encoding="utf-8")
    assert str(invoke("search", "--all", "rivers").exception) == "the index was built again"


def test_a_damaged_cache_entry_is_read_from_its_guide_file(
    invoke: Invoke, two_guides: Path
) -> None:
    """A cached guide whose entry does not check out is parsed again, and the search of
    every guide still finds, labels and ranks what it did."""
    first = invoke("search", "--all", "meditation", "stigma", "--json", "-n", "99")
    for path in [path for path in cache_files() if path.name.startswith("guide")]:
        data = bytearray(path.read_bytes())
        data[-3] ^= 0xFF  # a byte of the last entry's text (the last point: 2.1, 1.1, 10.3)
        path.write_bytes(bytes(data))
    again = invoke("search", "--all", "meditation", "stigma", "--json", "-n", "99")
    assert (again.exit_code, again.stdout, again.stderr) == (0, first.stdout, "")
    assert ("gardens", "1.1") in [
        (hit["guide"], hit["ref"]) for hit in json.loads(again.stdout)["hits"]
    ]


def test_a_damaged_index_of_every_guide_is_built_and_kept_again(
    invoke: Invoke, two_guides: Path, refuse_indexing: Callable[[], None]
) -> None:
    """Postings that do not check out when read: the guides are read afresh, and the index
    built of them replaces the damaged one, so the next run reads it again."""
    guides = [
        load_guide(),
        *(load_guide(two_guides / name) for name in ("small.yaml", "gardens.yaml")),
    ]
    last = max(  # the last word of the index, whose postings end its file
        token.word
        for guide in guides
        for entry in guide.entries()
        for text in (entry.title, entry.text, *entry.keywords, *entry.related)
        for token in tokenize(text)
    )
    first = invoke("search", "--all", last, "--json")
    [path] = [path for path in cache_files() if path.name.startswith("everything")]
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    again = invoke("search", "--all", last, "--json")
    assert (again.exit_code, again.stdout, again.stderr) == (0, first.stdout, "")
    assert path.read_bytes() != bytes(data)
    refuse_indexing()
    assert invoke("search", "--all", last, "--json").stdout == first.stdout


def test_all_and_section_do_not_go_together(invoke: Invoke) -> None:
    result = invoke("search", "--all", "--section", "2", "stigma")
    assert (result.exit_code, result.stderr) == (
        2,
        "effects: Invalid value for '--section' / '-s': cannot be used with --all. See 'effects search --help'.\n",
    )


def test_a_guide_option_does_not_narrow_all(invoke: Invoke, two_guides: Path) -> None:
    result = invoke("--guide", "small", "search", "--all", "weeding", "--json")
    assert [hit["guide"] for hit in json.loads(result.stdout)["hits"]] == ["gardens"]


def test_labels_on_a_terminal_are_coloured_apart(
    invoke: Invoke, two_guides: Path, terminal: None
) -> None:
    result = invoke("--color", "always", "search", "--all", "weeding")
    assert result.stdout.startswith("\x1b[32mgardens\x1b[0m \x1b[1;36m1.1\x1b[0m  ")
