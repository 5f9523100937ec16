"""Open a guide: the bundled one or a file, from the cache when it is fresh.

This module is what commands call. It imports neither PyYAML nor the YAML
reader unless the cache cannot answer, which is what keeps a warm start as
cheap as importing the command-line libraries alone.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING

from effects_cli import cache
from effects_cli.model import Guide, Point, Section

if TYPE_CHECKING:
    from effects_cli.search import Index

BUNDLED_NAME = "effects.yaml"
"""The bundled guide's file name, under ``data/`` in the checkout and in the package."""

GUIDE_CODE = ("loader", "model", "errors", "guides")
"""The modules whose code decides what a parsed guide holds (part of the cache key)."""
SEARCH_CODE = ("search",)
"""The module whose code decides what a search index holds."""

_Record = tuple[str, str | None, str | None, str | None, tuple[tuple[str, str, tuple], ...]]


def bundled_guide_path() -> Path:
    """Where the bundled guide lives: inside the installed package, else in the checkout.

    A wheel carries ``data/effects.yaml`` as ``effects_cli/data/effects.yaml``
    (hatchling ``force-include``); an editable install or a plain checkout
    imports the package from the repository, whose root holds ``data/``.
    The package is always installed as plain files (a wheel is never run
    zipped), so a path beside this module is enough; ``importlib.resources``
    would cost its import on every run.
    """
    package = Path(__file__).resolve().parent
    packaged = package / "data" / BUNDLED_NAME
    return packaged if packaged.is_file() else package.parent / "data" / BUNDLED_NAME


def open_guide(path: Path | None = None, *, use_cache: bool = True) -> Guide:
    """The guide at ``path`` (the bundled guide when None), parsed or from the cache.

    Raises `GuideError` when the file cannot be read or is not a valid guide;
    errors are never cached, so a fixed file is read afresh.
    """
    return _open(path, use_cache)[0]


def open_searchable(path: Path | None = None, *, use_cache: bool = True) -> tuple[Guide, Index]:
    """The guide, as `open_guide` gives it, and its search index, built or from the cache.

    Both come from the same state of the file: the file is stamped once,
    before it is read, so an edit meanwhile can only cause a rebuild.
    """
    from effects_cli.search import Index

    guide, stamp = _open(path, use_cache)
    key = stamp + cache.code_stamp(*SEARCH_CODE) if stamp is not None else None
    if key is not None:
        record = cache.read("index", key)
        if record is not None:
            try:
                return guide, Index.from_record(record)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                pass
    index = Index.build(guide)
    if key is not None:
        cache.write("index", key, index.record())
    return guide, index


def _open(path: Path | None, use_cache: bool) -> tuple[Guide, tuple[Hashable, ...] | None]:
    """The guide, and the stamp of the file it was read from (None without the cache)."""
    source = path if path is not None else bundled_guide_path()
    stamp = cache.file_stamp(source) if use_cache else None
    key = stamp + cache.code_stamp(*GUIDE_CODE) if stamp is not None else None
    if key is not None:
        record = cache.read("guide", key)
        if record is not None:
            try:
                return guide_from_record(record), stamp  # type: ignore[arg-type]
            except (TypeError, ValueError, IndexError):
                pass  # written by other code, or damaged in a way the CRC missed
    from effects_cli.loader import load_guide

    guide = load_guide(source)
    if key is not None:
        cache.write("guide", key, guide_record(guide))
    return guide, stamp


def guide_record(guide: Guide) -> _Record:
    """The guide as nested tuples of strings, for ``marshal``."""
    return (
        guide.title,
        guide.subtitle,
        guide.intro,
        guide.conclusion,
        tuple(
            (
                section.title,
                section.text,
                tuple((point.title, point.text) for point in section.points),
            )
            for section in guide.sections
        ),
    )


def guide_from_record(record: _Record) -> Guide:
    """The `Guide` a `guide_record` describes; TypeError or ValueError if it is not one."""
    title, subtitle, intro, conclusion, sections = record
    guide = Guide(
        title=title,
        subtitle=subtitle,
        intro=intro,
        conclusion=conclusion,
        sections=tuple(
            Section(
                number=number,
                title=section_title,
                text=section_text,
                points=tuple(
                    Point(section=number, number=index, title=point_title, text=point_text)
                    for index, (point_title, point_text) in enumerate(points, start=1)
                ),
            )
            for number, (section_title, section_text, points) in enumerate(sections, start=1)
        ),
    )
    for text in _texts(guide):
        if not isinstance(text, str):
            raise TypeError("a guide's texts are strings")
    return guide


def _texts(guide: Guide) -> list[object]:
    texts: list[object] = [guide.title, guide.subtitle or "", guide.intro or ""]
    texts.append(guide.conclusion or "")
    for section in guide.sections:
        texts += (section.title, section.text)
        for point in section.points:
            texts += (point.title, point.text)
    return texts
