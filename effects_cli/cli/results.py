"""What each command produces: one value, printed as JSON or for people by `output.emit`.

A result knows its two forms and nothing of the streams: `json` gives the
data (`effects_cli.export`), `for_people` the Rich renderable (`effects_cli.render`)
for where the output goes. Each imports what it needs only when asked, so
``--json`` never loads Rich and a pipe never loads what a terminal needs.

Results are immutable values with slots (`effects_cli.model.Frozen`), as the
guide's own types are, rather than named tuples: they are defined at every start,
and a named tuple costs ten times as much to define (150 microseconds, against 15).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from effects_cli.model import Frozen

if TYPE_CHECKING:
    from effects_cli.model import Entry, Guide, Section
    from effects_cli.search.results import Results


class Target(Frozen):
    """Where output for people goes: a terminal gets headers, colour and wrapping, a pipe
    lines for grep; ``encoding`` is stdout's when it cannot hold every character."""

    __slots__ = ("encoding", "is_terminal")
    is_terminal: bool
    encoding: str | None

    def __init__(self, is_terminal: bool, encoding: str | None) -> None:
        self._set(is_terminal=is_terminal, encoding=encoding)


class Shown(Frozen):
    """A result laid out for people: a Rich renderable; ``paged`` when it is always paged on
    a terminal (``read``), not only when taller than the window; ``soft_wrap`` when its
    lines are never wrapped (the contents in a pipe, one entry a line)."""

    __slots__ = ("paged", "renderable", "soft_wrap")
    renderable: Any
    paged: bool
    soft_wrap: bool

    def __init__(self, renderable: Any, *, paged: bool = False, soft_wrap: bool = False) -> None:
        self._set(renderable=renderable, paged=paged, soft_wrap=soft_wrap)


class Contents(Frozen):
    """``effects list``: the sections, and with ``tree`` their sub-points."""

    __slots__ = ("guide", "tree")
    guide: Guide
    tree: bool

    def __init__(self, guide: Guide, *, tree: bool = False) -> None:
        self._set(guide=guide, tree=tree)

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


class EntryView(Frozen):
    """``effects show`` and ``effects tip``: one section, or one sub-point (of ``section``)."""

    __slots__ = ("entry", "section")
    entry: Entry
    section: Section

    def __init__(self, entry: Entry, section: Section) -> None:
        self._set(entry=entry, section=section)

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


class WholeGuide(Frozen):
    """``effects read``: the guide, title to conclusion."""

    __slots__ = ("guide",)
    guide: Guide

    def __init__(self, guide: Guide) -> None:
        self._set(guide=guide)

    def json(self) -> Any:
        from effects_cli.export import guide_json

        return guide_json(self.guide)

    def for_people(self, target: Target) -> Shown:
        from effects_cli.render import render_guide

        return Shown(render_guide(_fitted_guide(self.guide, target)), paged=True)


class Found(Frozen):
    """``effects search``: the hits shown, best first, and how many there were."""

    __slots__ = ("guides", "limit", "query", "results")
    query: str
    results: Results
    limit: int | None
    guides: tuple[str, ...] | None
    """The name of each hit's guide (``search --all``), which labels it."""

    def __init__(
        self,
        query: str,
        results: Results,
        limit: int | None,
        guides: tuple[str, ...] | None = None,
    ) -> None:
        self._set(query=query, results=results, limit=limit, guides=guides)

    def json(self) -> Any:
        from effects_cli.export import hits_json

        data = hits_json(self.query, self.results.hits, self.results.corrections)
        if self.guides is not None:
            data["hits"] = [
                {"guide": name, **hit} for name, hit in zip(self.guides, data["hits"], strict=True)
            ]
        return data

    def for_people(self, target: Target) -> Shown:
        from rich.console import Group

        from effects_cli.render import render_hits, render_more

        hits = self.results.hits
        if target.encoding is not None:
            from effects_cli.encodable import encodable_hits

            hits = encodable_hits(hits, target.encoding)
        shown = render_hits(hits, labels=self.guides)
        found = self.results.found
        if target.is_terminal and self.limit is not None and found > self.limit:
            shown = Group(shown, render_more(self.limit, found))
        return Shown(shown)


def _fitted_guide(guide: Guide, target: Target) -> Guide:
    if target.encoding is None:
        return guide
    from effects_cli.encodable import encodable_guide

    return encodable_guide(guide, target.encoding)


Result = Contents | EntryView | WholeGuide | Found
"""What a command hands to `output.emit`."""
