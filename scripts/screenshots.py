"""Draw the README's pictures: `effects show 4` and `effects search stigma` on a dark
terminal, and `effects search stigma` with ``EFFECTS_THEME=light`` on a white one.

Runs the real program (``python -m effects_cli``) with colour on, 80 columns
wide, and has Rich turn what it printed into SVG, in the colours of a dark terminal
(Monokai) or a white one (xterm's palette on white). Run it after a change to the
output, from the repository root, and commit the files it writes:

    python scripts/screenshots.py
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.terminal_theme import MONOKAI, TerminalTheme
from rich.text import Text

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
WIDTH = 80
PICTURES = {
    "show-4.svg": (["show", "4"], "dark"),
    "search-stigma.svg": (["search", "stigma"], "dark"),
    "search-stigma-light.svg": (["search", "stigma"], "light"),
}
"""Each picture's file name under docs/, the arguments of the command it shows, and the
theme (EFFECTS_THEME) and background it is shown on."""
WHITE = TerminalTheme(
    (255, 255, 255),
    (0, 0, 0),
    [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
    ],
    [
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ],
)
"""xterm's own colours on a white background: what a light terminal shows."""
BACKGROUNDS = {"dark": MONOKAI, "light": WHITE}


def terminal_output(args: list[str], theme: str = "dark") -> str:
    """What ``effects ARGS`` prints in colour on an 80-column terminal, escape codes and all."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("NO_COLOR", "FORCE_COLOR", "EFFECTS_GUIDE", "LINES")
    }
    environment["COLUMNS"] = str(WIDTH)
    environment["EFFECTS_THEME"] = theme
    return subprocess.run(
        [sys.executable, "-m", "effects_cli", "--color", "always", "--no-pager", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def picture(args: list[str], theme: str = "dark") -> str:
    """An SVG of a terminal window showing the command and what it printed."""
    console = Console(
        record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="standard"
    )
    prompt = "blue" if theme == "light" else "green"
    console.print(Text.assemble(("$ ", f"bold {prompt}"), "effects " + " ".join(args)))
    console.print(Text.from_ansi(terminal_output(args, theme)), end="")
    title = "effects " + " ".join(args) + (f" (EFFECTS_THEME={theme})" if theme != "dark" else "")
    return console.export_svg(title=title, theme=BACKGROUNDS[theme])


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    for name, (args, theme) in PICTURES.items():
        (DOCS / name).write_text(picture(args, theme), encoding="utf-8")
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
