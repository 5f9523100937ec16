"""`effects cache path` and `effects cache clear`. (How the cache behaves: tests/test_cache.py.)"""

from __future__ import annotations

from effects_cli import cache
from effects_cli.cache import store
from tests.helpers import Invoke, cache_files


def test_cache_path_and_clear(invoke: Invoke) -> None:
    folder = str(cache.cache_folder())
    assert invoke("cache", "path").stdout == folder + "\n"
    invoke("search", "stigma")
    assert len(cache_files()) == 2
    cleared = invoke("cache", "clear")
    assert (cleared.exit_code, cleared.stdout) == (0, f"Removed 2 cache files from {folder}\n")
    assert cache_files() == []
    assert invoke("cache", "clear").stdout == f"Removed 0 cache files from {folder}\n"


def test_clear_leaves_other_files_alone(invoke: Invoke) -> None:
    """Only the names this program gives its files are removed: not another program's
    ``.cache`` or ``.tmp`` files, were its folder ever the cache folder."""
    invoke("tip")
    others = [cache.cache_folder() / name for name in ("notes.txt", "mine.cache", ".x.tmp")]
    for other in others:
        other.write_text("mine")
    (cache.cache_folder() / f".{store.file_name('guide', ('x',))}.123.tmp").write_text("")
    (cache.cache_folder() / "taken-0123abcd-4567ef89.cache").write_text("")
    # The parsed guide, the replays of its views (tests/test_warm.py), a stray temporary,
    # a count of the tips picked ahead that were taken.
    assert invoke("cache", "clear").stdout.startswith("Removed 4 cache files from")
    assert [other.read_text() for other in others] == ["mine"] * 3


def test_a_cache_that_cannot_be_cleared_is_exit_4(invoke: Invoke) -> None:
    invoke("tip")
    (cache.cache_folder() / store.file_name("index", ("x",))).mkdir()  # a folder, not a file
    result = invoke("cache", "clear")
    assert result.exit_code == 4
    assert result.stderr.startswith("effects: cannot remove ") and result.stderr.count("\n") == 1
