"""The index in the cache: read in place, the same index as built, and never trusted when
any part of it does not check out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from effects_cli.cache import store
from effects_cli.records import Damaged
from effects_cli.search import stored
from effects_cli.search.corpus import Corpus
from effects_cli.search.engine import search
from effects_cli.search.index import Index
from effects_cli.search.query import parse_query
from tests.helpers import cache_files

KEY = ("/guides/g.yaml", 1, 2)
LIMIT = 1 << 24


@pytest.fixture
def kept(index: Index) -> Index:
    """The bundled guide's index, written to the cache and read back."""
    stored.write("index", KEY, index)
    again = stored.read("index", KEY, limit=LIMIT)
    assert again is not None
    return again


def test_the_index_read_back_is_the_index_built(index: Index, kept: Index) -> None:
    assert list(kept.vocabulary) == list(index.vocabulary)
    assert list(kept.stems) == list(index.stems)
    assert (kept.vocabulary[-1], kept.stems[-2]) == (index.vocabulary[-1], index.stems[-2])
    assert (kept.entry_count, kept.lengths) == (index.entry_count, index.lengths)
    assert all(list(kept.postings(word)) == list(index.postings(word)) for word in index.vocabulary)


@pytest.mark.parametrize("text", ["stigma", "meditate", '"peer support"', "lonely", "meditaton"])
def test_a_search_of_the_index_read_back_finds_what_the_built_one_does(
    corpus: Corpus, index: Index, kept: Index, text: str
) -> None:
    query = parse_query(text)
    assert search(corpus, query, index=kept) == search(corpus, query, index=index)


def test_a_word_costs_a_read_of_its_own_postings_alone(
    index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read in place: opening reads the header and tables, a word its postings."""
    stored.write("index", KEY, index)
    [path] = cache_files()
    reads: list[int] = []
    pread = os.pread
    monkeypatch.setattr(os, "pread", lambda fd, size, at: reads.append(size) or pread(fd, size, at))
    kept = stored.read("index", KEY, limit=LIMIT)
    assert kept is not None
    opening = sum(reads)
    postings = 4 * len(index.data.postings)  # type: ignore[arg-type]
    assert opening == path.stat().st_size - postings
    reads.clear()
    assert list(kept.postings("stigma")) == list(index.postings("stigma"))
    assert reads == [4 * index.count("stigma")]


def _damage(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda path: _damage(path, 0), id="magic"),
        pytest.param(lambda path: _damage(path, 20), id="header"),
        pytest.param(lambda path: _damage(path, 200), id="tables"),
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:-1]), id="truncated"),
        pytest.param(lambda path: path.write_bytes(path.read_bytes() + b"\0"), id="grown"),
        pytest.param(lambda path: path.write_bytes(b""), id="empty"),
    ],
)
def test_a_damaged_index_file_is_no_index(index: Index, change) -> None:  # type: ignore[no-untyped-def]
    stored.write("index", KEY, index)
    [path] = cache_files()
    change(path)
    assert stored.read("index", KEY, limit=LIMIT) is None


def test_damaged_postings_are_found_when_read(index: Index) -> None:
    """Postings are checked word by word when read (`Damaged`: search reads the guide
    afresh), not all of them on every run."""
    stored.write("index", KEY, index)
    [path] = cache_files()
    _damage(path, path.stat().st_size - 2)  # a posting of the last word
    kept = stored.read("index", KEY, limit=LIMIT)
    assert kept is not None
    assert list(kept.postings("stigma")) == list(index.postings("stigma"))
    with pytest.raises(Damaged):
        list(kept.postings(index.vocabulary[-1]))


def test_an_index_is_read_only_for_its_own_key_and_within_its_limit(index: Index) -> None:
    stored.write("index", KEY, index)
    [path] = cache_files()
    assert stored.read("index", (*KEY[:2], 3), limit=LIMIT) is None  # same file, other key
    assert stored.read("index", KEY, limit=path.stat().st_size - 1) is None
    assert stored.read("index", KEY, limit=path.stat().st_size) is not None
    assert path.name == store.file_name("index", KEY)


def test_an_index_no_longer_referred_to_closes_its_file(index: Index) -> None:
    """A long-running reader (``effects browse``) or a library user opening an index again
    and again holds one file at a time, not one a time."""
    stored.write("index", KEY, index)

    def open_descriptors() -> int:
        count = 0
        for descriptor in range(1024):
            try:
                os.fstat(descriptor)
            except OSError:
                continue
            count += 1
        return count

    before = open_descriptors()
    for _ in range(20):
        kept = stored.read("index", KEY, limit=LIMIT)
        assert kept is not None and kept.count("stigma") == index.count("stigma")
        del kept
    assert open_descriptors() == before


def test_a_header_length_past_the_file_is_no_index(index: Index) -> None:
    """The length of the header is read before anything is checked: a damaged one must not
    make the reader ask for gigabytes."""
    stored.write("index", KEY, index)
    [path] = cache_files()
    data = bytearray(path.read_bytes())
    data[len(stored.MAGIC)] = 0xFF
    path.write_bytes(bytes(data))
    reads: list[int] = []
    pread = os.pread
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "pread", lambda fd, size, at: reads.append(size) or pread(fd, size, at))
        assert stored.read("index", KEY, limit=LIMIT) is None
    assert max(reads) < path.stat().st_size
