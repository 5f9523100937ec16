"""The corpus: entries by number in guide order, sections as ranges of them."""

from __future__ import annotations

import pytest

from effects_cli.errors import NoSuchSection
from effects_cli.model import Guide
from effects_cli.search.corpus import Corpus


def test_entries_are_numbered_in_guide_order(guide: Guide, corpus: Corpus) -> None:
    entries = list(guide.entries())
    assert len(corpus) == len(entries)
    assert [corpus.entry(doc) for doc in range(len(corpus))] == entries
    assert list(corpus.fields) == [(entry.title, entry.text) for entry in entries]


@pytest.mark.parametrize("section", [1, 4, 10])
def test_a_section_is_its_entry_and_its_sub_points(corpus: Corpus, section: int) -> None:
    refs = [corpus.entry(doc).ref for doc in corpus.docs_of(section)]
    assert refs[0] == str(section)
    assert all(ref.startswith(f"{section}.") for ref in refs[1:])


def test_no_section_is_every_entry(corpus: Corpus) -> None:
    assert corpus.docs_of(None) == range(len(corpus))


@pytest.mark.parametrize("section", [0, -1, 11, 10**12])
def test_a_section_the_guide_lacks_is_refused(corpus: Corpus, section: int) -> None:
    with pytest.raises(NoSuchSection) as refused:
        corpus.docs_of(section)
    assert (refused.value.number, refused.value.section_count) == (section, 10)
