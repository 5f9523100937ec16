"""The pictures of ``effects browse`` show what it shows today: the README's and the main
screens', drawn by scripts/browse_screenshot.py from the real app, compared whole."""

from __future__ import annotations

import importlib.util

import pytest

from tests.helpers import REPO

_spec = importlib.util.spec_from_file_location(
    "browse_screenshot", REPO / "scripts" / "browse_screenshot.py"
)
assert _spec is not None and _spec.loader is not None
pictures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pictures)


@pytest.mark.parametrize("name", list(pictures.PICTURES))
def test_the_picture_shows_todays_screen(name: str) -> None:
    stored = (REPO / name).read_text(encoding="utf-8")
    drawn = pictures.picture(pictures.PICTURES[name])
    assert drawn == stored, f"{name} has drifted: run python scripts/browse_screenshot.py"


def test_the_readme_shows_browse() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = [name for name in pictures.PICTURES if f"]({name})" in readme]
    assert shown == [name for name in pictures.PICTURES if name.startswith("docs/")] != []
