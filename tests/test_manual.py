"""The man page: made from the same pages as --help, kept current, installed by the wheel,
and saying what the README's tables say."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.main import get_command

from effects_cli import __version__
from effects_cli.cli.app import ExitCode
from effects_cli.cli.manual import ENVIRONMENT, EXIT_CODES, manual
from tests.cli.test_help import _command_paths
from tests.helpers import REPO, Invoke, app
from tests.test_packaging import wheel  # noqa: F401 (the fixture)

PAGE = REPO / "man" / "effects.1"


def test_the_man_page_is_current() -> None:
    assert PAGE.read_text(encoding="utf-8") == manual(get_command(app)), (
        "run: python scripts/manpage.py"
    )


def test_every_command_and_option_is_in_it(invoke: Invoke) -> None:
    page = PAGE.read_text(encoding="utf-8").replace("\\-", "-")
    for path in [(), *_command_paths(get_command(app))]:
        name = " ".join(("effects", *path))
        if path:
            assert f'.SS "{name} ' in page, name
        help_text = invoke(*path, "--help").stdout
        for option in re.findall(r"(?<![\w-])--?[a-z][\w-]*", help_text):
            assert option in page, (name, option)
        for example in help_text.split("\nExamples:\n", 1)[1].split("\n\n")[0].splitlines():
            assert f"\n{example.strip()}\n" in page, (name, example)


def test_every_exit_code_and_variable_is_in_it_and_in_the_readme() -> None:
    assert [code for code, _ in EXIT_CODES] == [int(code) for code in ExitCode]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    codes = readme.split("### Exit codes", 1)[1].split("\n\n###", 1)[0]
    assert re.findall(r"^\| (\d+) \|", codes, re.MULTILINE) == [str(c) for c, _ in EXIT_CODES]
    variables = readme.split("### Environment variables", 1)[1].split("\n\n", 2)[1]
    listed = {name for row in re.findall(r"^\| (.+?) \|", variables, re.MULTILINE)
              for name in re.findall(r"`(\w+)`", row)}  # fmt: skip
    documented = {name for names, _ in ENVIRONMENT for name in names.split(", ")}
    assert listed == documented
    page = PAGE.read_text(encoding="utf-8").replace("\\-", "-")
    assert all(name.replace("-", "-") in page for name in documented)


def test_the_wheel_installs_it_where_man_looks(wheel: Path) -> None:  # noqa: F811
    with zipfile.ZipFile(wheel) as archive:
        installed = f"effects-{__version__}.data/data/share/man/man1/effects.1"
        assert archive.read(installed) == PAGE.read_bytes()


@pytest.mark.man
def test_man_reads_it() -> None:
    """The page is well-formed roff: groff, which man runs, lays it out without a warning."""
    groff = shutil.which("groff")
    assert groff is not None
    shown = subprocess.run(
        [groff, "-man", "-Tutf8", "-ww", "-rLL=80n", str(PAGE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (shown.returncode, shown.stderr) == (0, "")
    text = re.sub(r".\x08", "", shown.stdout)
    assert "EXIT STATUS" in text and "effects tip --short" in text
