"""The browser's search behind the screen: the index read in place from the cache, and the
guide on the screen searched instead when a part of it does not check out."""

from __future__ import annotations

from pathlib import Path

from effects_cli.browse.finder import Finder
from effects_cli.bundled import bundled_guide_path
from effects_cli.guides import GuideSource
from effects_cli.model import Guide
from tests.helpers import cache_files


def _refs(finder: Finder, text: str) -> list[str]:
    return [hit.entry.ref for hit in finder.find(text).hits]


def test_postings_damaged_after_the_index_was_opened_are_searched_afresh(guide: Guide) -> None:
    """The index is read in place: a word's postings are read (and checked) when it is
    looked up, long after the browser opened the index."""
    GuideSource(Path(bundled_guide_path())).searchable()  # the index now in the cache
    expected = _refs(Finder(GuideSource(Path(bundled_guide_path())), guide), "stigma")
    assert expected[0] == "4"
    finder = Finder(GuideSource(Path(bundled_guide_path())), guide)
    finder.prepare()
    [index_file] = [path for path in cache_files() if path.name.startswith("index-")]
    data = bytearray(index_file.read_bytes())
    for at in range(len(data) // 2, len(data)):  # the postings are the file's last part
        data[at] ^= 0xFF
    with index_file.open("r+b") as file:  # in place: the descriptor open sees it
        file.write(bytes(data))
    assert _refs(finder, "stigma") == expected
    assert _refs(finder, "peer support") == _refs(
        Finder(GuideSource(Path(bundled_guide_path()), use_cache=False), guide), "peer support"
    )
