"""``effects browse`` as a person runs it: the real program on a pseudo-terminal, keys typed;
and without a terminal, a usage error before Textual is even imported."""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

import pytest

from effects_cli.cli.browse import missing_terminal
from tests.browse.screens import stigma
from tests.helpers import BUNDLED_YAML, ESC, REPO, on_terminal, run, screen_text
from tests.messages import typed
from tests.test_cache import MODULES_AFTER_RUN, modules_after

ENTER_SCREEN = "\x1b[?1049h"
LEAVE_SCREEN = "\x1b[?1049l"
"""The alternate screen, which a full-screen program takes and gives back."""
_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
_ATTRIBUTES = {1: "bold", 4: "underline", 7: "reverse"}


def styles_used(output: str) -> set[str]:
    """What the style codes in ``output`` ask for: ``colour`` (any colour but the terminal's
    default), ``bold``, ``underline``, ``reverse``."""
    used = set()
    for found in _SGR.finditer(output):
        codes = [int(code or 0) for code in re.split("[;:]", found.group(1))]
        while codes:
            code = codes.pop(0)
            if code in (38, 48, 58):  # a colour by number (5;n) or by value (2;r;g;b)
                del codes[: 2 if codes and codes[0] == 5 else 4]
                used.add("colour")
            elif 30 <= code <= 37 or 40 <= code <= 47 or 90 <= code <= 97 or 100 <= code <= 107:
                used.add("colour")
            elif code in _ATTRIBUTES:
                used.add(_ATTRIBUTES[code])
    return used


SEARCH_STIGMA = [b"/", b"stigma"]
"""``/``, then a word typed fast (as a paste arrives: one read, a key a character)."""
ESCAPE = b"\x1b"
"""Escape, alone: a moment passes before the next key."""


@pytest.mark.posix  # a pseudo-terminal
def test_it_draws_takes_keys_and_gives_the_terminal_back(tmp_path: Path) -> None:
    typing = [
        *SEARCH_STIGMA,
        (f"hit 1 of {len(stigma())}", b"\r"),
        ("for stigma", b"n"),
        (f"hit 2 of {len(stigma())}", b"?"),
        ("Keys", ESCAPE),
        (" quit", b"t"),
        ("random tip", b"q"),
    ]
    shown = on_terminal("browse", cwd=tmp_path, columns=100, lines=30, keys=typing)
    assert (shown.returncode, shown.stderr) == (0, "")  # drawn on the terminal, not on stderr
    screen = shown.stdout
    assert screen.count(ENTER_SCREEN) == screen.count(LEAVE_SCREEN) == 1
    assert screen.index(ENTER_SCREEN) < screen.index(LEAVE_SCREEN)
    assert "10 Dynamic Positive Effects of Social Media" in screen


@pytest.mark.posix
def test_kill_gives_the_terminal_back(tmp_path: Path) -> None:
    """``kill`` (SIGTERM) ends browse as ``q`` does: the full screen left, mouse reports
    off, the terminal out of raw mode (Textual's exit); exit 143, 128 plus the signal."""
    import signal

    typing = [*SEARCH_STIGMA, (f"hit 1 of {len(stigma())}", signal.SIGTERM)]
    shown = on_terminal("browse", cwd=tmp_path, columns=100, lines=30, keys=typing)
    assert (shown.returncode, shown.stderr) == (128 + signal.SIGTERM, "")
    screen = shown.stdout
    assert screen.count(ENTER_SCREEN) == screen.count(LEAVE_SCREEN) == 1
    assert screen.index(ENTER_SCREEN) < screen.index(LEAVE_SCREEN)
    assert "\x1b[?1000l" in screen[screen.index(ENTER_SCREEN) :]  # mouse reports off


@pytest.mark.posix
def test_keys_that_arrive_together_are_taken_in_order(tmp_path: Path) -> None:
    """Down and Enter in one read (typed fast, or pasted): Down chooses the second hit
    before Enter opens it."""
    typing = [*SEARCH_STIGMA, (f"hit 1 of {len(stigma())}", b"\x1b[B\r"), ("for stigma", b"q")]
    shown = on_terminal("browse", cwd=tmp_path, columns=100, lines=30, keys=typing)
    assert shown.returncode == 0, shown.stderr
    assert f"hit 2 of {len(stigma())} for stigma" in screen_text(shown.stdout)


@pytest.mark.posix
def test_the_screen_is_the_terminals_whatever_columns_and_lines_say(tmp_path: Path) -> None:
    shown = on_terminal(
        "browse", cwd=tmp_path, columns=100, lines=30, keys=[b"q"], COLUMNS="40", LINES="10"
    )
    assert shown.returncode == 0, shown.stderr
    assert "\x1b[30;" in shown.stdout  # the cursor goes to row 30: the terminal's height
    assert "Perhaps the strongest" in screen_text(shown.stdout)  # both panes: 100 wide


@pytest.mark.posix
@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        pytest.param([], {}, True, id="colour"),
        pytest.param([], {"NO_COLOR": "1"}, False, id="NO_COLOR"),
        pytest.param([], {"NO_COLOR": ""}, True, id="empty-NO_COLOR"),
        pytest.param(["--color", "never"], {}, False, id="color-never"),
        pytest.param(["--color", "always"], {"NO_COLOR": "1"}, True, id="color-always"),
    ],
)
def test_no_color_gives_a_monochrome_screen(
    tmp_path: Path, args: list[str], env: dict[str, str], coloured: bool
) -> None:
    """Monochrome: no colour at all, as the rest of effects decides it; bold and reverse stay."""
    typing = [*SEARCH_STIGMA, (f"hit 1 of {len(stigma())}", ESCAPE), (" quit", b"q")]
    shown = on_terminal(*args, "browse", cwd=tmp_path, columns=100, lines=30, keys=typing, **env)
    assert shown.returncode == 0, shown.stderr
    used = styles_used(shown.stdout)
    assert ("colour" in used) == coloured
    assert {"bold", "underline", "reverse"} <= used  # titles; the matches; the cursors


@pytest.mark.posix
def test_a_dumb_terminal_is_a_usage_error(tmp_path: Path) -> None:
    shown = on_terminal("browse", cwd=tmp_path, TERM="dumb")
    assert (shown.returncode, shown.stdout) == (2, "")
    assert shown.stderr == (
        "effects: browse needs a terminal: TERM=dumb cannot draw a screen."
        " See 'effects browse --help'.\n"
    )


@pytest.mark.posix
def test_a_guide_that_cannot_be_read_fails_before_the_screen(tmp_path: Path) -> None:
    shown = on_terminal("--guide", str(tmp_path / "absent.yaml"), "browse", cwd=tmp_path)
    assert shown.returncode == 3
    assert ESC not in shown.stdout  # no screen was drawn
    assert shown.stderr.endswith("absent.yaml: no such file\n")


def test_in_a_pipe_it_is_a_usage_error_and_loads_no_textual(tmp_path: Path) -> None:
    listing = tmp_path / "modules.txt"
    result = run([sys.executable, "-c", MODULES_AFTER_RUN, str(listing), "browse"], cwd=tmp_path)
    _, code, message = typed("browse-in-a-pipe")
    assert (result.returncode, result.stdout, result.stderr) == (code, "", message)
    assert not {name for name in listing.read_text().split() if name.startswith("textual")}


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["list"],
        ["show", "4"],
        ["tip"],
        ["search", "stigma"],
        ["read"],
        ["validate", str(BUNDLED_YAML)],
        ["cache", "path"],
        ["guides"],
        ["search", "--all", "stigma"],
        ["import", str(REPO / "docs" / "night-owls.txt")],
        ["--guide", str(REPO / "docs" / "night-owls.md"), "list"],
    ],
)
def test_other_commands_load_nothing_of_textual(tmp_path: Path, args: list[str]) -> None:
    loaded = modules_after(tmp_path, *args)
    # The full program (the command is there, only its screen is not), or the fast path
    # without Typer (`effects_cli.warm.direct`), which has no browse at all.
    assert "effects_cli.cli.browse" in loaded or "effects_cli.warm.direct" in loaded
    browsing = {name for name in loaded if name.startswith(("textual", "effects_cli.browse"))}
    assert browsing == set()


@pytest.mark.parametrize(
    ("term", "stdin", "stdout", "problem"),
    [
        pytest.param("xterm-256color", True, True, None, id="a-terminal"),
        pytest.param("", True, True, None, id="no-TERM"),
        pytest.param("xterm", True, False, "stdout is not one", id="stdout-piped"),
        pytest.param("xterm", False, True, "stdin is not one", id="stdin-piped"),
        pytest.param("xterm", False, False, "stdout is not one", id="both-piped"),
        pytest.param("dumb", True, True, "TERM=dumb cannot draw a screen", id="dumb"),
        pytest.param(" Dumb ", True, True, "TERM=dumb cannot draw a screen", id="dumb-any-case"),
    ],
)
def test_what_browse_needs(term: str, stdin: bool, stdout: bool, problem: str | None) -> None:
    assert missing_terminal(term, stdin, stdout) == problem


@pytest.mark.posix
@pytest.mark.parametrize("closed", [False, True], ids=["stderr-to-a-file", "stderr-closed"])
def test_it_draws_on_the_terminal_whatever_stderr_is(tmp_path: Path, closed: bool) -> None:
    """``2>log`` or ``2>&-``: Textual draws on stderr, which browse points at the terminal
    while the screen is up (closed, it once drew nowhere and never ended)."""
    log = tmp_path / "log"
    keys = [("Perhaps the strongest", b"q")]
    with log.open("wb") as file:
        stderr = None if closed else file.fileno()
        shown = on_terminal("browse", cwd=tmp_path, columns=100, lines=30, keys=keys, stderr=stderr)
    assert shown.returncode == 0
    assert shown.stdout.count(ENTER_SCREEN) == shown.stdout.count(LEAVE_SCREEN) == 1
    assert log.read_bytes() == b""  # nothing drawn into the file


@pytest.mark.posix
@pytest.mark.parametrize(
    ("env", "light"),
    [
        pytest.param({}, False, id="dark"),
        pytest.param({"EFFECTS_THEME": "light"}, True, id="EFFECTS_THEME-light"),
        pytest.param({"COLORFGBG": "0;15"}, True, id="a-white-terminal"),
    ],
)
def test_the_theme_is_that_of_every_command(
    tmp_path: Path, env: dict[str, str], light: bool
) -> None:
    """A light theme: the screen's backgrounds are light greys (xterm's 244-255), not dark."""
    shown = on_terminal("browse", cwd=tmp_path, columns=100, lines=30, keys=[b"q"], **env)
    assert shown.returncode == 0, shown.stderr
    greys = [
        int(grey) for grey in re.findall(r"\x1b\[48;5;(23[2-9]|24[0-9]|25[0-5])m", shown.stdout)
    ]
    assert greys
    assert (statistics.median(greys) >= 244) == light
