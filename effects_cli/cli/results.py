"""What each command produces: one value, printed as JSON or for people by `output.emit`.

A result knows its two forms and nothing of the streams: `json` gives the
data (`effects_cli.export`), `for_people` the Rich renderable (`effects_cli.render`)
for where the output goes. Each imports what it needs only when asked, so
``--json`` never loads Rich and a pipe never loads what a terminal needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from effects_cli.model import Entry, Guide, Section
    from effects_cli.search.results import Results


class Target(NamedTuple):
    """Where output for people goes."""

    is_terminal: bool
    """A terminal gets headers, colour and wrapping; a pipe gets lines for grep."""
    encoding: str | None
    """Stdout's encoding when it cannot hold every character, else None."""


class Shown(NamedTuple):
    """A result laid out for people."""

    renderable: Any
    """A Rich renderable."""
    paged: bool = False
    """Always paged on a terminal (``read``), not only when taller than the window."""
    soft_wrap: bool = False
    """Lines are never wrapped (the contents in a pipe, one entry a line)."""


class Result(Protocol):
    """What every command's result can do."""

    def json(self) -> Any: ...

    def for_people(self, target: Target) -> Shown: ...


class Contents(NamedTuple):
    """``effects list``: the sections, and with ``tree`` their sub-points."""

    guide: Guide
    tree: bool = False

    def json(self) -> Any:
        from effects_cli.export import contents_json

        return contents_json(self.guide)

    def for_people(self, target: Target) -> Shown:
        from effects_cli.render import contents_lines, render_contents

        guide = _fitted_guide(self.guide, target)
        # The layout follows where the output goes; FORCE_COLOR only adds colour to it.
        if target.is_terminal:
            return Shown(render_contents(guide, tree=self.tree))
        return Shown(contents_lines(guide, tree=self.tree), soft_wrap=True)


class EntryView(NamedTuple):
    """``effects show`` and ``effects tip``: one section, or one sub-point."""

    entry: Entry
    section: Section
    """The section the entry is, or belongs to."""

    def json(self) -> Any:
        from effects_cli.export import entry_json

        return entry_json(self.entry, self.section)

    def for_people(self, target: Target) -> Shown:
        from effects_cli.render import render_entry

        entry, section = self.entry, self.section
        if target.encoding is not None:
            from effects_cli.encodable import encodable_entry

            entry = encodable_entry(entry, target.encoding)
            section = encodable_entry(section, target.encoding)
        return Shown(render_entry(entry, section))


class WholeGuide(NamedTuple):
    """``effects read``: the guide, title to conclusion."""

    guide: Guide

    def json(self) -> Any:
        from effects_cli.export import guide_json

        return guide_json(self.guide)

    def for_people(self, target: Target) -> Shown:
        from effects_cli.render import render_guide

        return Shown(render_guide(_fitted_guide(self.guide, target)), paged=True)


class Found(NamedTuple):
    """``effects search``: the hits shown, best first, and how many there were."""

    query: str
    results: Results
    limit: int | None

    def json(self) -> Any:
        from effects_cli.export import hits_json

        return hits_json(self.query, self.results.hits, self.results.corrections)

    def for_people(self, target: Target) -> Shown:
        from rich.console import Group

        from effects_cli.render import render_hits, render_more

        hits = self.results.hits
        if target.encoding is not None:
            from effects_cli.encodable import encodable_hits

            hits = encodable_hits(hits, target.encoding)
        shown = render_hits(hits)
        found = self.results.found
        if target.is_terminal and self.limit is not None and found > self.limit:
            shown = Group(shown, render_more(self.limit, found))
        return Shown(shown)


def _fitted_guide(guide: Guide, target: Target) -> Guide:
    if target.encoding is None:
        return guide
    from effects_cli.encodable import encodable_guide

    return encodable_guide(guide, target.encoding)
