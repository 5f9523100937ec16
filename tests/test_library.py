"""Guide folders and names (`effects_cli.library`): which folders, in which order, which
file a name finds, what shadows what; and `effects_cli.collection`'s listing and corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from effects_cli.bundled import bundled_guide_path
from effects_cli.collection import Everything, listing
from effects_cli.errors import GuideError
from effects_cli.library import (
    NoSuchGuide,
    data_folder,
    find_guide,
    guide_folders,
    shelf,
)
from effects_cli.names import is_path
from tests.helpers import MAX_ENTRIES, MAX_GUIDES, SMALL_GUIDE
from tests.messages import NOT_FOLDERS, PATH_PARTS


def write(folder: Path, name: str, text: str = SMALL_GUIDE) -> Path:
    import textwrap

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("value", "folder"),
    [
        pytest.param(None, "~/.local/share/effects/guides", id="unset"),
        pytest.param("", "~/.local/share/effects/guides", id="empty"),
        pytest.param("relative/data", "~/.local/share/effects/guides", id="relative-ignored"),
        pytest.param("/srv/data", "/srv/data/effects/guides", id="absolute"),
    ],
)
def test_the_reader_s_own_folder_follows_xdg(value: str | None, folder: str) -> None:
    environ = (
        {"HOME": "/home/reader"}
        if value is None
        else {"HOME": "/home/reader", "XDG_DATA_HOME": value}
    )
    expected = folder.replace("~", os.path.expanduser("~"))
    assert data_folder(environ) == Path(expected)


def test_folders_come_in_order_each_once(tmp_path: Path) -> None:
    data, a, b = tmp_path / "data", tmp_path / "a", tmp_path / "b"
    environ = {"XDG_DATA_HOME": str(data), "EFFECTS_PATH": f"{a}:{b}:{a}:{data}/effects/guides"}
    assert guide_folders(environ) == ([data / "effects" / "guides", a, b], [])


def test_a_tilde_in_effects_path_is_the_home_folder() -> None:
    folders, _ = guide_folders({"XDG_DATA_HOME": "/d", "EFFECTS_PATH": "~/guides"})
    assert folders[1] == Path(os.path.expanduser("~/guides"))


@pytest.mark.parametrize(("template", "lines"), PATH_PARTS)
def test_odd_parts_of_effects_path_are_said_once_each(
    tmp_path: Path, template: str, lines: list[str]
) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    write(a, "alpha.yaml")
    write(b, "beta.yaml")
    environ = {"XDG_DATA_HOME": str(tmp_path / "data"), "EFFECTS_PATH": template.format(a=a, b=b)}
    found = shelf(environ)
    assert found.remarks == lines
    names = [guide.name for guide in found.readable()]
    assert "alpha" in names and ("beta" in names) == ("{b}" in template)


@pytest.mark.parametrize(
    ("value", "path"),
    [
        pytest.param("night", False, id="name"),
        pytest.param("night-owls_2", False, id="name-with-punctuation"),
        pytest.param("./night", True, id="dot-slash"),
        pytest.param("guides/night", True, id="slash"),
        pytest.param("/abs/night", True, id="absolute"),
        pytest.param("night.yaml", True, id="yaml-ending"),
        pytest.param("night.md", True, id="markdown-ending"),
    ],
)
def test_what_is_a_path_and_what_a_name(value: str, path: bool) -> None:
    assert is_path(value) is path


def test_a_file_in_the_working_folder_is_a_path_and_a_folder_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "night").write_text("x", encoding="utf-8")
    (tmp_path / "effects").mkdir()
    assert is_path("night") and not is_path("effects")


def test_a_name_finds_the_first_folder_s_file(tmp_path: Path) -> None:
    data, extra = tmp_path / "data" / "effects" / "guides", tmp_path / "extra"
    write(extra, "night.yaml")
    first = write(data, "night.md", "# T\n\n## S\n\ns\n\n### P\n\np\n")
    environ = {"XDG_DATA_HOME": str(tmp_path / "data"), "EFFECTS_PATH": str(extra)}
    assert find_guide("night", environ) == first
    assert find_guide("effects", environ) == bundled_guide_path()
    with pytest.raises(NoSuchGuide) as raised:
        find_guide("nigth", environ)
    assert (
        str(raised.value)
        == 'no guide named "nigth"; did you mean "night"? (\'effects guides\' lists them)'
    )
    with pytest.raises(NoSuchGuide):
        find_guide(".hidden", environ)


def test_within_a_folder_yaml_wins_then_yml_then_markdown(tmp_path: Path) -> None:
    folder = tmp_path / "d" / "effects" / "guides"
    for name in ("g.md", "g.yml", "g.yaml"):
        write(folder, name)
    found = shelf({"XDG_DATA_HOME": str(tmp_path / "d")})
    rows = [(guide.path.name, guide.shadowed_by) for guide in found.guides[1:]]
    assert rows == [("g.yaml", None), ("g.yml", folder / "g.yaml"), ("g.md", folder / "g.yaml")]
    assert find_guide("g", {"XDG_DATA_HOME": str(tmp_path / "d")}) == folder / "g.yaml"


def test_the_bundled_guide_is_first_and_shadows_a_file_named_after_it(tmp_path: Path) -> None:
    folder = tmp_path / "d" / "effects" / "guides"
    mine = write(folder, "effects.yaml")
    write(folder, ".hidden.yaml")
    write(folder, "notes.txt")
    found = shelf({"XDG_DATA_HOME": str(tmp_path / "d")})
    assert [(guide.name, guide.shadowed_by) for guide in found.guides] == [
        ("effects", None),
        ("effects", bundled_guide_path()),
    ]
    assert found.guides[1].path == mine


@pytest.mark.parametrize(("kind", "problem"), NOT_FOLDERS)
def test_a_folder_that_cannot_be_read_is_one_remark(
    tmp_path: Path, kind: str, problem: str
) -> None:
    if os.name == "posix" and kind == "unreadable" and os.geteuid() == 0:
        problem = None  # root reads every folder: nothing to say
    folder = make_folder(tmp_path, kind)
    good = write(tmp_path / "good", "good.yaml")
    found = shelf({"XDG_DATA_HOME": str(tmp_path / "d"), "EFFECTS_PATH": f"{folder}:{good.parent}"})
    assert found.remarks == ([f"{folder}: {problem}"] if problem else [])
    assert [guide.name for guide in found.readable()] == ["effects", "good"]


def make_folder(tmp_path: Path, kind: str) -> Path:
    """A path that is not a folder that can be listed, of the kind a NOT_FOLDERS row names."""
    path = tmp_path / kind
    if kind == "file":
        path.write_text("x", encoding="utf-8")
    elif kind == "unreadable":
        path.mkdir()
        path.chmod(0)
    elif kind == "loop":
        path.symlink_to(path)
    return path


def test_the_reader_s_own_folder_may_be_missing_without_a_word(tmp_path: Path) -> None:
    assert shelf({"XDG_DATA_HOME": str(tmp_path / "none")}).remarks == []


def test_a_folder_of_too_many_entries_or_guides_is_read_in_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "d" / "effects" / "guides"
    for number in range(6):
        write(folder, f"g{number}.yaml")
    monkeypatch.setattr(MAX_GUIDES, 4)
    found = shelf({"XDG_DATA_HOME": str(tmp_path / "d")})
    assert found.remarks == [f"{folder}: holds 6 guides: only the first 4 by name are read"]
    assert [guide.name for guide in found.guides[1:]] == ["g0", "g1", "g2", "g3"]
    monkeypatch.setattr(MAX_ENTRIES, 3)
    found = shelf({"XDG_DATA_HOME": str(tmp_path / "d")})
    assert found.remarks == [f"{folder}: holds over 3 entries: only 3 looked at"]
    assert len(found.guides) == 4


def test_listing_reads_titles_and_sizes_and_names_the_first_problem(tmp_path: Path) -> None:
    folder = tmp_path / "d" / "effects" / "guides"
    write(folder, "small.yaml")
    write(folder, "broken.yaml", "title: T\nsections: []\n")
    rows = listing(shelf({"XDG_DATA_HOME": str(tmp_path / "d")}))
    assert [
        (row.shelved.name, row.title, row.sections, row.points, row.problem) for row in rows
    ] == [
        ("effects", "10 Dynamic Positive Effects of Social Media", 10, 30, None),
        (
            "broken",
            None,
            0,
            0,
            "line 2, column 11: sections: the list is empty: it needs at least one entry",
        ),
        ("small", "Small Guide", 2, 3, None),
    ]


def test_every_guide_is_one_corpus_whose_entries_know_their_guide(tmp_path: Path) -> None:
    folder = tmp_path / "d" / "effects" / "guides"
    write(folder, "small.yaml")
    write(folder, "broken.yaml", "title: T\n")
    everything = Everything(shelf({"XDG_DATA_HOME": str(tmp_path / "d")}))
    corpus = everything.corpus()
    assert everything.names == ["effects", "small"]
    assert [skipped.name for skipped in everything.skipped] == ["broken"]
    assert len(corpus) == 40 + 5
    assert corpus.starts[-3:] == [40, 43, 45]
    assert (
        list(corpus.fields)[40]
        == corpus.fields[40]
        == ("First Section", "The first section's text.")
    )
    entry = corpus.entry(44)
    assert (entry.ref, entry.title, everything.name_of(entry)) == ("2.1", "Gamma point", "small")
    assert everything.name_of(corpus.entry(3)) == "effects"
    with pytest.raises(IndexError):
        corpus.fields[45]


def test_a_guide_that_is_no_file_is_never_opened(tmp_path: Path) -> None:
    folder = tmp_path / "d" / "effects" / "guides"
    folder.mkdir(parents=True)
    (folder / "sub.yaml").mkdir()
    with pytest.raises(GuideError) as raised:
        find_guide("sub", {"XDG_DATA_HOME": str(tmp_path / "d")})
    assert str(raised.value) == f"{folder / 'sub.yaml'}: is a folder, not a guide file"
