"""Where the output goes: narrow encodings, odd widths, a twelve-column terminal, a closed
pipe, a full disk, a closed stdout, and Ctrl-C. No text is lost; a failure to write is one
line and exit 4; a reader that left early or a Ctrl-C ends it quietly (141, 130)."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.cells import cell_len

from effects_cli.encodable import encodable
from tests.helpers import (
    BUNDLED,
    CLI_MODULE,
    EFFECTS,
    HANG_GUARD,
    SGR,
    Invoke,
    environment,
    golden,
    in_process,
    on_terminal,
    run,
    run_effects,
    squeezed,
)

# --- narrow encodings and odd widths ---------------------------------------------------------

C_LOCALE = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}

NARROW_STDOUT = [
    pytest.param({"PYTHONIOENCODING": "ascii"}, "ascii", id="ascii"),
    pytest.param(C_LOCALE, "ascii", id="c-locale", marks=pytest.mark.posix),
    pytest.param({"PYTHONIOENCODING": "latin-1"}, "latin-1", id="latin-1"),
    pytest.param({"PYTHONIOENCODING": "utf-8", "COLUMNS": "12"}, "utf-8", id="12-columns"),
    pytest.param({"PYTHONIOENCODING": "ascii", "COLUMNS": "12"}, "ascii", id="ascii-12-columns"),
]


@pytest.mark.parametrize(("env", "encoding"), NARROW_STDOUT)
@pytest.mark.parametrize(
    ("args", "name"),
    [(["search", "stigma"], "search-stigma.txt"), (["list", "--tree"], "list-tree.txt")],
    ids=["search", "list"],
)
def test_a_narrow_stdout_gets_all_the_text_within_its_width(
    tmp_path: Path, env: dict[str, str], encoding: str, args: list[str], name: str
) -> None:
    result = run_effects(*args, cwd=tmp_path, **env)
    assert (result.returncode, result.stderr) == (0, "")
    result.stdout.encode(encoding)  # nothing the encoding cannot hold
    width = int(env.get("COLUMNS", "80"))
    if args[0] == "search":  # (list lines never wrap in a pipe, by design)
        assert max(cell_len(line) for line in result.stdout.splitlines()) <= width
    assert squeezed(result.stdout) == squeezed(encodable(golden(name), encoding))


def test_an_ascii_stdout_gets_the_same_layout_with_plain_punctuation(tmp_path: Path) -> None:
    result = run_effects("show", "1.2", cwd=tmp_path, PYTHONIOENCODING="ascii")
    utf8 = run_effects("show", "1.2", cwd=tmp_path, PYTHONIOENCODING="utf-8")
    assert "\u2018People You May Know\u2019" in utf8.stdout
    assert result.stdout == utf8.stdout.replace("\u2018", "'").replace("\u2019", "'")


def test_an_ascii_only_stdout_gets_plain_punctuation_and_exact_json() -> None:
    """The same, in process: CliRunner's stdout is ASCII."""
    shown = in_process("show", "1.2", charset="ascii")
    assert shown.exit_code == 0, shown.output
    assert "tools such as the 'People You May Know'" in " ".join(shown.stdout.split())
    as_json = in_process("show", "1.2", "--json", charset="ascii")
    assert as_json.exit_code == 0
    assert "\\u2018People You May Know\\u2019" in as_json.stdout
    assert json.loads(as_json.stdout)["text"] == BUNDLED["sections"][0]["points"][1]["text"]
    read = in_process("read", charset="ascii").stdout.splitlines()
    assert read.count("-" * 80) == 12  # a rule before the introduction, each section, the end


@pytest.mark.posix  # the C locale
def test_the_c_locale_takes_arguments_it_cannot_decode(tmp_path: Path) -> None:
    result = run_effects("search", "caf\u00e9", cwd=tmp_path, **C_LOCALE)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == 'effects: no match for "caf\\udcc3\\udca9"\n'


@pytest.mark.posix  # a pseudo-terminal
def test_a_twelve_column_terminal(tmp_path: Path) -> None:
    shown = on_terminal("show", "4.2", columns=12, cwd=tmp_path, TERM="xterm-256color")
    assert (shown.returncode, shown.stderr) == (0, "")
    lines = SGR.sub("", shown.stdout).splitlines()
    assert lines[:3] == ["4.2", "Normalizing", "Mental"]
    assert max(cell_len(line) for line in lines) <= 12
    assert squeezed(SGR.sub("", shown.stdout)) == squeezed(golden("show-4.2.txt"))


@pytest.mark.parametrize(
    ("columns", "width"),
    [
        pytest.param("0", 10, id="zero"),
        pytest.param("3", 10, id="three"),
        pytest.param("99999999", 1000, id="huge"),
    ],
)
def test_an_absurd_width_is_taken_as_the_nearest_sensible_one(
    invoke: Invoke, columns: str, width: int
) -> None:
    result = invoke("read", env={"COLUMNS": columns})
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert max(map(cell_len, lines)) == width
    assert "\u2500" * width in lines
    expected = golden("read.txt")
    assert squeezed(result.stdout).replace("\u2500", "") == squeezed(expected).replace("\u2500", "")


# --- output that cannot be written ---------------------------------------------------------------

CLOSED_OUTPUT = [
    ["read"],
    ["list", "--json"],
    ["search", "health"],
    ["--help"],
    ["show", "--help"],
    ["--version"],
    [],
]


@pytest.mark.posix  # a closed pipe is SIGPIPE, and its exit code 128 + 13
@pytest.mark.parametrize("args", CLOSED_OUTPUT, ids=lambda args: " ".join(args) or "nothing")
def test_a_closed_pipe_ends_it_silently_with_141(tmp_path: Path, args: list[str]) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone before the first byte, as with `effects read | true`
    try:
        result = run_effects(*args, cwd=tmp_path, stdout=writer)
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (141, "")


@pytest.mark.linux  # /dev/full
@pytest.mark.parametrize("args", [["list"], *CLOSED_OUTPUT[:-1]], ids=" ".join)
def test_a_full_disk_is_one_clear_line_and_exit_4(tmp_path: Path, args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = run_effects(*args, cwd=tmp_path, stdout=full.fileno())
    assert (result.returncode, result.stderr) == (
        4,
        "effects: cannot write the output: No space left on device\n",
    )


@pytest.mark.posix  # closing stdout before the program starts (preexec_fn)
@pytest.mark.parametrize("args", [["list"], ["show", "11"], ["--help"]], ids=" ".join)
def test_a_closed_stdout_is_one_clear_line_and_exit_4(tmp_path: Path, args: list[str]) -> None:
    result = run_effects(*args, cwd=tmp_path, close_stdout=True)  # as `effects list >&-` does
    assert (result.returncode, result.stderr) == (
        4,
        "effects: cannot write the output: stdout is closed\n",
    )


# --- Ctrl-C ----------------------------------------------------------------------------------


@pytest.mark.linux  # a FIFO, SIGINT, and /proc to see where the process waits
def test_ctrl_c_while_working_is_exit_130_without_a_traceback(tmp_path: Path) -> None:
    """The guide is a FIFO nobody writes to, so effects waits in the middle of loading it."""
    fifo = tmp_path / "slow.yaml"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [*EFFECTS, "--guide", str(fifo), "read"],
        cwd=tmp_path,
        env=environment(COLUMNS="80"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    writer = _open_when_read(fifo, process)
    try:
        _wait_until_blocked(process)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=HANG_GUARD)
    finally:
        os.close(writer)
    assert (process.returncode, out, err) == (130, "", "")


def _open_when_read(fifo: Path, process: subprocess.Popen[str]) -> int:
    """The FIFO's write end, opened once ``process`` has opened it to read."""
    for _ in range(HANG_GUARD * 100):
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:  # ENXIO: no reader yet
            assert error.errno == errno.ENXIO and process.poll() is None
            time.sleep(0.01)
    process.kill()
    pytest.fail("effects never opened the guide")


def _wait_until_blocked(process: subprocess.Popen[str]) -> None:
    """Wait until ``process`` sleeps reading the FIFO. A Ctrl-C that lands between the last
    check for signals and the read itself is seen only when the read returns (in any Python
    program); a user presses Ctrl-C again, a test waits for the read instead."""
    wchan = Path(f"/proc/{process.pid}/wchan")
    for _ in range(HANG_GUARD * 100):
        if "pipe" in wchan.read_text():
            return
        time.sleep(0.01)
    process.kill()
    pytest.fail(f"effects never waited for the guide ({wchan.read_text()})")


INTERRUPT_IMPORT = """
import os, signal, sys

TARGET = sys.argv[1]

class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == TARGET:
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupt())
sys.argv[1:] = ["read"]
from effects_cli.__main__ import main
main()
"""
"""Run effects with a real SIGINT delivered while it imports a module named on the command line."""


@pytest.mark.posix  # SIGINT sent to itself
@pytest.mark.parametrize("module", [CLI_MODULE, "typer", "rich", "yaml"])
def test_ctrl_c_while_starting_is_exit_130_without_a_traceback(tmp_path: Path, module: str) -> None:
    result = run([sys.executable, "-c", INTERRUPT_IMPORT, module], cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "")
