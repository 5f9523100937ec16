"""What the tests share: ways to run effects, a clean environment, the checks every output
must pass, small guides, and the internal names a few tests reach into.

Fixtures live in ``conftest.py`` and use these; the exact messages effects gives live in
``messages.py``, one table each.
"""

from __future__ import annotations

import errno
import os
import re
import select
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NoReturn

import pytest
import yaml
from typer.testing import CliRunner, Result

from effects_cli.cli.app import app

# --- where things are ---------------------------------------------------------------------------

REPO = Path(__file__).resolve().parent.parent
BUNDLED_YAML = REPO / "data" / "effects.yaml"
GOLDEN = REPO / "tests" / "golden"
"""Text the commands print in a pipe at 80 columns; regenerate after a deliberate change."""

BUNDLED = yaml.safe_load(BUNDLED_YAML.read_text(encoding="utf-8"))
"""The bundled guide as PyYAML's plain ``safe_load`` reads it: independent of the loader."""


def golden(name: str) -> str:
    """The golden text ``name`` (``list.txt``, ``show-4.2.txt``, ...)."""
    return (GOLDEN / name).read_text(encoding="utf-8")


# --- internal names ------------------------------------------------------------------------------
# The only places where tests reach inside the program. When a module is moved or renamed,
# change the name here (and nowhere else); conftest's fixtures use these.

STDOUT_IS_TERMINAL = "effects_cli.cli.output.stdout_is_terminal"
"""Whether effects thinks stdout is a terminal (the `terminal` fixture says yes)."""
TODAY = "effects_cli.daily.today"
"""The local date effects sees (the `today` fixture sets it)."""
REGEX_SECONDS = "effects_cli.cli.search.REGEX_SECONDS"
"""How long a regular expression may run before search stops it."""
CLI_MODULE = "effects_cli.cli"
"""The module of the command line, as imported at start-up (a Ctrl-C test interrupts it)."""
PARSE_GUIDE = "effects_cli.loader.load_guide"
"""What opening a guide calls when the cache cannot answer (`refuse_parsing` breaks it)."""
MAX_GUIDES = "effects_cli.library.MAX_GUIDES"
"""How many guides of one folder are read."""
MAX_ENTRIES = "effects_cli.library.MAX_ENTRIES"
"""How many entries of one folder are looked at."""
BUILD_INDEX = "effects_cli.search.index.Index.build"
"""What a search calls when the cache holds no index (`refuse_indexing` breaks it)."""


def refusal(what: str) -> Callable[..., NoReturn]:
    """A stand-in for PARSE_GUIDE or BUILD_INDEX that fails whoever calls it."""

    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError(what)

    return refuse


# --- running effects -------------------------------------------------------------------------

Invoke = Callable[..., Result]

_RUNNER = CliRunner()


def in_process(
    *args: str,
    env: Mapping[str, str] | None = None,
    charset: str = "utf-8",
    input: str | bytes | None = None,
) -> Result:
    """Run ``effects args`` in this process with Typer's CliRunner (fast: the `invoke`
    fixture and the fuzzers use it), stdout and stderr apart; ``input`` is its stdin."""
    runner = _RUNNER if charset == "utf-8" else CliRunner(charset=charset)
    return runner.invoke(app, list(args), env=env, prog_name="effects", input=input)


_CONTROL_SEQUENCE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]")
"""A cursor move, a style, a mode: what lies between the characters a screen shows."""
KEY_PAUSE = 0.2
"""Seconds of quiet on the pseudo-terminal before `on_terminal` types its next key."""
HANG_GUARD = 60
"""Seconds before a subprocess counts as hung; never a measure of speed."""

OUTPUT_ENVIRONMENT = (
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "EFFECTS_GUIDE",
    "EFFECTS_PATH",
    "EFFECTS_MAX_GUIDE_BYTES",
    "EFFECTS_PAGER",
    "PAGER",
    "LESS",
    "EFFECTS_THEME",
    "COLORFGBG",
)
"""Variables that change what effects prints or where it goes; tests set them explicitly
or not at all (the autouse fixture removes them, and so does `environment`)."""


def environment(**env: str) -> dict[str, str]:
    """This process's environment without OUTPUT_ENVIRONMENT, then ``env``: for programs
    started by a test, which must not see the settings of whoever runs the tests."""
    cleaned = {k: v for k, v in os.environ.items() if k not in OUTPUT_ENVIRONMENT}
    cleaned.update(env)
    return cleaned


EFFECTS = [sys.executable, "-m", "effects_cli"]
"""The installed program, as a command (the entry point the ``effects`` script calls)."""


def run(
    command: list[str],
    *,
    cwd: Path,
    stdout: int | None = subprocess.PIPE,
    memory: int | None = None,
    close_stdout: bool = False,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` as a pipe would, 80 columns wide unless ``env`` says otherwise, in a
    clean environment. ``memory`` caps its address space (RLIMIT_AS, Linux);
    ``close_stdout`` starts it with stdout closed, as ``effects list >&-`` does (POSIX)."""

    def before_start() -> None:
        if memory is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if close_stdout:
            os.close(1)

    return subprocess.run(
        command,
        cwd=cwd,
        env=environment(**{"COLUMNS": "80", **env}),
        stdout=None if close_stdout else stdout,
        stderr=subprocess.PIPE,
        text=True,
        errors="backslashreplace",
        timeout=HANG_GUARD,
        preexec_fn=before_start if memory is not None or close_stdout else None,
    )


def run_effects(
    *args: str,
    cwd: Path,
    stdout: int | None = subprocess.PIPE,
    memory: int | None = None,
    close_stdout: bool = False,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """``python -m effects_cli args`` through `run`: the real program, its real exit."""
    return run(
        [*EFFECTS, *args], cwd=cwd, stdout=stdout, memory=memory, close_stdout=close_stdout, **env
    )


def on_terminal(
    *args: str,
    cwd: Path,
    columns: int = 80,
    lines: int = 24,
    no_pager: bool = True,
    keys: Sequence[bytes | int | tuple[str, bytes | int]] = (),
    stderr: int | None = subprocess.PIPE,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m effects_cli args`` with stdin and stdout on a pseudo-terminal of
    ``columns`` by ``lines`` (a window size, as a terminal has, not COLUMNS), stderr on a
    pipe. Returns the exit code, what reached the terminal byte for byte (the terminal
    adds no ``\\r`` before ``\\n``) and stderr. ``--no-pager`` goes first unless
    ``no_pager`` is false, so that nothing waits for a person. ``keys`` are typed one at
    a time, each once the program has drawn something and then been quiet for a moment
    (as a person types: a lone Escape is told from the start of a key's sequence by the
    pause after it); a key given as ``(text, key)`` waits until ``text`` has been drawn
    on the terminal (escape sequences aside) since the key before it, so that a busy machine cannot type ahead of what a
    person would have seen; a number instead of a key is a signal, sent to the program.
    ``stderr``: a file descriptor for it instead, or None to close it.
    POSIX only."""
    import fcntl
    import pty
    import struct
    import termios

    command = [*EFFECTS, *(["--no-pager"] if no_pager else []), *args]
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    attributes = termios.tcgetattr(secondary)
    attributes[1] &= ~termios.OPOST  # no \r added before \n: the bytes as written
    termios.tcsetattr(secondary, termios.TCSANOW, attributes)
    try:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=environment(**{"TERM": "xterm-256color", **env}),
            stdin=secondary,
            stdout=secondary,
            stderr=stderr,
            preexec_fn=(lambda: os.close(2)) if stderr is None else None,
        )
    finally:
        os.close(secondary)
    shown = bytearray()
    typed = 0
    try:
        # Read until the program (and any pager) closes the terminal, so it never blocks;
        # type the next key once it has drawn something, or has been quiet a moment.
        deadline = time.monotonic() + HANG_GUARD
        since = 0  # where the screen stood when the last key was typed
        while True:
            key = keys[typed] if typed < len(keys) else None
            seen, key = key if isinstance(key, tuple) else ("", key)
            drawn = _CONTROL_SEQUENCE.sub(b"", shown[since:])  # as `screen_text` reads it
            waiting = key is not None and seen.encode() in drawn and bool(shown)
            ready = select.select([primary], [], [], KEY_PAUSE if waiting else HANG_GUARD)[0]
            if time.monotonic() > deadline or not (ready or waiting):
                process.kill()
                process.communicate()
                pytest.fail("still running after a minute: hung")
            if not ready and key is not None:
                if isinstance(key, int):
                    process.send_signal(key)
                else:
                    os.write(primary, key)
                typed, since = typed + 1, len(shown)
                continue
            try:
                chunk = os.read(primary, 65536)
            except OSError as error:  # EIO: the other side has closed the terminal
                assert error.errno == errno.EIO
                break
            if not chunk:
                break
            shown += chunk
        _, errors = process.communicate(timeout=HANG_GUARD)
    finally:
        os.close(primary)
    told = (errors or b"").decode()
    return subprocess.CompletedProcess(command, process.returncode, shown.decode(), told)


def screen_text(output: str) -> str:
    """What a full-screen program drew, its escape sequences taken out (the characters in
    the order they were written, not laid out on a screen)."""
    return _CONTROL_SEQUENCE.sub(b"", output.encode()).decode()


def cache_files() -> list[Path]:
    """The cache files effects has written (into the test's own cache folder)."""
    from effects_cli import cache

    folder = cache.cache_folder()
    return sorted(folder.glob(f"*{cache.SUFFIX}")) if folder.exists() else []


# --- what every output must be ------------------------------------------------------------------

ESC = "\x1b"
SGR = re.compile(r"\x1b\[[0-9;]*m")
"""The only escape sequences effects itself writes: colour and style."""
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""What must never reach the output: control characters (ESC among them) other than tab
and line feed, bidirectional embeddings, overrides and isolates, line and paragraph
separators."""
MESSAGE = re.compile(r"effects: [^\n]+\n")
"""A message: one line on stderr, named after the program."""
CORRECTION = re.compile(r'No match for "[^\n]*"; showing results for "[^\n]*"\.\n')
"""The note `effects search` writes when it searched for the guide word closest to a typo."""
MORE_HITS = re.compile(r"\d+ of \d+ hits shown; --limit \d+ shows them all\.\n")
"""The note `effects search` writes in a pipe when --limit left hits out."""


def assert_safe(output: str) -> None:
    """Nothing raw in ``output`` once effects' own colour codes are taken out."""
    found = RAW.search(SGR.sub("", output))
    assert found is None, f"raw {found.group()!r} in output"


def assert_clean_failure(result: Result, codes: set[int]) -> None:
    """An exit code from ``codes`` and one line on stderr, or success and a stderr silent
    but for search's notes of the words it corrected and of the hits it left out."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    if result.exit_code == 0:
        notes = result.stderr.splitlines(True)
        assert all(CORRECTION.fullmatch(line) or MORE_HITS.fullmatch(line) for line in notes)
    else:
        assert result.exit_code in codes, (result.exit_code, result.stderr)
        assert MESSAGE.fullmatch(result.stderr), result.stderr


def squeezed(text: str) -> str:
    """``text`` without any blank space: the words, whatever width folded them."""
    return "".join(text.split())


# --- small guides ----------------------------------------------------------------------------

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
"""Two sections, three sub-points, every optional part (indented: `write_guide` dedents)."""

ONE_SECTION = (
    "sections:\n  - title: S\n    text: s\n    points:\n      - title: P\n        text: p\n"
)
"""A valid ``sections`` of one section and one sub-point, to follow a title under test."""
