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
    from effects_cli.entries import Entries
    from effects_cli.model import Entry, Guide, Point, Section
    from effects_cli.search.results import Results


class Target(Frozen):
    """Where output for people goes: a terminal gets headers, colour and wrapping, a pipe
    lines for grep; ``encoding`` is stdout's when it cannot hold every character. For a
    result laid out without Rich: the ``width``, the ``styling`` (``none``, ``mono`` or
    ``colour``: `effects_cli.terminal.Styling`) and the ``theme``."""

    __slots__ = ("encoding", "is_terminal", "styling", "theme", "width")
    is_terminal: bool
    encoding: str | None
    width: int
    styling: str
    theme: str

    def __init__(
        self,
        is_terminal: bool,
        encoding: str | None,
        *,
        width: int = 80,
        styling: str = "none",
        theme: str = "dark",
    ) -> None:
        self._set(
            is_terminal=is_terminal, encoding=encoding, width=width, styling=styling, theme=theme
        )


class Shown(Frozen):
    """A result laid out for people: a Rich renderable (or text laid out already);
    ``paged`` when it is always paged on a terminal (``read``), not only when taller than
    the window; ``soft_wrap`` when its lines are never wrapped (the contents in a pipe, one
    entry a line)."""

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


class ShortTip(EntryView):
    """``effects tip --short``: a sub-point in two lines, laid out without Rich
    (`effects_cli.short`); its JSON is the sub-point's, as ``tip --json`` prints it."""

    __slots__ = ()
    entry: Point

    def for_people(self, target: Target) -> Shown:
        from effects_cli.short import short_tip

        text = short_tip(
            self.entry,
            width=target.width,
            styled=target.styling != "none",
            colour=target.styling == "colour",
            theme=target.theme,
            encoding=target.encoding,
        )
        return Shown(text)


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
        """The hits shown, and as ``total`` how many there were before ``--limit``."""
        from effects_cli.export import hits_json

        data = hits_json(self.query, self.results.hits, self.results.corrections)
        if self.guides is not None:
            data["hits"] = [
                {"guide": name, **hit} for name, hit in zip(self.guides, data["hits"], strict=True)
            ]
        return {"query": data.pop("query"), "total": self.results.found, **data}

    @property
    def more(self) -> str | None:
        """What says how many hits ``--limit`` left out, and how to see them; None if none."""
        shown, found = len(self.results.hits), self.results.found
        if found <= shown:
            return None
        return f"{shown} of {found} hits shown; --limit {found} shows them all."

    def for_people(self, target: Target) -> Shown:
        """On a terminal the hits end with `more`, in the text (and the pager); in a pipe,
        where only hits belong, the command says it on stderr instead."""
        from rich.console import Group

        from effects_cli.render import render_hits, render_more

        hits = self.results.hits
        if target.encoding is not None:
            from effects_cli.encodable import encodable_hits

            hits = encodable_hits(hits, target.encoding)
        shown = render_hits(hits, labels=self.guides)
        if target.is_terminal and self.more is not None:
            shown = Group(shown, render_more(self.more))
        return Shown(shown)


class Uncovered(Frozen):
    """``effects search`` when the guide does not cover the query: for ``--json`` only, as
    people get one line on stderr (`errors.NotCovered`) and nothing on stdout."""

    __slots__ = ("guides", "query", "results")
    query: str
    results: Results
    guides: tuple[str, ...] | None
    """``search --all``: the name of each related entry's guide."""

    def __init__(
        self, query: str, results: Results, *, guides: tuple[str, ...] | None = None
    ) -> None:
        self._set(query=query, results=results, guides=guides)

    def json(self) -> Any:
        from effects_cli.export import not_covered_json

        data = not_covered_json(self.query, self.results)
        if self.guides is not None:
            data["related"] = [
                {"guide": name, **entry}
                for name, entry in zip(self.guides, data["related"], strict=True)
            ]
        return {"query": data.pop("query"), "total": 0, **data}

    def for_people(self, target: Target) -> Shown:  # pragma: no cover - never asked
        raise NotImplementedError("people are told on stderr")


def _fitted_guide(guide: Guide, target: Target) -> Guide:
    if target.encoding is None:
        return guide
    from effects_cli.encodable import encodable_guide

    return encodable_guide(guide, target.encoding)


Result = Contents | EntryView | ShortTip | WholeGuide | Found | Uncovered
"""What a command hands to `output.emit`."""


class Kept:
    """What a command printed, by name (``show:4.2``, ``short:4.2``, ``list``, ``list-tree``),
    and the entries of the guide it is of; for a tip picked at random from the whole guide,
    its kind (``show`` or ``short``), of which a large guide gets more picked ahead
    (`effects_cli.warm.keeper` keeps it for the fast path)."""

    __slots__ = ("ahead", "entries", "name")

    def __init__(self, name: str, entries: Entries, ahead: str | None = None) -> None:
        self.name = name
        self.entries = entries
        self.ahead = ahead
