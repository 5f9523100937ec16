"""The relevance sets: queries with the entry that must come first, one test a query.

Two sets, each written from the guide before its queries were run:

- ``relevance.yaml``: queries in the guide's own words (word forms, typos,
  hyphens and hashtags, phrases);
- ``readers.yaml``: queries as readers ask: questions, everyday words, long
  descriptions of a need, a typo beside a synonym, and topics the guide does not
  cover (``first: none``: no hit at all; with ``related``, the first entry named
  as related must be one of them).

Every query of the first set must pass. The second holds queries the search is
known to miss, listed in `KNOWN_MISSES` with why and expected to fail (strictly:
once fixed, a miss fails until it is taken off the list).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from effects_cli.search.results import Results

from .conftest import Find

DATA = Path(__file__).parent / "data"
SETS = {
    name: yaml.safe_load((DATA / f"{name}.yaml").read_text("utf-8"))
    for name in ("relevance", "readers")
}
"""Each set's queries, by the name of its file."""
KEYS = {"query", "first", "top5", "related", "why"}
KNOWN_MISSES = {
    "readers: privacy settings": (
        "'settings' matches 'setting' (7.3 Goal Setting), a rarer word in English than"
        " 'privacy', so the query with one of its two words missing counts as covered"
    ),
}
"""Queries the search gets wrong today (by test id), each with the reason."""


def _refs(value: str | list[str]) -> list[str]:
    return value if isinstance(value, list) else [value]


def passes(case: dict, results: Results) -> bool:  # type: ignore[type-arg]
    """Whether the results answer the case as its expected answer says."""
    refs = [hit.entry.ref for hit in results.hits]
    if case["first"] == "none":
        related = [entry.ref for entry in results.related]
        return not refs and (
            "related" not in case or (bool(related) and related[0] in _refs(case["related"]))
        )
    return (
        bool(refs)
        and refs[0] in _refs(case["first"])
        and set(case.get("top5", [])) <= set(refs[:5])
    )


@pytest.mark.parametrize(("name", "minimum"), [("relevance", 50), ("readers", 50)])
def test_the_sets_are_big_and_well_formed(name: str, minimum: int, all_refs: set[str]) -> None:
    cases = SETS[name]
    assert len(cases) >= minimum
    for case in cases:
        assert set(case) <= KEYS and {"query", "first", "why"} <= set(case), case
        named = [*case.get("top5", []), *_refs(case.get("related", []))]
        if case["first"] != "none":
            named += _refs(case["first"])
        else:
            assert "top5" not in case, case
        assert set(named) <= all_refs, case
    queries = [case["query"] for case in cases]
    assert len(set(queries)) == len(queries)
    missed = [miss for miss in KNOWN_MISSES if miss.startswith(f"{name}: ")]
    assert {miss.split(": ", 1)[1] for miss in missed} <= set(queries)
    assert name == "readers" or not missed  # the first set passes whole


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case,
            id=f"{name}: {case['query']}",
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[f"{name}: {case['query']}"])]
            if f"{name}: {case['query']}" in KNOWN_MISSES
            else [],
        )
        for name, cases in SETS.items()
        for case in cases
    ],
)
def test_query(find: Find, case: dict) -> None:  # type: ignore[type-arg]
    results = find(case["query"])
    shown = [hit.entry.ref for hit in results.hits[:5]]
    related = [entry.ref for entry in results.related]
    assert passes(case, results), f"first five: {shown}; related: {related}; {case['why']}"
