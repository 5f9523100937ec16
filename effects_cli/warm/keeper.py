"""The full program's side of the fast path: keeping what it printed, to be printed again.

After a command printed a view of a guide for people (`output.emit` with
``keep``), the bytes go into the replay file of that guide and view
(`replay.keep`). A small guide gets every view it has laid out at once the first
time (its sections and sub-points, their short tips, the contents), so that
the next `tip --daily` is replayed too, whatever it picks; a large one keeps
what was printed. Laid out by the very code that printed: the fast path never
has bytes the full program would not have printed.
"""

from __future__ import annotations

import os
import sys

from effects_cli.model import Guide, Point

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from effects_cli.cli.options import Settings
    from effects_cli.cli.results import Kept, Result, Target
    from effects_cli.entries import Entries

ALL_VIEWS_UP_TO = 300
"""A guide of at most this many entries has all its views laid out when the first is kept
(about a millisecond each)."""


def keep_view(
    settings: Settings,
    target: Target,
    kept: Kept,
    printed: bytes,
    lay_out: Callable[[Result], bytes],
) -> None:
    """Keep ``printed`` (the bytes of ``kept``'s view) for the fast path, and every other
    view of a small guide the first time, each as ``lay_out`` prints a result."""
    from effects_cli.warm import replay, view

    notices = sys.modules.get("effects_cli.notices")  # loaded only once something is told
    if notices is not None and notices.told():
        return  # a cache folder refused, say: nothing is kept
    key = view.key(
        str(settings.source.file),
        settings.source.max_bytes,
        target.styling,
        environ=os.environ,
        is_terminal=target.is_terminal,
    )
    if key is None:
        return
    sizes = kept.entries.sizes
    texts = {kept.name: printed}
    ahead = None
    small = len(sizes) + sum(sizes) <= ALL_VIEWS_UP_TO
    if kept.ahead is not None and not small:
        picked = _picked_ahead(kept.entries, kept.ahead, lay_out)
        texts = {**picked, **texts}
        ahead = (int.from_bytes(os.urandom(7), "big"), tuple(picked))
    every_view = (lambda: _every_view(kept.entries.guide(), lay_out)) if small else None
    replay.keep(key, sizes, texts, _days_ahead(sum(sizes)), ahead, first=every_view)


TIPS_AHEAD = 16
"""Random tips of a large guide laid out ahead by the run that lays one out: sixteen later
runs of ``tip`` replay one each (about a millisecond each to lay out)."""


def _picked_ahead(
    entries: Entries, kind: str, lay_out: Callable[[Result], bytes]
) -> dict[str, bytes]:
    """`TIPS_AHEAD` sub-points picked at random from the whole guide, each on its own (as
    ``tip`` picks: any sub-point, every time), laid out as ``kind`` shows them."""
    from effects_cli.cli.results import EntryView, ShortTip

    view = ShortTip if kind == "short" else EntryView
    count = entries.count()
    picked: dict[str, bytes] = {}
    for _ in range(TIPS_AHEAD):
        point, section = entries.point(int.from_bytes(os.urandom(8), "big") % count)
        picked.setdefault(f"{kind}:{point.ref}", lay_out(view(point, section)))
    return picked


DAYS_AHEAD = 62
"""Tips of the day kept ahead: two months of shells started with ``tip --daily``."""
DAILY_UP_TO = 5000
"""Sub-points a guide may have for its tips of the day to be kept (each run of days is a
shuffle of them all)."""


def _days_ahead(points: int) -> tuple[int, tuple[int, ...]] | None:
    """The tips of the day from yesterday on (`effects_cli.daily`), for a guide of
    ``points`` sub-points, as the fast path reads them (`replay.Replay.daily_pick`)."""
    if points > DAILY_UP_TO:
        return None
    from effects_cli.daily import daily_picks, today

    first = today().toordinal() - 1
    return first, daily_picks(points, first, DAYS_AHEAD)


def _every_view(guide: Guide, lay_out: Callable[[Result], bytes]) -> dict[str, bytes]:
    """Every view of ``guide`` the fast path answers, laid out as the commands lay them out."""
    from effects_cli.cli.results import Contents, EntryView, ShortTip

    views: dict[str, Result] = {
        "list": Contents(guide, tree=False),
        "list-tree": Contents(guide, tree=True),
    }
    for entry in guide.entries():
        section = guide.section_of(entry) if isinstance(entry, Point) else entry
        views[f"show:{entry.ref}"] = EntryView(entry, section)
        if isinstance(entry, Point):
            views[f"short:{entry.ref}"] = ShortTip(entry, section)
    return {name: lay_out(result) for name, result in views.items()}
