"""The commands about the reader's own guides: ``guides`` lists them, ``import FILE``
makes one of an article; and what ``search --all`` and ``read --format`` share with them.

No ``from __future__ import annotations``: Typer reads these signatures.
"""

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from effects_cli.cli.options import SECONDS, JsonFlag, Settings
from effects_cli.cli.output import complain, emit, narrow_encoding, write
from effects_cli.guides import GuideSource

if TYPE_CHECKING:
    from effects_cli.collection import Everything
    from effects_cli.model import Guide


def guides(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List the guides to read: the bundled one and yours.

    Guides are the .yaml, .yml and .md files in $XDG_DATA_HOME/effects/guides
    (~/.local/share/effects/guides), then in each folder of EFFECTS_PATH
    (separated by colons); a guide's name is its file name without the ending,
    and --guide NAME reads it. A name found twice is read from the first folder;
    the other is shown as shadowed. A guide that cannot be read is listed with its
    first problem ('effects validate FILE' shows them all).

    Examples:
      effects guides
      effects --guide night-owls list
    """
    from effects_cli.cli.library_results import GuideList
    from effects_cli.collection import listing
    from effects_cli.library import shelf

    settings: Settings = ctx.obj
    found = shelf(os.environ, settings.source.max_bytes)
    for remark in found.remarks:
        complain(remark)
    listed = listing(
        found, use_cache=settings.source.use_cache, max_bytes=settings.source.max_bytes
    )
    emit(settings, GuideList(listed, found.folders, found.remarks), as_json=as_json)


def every_guide(settings: Settings) -> "Everything":
    """Every guide, for ``search --all``: what cannot be read is left out, saying so."""
    from effects_cli.collection import Everything
    from effects_cli.library import shelf

    found = shelf(os.environ, settings.source.max_bytes)
    for remark in found.remarks:
        complain(remark)
    everything = Everything(
        found, use_cache=settings.source.use_cache, max_bytes=settings.source.max_bytes
    )
    for skipped in everything.skipped:
        complain(f"not searched: {skipped.problem}")
    return everything


def complete_guide(incomplete: str) -> list[tuple[str, str]]:
    """``--guide <TAB>``: the names of the guides (with their titles, where reading them
    takes no longer than a TAB may) that can be typed as they are shown; a value with a
    ``/`` is a path, which the shell completes."""
    if "/" in incomplete:
        return []
    try:
        from rich.markup import escape

        from effects_cli.escapes import visible
        from effects_cli.library import shelf
        from effects_cli.timelimit import TimeLimitExceeded, time_limit

        choices = []
        # A name that is not shown as it is (a control or bidi character, a byte that is
        # no UTF-8) is not handed to the shell: `effects guides` shows it escaped.
        guides = [
            guide
            for guide in shelf(os.environ).readable()
            if guide.name.startswith(incomplete) and visible(guide.name) == guide.name
        ]
        try:
            with time_limit(SECONDS):
                for guide in guides:
                    choices.append((guide.name, escape(_title(guide.path))))
        except TimeLimitExceeded:
            pass
        return choices + [(guide.name, "") for guide in guides[len(choices) :]]
    except Exception:  # a folder that cannot be read completes to what could be
        return []


def _title(path: Path) -> str:
    try:
        return GuideSource(path).guide().title
    except Exception:  # a broken guide is still a name to complete, its path the description
        return str(path)


FORMATS = ("markdown", "yaml")
"""``read --format``: the guide formats a guide can be written in."""


def guide_format(text: str) -> str:
    """``--format``'s value, one of `FORMATS` (a plain choice: an `Enum` class costs a
    good part of a millisecond to define at every start)."""
    if text not in FORMATS:
        shown = ", ".join(repr(name) for name in FORMATS)
        raise typer.BadParameter(f"{text!r} is not one of {shown}")
    return text


def complete_format(incomplete: str) -> list[str]:
    return [name for name in FORMATS if name.startswith(incomplete)]


def write_guide(guide: "Guide", format: str) -> None:
    """The guide in a guide format on stdout; a stdout that cannot take UTF-8 gets
    escapes the format reads back (``\\u2019`` in YAML, ``&#8217;`` in Markdown, where only
    a noncharacter such as U+FFFE, which CommonMark reads as U+FFFD, cannot be had)."""
    from effects_cli.writing import guide_markdown, guide_yaml

    narrow = narrow_encoding()
    if format == "yaml":
        write(guide_yaml(guide, unicode=narrow is None))
        return
    text = guide_markdown(guide)
    if narrow is not None:
        text = text.encode(narrow, "xmlcharrefreplace").decode(narrow)
    write(text)


def import_article(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="The article, plain UTF-8 text; - reads standard input.",
            show_default=False,
        ),
    ],
) -> None:
    """Make a guide (YAML, on stdout) of an article with numbered headings.

    The article's first line is its title; '1. Title' and '1.1 Title' on lines of
    their own start sections and sub-points; paragraphs are separated by blank
    lines. Each guess (a subtitle, a picture's caption, the page around the
    article, the conclusion) is one line on stderr. Save the output in your
    guides folder to read it by name.

    Examples:
      effects import article.txt > article.yaml
      effects import - < article.txt
    """
    import sys

    from effects_cli.importer import import_article as imported
    from effects_cli.loader.files import MAX_BYTES, read_stream, read_text

    limit = ctx.obj.source.max_bytes or MAX_BYTES
    if str(file) == "-":
        source = "<stdin>"
        text = read_stream(sys.stdin.buffer, source, limit)
    else:
        source = str(file)
        text = read_text(file, limit, kind="an article")
    result = imported(text, source)
    for remark in result.remarks:
        complain(remark)
    write_guide(result.guide, "yaml")
