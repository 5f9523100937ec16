"""Read a guide file and turn it into the model, or say exactly what is wrong with it.

- `files`: the file's text, within the size limit, as UTF-8;
- `yaml_guide`: the YAML format, checked node by node (imports PyYAML), after
  `yaml_events` has read a well-formed guide from the parser's events (faster);
- `markdown_guide`: the Markdown format (imports markdown-it-py), for files named
  ``.md`` or ``.markdown``.

This module imports no parser: the functions below load one only when a file
must really be parsed, so that a run answered from the cache never pays for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from effects_cli.bundled import bundled_guide_path
from effects_cli.loader.files import MAX_BYTES, read_stream, read_text

if TYPE_CHECKING:
    from effects_cli.model import Guide

__all__ = [
    "MARKDOWN_SUFFIXES",
    "MAX_BYTES",
    "STDIN",
    "check_guide",
    "is_markdown",
    "load_guide",
    "parse_guide",
]

MARKDOWN_SUFFIXES = (".md", ".markdown")
"""Guide files read as Markdown (in any case); every other guide file is YAML."""


def is_markdown(path: Path | str) -> bool:
    """Whether the guide file at ``path`` is read as Markdown, by its name."""
    return str(path).lower().endswith(MARKDOWN_SUFFIXES)


def load_guide(path: Path | None = None, *, max_bytes: int = MAX_BYTES) -> Guide:
    """Read and check the guide at ``path``, or the bundled guide when it is None.

    Raises `GuideError` for the first problem: `GuideProblems` when the format is broken,
    which counts the others too (so that a message can say ``effects validate`` lists
    them); a file of more than ``max_bytes`` bytes is refused with `GuideTooLarge`
    without being read further. Checking on past a problem costs a good guide nothing.
    """
    source = path if path is not None else bundled_guide_path()
    return parse_guide(
        read_text(source, max_bytes),
        str(source),
        every_problem=True,
        max_bytes=max_bytes,
        markdown=is_markdown(source),
    )


def check_guide(
    path: Path | None, *, max_bytes: int = MAX_BYTES, stream: BinaryIO | None = None
) -> Guide:
    """Read and check the guide at ``path`` (or, when it is None, the one ``stream`` holds,
    named ``<stdin>``), reporting every problem found, not just the first.

    Raises `GuideProblems` (a `GuideError`) listing them all when the guide is
    readable but breaks the format in places, or `GuideError` when the file
    cannot be read or parsed at all.
    """
    if path is None:
        assert stream is not None
        return parse_guide(
            read_stream(stream, STDIN, max_bytes), STDIN, every_problem=True, max_bytes=max_bytes
        )
    return parse_guide(
        read_text(path, max_bytes),
        str(path),
        every_problem=True,
        max_bytes=max_bytes,
        markdown=is_markdown(path),
    )


STDIN = "<stdin>"
"""What a guide read from standard input is called in messages."""


def parse_guide(
    text: str,
    source: str = "<guide>",
    *,
    every_problem: bool = False,
    max_bytes: int = MAX_BYTES,
    markdown: bool = False,
) -> Guide:
    """The guide a YAML text describes (see `yaml_guide.parse_guide`), or with
    ``markdown`` a Markdown text (`markdown_guide.parse_guide`)."""
    if markdown:
        from effects_cli.loader import markdown_guide

        return markdown_guide.parse_guide(text, source, every_problem=every_problem)
    from effects_cli.loader import yaml_guide

    return yaml_guide.parse_guide(text, source, every_problem=every_problem, max_bytes=max_bytes)
