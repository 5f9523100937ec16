"""The relevance set: realistic reader queries, each with the entry that must come first.

Prints the share that passes (beside a plain case-insensitive grep listing
matches in guide order, for comparison) and the queries that fail, and asserts
the floor the search issue sets: 95 in 100. Cases are not asserted one by one:
the set is meant to hold hard queries too, not only those that pass.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from effects_cli.loader import load_guide
from effects_cli.search import Index, search

CASES = yaml.safe_load((Path(__file__).parent / "data" / "relevance.yaml").read_text("utf-8"))
GUIDE = load_guide()
INDEX = Index.build(GUIDE)
FLOOR = 0.95


def _firsts(case: dict) -> list[str]:  # type: ignore[type-arg]
    first = case["first"]
    return first if isinstance(first, list) else [first]


def passes(case: dict, refs: list[str]) -> bool:  # type: ignore[type-arg]
    return bool(refs) and refs[0] in _firsts(case) and set(case.get("top5", [])) <= set(refs[:5])


def effects_refs(query: str) -> list[str]:
    return [hit.entry.ref for hit in search(GUIDE, query, index=INDEX).hits]


def grep_refs(query: str) -> list[str]:
    """What ``grep -i`` over the entries gives: those holding the query, in guide order."""
    needle = re.compile(re.escape(query.strip('"')), re.IGNORECASE)
    return [e.ref for e in GUIDE.entries() if needle.search(e.title + "\n" + e.text)]


def test_the_set_is_big_and_well_formed() -> None:
    refs = {entry.ref for entry in GUIDE.entries()}
    assert len(CASES) >= 30
    for case in CASES:
        assert set(case) <= {"query", "first", "top5", "why"}, case
        assert set(_firsts(case)) | set(case.get("top5", [])) <= refs, case


def test_relevance_floor(capsys: pytest.CaptureFixture[str]) -> None:
    failures = [c["query"] for c in CASES if not passes(c, effects_refs(c["query"]))]
    share = 1 - len(failures) / len(CASES)
    grep_share = sum(passes(c, grep_refs(c["query"])) for c in CASES) / len(CASES)
    with capsys.disabled():
        print(
            f"\nrelevance: effects search {share:.0%} of {len(CASES)} queries right first"
            f" (grep -i in guide order: {grep_share:.0%}); failing: {failures or 'none'}"
        )
    assert share >= FLOOR, failures
