"""`effects cache path` and `effects cache clear`. (How the cache behaves: tests/test_cache.py.)"""

from __future__ import annotations

from effects_cli import cache
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
    invoke("tip")
    other = cache.cache_folder() / "notes.txt"
    other.write_text("mine")
    # The parsed guide, and the replays of its views (tests/test_warm.py).
    assert invoke("cache", "clear").stdout.startswith("Removed 2 cache files from")
    assert other.read_text() == "mine"


def test_a_cache_that_cannot_be_cleared_is_exit_4(invoke: Invoke) -> None:
    invoke("tip")
    (cache.cache_folder() / "stuck.cache").mkdir()  # a folder where a file should be
    result = invoke("cache", "clear")
    assert result.exit_code == 4
    assert result.stderr.startswith("effects: cannot remove ") and result.stderr.count("\n") == 1
