"""The fast path prints what the full program prints, byte for byte, or leaves it to it.

`effects_cli.warm` answers `tip`, `show`, `list` from the bytes the full program kept;
`--no-cache` always runs the full program, so it is the reference. Here every entry of
the bundled guide is printed both ways, at several widths, colour settings and themes,
and the bytes compared; then what must send a run to the full program does (a changed
guide, view or program, an error to report, output that would be paged).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from random import Random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from effects_cli import warm
from tests.helpers import (
    EFFECTS,
    Invoke,
    environment,
    in_process,
    on_terminal,
    run,
)
from tests.test_cache import modules_after

VIEWS = [
    pytest.param({"COLUMNS": "80"}, [], id="80-plain"),
    pytest.param({"COLUMNS": "40"}, ["--color", "always"], id="40-colour"),
    pytest.param(
        {"COLUMNS": "100", "NO_COLOR": "1"}, ["--color", "always"], id="100-NO_COLOR-colour"
    ),
    pytest.param(
        {"COLUMNS": "60", "EFFECTS_THEME": "light", "FORCE_COLOR": "1"}, [], id="60-light"
    ),
    pytest.param({"COLUMNS": "25", "FORCE_COLOR": "1", "NO_COLOR": "1"}, [], id="25-mono"),
]
"""Views of the output: width, colour settings, theme (and so key)."""


def commands(guide_refs: list[str]) -> list[list[str]]:
    """Every command the fast path answers for the bundled guide."""
    shown = [["show", ref] for ref in guide_refs]
    tips = [["tip", "--seed", str(seed)] for seed in (1, 7, -3)]
    shorts = [["tip", "--short", "--seed", str(seed)] for seed in (2, 9)]
    return [
        *shown,
        *tips,
        *shorts,
        ["tip", "--section", "4", "--seed", "5"],
        ["list"],
        ["list", "--tree"],
    ]


def replayed(argv: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> bytes | None:
    """What the fast path replays for ``argv`` to a file (as to a pipe), or None if no
    replay holds it (and the run goes on to `effects_cli.warm.direct`)."""
    from effects_cli.warm.request import read

    out = tmp_path / "stdout"
    with out.open("w", encoding="utf-8") as stream, monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", stream)
        request = read(argv)
        text = warm.replayed(request) if request is not None else None
    assert out.read_bytes() == b""  # a replay only says what to print
    return text


@pytest.mark.posix
@pytest.mark.parametrize(("env", "options"), VIEWS)
def test_every_entry_is_replayed_as_the_full_program_prints_it(
    invoke: Invoke,
    guide,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    env: dict[str, str],
    options: list[str],
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    refs = [entry.ref for entry in guide.entries()]
    first = invoke(*options, "show", "4")  # the full program: keeps every view of a small guide
    assert first.exit_code == 0
    for argv in commands(refs):
        reference = invoke(*options, "--no-cache", *argv)
        assert reference.exit_code == 0, (argv, reference.stderr)
        again = replayed([*options, *argv], monkeypatch, tmp_path)
        assert again == reference.stdout_bytes, argv


def test_a_daily_tip_is_replayed_as_picked_today(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert invoke("tip", "--daily").exit_code == 0
    for argv in (["tip", "--daily"], ["tip", "--daily", "--short"]):
        assert replayed(argv, monkeypatch, tmp_path) == invoke("--no-cache", *argv).stdout_bytes


ANSWERED_DIRECTLY = [
    pytest.param(["show", "11"], id="no-such-section"),
    pytest.param(["show", "4.9"], id="no-such-point"),
    pytest.param(["show", "abc"], id="not-a-reference"),
    pytest.param(["show", "-1"], id="a-negative-reference"),
    pytest.param(["tip", "--section", "99"], id="no-such-section-to-pick-from"),
    pytest.param(["search", "stigma"], id="search"),
    pytest.param(["search", "peer", "support", "-n", "2"], id="search-limit"),
    pytest.param(["search", "--section", "3", "support"], id="search-a-section"),
    pytest.param(["search", "support", "--section", "99"], id="search-no-such-section"),
    pytest.param(["search", "stgima"], id="search-a-slip"),
    pytest.param(["search", "qzxv"], id="search-nothing-covers"),
    pytest.param(["search", "the"], id="search-a-word-in-every-entry"),
    pytest.param(["search", "how", "can", "I", "raise", "money"], id="search-a-question"),
    pytest.param(["search", "--no-color", "--", "-stigma"], id="search-after-dashes"),
    pytest.param(["--guide", "mine", "show", "4"], id="a-name-no-folder-has"),
]
"""What no replay holds but the fast path answers without Typer (`effects_cli.warm.direct`)."""


@pytest.mark.parametrize("argv", ANSWERED_DIRECTLY)
def test_what_no_replay_holds_is_not_replayed(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str]
) -> None:
    invoke("show", "4")  # every view of the bundled guide kept
    assert replayed(argv, monkeypatch, tmp_path) is None


@pytest.mark.parametrize("argv", ANSWERED_DIRECTLY)
def test_the_direct_answer_is_the_full_programs(tmp_path: Path, argv: list[str]) -> None:
    """Stdout, stderr and exit code, byte for byte, as `--no-cache` (the full program)
    answers, the second run (the cache warm) as the first."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data")}
    reference = run([*EFFECTS, "--no-cache", *argv], cwd=tmp_path, **env)
    for _ in range(2):
        answered = run([*EFFECTS, *argv], cwd=tmp_path, **env)
        assert (answered.stdout, answered.stderr, answered.returncode) == (
            reference.stdout,
            reference.stderr,
            reference.returncode,
        )


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["tip", "--daily", "--seed", "1"], id="usage-error"),
        pytest.param(["--pager", "show", "4"], id="asked-for-a-pager"),
        pytest.param(["--no-cache", "show", "4"], id="no-cache"),
        pytest.param(["show", "4", "--json"], id="json"),
        pytest.param(["show", "--help"], id="help"),
        pytest.param(["search", "--json", "stigma"], id="search-json"),
        pytest.param(["search", "--regex", "stig"], id="search-regex"),
        pytest.param(["search", "--all", "stigma"], id="search-all"),
        pytest.param(["search", "-1"], id="search-an-option-it-is-not"),
        pytest.param(["search", "-n=2", "stigma"], id="search-short-option-with-equals"),
        pytest.param(["search", "-n", "0", "stigma"], id="search-limit-out-of-range"),
        pytest.param(["search", "!!", "--"], id="search-no-words"),
        pytest.param(["search"], id="search-nothing"),
        pytest.param(["read"], id="read"),
        pytest.param(["show", "-1", "--"], id="a-negative-reference-before-dashes"),
        pytest.param(["show", "4", "--bogus"], id="unknown-option"),
        pytest.param(["--color", "purple", "show", "4"], id="bad-colour"),
        pytest.param(["--guide", "", "show", "4"], id="empty-guide"),
    ],
)
def test_what_the_fast_path_is_not_sure_of_goes_to_the_full_program(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str]
) -> None:
    invoke("show", "4")
    out = tmp_path / "stdout"
    with out.open("w", encoding="utf-8") as stream, monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", stream)
        assert warm.run(argv) is None
    assert out.read_bytes() == b""  # nothing printed before leaving it


@pytest.mark.parametrize(
    ("change", "env"),
    [
        pytest.param("width", {"COLUMNS": "79"}, id="width"),
        pytest.param("colour", {"FORCE_COLOR": "1"}, id="colour"),
        pytest.param("theme", {"EFFECTS_THEME": "light"}, id="theme"),
        pytest.param("limit", {"EFFECTS_MAX_GUIDE_BYTES": "1000000"}, id="size-limit"),
        pytest.param("bad theme", {"EFFECTS_THEME": "pink"}, id="a-theme-to-report"),
        pytest.param("bad limit", {"EFFECTS_MAX_GUIDE_BYTES": "x"}, id="a-limit-to-report"),
    ],
)
def test_another_view_is_another_key(
    invoke: Invoke,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    change: str,
    env: dict[str, str],
) -> None:
    invoke("show", "4")
    assert replayed(["show", "4"], monkeypatch, tmp_path) is not None
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert replayed(["show", "4"], monkeypatch, tmp_path) is None, change


def test_an_edited_guide_is_never_replayed_stale(
    invoke: Invoke, write_guide, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.helpers import SMALL_GUIDE

    path = write_guide(SMALL_GUIDE)
    invoke("--guide", str(path), "show", "1.1")
    assert b"Alpha point" in (
        replayed(["--guide", str(path), "show", "1.1"], monkeypatch, tmp_path) or b""
    )
    before = path.stat()
    path.write_text(path.read_text().replace("Alpha point", "Omega point"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, old time put back
    assert replayed(["--guide", str(path), "show", "1.1"], monkeypatch, tmp_path) is None
    assert "Omega point" in invoke("--guide", str(path), "show", "1.1").stdout


def test_a_guide_by_name_is_replayed_and_follows_its_name(
    invoke: Invoke, guide_folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``EFFECTS_GUIDE=NAME`` (one's own guide at every shell's start) is found with a few
    stat calls and replayed; when the name comes to mean another file (one in an earlier
    folder), the other file's is printed, never the old one's."""
    import textwrap

    from tests.helpers import SMALL_GUIDE

    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "mine.yaml").write_text(textwrap.dedent(SMALL_GUIDE), encoding="utf-8")
    monkeypatch.setenv("EFFECTS_PATH", str(extra))
    monkeypatch.setenv("EFFECTS_GUIDE", "mine")
    for argv in (["show", "1.1"], ["tip", "--seed", "2"], ["--guide", "mine", "list"]):
        invoke(*argv)  # the full program: keeps every view of a small guide
        reference = invoke("--no-cache", *argv)
        assert reference.exit_code == 0, reference.stderr
        assert replayed(argv, monkeypatch, tmp_path) == reference.stdout_bytes, argv
    (guide_folder / "mine.md").write_text(
        "# Mine\n\n## 1. S\n\ns\n\n### 1.1 Omega point\n\np\n", encoding="utf-8"
    )
    assert replayed(["show", "1.1"], monkeypatch, tmp_path) is None
    assert invoke("show", "1.1").stdout.startswith("1.1  Omega point")
    assert b"Omega point" in (replayed(["show", "1.1"], monkeypatch, tmp_path) or b"")


def test_a_damaged_replay_is_not_printed(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each text kept is checked on its own: a damaged one is left to the full program,
    the others are still printed."""
    import marshal

    from effects_cli.warm.replay import MAGIC
    from tests.helpers import cache_files

    invoke("show", "4")
    (view,) = [path for path in cache_files() if path.name.startswith("view-")]
    data = bytearray(view.read_bytes())
    length = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 4], "big")
    start = len(MAGIC) + 4
    _, _, _, table, _ = marshal.loads(bytes(data[start : start + length]))
    offset, size, _ = table["show:4.2"]
    data[start + length + 4 + offset + size // 2] ^= 0x20  # a byte of show 4.2's text
    view.write_bytes(bytes(data))
    assert replayed(["show", "4.2"], monkeypatch, tmp_path) is None
    assert replayed(["show", "4.1"], monkeypatch, tmp_path) == invoke("show", "4.1").stdout_bytes
    assert invoke("show", "4.2").stdout_bytes == invoke("--no-cache", "show", "4.2").stdout_bytes


@pytest.mark.posix
@pytest.mark.parametrize(
    "args", [["tip"], ["tip", "--daily", "--short"], ["show", "4.2"], ["list", "--tree"]]
)
def test_the_fast_path_imports_neither_typer_nor_rich(tmp_path: Path, args: list[str]) -> None:
    modules_after(tmp_path, *args)  # the full program: parses, keeps
    warm_run = modules_after(tmp_path, *args)
    assert not {
        name for name in warm_run if name.split(".")[0] in {"typer", "rich", "yaml", "click"}
    }
    assert "effects_cli.cli" not in warm_run and "effects_cli.warm" in warm_run


@pytest.mark.posix
def test_a_guide_by_name_on_the_fast_path_imports_neither_typer_nor_rich(
    tmp_path: Path, guide_folder: Path
) -> None:
    import textwrap

    from tests.helpers import SMALL_GUIDE

    (guide_folder / "mine.yaml").write_text(textwrap.dedent(SMALL_GUIDE), encoding="utf-8")
    modules_after(tmp_path, "--guide", "mine", "tip")  # the full program: parses, keeps
    warm_run = modules_after(tmp_path, "--guide", "mine", "tip")
    assert not {name for name in warm_run if name.split(".")[0] in {"typer", "rich", "click"}}
    assert "effects_cli.cli" not in warm_run and "effects_cli.names" in warm_run
    assert "effects_cli.library" not in warm_run  # no folder listed, nothing but os loaded


@pytest.mark.posix
@pytest.mark.parametrize(
    "args", [["show", "4.2"], ["list", "--tree"], ["tip", "--seed", "3", "--short"]]
)
def test_on_a_terminal_the_replay_is_what_the_full_program_prints(
    tmp_path: Path, args: list[str]
) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "TERM": "xterm-256color"}
    reference = on_terminal("--no-cache", *args, cwd=tmp_path, columns=70, lines=100, **env)
    kept = on_terminal(*args, cwd=tmp_path, columns=70, lines=100, **env)
    again = on_terminal(*args, cwd=tmp_path, columns=70, lines=100, **env)
    assert reference.returncode == kept.returncode == again.returncode == 0
    assert "\x1b[" in reference.stdout  # colour: it is a terminal
    assert again.stdout == kept.stdout == reference.stdout


@pytest.mark.posix
def test_output_taller_than_the_window_is_paged_by_the_full_program(tmp_path: Path) -> None:
    """``show 4`` is taller than a 10-line window: the replay leaves it to the pager."""
    pager = tmp_path / "pager.sh"
    paged = tmp_path / "paged.txt"
    pager.write_text(f'#!/bin/sh\ncat > "{paged}"\n')
    pager.chmod(0o755)
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "EFFECTS_PAGER": str(pager)}
    on_terminal("show", "4.1", cwd=tmp_path, columns=80, lines=100, **env)  # kept
    shown = on_terminal("show", "4", cwd=tmp_path, columns=80, lines=10, no_pager=False, **env)
    assert shown.returncode == 0 and shown.stdout == ""
    assert "Reducing the Stigma" in paged.read_text()


@pytest.mark.posix
def test_a_reader_that_leaves_is_141_on_the_fast_path_too(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    run([*EFFECTS, "list"], cwd=tmp_path, **env)
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = run([*EFFECTS, "list"], cwd=tmp_path, stdout=writer, **env)
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (141, "")


def test_a_stream_without_a_descriptor_goes_to_the_full_program(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke("show", "4")
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert warm.run(["show", "4"]) is None


def test_the_full_programs_own_runs_never_go_through_the_fast_path() -> None:
    """CliRunner runs the app itself: the reference is the full program, always."""
    assert in_process("--no-cache", "show", "4").exit_code == 0
    assert environment()  # (the helpers' clean environment is what subprocess tests use)


def test_tomorrows_daily_tip_is_tomorrows(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, today
) -> None:
    """The fast path reads the tip of the day from the days kept ahead, by the clock."""
    import datetime
    import time

    invoke("tip", "--daily")
    for ahead in (0, 1, 30):
        day = datetime.date.today() + datetime.timedelta(days=ahead)
        clock = time.struct_time((day.year, day.month, day.day, 12, 0, 0, 0, 1, -1))
        monkeypatch.setattr(time, "localtime", lambda *_, clock=clock: clock)
        today(day)  # what the full program sees
        for argv in (["tip", "--daily"], ["tip", "--daily", "--short"]):
            assert replayed(argv, monkeypatch, tmp_path) == invoke(*argv).stdout_bytes, ahead


@pytest.mark.parametrize("args", [["search", "stigma"], ["search", "stgima"], ["show", "4.2"]])
def test_the_direct_answer_imports_no_typer(tmp_path: Path, args: list[str]) -> None:
    modules_after(tmp_path, "search", "stigma")  # the first run: parses, keeps, indexes
    modules_after(tmp_path, *args)
    for replay in (tmp_path / "cache").rglob("view-*"):  # no replay: answered directly
        replay.unlink()
    warm_run = modules_after(tmp_path, *args)
    assert not {name for name in warm_run if name.split(".")[0] in {"typer", "click", "yaml"}}
    assert "effects_cli.warm.direct" in warm_run


def _large_guide(sections: int, points: int) -> str:
    """A guide of more entries than the fast path lays out all at once."""
    lines = ["title: A Large Guide", "sections:"]
    for number in range(1, sections + 1):
        lines += [f"  - title: Section {number}", f"    text: The text of section {number}."]
        lines.append("    points:")
        for point in range(1, points + 1):
            lines += [
                f"      - title: Point {number}.{point}",
                f"        text: The text of point {number}.{point}, which is about it.",
            ]
    return "\n".join(lines) + "\n"


def _tips_ahead() -> tuple[str, ...]:
    """The names of the tips picked ahead, as the one replay file's header holds them."""
    import marshal

    from effects_cli.warm.replay import MAGIC
    from tests.helpers import cache_files

    (view,) = [path for path in cache_files() if path.name.startswith("view-")]
    data = view.read_bytes()
    length = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 4], "big")
    header = marshal.loads(data[len(MAGIC) + 4 : len(MAGIC) + 4 + length])
    return header[4][1]


def _taken() -> list[int]:
    """How many tips ahead were taken, as the counter files say."""
    from tests.helpers import cache_files

    files = [file for file in cache_files() if file.name.startswith("taken-")]
    return [int.from_bytes(file.read_bytes()[8:], "big") for file in files]


@pytest.mark.parametrize("options", [[], ["--short"]], ids=["tip", "tip-short"])
def test_a_large_guides_random_tips_are_picked_and_laid_out_ahead(
    invoke: Invoke,
    write_guide,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    options: list[str],
) -> None:
    from effects_cli.warm.keeper import ALL_VIEWS_UP_TO, TIPS_AHEAD

    path = write_guide(_large_guide(sections=40, points=9))  # 400 entries
    assert ALL_VIEWS_UP_TO < 400
    argv = ["--guide", str(path), "tip", *options]
    invoke(*argv)  # picks one, and the next ones ahead
    ahead = _tips_ahead()
    assert TIPS_AHEAD - 3 <= len(ahead) <= TIPS_AHEAD  # sixteen picks; a few may coincide
    kind = "short" if options else "show"
    for taken, name in enumerate(ahead, start=1):  # each taken once, in turn
        text = replayed(argv, monkeypatch, tmp_path)
        assert text is not None
        assert _taken() == [taken]
        # As the full program prints that sub-point, picked by a seed.
        section, point = map(int, name.removeprefix(f"{kind}:").split("."))
        seed = next(seed for seed in range(999) if Random(seed).choice(range(9)) == point - 1)
        picked = ["--section", str(section), "--seed", str(seed)]
        assert text == invoke("--no-cache", *argv, *picked).stdout_bytes
    invoke(*argv)  # the picks taken, a tip picked and laid out anew, with more ahead
    assert _tips_ahead() != ahead
    assert replayed(argv, monkeypatch, tmp_path) is not None
    assert _taken() == [1]


def test_tips_ahead_are_only_for_a_tip_of_the_whole_guide(
    invoke: Invoke, write_guide, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write_guide(_large_guide(sections=40, points=9))
    invoke("--guide", str(path), "tip")
    for argv in (["tip", "--short"], ["tip", "--section", "3"], ["tip", "--daily"]):
        replayed(["--guide", str(path), *argv], monkeypatch, tmp_path)  # may hold it, or not
        assert _taken() == [], argv
    assert replayed(["--guide", str(path), "tip"], monkeypatch, tmp_path) is not None
    assert _taken() == [1]


def test_a_tip_ahead_is_taken_only_once_printed(
    invoke: Invoke, write_guide, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write_guide(_large_guide(sections=40, points=9))
    argv = ["--guide", str(path), "tip"]
    invoke(*argv)
    with monkeypatch.context() as patch:
        patch.setattr(warm, "_would_page", lambda request, text: True)  # a short window
        assert replayed(argv, monkeypatch, tmp_path) is None
    assert _taken() == []  # not printed: not taken
    assert replayed(argv, monkeypatch, tmp_path) is not None
    assert _taken() == [1]


def test_an_edited_guide_replaces_its_replay_file(
    invoke: Invoke, write_guide, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.helpers import SMALL_GUIDE, cache_files

    path = write_guide(SMALL_GUIDE)
    for edit in range(3):
        path.write_text(SMALL_GUIDE.replace("Alpha point", f"Alpha point {edit}"))
        invoke("--guide", str(path), "show", "1.1")
        shown = replayed(["--guide", str(path), "show", "1.1"], monkeypatch, tmp_path) or b""
        assert f"Alpha point {edit}".encode() in shown
    assert len([file for file in cache_files() if file.name.startswith("view-")]) == 1


def test_another_version_or_size_limit_replaces_the_replay_file(
    invoke: Invoke, write_guide, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The file is named by the guide and the output's view alone: an upgrade (or another
    size limit) starts it again in the same file, rather than leaving the old one."""
    from effects_cli.warm import view
    from tests.helpers import SMALL_GUIDE, cache_files

    path = write_guide(SMALL_GUIDE)
    invoke("--guide", str(path), "show", "1.1")
    monkeypatch.setattr(view, "__version__", "99.0")
    invoke("--guide", str(path), "show", "1.1")
    invoke("--guide", str(path), "show", "1.1", env={"EFFECTS_MAX_GUIDE_BYTES": "100000"})
    views = [file for file in cache_files() if file.name.startswith("view-")]
    assert len(views) == 1
    assert replayed(["--guide", str(path), "show", "1.1"], monkeypatch, tmp_path) is None


_NUMBERS = st.sampled_from(["3", "-2", "x", "99", "+1", "007", "0", " 2", "99999999999999999999"])


def _valued(*names: str) -> st.SearchStrategy[list[str]]:
    """An option with a number, as two words or one (``-n 3``, ``-n=3``, ``--limit=3``)."""
    return st.tuples(st.sampled_from(names), _NUMBERS, st.booleans()).map(
        lambda option: [f"{option[0]}={option[1]}"] if option[2] else list(option[:2])
    )


_GLOBALS = st.one_of(
    st.just(["--no-color"]),
    st.just(["--no-pager"]),
    st.sampled_from(["always", "never", "auto", "purple"]).map(lambda c: ["--color", c]),
    st.sampled_from(["always", "never"]).map(lambda c: [f"--color={c}"]),
)
_OWN = {
    "show": st.sampled_from([["4"], ["4.2"], ["11"], ["-1"], ["abc"], ["4."], ["--"], ["--json"]]),
    "tip": st.one_of(
        st.sampled_from([["--short"], ["--daily"], ["--bogus"]]),
        _valued("--seed", "--section", "-s"),
    ),
    "list": st.sampled_from([["--tree"], ["-t"], ["extra"], ["--tree=1"]]),
    "search": st.one_of(
        st.sampled_from([["stigma"], ["peer"], ["support"], ["-x"], ["--"], ["qzxv"]]),
        _valued("-n", "--limit", "-s", "--section"),
    ),
}


@st.composite
def _command_lines(draw: st.DrawFn) -> list[str]:
    """Command lines of the verbs the fast path reads, right and wrong, in any order."""
    verb = draw(st.sampled_from(sorted(_OWN)))
    before = draw(st.lists(_GLOBALS, max_size=2))
    after = draw(st.lists(_OWN[verb], max_size=3))
    for option in draw(st.lists(_GLOBALS, max_size=1)):  # global options follow it too
        after.insert(draw(st.integers(0, len(after))), option)
    argv = [word for part in before for word in part] + [verb]
    argv += [word for part in after for word in part]
    if verb == "tip" and not {"--seed", "--daily"} & set(argv):
        argv += ["--seed", "5"]  # a random tip is another tip each run
    return argv


@pytest.mark.posix
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argv=_command_lines())
def test_any_command_line_gets_what_the_full_program_answers(
    warm_cache: dict[str, str], argv: list[str]
) -> None:
    """Whatever the fast path makes of a command line (a replay, a direct answer, or the
    full program), stdout, stderr and exit code are what ``--no-cache`` gives."""
    reference = run([*EFFECTS, "--no-cache", *argv], cwd=Path(warm_cache["HOME"]), **warm_cache)
    answered = run([*EFFECTS, *argv], cwd=Path(warm_cache["HOME"]), **warm_cache)
    assert (answered.stdout, answered.stderr, answered.returncode) == (
        reference.stdout,
        reference.stderr,
        reference.returncode,
    )


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A cache folder with every view of the bundled guide kept (for the fast path)."""
    home = tmp_path_factory.mktemp("warm")
    env = {
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    run([*EFFECTS, "show", "4"], cwd=home, **env)
    return env


UTF8, LATIN1 = ("utf-8", "strict"), ("iso8859-1", "strict")


@pytest.mark.parametrize(
    ("text", "encoding", "replayed_as_is"),
    [
        pytest.param(
            b"4.2  Title\n\ttext, caf\xc3\xa9 \xe2\x80\x99 \xc2\xa0\n", UTF8, True, id="text"
        ),
        pytest.param(b"\x1b[1;36m4.2\x1b[0m  \x1b[1mTitle\x1b[0m\n", UTF8, True, id="colour"),
        pytest.param(b"\x1b]0;PWNED\x07title\n", UTF8, False, id="window-title"),
        pytest.param(b"\x1b[2Jcleared\n", UTF8, False, id="screen-clear"),
        pytest.param(b"\x1b[31", UTF8, False, id="unfinished"),
        pytest.param(b"\x1bc", UTF8, False, id="reset"),
        pytest.param(b"bell\x07\n", UTF8, False, id="bell"),
        pytest.param(b"line\r\n", UTF8, False, id="carriage-return"),
        pytest.param("\u009b2J".encode(), UTF8, False, id="c1-csi"),
        pytest.param("evil\u202etxt.exe".encode(), UTF8, False, id="bidi-override"),
        pytest.param(b"\xff\xfe title\n", UTF8, False, id="not-utf-8"),
        pytest.param(b"\xc0\x9b2J overlong\n", UTF8, False, id="overlong-csi"),
        pytest.param(b"caf\xe9\n", LATIN1, True, id="latin-1-text"),
        pytest.param(b"\x9b2J\x9d0;owned\x9c\n", LATIN1, False, id="latin-1-c1"),
    ],
)
def test_only_what_the_full_program_prints_is_replayed(
    text: bytes, encoding: tuple[str, str], replayed_as_is: bool
) -> None:
    """A replay file is the user's own and private; still, bytes read back from it that
    could drive the terminal (anything but colour codes, tabs and line breaks) are not
    printed: the full program runs instead, as the cached guide's text is defused. The
    bytes are read as characters in the view's encoding: in Latin-1, 0x9b is CSI."""
    from effects_cli.warm import replay

    key = ("/guides/g.yaml", 1, 2, 80, "colour", "dark", True, encoding)
    replay.keep(key, (1,), {"show:1.1": text})
    kept = replay.open_replay(key)
    assert kept is not None
    try:
        assert kept.text("show:1.1") == (text if replayed_as_is else None)
    finally:
        kept.close()
