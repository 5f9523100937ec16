"""The parsed-guide cache: used when fresh, never trusted when not, never in the way.

Each test has a cache folder of its own (conftest points XDG_CACHE_HOME at
it). Faults are made by hand: corrupt, truncated and foreign files, a folder
that cannot be made, a guide edited under the cache, and sixteen first runs
at once. In every case the answer must be the one a cold run gives.
"""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from pkgutil import resolve_name

import pytest

from effects_cli import __version__, cache, records
from effects_cli.bundled import bundled_guide_path
from effects_cli.cache import keys, store
from effects_cli.guides import GuideSource
from effects_cli.loader import load_guide
from effects_cli.model import Guide, Point, Section
from tests.helpers import (
    BUILD_INDEX,
    EFFECTS,
    PARSE_GUIDE,
    SMALL_GUIDE,
    Invoke,
    cache_files,
    environment,
    run,
)

Refuse = Callable[[], None]


def test_cache_folder_follows_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_folder() == tmp_path / "effects"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # invalid by the XDG rules
    assert cache.cache_folder() == Path.home() / ".cache" / "effects"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.cache_folder() == Path.home() / ".cache" / "effects"


KEY = ("/somewhere/guide.yaml", 1, 2, 3, 4)


def test_a_guide_round_trips_through_its_file(guide: Guide) -> None:
    point = Point(1, 1, "P", "p", ("helpline", "crisis"), ("grief",))
    with_keywords = Guide("T", (Section(1, "S", "s", (point,), ("money",), ("loss",)),))
    for original in (guide, with_keywords):
        records.write(KEY, original)
        opened = records.open_file(KEY, limit=1 << 30)
        assert opened is not None
        try:
            assert opened.guide() == original
            assert [opened.entry(doc) for doc in range(opened.count)] == list(original.entries())
        finally:
            opened.close()


def test_one_entry_is_read_without_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 40 entries or at 5,000, showing one reads its row and its texts, not the guide."""
    text = "word " * 100
    sections = tuple(
        Section(s, f"S{s}", text, tuple(Point(s, p, f"P{s}.{p}", text) for p in range(1, 10)))
        for s in range(1, 501)
    )
    big = Guide("Big", sections)
    records.write(KEY, big)
    read: list[int] = []
    pread = os.pread
    monkeypatch.setattr(os, "pread", lambda fd, n, at: read.append(n) or pread(fd, n, at))
    opened = records.open_file(KEY, limit=1 << 30)
    assert opened is not None
    try:
        header = sum(read)
        assert opened.entry(4321) == list(big.entries())[4321]
    finally:
        opened.close()
    assert sum(read) - header < 2 * len(text) + 200  # the entry's texts and its row
    assert header < 8_000  # the header: heads and the sizes of 500 sections


def test_a_damaged_entry_is_read_from_the_guide_file_instead(small_guide: Path) -> None:
    expected = GuideSource(small_guide).guide()
    (path,) = cache_files()
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF  # a byte of the last entry's text
    path.write_bytes(bytes(data))
    opened = records.open_file(
        (*cache.file_stamp(small_guide), cache.code_stamp(), None), limit=1 << 30
    )
    assert opened is not None
    with pytest.raises(records.Damaged):
        opened.guide()
    opened.close()
    assert GuideSource(small_guide).guide() == expected


def test_the_second_run_reads_the_cache(invoke: Invoke, refuse_parsing: Refuse) -> None:
    cold = invoke("show", "4")
    assert [path.name.split("-")[0] for path in cache_files()] == ["guide", "view"]
    refuse_parsing()
    warm = invoke("show", "4")
    assert (warm.exit_code, warm.stdout, warm.stderr) == (0, cold.stdout, "")


def test_search_index_is_read_from_the_cache(invoke: Invoke, refuse_indexing: Refuse) -> None:
    cold = invoke("search", "stigma", "--json")
    assert sorted(path.name.split("-")[0] for path in cache_files()) == ["guide", "index"]
    refuse_indexing()
    assert invoke("search", "stigma", "--json").stdout == cold.stdout


def test_no_cache_does_not_write(invoke: Invoke) -> None:
    assert invoke("--no-cache", "search", "stigma").exit_code == 0
    assert cache_files() == []


def test_no_cache_does_not_read(invoke: Invoke, refuse_parsing: Refuse) -> None:
    invoke("list")
    written = {path: path.read_bytes() for path in cache_files()}
    refuse_parsing()
    assert invoke("list").exit_code == 0  # from the cache
    result = invoke("--no-cache", "list")  # must parse, so it meets the refusal
    assert isinstance(result.exception, AssertionError)
    assert {path: path.read_bytes() for path in cache_files()} == written


def test_no_cache_still_answers(invoke: Invoke) -> None:
    assert invoke("--no-cache", "show", "4.2").stdout == invoke("show", "4.2").stdout
    assert invoke("--no-cache", "search", "stigma").stdout == invoke("search", "stigma").stdout
    kinds = [path.name.split("-")[0] for path in cache_files()]
    assert kinds == ["guide", "index", "view"]  # only the runs without --no-cache wrote


FAULTS = {
    "garbage": lambda data: b"\x00garbage\xff" * 10,
    "empty": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "one-byte-flipped": lambda data: data[:-10] + bytes([data[-10] ^ 0x40]) + data[-9:],
    "magic-only": lambda data: data[:16],
}


@pytest.mark.parametrize("fault", FAULTS, ids=list(FAULTS))
@pytest.mark.parametrize("args", [["show", "4"], ["search", "peer", "support", "--json"]])
def test_a_damaged_cache_file_is_ignored_and_rewritten(
    invoke: Invoke, refuse_parsing: Refuse, refuse_indexing: Refuse, fault: str, args: list[str]
) -> None:
    expected = invoke(*args)
    for path in cache_files():
        path.write_bytes(FAULTS[fault](path.read_bytes()))
    damaged = invoke(*args)
    assert (damaged.exit_code, damaged.stdout, damaged.stderr) == (0, expected.stdout, "")
    # The damaged run wrote whole files again: the next run needs neither parser nor indexer.
    refuse_parsing()
    refuse_indexing()
    again = invoke(*args)
    assert (again.exit_code, again.stdout) == (0, expected.stdout)


def test_a_foreign_but_whole_cache_file_is_ignored(invoke: Invoke, small_guide: Path) -> None:
    """A file that checks out but holds another key (another guide's state) is not used."""
    expected = invoke("show", "4").stdout
    (path,) = [path for path in cache_files() if path.name.startswith("guide-")]
    small = load_guide(small_guide)
    key = ("somewhere else", 1, 2, 3, 4)
    records.write(key, small)
    foreign = cache.cache_folder() / records.file_name(key)
    foreign.replace(path)
    assert invoke("show", "4").stdout == expected


def test_a_guide_file_of_the_wrong_shape_is_ignored() -> None:
    guide = GuideSource().guide()
    assert len(cache_files()) == 1
    stamp = cache.file_stamp(bundled_guide_path())
    assert stamp is not None
    key = (*stamp, cache.code_stamp(), None)
    for heads, sizes, count in [
        (("title",), (1,), 2),
        ((None, None, None, None), (1,), 2),
        (("t", None, None, None), (0,), 1),
        (("t", None, None, None), (1,), 3),
        (("t", None, None, None), "x", 2),
    ]:
        header = marshal.dumps((key, heads, sizes, count))
        crc = zlib.crc32(header).to_bytes(4, "big")
        store.write_file(
            records.file_name(key),
            [records.MAGIC, len(header).to_bytes(4, "big"), header, crc, b"\0" * 40],
        )
        assert GuideSource().guide() == guide


@pytest.mark.parametrize("where", ["a-file", "under-a-file"])
def test_an_unusable_cache_folder_only_means_no_cache(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("in the way")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker if where == "a-file" else blocker / "x"))
    for args in (["show", "4.2"], ["search", "stigma"], ["cache", "clear"]):
        result = invoke(*args)
        assert (result.exit_code, result.stderr) == (0, ""), args
    assert blocker.read_text() == "in the way"


def test_an_edited_guide_is_never_served_stale(invoke: Invoke, small_guide: Path) -> None:
    path = small_guide
    assert "Alpha point" in invoke("--guide", str(path), "show", "1.1").stdout
    before = path.stat()
    # Same size, and the old modification time put back: only the change time tells.
    path.write_text(path.read_text().replace("Alpha point", "Omega point"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert "Omega point" in invoke("--guide", str(path), "show", "1.1").stdout
    assert "Omega" in invoke("--guide", str(path), "search", "omega").stdout


def test_a_broken_guide_is_not_cached(invoke: Invoke, write_guide: Callable[..., Path]) -> None:
    path = write_guide("title: [unclosed\n")
    assert invoke("--guide", str(path), "list").exit_code == 3
    assert cache_files() == []
    path.write_text(SMALL_GUIDE.replace("\n    ", "\n").lstrip())
    assert invoke("--guide", str(path), "list").exit_code == 0


@pytest.mark.posix  # /dev/null
def test_a_guide_that_is_not_a_regular_file_is_not_cached(tmp_path: Path) -> None:
    assert cache.file_stamp(tmp_path) is None
    assert cache.file_stamp(tmp_path / "missing.yaml") is None
    assert cache.file_stamp(Path("/dev/null")) is None


def test_the_code_stamp_covers_every_module_of_the_package() -> None:
    stamped = {item[0] for item in cache.code_stamp()[1:]}
    package = Path(cache.__file__).parent.parent
    modules = {str(path.relative_to(package)) for path in package.rglob("*.py")}
    assert stamped == modules
    assert {"cache/keys.py", "cli/app.py", "loader/yaml_guide.py", "search/index.py"} <= stamped


@pytest.mark.parametrize("kind", ["guide", "index"])
def test_other_code_never_reads_back_what_this_code_cached(
    small_guide: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """A guide or index cached under one state of the package's code is made afresh under
    another (an edit, a module moved, an upgrade)."""
    GuideSource(small_guide).searchable()
    made: list[str] = []
    build = resolve_name(BUILD_INDEX)
    load = resolve_name(PARSE_GUIDE)
    monkeypatch.setattr(BUILD_INDEX, lambda corpus: made.append("index") or build(corpus))
    monkeypatch.setattr(PARSE_GUIDE, lambda *a, **k: made.append("guide") or load(*a, **k))
    GuideSource(small_guide).searchable()
    assert made == []
    monkeypatch.setattr(keys, "_code_stamp", (*cache.code_stamp(), ("moved.py", 1, 2)))
    GuideSource(small_guide).searchable()
    assert kind in made


def test_an_installed_package_is_stamped_by_the_record_of_its_install(tmp_path: Path) -> None:
    """A wheel's RECORD holds the hash of every file it installed; each install writes it
    anew, so one stat stands for every module."""
    package = tmp_path / "effects_cli"
    package.mkdir()
    assert keys.installed_record(str(package)) is None  # a checkout: each module is stamped
    record = tmp_path / f"effects-{__version__}.dist-info" / "RECORD"
    record.parent.mkdir()
    record.write_text("effects_cli/a.py,sha256=one,10\n")
    first = keys.installed_record(str(package))
    assert first is not None and first[0] == "RECORD"
    replaced = record.with_name("RECORD.new")
    replaced.write_text("effects_cli/a.py,sha256=two,10\n")  # as pip writes it: anew
    replaced.replace(record)
    assert keys.installed_record(str(package)) not in (None, first)


def test_moving_or_editing_a_module_changes_the_code_stamp(tmp_path: Path) -> None:
    """Stamps follow files wherever they are, so code moved into a package still counts."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.py").write_text("a = 1\n")
    (tmp_path / "sub" / "b.py").write_text("b = 2\n")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"")
    first = keys.stamps_under(str(tmp_path))
    assert [item[0] for item in first] == ["a.py", "sub/b.py"]
    assert keys.stamps_under(str(tmp_path)) == first
    (tmp_path / "other").mkdir()
    (tmp_path / "sub" / "b.py").rename(tmp_path / "other" / "b.py")
    moved = keys.stamps_under(str(tmp_path))
    assert [item[0] for item in moved] == ["a.py", "other/b.py"]
    (tmp_path / "a.py").write_text("a = 10\n")
    assert keys.stamps_under(str(tmp_path))[0] != moved[0]


def test_open_searchable_gives_the_same_corpus_and_index_warm_and_cold(small_guide: Path) -> None:
    path = small_guide
    corpus, index = GuideSource(path).searchable()
    assert corpus.starts == [0, 3, 5]
    assert [corpus.entry(doc).ref for doc in range(len(corpus))] == ["1", "1.1", "1.2", "2", "2.1"]
    warm, cached = GuideSource(path).searchable()  # both from the cache now
    assert list(warm.fields) == list(corpus.fields) and warm.starts == corpus.starts
    assert [warm.entry(doc) for doc in range(5)] == [corpus.entry(doc) for doc in range(5)]
    assert list(cached.vocabulary) == list(index.vocabulary)
    assert [list(cached.postings(word)) for word in index.vocabulary] == [
        list(index.postings(word)) for word in index.vocabulary
    ]


def test_sixteen_concurrent_first_runs_agree(tmp_path: Path) -> None:
    """Started together on an empty cache, all write it and none reads half a file."""
    env = environment(COLUMNS="80", XDG_CACHE_HOME=str(tmp_path / "cache"))
    command = [*EFFECTS, "search", "peer", "support", "--json"]
    runs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(16)
    ]
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    assert {(code, err) for code, _, err in results} == {(0, b"")}
    outputs = {out for _, out, _ in results}
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["hits"][0]["ref"] == "2.2"
    left = sorted(p.name for p in (tmp_path / "cache" / "effects").iterdir())
    assert [name.split("-")[0] for name in left] == ["guide", "index"]  # no temporary files


MODULES_AFTER_RUN = """
import atexit, sys
listing = sys.argv[1]
atexit.register(lambda: open(listing, "w").write("\\n".join(sorted(sys.modules))))
sys.argv = ["effects", *sys.argv[2:]]
from effects_cli.launch import main
main()
"""


def modules_after(tmp_path: Path, *args: str) -> set[str]:
    """The modules a real run of ``effects args`` imported, in a fresh interpreter."""
    listing = tmp_path / "modules.txt"
    result = run(
        [sys.executable, "-c", MODULES_AFTER_RUN, str(listing), *args],
        cwd=tmp_path,
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    assert result.returncode == 0, result.stderr
    return set(listing.read_text().split())


@pytest.mark.parametrize("args", [["tip"], ["show", "4"], ["list"], ["search", "stigma"]])
def test_a_warm_run_imports_neither_yaml_nor_pydantic(tmp_path: Path, args: list[str]) -> None:
    cold = modules_after(tmp_path, *args)
    assert "yaml" in cold  # the first run parses the guide
    warm = modules_after(tmp_path, *args)
    heavy = {"yaml", "pydantic", "rich.table", "importlib.resources", "Stemmer"}
    assert not {name for name in warm if name.split(".")[0] in heavy or name in heavy}
    if args[0] != "search":  # neither the search module nor, once it is a package, its parts
        assert not {name for name in warm if name.split(".")[:2] == ["effects_cli", "search"]}


@pytest.mark.parametrize(
    "query",
    [["stigma"], ["how", "can", "I", "find", "peer", "support"], ["lonely", "people"]],
    ids=["a-word", "a-question", "word-forms"],
)
def test_a_search_the_guide_answers_never_reads_the_word_list(
    tmp_path: Path, query: list[str]
) -> None:
    """The English word list is read only when a word is found nowhere in the guide."""
    modules_after(tmp_path, "search", *query)
    warm = modules_after(tmp_path, "search", *query)
    assert not {"effects_cli.search.english", "spellchecker", "gzip"} & warm
    misspelt = modules_after(tmp_path, "search", "meditaton")  # is it a word? Then read.
    assert "effects_cli.search.english" in misspelt


def test_json_runs_do_not_import_rich_console(tmp_path: Path) -> None:
    modules_after(tmp_path, "tip", "--json")
    assert "rich.console" not in modules_after(tmp_path, "show", "4", "--json")


def test_the_stemmer_is_loaded_only_for_a_word_the_index_lacks(tmp_path: Path) -> None:
    modules_after(tmp_path, "search", "stigma")
    assert "Stemmer" not in modules_after(tmp_path, "search", "stigma")
    assert "Stemmer" in modules_after(tmp_path, "search", "meditating")


@pytest.mark.posix  # a symbolic link
def test_a_guide_that_changes_while_it_is_read_is_not_cached(
    write_guide: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link retargeted between stamping and reading (a deploy) must not poison the cache."""
    first = write_guide(SMALL_GUIDE, name="a.yaml")
    second = write_guide(SMALL_GUIDE.replace("Alpha point", "Omega point"), name="b.yaml")
    link = tmp_path / "current.yaml"
    link.symlink_to(first)
    real_load = resolve_name(PARSE_GUIDE)

    def retarget_then_load(path: Path, **limits: int) -> Guide:
        link.unlink()
        link.symlink_to(second)
        return real_load(path, **limits)

    monkeypatch.setattr(PARSE_GUIDE, retarget_then_load)
    assert GuideSource(link).guide().sections[0].points[0].title == "Omega point"
    monkeypatch.setattr(PARSE_GUIDE, real_load)
    assert cache_files() == []  # nothing kept under the first file's stamp
    monkeypatch.setattr(PARSE_GUIDE, retarget_then_load)
    link.unlink()
    link.symlink_to(first)
    GuideSource(link).searchable()  # an index built from what was read is not kept either
    assert cache_files() == []
    monkeypatch.setattr(PARSE_GUIDE, real_load)
    assert GuideSource(first).guide().sections[0].points[0].title == "Alpha point"
