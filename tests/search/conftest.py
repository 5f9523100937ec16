"""Shared fixtures of the search tests: the bundled guide, its corpus and index, made once.

`find` and `refs` search the bundled guide for a query as a reader types it;
`corpus_of` and `search_guide` make and search tiny guides for one behaviour.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from effects_cli.loader import load_guide
from effects_cli.model import Guide, Section
from effects_cli.search.corpus import Corpus
from effects_cli.search.engine import search
from effects_cli.search.index import Index
from effects_cli.search.query import parse_query
from effects_cli.search.results import Results
from effects_cli.search.text import tokenize

Find = Callable[..., Results]
Refs = Callable[..., list[str]]


def corpus_of(*fields: tuple[str, str]) -> Corpus:
    """A corpus of one section (no sub-points) for each (title, text)."""
    sections = tuple(
        Section(number, title, text, ()) for number, (title, text) in enumerate(fields, start=1)
    )
    return Corpus.of(Guide("T", sections))


def search_guide(guide: Guide, text: str) -> Results:
    """Search a guide in memory, its index built for the one query."""
    return search(Corpus.of(guide), parse_query(text))


@pytest.fixture(scope="session")
def guide() -> Guide:
    return load_guide()


@pytest.fixture(scope="session")
def corpus(guide: Guide) -> Corpus:
    return Corpus.of(guide)


@pytest.fixture(scope="session")
def index(corpus: Corpus) -> Index:
    return Index.build(corpus)


@pytest.fixture(scope="session")
def all_refs(guide: Guide) -> set[str]:
    return {entry.ref for entry in guide.entries()}


@pytest.fixture(scope="session")
def text_words(guide: Guide) -> list[str]:
    """Every word of the entries' texts, folded, sorted."""
    return sorted({token.word for entry in guide.entries() for token in tokenize(entry.text)})


@pytest.fixture(scope="session")
def find(corpus: Corpus, index: Index) -> Find:
    """Search the bundled guide for a query as typed (with its index built once)."""

    def run(text: str, section: int | None = None, **options: int | None) -> Results:
        return search(corpus, parse_query(text), index=index, section=section, **options)

    return run


@pytest.fixture(scope="session")
def refs(find: Find) -> Refs:
    """The references of the hits of a query on the bundled guide, best first."""

    def run(text: str, section: int | None = None) -> list[str]:
        return [hit.entry.ref for hit in find(text, section).hits]

    return run
