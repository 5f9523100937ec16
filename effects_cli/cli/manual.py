"""The man page, ``effects(1)``: the help of every command (`help.page`, the pages
``--help`` prints), and the environment variables, exit codes and files, in roff.

``python scripts/manpage.py`` writes it to ``man/effects.1``, which the wheel installs as
``share/man/man1/effects.1``; a test makes it again and compares, so it cannot fall
behind the help.

No ``from __future__ import annotations``: a CLI module (see `effects_cli.cli`).
"""

from typing import Any

import typer

from effects_cli import __version__
from effects_cli.cli.help import EXAMPLES, Page, page
from effects_cli.encodable import encodable

ENVIRONMENT = (
    ("EFFECTS_GUIDE", "The guide to read, as --guide (which wins)."),
    ("EFFECTS_PATH", "More guide folders, separated by colons, read after your own (see "
     "FILES); 'effects guides' lists what they hold."),
    ("XDG_DATA_HOME", "Where your own guide folder is (see FILES)."),
    ("EFFECTS_THEME", "dark or light: the colours for a dark or a white terminal (auto, "
     "or unset: COLORFGBG's background where the terminal sets it, else dark)."),
    ("EFFECTS_PAGER, PAGER", "The pager, a command line with shell quoting; empty or cat: "
     "no pager. Without either: less -FRX (less -RX with --pager)."),
    ("LESS", "Options for less; FRX when unset (RX with --pager)."),
    ("NO_COLOR", "Set and not empty: no colours (bold and underline stay)."),
    ("FORCE_COLOR", "Set and not empty: colour, in a pipe too."),
    ("TERM", "dumb: no escape codes."),
    ("COLORFGBG", "The terminal's colours, as some terminals set them: a white background "
     "(15 or 7 after the last semicolon) chooses the light theme unless EFFECTS_THEME says "
     "otherwise."),
    ("COLUMNS, LINES", "The window's width and height, when not the terminal's."),
    ("EFFECTS_MAX_GUIDE_BYTES", "The largest guide read, in bytes (20000000 unless set)."),
    ("XDG_CACHE_HOME", "Where the cache folder is (see FILES)."),
)  # fmt: skip
"""Every variable effects reads, and what it does (the README's table says the same)."""

EXIT_CODES = (
    (0, "Success."),
    (1, "Not found: an unknown reference, or a search with no match."),
    (2, "Usage error: a missing or unknown argument, option or command, or a bad value."),
    (3, "The guide cannot be read: missing, not UTF-8, not valid YAML, or not in the guide "
     "format (validate: a file has problems)."),
    (4, "The output cannot be written, the cache cannot be cleared, or TAB completion "
     "cannot be installed."),
    (130, "Interrupted (Ctrl-C)."),
    (141, "The reader of the pipe went away before everything was written."),
    (143, "browse ended by kill (SIGTERM)."),
)  # fmt: skip
"""Every exit code, in the words of the README's table (`app.ExitCode` names them)."""

FILES = (
    ("$XDG_CACHE_HOME/effects, by default ~/.cache/effects", "The cache of parsed guides "
     "and search indexes (~/Library/Caches/effects on macOS, %LOCALAPPDATA%\\effects\\Cache "
     "on Windows): 'effects cache path' prints it, 'effects cache clear' empties it."),
    ("$XDG_DATA_HOME/effects/guides, by default ~/.local/share/effects/guides", "Your "
     "own guides: each .yaml, .yml or .md file is a guide named after its file, read with "
     "--guide NAME (EFFECTS_PATH names more folders)."),
    ("~/.bash_completions/effects.sh, ~/.zfunc/_effects, "
     "~/.config/fish/completions/effects.fish", "TAB completion, as --install-completion "
     "writes it; ~/.bashrc or ~/.zshrc gets the one line that loads it."),
)  # fmt: skip


def manual(group: Any) -> str:
    """The man page of ``group`` (the app's click command), in roff."""
    root = group.make_context("effects", [], resilient_parsing=True)
    from effects_cli.cli.options import global_option_rows

    top = page(root, global_options=global_option_rows(root))
    out = [
        f'.TH EFFECTS 1 "" "effects {__version__}" "User Commands"',
        ".SH NAME",
        f"effects \\- {_roff(_lowered(top.summary))}",
        ".SH SYNOPSIS",
        f".B effects\n{_roff(top.usage.removeprefix('effects '))}",
        ".SH DESCRIPTION",
        _roff(top.summary),
        ".PP",
        _roff(
            "The first options under OPTIONS go before the command or after it: 'effects"
            " read --no-pager' is 'effects --no-pager read'. The others go before it."
        ),
    ]
    out += _sections(top, skip=("Commands:", "", EXAMPLES), options=".SH OPTIONS")
    out.append(".SH COMMANDS")
    for context in _contexts(root):
        sub = page(context, global_options=global_option_rows(context))
        out += [f'.SS "{_roff(sub.usage)}"', _roff(sub.summary)]
        out += _sections(sub, skip=("Global options work here too:", "Commands:"))
    out += [".SH ENVIRONMENT", *_tagged(ENVIRONMENT, ".B")]
    out += [".SH EXIT STATUS", *_tagged(((str(code), text) for code, text in EXIT_CODES), ".B")]
    out += [".SH FILES", *_tagged(FILES, ".I")]
    examples = [line for section in top.sections for line in section.lines]
    out += [".SH EXAMPLES", ".nf", *map(_roff, examples), ".fi"]
    out += [".SH SEE ALSO", _roff("less(1); 'effects COMMAND --help'.")]
    return "\n".join(out) + "\n"


def _contexts(root: typer.Context) -> list[typer.Context]:
    """A context for every command under the root, sub-commands after their group."""
    found = []

    def visit(ctx: typer.Context) -> None:
        command = ctx.command
        for name in getattr(command, "list_commands", lambda ctx: [])(ctx):
            sub = command.get_command(ctx, name)
            if sub is None or sub.hidden:
                continue
            context = sub.make_context(name, [], parent=ctx, resilient_parsing=True)
            found.append(context)
            visit(context)

    visit(root)
    return found


def _sections(help_page: Page, *, skip: tuple[str, ...], options: str = "") -> list[str]:
    """A page's sections in roff, but those under the headings in ``skip``: paragraphs,
    tagged rows, and examples as written; the options under ``options`` when given."""
    out: list[str] = []
    for section in help_page.sections:
        if section.heading in skip:
            continue
        if options and section.heading.startswith("Options"):
            out.append(options)
        elif section.heading and section.heading != EXAMPLES:
            out += [".PP", _roff(section.heading)]
        out += [line for paragraph in section.paragraphs for line in (".PP", _roff(paragraph))]
        for term, description in section.rows:
            out += [".TP", f"\\fB{_roff(term)}\\fR", _roff(description)]
        if section.lines:
            out += [".PP", EXAMPLES, ".RS", ".nf", *map(_roff, section.lines), ".fi", ".RE"]
    return out


def _tagged(rows: Any, tag: str) -> list[str]:
    """Rows of a name and what it means, as tagged paragraphs."""
    return [line for name, text in rows for line in (".TP", f"{tag} {_roff(name)}", _roff(text))]


def _lowered(sentence: str) -> str:
    """A summary as the NAME line has it: no capital to start, no full stop to end."""
    return (sentence[:1].lower() + sentence[1:]).rstrip(".")


def _roff(text: str) -> str:
    """Text as roff shows it as written: backslashes and hyphens escaped, other than ASCII
    in plain stand-ins (`effects_cli.encodable`), and no line that a dot or a quote would
    make a request."""
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    escaped = encodable(escaped, "ascii")  # what any man, in any locale, can show
    return "\n".join(
        f"\\&{line}" if line.startswith((".", "'")) else line for line in escaped.splitlines()
    )
