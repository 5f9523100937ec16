"""Hostile input: whatever a user types or feeds it, effects ends with one clear line on
stderr and a documented exit code. Nothing crashes, hangs, runs code or reaches the
terminal raw, and no text is lost.

The cases are tables, so that a new case is a new row: `ARGUMENTS` (what is typed),
`GUIDES` (what ``--guide`` is fed), `LIMITS`, `CLOSED_OUTPUT` and `NARROW_STDOUT` (where
the output goes). Faults of other parts (the cache of the start-up issue, say) fit the
same shape: a setup that damages something, a command, the exit code and the exact
stderr; `effects` runs the installed program and `in_process` the app.
"""

from __future__ import annotations

import errno
import json
import os
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from typer.testing import CliRunner, Result

from effects_cli.cli import app
from effects_cli.encodable import encodable
from effects_cli.loader import MAX_BYTES, load_guide

from .conftest import OUTPUT_ENVIRONMENT, REPO, SMALL_GUIDE, Invoke

GOLDEN = REPO / "tests" / "golden"
NOT_A_REF = "is not a reference: use a section number (1 to 10) or a sub-point such as 1.1"
ONE_SECTION = (
    "sections:\n  - title: S\n    text: s\n    points:\n      - title: P\n        text: p\n"
)
HANG_GUARD = 60
"""Seconds before a subprocess counts as hung; never a measure of speed."""

SGR = re.compile(r"\x1b\[[0-9;]*m")
"""The only escape sequences effects itself writes: colour and style."""
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""What must never reach the output: control characters (ESC among them) other than tab
and line feed, bidirectional embeddings, overrides and isolates, line and paragraph
separators."""
MESSAGE = re.compile(r"effects: [^\n]+\n")
"""A message: one line on stderr, named after the program."""


def assert_safe(output: str) -> None:
    """Nothing raw in ``output`` once effects' own colour codes are taken out."""
    found = RAW.search(SGR.sub("", output))
    assert found is None, f"raw {found.group()!r} in output"


CORRECTION = re.compile(r'No match for "[^\n]*"; showing results for "[^\n]*"\.\n')
"""The note `effects search` writes when it searched for the guide word closest to a typo."""


def assert_clean_failure(result: Result, codes: set[int]) -> None:
    """An exit code from ``codes`` and one line on stderr, or success and a stderr silent
    but for search's notes of the words it corrected."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    if result.exit_code == 0:
        assert all(CORRECTION.fullmatch(line) for line in result.stderr.splitlines(True))
    else:
        assert result.exit_code in codes, (result.exit_code, result.stderr)
        assert MESSAGE.fullmatch(result.stderr), result.stderr


RUNNER = CliRunner()


def in_process(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run the app in this process (fast: for the fuzzers), as the `invoke` fixture does."""
    return RUNNER.invoke(app, list(args), env=env, prog_name="effects")


# --- arguments --------------------------------------------------------------------------------


def _row(args: list[str], code: int, message: str, id: str) -> object:
    return pytest.param(args, code, f"effects: {message}\n", id=id)


ARGUMENTS = [
    # References: not in the guide, or not references at all (exit 1).
    _row(["show", "11"], 1, "no section 11: the guide has sections 1 to 10", "ref-11"),
    _row(["show", "0"], 1, "no section 0: the guide has sections 1 to 10", "ref-0"),
    _row(["show", "4.9"], 1, "no sub-point 4.9: section 4 has 4.1 to 4.3", "ref-4.9"),
    _row(["show", "4.0"], 1, "no sub-point 4.0: section 4 has 4.1 to 4.3", "ref-4.0"),
    _row(["show", "4."], 1, f'"4." {NOT_A_REF}', "ref-4."),
    _row(["show", ".2"], 1, f'".2" {NOT_A_REF}', "ref-.2"),
    _row(["show", "abc"], 1, f'"abc" {NOT_A_REF}', "ref-abc"),
    _row(["show", "1e3"], 1, f'"1e3" {NOT_A_REF}', "ref-1e3"),
    _row(["show", ""], 1, f'"" {NOT_A_REF}', "ref-empty"),
    _row(["show", " "], 1, f'" " {NOT_A_REF}', "ref-blank"),
    _row(["show", "4 2"], 1, f'"4 2" {NOT_A_REF}', "ref-4-space-2"),
    _row(["show", "4.2.1"], 1, f'"4.2.1" {NOT_A_REF}', "ref-4.2.1"),
    _row(["show", "4,2"], 1, f'"4,2" {NOT_A_REF}', "ref-comma"),
    _row(["show", "+4"], 1, f'"+4" {NOT_A_REF}', "ref-plus"),
    _row(["show", "0x4"], 1, f'"0x4" {NOT_A_REF}', "ref-hex"),
    _row(["show", "\u0664"], 1, f'"\u0664" {NOT_A_REF}', "ref-arabic-indic-digit"),
    _row(["show", "\uff14"], 1, f'"\uff14" {NOT_A_REF}', "ref-fullwidth-digit"),
    _row(["show", "-1"], 1, f'"-1" {NOT_A_REF}', "ref-negative"),
    _row(["show", "-4.2", "--json"], 1, f'"-4.2" {NOT_A_REF}', "ref-negative-point"),
    _row(["show", "--", "-1"], 1, f'"-1" {NOT_A_REF}', "ref-negative-after-dashes"),
    _row(
        ["show", "9" * 400],
        1,
        "no section 99999999999\u2026: the guide has sections 1 to 10",
        "ref-huge",
    ),
    _row(
        ["show", "4." + "9" * 400],
        1,
        "no sub-point 4.99999999999\u2026: section 4 has 4.1 to 4.3",
        "ref-huge-point",
    ),
    _row(["show", "4\x1b[2J"], 1, f'"4\\x1b[2J" {NOT_A_REF}', "ref-escape-sequence"),
    _row(["show", "4\u202e"], 1, f'"4\\u202e" {NOT_A_REF}', "ref-bidi-override"),
    _row(["show", "[red]4"], 1, f'"[red]4" {NOT_A_REF}', "ref-markup"),
    _row(
        ["show", "x" * 5000],
        1,
        '"' + "x" * 59 + f'\u2026" {NOT_A_REF}',
        "ref-thousands-of-characters",
    ),
    _row(["tip", "--section", "0"], 1, "no section 0: the guide has sections 1 to 10", "section-0"),
    _row(
        ["tip", "--section", "-1"],
        1,
        "no section -1: the guide has sections 1 to 10",
        "section-neg",
    ),
    _row(
        ["tip", "--section", "9" * 40],
        2,
        "Invalid value for '--section' / '-s': \"" + "9" * 40 + '" is out of range'
        " (-9223372036854775808 to 9223372036854775807). See 'effects tip --help'.",
        "section-huge",
    ),
    _row(
        ["tip", "--seed", "9" * 5000],
        2,
        "Invalid value for '--seed': \"" + "9" * 59 + '\u2026" is out of range'
        " (-9223372036854775808 to 9223372036854775807). See 'effects tip --help'.",
        "seed-thousands-of-digits",
    ),
    # Usage errors (exit 2).
    _row(["show"], 2, "Missing argument 'REF'. See 'effects show --help'.", "ref-missing"),
    _row(
        ["show", "4", "2"],
        2,
        "Got unexpected extra argument(s) (2). See 'effects show --help'.",
        "ref-two",
    ),
    _row(
        ["show", "4", "--bogus"],
        2,
        "No such option: --bogus. See 'effects show --help'.",
        "ref-unknown-option",
    ),
    # Queries.
    _row(
        ["search", ""],
        2,
        "Invalid value for QUERY: the query is empty. See 'effects search --help'.",
        "query-empty",
    ),
    _row(
        ["search", " \t "],
        2,
        "Invalid value for QUERY: the query is empty. See 'effects search --help'.",
        "query-blank",
    ),
    _row(
        ["search", ".*"],
        2,
        "Invalid value for QUERY: \".*\" has no words to search for. See 'effects search --help'.",
        "query-regex",
    ),
    _row(
        ["search", "[/]"],
        2,
        "Invalid value for QUERY: \"[/]\" has no words to search for. See 'effects search --help'.",
        "query-markup-close",
    ),
    _row(["search", "[red]x"], 1, 'no match for "[red]x"', "query-markup"),
    _row(["search", "xylophone+?"], 1, 'no match for "xylophone+?"', "query-regex-word"),
    _row(
        ["search", "\U0001f389"],
        2,
        "Invalid value for QUERY: \"\U0001f389\" has no words to search for. See 'effects search --help'.",
        "query-emoji",
    ),
    _row(
        ["search", "\u200f\u202e"],
        2,
        "Invalid value for QUERY: \"\\u200f\\u202e\" has no words to search for. See 'effects search --help'.",
        "query-direction-marks",
    ),
    _row(["search", "x" * 5000], 1, 'no match for "' + "x" * 59 + '\u2026"', "query-thousands"),
    _row(
        ["search", "\x1b]0;pwned\x07"],
        1,
        'no match for "\\x1b]0;pwned\\x07"',
        "query-escape-sequence",
    ),
    _row(
        ["search", "-1"],
        2,
        "No such option: -1 (to pass it as an argument, put -- first: effects search -- -1). See 'effects search --help'.",
        "query-negative",
    ),
    _row(["search", "--", "-1"], 1, 'no match for "-1"', "query-negative-after-dashes"),
    # Option values.
    _row(
        ["search", "x", "--limit", "0"],
        2,
        "Invalid value for '--limit' / '-n': \"0\" is out of range (1 or more). See 'effects search --help'.",
        "limit-0",
    ),
    _row(
        ["search", "x", "--limit", "-1"],
        2,
        "Invalid value for '--limit' / '-n': \"-1\" is out of range (1 or more). See 'effects search --help'.",
        "limit-negative",
    ),
    _row(
        ["search", "x", "--limit", "x"],
        2,
        "Invalid value for '--limit' / '-n': \"x\" is not a whole number. See 'effects search --help'.",
        "limit-word",
    ),
    _row(
        ["search", "x", "--limit"],
        2,
        "Option '--limit' requires an argument. See 'effects --help'.",
        "limit-missing",
    ),
    _row(
        ["tip", "--seed", "x"],
        2,
        "Invalid value for '--seed': \"x\" is not a whole number. See 'effects tip --help'.",
        "seed-word",
    ),
    _row(
        ["tip", "--section", "4.2"],
        2,
        "Invalid value for '--section' / '-s': \"4.2\" is not a whole number. See 'effects tip --help'.",
        "section-point",
    ),
    _row(
        ["tip", "--section", ""],
        2,
        "Invalid value for '--section' / '-s': \"\" is not a whole number. See 'effects tip --help'.",
        "section-empty",
    ),
    _row(
        ["list", "--tree=yes"],
        2,
        "Option '--tree' does not take a value. See 'effects --help'.",
        "flag-value",
    ),
    _row(
        ["read", "extra"],
        2,
        "Got unexpected extra argument(s) (extra). See 'effects read --help'.",
        "extra-argument",
    ),
    _row(
        ["--guide"],
        2,
        "Option '--guide' requires an argument. See 'effects --help'.",
        "guide-missing",
    ),
    _row(
        ["--guide", " ", "list"],
        2,
        "Invalid value for '--guide' (or EFFECTS_GUIDE): the path is empty. See 'effects --help'.",
        "guide-blank",
    ),
    _row(
        ["\x1b[2Jlist"],
        2,
        "No such command '\\x1b[2Jlist'. Did you mean 'list'? See 'effects --help'.",
        "command-escape-sequence",
    ),
]


@pytest.mark.parametrize(("args", "code", "stderr"), ARGUMENTS)
def test_bad_arguments_get_one_line_and_their_exit_code(
    invoke: Invoke, args: list[str], code: int, stderr: str
) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", stderr)


@pytest.mark.parametrize(
    ("args", "same_as"),
    [
        pytest.param(["show", "04.02"], ["show", "4.2"], id="leading-zeros"),
        pytest.param(["show", " 4.2 "], ["show", "4.2"], id="surrounding-blanks"),
        pytest.param(["search", "\u200fstigma\u200e"], ["search", "stigma"], id="direction-marks"),
        pytest.param(["search", "STIGMA!!"], ["search", "stigma"], id="case-and-punctuation"),
        pytest.param(
            ["search", "stigma", "--limit", "9" * 40], ["search", "stigma"], id="huge-limit"
        ),
        pytest.param(["show", "--", "4.2"], ["show", "4.2"], id="after-dashes"),
    ],
)
def test_odd_but_meaningful_arguments_work(
    invoke: Invoke, args: list[str], same_as: list[str]
) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == invoke(*same_as).stdout


def test_a_negative_seed_is_a_seed(invoke: Invoke) -> None:
    first, again = invoke("tip", "--seed", "-1", "--json"), invoke("tip", "--seed", "-1", "--json")
    assert (first.exit_code, first.stderr) == (0, "")
    assert json.loads(first.stdout) == json.loads(again.stdout)


def test_a_query_is_shown_literally_in_json(invoke: Invoke) -> None:
    result = invoke("search", "[bold]stigma[/]", "\x1b[2J", "\x9b", "--limit", "1", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["query"] == "[bold]stigma[/] \\x1b[2J \\x9b"
    assert_safe(result.stdout)


# --- guide files --------------------------------------------------------------------------------


def _guide(data: bytes | str, message: str, id: str) -> object:
    return pytest.param(data.encode() if isinstance(data, str) else data, message, id=id)


GUIDES = [
    _guide("", ": the guide is empty: it needs at least a title and sections", "empty"),
    _guide(
        b"\xef\xbb\xbf", ": the guide is empty: it needs at least a title and sections", "bom-only"
    ),
    _guide(bytes(range(256)), ": is not UTF-8 text (byte 0x80 at offset 128)", "random-bytes"),
    _guide(b"\x89PNG\r\n\x1a\n\x00\x00", ": is not UTF-8 text (byte 0x89 at offset 0)", "png"),
    _guide(
        "title: caf\xe9\n".encode("latin-1"),
        ": is not UTF-8 text (byte 0xe9 at offset 10)",
        "latin-1",
    ),
    _guide(b"title: T\x00\n", ":1:9: character U+0000 is not allowed in YAML", "nul"),
    _guide(
        "title: x\nsections: [\n",
        ":3:1: while parsing a flow node, did not find expected node content",
        "syntax-unclosed",
    ),
    _guide(
        "title: x\n  bad: indent\n",
        ":2:6: mapping values are not allowed in this context",
        "syntax-indent",
    ),
    _guide(
        "title: 'open\n",
        ":2:1: while scanning a quoted scalar, found unexpected end of stream",
        "syntax-quote",
    ),
    _guide(
        "\ttitle: T\n",
        ":1:1: while scanning for the next token, found character that cannot start any token",
        "syntax-tab",
    ),
    _guide("title: *nope\n", ":1:8: found undefined alias", "undefined-alias"),
    _guide(
        "[" * 2000 + "]" * 2000,
        ":1:1001: while increasing flow level, exceeded maximum nesting depth",
        "deep-nesting",
    ),
    _guide(
        "- a\n", ":1:1: expected a mapping with title and sections, got a list", "top-level-list"
    ),
    _guide("title: T\n", ":1:1: sections: missing", "missing-field"),
    _guide("title: [a]\n" + ONE_SECTION, ":1:8: title: expected text, got a list", "wrong-type"),
    _guide(
        "title: 7\nsections: 3\n", ":2:11: sections: expected a list, got text", "wrong-type-list"
    ),
    _guide(
        "title: T\nsections:\n  - title: S\n    text: s\n    points:\n      - title: P\n        text: {a: b}\n",
        ":7:15: sections[0].points[0].text: expected text, got a mapping",
        "wrong-type-deep",
    ),
    _guide(
        "title: T\nsections:\n  - title: S\n    points: [{title: P, text: p}]\n",
        ":3:5: sections[0].text: missing",
        "missing-field-deep",
    ),
    _guide(
        "title: T\nsections:\n  - title: S\n    txet: s\n",
        ":4:5: sections[0].txet: unknown key (did you mean 'text'? expected one of: title, text, points)",
        "unknown-key",
    ),
    _guide(
        "title: T\ntitle: U\n",
        ":2:1: title: duplicate key (first given on line 1)",
        "duplicate-key",
    ),
    _guide(
        "title: T\nsections: []\n",
        ":2:11: sections: the list is empty: it needs at least one entry",
        "zero-sections",
    ),
    _guide(
        "title: T\nsections:\n  - <<: {title: S}\n",
        ':3:5: sections[0]["<<"]: unknown key (expected one of: title, text, points)',
        "merge-key",
    ),
    _guide(
        "title: !!python/object/apply:os.system ['echo pwned']\n" + ONE_SECTION,
        ":1:8: title: expected text, got a value tagged !!python/object/apply:os.system (tags are not part of the guide format)",
        "python-tag",
    ),
    _guide(
        "title: !<tag:yaml.org,2002:python/name:os.system> x\n" + ONE_SECTION,
        ":1:8: title: expected text, got a value tagged !!python/name:os.system (tags are not part of the guide format)",
        "python-tag-verbatim",
    ),
    _guide(
        "title: T\nsections: [&s {title: S, text: s, points: [{title: P, text: p}]}, *s]\n",
        ": sections[1]: an alias of the mapping on line 2, column 12: aliases may repeat text, not mappings or lists",
        "alias-of-a-section",
    ),
    _guide(
        "title: T\nsections:\n  - {title: S, text: s, points: &p [{title: P, text: p}]}\n  - {title: S, text: s, points: *p}\n",
        ": sections[1].points: an alias of the list on line 3, column 33: aliases may repeat text, not mappings or lists",
        "alias-of-a-list",
    ),
    _guide(
        "&g\ntitle: T\nsections: [*g]\n",
        ": sections[0]: an alias of the mapping on line 1, column 1: aliases may repeat text, not mappings or lists",
        "recursive-alias",
    ),
    _guide(
        'title: "\\e]0;pwned\\a"\ntitle: U\n',
        ":2:1: title: duplicate key (first given on line 1)",
        "escape-in-a-broken-guide",
    ),
    _guide(
        "title: T\n\x1b[2J: x\n",
        ":2:1: character U+001B is not allowed in YAML",
        "raw-escape",
    ),
    _guide(
        "title: T\n\u202eevil: x\n" + ONE_SECTION,
        ':2:1: ["\\u202eevil"]: unknown key (expected one of: title, sections, subtitle, intro, conclusion)',
        "bidi-key",
    ),
]


@pytest.mark.parametrize(("data", "message"), GUIDES)
def test_a_bad_guide_gets_one_line_naming_the_file_and_exit_3(
    invoke: Invoke, tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "guide.yaml"
    path.write_bytes(data)
    for args in (["list"], ["read", "--json"], ["search", "x"]):
        result = invoke("--guide", str(path), *args)
        assert (result.exit_code, result.stdout, result.stderr) == (
            3,
            "",
            f"effects: {path}{message}\n",
        )


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        pytest.param(lambda d: d / "absent.yaml", "no such file", id="missing"),
        pytest.param(lambda d: d, "is a folder, not a guide file", id="folder"),
        pytest.param(lambda d: d / "[red]x[/].yaml", "no such file", id="markup-name"),
        pytest.param(
            lambda d: Path("/dev/zero"),
            f"is larger than the limit of {MAX_BYTES} bytes (EFFECTS_MAX_GUIDE_BYTES sets another)",
            id="endless",
        ),
    ],
)
def test_a_guide_that_is_not_a_file_of_text(
    invoke: Invoke, tmp_path: Path, make: Callable[[Path], Path], problem: str
) -> None:
    path = make(tmp_path)
    result = invoke("--guide", str(path), "list")
    assert (result.exit_code, result.stdout, result.stderr) == (
        3,
        "",
        f"effects: {path}: {problem}\n",
    )


def test_a_guide_name_with_an_escape_sequence_is_shown_visibly(
    invoke: Invoke, tmp_path: Path
) -> None:
    result = invoke("--guide", str(tmp_path / "x\x1b]0;t\x07.yaml"), "list")
    assert result.stderr == f"effects: {tmp_path}/x\\x1b]0;t\\x07.yaml: no such file\n"


def test_an_unreadable_guide(
    invoke: Invoke, write_guide: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_guide(SMALL_GUIDE)

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)  # chmod 0 does not stop root, who runs CI
    result = invoke("--guide", str(path), "list")
    assert (result.exit_code, result.stderr) == (3, f"effects: {path}: permission denied\n")


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
    invoke: Invoke, write_guide: Callable[[str], Path], transform: Callable[[str], str]
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


def _alias_bomb(copies: int) -> str:
    """``copies`` sections, each an alias of one holding ``copies`` aliases of one point:
    ``copies`` squared sub-points named in a few kilobytes."""
    points = ", ".join(["&p {title: P, text: t}"] + ["*p"] * (copies - 1))
    return (
        "title: Bomb\nsections:\n  - &s {title: S, text: t, points: ["
        + points
        + "]}\n"
        + ("  - *s\n" * (copies - 1))
    )


def test_an_alias_bomb_is_refused_at_its_first_alias(invoke: Invoke, tmp_path: Path) -> None:
    bomb = _alias_bomb(2000)  # four million sub-points
    assert 20_000 <= len(bomb) <= 25_000
    path = tmp_path / "bomb.yaml"
    path.write_text(bomb)
    result = invoke("--guide", str(path), "list")
    assert (result.exit_code, result.stderr) == (
        3,
        f"effects: {path}: sections[0].points[1]: an alias of the mapping on line 3, column 37:"
        " aliases may repeat text, not mappings or lists\n",
    )


def test_an_alias_bomb_ends_quickly_in_bounded_memory(tmp_path: Path) -> None:
    """In a process that may not grow past 1 GiB: expanding the bomb would need far more."""
    path = tmp_path / "bomb.yaml"
    path.write_text(_alias_bomb(2000))
    result = effects("--guide", str(path), "search", "t", cwd=tmp_path, memory=1 << 30)
    assert result.returncode == 3
    assert MESSAGE.fullmatch(result.stderr)


def test_text_repeated_by_aliases_counts_toward_the_size_limit(
    invoke: Invoke, tmp_path: Path
) -> None:
    paragraph = "word " * 200  # 1000 characters, after YAML folds the line
    points = ", ".join(
        ["{title: &t P, text: &x '" + paragraph + "'}"] + ["{title: *t, text: *x}"] * 99
    )
    text = f"title: T\nsections:\n  - {{title: S, text: s, points: [{points}]}}\n"
    path = tmp_path / "repeats.yaml"
    path.write_text(text)
    assert len(text) < 4000
    fine = invoke("--guide", str(path), "list", env={"EFFECTS_MAX_GUIDE_BYTES": "110000"})
    assert (fine.exit_code, fine.stdout) == (0, "1  S  100 points\n")
    result = invoke("--guide", str(path), "list", env={"EFFECTS_MAX_GUIDE_BYTES": "50000"})
    assert (result.exit_code, result.stderr) == (
        3,
        f"effects: {path}: sections[0].points[49].text: aliases repeat its text past the limit"
        " of 50000 characters (EFFECTS_MAX_GUIDE_BYTES sets another)\n",
    )


LIMITS = [
    pytest.param("", 0, "", id="unset"),
    pytest.param(" 600 ", 0, "", id="blank-around"),
    pytest.param(
        "599",
        3,
        "{path}: is larger than the limit of 599 bytes (EFFECTS_MAX_GUIDE_BYTES sets another)",
        id="one-byte-short",
    ),
    pytest.param(
        "x",
        2,
        "Invalid value for EFFECTS_MAX_GUIDE_BYTES: \"x\" is not a number of bytes (1 to 9223372036854775807). See 'effects --help'.",
        id="word",
    ),
    pytest.param(
        "0",
        2,
        "Invalid value for EFFECTS_MAX_GUIDE_BYTES: \"0\" is not a number of bytes (1 to 9223372036854775807). See 'effects --help'.",
        id="zero",
    ),
    pytest.param(
        "-5",
        2,
        "Invalid value for EFFECTS_MAX_GUIDE_BYTES: \"-5\" is not a number of bytes (1 to 9223372036854775807). See 'effects --help'.",
        id="negative",
    ),
    pytest.param(
        "1e6",
        2,
        "Invalid value for EFFECTS_MAX_GUIDE_BYTES: \"1e6\" is not a number of bytes (1 to 9223372036854775807). See 'effects --help'.",
        id="exponent",
    ),
    pytest.param(
        "\u0661\u0662",
        2,
        "Invalid value for EFFECTS_MAX_GUIDE_BYTES: \"\u0661\u0662\" is not a number of bytes (1 to 9223372036854775807). See 'effects --help'.",
        id="arabic-indic-digits",
    ),
    pytest.param("9223372036854775807", 0, "", id="largest"),
    pytest.param(
        "9" * 5000,
        2,
        'Invalid value for EFFECTS_MAX_GUIDE_BYTES: "' + "9" * 59 + '\u2026" is not a number of'
        " bytes (1 to 9223372036854775807). See 'effects --help'.",
        id="thousands-of-digits",
    ),
]


@pytest.mark.parametrize(("value", "code", "message"), LIMITS)
def test_the_size_limit_and_the_variable_that_sets_it(
    invoke: Invoke, tmp_path: Path, value: str, code: int, message: str
) -> None:
    path = tmp_path / "guide.yaml"
    path.write_bytes(b"#" * (600 - len(b"title: T\n" + ONE_SECTION.encode()) - 1) + b"\n")
    with path.open("ab") as file:
        file.write(b"title: T\n" + ONE_SECTION.encode())
    assert path.stat().st_size == 600
    result = invoke("--guide", str(path), "list", env={"EFFECTS_MAX_GUIDE_BYTES": value})
    expected = f"effects: {message.format(path=path)}\n" if message else ""
    assert (result.exit_code, result.stderr) == (code, expected)
    assert result.stdout == ("1  S  1 point\n" if code == 0 else "")


def test_the_default_limit_leaves_room_for_big_guides(tmp_path: Path) -> None:
    """Another issue benchmarks a generated 5 MB guide of 11,000 entries: it must load with
    room to spare. (Most of this one's bytes are in one long text, to parse fast.)"""
    assert MAX_BYTES >= 4 * 5_000_000
    sections = "".join(
        f"  - {{title: S{s}, text: s, points: [" + ", ".join(["{title: P, text: p}"] * 10) + "]}\n"
        for s in range(1000)
    )
    head = f"title: Big\nsections:\n{sections}intro: "
    path = tmp_path / "big.yaml"
    path.write_text(head + "x" * (5_000_000 - len(head) - 1) + "\n")
    assert path.stat().st_size == 5_000_000
    guide = load_guide(path)
    assert (len(guide.sections) + len(list(guide.points())), len(guide.intro or "")) == (
        11_000,
        5_000_000 - len(head) - 1,
    )


# --- text that could drive a terminal -------------------------------------------------------------

HOSTILE_GUIDE = r"""
title: "Title\e]0;pwned\a\e]52;c;cHduZWQ=\a"
subtitle: "Sub\u202etitle\u2066x\u2069"
intro: "Intro\e[2J\e[H cleared?\x9b31m C1\x9d0;t\x07 \ePq DCS\e\\ back\b\b\bspace\rcarriage"
sections:
  - title: "[red]Red[/] \e[31mtitle"
    text: "Line\u2028separated\u2029paragraphs, \u200bzero\u200dwidth, \u200fRTL mark, [link=x]markup[/link]."
    points:
      - title: "Point \u202eevil"
        text: "gardens \e[5mblink\e[0m and :smile: [bold]gardens[/bold]"
conclusion: "The end\e[?1049h"
"""
"""Escape sequences of every kind (CSI, OSC title and clipboard, DCS, C1), backspaces and
carriage returns, bidirectional overrides and isolates, line separators and markup."""


@pytest.fixture
def hostile_guide(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_GUIDE, encoding="utf-8")
    return path


HOSTILE_COMMANDS = [
    ["list"],
    ["list", "--tree"],
    ["show", "1"],
    ["show", "1.1"],
    ["search", "gardens"],
    ["search", "red"],
    ["tip"],
    ["read"],
    ["list", "--json"],
    ["show", "1", "--json"],
    ["search", "gardens", "--json"],
    ["read", "--json"],
]


@pytest.mark.parametrize("args", HOSTILE_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("env", [{}, {"FORCE_COLOR": "1"}, {"COLUMNS": "12"}], ids=str)
def test_nothing_raw_reaches_a_pipe(
    invoke: Invoke, hostile_guide: Path, args: list[str], env: dict[str, str]
) -> None:
    result = invoke("--guide", str(hostile_guide), *args, env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert_safe(result.stdout)
    if "--json" in args:
        json.loads(result.stdout)


def test_hostile_text_is_shown_visibly(invoke: Invoke, hostile_guide: Path) -> None:
    result = invoke("--guide", str(hostile_guide), "read")
    assert result.stdout == (
        "Title\\x1b]0;pwned\\x07\\x1b]52;c;cHduZWQ=\\x07\n"
        "Sub\\u202etitle\\u2066x\\u2069\n\n"
        "Intro\\x1b[2J\\x1b[H cleared?\\x9b31m C1\\x9d0;t\\x07 \\x1bPq DCS\\x1b\\\n"
        "back\\x08\\x08\\x08space\\rcarriage\n\n" + "\u2500" * 80 + "\n"
        "1  [red]Red[/] \\x1b[31mtitle\n\n"
        "Line\nseparated\n\nparagraphs, \u200bzero\u200dwidth, \u200fRTL mark, [link=x]markup[/link].\n\n"
        "1.1  Point \\u202eevil\n\n"
        "gardens \\x1b[5mblink\\x1b[0m and :smile: [bold]gardens[/bold]\n\n" + "\u2500" * 80 + "\n"
        "The end\\x1b[?1049h\n"
    )
    data = json.loads(invoke("--guide", str(hostile_guide), "read", "--json").stdout)
    assert data["subtitle"] == "Sub\\u202etitle\\u2066x\\u2069"
    assert data["sections"][0]["points"][0]["text"] == (
        "gardens \\x1b[5mblink\\x1b[0m and :smile: [bold]gardens[/bold]"
    )


def test_markup_in_messages_is_shown_literally(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("--guide", str(tmp_path / "[bold]x[/].yaml"), "list")
    assert result.stderr == f"effects: {tmp_path}/[bold]x[/].yaml: no such file\n"
    result = invoke("search", "[bold]zzz[/bold]", env={"FORCE_COLOR": "1"})
    assert result.stderr == 'effects: no match for "[bold]zzz[/bold]"\n'


@pytest.mark.parametrize("term", ["xterm-256color", "dumb"])
@pytest.mark.parametrize(
    "args", [["read"], ["list", "--tree"], ["search", "gardens"]], ids=" ".join
)
def test_nothing_raw_reaches_a_terminal(
    hostile_guide: Path, tmp_path: Path, term: str, args: list[str]
) -> None:
    shown = on_terminal("--guide", str(hostile_guide), *args, columns=40, cwd=tmp_path, TERM=term)
    assert_safe(shown)
    assert "\\x1b" in shown  # shown, visibly
    if term == "xterm-256color":
        assert SGR.search(shown)  # it is a terminal: colour, and only colour


# --- where the output goes ---------------------------------------------------------------------


def effects(
    *args: str,
    cwd: Path,
    stdout: int | None = subprocess.PIPE,
    memory: int | None = None,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m effects_cli`` (the entry point the ``effects`` script calls)."""
    environment = {k: v for k, v in os.environ.items() if k not in OUTPUT_ENVIRONMENT}
    environment["COLUMNS"] = "80"
    environment.update(env)

    def limit_memory() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-m", "effects_cli", *args],
        cwd=cwd,
        env=environment,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        errors="backslashreplace",
        timeout=HANG_GUARD,
        preexec_fn=limit_memory if memory else None,
    )


def on_terminal(*args: str, columns: int, cwd: Path, **env: str) -> str:
    """What effects writes to a terminal ``columns`` wide (a pseudo-terminal), as text."""
    import fcntl
    import pty
    import struct
    import termios

    environment = {k: v for k, v in os.environ.items() if k not in OUTPUT_ENVIRONMENT}
    environment.update(env)
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 30, columns, 0, 0))
    attributes = termios.tcgetattr(secondary)
    attributes[1] &= ~termios.OPOST  # no \r added before \n: the bytes as written
    termios.tcsetattr(secondary, termios.TCSANOW, attributes)
    process = subprocess.Popen(
        [sys.executable, "-m", "effects_cli", "--no-pager", *args],
        cwd=cwd,
        env=environment,
        stdin=secondary,
        stdout=secondary,
        stderr=subprocess.PIPE,
    )
    os.close(secondary)
    received = bytearray()
    try:
        while select.select([primary], [], [], HANG_GUARD)[0]:
            try:
                chunk = os.read(primary, 65536)
            except OSError as error:  # EIO: the program has closed the terminal
                assert error.errno == errno.EIO
                break
            if not chunk:
                break
            received += chunk
        else:
            process.kill()
            pytest.fail("no output for a minute: hung")
        assert process.wait(timeout=HANG_GUARD) == 0
        assert process.stderr is not None and process.stderr.read() == b""
    finally:
        os.close(primary)
        if process.stderr is not None:
            process.stderr.close()
    return received.decode("utf-8")


def _words(text: str) -> list[str]:
    return "".join(text.split())


NARROW_STDOUT = [
    pytest.param({"PYTHONIOENCODING": "ascii"}, "ascii", id="ascii"),
    pytest.param(
        {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}, "ascii", id="c-locale"
    ),
    pytest.param({"PYTHONIOENCODING": "latin-1"}, "latin-1", id="latin-1"),
    pytest.param({"PYTHONIOENCODING": "utf-8", "COLUMNS": "12"}, "utf-8", id="12-columns"),
    pytest.param({"PYTHONIOENCODING": "ascii", "COLUMNS": "12"}, "ascii", id="ascii-12-columns"),
]


@pytest.mark.parametrize(("env", "encoding"), NARROW_STDOUT)
@pytest.mark.parametrize(
    ("args", "golden"),
    [(["search", "stigma"], "search-stigma.txt"), (["list", "--tree"], "list-tree.txt")],
    ids=["search", "list"],
)
def test_a_narrow_stdout_gets_all_the_text_within_its_width(
    tmp_path: Path, env: dict[str, str], encoding: str, args: list[str], golden: str
) -> None:
    result = effects(*args, cwd=tmp_path, **env)
    assert (result.returncode, result.stderr) == (0, "")
    result.stdout.encode(encoding)  # nothing the encoding cannot hold
    width = int(env.get("COLUMNS", "80"))
    if args[0] == "search":  # (list lines never wrap in a pipe, by design)
        assert max(cell_len(line) for line in result.stdout.splitlines()) <= width
    expected = (GOLDEN / golden).read_text(encoding="utf-8")
    assert _words(result.stdout) == _words(encodable(expected, encoding))


def test_an_ascii_stdout_gets_the_same_layout_with_plain_punctuation(tmp_path: Path) -> None:
    result = effects("show", "1.2", cwd=tmp_path, PYTHONIOENCODING="ascii")
    utf8 = effects("show", "1.2", cwd=tmp_path, PYTHONIOENCODING="utf-8")
    assert "\u2018People You May Know\u2019" in utf8.stdout
    assert result.stdout == utf8.stdout.replace("\u2018", "'").replace("\u2019", "'")


def test_the_c_locale_takes_arguments_it_cannot_decode(tmp_path: Path) -> None:
    result = effects(
        "search", "caf\u00e9", cwd=tmp_path, LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0"
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == 'effects: no match for "caf\\udcc3\\udca9"\n'


def test_a_twelve_column_terminal(tmp_path: Path) -> None:
    shown = on_terminal("show", "4.2", columns=12, cwd=tmp_path, TERM="xterm-256color")
    lines = SGR.sub("", shown).splitlines()
    assert lines[:3] == ["4.2", "Normalizing", "Mental"]
    assert max(cell_len(line) for line in lines) <= 12
    expected = (GOLDEN / "show-4.2.txt").read_text(encoding="utf-8")
    assert _words(SGR.sub("", shown)) == _words(expected)


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
    expected = (GOLDEN / "read.txt").read_text(encoding="utf-8")
    assert _words(result.stdout).replace("\u2500", "") == _words(expected).replace("\u2500", "")


CLOSED_OUTPUT = [
    ["read"],
    ["list", "--json"],
    ["search", "social"],
    ["--help"],
    ["show", "--help"],
    ["--version"],
    [],
]


@pytest.mark.parametrize("args", CLOSED_OUTPUT, ids=lambda args: " ".join(args) or "nothing")
def test_a_closed_pipe_ends_it_silently_with_141(tmp_path: Path, args: list[str]) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone before the first byte, as with `effects read | true`
    try:
        result = effects(*args, cwd=tmp_path, stdout=writer)
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (141, "")


@pytest.mark.parametrize("args", CLOSED_OUTPUT[:-1], ids=" ".join)
def test_a_full_disk_is_one_clear_line_and_exit_4(tmp_path: Path, args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = effects(*args, cwd=tmp_path, stdout=full.fileno())
    assert (result.returncode, result.stderr) == (
        4,
        "effects: cannot write the output: No space left on device\n",
    )


@pytest.mark.parametrize("args", [["list"], ["show", "11"], ["--help"]], ids=" ".join)
def test_a_closed_stdout_is_one_clear_line_and_exit_4(tmp_path: Path, args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "effects_cli", *args],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
        timeout=HANG_GUARD,
        preexec_fn=lambda: os.close(1),  # as `effects list >&-` does
    )
    assert (result.returncode, result.stderr) == (
        4,
        "effects: cannot write the output: stdout is closed\n",
    )


def test_ctrl_c_while_working_is_exit_130_without_a_traceback(tmp_path: Path) -> None:
    """The guide is a FIFO nobody writes to, so effects waits in the middle of loading it."""
    fifo = tmp_path / "slow.yaml"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [sys.executable, "-m", "effects_cli", "--guide", str(fifo), "read"],
        cwd=tmp_path,
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


@pytest.mark.parametrize("module", ["effects_cli.cli", "typer", "rich", "yaml"])
def test_ctrl_c_while_starting_is_exit_130_without_a_traceback(tmp_path: Path, module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPT_IMPORT, module],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
    )
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "")


# --- fuzzing --------------------------------------------------------------------------------

FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
"""Fuzzers take the profile's number of examples (conftest): bounded in CI, more by hand."""

_HOSTILE_CHARACTERS = st.sampled_from(
    "\x00\x07\x08\t\n\r\x1b\x7f\x85\x9b\x9d\u200b\u200d\u200f\u2028\u2029\u202e\u2066\ufeff[]/\\\"':*&!%@`|>-#{},?"
)
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)) | _HOSTILE_CHARACTERS, max_size=30)


@FUZZ
@given(st.text(max_size=30) | st.from_regex(r"\A-?[0-9.]{0,12}\Z"))
def test_fuzzed_references(reference: str) -> None:
    result = in_process("show", reference)
    assert_clean_failure(result, {1, 2})
    assert_safe(result.stdout)


@FUZZ
@given(st.lists(_TEXT, min_size=1, max_size=4), st.booleans())
def test_fuzzed_queries(words: list[str], as_json: bool) -> None:
    result = in_process("search", "--limit", "2", *(["--json"] if as_json else []), "--", *words)
    assert_clean_failure(result, {1, 2})
    assert_safe(result.stdout)


_KEYS = st.sampled_from(["title", "text", "points", "sections", "subtitle", "intro"]) | _TEXT
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT


def _nested(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=4)


_TREES = st.recursive(_SCALARS, _nested, max_leaves=20)
_POINT = st.fixed_dictionaries({"title": _TEXT, "text": _TEXT})
_SECTION = st.fixed_dictionaries(
    {"title": _TEXT, "text": _TEXT, "points": st.lists(_POINT, min_size=1, max_size=3)}
)
_GUIDES = st.fixed_dictionaries(
    {"title": _TEXT, "sections": st.lists(_SECTION, min_size=1, max_size=3)},
    optional={"subtitle": _TEXT, "intro": _TEXT, "conclusion": _TEXT | _TREES},
)


@pytest.fixture(scope="module")
def fuzz_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "guide.yaml"


def _documents() -> st.SearchStrategy[str]:
    """YAML documents: random trees, guide-shaped ones with hostile text (some sharing a
    section, which PyYAML writes as an anchor and an alias), in block or flow style."""

    def shared(guide: dict) -> dict:
        guide["sections"].append(guide["sections"][0])
        return guide

    trees = _TREES | _GUIDES | _GUIDES.map(shared)
    return st.builds(
        lambda tree, flow, escaped: yaml.safe_dump(
            tree, default_flow_style=flow, allow_unicode=not escaped, sort_keys=False
        ),
        trees,
        st.booleans(),
        st.booleans(),
    )


def _check_guide(path: Path) -> None:
    for args in (["read"], ["list", "--tree", "--json"], ["search", "a", "b"]):
        result = in_process("--guide", str(path), *args)
        codes = {1, 3} if args[0] == "search" else {3}
        assert_clean_failure(result, codes)
        assert_safe(result.stdout)
        if result.exit_code == 3:
            assert result.stderr.startswith(f"effects: {path}")
        if result.exit_code == 0 and "--json" in args:
            json.loads(result.stdout)


@FUZZ
@given(_documents())
def test_fuzzed_guide_documents(fuzz_file: Path, document: str) -> None:
    fuzz_file.write_text(document, encoding="utf-8", errors="surrogatepass")
    _check_guide(fuzz_file)


@FUZZ
@given(st.binary(max_size=200) | _TEXT.map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_fuzzed_guide_bytes(fuzz_file: Path, data: bytes) -> None:
    fuzz_file.write_bytes(data)
    _check_guide(fuzz_file)
