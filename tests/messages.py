"""The exact messages that several tests need, one table each: what is typed
(`ARGUMENTS`), what --guide is fed (`GUIDES`) and what it names (`NOT_FILES`).

A message's wording is written here and nowhere else. One test runs each table through the
command line (`ARGUMENTS`: tests/hostile/test_arguments.py; `GUIDES` and `NOT_FILES`:
tests/hostile/test_guide_files.py, `NOT_FILES` again through `effects validate`); the
library's tests run the same rows one layer down
(tests/test_model.py, tests/test_loader.py); any other test that needs one of these
failures refers to its row (`typed`, `said`, `guide_problem`, `not_file_problem`) rather
than typing the text again. A new case is a new row. Tables that only one test needs (the
size limit's, the pager's, a full disk's) sit beside that test.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from effects_cli.loader import MAX_BYTES
from tests.helpers import ONE_SECTION


def _unique(table: list[Any]) -> list[Any]:
    ids = [row.id for row in table]
    assert len(ids) == len(set(ids)), "two rows share an id"
    return table


def _values(table: list[Any], id: str) -> tuple[Any, ...]:
    (values,) = [row.values for row in table if row.id == id]
    return values


# --- what is typed ----------------------------------------------------------------------------


def _row(args: list[str], code: int, message: str, id: str, **options: Any) -> Any:
    return pytest.param(args, code, f"effects: {message}\n", id=id, **options)


NOT_A_REF = "is not a reference: use a section number (1 to 10) or a sub-point such as 1.1"
NO_SECTION = "the guide has sections 1 to 10"

ARGUMENTS = _unique(
    [
        # References: not in the guide, or not references at all (exit 1).
        _row(["show", "11"], 1, f"no section 11: {NO_SECTION}", "ref-11"),
        _row(["show", "0"], 1, f"no section 0: {NO_SECTION}", "ref-0"),
        _row(["show", "1234567"], 1, f"no section 1234567: {NO_SECTION}", "ref-7-digits"),
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
        _row(["show", "9" * 400], 1, f"no section 99999999999\u2026: {NO_SECTION}", "ref-huge"),
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
        # Browse draws on a terminal: in a pipe it has none (exit 2).
        _row(
            ["browse"],
            2,
            "browse needs a terminal: stdout is not one. See 'effects browse --help'.",
            "browse-in-a-pipe",
        ),
        # Usage errors of show (exit 2).
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
        # Tip's section and seed.
        _row(["tip", "--section", "11"], 1, f"no section 11: {NO_SECTION}", "section-11"),
        _row(["tip", "--section", "0"], 1, f"no section 0: {NO_SECTION}", "section-0"),
        _row(["tip", "--section", "-1"], 1, f"no section -1: {NO_SECTION}", "section-neg"),
        _row(
            ["tip", "--section", "9" * 40],
            2,
            "Invalid value for '--section' / '-s': \"" + "9" * 40 + '" is out of range'
            " (-9223372036854775808 to 9223372036854775807). See 'effects tip --help'.",
            "section-huge",
        ),
        _row(
            ["tip", "--seed", "-" + "9" * 20],
            2,
            "Invalid value for '--seed': \"-" + "9" * 20 + '" is out of range'
            " (-9223372036854775808 to 9223372036854775807). See 'effects tip --help'.",
            "seed-huge-negative",
        ),
        _row(
            ["tip", "--seed", "9" * 5000],
            2,
            "Invalid value for '--seed': \"" + "9" * 59 + '\u2026" is out of range'
            " (-9223372036854775808 to 9223372036854775807). See 'effects tip --help'.",
            "seed-thousands-of-digits",
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
            ["tip", "--section", "four"],
            2,
            "Invalid value for '--section' / '-s': \"four\" is not a whole number. See 'effects tip --help'.",
            "section-word",
        ),
        _row(
            ["tip", "--seed", "x"],
            2,
            "Invalid value for '--seed': \"x\" is not a whole number. See 'effects tip --help'.",
            "seed-word",
        ),
        _row(
            ["tip", "--daily", "--seed", "3"],
            2,
            "Invalid value for '--seed': cannot be used with --daily. See 'effects tip --help'.",
            "daily-and-seed",
        ),
        # Queries: words that match nothing (exit 1), or no words at all (exit 2).
        _row(["search", "xylophone"], 1, 'the guide does not cover "xylophone"', "query-no-match"),
        _row(["search", "qqq", "zzzz"], 1, 'no match for "qqq zzzz"', "query-no-match-words"),
        _row(["search", "qqqzzzx"], 1, 'no match for "qqqzzzx"', "query-nothing-close"),
        _row(
            ["search", "fotography"],
            1,
            'no match for "fotography"; did you mean "photography"?',
            "query-too-far-to-search-close-enough-to-suggest",
        ),
        _row(
            ["search", '"groups support health mental"'],
            1,
            'no match for "\\"groups support health mental\\""',
            "query-phrase-out-of-order",
        ),
        _row(["search", "[red]x"], 1, 'the guide does not cover "[red]x"', "query-markup"),
        _row(
            ["search", "xylophone+?"],
            1,
            'the guide does not cover "xylophone+?"',
            "query-regex-word",
        ),
        # Queries the guide does not cover: real words it lacks (never taken for typos),
        # words in almost every entry; with the entries that list the words as related.
        _row(["search", "bullying"], 1, 'the guide does not cover "bullying"', "query-not-covered"),
        _row(
            ["search", "mediation"],
            1,
            'the guide does not cover "mediation"',
            "query-real-word-not-corrected",
        ),
        _row(
            ["search", "grief"],
            1,
            'nothing about "grief"; related: 2.1 Mental Health Support Groups,'
            " 3.3 Crisis Intervention and Support",
            "query-not-covered-related",
        ),
        # search --all: the guides (here the bundled one alone), each entry named by its guide.
        _row(
            ["search", "--all", "xylophone"],
            1,
            'the guides do not cover "xylophone"',
            "all-query-not-covered",
        ),
        _row(
            ["search", "--all", "grief"],
            1,
            'nothing about "grief"; related: effects 2.1 Mental Health Support Groups,'
            " effects 3.3 Crisis Intervention and Support",
            "all-query-not-covered-related",
        ),
        _row(
            ["search", "social", "anxiety"],
            1,
            'nothing about "social anxiety"; related: 2.1 Mental Health Support Groups,'
            " 2.2 Peer Support and Shared Experiences, 3.1 Educational Content and Expert Advice",
            "query-common-and-absent-word",
        ),
        _row(
            ["search", "social", "media"],
            1,
            '"social media" is in almost every entry: add a word to narrow the search',
            "query-only-common-words",
        ),
        _row(
            ["search", "to", "the"],
            1,
            '"to the" is in almost every entry: add a word to narrow the search',
            "query-only-function-words",
        ),
        _row(["search", "x" * 5000], 1, 'no match for "' + "x" * 59 + '\u2026"', "query-thousands"),
        _row(["search", "#love--it"], 1, 'no match for "#love--it"', "query-hashtag-double-hyphen"),
        _row(
            ["search", "\x1b]0;pwned\x07"],
            1,
            'no match for "\\x1b]0;pwned\\x07"',
            "query-escape-sequence",
        ),
        _row(["search", "--", "-1"], 1, 'no match for "-1"', "query-negative-after-dashes"),
        _row(
            ["search"],
            2,
            "Invalid value for QUERY: give words to search for, or --regex. See 'effects search --help'.",
            "query-missing",
        ),
        _row(
            ["search", ""],
            2,
            "Invalid value for QUERY: the query is empty. See 'effects search --help'.",
            "query-empty",
        ),
        _row(
            ["search", "  "],
            2,
            "Invalid value for QUERY: the query is empty. See 'effects search --help'.",
            "query-spaces",
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
        _row(
            ["search", "!!!", "?"],
            2,
            "Invalid value for QUERY: \"!!! ?\" has no words to search for. See 'effects search --help'.",
            "query-punctuation",
        ),
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
        _row(
            ["search", "-1"],
            2,
            "No such option: -1 (to pass it as an argument, put -- first: effects search -- -1). See 'effects search --help'.",
            "query-negative",
        ),
        # Search's section, limit and regular expressions.
        _row(
            ["search", "--section", "11", "stigma"],
            1,
            f"no section 11: {NO_SECTION}",
            "search-section-11",
        ),
        _row(
            ["search", "--section", "1", "stigma"],
            1,
            'no match for "stigma" in section 1',
            "search-not-in-section",
        ),
        _row(
            ["search", "--section", "2", "meditaton"],
            1,
            'no match for "meditaton" in section 2; did you mean "meditation"?',
            "search-corrected-but-not-in-section",
        ),
        _row(
            ["search", "--section", "x", "stigma"],
            2,
            "Invalid value for '--section' / '-s': \"x\" is not a whole number. See 'effects search --help'.",
            "search-section-word",
        ),
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
            "Option '--limit' requires an argument. See 'effects search --help'.",
            "limit-missing",
        ),
        _row(["search", "--regex", "xyz{3}"], 1, 'no match for "xyz{3}"', "regex-no-match"),
        _row(["search", "--regex", "q{0}"], 1, 'no match for "q{0}"', "regex-empty-matches"),
        _row(
            ["search", "--regex", "("],
            2,
            "Invalid value for '--regex' / '-e': \"(\" is not a valid pattern: "
            "missing ), unterminated subpattern at position 0. See 'effects search --help'.",
            "regex-bad-pattern",
        ),
        _row(
            ["search", "--regex", ""],
            2,
            "Invalid value for '--regex' / '-e': the pattern is empty. See 'effects search --help'.",
            "regex-empty",
        ),
        _row(
            ["search", "stigma", "--regex", "x"],
            2,
            "Invalid value for QUERY: give words or --regex, not both. See 'effects search --help'.",
            "regex-and-words",
        ),
        # Other commands and options.
        _row(
            ["list", "--tree=yes"],
            2,
            "Option '--tree' does not take a value. See 'effects list --help'.",
            "flag-value",
        ),
        _row(
            ["list", "--bogus"],
            2,
            "No such option: --bogus. See 'effects list --help'.",
            "list-unknown-option",
        ),
        _row(
            ["search", "stigma", "--colour", "always"],
            2,
            "No such option: --colour (Possible options: --color, --no-color). See 'effects search --help'.",
            "global-option-misspelt-after-the-command",
        ),
        _row(
            ["read", "extra"],
            2,
            "Got unexpected extra argument(s) (extra). See 'effects read --help'.",
            "extra-argument",
        ),
        _row(
            ["validate"],
            2,
            "Missing argument 'FILE...'. See 'effects validate --help'.",
            "validate-missing-file",
        ),
        _row(
            ["lst"],
            2,
            "No such command 'lst'. Did you mean 'list'? See 'effects --help'.",
            "command-typo",
        ),
        _row(["bogus"], 2, "No such command 'bogus'. See 'effects --help'.", "command-unknown"),
        _row(
            ["\x1b[2Jlist"],
            2,
            "No such command '\\x1b[2Jlist'. Did you mean 'list'? See 'effects --help'.",
            "command-escape-sequence",
        ),
        _row(
            ["--guide"],
            2,
            "Option '--guide' requires an argument. See 'effects --help'.",
            "guide-missing",
        ),
        _row(
            ["--guide", "", "list"],
            2,
            "Invalid value for '--guide' (or EFFECTS_GUIDE): the path is empty. See 'effects --help'.",
            "guide-empty",
        ),
        _row(
            ["--guide", " ", "list"],
            2,
            "Invalid value for '--guide' (or EFFECTS_GUIDE): the path is empty. See 'effects --help'.",
            "guide-blank",
        ),
        _row(
            ["--color", "purple", "show", "4.2"],
            2,
            "Invalid value for '--color': 'purple' is not one of 'auto', 'always', 'never'. See 'effects --help'.",
            "color-purple",
        ),
        _row(
            ["--color", "purple", "list"],
            2,
            "Invalid value for '--color': 'purple' is not one of 'auto', 'always', 'never'. See 'effects --help'.",
            "color-purple-list",
        ),
        _row(
            ["--color", "", "show", "4.2"],
            2,
            "Invalid value for '--color': '' is not one of 'auto', 'always', 'never'. See 'effects --help'.",
            "color-empty",
        ),
        _row(
            ["--color", "ALWAYS", "show", "4.2"],
            2,
            "Invalid value for '--color': 'ALWAYS' is not one of 'auto', 'always', 'never'. See 'effects --help'.",
            "color-upper-case",
        ),
    ]
)
"""What is typed, against the bundled guide: the exit code and the exact stderr (stdout
stays empty)."""


def typed(id: str) -> tuple[list[str], int, str]:
    """The `ARGUMENTS` row ``id``: what is typed, the exit code and the exact stderr."""
    return _values(ARGUMENTS, id)  # type: ignore[return-value]


def said(id: str) -> str:
    """The message of the `ARGUMENTS` row ``id`` as the error itself words it: without the
    program's name in front and the line end."""
    return typed(id)[2].removeprefix("effects: ").removesuffix("\n")


# --- what --guide is fed ----------------------------------------------------------------------


def _guide(data: bytes | str, problem: str, id: str) -> Any:
    return pytest.param(data, problem, id=id)


EMPTY = ": the guide is empty: it needs at least a title and sections"
ALIASES = "aliases may repeat text, not mappings or lists"
TOP_KEYS = "expected one of: title, sections, subtitle, intro, conclusion"
SECTION_KEYS = "expected one of: title, text, points, keywords, related"
TAGS = "(tags are not part of the guide format)"

GUIDES = _unique(
    [
        # Not text, or no guide at all. (Bytes where a file cannot be written as text.)
        _guide("", EMPTY, "empty"),
        _guide("# only a comment\n", EMPTY, "comment-only"),
        _guide(b"\xef\xbb\xbf", EMPTY, "bom-only"),
        _guide(bytes(range(256)), ": is not UTF-8 text (byte 0x80 at offset 128)", "random-bytes"),
        _guide(b"\x89PNG\r\n\x1a\n\x00\x00", ": is not UTF-8 text (byte 0x89 at offset 0)", "png"),
        _guide(
            "title: caf\xe9\n".encode("latin-1"),
            ": is not UTF-8 text (byte 0xe9 at offset 10)",
            "latin-1",
        ),
        _guide(b"title: T\x00\n", ":1:9: character U+0000 is not allowed in YAML", "nul"),
        _guide(
            "title: a\n  b\x07\n",
            ":2:4: character U+0007 is not allowed in YAML",
            "control-character",
        ),
        _guide(
            "title: \u00e9\u00e9\u00e9\n  b\x07\n",
            ":2:4: character U+0007 is not allowed in YAML",
            "control-character-after-non-ascii",
        ),
        _guide(
            "title: T\n\x1b[2J: x\n", ":2:1: character U+001B is not allowed in YAML", "raw-escape"
        ),
        # Not YAML.
        _guide(
            "title: x\nsections: [\n",
            ":3:1: while parsing a flow node, did not find expected node content",
            "syntax-unclosed",
        ),
        _guide(
            "title: x\n  bad: indent\nsections: []\n",
            ":2:6: mapping values are not allowed in this context",
            "syntax-indent",
        ),
        _guide(
            "title: x\n  bad: indent\n",
            ":2:6: mapping values are not allowed in this context",
            "syntax-indent-at-the-end",
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
        _guide(
            "title: a\n---\ntitle: b\n",
            ":2:1: expected a single document in the stream, but found another document",
            "two-documents",
        ),
        _guide("title: *nope\n", ":1:8: found undefined alias", "undefined-alias"),
        _guide(
            "[" * 2000 + "]" * 2000,
            ":1:1001: while increasing flow level, exceeded maximum nesting depth",
            "deep-nesting",
        ),
        # YAML, but not the shape of a guide.
        _guide(
            "- a\n- b\n",
            ":1:1: expected a mapping with title and sections, got a list",
            "top-level-list",
        ),
        _guide(
            "- a\n",
            ":1:1: expected a mapping with title and sections, got a list",
            "top-level-list-of-one",
        ),
        _guide(
            "hello\n",
            ":1:1: expected a mapping with title and sections, got text",
            "top-level-text",
        ),
        _guide(ONE_SECTION, ":1:1: title: missing", "missing-title"),
        _guide("title: T\n", ":1:1: sections: missing", "missing-sections"),
        _guide(
            "title: T\nsections:\n  - title: S\n    points: [{title: P, text: p}]\n",
            ":3:5: section 1: text: missing",
            "missing-field-deep",
        ),
        _guide(
            "title: T\nsections:\n  - title: a\n    text: b\n    points:\n      - text: d\n",
            ":6:9: sub-point 1.1: title: missing",
            "missing-point-title",
        ),
        _guide("title:\n" + ONE_SECTION, ":1:7: title: missing (the value is empty)", "null-title"),
        _guide("title: ''\n" + ONE_SECTION, ":1:8: title: empty", "empty-title"),
        _guide(
            "title: [a, b]\n" + ONE_SECTION, ":1:8: title: expected text, got a list", "title-list"
        ),
        _guide(
            "title: [a]\n" + ONE_SECTION,
            ":1:8: title: expected text, got a list",
            "wrong-type",
        ),
        _guide(
            "title: 7\nsections: 3\n",
            ":2:11: sections: expected a list, got text",
            "wrong-type-list",
        ),
        _guide(
            "title: T\nsections:\n  a: b\n",
            ":3:3: sections: expected a list, got a mapping",
            "sections-mapping",
        ),
        _guide(
            "title: T\nsections:\n  - just text\n",
            ":3:5: section 1: expected a mapping with title, text, points, got text",
            "section-text",
        ),
        _guide(
            "title: T\nsections:\n  - title: a\n    text: b\n    points: hello\n",
            ":5:13: section 1: points: expected a list, got text",
            "points-text",
        ),
        _guide(
            "title: T\nsections: []\n",
            ":2:11: sections: the list is empty: it needs at least one entry",
            "zero-sections",
        ),
        _guide(
            "title: T\nsections:\n  - title: a\n    text: b\n    points: []\n",
            ":5:13: section 1: points: the list is empty: it needs at least one entry",
            "zero-points",
        ),
        _guide(
            "title: T\nsections:\n  - title: a\n    text: b\n    points:\n      - title: c\n        text: {x: 1}\n",
            ":7:15: sub-point 1.1: text: expected text, got a mapping",
            "point-text-mapping",
        ),
        _guide(
            "title: T\nsections:\n  - title: S\n    text: s\n    points:\n      - title: P\n        text: {a: b}\n",
            ":7:15: sub-point 1.1: text: expected text, got a mapping",
            "wrong-type-deep",
        ),
        # Keys.
        _guide(
            "title: T\nauthor: me\n" + ONE_SECTION,
            f":2:1: author: unknown key ({TOP_KEYS})",
            "unknown-key",
        ),
        _guide(
            "title: T\nsections:\n  - titel: a\n    text: b\n    points: []\n",
            f":3:5: section 1: titel: unknown key (did you mean 'title'? {SECTION_KEYS})",
            "unknown-key-typo",
        ),
        _guide(
            "title: T\nsections:\n  - title: S\n    txet: s\n",
            f":4:5: section 1: txet: unknown key (did you mean 'text'? {SECTION_KEYS})",
            "unknown-key-typo-of-text",
        ),
        _guide(
            "title: T\ntitle: U\n" + ONE_SECTION,
            ":2:1: title: duplicate key (first given on line 1)",
            "duplicate-key",
        ),
        _guide(
            "title: T\ntitle: U\n",
            ":2:1: title: duplicate key (first given on line 1)",
            "duplicate-key-without-sections",
        ),
        _guide(
            "title: T\ntitle: U\nsections: []\n",
            ":2:1: title: duplicate key (first given on line 1)",
            "duplicate-key-and-zero-sections",
        ),
        _guide(
            "title: T\nsections:\n  - title: a\n    text: b\n    points: [{title: c, text: d}]\nsections: x\n",
            ":6:1: sections: duplicate key (first given on line 2)",
            "duplicate-key-of-a-block",
        ),
        _guide(
            'title: "\\e]0;pwned\\a"\ntitle: U\n',
            ":2:1: title: duplicate key (first given on line 1)",
            "escape-in-a-broken-guide",
        ),
        _guide(
            "title: T\n1: x\n" + ONE_SECTION, f':2:1: ["1"]: unknown key ({TOP_KEYS})', "number-key"
        ),
        _guide(
            "title: T\n" + "a b" * 40 + ": x\n" + ONE_SECTION,
            ':2:1: ["' + ("a b" * 20)[:59] + f'\u2026"]: unknown key ({TOP_KEYS})',
            "long-odd-key",
        ),
        _guide(
            "title: T\n[a]: x\n" + ONE_SECTION, ":2:1: a key must be text, got a list", "list-key"
        ),
        _guide(
            "title: T\nsections:\n  - <<: {title: S}\n",
            f':3:5: section 1: ["<<"]: unknown key ({SECTION_KEYS})',
            "merge-key",
        ),
        _guide(
            "title: T\n\u202eevil: x\n" + ONE_SECTION,
            f':2:1: ["\\u202eevil"]: unknown key ({TOP_KEYS})',
            "bidi-key",
        ),
        # Tags: never a Python object, never anything but text.
        _guide(
            "title: !!binary aGVsbG8=\n" + ONE_SECTION,
            f":1:8: title: expected text, got a value tagged !!binary {TAGS}",
            "binary-tag",
        ),
        _guide(
            "title: !!python/object/apply:os.system ['echo pwned']\n" + ONE_SECTION,
            f":1:8: title: expected text, got a value tagged !!python/object/apply:os.system {TAGS}",
            "python-tag",
        ),
        _guide(
            "title: !<tag:yaml.org,2002:python/name:os.system> x\n" + ONE_SECTION,
            f":1:8: title: expected text, got a value tagged !!python/name:os.system {TAGS}",
            "python-tag-verbatim",
        ),
        _guide(
            "title: T\nsections: !!python/object:builtins.list []\n",
            f":2:11: sections: expected a list, got a value tagged !!python/object:builtins.list {TAGS}",
            "python-tag-list",
        ),
        # Aliases repeat text only (see also tests/hostile/test_limits.py).
        _guide(
            "title: T\nsections: [&s {title: S, text: s, points: [{title: P, text: p}]}, *s]\n",
            f": section 2: an alias of the mapping on line 2, column 12: {ALIASES}",
            "alias-of-a-section",
        ),
        _guide(
            "title: T\nsections:\n  - {title: S, text: s, points: &p [{title: P, text: p}]}\n  - {title: S, text: s, points: *p}\n",
            f": section 2: points: an alias of the list on line 3, column 33: {ALIASES}",
            "alias-of-a-list",
        ),
        _guide(
            "&g\ntitle: T\nsections: [*g]\n",
            f": section 1: an alias of the mapping on line 1, column 1: {ALIASES}",
            "recursive-alias",
        ),
    ]
)
"""A guide file's contents, and the problem its message names after the file's name (the
loader's ``source:line:column: field: problem``). Text rows go to the parser as text too."""

MORE_PROBLEMS = {
    "unknown-key-typo": 2,
    "unknown-key-typo-of-text": 2,
    "duplicate-key-without-sections": 1,
    "duplicate-key-and-zero-sections": 1,
    "escape-in-a-broken-guide": 1,
    "merge-key": 3,
}
"""The rows of `GUIDES` whose guide has more problems than its first, and how many more: a
command that reads it tells the first and points to `effects validate` for the rest."""


def more_problems(path: Path, more: int) -> str:
    """What follows the first problem of a guide that has ``more`` problems after it."""
    if not more:
        return ""
    noun = "problem" if more == 1 else "problems"
    return f" (and {more} more {noun}: effects validate {path} lists them all)"


GUIDE_TEXTS = [row for row in GUIDES if isinstance(row.values[0], str)]
"""The rows of `GUIDES` that are text: what ``parse_guide`` can be given."""
GUIDE_BYTES = [row for row in GUIDES if isinstance(row.values[0], bytes)]
"""The rows of `GUIDES` that only a file can hold."""


def guide_problem(id: str) -> str:
    """The problem of the `GUIDES` row ``id``, as it follows the file's name."""
    return _values(GUIDES, id)[1]


# --- what --guide names ------------------------------------------------------------------------

NOT_FILES = _unique(
    [
        pytest.param(lambda d: d / "absent.yaml", "no such file", id="missing"),
        pytest.param(lambda d: d, "is a folder, not a guide file", id="folder"),
        pytest.param(lambda d: d / "[red]x[/].yaml", "no such file", id="markup-name"),
        pytest.param(
            lambda d: Path("/dev/zero"),
            f"is larger than the limit of {MAX_BYTES} bytes (EFFECTS_MAX_GUIDE_BYTES sets another)",
            id="endless",
            marks=pytest.mark.posix,
        ),
    ]
)
"""A path that is no guide file, made in a temporary folder, and the problem after it."""

NOT_ARTICLES = _unique(
    [
        pytest.param(lambda d: d / "none.txt", "no such file", id="missing"),
        pytest.param(lambda d: d, "is a folder, not an article", id="folder"),
    ]
)
"""A path ``effects import`` gets that is no article, and the problem after it."""

MakePath = Callable[[Path], Path]


def not_file_problem(id: str) -> str:
    """The problem of the `NOT_FILES` row ``id``, as it follows the path and a colon."""
    return _values(NOT_FILES, id)[1]


# --- what a Markdown guide holds ------------------------------------------------------------

MD_ONE_SECTION = "## 1. S\n\ns\n\n### 1.1 P\n\np\n"
"""A valid section of one sub-point, to follow a title under test."""

MARKDOWN_GUIDES = _unique(
    [
        _guide("", EMPTY, "md-empty"),
        _guide("<!-- only a comment -->\n", EMPTY, "md-comment-only"),
        _guide(
            MD_ONE_SECTION, ":1: title: missing: a guide starts with a # heading", "md-no-title"
        ),
        _guide(
            "Some words.\n\n# T\n\n" + MD_ONE_SECTION,
            ":1: text before the title: a guide starts with its # heading",
            "md-text-before-title",
        ),
        _guide(
            "---\ntitle: T\n---\n# T\n\n" + MD_ONE_SECTION,
            ":1: front matter (--- lines at the top) is not part of the guide format: the title is the # heading",
            "md-front-matter",
        ),
        _guide(
            "+++\ntitle = 'T'\n+++\n# T\n\n" + MD_ONE_SECTION,
            ":1: front matter (+++ lines at the top) is not part of the guide format: the title is the # heading",
            "md-toml-front-matter",
        ),
        _guide(
            "# T\n\nIntro.\n",
            ":3: sections: missing: a guide needs at least one ## section",
            "md-no-sections",
        ),
        _guide(
            "# T\n\n## 2. S\n\ns\n\n### 2.1 P\n\np\n",
            ":3: section 1: numbered 2: a heading's number must be its place (1)",
            "md-out-of-order",
        ),
        _guide(
            "# T\n\n" + MD_ONE_SECTION + "\n## 1. Again\n\nt\n\n### 2.1 Q\n\nq\n",
            ":11: section 2: numbered 1 again (first on line 3): a heading's number must be its place (2)",
            "md-duplicate-number",
        ),
        _guide(
            "# T\n\n## 1. S\n\ns\n\n### 1.2 P\n\np\n",
            ":7: sub-point 1.1: numbered 1.2: a heading's number must be its place (1.1)",
            "md-point-out-of-order",
        ),
        _guide(
            "# T\n\n## 9999999999. S\n\ns\n\n### 1.1 P\n\np\n",
            ":3: section 1: numbered 9999999999: a heading's number must be its place (1)",
            "md-long-number",  # not taken for the title's first word
        ),
        _guide(
            "# T\n\n## 1. S\n\ns\n\n### 1." + "9" * 30 + " P\n\np\n",
            ":7: sub-point 1.1: numbered 1."
            + "9" * 18
            + "\u2026: a heading's number must be its place (1.1)",
            "md-point-number-cut",
        ),
        _guide(
            "# T\n\n## 1.1 S\n\ns\n\n### 1.1 P\n\np\n",
            ":3: section 1: numbered 1.1 as a sub-point: sub-points are ### headings",
            "md-point-number-on-a-section",
        ),
        _guide(
            "# T\n\n### P\n\np\n", ":3: a ### sub-point before any ## section", "md-skipped-level"
        ),
        _guide(
            "## S\n\ns\n\n### P\n\np\n",
            ":1: title: missing: a guide starts with a # heading",
            "md-starts-at-level-two",
        ),
        _guide(
            "# T\n\n" + MD_ONE_SECTION + "\n#### Deeper\n\nd\n",
            ":11: sub-point 1.1: a #### heading: a guide has # (its title), ## (sections) and ### (sub-points)",
            "md-level-four",
        ),
        _guide(
            "# T\n\n" + MD_ONE_SECTION + "\n# Another\n",
            ":11: a second # heading: a guide has one title; sections are ## headings",
            "md-two-titles",
        ),
        _guide(
            "# T\n\n<div>\nhello\n</div>\n\n" + MD_ONE_SECTION,
            ":3: intro: an HTML block: HTML is not part of the guide format",
            "md-html-block",
        ),
        _guide(
            "# T\n\n## 1. S\n\n<script>alert(1)</script>\n\ns\n\n### 1.1 P\n\np\n",
            ":5: section 1: an HTML block: HTML is not part of the guide format",
            "md-html-in-a-section",
        ),
        _guide(
            "# T\n\n## 1. S\n\n### 1.1 P\n\np\n",
            ":3: section 1: text: missing",
            "md-no-section-text",
        ),
        _guide(
            "# T\n\n## 1. S\n\ns\n",
            ":3: section 1: points: missing: a section needs at least one ### sub-point",
            "md-no-points",
        ),
        _guide(
            "# T\n\n## 1. S\n\ns\n\n### 1.1 P\n",
            ":7: sub-point 1.1: text: missing",
            "md-no-point-text",
        ),
        _guide(
            "# T\n\n## 1.\n\ns\n\n### 1.1 P\n\np\n",
            ":3: section 1: title: missing",
            "md-number-without-title",
        ),
        _guide("#\n\n" + MD_ONE_SECTION, ":1: title: empty", "md-empty-title"),
        _guide(
            "# T\n\n## 1. S\n\nKeywords: a, , b\n\ns\n\n### 1.1 P\n\np\n",
            ":5: section 1: keyword 2: empty",
            "md-empty-keyword",
        ),
        _guide(
            "# T\n\n## 1. S\n\ns\n\n### 1.1 P\n\nKeywords: Sleep, sleep\n\np\n",
            ':9: sub-point 1.1: keyword 2: "sleep" is given twice (first as keyword 1)',
            "md-duplicate-keyword",
        ),
        _guide(
            "# T\n\n## 1. S\n\nKeywords:\n\ns\n\n### 1.1 P\n\np\n",
            ":5: section 1: keywords: none given after 'Keywords:'",
            "md-keywords-without-words",
        ),
        _guide(
            "# T\n\n## 1. S\n\ns\n\n### 1.1 P\n\nRelated: grief, Grief\n\np\n",
            ':9: sub-point 1.1: related word 2: "Grief" is given twice (first as related word 1)',
            "md-duplicate-related-word",
        ),
        _guide(
            "# T\n\n## 1. S\n\nRelated: a\n\nRelated: b\n\ns\n\n### 1.1 P\n\np\n",
            ":7: section 1: related: given twice",
            "md-related-twice",
        ),
        _guide(
            "# T\n\n" + MD_ONE_SECTION + "\n## Conclusion\n\nKeywords: x\n\nThe end.\n",
            ":11: conclusion: keywords: the conclusion has none",
            "md-keywords-in-the-conclusion",
        ),
        _guide(
            "# T\n\n" + MD_ONE_SECTION + "\n## Conclusion\n",
            ":11: conclusion: missing: the last ## heading holds no text",
            "md-empty-last-heading",
        ),
        _guide(b"# caf\xe9\n", ": is not UTF-8 text (byte 0xe9 at offset 5)", "md-latin-1"),
    ]
)
"""A Markdown guide's contents and the problem its message names after the file's name
(``file:line: place: problem``, as YAML guides' but without a column)."""

MARKDOWN_TEXTS = [row for row in MARKDOWN_GUIDES if isinstance(row.values[0], str)]


# --- what the guide folders hold ----------------------------------------------------------------

NOT_GUIDE_FILES = _unique(
    [
        pytest.param(
            "fifo", "is a named pipe (FIFO), not a guide file", id="fifo", marks=pytest.mark.posix
        ),
        pytest.param(
            "loop",
            "is a link in a loop (too many levels of symbolic links)",
            id="symlink-loop",
            marks=pytest.mark.posix,
        ),
        pytest.param(
            "dangling", "is a link to nothing", id="dangling-link", marks=pytest.mark.posix
        ),
        pytest.param("folder", "is a folder, not a guide file", id="folder"),
        pytest.param("huge", "is larger than the limit of 100000 bytes", id="huge"),
    ]
)
"""What a guide folder's ``NAME.yaml`` can be instead of a guide file (made by
tests/hostile/test_guide_folders.py's ``make``), and what is said of it (with
``EFFECTS_MAX_GUIDE_BYTES=100000``)."""

NOT_FOLDERS = _unique(
    [
        pytest.param("missing", "no such folder", id="missing"),
        pytest.param("file", "is a file, not a folder", id="file"),
        pytest.param("unreadable", "permission denied", id="unreadable", marks=pytest.mark.posix),
        pytest.param(
            "loop",
            "is a link in a loop (too many levels of symbolic links)",
            id="loop",
            marks=pytest.mark.posix,
        ),
    ]
)
"""What a folder of ``EFFECTS_PATH`` can be instead of a folder, and the line it gets after
its path."""

PATH_PARTS = _unique(
    [
        pytest.param("{a}::{b}", ["EFFECTS_PATH: part 2 is empty: skipped"], id="empty-part"),
        pytest.param(":{a}", ["EFFECTS_PATH: part 1 is empty: skipped"], id="leading-colon"),
        pytest.param("{a}:", ["EFFECTS_PATH: part 2 is empty: skipped"], id="trailing-colon"),
        pytest.param("{a}: :{b}", ["EFFECTS_PATH: part 2 is empty: skipped"], id="blank-part"),
        pytest.param(
            "guides:{a}", ['EFFECTS_PATH: "guides" is not an absolute path: skipped'], id="relative"
        ),
        pytest.param(
            "{a}:\x1b[31mred",
            ['EFFECTS_PATH: "\\x1b[31mred" is not an absolute path: skipped'],
            id="escape-sequence",
        ),
        pytest.param("{a}:/no\u202ewhere", ["/no\\u202ewhere: no such folder"], id="bidi-override"),
        pytest.param("{a}:/[bold]x[/]", ["/[bold]x[/]: no such folder"], id="markup"),
    ]
)
"""An ``EFFECTS_PATH`` (``{a}``, ``{b}``: two real guide folders) and the lines it gets
(after ``effects: ``); the good folders are read all the same."""
