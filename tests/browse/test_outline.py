"""The outline: every entry in order, numbered as everywhere; moved through with the arrows
and j/k, folded and unfolded; the entry under the cursor in the reading pane, rendered as
``effects show`` renders it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from effects_cli.browse.outline import UNFOLDED
from effects_cli.model import Guide, Section
from effects_cli.render import REF, TITLE, rich_theme
from tests.browse.screens import (
    Outline,
    browser,
    drawn,
    drive,
    plain,
    reader,
    search,
)
from tests.helpers import Invoke, squeezed


def _lines(outline: Outline) -> list[str]:
    """The outline's entries as shown: each line's label, in order (folded ones left out)."""
    return [outline.get_node_at_line(line).label.plain for line in range(outline.last_line + 1)]


def test_the_outline_lists_every_entry_in_order_numbered(guide: Guide, invoke: Invoke) -> None:
    async def script(pilot: Pilot[None]) -> None:
        outline = reader(pilot).outline
        expected = [f"{entry.ref}  {entry.title}" for entry in guide.entries()]
        assert _lines(outline) == expected
        # The same numbering and titles as `effects list --tree`, one entry a line.
        tree = invoke("list", "--tree").stdout.splitlines()
        assert [" ".join(line.split()[:-2]) for line in tree if line.endswith("points")] == [
            " ".join(label.split()) for label in expected if "." not in label.split()[0]
        ]

    drive(browser(), script)


def test_moving_down_shows_each_entry_as_effects_show_renders_it(
    guide: Guide, invoke: Invoke
) -> None:
    """Every entry in turn, by ``j`` and the down arrow: the pane holds the very rendering of
    ``effects show REF``, and the screen shows its text word for word."""

    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        for index, entry in enumerate(guide.entries()):
            if index:
                await pilot.press("j" if index % 2 else "down")
            assert screen.outline.entry == entry
            assert screen.shown == entry
            shown = plain(screen.reading.renderable)
            assert shown == invoke("show", entry.ref).stdout, entry.ref
            on_screen = squeezed(drawn(screen.reading.query_one("#text")))
            assert squeezed(entry.text) in on_screen, entry.ref

    drive(browser(), script)


def test_moving_up_goes_back(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("j", "j", "j", "k", "up")
        assert reader(pilot).shown == guide.sections[0].points[0]

    drive(browser(), script)


def test_folding_and_unfolding(guide: Guide) -> None:
    first, second = guide.sections[0], guide.sections[1]

    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        outline = screen.outline
        everything = len(_lines(outline))
        await pilot.press("j", "left")  # from 1.1: to its section
        assert outline.entry == first
        await pilot.press("h")  # fold section 1
        assert len(_lines(outline)) == everything - len(first.points)
        await pilot.press("j")  # the next line is now section 2
        assert screen.shown == second
        await pilot.press("k", "right")  # unfold section 1 again
        assert len(_lines(outline)) == everything
        await pilot.press("l")  # unfolded: to its first sub-point
        assert screen.shown == first.points[0]

    drive(browser(), script)


def test_a_click_reads_an_entry(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        line = 5  # 2.1: section 1 and its three sub-points, section 2, then 2.1
        await pilot.click(Outline, offset=(8, line))
        await pilot.pause()
        assert reader(pilot).shown == guide.sections[1].points[0]

    drive(browser(), script)


def test_labels_are_headings_of_the_guide() -> None:
    """References in the colour they have everywhere; sections' titles in bold, sub-points'
    plain, so that sections stand out."""

    async def script(pilot: Pilot[None]) -> None:
        outline = reader(pilot).outline
        for line in range(outline.last_line + 1):
            node = outline.get_node_at_line(line)
            styles = [str(span.style) for span in node.label.spans]
            assert styles[0] == REF
            assert (TITLE in styles) == isinstance(node.data, Section), node.data.ref

    drive(browser(), script)


def _big_guide(sections: int, points: int) -> str:
    """A guide of more entries than the outline unfolds at the start."""
    lines = ["title: Big", "sections:"]
    for s in range(1, sections + 1):
        lines += [f"  - title: Section {s}", f"    text: Text of section {s}.", "    points:"]
        lines += [
            f"      - {{title: Point {s}.{p}, text: Text {s}.{p} gardens.}}"
            for p in range(1, points + 1)
        ]
    return "\n".join(lines) + "\n"


def test_a_large_guide_opens_folded_and_unfolds_on_demand(
    write_guide: Callable[..., Path],
) -> None:
    sections, points = 60, 9  # 600 entries: over UNFOLDED
    assert sections * (points + 1) > UNFOLDED
    path = write_guide(_big_guide(sections, points))

    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        outline = screen.outline
        assert _lines(outline) == [f"{s}  Section {s}" for s in range(1, sections + 1)]
        await pilot.press("j", "l", "l")  # section 2: unfold, then its first sub-point
        assert screen.shown.ref == "2.1"
        assert _lines(outline)[2:4] == ["2.1  Point 2.1", "2.2  Point 2.2"]
        await search(pilot, "gardens")
        await pilot.press("enter")  # the first hit, in a section still folded
        await pilot.pause()
        assert outline.entry == screen.shown
        assert outline.get_node_at_line(outline.cursor_line).data == screen.shown

    drive(browser(path), script)


def test_a_label_too_long_for_the_outline_ends_in_an_ellipsis(guide: Guide) -> None:
    """Cut where the outline ends, with ``…`` to say so (not cropped mid-word)."""

    async def script(pilot: Pilot[None]) -> None:
        outline = reader(pilot).outline
        width = outline.scrollable_content_region.width
        entries = [f"{entry.ref}  {entry.title}" for entry in guide.entries()]
        lines = drawn(outline).splitlines()[: len(entries)]
        cut = 0
        for line, label in zip(lines, entries, strict=True):
            assert len(line) <= width
            shown = line.lstrip("▼▶├└─│ ")
            if shown != label:
                assert shown.endswith("…") and label.startswith(shown[:-1]), line
                assert len(line) == width
                cut += 1
        assert cut  # some labels are longer than 40 columns

    drive(browser(), script, size=(40, 44))  # every entry on the screen


def test_a_click_on_a_sections_arrow_folds_it(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        outline = reader(pilot).outline
        everything = len(_lines(outline))
        await pilot.click(Outline, offset=(0, 0))  # the arrow before section 1
        await pilot.pause()
        assert len(_lines(outline)) == everything - len(guide.sections[0].points)
        await pilot.click(Outline, offset=(0, 0))
        await pilot.pause()
        assert len(_lines(outline)) == everything

    drive(browser(), script)


@pytest.mark.parametrize("styles", ["dark", "light"])
def test_references_have_the_colour_of_the_theme(styles: str) -> None:
    """The outline's references in the theme's colour for them, as every command shows
    them; Textual's screen in its own theme of the same lightness."""

    async def script(pilot: Pilot[None]) -> None:
        outline = reader(pilot).outline
        (ref,) = [seg for seg in outline.render_line(1) if seg.text == "1.1"]
        assert ref.style is not None
        assert ref.style.color == rich_theme(styles).styles[REF].color
        assert pilot.app.theme == f"textual-{styles}"

    drive(browser(styles=styles), script)
