"""The pager: what is paged and what not, which pager, and a pager that fails or quits.

First as far as CliRunner can see it (stdout made a terminal by the `terminal` fixture),
then for real: `python -m effects_cli` on a pseudo-terminal. The stand-in pagers are sh
scripts that write what they are given to a file. (Which command and environment the
pager gets, as functions: tests/test_terminal.py.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import ESC, SGR, Invoke, golden, on_terminal, run_effects

READ = golden("read.txt")
TIP = ["tip", "--seed", "3"]


@pytest.fixture
def stand_in_pager(tmp_path: Path) -> tuple[str, Path]:
    """A pager that writes what it is given to a file: its command and the file (which
    exists only if the pager ran)."""
    script = tmp_path / "pager.sh"
    script.write_text('#!/bin/sh\ncat > "$1"\n', encoding="utf-8")
    script.chmod(0o755)
    paged = tmp_path / "paged.txt"
    return f"{script} {paged}", paged


@pytest.fixture
def paged(stand_in_pager: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """$EFFECTS_PAGER is the stand-in pager; returns the file it writes."""
    command, file = stand_in_pager
    monkeypatch.setenv("EFFECTS_PAGER", command)
    return file


CANNOT_START = [
    pytest.param(
        "/nonexistent/pager -x",
        "effects: cannot start the pager '/nonexistent/pager -x' (No such file or directory);"
        " printing instead\n",
        id="missing",
    ),
    pytest.param(
        "/nonexistent/pager",
        "effects: cannot start the pager '/nonexistent/pager' (No such file or directory);"
        " printing instead\n",
        id="missing-without-options",
    ),
    pytest.param(
        '"unbalanced',
        "effects: cannot start the pager '\"unbalanced' ($EFFECTS_PAGER: No closing quotation);"
        " printing instead\n",
        id="bad-quoting",
    ),
]
"""$EFFECTS_PAGER values that cannot be started, and the one line that says so."""


# --- as far as CliRunner can see it -----------------------------------------------------------


@pytest.mark.posix  # the stand-in pager is a sh script
@pytest.mark.parametrize(
    ("args", "lines", "is_paged"),
    [
        pytest.param(["read"], "1000", True, id="read-always"),
        pytest.param(["show", "4"], "50", False, id="short-enough"),
        pytest.param(["show", "4"], "32", True, id="as-tall-as-the-window"),
        pytest.param(["show", "4"], "33", False, id="a-line-shorter-than-the-window"),
        pytest.param(["read", "--json"], "50", True, id="tall-json"),
        pytest.param(["list", "--json"], "500", False, id="short-json"),
        pytest.param(["--pager", "show", "4.2"], "50", True, id="--pager"),
        pytest.param(["--no-pager", "read"], "50", False, id="--no-pager"),
        pytest.param(["--no-pager", "--pager", "read"], "50", True, id="last-one-wins"),
    ],
)
def test_what_is_paged_on_a_terminal(
    invoke: Invoke, terminal: None, paged: Path, args: list[str], lines: str, is_paged: bool
) -> None:
    result = invoke("--color", "never", *args, env={"LINES": lines})
    assert (result.exit_code, result.stderr) == (0, "")
    command = [arg for arg in args if arg not in ("--pager", "--no-pager")]
    direct = invoke("--color", "never", "--no-pager", *command).stdout
    if is_paged:
        assert result.stdout == ""
        assert paged.read_text(encoding="utf-8") == direct
    else:
        assert result.stdout == direct
        assert not paged.exists()


@pytest.mark.posix
def test_nothing_is_paged_in_a_pipe(invoke: Invoke, paged: Path) -> None:
    result = invoke("--pager", "read")
    assert result.stdout == READ
    assert not paged.exists()


@pytest.mark.posix
def test_the_pager_gets_colour(invoke: Invoke, terminal: None, paged: Path) -> None:
    assert invoke("read").stdout == ""
    text = paged.read_text(encoding="utf-8")
    assert f"{ESC}[1;36m4.2{ESC}[0m" in text
    assert SGR.sub("", text).startswith("10 Dynamic Positive Effects of Social Media\n")


@pytest.mark.parametrize("value", ["", "cat", "  "])
def test_an_empty_or_cat_pager_means_no_pager(
    invoke: Invoke, terminal: None, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("EFFECTS_PAGER", value)
    monkeypatch.setenv("PAGER", "/nonexistent/pager")
    result = invoke("--color", "never", "read")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == READ


@pytest.mark.parametrize(("value", "message"), CANNOT_START)
def test_a_pager_that_cannot_start_loses_no_text(
    invoke: Invoke, terminal: None, monkeypatch: pytest.MonkeyPatch, value: str, message: str
) -> None:
    monkeypatch.setenv("EFFECTS_PAGER", value)
    result = invoke("--color", "never", "read")
    assert (result.exit_code, result.stderr) == (0, message)
    assert result.stdout == READ


# --- for real, on a pseudo-terminal (80 by 24) ---------------------------------------------------


@pytest.mark.posix
def test_read_on_a_terminal_goes_through_the_pager_in_colour(
    tmp_path: Path, stand_in_pager: tuple[str, Path]
) -> None:
    command, paged = stand_in_pager
    result = on_terminal("read", cwd=tmp_path, no_pager=False, EFFECTS_PAGER=command)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    text = paged.read_text(encoding="utf-8")
    assert "\x1b[1;36m4.2\x1b[0m" in text  # colours survive paging
    assert SGR.sub("", text) == READ


@pytest.mark.posix
def test_pager_variable_is_the_fallback(tmp_path: Path, stand_in_pager: tuple[str, Path]) -> None:
    command, paged = stand_in_pager
    result = on_terminal("--color", "never", "read", cwd=tmp_path, no_pager=False, PAGER=command)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert paged.read_text(encoding="utf-8") == READ


@pytest.mark.posix
def test_effects_pager_wins_over_pager(tmp_path: Path, stand_in_pager: tuple[str, Path]) -> None:
    command, paged = stand_in_pager
    result = on_terminal(
        "--color",
        "never",
        "read",
        cwd=tmp_path,
        no_pager=False,
        EFFECTS_PAGER=command,
        PAGER="/nonexistent/pager",
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert paged.read_text(encoding="utf-8") == READ


@pytest.mark.posix
def test_no_pager_prints_to_the_terminal(tmp_path: Path, stand_in_pager: tuple[str, Path]) -> None:
    command, paged = stand_in_pager
    result = on_terminal(
        "--no-pager",
        "--color",
        "never",
        "read",
        cwd=tmp_path,
        no_pager=False,
        EFFECTS_PAGER=command,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, READ, "")
    assert not paged.exists()


@pytest.mark.posix
def test_short_output_is_not_paged(tmp_path: Path, stand_in_pager: tuple[str, Path]) -> None:
    command, paged = stand_in_pager
    result = on_terminal(
        "--color", "never", "show", "4.2", cwd=tmp_path, no_pager=False, EFFECTS_PAGER=command
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, golden("show-4.2.txt"), "")
    assert not paged.exists()


@pytest.mark.posix
@pytest.mark.parametrize(("value", "message"), CANNOT_START)
def test_a_pager_that_cannot_start_on_a_terminal_loses_no_text(
    tmp_path: Path, value: str, message: str
) -> None:
    result = on_terminal(
        "--color", "never", "read", cwd=tmp_path, no_pager=False, EFFECTS_PAGER=value
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, READ, message)


@pytest.mark.posix
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
    result = on_terminal(
        "--guide", str(guide), "read", cwd=tmp_path, no_pager=False, EFFECTS_PAGER=str(quitter)
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.posix
@pytest.mark.parametrize(
    ("args", "less", "expected"),
    [
        pytest.param(["read"], None, "-FRX LESS=FRX", id="LESS-unset"),
        pytest.param(["read"], "-i", "-FRX LESS=-i", id="LESS-set"),
        # Asked for, the pager stays open even on a short tip: no -F, which quits at once.
        pytest.param(["--pager", *TIP], None, "-RX LESS=RX", id="--pager"),
        pytest.param([*TIP, "--pager"], None, "-RX LESS=RX", id="--pager-after-the-command"),
        pytest.param(["--pager", *TIP], "-iF", "-RX LESS=-iF", id="--pager-LESS-set"),
    ],
)
def test_the_default_pager_is_less_dash_frx(
    tmp_path: Path, args: list[str], less: str | None, expected: str
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
    result = on_terminal(*args, cwd=tmp_path, no_pager=False, **env)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / "how.txt").read_text(encoding="utf-8") == f"{expected}\n"
    shown = READ if "read" in args else golden("tip-3.txt")
    assert SGR.sub("", (tmp_path / "paged.txt").read_text(encoding="utf-8")) == shown


@pytest.mark.posix
def test_never_paged_in_a_pipe(tmp_path: Path, stand_in_pager: tuple[str, Path]) -> None:
    command, paged = stand_in_pager
    result = run_effects("--pager", "read", cwd=tmp_path, EFFECTS_PAGER=command)
    assert (result.returncode, result.stdout, result.stderr) == (0, READ, "")
    assert not paged.exists()
