"""The pager for real: `python -m effects_cli` on a pseudo-terminal, a stand-in $PAGER."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import OUTPUT_ENVIRONMENT, REPO

GOLDEN = REPO / "tests" / "golden"
READ = (GOLDEN / "read.txt").read_text(encoding="utf-8")
STYLE = re.compile(r"\x1b\[[0-9;]*m")


def _on_a_terminal(args: list[str], cwd: Path, **env: str) -> tuple[int, str, str]:
    """Run effects with stdin and stdout on a pseudo-terminal of 80 by 24.

    Returns the exit code, what reached the terminal and what went to stderr.
    """
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in OUTPUT_ENVIRONMENT and k not in ("PAGER", "EFFECTS_PAGER", "LESS")
    }
    environment.update(COLUMNS="80", LINES="24", TERM="xterm-256color")
    environment.update(env)
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "effects_cli", *args],
            cwd=cwd,
            env=environment,
            stdin=terminal,
            stdout=terminal,
            stderr=subprocess.PIPE,
        )
        os.close(terminal)
        shown = bytearray()
        while True:  # read until the program closes the terminal, so that it never blocks
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the other side is closed
                break
            if not chunk:
                break
            shown += chunk
        _, errors = process.communicate(timeout=60)
    finally:
        os.close(controller)
    # The terminal turns each \n into \r\n on the way out.
    return process.returncode, shown.decode().replace("\r\n", "\n"), errors.decode()


@pytest.fixture
def pager(tmp_path: Path) -> tuple[str, Path]:
    """A stand-in pager that writes what it is given to a file: its command and the file."""
    script = tmp_path / "pager.sh"
    script.write_text('#!/bin/sh\ncat > "$1"\n', encoding="utf-8")
    script.chmod(0o755)
    return f"{script} {tmp_path / 'paged.txt'}", tmp_path / "paged.txt"


def test_read_on_a_terminal_goes_through_the_pager_in_colour(
    tmp_path: Path, pager: tuple[str, Path]
) -> None:
    command, paged = pager
    code, shown, errors = _on_a_terminal(["read"], tmp_path, EFFECTS_PAGER=command)
    assert (code, shown, errors) == (0, "", "")
    text = paged.read_text(encoding="utf-8")
    assert "\x1b[1;36m4.2\x1b[0m" in text  # colours survive paging
    assert STYLE.sub("", text) == READ


def test_pager_variable_is_the_fallback(tmp_path: Path, pager: tuple[str, Path]) -> None:
    command, paged = pager
    code, shown, errors = _on_a_terminal(["--color", "never", "read"], tmp_path, PAGER=command)
    assert (code, shown, errors) == (0, "", "")
    assert paged.read_text(encoding="utf-8") == READ


def test_effects_pager_wins_over_pager(tmp_path: Path, pager: tuple[str, Path]) -> None:
    command, paged = pager
    code, shown, errors = _on_a_terminal(
        ["--color", "never", "read"], tmp_path, EFFECTS_PAGER=command, PAGER="/nonexistent/pager"
    )
    assert (code, shown, errors) == (0, "", "")
    assert paged.read_text(encoding="utf-8") == READ


def test_no_pager_prints_to_the_terminal(tmp_path: Path, pager: tuple[str, Path]) -> None:
    command, paged = pager
    code, shown, errors = _on_a_terminal(
        ["--no-pager", "--color", "never", "read"], tmp_path, EFFECTS_PAGER=command
    )
    assert (code, shown, errors) == (0, READ, "")
    assert not paged.exists()


def test_short_output_is_not_paged(tmp_path: Path, pager: tuple[str, Path]) -> None:
    command, paged = pager
    code, shown, errors = _on_a_terminal(
        ["--color", "never", "show", "4.2"], tmp_path, EFFECTS_PAGER=command
    )
    assert (code, shown, errors) == (0, (GOLDEN / "show-4.2.txt").read_text("utf-8"), "")
    assert not paged.exists()


def test_a_pager_that_cannot_start_loses_no_text(tmp_path: Path) -> None:
    code, shown, errors = _on_a_terminal(
        ["--color", "never", "read"], tmp_path, EFFECTS_PAGER="/nonexistent/pager"
    )
    assert (code, shown, errors) == (
        0,
        READ,
        "effects: cannot start the pager '/nonexistent/pager' (No such file or directory);"
        " printing instead\n",
    )


def test_a_pager_that_quits_early_is_not_an_error(tmp_path: Path) -> None:
    # More text than a pipe holds (64 KiB), so effects is still writing when the pager goes.
    guide = tmp_path / "long.yaml"
    guide.write_text(
        "title: Long\nsections:\n  - title: S\n    text: "
        + "word " * 100_000
        + "\n    points: [{title: p, text: q}]\n",
        encoding="utf-8",
    )
    quitter = tmp_path / "quit.sh"
    quitter.write_text("#!/bin/sh\nhead -c 100 > /dev/null\n", encoding="utf-8")
    quitter.chmod(0o755)
    code, shown, errors = _on_a_terminal(
        ["--guide", str(guide), "read"], tmp_path, EFFECTS_PAGER=str(quitter)
    )
    assert (code, shown, errors) == (0, "", "")


@pytest.mark.parametrize(
    ("less", "expected"),
    [pytest.param(None, "LESS=FRX", id="LESS-unset"), pytest.param("-i", "LESS=-i", id="LESS-set")],
)
def test_the_default_pager_is_less_dash_frx(
    tmp_path: Path, less: str | None, expected: str
) -> None:
    # A stand-in `less` first on PATH records how it was started; the real one needs a person.
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    stand_in = bin_folder / "less"
    stand_in.write_text(
        f'#!/bin/sh\necho "$*" "LESS=$LESS" > {tmp_path}/how.txt\ncat > {tmp_path}/paged.txt\n',
        encoding="utf-8",
    )
    stand_in.chmod(0o755)
    env = {"PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}"}
    if less is not None:
        env["LESS"] = less
    code, shown, errors = _on_a_terminal(["read"], tmp_path, **env)
    assert (code, shown, errors) == (0, "", "")
    assert (tmp_path / "how.txt").read_text(encoding="utf-8") == f"-FRX {expected}\n"
    assert STYLE.sub("", (tmp_path / "paged.txt").read_text(encoding="utf-8")) == READ


def test_never_paged_in_a_pipe(tmp_path: Path, pager: tuple[str, Path]) -> None:
    command, paged = pager
    environment = {k: v for k, v in os.environ.items() if k not in OUTPUT_ENVIRONMENT}
    result = subprocess.run(
        [sys.executable, "-m", "effects_cli", "--pager", "read"],
        cwd=tmp_path,
        env={**environment, "COLUMNS": "80", "EFFECTS_PAGER": command},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, READ, "")
    assert not paged.exists()
