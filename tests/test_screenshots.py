"""The README's pictures show what the program prints today (scripts/screenshots.py makes them)."""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path

import pytest

from tests.helpers import REPO, Invoke

_spec = importlib.util.spec_from_file_location("screenshots", REPO / "scripts" / "screenshots.py")
assert _spec is not None and _spec.loader is not None
screenshots = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(screenshots)

_TEXT = re.compile(
    r'<text [^>]*\bx="([0-9.]+)"[^>]*clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>([^<]*)</text>'
)


def _screen_text(svg: str) -> str:
    """The characters of a Rich SVG export, line by line, placed by their x positions."""
    cell = min(float(x) for x, _, _ in _TEXT.findall(svg) if float(x) > 0) / 2  # "$ " is 2 cells
    lines: dict[int, dict[int, str]] = {}
    for x, line, text in _TEXT.findall(svg):
        column = round(float(x) / cell)
        for offset, char in enumerate(html.unescape(text).replace("\xa0", " ")):
            lines.setdefault(int(line), {})[column + offset] = char
    rows = []
    for number in range(max(lines) + 1):
        cells = lines.get(number, {})
        rows.append("".join(cells.get(c, " ") for c in range(max(cells, default=-1) + 1)).rstrip())
    return "\n".join(rows).rstrip("\n") + "\n"


@pytest.mark.parametrize(
    ("name", "args", "theme"),
    [(name, args, theme) for name, (args, theme) in screenshots.PICTURES.items()],
)
def test_picture_shows_todays_output(
    invoke: Invoke, name: str, args: list[str], theme: str
) -> None:
    svg = (REPO / "docs" / name).read_text(encoding="utf-8")
    background = screenshots.BACKGROUNDS[theme].background_color
    assert f"#{background.red:02x}{background.green:02x}{background.blue:02x}" in svg
    result = invoke(*args)
    assert result.exit_code == 0
    expected = f"$ effects {' '.join(args)}\n{result.stdout}".rstrip("\n") + "\n"
    assert _screen_text(svg) == expected, "run: python scripts/screenshots.py"
    assert 'fill="#' in svg  # in colour


def test_readme_shows_the_pictures() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in screenshots.PICTURES:
        assert f"](docs/{name})" in readme
        assert Path(REPO / "docs" / name).is_file()
