"""Fixtures: a clean environment, the CLI runner, tiny guides written on demand, and the
few seams into the program (through the names in helpers.py)."""

from __future__ import annotations

import datetime
import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from effects_cli.loader import load_guide
from effects_cli.model import Guide
from tests.helpers import (
    BUILD_INDEX,
    OUTPUT_ENVIRONMENT,
    PARSE_GUIDE,
    REPO,  # noqa: F401 (re-exported: tests written before helpers.py import it from here)
    SMALL_GUIDE,
    STDOUT_IS_TERMINAL,
    TODAY,
    Invoke,
    in_process,
    refusal,
)

# The machines that run these are shared and noisy: judge examples, never their speed.
# HYPOTHESIS_PROFILE=thorough runs fifty times the examples, for a longer fuzz by hand.
settings.register_profile("effects", deadline=None, print_blob=True)
settings.register_profile("thorough", parent=settings.get_profile("effects"), max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "effects"))


PLATFORMS = {
    "linux": sys.platform.startswith("linux"),
    "posix": os.name == "posix",
    "man": shutil.which("groff") is not None,
}
"""The platform markers (registered in pyproject.toml) and whether this system has it."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect, never skip, the tests that need what this system lacks (/proc, /dev/full,
    RLIMIT_AS on Linux; a pseudo-terminal, signals, FIFOs, sh scripts on POSIX): a skip
    reads as a failure in CI, and a test that cannot run here says nothing about effects.
    The summary line counts them as deselected."""
    lacking = {marker for marker, present in PLATFORMS.items() if not present}
    if not lacking:
        return
    kept, dropped = [], []
    for item in items:
        needs = {mark.name for mark in item.iter_markers()}
        (dropped if needs & lacking else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(autouse=True)
def clean_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every test starts from the same plain environment: 80 columns, no colour or pager
    settings, and an empty cache folder of its own (never the user's)."""
    for name in OUTPUT_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "xterm-256color")


@pytest.fixture
def invoke() -> Invoke:
    """Run ``effects`` with arguments, the way a shell would, and return its result."""
    return in_process


@pytest.fixture
def write_guide(tmp_path: Path) -> Callable[..., Path]:
    """Write a guide's YAML (dedented) into a temporary file and return its path."""

    def write(text: str, name: str = "guide.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def small_guide(write_guide: Callable[..., Path]) -> Path:
    """SMALL_GUIDE in a file of its own."""
    return write_guide(SMALL_GUIDE)


@pytest.fixture(scope="session")
def guide() -> Guide:
    """The bundled guide, parsed once for the whole run (tests never change it)."""
    return load_guide()


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """stdout is a terminal of 80 by 50, as far as effects can tell (CliRunner's is not)."""
    monkeypatch.setattr(STDOUT_IS_TERMINAL, lambda: True)
    monkeypatch.setenv("LINES", "50")


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime.date], None]:
    """Set the local date effects sees."""

    def set_today(day: datetime.date) -> None:
        monkeypatch.setattr(TODAY, lambda: day)

    return set_today


@pytest.fixture
def refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it, and from then on parsing a guide fails with AssertionError("parsed"):
    whatever answers next must come from the cache."""
    return lambda: monkeypatch.setattr(PARSE_GUIDE, refusal("parsed"))


@pytest.fixture
def refuse_indexing(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it, and from then on building a search index fails with AssertionError."""
    return lambda: monkeypatch.setattr(BUILD_INDEX, refusal("the index was built again"))
