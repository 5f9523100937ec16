"""The built wheel carries the guide, and the installed program runs from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import BUNDLED_YAML, OUTPUT_ENVIRONMENT, REPO

GOLDEN = REPO / "tests" / "golden"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from the checkout by the real build backend (hatchling)."""
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1]))",
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return out / built.stdout.strip().splitlines()[-1]


def test_wheel_holds_the_guide_and_the_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert archive.read("effects_cli/data/effects.yaml") == BUNDLED_YAML.read_bytes()
        metadata = next(name for name in names if name.endswith(".dist-info/METADATA"))
        entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
        requires = archive.read(metadata).decode()
        scripts = archive.read(entry_points).decode()
    assert {
        "effects_cli/__init__.py",
        "effects_cli/cli/app.py",
        "effects_cli/__main__.py",
        "effects_cli/launch.py",
    } <= names
    assert not any(name.startswith("tests/") for name in names)
    assert "effects = effects_cli.launch:main" in scripts
    for dependency in ("Requires-Dist: typer", "Requires-Dist: rich", "Requires-Dist: pyyaml"):
        assert dependency in requires


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in OUTPUT_ENVIRONMENT}
    environment.update(COLUMNS="80", **env)
    return subprocess.run(
        args, cwd=cwd, env=environment, capture_output=True, text=True, timeout=60
    )


def test_unpacked_wheel_finds_its_guide_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(
        [sys.executable, "-c", "import effects_cli.bundled as b; print(b.bundled_guide_path())"],
        cwd=elsewhere,
        PYTHONPATH=str(site),
    )
    assert where.stdout.strip() == str(site / "effects_cli" / "data" / "effects.yaml")
    shown = _run(
        [sys.executable, "-m", "effects_cli", "show", "4.2"], cwd=elsewhere, PYTHONPATH=str(site)
    )
    assert (shown.returncode, shown.stderr) == (0, "")
    assert shown.stdout == (GOLDEN / "show-4.2.txt").read_text(encoding="utf-8")


def test_installed_entry_point_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / ("effects.exe" if os.name == "nt" else "effects")
    assert script.exists(), "install the project first: pip install -e '.[test]'"
    result = _run([str(script), "list"], cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (GOLDEN / "list.txt").read_text(encoding="utf-8")
    failed = _run([str(script), "show", "11"], cwd=tmp_path)
    assert (failed.returncode, failed.stdout, failed.stderr) == (
        1,
        "",
        "effects: no section 11: the guide has sections 1 to 10\n",
    )


def test_python_dash_m_runs_the_same_program(tmp_path: Path) -> None:
    result = _run([sys.executable, "-m", "effects_cli", "--version"], cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("effects ")


def test_full_disk_is_one_clear_line(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "effects_cli", "list"],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert (result.returncode, result.stderr) == (
        4,
        "effects: cannot write the output: No space left on device\n",
    )


def test_closed_pipe_is_silent(tmp_path: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone before the first byte, as with `effects read | true`
    try:
        result = subprocess.run(
            [sys.executable, "-m", "effects_cli", "read"],
            cwd=tmp_path,
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (141, "")
