"""Help for people, read from the commands themselves: what ``--help`` prints, and the man
page (`manual`) made from the same pages.

A command's docstring is its help: the first paragraph its summary, the others its
description, re-wrapped to the width (so the line breaks of the source do not show), and
a paragraph that starts with ``Examples:`` a list of command lines kept as written. The
options come from the parameters. Nothing here is ever read as markup: ``[a-z]`` in an
example is shown as typed.

No ``from __future__ import annotations``: a CLI module (see `effects_cli.cli`).
"""

import inspect
import re
import textwrap
from collections.abc import Iterator
from typing import Any, NamedTuple

import typer

WIDEST = 80
"""Help is wrapped at most this wide, however wide the terminal: reference text."""
INDENT = "  "
TERM_COLUMN = 24
"""The widest term (an option and its value) that has its description beside it."""
NARROWEST_DESCRIPTION = 24
"""Below this many columns beside the terms, descriptions go under them instead."""
EXAMPLES = "Examples:"
GLOBAL_HEADING = "Options (before or after the command):"


class Section(NamedTuple):
    """A part of a help page under its heading: paragraphs (re-wrapped), rows of a term
    and its description (options, commands), or lines kept as written (examples)."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    rows: tuple[tuple[str, str], ...] = ()
    lines: tuple[str, ...] = ()


class Page(NamedTuple):
    """A command's help: its usage, its one-line summary, and its sections."""

    command_path: str
    usage: str
    summary: str
    sections: tuple[Section, ...]


def paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a docstring, each one line, in order; an examples paragraph keeps
    its lines (the heading, then one example a line)."""
    found = []
    for block in inspect.cleandoc(text or "").split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines()]
        if not lines:
            continue
        if lines[0] == EXAMPLES:
            found.append("\n".join(lines))
        else:
            found.append(" ".join(lines))
    return found


def summary(command: Any) -> str:
    """A command's first paragraph: what it does, in a sentence."""
    found = paragraphs(command.help)
    return found[0] if found else ""


def page(ctx: typer.Context, *, global_options: tuple[tuple[str, str], ...] = ()) -> Page:
    """The help page of the command of ``ctx``. A group lists its commands; a command
    under the root names the ``global_options`` (term and description), which work there
    too; the root lists them apart from its options that work only before the command."""
    command = ctx.command
    texts = paragraphs(command.help) + paragraphs(command.epilog)
    described = [text for text in paragraphs(command.help) if not text.startswith(EXAMPLES)]
    closing = [text for text in paragraphs(command.epilog) if not text.startswith(EXAMPLES)]
    examples = [
        line for text in texts if text.startswith(EXAMPLES) for line in text.splitlines()[1:]
    ]
    arguments, options = [], []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is not None:
            (arguments if param.param_type_name == "argument" else options).append(record)
    sections = [Section("", paragraphs=tuple(described[1:]))] if described[1:] else []
    if arguments:
        sections.append(Section("Arguments:", rows=tuple(arguments)))
    commands = [
        (name, summary(sub))
        for name in getattr(command, "list_commands", lambda ctx: [])(ctx)
        if (sub := command.get_command(ctx, name)) is not None and not sub.hidden
    ]
    if commands:
        sections.append(Section("Commands:", rows=tuple(commands)))
    is_root = ctx.parent is None
    if is_root and global_options:
        # The root's settings work on either side of the command; --version, completion
        # and --help act at once, before it (after it, --help is the command's).
        sections.append(Section(GLOBAL_HEADING, rows=global_options))
        options = [row for row in options if row not in global_options]
    if options:
        heading = "Other options:" if is_root and global_options else "Options:"
        sections.append(Section(heading, rows=tuple(options)))
    if global_options and not is_root:
        terms = ", ".join(term for term, _ in global_options)
        root = ctx.find_root().command_path
        sections.append(
            Section(
                "Global options work here too:",
                paragraphs=(f"{terms} (see '{root} --help').",),
            )
        )
    if examples:
        sections.append(Section(EXAMPLES, lines=tuple(examples)))
    if closing:
        sections.append(Section("", paragraphs=tuple(closing)))
    # Typer writes a required argument {REF}; the usual way, as in click, is REF.
    pieces = [re.sub(r"^\{(.*)\}$", r"\1", piece) for piece in command.collect_usage_pieces(ctx)]
    return Page(
        ctx.command_path, " ".join([ctx.command_path, *pieces]), described[0], tuple(sections)
    )


def as_text(help_page: Page, width: int) -> str:
    """The page as plain text ``width`` columns wide (at most `WIDEST`), each line ending
    in something other than a blank."""
    width = min(width, WIDEST)
    out = _wrapped(f"Usage: {help_page.usage}", width, "", " " * len("Usage: "))
    out += ["", *_wrapped(help_page.summary, width, INDENT)]
    for section in help_page.sections:
        out.append("")
        if section.heading:
            out.append(section.heading)
        for paragraph in section.paragraphs:
            out += _wrapped(paragraph, width, INDENT)
        out += list(_rows(section.rows, width))
        out += [INDENT + line for line in section.lines]
    return "\n".join(line.rstrip() for line in out) + "\n"


def _wrapped(text: str, width: int, indent: str, later: str | None = None) -> list[str]:
    """``text`` wrapped to ``width``, words never broken unless longer than a line."""
    return textwrap.wrap(
        text,
        max(width, len(indent) + 10),
        initial_indent=indent,
        subsequent_indent=indent if later is None else later,
        break_on_hyphens=False,
    ) or [indent]


def _rows(rows: tuple[tuple[str, str], ...], width: int) -> Iterator[str]:
    """Terms in a column, descriptions wrapped beside them; a term too wide for the column
    gets its description on the lines under it, as does every term on a narrow terminal."""
    if not rows:
        return
    fitting = [len(term) for term, _ in rows if len(term) <= TERM_COLUMN]
    column = max(fitting, default=TERM_COLUMN) + len(INDENT) * 2
    beside = width - column >= NARROWEST_DESCRIPTION
    if not beside:
        column = len(INDENT) * 3
    for term, description in rows:
        lines = _wrapped(description, width, " " * column) if description else []
        first = INDENT + term
        if lines and beside and len(first) + len(INDENT) <= column:
            yield first.ljust(column) + lines[0].lstrip()
            yield from lines[1:]
        else:
            yield from _wrapped(first, width, "", INDENT * 2)
            yield from lines
