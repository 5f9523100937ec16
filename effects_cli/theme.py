"""The styles of output for people, for the background they are read on.

Two themes, ``dark`` (light text on a dark background, the usual terminal) and ``light``
(dark text on white), chosen by ``EFFECTS_THEME``, else by ``COLORFGBG`` where the
terminal sets it, else dark. Each is tuned to its background (cyan headings on dark,
blue on white) and still reads on the other, since dark is also what a white terminal
that does not say so gets: no yellow (unreadable on white), matches in magenta, which
reads on both. No meaning rests on colour alone: references, titles and matches are
bold, and matches underlined too, so ``NO_COLOR`` (which keeps bold and underline)
loses nothing.

Styles are written as Rich writes them (``"bold cyan"``); `sgr` turns one into the escape
code Rich would print for it, for output made without Rich (``tip --short``).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

VARIABLE = "EFFECTS_THEME"
THEMES: dict[str, dict[str, str]] = {
    "dark": {
        "guide_title": "bold",
        "subtitle": "italic",
        "heading": "bold",
        "ref": "bold cyan",
        "title": "bold",
        "section_title": "bold cyan",
        "meta": "dim",
        "match": "bold underline magenta",
        "rule": "cyan",
    },
    "light": {
        "guide_title": "bold",
        "subtitle": "italic",
        "heading": "bold",
        "ref": "bold blue",
        "title": "bold",
        "section_title": "bold blue",
        "meta": "dim",
        "match": "bold underline magenta",
        "rule": "blue",
    },
}
CHOICES = ("dark", "light", "auto")
"""What EFFECTS_THEME may say (``auto``, like unset or empty: COLORFGBG, else dark)."""


class UnknownTheme(ValueError):
    """An EFFECTS_THEME that names no theme."""


def chosen_theme(environ: Mapping[str, str]) -> str:
    """The theme EFFECTS_THEME names, or the one COLORFGBG's background calls for (its
    last field: 7 and 15 are white, 0 to 6 and 8 dark), or dark.

    Raises `UnknownTheme` for another value of EFFECTS_THEME.
    """
    asked = environ.get(VARIABLE, "").strip().lower()
    if asked not in (*CHOICES, ""):
        raise UnknownTheme(environ[VARIABLE])
    if asked in THEMES:
        return asked
    background = environ.get("COLORFGBG", "").rpartition(";")[2].strip()
    return "light" if background in ("7", "15") else "dark"


_ATTRIBUTES = {"bold": 1, "dim": 2, "italic": 3, "underline": 4, "reverse": 7}
_COLOURS = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")


def sgr(style: str, *, colour: bool = True) -> str:
    """The escape code that starts ``style``, as Rich writes it with the standard colours
    (attributes in Rich's order, then the colour); without ``colour`` the attributes only,
    as Rich does under NO_COLOR. Empty for a style with nothing to show."""
    words = style.split()
    codes = [code for name, code in _ATTRIBUTES.items() if name in words]
    if colour:
        codes += [30 + _COLOURS.index(word) for word in words if word in _COLOURS]
    return f"\x1b[{';'.join(map(str, codes))}m" if codes else ""


RESET = "\x1b[0m"


def painted(text: str, style: str, colour: bool = True) -> str:
    """``text`` in ``style``, as Rich prints it: the style's code, the text, a reset (none
    of either when the style shows nothing)."""
    code = sgr(style, colour=colour)
    return f"{code}{text}{RESET}" if code else text
