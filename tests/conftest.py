"""Shared fixtures: a clean environment, a CLI runner and tiny guides written on demand."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from effects_cli.cli import app

# The machines that run these are shared and noisy: judge examples, never their speed.
# HYPOTHESIS_PROFILE=thorough runs fifty times the examples, for a longer fuzz by hand.
settings.register_profile("effects", deadline=None, print_blob=True)
settings.register_profile("thorough", parent=settings.get_profile("effects"), max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "effects"))

REPO = Path(__file__).resolve().parent.parent
BUNDLED_YAML = REPO / "data" / "effects.yaml"

OUTPUT_ENVIRONMENT = (
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "EFFECTS_GUIDE",
)
"""Variables that change what effects prints; tests set them explicitly or not at all."""


@pytest.fixture(autouse=True)
def clean_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every test starts from the same plain environment: 80 columns, no colour settings,
    and an empty cache folder of its own (never the user's)."""
    for name in OUTPUT_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "xterm-256color")


Invoke = Callable[..., Result]


@pytest.fixture
def invoke() -> Invoke:
    """Run ``effects`` with arguments, the way a shell would, and return its result."""
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), env=env, prog_name="effects")

    return run


@pytest.fixture
def write_guide(tmp_path: Path) -> Callable[[str], Path]:
    """Write a guide's YAML (dedented) into a temporary file and return its path."""

    def write(text: str, name: str = "guide.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


SMALL_GUIDE = """\
    title: Small Guide
    subtitle: For tests
    intro: An introduction.
    sections:
      - title: First Section
        text: The first section's text.
        points:
          - title: Alpha point
            text: Alpha text about gardens.
          - title: Beta point
            text: Beta text about rivers.
      - title: Second Section
        text: The second section's text.
        points:
          - title: Gamma point
            text: Gamma text about gardens and rivers.
    conclusion: The end.
"""
