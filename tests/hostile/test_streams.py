"""Where the output goes, round two: unbuffered and non-blocking stdout, an unwritable
stderr. Every byte is written or the exit code says it was not; a message that cannot be
written never changes the exit code or costs the output."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.helpers import EFFECTS, HANG_GUARD
from tests.helpers import environment as cleaned


def environment(**extra: str) -> dict[str, str]:
    return cleaned(COLUMNS="80", **extra)


@pytest.fixture(scope="module")
def big_guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A guide whose text is far more than a pipe holds (half a megabyte)."""
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    points = "".join(f"      - {{title: P{n}, text: {'word ' * 200}}}\n" for n in range(10))
    sections = "".join(
        f"  - title: S{n}\n    text: {'text ' * 100}\n    points:\n{points}" for n in range(50)
    )
    path.write_text(f"title: Big\nsections:\n{sections}", encoding="utf-8")
    return path


def effects_argv(*args: str) -> list[str]:
    return [*EFFECTS, *args]


@pytest.mark.posix
@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "PYTHONUNBUFFERED"])
def test_a_reader_that_leaves_early_is_exit_141_either_way(
    big_guide: Path, tmp_path: Path, unbuffered: str
) -> None:
    """``effects read | head -c 10``: the reader leaves after ten bytes."""
    env = environment(XDG_CACHE_HOME=str(tmp_path), PYTHONUNBUFFERED=unbuffered)
    process = subprocess.Popen(
        effects_argv("--guide", str(big_guide), "read"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    assert len(process.stdout.read(10)) == 10
    process.stdout.close()
    assert process.wait(timeout=HANG_GUARD) == 141
    with process.stderr:
        assert process.stderr.read() == b""


@pytest.mark.posix
@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "PYTHONUNBUFFERED"])
def test_a_slow_reader_of_a_non_blocking_pipe_gets_every_byte(
    big_guide: Path, tmp_path: Path, unbuffered: str
) -> None:
    env = environment(XDG_CACHE_HOME=str(tmp_path), PYTHONUNBUFFERED=unbuffered)
    expected = subprocess.run(
        effects_argv("--guide", str(big_guide), "read"), capture_output=True, env=env
    ).stdout
    assert len(expected) > 500_000
    reader, writer = os.pipe()
    os.set_blocking(writer, False)  # the descriptor effects inherits as stdout
    process = subprocess.Popen(
        effects_argv("--guide", str(big_guide), "read"),
        stdout=writer,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(writer)
    received = bytearray()

    def read_slowly() -> None:
        while chunk := os.read(reader, 4096):
            received.extend(chunk)
            time.sleep(0.0005)

    thread = threading.Thread(target=read_slowly)
    thread.start()
    assert process.wait(timeout=HANG_GUARD) == 0
    thread.join(timeout=HANG_GUARD)
    os.close(reader)
    assert process.stderr is not None
    with process.stderr:
        assert process.stderr.read() == b""
    assert bytes(received) == expected


@pytest.mark.linux
@pytest.mark.parametrize(
    ("args", "code"),
    [
        pytest.param(["--guide", "/nonexistent", "list"], 3, id="bad-guide"),
        pytest.param(["tip", "--seed", "x"], 2, id="usage"),
        pytest.param(["show", "99"], 1, id="not-found"),
        pytest.param(["--guide", "/nonexistent", "search", "x"], 3, id="search-bad-guide"),
    ],
)
def test_an_unwritable_stderr_keeps_the_errors_own_exit_code(
    tmp_path: Path, args: list[str], code: int
) -> None:
    env = environment(XDG_CACHE_HOME=str(tmp_path))
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            effects_argv(*args), stdout=subprocess.PIPE, stderr=full, env=env, timeout=HANG_GUARD
        )
    assert (result.returncode, result.stdout) == (code, b"")
    # With the reader of both streams gone (`2>&1 | true`): still the error's own code.
    reader, writer = os.pipe()
    os.close(reader)
    try:
        gone = subprocess.run(
            effects_argv(*args), stdout=writer, stderr=writer, env=env, timeout=HANG_GUARD
        )
    finally:
        os.close(writer)
    assert gone.returncode == code


@pytest.mark.linux
def test_a_note_that_cannot_be_written_costs_nothing(tmp_path: Path) -> None:
    """``search meditaton -n 1 2>/dev/full``: the typo note is lost, the results are not."""
    env = environment(XDG_CACHE_HOME=str(tmp_path))
    expected = subprocess.run(
        effects_argv("search", "meditaton", "-n", "1"), capture_output=True, env=env, text=True
    )
    assert expected.stderr.startswith("No match for")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            effects_argv("search", "meditaton", "-n", "1"),
            stdout=subprocess.PIPE,
            stderr=full,
            env=env,
            text=True,
            timeout=HANG_GUARD,
        )
    assert (result.returncode, result.stdout) == (0, expected.stdout)
    assert result.stdout.startswith("7  Inspiring Positive Behavioral Changes")
