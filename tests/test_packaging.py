"""The built wheel carries the guide, and the installed program runs from any folder and
reports errors as `effects`."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import BUNDLED_YAML, CLI_MODULE, EFFECTS, REPO, golden, run
from tests.messages import typed


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


def _package_file(module: str) -> str:
    """The file ``module`` is imported from, as the wheel names it (a module or a package's
    ``__init__.py``, whichever the checkout has)."""
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).relative_to(REPO).as_posix()


def test_wheel_holds_the_guide_and_the_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert archive.read("effects_cli/data/effects.yaml") == BUNDLED_YAML.read_bytes()
        metadata = next(name for name in names if name.endswith(".dist-info/METADATA"))
        entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
        requires = archive.read(metadata).decode()
        scripts = archive.read(entry_points).decode()
    code = {path.relative_to(REPO).as_posix() for path in (REPO / "effects_cli").rglob("*.py")}
    assert (
        {
            "effects_cli/__init__.py",
            _package_file(CLI_MODULE),
            "effects_cli/__main__.py",
            "effects_cli/launch.py",
        }
        <= code
        <= names
    )
    assert not any(name.startswith("tests/") for name in names)
    assert "effects = effects_cli.launch:main" in scripts
    for dependency in ("Requires-Dist: typer", "Requires-Dist: rich", "Requires-Dist: pyyaml"):
        assert dependency in requires


def test_unpacked_wheel_finds_its_guide_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = run(
        [sys.executable, "-c", "import effects_cli.bundled as b; print(b.bundled_guide_path())"],
        cwd=elsewhere,
        PYTHONPATH=str(site),
    )
    assert where.stdout.strip() == str(site / "effects_cli" / "data" / "effects.yaml")
    shown = run([*EFFECTS, "show", "4.2"], cwd=elsewhere, PYTHONPATH=str(site))
    assert (shown.returncode, shown.stderr) == (0, "")
    assert shown.stdout == golden("show-4.2.txt")


def test_installed_entry_point_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / ("effects.exe" if os.name == "nt" else "effects")
    assert script.exists(), "install the project first: pip install -e '.[test]'"
    result = run([str(script), "list"], cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == golden("list.txt")
    args, code, stderr = typed("ref-11")
    failed = run([str(script), *args], cwd=tmp_path)
    assert (failed.returncode, failed.stdout, failed.stderr) == (code, "", stderr)


def test_python_dash_m_runs_the_same_program(tmp_path: Path) -> None:
    result = run([*EFFECTS, "--version"], cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("effects ")


def test_python_dash_m_reports_errors_like_effects(tmp_path: Path) -> None:
    args, code, stderr = typed("color-purple-list")
    result = run([*EFFECTS, *args], cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (code, "", stderr)
