"""Hostile guide files: whatever --guide is fed, effects ends with one line naming the file
and exit 3; nothing in a guide runs code. The cases are the GUIDES and NOT_FILES tables of
tests/messages.py; the loader's tests run the same rows without the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import MESSAGE, ONE_SECTION, SMALL_GUIDE, Invoke
from tests.messages import GUIDES, MORE_PROBLEMS, NOT_FILES, MakePath, more_problems

COMMANDS = (
    ["list"],
    ["list", "--json"],
    ["show", "1"],
    ["search", "x"],
    ["tip"],
    ["read"],
    ["read", "--json"],
)
"""Every command that reads the guide fails the same way, JSON or not."""


@pytest.mark.parametrize(("data", "problem"), GUIDES)
def test_a_bad_guide_gets_one_line_naming_the_file_and_exit_3(
    invoke: Invoke, tmp_path: Path, data: bytes | str, problem: str, request: pytest.FixtureRequest
) -> None:
    path = tmp_path / "guide.yaml"
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    more = more_problems(path, MORE_PROBLEMS.get(request.node.callspec.id, 0))
    for args in COMMANDS:
        result = invoke("--guide", str(path), *args)
        assert (result.exit_code, result.stdout, result.stderr) == (
            3,
            "",
            f"effects: {path}{problem}{more}\n",
        ), args


@pytest.mark.parametrize(("make", "problem"), NOT_FILES)
def test_a_guide_that_is_not_a_file_of_text(
    invoke: Invoke, tmp_path: Path, make: MakePath, problem: str
) -> None:
    path = make(tmp_path)
    result = invoke("--guide", str(path), "list")
    assert (result.exit_code, result.stdout, result.stderr) == (
        3,
        "",
        f"effects: {path}: {problem}\n",
    )


def test_an_unreadable_guide(
    invoke: Invoke, small_guide: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)  # chmod 0 does not stop root, who runs CI
    result = invoke("--guide", str(small_guide), "list")
    assert (result.exit_code, result.stderr) == (3, f"effects: {small_guide}: permission denied\n")


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda text: "\ufeff" + text, id="bom"),
        pytest.param(lambda text: text.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda text: "\ufeff" + text.replace("\n", "\r\n"), id="bom-and-crlf"),
        pytest.param(lambda text: text.replace("\n", "\r"), id="cr"),
    ],
)
def test_byte_order_mark_and_line_ends_are_accepted(
    invoke: Invoke, write_guide: Callable[..., Path], transform: Callable[[str], str]
) -> None:
    plain = write_guide(SMALL_GUIDE, "plain.yaml")
    odd = plain.with_name("odd.yaml")
    odd.write_bytes(transform(plain.read_text(encoding="utf-8")).encode())
    for args in (["read"], ["list", "--json"]):
        result = invoke("--guide", str(odd), *args)
        assert (result.exit_code, result.stderr) == (0, "")
        assert result.stdout == invoke("--guide", str(plain), *args).stdout


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/new:os.system",
        "!!python/name:os.system",
        "!<tag:yaml.org,2002:python/object/apply:os.system>",
    ],
)
def test_python_tags_never_run_anything(invoke: Invoke, tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "guide.yaml"
    path.write_text(f"title: {tag} ['touch {marker}']\n{ONE_SECTION}")
    result = invoke("--guide", str(path), "list")
    assert result.exit_code == 3 and MESSAGE.fullmatch(result.stderr)
    assert not marker.exists()
