"""Every guide ``effects`` reads works in ``effects browse``: a Markdown guide of one's own,
read by its path or by its name in the guide folder, shows the entries, texts and hits
that the other commands show of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from tests.browse.screens import SMALL, WIDE, browser, drive, plain, reader, search, text_of
from tests.helpers import Invoke, on_terminal, screen_text

NIGHT_OWLS = """\
# Night Owls

A guide for late sleepers.

## 1. Winding Down

Keywords: evening, routine

Related: insomnia

The hour before bed decides much of the night.

### 1.1 Dim the Lights

Bright light in the evening delays sleep; switch to *lamps*.

### 1.2 Put the Phone Away

Notifications keep the mind alert at night.

## 2. The Morning After

A late night need not spoil the next day.

### 2.1 Daylight First

Go outside within an hour of waking: morning light sets the clock.

## Conclusion

One habit at a time.
"""


@pytest.fixture
def markdown_guide(tmp_path: Path) -> Path:
    path = tmp_path / "night-owls.md"
    path.write_text(NIGHT_OWLS, encoding="utf-8")
    return path


def test_a_markdown_guide_reads_as_the_other_commands_read_it(
    markdown_guide: Path, invoke: Invoke
) -> None:
    guide = ["--guide", str(markdown_guide)]
    listed = json.loads(invoke(*guide, "list", "--json").stdout)
    refs = [
        ref
        for section in listed["sections"]
        for ref in (section["ref"], *(p["ref"] for p in section["points"]))
    ]

    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        assert pilot.app.title == listed["title"]
        for index, ref in enumerate(refs):
            if index:
                await pilot.press("j")
            assert screen.shown.ref == ref
            assert plain(screen.reading.renderable) == invoke(*guide, "show", ref).stdout

    drive(browser(markdown_guide), script)


@pytest.mark.parametrize("query", ["evening", "light", "insomnia", "sleeep"])
def test_a_markdown_guides_search_is_effects_search(
    markdown_guide: Path, invoke: Invoke, query: str
) -> None:
    """Its keywords, its related words (the honest not-covered answer), a typo."""
    result = invoke("--guide", str(markdown_guide), "search", query, "--json")
    expected = (
        [hit["ref"] for hit in json.loads(result.stdout)["hits"]] if not result.exit_code else []
    )

    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, query)
        assert [hit.entry.ref for hit in panel.found.hits] == expected

    drive(browser(markdown_guide), script)


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("insomnia", id="hits-then-not-covered"),
        pytest.param("lightqqqzzz", id="hits-then-nothing"),
        pytest.param("light", id="hits-all-along"),
    ],
)
def test_keys_typed_together_search_for_what_was_typed(
    markdown_guide: Path, invoke: Invoke, query: str
) -> None:
    """Typed faster than the screen follows (a paste, a fast typist): the hits of a prefix
    arrive after the next key has searched again, and are left alone (they once opened
    a hit that was no longer listed, and the program died)."""
    told = invoke("--guide", str(markdown_guide), "search", query)

    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, "")
        box = panel.query_one(Input)
        for char in query:  # all at once: no wait between them
            box.post_message(events.Key(char, char))
        await pilot.pause()
        await pilot.pause()
        assert pilot.app.is_running
        assert box.value == query
        screen = reader(pilot)
        if told.exit_code:
            assert panel.found.hits == ()
            said = told.stderr.removeprefix("effects: ").rstrip(".\n")
            assert said.lower().startswith(panel.found.status.lower().rstrip("."))
        # The first entry listed previewed (a hit, or a related entry), else none.
        listed = panel.found.listed
        assert screen.shown == (listed[0] if listed else screen.guide.sections[0])
        assert bool(listed) == (query != "lightqqqzzz")
        await pilot.press("escape")
        assert text_of(pilot.app, screen.query_one("#note")) == ""

    drive(browser(markdown_guide), script)


@pytest.mark.posix  # a pseudo-terminal
def test_a_guide_by_its_name_in_the_guide_folder(guide_folder: Path, tmp_path: Path) -> None:
    (guide_folder / "night-owls.md").write_text(NIGHT_OWLS, encoding="utf-8")
    typing = [("Winding Down", b"/"), b"lamps", ("hit 1 of 1", b"\r"), ("for lamps", b"q")]
    shown = on_terminal("--guide", "night-owls", "browse", cwd=tmp_path, keys=typing)
    assert (shown.returncode, shown.stderr) == (0, "")
    text = screen_text(shown.stdout)
    assert "Night Owls" in text and "Bright light in the evening" in text


@pytest.mark.parametrize("size", [WIDE, SMALL], ids=["wide", "small"])
def test_a_small_guides_search_is_as_wide_as_any(
    markdown_guide: Path, size: tuple[int, int]
) -> None:
    """The outline of short titles is narrow beside the text; the search that takes its
    place is not (half the screen; a small screen's whole width), nor the small screen's
    outline."""

    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        widest = max(len(f"{entry.ref}  {entry.title}") for entry in screen.guide.entries())
        full = size == SMALL
        left = screen.query_one("#left")  # the outline, or the search in its place
        assert left.region.width == (size[0] if full else widest + 6)
        await search(pilot, "light")
        assert left.region.width == (size[0] if full else size[0] // 2)
        await pilot.press("escape")
        assert left.region.width == (size[0] if full else widest + 6)

    drive(browser(markdown_guide), script, size=size)
