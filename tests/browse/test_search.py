"""Search as you type: the engine of ``effects search``, its hits listed as it prints them;
Up/Down choose, Enter opens with the matches marked, Escape closes; n and N after."""

from __future__ import annotations

import json

import pytest
from rich.text import Text
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from effects_cli.model import Guide, Section
from effects_cli.render import MATCH
from tests.browse.screens import (
    ReadingPane,
    SearchPanel,
    browser,
    drive,
    plain,
    reader,
    search,
    search_refs,
    stigma,
    text_of,
)
from tests.helpers import Invoke, squeezed

QUERIES = ["stigma", "peer support", "meditaton", '"mental health support groups"', "support"]
"""A word, two words, a typo, a phrase, and a word with more hits than effects search shows
unless told (10)."""


def test_slash_stigma_lists_the_hits_of_effects_search_stigma(invoke: Invoke) -> None:
    """Typed a key at a time, as a person types: each key searches again."""

    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, "stigma", typed=True)
        assert [hit.entry.ref for hit in panel.found.hits] == list(stigma())

    drive(browser(), script)


def test_what_a_terminal_would_obey_is_left_out_of_a_pasted_query() -> None:
    """The box draws its text as it is: a bidi override or a C1 control pasted into it
    would reach the terminal. They, and other controls, are left out; a tab is a space."""

    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, "")
        box = panel.query_one(Input)
        box.post_message(events.Paste("sti\u202e\x9b\x07gma\tgroups\nsecond line"))
        await pilot.pause()
        assert box.value == "stigma groups"
        await pilot.press("x", "\u202e")  # a key's character too
        assert box.value == "stigma groupsx"

    drive(browser(), script)


@pytest.mark.parametrize("query", QUERIES)
def test_hits_are_those_of_effects_search_in_its_order(invoke: Invoke, query: str) -> None:
    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, query)
        assert [hit.entry.ref for hit in panel.found.hits] == search_refs(query)

    drive(browser(), script)


def test_the_hits_look_as_effects_search_prints_them(invoke: Invoke) -> None:
    """Reference, title and snippet of each hit, in effects search's words; the count above."""

    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, "stigma")
        listed = text_of(pilot.app, panel.query_one("#hits"))
        printed = invoke("search", "stigma").stdout
        assert squeezed(listed) == squeezed(printed)
        assert text_of(pilot.app, panel.query_one("#status")) == f"{len(stigma())} hits"

    drive(browser(), script)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        pytest.param("", 'Type words to search for; quote a phrase: "peer support".', id="empty"),
        pytest.param("[/]", '"[/]" has no words to search for.', id="no-words"),
    ],
)
def test_the_line_above_an_empty_search_says_what_to_type(query: str, status: str) -> None:
    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, query)
        assert panel.found.status == status
        assert squeezed(text_of(pilot.app, panel.query_one("#status"))) == squeezed(status)

    drive(browser(), script)


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("xyzzy", id="nothing"),
        pytest.param("depresion", id="a-word-the-guide-lacks"),
        pytest.param("social", id="in-every-entry"),
        pytest.param("where can I learn to knit", id="not-covered"),
        pytest.param("meditaton", id="a-typo-corrected"),
        pytest.param("stigma", id="hits"),
    ],
)
def test_the_line_above_the_hits_says_what_effects_search_says(invoke: Invoke, query: str) -> None:
    """In the words of ``effects search``: its message when nothing matched, its note of a
    corrected typo, then how many hits."""
    result = invoke("search", query, "--limit", "1000", "--json")
    told = [line.removeprefix("effects: ") for line in invoke("search", query).stderr.splitlines()]
    related = [entry["ref"] for entry in json.loads(result.stdout or "{}").get("related", [])]
    if related:  # named in the list below, to be opened
        assert told[0].startswith(f'nothing about "{query}"; related: {related[0]} ')
        expected = f'Nothing about "{query}"; related:'
    elif result.exit_code:
        expected = told[0][0].upper() + told[0][1:]
        expected += "" if expected.endswith((".", "?")) else "."
    else:
        count = len(json.loads(result.stdout)["hits"])
        expected = " ".join([*told, f"{count} hit" + ("s" if count != 1 else "")])

    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, query)
        assert panel.found.status == expected
        assert squeezed(text_of(pilot.app, panel.query_one("#status"))) == squeezed(expected)

    drive(browser(), script)


def _marked(text: Text) -> list[str]:
    return [text.plain[span.start : span.end] for span in text.spans if span.style == MATCH]


def _all_marked(renderable: object) -> list[str]:
    parts = getattr(renderable, "renderables", [renderable])
    return [word for part in parts if isinstance(part, Text) for word in _marked(part)]


def test_enter_opens_the_chosen_hit_with_the_matches_marked(guide: Guide, invoke: Invoke) -> None:
    async def script(pilot: Pilot[None]) -> None:
        await search(pilot, "stigma")
        await pilot.press("down", "enter")  # the second hit
        await pilot.pause()
        screen = reader(pilot)
        assert not screen.search.display
        assert screen.shown == guide.lookup(stigma()[1]) == screen.outline.entry
        assert screen.outline.has_focus
        assert plain(screen.reading.renderable) == invoke("show", stigma()[1]).stdout  # same text
        assert _all_marked(screen.reading.renderable) == ["stigma"]
        note = text_of(pilot.app, screen.query_one("#note"))
        assert note == f"hit 2 of {len(stigma())} for stigma: n next, N previous"

    drive(browser(), script)


def test_a_section_hit_marks_every_form_that_matched(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        await search(pilot, "stigma")
        await pilot.press("enter")  # the first hit: a section, with its sub-points
        assert isinstance(reader(pilot).shown, Section)
        marked = _all_marked(reader(pilot).reading.renderable)
        assert {word.lower() for word in marked} == {"stigma", "stigmatize"}
        assert len(marked) > 2  # in the heading, the section's text and its sub-points'

    drive(browser(), script)


def test_choosing_previews_and_escape_goes_back(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("j")  # reading 1.1
        await search(pilot, "stigma")
        screen = reader(pilot)
        assert screen.shown == guide.lookup(stigma()[0])  # the first hit, previewed
        await pilot.press("down", "down")
        assert screen.shown == guide.lookup(stigma()[2])
        assert screen.outline.entry == guide.lookup("1.1")  # the outline stays
        await pilot.press("up")
        assert screen.shown == guide.lookup(stigma()[1])
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.search.display and screen.outline.has_focus
        assert screen.shown == guide.lookup("1.1")  # as before the search
        assert _all_marked(screen.reading.renderable) == []

    drive(browser(), script)


def test_n_and_n_go_through_the_hits_once_the_search_is_closed(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        await search(pilot, "stigma")
        await pilot.press("escape")
        seen = []
        for _ in range(len(stigma()) + 1):
            await pilot.press("n")
            seen.append(screen.shown.ref)
        assert seen == [*stigma(), stigma()[0]]  # round from the end
        await pilot.press("N", "N")
        assert screen.shown.ref == stigma()[-2] == screen.outline.entry.ref

    drive(browser(), script)


def test_n_before_any_search_does_nothing(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("n", "N")
        assert reader(pilot).shown == guide.sections[0]

    drive(browser(), script)


@pytest.mark.parametrize("key", ["q", "t", "question_mark", "n", "slash", "j"])
def test_the_search_box_takes_every_key_as_text(key: str) -> None:
    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, "stigma")
        await pilot.press(key)
        await pilot.pause()
        typed = {"question_mark": "?", "slash": "/"}.get(key, key)
        assert panel.query_one("#query").value == "stigma" + typed
        assert pilot.app.is_running and panel.display

    drive(browser(), script)


def test_a_click_on_a_hit_opens_it(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("j")
        panel = await search(pilot, "stigma")
        await pilot.click("#hits", offset=(10, 0))  # the first hit
        await pilot.pause()
        screen = reader(pilot)
        assert not panel.display
        assert screen.shown == guide.lookup(stigma()[0]) == screen.outline.entry

    drive(browser(), script)


def test_searching_again_starts_from_the_last_query(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, "stigma")
        await pilot.press("enter", "slash")
        await pilot.pause()
        assert panel.query_one("#query").value == "stigma"
        await pilot.press(*"peer")  # typing replaces it, a key at a time
        await pilot.pause()
        assert panel.query_one("#query").value == "peer"
        assert isinstance(panel, SearchPanel)

    drive(browser(), script)


def test_keys_faster_than_the_screen_end_on_the_last_hit(guide: Guide) -> None:
    """n and N pressed in a row, before the outline has followed: the last one wins, its
    matches marked, its note shown."""

    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        await search(pilot, "stigma")
        await pilot.press("escape")
        for key in "nnnNN":  # all at once, as from a key held down: no wait between them
            pilot.app.post_message(events.Key(key, key))
        await pilot.pause()
        assert screen.shown == guide.lookup(stigma()[0]) == screen.outline.entry
        assert _all_marked(screen.reading.renderable)
        assert text_of(pilot.app, screen.query_one("#note")).startswith(f"hit 1 of {len(stigma())}")

    drive(browser(), script)


@pytest.mark.parametrize("monochrome", [False, True], ids=["colour", "monochrome"])
def test_the_chosen_hit_stands_out_without_colour_too(monochrome: bool) -> None:
    """NO_COLOR takes Textual's cursor colour away: the chosen hit is then reversed."""

    def reversed_lines(panel: SearchPanel) -> list[int]:
        hits = panel.query_one("#hits")
        lines = range(hits.scrollable_content_region.height)
        return [
            y for y in lines if any(seg.style and seg.style.reverse for seg in hits.render_line(y))
        ]

    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, "stigma")
        first = reversed_lines(panel)
        await pilot.press("down")
        second = reversed_lines(panel)
        if monochrome:
            assert first and second and first[0] == 0 and second[0] == first[-1] + 1
        else:
            assert first == second == []  # the cursor is a colour

    drive(browser(monochrome=monochrome), script)


def test_related_entries_are_listed_to_be_opened(guide: Guide, invoke: Invoke) -> None:
    """Not covered, but some entries list the words as related: the list offers them."""
    result = invoke("search", "depresion", "--json")
    related = [entry["ref"] for entry in json.loads(result.stdout)["related"]]
    assert result.exit_code and len(related) > 1

    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, "depresion")
        screen = reader(pilot)
        assert [entry.ref for entry in panel.found.listed] == related
        listed = text_of(pilot.app, panel.query_one("#hits")).split()
        assert listed[:3] == [related[0], *guide.lookup(related[0]).title.split()[:2]]
        assert screen.shown == guide.lookup(related[0])  # previewed
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.shown == guide.lookup(related[1]) == screen.outline.entry
        note = text_of(pilot.app, screen.query_one("#note"))
        assert squeezed(note) == squeezed(
            f"related entry 2 of {len(related)} for depresion: n next, N previous"
        )
        await pilot.press("n")
        assert screen.shown == guide.lookup(related[2 % len(related)])

    drive(browser(), script)


@pytest.mark.parametrize("key", ["escape", "slash"])
def test_a_click_away_from_the_search_leaves_its_keys_working(guide: Guide, key: str) -> None:
    """Clicked into the text while searching (to read the hit previewed there): Escape
    still closes the search, and ``/`` goes back to its box (they once did nothing, the
    box out of reach)."""

    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, "stigma")
        screen = reader(pilot)
        await pilot.click(ReadingPane, offset=(5, 5))
        await pilot.pause()
        assert screen.reading.has_focus
        await pilot.press("q", key)  # q is not a key of the text while searching
        await pilot.pause()
        assert pilot.app.is_running
        box = panel.query_one("#query")
        if key == "escape":
            assert not panel.display and screen.outline.has_focus
            assert screen.shown == guide.sections[0]  # as before the search
        else:
            assert panel.display and box.has_focus
            await pilot.press("x")  # as after any /: the query selected, replaced
            assert box.value == "x"

    drive(browser(), script)
