"""Fuzzing with Hypothesis: any reference, any query, any YAML document and any bytes given
as a guide end in success or one clean message, and nothing raw reaches stdout.

The fuzzers run the app in process (`in_process`): fast enough for the profile's number of
examples (tests/conftest.py; HYPOTHESIS_PROFILE=thorough fuzzes fifty times longer)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import assert_clean_failure, assert_safe, in_process

FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
"""Fuzzers take the profile's number of examples (conftest): bounded in CI, more by hand."""

_HOSTILE_CHARACTERS = st.sampled_from(
    "\x00\x07\x08\t\n\r\x1b\x7f\x85\x9b\x9d\u200b\u200d\u200f\u2028\u2029\u202e\u2066\ufeff[]/\\\"':*&!%@`|>-#{},?"
)
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)) | _HOSTILE_CHARACTERS, max_size=30)


@FUZZ
@given(st.text(max_size=30) | st.from_regex(r"\A-?[0-9.]{0,12}\Z"))
def test_fuzzed_references(reference: str) -> None:
    result = in_process("show", reference)
    assert_clean_failure(result, {1, 2})
    assert_safe(result.stdout)


@FUZZ
@given(st.lists(_TEXT, min_size=1, max_size=4), st.booleans())
def test_fuzzed_queries(words: list[str], as_json: bool) -> None:
    result = in_process("search", "--limit", "2", *(["--json"] if as_json else []), "--", *words)
    assert_clean_failure(result, {1, 2})
    assert_safe(result.stdout)


_KEYS = st.sampled_from(["title", "text", "points", "sections", "subtitle", "intro"]) | _TEXT
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT


def _nested(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=4)


_TREES = st.recursive(_SCALARS, _nested, max_leaves=20)
_POINT = st.fixed_dictionaries({"title": _TEXT, "text": _TEXT})
_SECTION = st.fixed_dictionaries(
    {"title": _TEXT, "text": _TEXT, "points": st.lists(_POINT, min_size=1, max_size=3)}
)
_GUIDES = st.fixed_dictionaries(
    {"title": _TEXT, "sections": st.lists(_SECTION, min_size=1, max_size=3)},
    optional={"subtitle": _TEXT, "intro": _TEXT, "conclusion": _TEXT | _TREES},
)


@pytest.fixture(scope="module")
def fuzz_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "guide.yaml"


def _documents() -> st.SearchStrategy[str]:
    """YAML documents: random trees, guide-shaped ones with hostile text (some sharing a
    section, which PyYAML writes as an anchor and an alias), in block or flow style."""

    def shared(guide: dict) -> dict:
        guide["sections"].append(guide["sections"][0])
        return guide

    trees = _TREES | _GUIDES | _GUIDES.map(shared)
    return st.builds(
        lambda tree, flow, escaped: yaml.safe_dump(
            tree, default_flow_style=flow, allow_unicode=not escaped, sort_keys=False
        ),
        trees,
        st.booleans(),
        st.booleans(),
    )


def _check_guide(path: Path) -> None:
    for args in (["read"], ["list", "--tree", "--json"], ["search", "a", "b"]):
        result = in_process("--guide", str(path), *args)
        codes = {1, 3} if args[0] == "search" else {3}
        assert_clean_failure(result, codes)
        assert_safe(result.stdout)
        if result.exit_code == 3:
            assert result.stderr.startswith(f"effects: {path}")
        if result.exit_code == 0 and "--json" in args:
            json.loads(result.stdout)


@FUZZ
@given(_documents())
def test_fuzzed_guide_documents(fuzz_file: Path, document: str) -> None:
    fuzz_file.write_text(document, encoding="utf-8", errors="surrogatepass")
    _check_guide(fuzz_file)


@FUZZ
@given(st.binary(max_size=200) | _TEXT.map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_fuzzed_guide_bytes(fuzz_file: Path, data: bytes) -> None:
    fuzz_file.write_bytes(data)
    _check_guide(fuzz_file)
