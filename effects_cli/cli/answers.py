"""What ``list``, ``show`` and ``tip`` answer: a result, and the name it is kept under.

Without Typer: the commands (`effects_cli.cli.reading`) and the fast path
(`effects_cli.warm.direct`) both answer through these, so that they print the
same for the same command line. ``show`` and ``tip`` read one entry of the
guide (`effects_cli.entries`), never the whole of a large one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from effects_cli.cli.results import Contents, EntryView, Kept, ShortTip

if TYPE_CHECKING:
    from effects_cli.cli.results import Result
    from effects_cli.guides import GuideSource

Answer = tuple["Result", Kept]


def contents(source: GuideSource, *, tree: bool) -> Answer:
    """``list`` (``--tree``): the sections, and with ``tree`` their sub-points."""
    entries = source.entries()
    return Contents(entries.guide(), tree=tree), Kept("list-tree" if tree else "list", entries)


def shown(source: GuideSource, reference: str) -> Answer:
    """``show REF``: the section or the sub-point ``reference`` names."""
    entries = source.entries()
    entry, section = entries.find(reference)
    return EntryView(entry, section), Kept(f"show:{entry.ref}", entries)


def tip(
    source: GuideSource,
    *,
    seed: int | None = None,
    section: int | None = None,
    daily: bool = False,
    short: bool = False,
) -> Answer:
    """``tip``: one sub-point of the guide (or of ``section``), the day's with ``daily``,
    the same for the same ``seed``, else at random; in two lines with ``short``."""
    entries = source.entries()
    count = entries.count(section)
    if daily:
        from effects_cli.daily import daily_pick, today

        index = daily_pick(range(count), today().toordinal())
    else:
        import random

        # As random.choice(points) picks: the same seed, the same sub-point.
        index = random.Random(seed).choice(range(count))
    point, heading = entries.point(index, section)
    view = ShortTip if short else EntryView
    kind = "short" if short else "show"
    at_random = not daily and seed is None and section is None
    return view(point, heading), Kept(f"{kind}:{point.ref}", entries, kind if at_random else None)
