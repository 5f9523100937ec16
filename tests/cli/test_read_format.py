"""``effects read --format markdown|yaml``: the current guide written as a guide file, which
reads back as the same guide (the writers' own round trip: tests/test_writing.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Invoke


@pytest.mark.parametrize(("format", "name"), [("markdown", "g.md"), ("yaml", "g.yaml")])
def test_what_read_writes_reads_back_as_the_same_guide(
    invoke: Invoke, tmp_path: Path, format: str, name: str
) -> None:
    result = invoke("read", "--format", format)
    assert (result.exit_code, result.stderr) == (0, "")
    path = tmp_path / name
    path.write_text(result.stdout, encoding="utf-8")
    assert invoke("--guide", str(path), "read", "--json").stdout == invoke("read", "--json").stdout
    assert (
        invoke("validate", str(path)).stdout
        == f"{path}: a valid guide: 10 sections, 30 sub-points\n"
    )


def test_a_markdown_guide_is_written_as_yaml_and_back(
    invoke: Invoke, tmp_path: Path, small_guide: Path
) -> None:
    markdown = tmp_path / "small.md"
    markdown.write_text(
        invoke("--guide", str(small_guide), "read", "--format", "markdown").stdout, encoding="utf-8"
    )
    again = tmp_path / "again.yaml"
    again.write_text(
        invoke("--guide", str(markdown), "read", "--format", "yaml").stdout, encoding="utf-8"
    )
    assert json.loads(invoke("--guide", str(again), "read", "--json").stdout) == json.loads(
        invoke("--guide", str(small_guide), "read", "--json").stdout
    )


def test_the_markdown_of_the_small_guide(invoke: Invoke, small_guide: Path) -> None:
    assert invoke("--guide", str(small_guide), "read", "--format", "markdown").stdout == (
        "# Small Guide\n\n*For tests*\n\nAn introduction.\n\n"
        "## 1. First Section\n\nThe first section's text.\n\n"
        "### 1.1 Alpha point\n\nAlpha text about gardens.\n\n"
        "### 1.2 Beta point\n\nBeta text about rivers.\n\n"
        "## 2. Second Section\n\nThe second section's text.\n\n"
        "### 2.1 Gamma point\n\nGamma text about gardens and rivers.\n\n"
        "## Conclusion\n\nThe end.\n"
    )


@pytest.mark.parametrize("format", ["markdown", "yaml"])
def test_a_narrow_stdout_gets_escapes_that_read_back(
    invoke: Invoke, tmp_path: Path, format: str
) -> None:
    result = invoke("read", "--format", format, charset="ascii")
    assert result.stdout_bytes.isascii()
    path = tmp_path / ("g.md" if format == "markdown" else "g.yaml")
    path.write_bytes(result.stdout_bytes)
    assert invoke("--guide", str(path), "read", "--json").stdout == invoke("read", "--json").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["--format", "html"],
            "Invalid value for '--format': 'html' is not one of 'markdown', 'yaml'. See 'effects read --help'.",
            id="unknown-format",
        ),
        pytest.param(
            ["--format", "yaml", "--json"],
            "Invalid value for '--format': cannot be used with --json. See 'effects read --help'.",
            id="format-and-json",
        ),
    ],
)
def test_bad_formats(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke("read", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"effects: {message}\n")
